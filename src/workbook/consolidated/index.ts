/**
 * The consolidated workbook as plain data: what a planner gets after consolidating every unit of a period. No Office
 * or ExcelJS type in it — `../xlsx/write-consolidated.ts` (ExcelJS + native chart parts) and
 * `../office/write-consolidated.ts` (Office.js) both walk this spec.
 *
 * Sheets:
 * - TongHop — the consolidated sheet in the template's own layout (same columns A–K and rows as the entry sheet "Nhap",
 *   taken from `buildTemplateSpec` with every target): the city figure per target, Σ numerator, Σ denominator, its
 *   target and status; columns L–O say how many units reported, how it was aggregated and which units are missing.
 * - MaTran — unit × target matrix: a block of figures and, to its right, a block of statuses; both are coloured by
 *   conditional-formatting rules that read the status block (never per-cell formats).
 * - TienDo — completeness: expected, submitted, on time, late, missing, returned, rejected; one row per unit with its
 *   contact (preparer, approver, phone) from the unit sheet of its workbook or from its submission.
 * - ThePhanLoai — the 43-target scorecard by group and by bottleneck, then every target with its status.
 * - BieuDo — chart data and native charts: city figure against target per group (clustered bar), and the spread of
 *   one chosen target across units (clustered column).
 *
 * Values are written as rectangular blocks (one request per block in Office.js) and styles as ranges.
 */
export {
  CONSOLIDATED_SHEETS,
  CONSOLIDATED_SHEET_NAMES,
  TASKS_SHEET,
  type CellValue,
  type ChartKind,
  type ChartSeries,
  type ChartSpec,
  type ConditionalFormat,
  type ConsolidatedOptions,
  type ConsolidatedRole,
  type ConsolidatedSheet,
  type ConsolidatedSpec,
  type ConsolidatedStyleId,
  type ExpressionRule,
  type StyleRange,
  type TrendRole,
  type ValueBlock,
} from "./spec";
export { COMPLETENESS_FORMATS, CONSOLIDATED_STYLES, PROGRESS_FORMATS, figureFormat } from "./styles";
export { fitRowHeights } from "./cells";
export { fileReadFailure, fileReadFrom } from "./file-read";
export { buildConsolidatedSpec } from "./build";
export { MATRIX_LAYOUT } from "./matrix";
export { COMPLETENESS_LAYOUT } from "./completeness";
export { SCORECARD_LAYOUT } from "./scorecard";
export { CHART_LAYOUT, defaultSpreadTarget, shareOfTarget } from "./charts";
export { TASKS_LAYOUT, TASK_STATE_FORMATS } from "./tasks";
