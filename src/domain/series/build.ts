/**
 * Series: for each target, the selection's figure per period over a range, with its year to date, its pace toward
 * the year's target and its change against the previous period and the same period a year before. The rules are in
 * README.md (this folder) and in src/domain/README.md ("Series").
 *
 * Per period the selection's figure is the one of `aggregate()` (units expected, included, missing, "not
 * applicable"), over the period's reports or, for a unit without a quarter's, half's or year's own report, its months
 * rolled up by `time_aggregation` (rollup.ts). The year before the range is read too, so that the first point has
 * its previous period, its period a year before and its year to date from January.
 */
import { aggregate } from "../aggregate/aggregate";
import { catalogIndex } from "../catalog/catalog";
import { AppError } from "../errors";
import { hanoiDate } from "../periods/dates";
import { isDue } from "../rules/cadence";
import type { Period, Target, UnitRegistry, UnitReport } from "../types";
import { addToYear, basePoint, newYear, type YearSoFar } from "./points";
import { change, pace } from "./pace";
import { leadIn, periodRange, periodsPerYear } from "./range";
import { reportsForPeriod } from "./rollup";
import type { SeriesPoint, SeriesRequest, TargetSeries } from "./types";

interface Selection {
  scope: "city" | "unit" | "group";
  unitCodes: string[] | undefined;
  includeDemo: boolean;
  onlyDemo: boolean;
}

function unknownUnit(code: string): AppError {
  return new AppError(
    "CT_SERIES_UNIT",
    404,
    {
      vi: `Không có đơn vị mã "${code}". Kiểm tra mã đơn vị (5 chữ số cho phường, xã).`,
      en: `There is no unit with code "${code}". Check the unit code (5 digits for wards and communes).`,
    },
    { unitCode: code },
  );
}

function selection(req: SeriesRequest, registry: UnitRegistry): Selection {
  const sel = selectionOf(req, registry);
  if (req.onlyDemo !== true || sel.scope === "unit") return { ...sel, onlyDemo: false };
  // the classroom's series: the demo units of the group alone, never a real unit's code
  const unitCodes = sel.unitCodes?.filter((c) => registry.byCode(c)?.demo === true);
  return { ...sel, unitCodes, onlyDemo: true };
}

function selectionOf(req: SeriesRequest, registry: UnitRegistry): Omit<Selection, "onlyDemo"> {
  const includeDemo = req.includeDemo === true;
  if (req.unitCode !== undefined) {
    const u = registry.byCode(req.unitCode);
    if (!u) throw unknownUnit(req.unitCode);
    return { scope: "unit", unitCodes: [u.code], includeDemo: includeDemo || u.demo };
  }
  if (req.unitCodes !== undefined) {
    for (const c of req.unitCodes) if (!registry.byCode(c)) throw unknownUnit(c);
    return { scope: "group", unitCodes: [...req.unitCodes], includeDemo };
  }
  if (req.group !== undefined) {
    const group = req.group;
    const codes = registry
      .all()
      .filter((u) => u.groups.includes(group))
      .map((u) => u.code);
    if (codes.length === 0)
      throw new AppError(
        "CT_SERIES_GROUP",
        404,
        {
          vi: `Không có đơn vị nào thuộc nhóm "${group}". Dùng một nhóm có đơn vị, ví dụ wards, communes, departments.`,
          en: `No unit belongs to the group "${group}". Use a group that has units, such as wards, communes, departments.`,
        },
        { group },
      );
    return { scope: "group", unitCodes: codes, includeDemo };
  }
  return { scope: "city", unitCodes: undefined, includeDemo };
}

function targetsOf(req: SeriesRequest): Target[] {
  if (req.targetIds === undefined) return req.catalog.targets;
  const byId = catalogIndex(req.catalog).byId;
  const wanted = new Set(req.targetIds);
  for (const id of wanted)
    if (!byId.has(id))
      throw new AppError(
        "CT_SERIES_TARGET",
        404,
        {
          vi: `Không có chỉ tiêu mã "${id}" trong danh mục. Dùng mã như E01, U13, P03.`,
          en: `There is no target "${id}" in the catalog. Use a code such as E01, U13, P03.`,
        },
        { targetId: id },
      );
  return req.catalog.targets.filter((t) => wanted.has(t.id));
}

/** The reports of the selected units only: aggregate() then indexes a handful of reports, not every unit's. */
function selected(reports: readonly UnitReport[], only: ReadonlySet<string> | null): readonly UnitReport[] {
  return only === null ? reports : reports.filter((r) => only.has(r.unitCode));
}

/** Per target, its points over the periods read (the year before the range, then the range). */
interface Track {
  target: Target;
  order: number;
  points: SeriesPoint[];
  year: YearSoFar;
}

function step(
  track: Track,
  i: number,
  periods: Period[],
  ctx: { perYear: number; lead: number; scope: Selection["scope"]; today: string | null },
  figures: ReturnType<typeof aggregate>,
): void {
  const { target } = track;
  const period = periods[i]!;
  const cf = figures[track.order]!;
  const notDue = !isDue(target, period) ? "cadence" : ctx.today !== null && period.end > ctx.today ? "not_ended" : null;
  const p = basePoint(period.id, cf, notDue);
  if (track.year.year !== period.year) track.year = newYear(period.year);
  p.ytd = addToYear(target, track.year, p);
  track.points.push(p);
  if (i < ctx.lead) return; // the year before the range: read for the year to date and the changes only
  const ago = i - ctx.perYear;
  p.pace = pace(target, period, ctx.scope, p, p.ytd, cf);
  p.change = {
    previous: change(target, period, p, periods[i - 1]!.id, track.points[i - 1]!),
    yearAgo: change(target, period, p, periods[ago]!.id, track.points[ago]!),
  };
}

/** The series of the selection for each target asked (catalog order). Errors (vi/en) for a bad range, unit or target. */
export function buildSeries(req: SeriesRequest): TargetSeries[] {
  const { catalog, registry } = req;
  const range = periodRange(req.from, req.to);
  const first = range[0]!; // periodRange refuses an empty range
  const periods = [...leadIn(first), ...range];
  const lead = periods.length - range.length;
  const perYear = periodsPerYear(first.kind);
  const sel = selection(req, registry);
  const order = catalogIndex(catalog).order;
  const tracks: Track[] = targetsOf(req).map((t) => ({
    target: t,
    order: order.get(t.id) as number,
    points: [],
    year: newYear(0),
  }));
  const only = sel.unitCodes ? new Set(sel.unitCodes) : null;
  const today = req.asOf ? hanoiDate(req.asOf) : null;
  const ctx = { perYear, lead, scope: sel.scope, today };
  // flows: the selection's sum of the earlier periods of the year, so that assess() judges the year to date
  // (one record, refreshed before each period: aggregate() reads it during the call only)
  const ytd: Record<string, number> = {};
  for (let i = 0; i < periods.length; i++) {
    const period = periods[i]!;
    for (const tr of tracks) ytd[tr.target.id] = tr.year.year === period.year ? tr.year.known : 0;
    const figures = aggregate(
      catalog,
      period,
      selected(reportsForPeriod(catalog, req.reports, period), only),
      registry,
      {
        unitCodes: sel.unitCodes,
        includeDemo: sel.includeDemo,
        onlyDemo: sel.onlyDemo,
        applicability: req.applicability,
        ytd,
        asOf: req.asOf,
      },
    );
    for (const tr of tracks) step(tr, i, periods, ctx, figures);
  }
  return tracks.map((tr) => ({
    targetId: tr.target.id,
    scope: sel.scope,
    unitCodes: sel.unitCodes ?? null,
    points: tr.points.slice(lead),
  }));
}
