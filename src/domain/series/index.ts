export { buildSeries } from "./build";
export { periodRange, periodsBefore, MAX_SERIES_PERIODS } from "./range";
export type {
  NotDueReason,
  PointState,
  ReportsByPeriod,
  SeriesChange,
  SeriesPace,
  SeriesPoint,
  SeriesRequest,
  SeriesYtd,
  TargetSeries,
} from "./types";
export {
  bottleneckTargets,
  buildTrend,
  goodSign,
  trackChange,
  unitSlips,
  worstUnits,
  type TrendData,
  type TrendRequest,
  type UnitChange,
  type UnitSlips,
  type UnitTrack,
} from "./trend";
export { monthlyBrief, type BriefBottleneck, type BriefContent, type BriefLine } from "./brief";
