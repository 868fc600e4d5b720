/**
 * The trend workbook as plain data (the consolidated workbook's sheet shape, so both writers walk it):
 * XuHuong (each target's city figure per period against its pace line, arrows, "worse than last period" rules),
 * DiemNghen (bottleneck targets per period and the ten units that slipped most), DonViXuHuong (each unit's change on
 * each target, who slipped most first), BieuDoXuHuong (native line charts per group and per bottleneck).
 */
export { TREND_SHEETS, TREND_SHEET_NAMES, STATE_TEXT, ARROWS } from "./cells";
export { buildBriefSpec, buildTrendSpec, trendContext, type TrendSource } from "./build";
export type { BriefOptions } from "./brief-sheet";
export type { TrendContext } from "./context";
export { TREND_LAYOUT, lastValue } from "./trend-sheet";
export { UNIT_CHANGE_LAYOUT } from "./unit-sheet";
export { TREND_CHART_LAYOUT, indexed, shareOfPace } from "./charts";
