/**
 * The consolidated view from the endpoint's planner API: GET /api/v1/consolidation (unit × target matrix of parsed
 * entries and the city figures, already computed by the domain's aggregate() on the server) and
 * GET /api/v1/completeness. Each unit's own figure and status in the matrix come from the domain's assess() — the same
 * function that judges a unit's report when it is validated.
 */
import type { Narrative } from "../report/narrative";
import { assess } from "../rules";
import type { Bilingual, Catalog, CityFigure, ParsedEntry, Period, Unit, UnitRegistry } from "../types";
import { buildScorecard } from "./scorecard";
import {
  unitGroupName,
  type CompletenessRow,
  type CompletenessState,
  type ConsolidationView,
  type MatrixCell,
} from "./view";

/** The parts of GET /consolidation this view reads. */
export interface EndpointConsolidation {
  period: string;
  group: string | null;
  catalogVersion: string;
  unitsExpected: string[];
  matrix: {
    unitCode: string;
    unitName: Bilingual;
    submissionId: string;
    status: string;
    entries: ParsedEntry[];
    /** the narrative sent with the revision, when the endpoint gives it */
    narrative?: Narrative | null;
  }[];
  figures: CityFigure[];
}

/** The parts of GET /completeness this view reads. */
export interface EndpointCompleteness {
  counts: { expected: number; submitted: number; onTime: number; late: number; missing: number; returned: number };
  units: {
    unitCode: string;
    unitName: Bilingual;
    kind: string;
    state: "missing" | "submitted" | "returned" | "accepted";
    onTime: boolean | null;
    firstReceivedAt: string | null;
    comment: string | null;
    /** the unit sheet's contact, when the endpoint keeps it */
    contact?: { preparer: string | null; approver: string | null; phone: string | null } | null;
  }[];
}

export interface EndpointViewOptions {
  catalog: Catalog;
  period: Period;
  /** for the units' names and kinds when completeness does not list a unit */
  units?: UnitRegistry;
  group?: { id: string | null; name: Bilingual };
  generatedAt: string;
}

function stateOf(u: EndpointCompleteness["units"][number]): CompletenessState {
  if (u.state === "missing") return "missing";
  if (u.state === "returned") return "returned";
  if (u.onTime === null) return "submitted";
  return u.onTime ? "on_time" : "late";
}

export function viewFromEndpoint(
  c: EndpointConsolidation,
  done: EndpointCompleteness,
  opts: EndpointViewOptions,
): ConsolidationView {
  const { catalog, period } = opts;
  const rowsByUnit = new Map(done.units.map((u) => [u.unitCode, u]));
  const units: Unit[] = c.unitsExpected.map((code) => {
    const known = opts.units?.byCode(code);
    if (known) return known;
    const row = rowsByUnit.get(code);
    const kind = (["ward", "commune", "department", "city"] as const).find((k) => k === row?.kind) ?? "department";
    return {
      code,
      kind,
      name: row?.unitName ?? { vi: code, en: code },
      targetIds: [],
      toConfirm: false,
      demo: false,
      groups: [],
    };
  });
  const targets = new Map(catalog.targets.map((t) => [t.id, t]));
  const matrix: MatrixCell[] = [];
  for (const row of c.matrix) {
    for (const e of row.entries) {
      const t = targets.get(e.targetId);
      if (!t) continue;
      const a = assess(t, e, period, { scope: "unit" });
      matrix.push({
        unitCode: row.unitCode,
        targetId: t.id,
        figure: a.figure,
        numerator: e.numerator,
        denominator: e.denominator,
        milestone: e.milestone,
        progress: a.progress,
      });
    }
  }
  const submissionOf = new Map(c.matrix.map((m) => [m.unitCode, m.submissionId]));
  const rows: CompletenessRow[] = done.units.map((u) => ({
    unitCode: u.unitCode,
    unitName: u.unitName,
    state: stateOf(u),
    submittedAt: u.firstReceivedAt,
    source: submissionOf.get(u.unitCode) ?? null,
    contact: u.contact ?? null,
    note: u.comment ? { vi: `Ý kiến khi trả lại: ${u.comment}`, en: `Comment when returned: ${u.comment}` } : null,
  }));
  return {
    source: "endpoint",
    period,
    group: opts.group ?? {
      id: c.group,
      name: c.group ? unitGroupName(c.group) : { vi: "Tất cả đơn vị", en: "All units" },
    },
    generatedAt: opts.generatedAt,
    catalog,
    figures: c.figures,
    units,
    matrix,
    completeness: {
      rows,
      totals: {
        expected: done.counts.expected,
        submitted: done.counts.submitted,
        onTime: done.counts.onTime,
        late: done.counts.late,
        missing: done.counts.missing,
        returned: done.counts.returned,
        rejected: 0,
      },
    },
    scorecard: buildScorecard(catalog, c.figures),
    narratives: units.flatMap((u) => {
      const narrative = c.matrix.find((m) => m.unitCode === u.code)?.narrative;
      return narrative ? [{ unitCode: u.code, unitName: u.name, narrative }] : [];
    }),
  };
}
