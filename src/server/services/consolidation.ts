/**
 * Completeness and consolidation for a period and a unit group. The expected units are the domain's
 * `expectedUnits()` — every unit that reports at least one target of the current catalog, demo units only when asked,
 * retired units only for the periods before their retirement — and city figures come from the domain's aggregate():
 * never a second copy of either rule. Exports: CSV (UTF-8 with BOM, formula-looking text neutralised), JSON and DHIS2
 * dataValueSets.
 */
import type { FastifyInstance } from "fastify";
import { aggregate, expectedUnits, parsePeriod, periodPhase, periodWindow, type UnitSelection } from "../../domain";
import type { Bilingual, Catalog, CityFigure, ParsedEntry, Period, PeriodPhase } from "../../domain/types";
import { listBasisFlows, listBasisRevisions, listReportStates } from "../db/submissions";
import { withinBounds } from "../../domain/rules/bounds";
import { addFlows, canonicalContact, unpackContent, type ReportContact } from "./content";
import { earlierPeriodsOfYear } from "./submissions";
import { onExportThread } from "./export-thread";

export interface UnitFilter {
  group?: string;
  includeDemo: boolean;
}

function selection(filter: UnitFilter): UnitSelection {
  return { ...(filter.group ? { group: filter.group } : {}), includeDemo: filter.includeDemo };
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
  const units = expectedUnits(catalog, app.reference.registry, period, selection(filter), app.reference.applicability);
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

export interface MatrixRow {
  unitCode: string;
  unitName: Bilingual;
  submissionId: string;
  revision: number;
  status: "submitted" | "returned" | "accepted";
  /** the unit sheet's contact sent with this revision (the basis one: latest or accepted); null when none */
  contact: ReportContact | null;
  entries: ParsedEntry[];
}

export interface Consolidation {
  period: string;
  group: string | null;
  basis: "latest" | "accepted";
  catalogVersion: string;
  unitsExpected: string[];
  unitsIncluded: string[];
  unitsMissing: string[];
  matrix: MatrixRow[];
  figures: CityFigure[];
}

type BasisRow = Awaited<ReturnType<typeof listBasisRevisions>>[number];

/**
 * A consolidation whose matrix is not unpacked: the included units' stored (compressed) revisions, in the expected
 * units' order, and the city figures already computed. The exports stream from it, unpacking one unit at a time, so
 * no export holds every unit's text at once.
 */
export interface ConsolidationPlan extends Omit<Consolidation, "matrix"> {
  included: { unitCode: string; unitName: Bilingual; row: BasisRow }[];
}

/** One matrix row, unpacked from its revision's stored content. */
export function matrixRow(unit: ConsolidationPlan["included"][number]): MatrixRow {
  const stored = unpackContent(unit.row.content);
  return {
    unitCode: unit.unitCode,
    unitName: unit.unitName,
    submissionId: unit.row.id,
    revision: unit.row.revision,
    status: unit.row.status as MatrixRow["status"],
    contact: canonicalContact(stored.report.contact),
    entries: stored.parsed,
  };
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
    ytd,
    applicability,
  });
  const includedCodes = new Set(included.map((m) => m.unitCode));
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

// --- exports ---------------------------------------------------------------------------------------------------

/**
 * A text cell that a spreadsheet would run as a formula (= + - @, or a leading tab / carriage return) gets a leading
 * apostrophe, so "=HYPERLINK(…)" is shown as text, never executed. Numbers written by us are never touched.
 */
export function neutraliseCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvField(v: string | number | null | undefined, kind: "text" | "number"): string {
  if (v === null || v === undefined) return "";
  const s = kind === "number" ? String(v) : neutraliseCell(String(v));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const CSV_COLUMNS = [
  "row_kind",
  "unit_code",
  "unit_name",
  "target_id",
  "target_name",
  "unit_of_measure",
  "value",
  "numerator",
  "denominator",
  "milestone",
  "progress",
  "justification",
  "evidence",
  "responsible",
  "revision",
  "status",
  "units_included",
  "units_missing",
] as const;

export const CSV_HEADER = `\uFEFF${CSV_COLUMNS.join(",")}\r\n`;

type TargetsById = Map<string, Catalog["targets"][number]>;

export function targetsById(catalog: Catalog): TargetsById {
  return new Map(catalog.targets.map((t) => [t.id, t]));
}

/** A unit's CSV lines, one per target it reported, each ending in CRLF. */
export function csvUnitLines(m: MatrixRow, names: TargetsById): string {
  let out = "";
  for (const e of m.entries) {
    const t = names.get(e.targetId);
    out += `${[
      csvField("unit", "text"),
      csvField(m.unitCode, "text"),
      csvField(m.unitName.vi, "text"),
      csvField(e.targetId, "text"),
      csvField(t?.name.vi, "text"),
      csvField(t?.unitOfMeasure, "text"),
      csvField(e.value, "number"),
      csvField(e.numerator, "number"),
      csvField(e.denominator, "number"),
      csvField(e.milestone, "text"),
      "",
      csvField(e.justification, "text"),
      csvField(e.evidence, "text"),
      csvField(e.responsible, "text"),
      csvField(m.revision, "number"),
      csvField(m.status, "text"),
      "",
      "",
    ].join(",")}\r\n`;
  }
  return out;
}

/** The city's CSV lines, one per target, each ending in CRLF. */
export function csvCityLines(figures: CityFigure[], names: TargetsById): string {
  let out = "";
  for (const f of figures) {
    const t = names.get(f.targetId);
    out += `${[
      csvField("city", "text"),
      csvField("", "text"),
      csvField("Toàn thành phố", "text"),
      csvField(f.targetId, "text"),
      csvField(t?.name.vi, "text"),
      csvField(t?.unitOfMeasure, "text"),
      csvField(f.value, "number"),
      csvField(f.numeratorSum, "number"),
      csvField(f.denominatorSum, "number"),
      csvField(f.milestone, "text"),
      csvField(f.progress, "text"),
      "",
      "",
      "",
      "",
      "",
      csvField(f.unitsIncluded.length, "number"),
      csvField(f.unitsMissing.join(" "), "text"),
    ].join(",")}\r\n`;
  }
  return out;
}

/**
 * One row per unit × target, then one "city" row per target; UTF-8 with a BOM so Excel shows Vietnamese. The whole
 * text in memory: the endpoint streams the same bytes (consolidation-stream.ts); this is kept as their reference.
 */
export function consolidationToCsv(c: Consolidation, catalog: Catalog): string {
  const names = targetsById(catalog);
  return CSV_HEADER + c.matrix.map((m) => csvUnitLines(m, names)).join("") + csvCityLines(c.figures, names);
}

/** DHIS2 period ids: 202601 (month), 2026Q1 (quarter), 2026S1 (half), 2026 (year). */
export function dhis2Period(period: Period): string {
  switch (period.kind) {
    case "month":
      return `${period.year}${String(period.index).padStart(2, "0")}`;
    case "quarter":
      return `${period.year}Q${period.index}`;
    case "half":
      return `${period.year}S${period.index}`;
    default:
      return String(period.year);
  }
}

export interface Dhis2DataValue {
  dataElement: string;
  period: string;
  orgUnit: string;
  value: string;
  comment?: string;
}

/**
 * DHIS2 dataValueSets: one data value per unit × target (dataElement = target id, orgUnit = unit code); a ratio
 * target gives two, `<id>_NUM` and `<id>_DEN`, so DHIS2 can compute its own ratio of sums; a milestone gives its
 * state. Justifications travel as comments.
 */
export function consolidationToDhis2(c: Consolidation, period: Period): { dataValues: Dhis2DataValue[] } {
  const pe = dhis2Period(period);
  return { dataValues: c.matrix.flatMap((m) => dhis2Values(m, pe)) };
}

/** A unit's DHIS2 data values. */
export function dhis2Values(m: MatrixRow, pe: string): Dhis2DataValue[] {
  const dataValues: Dhis2DataValue[] = [];
  for (const e of m.entries) {
    const comment = e.justification ?? undefined;
    const push = (dataElement: string, value: number | string | null) => {
      if (value === null) return;
      dataValues.push({
        dataElement,
        period: pe,
        orgUnit: m.unitCode,
        value: String(value),
        ...(comment ? { comment } : {}),
      });
    };
    push(e.targetId, e.value);
    push(`${e.targetId}_NUM`, e.numerator);
    push(`${e.targetId}_DEN`, e.denominator);
    push(e.targetId, e.milestone);
  }
  return dataValues;
}
