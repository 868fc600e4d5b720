/**
 * A target's series over a range of periods from stored submissions: the basis revisions (latest or accepted) of each
 * period of the range, of the year before it (the series reads a lead-in year) and of the months inside quarters,
 * halves and years (a unit without its own report there is represented by its months), fed to the domain's
 * buildSeries(). The rules (states, year to date, pace, change) are the domain's, never repeated here.
 */
import type { FastifyInstance } from "fastify";
import { buildSeries, periodRange, type TargetSeries } from "../../domain";
import type { AppError } from "../../domain/errors";
import { CT_SERIES_QUERY } from "../errors";
import { leadIn, monthsOf } from "../../domain/series/range";
import type { UnitReport } from "../../domain/types";
import { withinBounds } from "../../domain/rules/bounds";
import { listBasisRevisions } from "../db/submissions";
import { unpackContent } from "./content";
import { neutraliseCell, targetsById } from "./export-format";

export interface SeriesAsk {
  targetId: string;
  unit?: string;
  group?: string;
  from: string;
  to: string;
  basis: "latest" | "accepted";
  /** the demo group alone (the classroom), never summed with real units */
  onlyDemo?: boolean;
}

function badQuery(field: string, vi: string, en: string, value: string): AppError {
  return CT_SERIES_QUERY({ field, value, problem: { vi, en } });
}

/** Refuses a query the series cannot answer, naming the parameter and how to fix it (vi/en). */
export function checkSeriesAsk(app: FastifyInstance, ask: SeriesAsk): void {
  const catalog = app.reference.currentCatalog;
  if (!catalog.targets.some((t) => t.id === ask.targetId))
    throw badQuery(
      "target",
      `không có chỉ tiêu “${ask.targetId}”. Dùng mã chỉ tiêu của danh mục (GET /api/v1/catalog), ví dụ U13.`,
      `there is no target “${ask.targetId}”. Use a target id of the catalog (GET /api/v1/catalog), e.g. U13.`,
      ask.targetId,
    );
  if (ask.unit && ask.group)
    throw badQuery(
      "unit",
      "chỉ cho “unit” hoặc “group”, không cho cả hai. Bỏ một trong hai (không cho cả hai: toàn thành phố).",
      "give “unit” or “group”, not both. Drop one of them (neither: the whole city).",
      `${ask.unit}|${ask.group}`,
    );
  if (ask.unit && !app.reference.registry.byCode(ask.unit))
    throw badQuery(
      "unit",
      `không có đơn vị mã “${ask.unit}”. Dùng mã chính thức (GET /api/v1/units), ví dụ 00004.`,
      `there is no unit with code “${ask.unit}”. Use the official code (GET /api/v1/units), e.g. 00004.`,
      ask.unit,
    );
  if (ask.group && !app.reference.registry.all().some((u) => u.groups.includes(ask.group as string)))
    throw badQuery(
      "group",
      `không có nhóm đơn vị “${ask.group}”. Dùng một nhóm như wards, communes hoặc departments.`,
      `there is no unit group “${ask.group}”. Use a group such as wards, communes or departments.`,
      ask.group,
    );
}

/** The period ids whose stored reports the series reads: the range, the year before it, and their months. */
function periodsToRead(from: string, to: string): string[] {
  const range = periodRange(from, to);
  const ids = new Set<string>();
  for (const p of [...leadIn(range[0]!), ...range]) {
    ids.add(p.id);
    for (const m of monthsOf(p)) ids.add(m.id);
  }
  return [...ids];
}

/** The basis revisions' parsed entries of every period a series over from..to reads (see periodsToRead). */
export async function reportsForRange(
  app: FastifyInstance,
  from: string,
  to: string,
  basis: SeriesAsk["basis"],
): Promise<Map<string, UnitReport[]>> {
  const targets = targetsById(app.reference.currentCatalog);
  const reports = new Map<string, UnitReport[]>();
  for (const id of periodsToRead(from, to)) {
    const rows = await listBasisRevisions(app.store.db, id, basis);
    if (rows.length === 0) continue;
    reports.set(
      id,
      rows.map((r) => ({
        unitCode: r.unit_code,
        entries: unpackContent(r.content).parsed.map((e) => withinBounds(e, targets.get(e.targetId))),
      })),
    );
  }
  return reports;
}

export async function seriesOf(app: FastifyInstance, ask: SeriesAsk): Promise<TargetSeries> {
  checkSeriesAsk(app, ask);
  const catalog = app.reference.currentCatalog;
  const reports = await reportsForRange(app, ask.from, ask.to, ask.basis);
  const [series] = buildSeries({
    catalog,
    registry: app.reference.registry,
    reports,
    from: ask.from,
    to: ask.to,
    targetIds: [ask.targetId],
    ...(ask.unit ? { unitCode: ask.unit } : {}),
    ...(ask.group ? { group: ask.group } : {}),
    onlyDemo: ask.onlyDemo === true,
    applicability: app.reference.applicability,
    asOf: app.clock(),
  });
  return series as TargetSeries;
}

const SERIES_CSV_COLUMNS = [
  "target_id",
  "scope",
  "unit_or_group",
  "period",
  "state",
  "not_due",
  "figure",
  "complete",
  "units_expected",
  "units_included",
  "units_missing",
  "units_not_applicable",
  "ytd",
  "ytd_complete",
  "pace_expected",
  "pace_progress",
  "change_previous",
  "change_year_ago",
] as const;

function cell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return "";
  const s = typeof v === "string" ? neutraliseCell(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The series as CSV (UTF-8 with a BOM, CRLF, like the consolidation's): one row per period; the state column says
 * value, missing, not_applicable or not_due, and the figure is empty for every state but value — never 0.
 */
export function seriesCsv(series: TargetSeries, who: string | null): string {
  const lines = [`\uFEFF${SERIES_CSV_COLUMNS.join(",")}`];
  for (const p of series.points) {
    const pace = p.pace.kind === "value" ? p.pace : null;
    const progress = p.pace.kind === "value" || p.pace.kind === "deadline" ? p.pace.progress : p.pace.kind;
    lines.push(
      [
        series.targetId,
        series.scope,
        who,
        p.periodId,
        p.state,
        p.notDue,
        p.state === "value" ? p.figure : null,
        p.complete,
        p.unitsExpected,
        p.unitsIncluded,
        p.unitsMissing.length,
        p.unitsNotApplicable.length,
        p.ytd.figure,
        p.ytd.complete,
        pace?.expected ?? null,
        progress,
        p.change.previous.delta,
        p.change.yearAgo.delta,
      ]
        .map(cell)
        .join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}
