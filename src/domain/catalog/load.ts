/**
 * Load a catalog from a CSV text or from rows (an .xlsx sheet read by another layer), with the columns of the shared
 * targets-2026-2030.csv plus optional target_2027, target_2028, target_2029. Every bad row is reported (row, column,
 * why, in vi and en) and a catalog with any problem is rejected whole: nothing half-loaded.
 * Numbers use "." as the decimal mark and no thousands separator; milestone targets are dates (yyyy-mm-dd).
 */
import {
  CATALOG_YEARS,
  type Aggregation,
  type AppliesTo,
  FREQUENCIES,
  TIME_AGGREGATIONS,
  type Frequency,
  type TimeAggregation,
  type Bottleneck,
  type CatalogIssue,
  type CatalogLoadResult,
  type CatalogYear,
  type Direction,
  type GroupId,
  type MeasureKind,
  type ReportedBy,
  type Target,
  type TargetSourceStatus,
  type TargetValue,
} from "../types";
import { daysFromIso } from "../periods/dates";
import { isCatalogYear, makeCatalog } from "./catalog";
import { parseCsv } from "./csv";
import { CATALOG_MESSAGES, type CatalogIssueCode } from "./load-messages";
import { BOTTLENECK_NAMES, GROUP_NAMES } from "./names";
import { BASE_COLUMNS, OPTIONAL_COLUMNS } from "./write";
import { DEFAULT_FREQUENCY, defaultAppliesTo, defaultTimeAggregation } from "./defaults";

const MEASURES: MeasureKind[] = ["rate", "percent", "amount", "count", "index", "milestone"];
const DIRECTIONS: Direction[] = [">=", ">", "<=", "<", "done_by"];
const REPORTED_BY: ReportedBy[] = ["communes", "departments", "city"];
const AGGREGATIONS: Aggregation[] = ["sum", "ratio_of_sums", "city_only", "none"];
const STATUSES: TargetSourceStatus[] = [
  "verified-congress",
  "verified-plan-2026",
  "verified",
  "verified-en",
  "partial",
  "candidate",
  "unknown-value",
];
const UNIT_KINDS: AppliesTo["kind"][] = ["ward", "commune", "department", "city"];
const PLANNER_SELECTS = /^(\w+)\s*\(\s*planner selects\s*\)$/i;
const DIRECTION_BY_YEAR = /^\s*(\d{4})\s*:\s*(\S+)\s*$/;
const ID = /^[A-Za-z0-9_-]{1,20}$/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UNIT_BY_YEAR = /^\s*(\d{4})\s*:\s*(.+?)\s*$/;

class IssueList {
  readonly issues: CatalogIssue[] = [];
  add(row: number, column: string, code: CatalogIssueCode, params: Record<string, string | number> = {}): void {
    this.issues.push({ row, column, code, message: CATALOG_MESSAGES[code]({ row, column, ...params }) });
  }
}

const oneOf = <T extends string>(allowed: readonly T[], v: string): v is T =>
  (allowed as readonly string[]).includes(v);

function parseYearValue(raw: string, measure: string, row: number, column: string, out: IssueList): TargetValue | null {
  if (raw === "") return null;
  if (measure === "milestone") {
    if (ISO_DATE.test(raw) && daysFromIso(raw) !== null) return raw;
    out.add(row, column, "bad_date", { value: raw });
    return null;
  }
  if (PLAIN_NUMBER.test(raw)) return Number(raw);
  out.add(row, column, "not_a_number", { value: raw });
  return null;
}

function parseUnitByYear(
  unit: string,
  row: number,
  out: IssueList,
  column = "unit",
): Partial<Record<CatalogYear, string>> {
  if (!/^\s*\d{4}\s*:/.test(unit)) return {};
  const byYear: Partial<Record<CatalogYear, string>> = {};
  for (const part of unit.split(";")) {
    const m = UNIT_BY_YEAR.exec(part);
    const year = m ? Number(m[1]) : NaN;
    if (!m || !isCatalogYear(year)) {
      out.add(row, column, "bad_unit_by_year", { value: unit });
      return {};
    }
    byYear[year] = m[2];
  }
  return byYear;
}

/** ">=" or "2026:>;2030:>=" → the direction of years without their own (the last stated) and each year's. */
function parseDirection(
  raw: string,
  row: number,
  out: IssueList,
): { direction: string; byYear: Partial<Record<CatalogYear, Direction>> } {
  if (!raw.includes(":")) {
    if (raw !== "" && !oneOf(DIRECTIONS, raw))
      out.add(row, "direction", "bad_direction", { value: raw, allowed: DIRECTIONS.join(", ") });
    return { direction: raw, byYear: {} };
  }
  const byYear: Partial<Record<CatalogYear, Direction>> = {};
  let last = "";
  for (const part of raw.split(";")) {
    const m = DIRECTION_BY_YEAR.exec(part);
    const year = m ? Number(m[1]) : NaN;
    const d = m?.[2] ?? "";
    if (!m || !isCatalogYear(year) || !oneOf(DIRECTIONS, d) || d === "done_by") {
      out.add(row, "direction", "bad_direction_by_year", { value: raw });
      return { direction: "", byYear: {} };
    }
    byYear[year] = d;
    last = d;
  }
  return { direction: last, byYear };
}

/** "ward;commune (planner selects)" → AppliesTo[]; empty → the default from reported_by. */
function parseAppliesTo(raw: string, reportedBy: string, row: number, out: IssueList): AppliesTo[] {
  if (raw === "") return oneOf(REPORTED_BY, reportedBy) ? defaultAppliesTo(reportedBy) : [];
  const list: AppliesTo[] = [];
  for (const part of raw.split(";").map((p) => p.trim())) {
    const m = PLANNER_SELECTS.exec(part);
    const kind = (m?.[1] ?? part).toLowerCase();
    if (!oneOf(UNIT_KINDS, kind) || list.some((a) => a.kind === kind)) {
      out.add(row, "applies_to", "bad_applies_to", { value: part, allowed: UNIT_KINDS.join(", ") });
      continue;
    }
    list.push({ kind, plannerSelects: m !== null });
  }
  return list;
}

function optionalOf<T extends string>(
  raw: string,
  allowed: readonly T[],
  fallback: T,
  row: number,
  column: string,
  out: IssueList,
): T {
  if (raw === "") return fallback;
  if (oneOf(allowed, raw)) return raw;
  out.add(row, column, "unknown_value", { value: raw, allowed: allowed.join(", ") });
  return fallback;
}

function parseRow(cell: (c: string) => string, row: number, out: IssueList): Target | null {
  const before = out.issues.length;
  const required = (c: string): string => {
    const v = cell(c);
    if (v === "") out.add(row, c, "missing_value");
    return v;
  };
  const id = required("id");
  if (id !== "" && !ID.test(id)) out.add(row, "id", "bad_id", { value: id });
  const group = required("group");
  if (group !== "" && !(group in GROUP_NAMES))
    out.add(row, "group", "unknown_group", { value: group, allowed: Object.keys(GROUP_NAMES).join(", ") });
  const nameVi = required("name_vi");
  const nameEn = required("name_en");
  const unit = required("unit");
  const measure = required("measure");
  if (measure !== "" && !oneOf(MEASURES, measure))
    out.add(row, "measure", "unknown_measure", { value: measure, allowed: MEASURES.join(", ") });
  const { direction, byYear: directionByYear } = parseDirection(required("direction"), row, out);
  const reportedBy = required("reported_by");
  if (reportedBy !== "" && !oneOf(REPORTED_BY, reportedBy))
    out.add(row, "reported_by", "unknown_reported_by", { value: reportedBy, allowed: REPORTED_BY.join(", ") });
  const aggregation = required("aggregation");
  if (aggregation !== "" && !oneOf(AGGREGATIONS, aggregation))
    out.add(row, "aggregation", "unknown_aggregation", { value: aggregation, allowed: AGGREGATIONS.join(", ") });
  // measure = milestone, direction = done_by and aggregation = none go together: name the odd one out.
  const milestoneFlags: [string, boolean][] = [
    ["measure", measure === "milestone"],
    ["direction", direction === "done_by"],
    ["aggregation", aggregation === "none"],
  ];
  const set = milestoneFlags.filter(([, on]) => on).map(([c]) => c);
  if (set.length === 1) out.add(row, set[0]!, "milestone_mismatch");
  if (set.length === 2) out.add(row, milestoneFlags.find(([, on]) => !on)?.[0] ?? "measure", "milestone_mismatch");
  const numeratorLabel = cell("numerator_vi");
  const denominatorLabel = cell("denominator_vi");
  if (aggregation === "ratio_of_sums") {
    if (numeratorLabel === "") out.add(row, "numerator_vi", "ratio_labels_missing");
    if (denominatorLabel === "") out.add(row, "denominator_vi", "ratio_labels_missing");
  }
  const bottlenecks: Bottleneck[] = [];
  for (const b of cell("bottleneck")
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (b in BOTTLENECK_NAMES) bottlenecks.push(b as Bottleneck);
    else
      out.add(row, "bottleneck", "unknown_bottleneck", { value: b, allowed: Object.keys(BOTTLENECK_NAMES).join(", ") });
  }
  const status = required("status");
  if (status !== "" && !oneOf(STATUSES, status))
    out.add(row, "status", "unknown_status", { value: status, allowed: STATUSES.join(", ") });
  const source = required("source");
  const targetByYear: Partial<Record<CatalogYear, TargetValue>> = {};
  for (const y of CATALOG_YEARS) {
    const v = parseYearValue(cell(`target_${y}`), measure, row, `target_${y}`, out);
    if (v !== null) targetByYear[y] = v;
  }
  const unitOfMeasureByYear = parseUnitByYear(unit, row, out);
  const unitEn = cell("unit_en");
  const unitEnByYear = parseUnitByYear(unitEn, row, out, "unit_en");
  const appliesTo = parseAppliesTo(cell("applies_to"), reportedBy, row, out);
  const frequency: Frequency = optionalOf(cell("frequency"), FREQUENCIES, DEFAULT_FREQUENCY, row, "frequency", out);
  const timeAggregation: TimeAggregation = optionalOf(
    cell("time_aggregation"),
    TIME_AGGREGATIONS,
    defaultTimeAggregation({ measure: measure as MeasureKind, aggregation: aggregation as Aggregation }),
    row,
    "time_aggregation",
    out,
  );
  if (timeAggregation === "ratio_of_sums" && aggregation !== "ratio_of_sums" && aggregation !== "")
    out.add(row, "time_aggregation", "time_ratio_needs_ratio");
  const numeratorEn = cell("numerator_en");
  const denominatorEn = cell("denominator_en");
  if (out.issues.length > before) return null;
  return {
    id,
    group: group as GroupId,
    name: { vi: nameVi, en: nameEn },
    unitOfMeasure: unit,
    unitOfMeasureByYear,
    unitEn: unitEn === "" ? null : unitEn,
    unitEnByYear,
    measure: measure as MeasureKind,
    direction: direction as Direction,
    directionByYear,
    targetByYear,
    reportedBy: reportedBy as ReportedBy,
    aggregation: aggregation as Aggregation,
    numeratorLabel: numeratorLabel === "" ? null : numeratorLabel,
    denominatorLabel: denominatorLabel === "" ? null : denominatorLabel,
    numeratorLabelEn: numeratorEn === "" ? null : numeratorEn,
    denominatorLabelEn: denominatorEn === "" ? null : denominatorEn,
    appliesTo,
    frequency,
    timeAggregation,
    bottlenecks,
    status: status as TargetSourceStatus,
    source,
  };
}

/** A cell as text: NFC, no byte-order mark, trimmed; blank for null and undefined. */
export const cleanCell = (v: unknown): string =>
  v === null || v === undefined
    ? ""
    : String(v)
        .normalize("NFC")
        .replace(/^\uFEFF/, "")
        .trim();

/** Rows of a sheet (header first) → a catalog, or every problem found. */
export function parseCatalogRows(rows: readonly (readonly unknown[])[]): CatalogLoadResult {
  const out = new IssueList();
  const all: readonly string[] = [...BASE_COLUMNS, ...OPTIONAL_COLUMNS];
  const expected = BASE_COLUMNS.join(", ");
  const clean = cleanCell;
  const headerRow = rows.findIndex((r) => r.some((c) => clean(c) !== ""));
  if (headerRow === -1) {
    out.add(1, "", "empty_file");
    return { ok: false, issues: out.issues };
  }
  const header = rows[headerRow]!.map((c) => clean(c).toLowerCase());
  const position = new Map<string, number>();
  header.forEach((name, i) => {
    if (name === "") return;
    if (!all.includes(name)) out.add(headerRow + 1, name, "unknown_column", { expected });
    else if (position.has(name)) out.add(headerRow + 1, name, "duplicate_column");
    else position.set(name, i);
  });
  for (const c of BASE_COLUMNS) if (!position.has(c)) out.add(headerRow + 1, c, "missing_column", { expected });
  if (out.issues.length > 0) return { ok: false, issues: out.issues };

  const targets: Target[] = [];
  const firstRow = new Map<string, number>();
  for (let r = headerRow + 1; r < rows.length; r++) {
    const cells = rows[r]!.map(clean);
    if (cells.every((c) => c === "")) continue;
    const rowNo = r + 1;
    const lastFilled = cells.reduce((last, c, i) => (c !== "" ? i : last), -1);
    if (lastFilled >= header.length)
      out.add(rowNo, "", "extra_cells", { count: cells.length, expected: header.length });
    const target = parseRow(
      (c) => {
        const i = position.get(c);
        return i === undefined ? "" : (cells[i] ?? "");
      },
      rowNo,
      out,
    );
    const id = cells[position.get("id") as number] ?? "";
    if (id !== "") {
      const seen = firstRow.get(id);
      if (seen !== undefined) out.add(rowNo, "id", "duplicate_id", { value: id, firstRow: seen });
      else firstRow.set(id, rowNo);
    }
    if (target) targets.push(target);
  }
  if (out.issues.length === 0 && targets.length === 0) out.add(headerRow + 2, "", "no_targets");
  if (out.issues.length > 0) return { ok: false, issues: out.issues };
  return { ok: true, catalog: makeCatalog(targets) };
}

/** A CSV text (UTF-8, BOM tolerated, RFC 4180 quotes) → a catalog, or every problem found. */
export function parseCatalogCsv(text: string): CatalogLoadResult {
  const { rows, unclosedQuoteAt } = parseCsv(text.normalize("NFC"));
  if (unclosedQuoteAt !== null) {
    const out = new IssueList();
    out.add(unclosedQuoteAt, "", "unclosed_quote");
    return { ok: false, issues: out.issues };
  }
  return parseCatalogRows(rows);
}
