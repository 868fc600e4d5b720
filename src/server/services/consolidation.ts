/**
 * Completeness and consolidation for a period and a unit group. The expected units are the domain's
 * `expectedUnits()` — every unit that reports at least one target of the current catalog, demo units only when asked,
 * retired units only for the periods before their retirement; in completeness also every unit that leads or co-owns
 * a key task in the period (it has a report to send even with no figure due) — and city figures come from the domain's aggregate():
 * never a second copy of either rule. The exports' formats (CSV, DHIS2) are in export-format.ts, re-exported here.
 */
import type { FastifyInstance } from "fastify";
import {
  aggregate,
  expectedIn,
  expectedUnits,
  parsePeriod,
  periodPhase,
  periodWindow,
  type UnitSelection,
} from "../../domain";
import type { Bilingual, ParsedEntry, Period, PeriodPhase } from "../../domain/types";
import { listBasisFlows, listBasisRevisions, listReportStates } from "../db/submissions";
import { withinBounds } from "../../domain/rules/bounds";
import { addFlows, canonicalContact, type ReportContact } from "./content";
import { earlierPeriodsOfYear } from "./submissions";
import { onExportThread } from "./export-thread";
import { boardFor, taskOwnersAt } from "./tasks";
import { matrixRow, targetsById, type Consolidation, type IncludedUnit } from "./export-format";

export * from "./export-format";

export interface UnitFilter {
  group?: string;
  includeDemo: boolean;
  /** the demo group alone (the classroom: a demo token, or a real planner asking for it) */
  onlyDemo?: boolean;
}

function selection(filter: UnitFilter): UnitSelection {
  return {
    ...(filter.group ? { group: filter.group } : {}),
    includeDemo: filter.includeDemo,
    onlyDemo: filter.onlyDemo === true,
  };
}

// --- completeness ----------------------------------------------------------------------------------------------

export type UnitState = "missing" | "submitted" | "returned" | "accepted";

export interface CompletenessUnit {
  unitCode: string;
  unitName: Bilingual;
  kind: string;
  demo: boolean;
  state: UnitState;
  onTime: boolean | null;
  late: boolean;
  locked: boolean;
  revision: number | null;
  firstReceivedAt: string | null;
  lastReceivedAt: string | null;
  comment: string | null;
  /** the unit sheet's contact sent with the latest revision; null when none was sent (or the unit is missing) */
  contact: ReportContact | null;
}

export interface Completeness {
  period: string;
  group: string | null;
  asOf: string;
  phase: PeriodPhase;
  deadline: string;
  counts: {
    expected: number;
    submitted: number;
    onTime: number;
    late: number;
    missing: number;
    returned: number;
    accepted: number;
  };
  units: CompletenessUnit[];
}

/**
 * Timeliness and locking are separate: `onTime` says whether the first revision arrived by the deadline, `late` is
 * true for a report that arrived after it or that is still missing once the deadline passed; `locked` follows the
 * planner's accept/unlock only.
 */
export async function completeness(
  app: FastifyInstance,
  period: Period,
  filter: UnitFilter,
  asOf: Date,
): Promise<Completeness> {
  const catalog = app.reference.currentCatalog;
  // a unit that leads or co-owns a key task has a report to send, figures due or not (issue #19)
  const owners = await taskOwnersAt(app.store.db, period);
  const ref = app.reference;
  const units = expectedUnits(catalog, ref.registry, period, selection(filter), ref.applicability, owners);
  const states = new Map((await listReportStates(app.store.db, period.id)).map((s) => [s.unit_code, s]));
  const phase = periodPhase(period, asOf);
  const overdue = phase === "late";
  const rows: CompletenessUnit[] = units.map((u) => {
    const s = states.get(u.code);
    if (!s) {
      return {
        unitCode: u.code,
        unitName: u.name,
        kind: u.kind,
        demo: u.demo,
        state: "missing",
        onTime: null,
        late: overdue,
        locked: false,
        revision: null,
        firstReceivedAt: null,
        lastReceivedAt: null,
        comment: null,
        contact: null,
      };
    }
    return {
      unitCode: u.code,
      unitName: u.name,
      kind: u.kind,
      demo: u.demo,
      state: s.status as UnitState,
      onTime: s.first_on_time === 1,
      late: s.first_on_time !== 1,
      locked: s.locked === 1,
      revision: s.latest_revision,
      firstReceivedAt: s.first_received_at,
      lastReceivedAt: s.last_received_at,
      comment: s.comment,
      contact: s.latest_contact ? canonicalContact(JSON.parse(s.latest_contact) as Partial<ReportContact>) : null,
    };
  });
  const submitted = rows.filter((r) => r.state !== "missing");
  return {
    period: period.id,
    group: filter.group ?? null,
    asOf: asOf.toISOString(),
    phase,
    deadline: periodWindow(period).deadline,
    counts: {
      expected: rows.length,
      submitted: submitted.length,
      onTime: submitted.filter((r) => r.onTime).length,
      late: submitted.filter((r) => !r.onTime).length,
      missing: rows.length - submitted.length,
      returned: rows.filter((r) => r.state === "returned").length,
      accepted: rows.filter((r) => r.state === "accepted").length,
    },
    units: rows,
  };
}

// --- consolidation ---------------------------------------------------------------------------------------------

/**
 * A consolidation whose matrix is not unpacked: the included units' stored (compressed) revisions, in the expected
 * units' order, and the city figures already computed. The exports stream from it, unpacking one unit at a time, so
 * no export holds every unit's text at once.
 */
export interface ConsolidationPlan extends Omit<Consolidation, "matrix"> {
  included: IncludedUnit[];
}

export async function planConsolidation(
  app: FastifyInstance,
  period: Period,
  filter: UnitFilter,
  basis: "latest" | "accepted",
): Promise<ConsolidationPlan> {
  const catalog = app.reference.currentCatalog;
  const registry = app.reference.registry;
  const applicability = app.reference.applicability;
  const units = expectedUnits(catalog, registry, period, selection(filter), applicability);
  const expected = new Set(units.map((u) => u.code));
  const rows = (await listBasisRevisions(app.store.db, period.id, basis)).filter((r) => expected.has(r.unit_code));
  const byUnit = new Map(rows.map((r) => [r.unit_code, r]));
  const included: ConsolidationPlan["included"] = [];
  for (const u of units) {
    const r = byUnit.get(u.code);
    if (r) included.push({ unitCode: u.code, unitName: u.name, row: r });
  }
  const unitCodes = units.map((u) => u.code);
  // flows are judged year to date: the figures of the earlier periods of the year, on the same basis, of the units
  // expected in each of those periods — a unit retired since still counts for the months it reported
  const earlier = earlierPeriodsOfYear(period);
  const expectedEarlier = new Map(
    earlier.map((id) => [
      id,
      new Set(
        expectedUnits(catalog, registry, parsePeriod(id) as Period, selection(filter), applicability).map(
          (u) => u.code,
        ),
      ),
    ]),
  );
  const ytd: Record<string, number> = {};
  for (const row of await listBasisFlows(app.store.db, earlier, basis)) {
    if (expectedEarlier.get(row.period)?.has(row.unit_code)) addFlows(ytd, row.flows);
  }
  // a figure beyond its bound (stored before the bounds existed) is left out of the sums, never summed to Infinity;
  // only the figures are kept for the sums (no text), each unit unpacked on the export thread
  const targets = targetsById(catalog);
  const forSums: { unitCode: string; entries: ParsedEntry[] }[] = [];
  for (const unit of included) {
    const parsed = await onExportThread({ kind: "sums", content: unit.row.content });
    forSums.push({ unitCode: unit.unitCode, entries: parsed.map((e) => withinBounds(e, targets.get(e.targetId))) });
  }
  const figures = aggregate(catalog, period, forSums, registry, {
    unitCodes,
    includeDemo: filter.includeDemo,
    onlyDemo: filter.onlyDemo === true,
    ytd,
    applicability,
  });
  const includedCodes = new Set(included.map((m) => m.unitCode));
  // the key-task board on the same basis; a group's consolidation shows the tasks its units lead or co-own
  const groupCodes = filter.group
    ? new Set(
        registry
          .all()
          .filter(expectedIn(period, selection(filter)))
          .map((u) => u.code),
      )
    : undefined;
  const tasks = await boardFor(app.store.db, app.reference, period, {
    basis,
    includeDemo: filter.includeDemo,
    onlyDemo: filter.onlyDemo === true,
    fromYear: app.plan.from,
    ...(groupCodes ? { unitCodes: groupCodes } : {}),
  });
  return {
    period: period.id,
    group: filter.group ?? null,
    basis,
    catalogVersion: catalog.version,
    unitsExpected: unitCodes,
    unitsIncluded: unitCodes.filter((c) => includedCodes.has(c)),
    unitsMissing: unitCodes.filter((c) => !includedCodes.has(c)),
    included,
    figures,
    tasks,
  };
}

/** The whole consolidation in memory (the API's JSON shape); the exports stream from planConsolidation() instead. */
export async function consolidate(
  app: FastifyInstance,
  period: Period,
  filter: UnitFilter,
  basis: "latest" | "accepted",
): Promise<Consolidation> {
  const { included, ...plan } = await planConsolidation(app, period, filter, basis);
  return { ...plan, matrix: included.map(matrixRow) };
}
