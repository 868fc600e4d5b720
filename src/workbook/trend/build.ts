/** buildTrendSpec: the trend workbook (XuHuong, DiemNghen, DonViXuHuong, BieuDoXuHuong) from the trend data. */
import { hanoiDateTime, parsePeriod, type Catalog, type TrendData, type UnitRegistry } from "../../domain";
import { fitRowHeights } from "../consolidated/cells";
import { CONSOLIDATED_STYLES, type ConsolidatedSpec } from "../consolidated";
import { bottleneckSheetOf } from "./bottleneck-sheet";
import { briefSheetOf, type BriefOptions } from "./brief-sheet";
import { trendChartsSheet } from "./charts";
import type { TrendContext } from "./context";
import { trendSheetOf } from "./trend-sheet";
import { unitSheetOf } from "./unit-sheet";

export interface TrendSource {
  source: "endpoint" | "files";
  /** ISO time the data was read */
  generatedAt: string;
  /** the group's name when the trend is a group's */
  groupName?: { vi: string; en: string };
}

export function trendContext(
  data: TrendData,
  catalog: Catalog,
  registry: UnitRegistry,
  src: TrendSource,
): TrendContext {
  const note =
    `${src.source === "endpoint" ? "Nguồn: máy chủ Chỉ tiêu" : "Nguồn: tệp báo cáo của đơn vị"}` +
    `${src.groupName ? ` · ${src.groupName.vi}` : ""} · lập lúc ${hanoiDateTime(src.generatedAt)} (giờ Hà Nội) / ` +
    `${src.source === "endpoint" ? "Source: Chỉ tiêu endpoint" : "Source: unit workbooks"}` +
    `${src.groupName ? ` · ${src.groupName.en}` : ""} · made ${hanoiDateTime(src.generatedAt)} (Hanoi time)`;
  return {
    data,
    catalog,
    unitNames: new Map(registry.all().map((u) => [u.code, u.name.vi])),
    note,
    year: parsePeriod(data.to)?.year ?? new Date(src.generatedAt).getUTCFullYear(),
    targetById: new Map(catalog.targets.map((t) => [t.id, t])),
  };
}

export function buildTrendSpec(
  data: TrendData,
  catalog: Catalog,
  registry: UnitRegistry,
  src: TrendSource,
): ConsolidatedSpec {
  const ctx = trendContext(data, catalog, registry, src);
  const sheets = [trendSheetOf(ctx), bottleneckSheetOf(ctx), unitSheetOf(ctx), trendChartsSheet(ctx)];
  for (const s of sheets) s.rowHeights = fitRowHeights(s, CONSOLIDATED_STYLES);
  return { period: `${data.from}..${data.to}`, generatedAt: src.generatedAt, styles: CONSOLIDATED_STYLES, sheets };
}

/** The monthly brief: one sheet, one A4 page, in the language asked. */
export function buildBriefSpec(
  data: TrendData,
  catalog: Catalog,
  registry: UnitRegistry,
  src: TrendSource,
  opts: BriefOptions,
): ConsolidatedSpec {
  const ctx = trendContext(data, catalog, registry, src);
  if (opts.lang === "en") ctx.unitNames = new Map(registry.all().map((u) => [u.code, u.name.en]));
  const sheet = briefSheetOf(ctx, opts);
  return { period: opts.periodId, generatedAt: src.generatedAt, styles: CONSOLIDATED_STYLES, sheets: [sheet] };
}
