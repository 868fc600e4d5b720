/** The consolidated workbook's shape: its sheets and the plain-data types both writers walk. */
import type { TargetProgress, TaskBoard } from "../../domain";
import type { CellStyle, StyleId } from "../template";

export const CONSOLIDATED_SHEETS = {
  summary: "TongHop",
  matrix: "MaTran",
  completeness: "TienDo",
  scorecard: "ThePhanLoai",
  charts: "BieuDo",
  narratives: "ThuyetMinh",
} as const;
/** The key-task board (issue #19): written when the consolidation carries one (the endpoint's, or files with tasks). */
export const TASKS_SHEET = "NhiemVu";
export type ConsolidatedRole = keyof typeof CONSOLIDATED_SHEETS | "tasks";
export const CONSOLIDATED_SHEET_NAMES: readonly string[] = Object.values(CONSOLIDATED_SHEETS);

export type CellValue = string | number | boolean | null;

export type ConsolidatedStyleId =
  StyleId | "figure" | "cell" | "cellCenter" | "total" | "totalLabel" | "legend" | `progress_${TargetProgress}`;

/** A rectangle of values whose top-left cell is `address`; `numFmts` (same shape) when cells need a number format. */
export interface ValueBlock {
  address: string;
  values: CellValue[][];
  numFmts?: (string | null)[][];
}

export interface StyleRange {
  range: string;
  style: ConsolidatedStyleId;
}

/** A rule whose formula (no leading "=") is written for the top-left cell of the range and is relative to it. */
export interface ExpressionRule {
  formula: string;
  fill: string;
  fontColor: string;
  italic?: boolean;
}

export interface ConditionalFormat {
  range: string;
  rules: ExpressionRule[];
}

/** `line`: periods along the category axis, one line per series (the trend workbook). */
export type ChartKind = "barClustered" | "columnClustered" | "line";

export interface ChartSeries {
  name: string;
  /** one per category; null = no figure */
  values: (number | null)[];
  /** "RRGGBB" */
  color: string;
}

export interface ChartSpec {
  /** unique in the workbook, e.g. "CT_chart_economy" */
  name: string;
  kind: ChartKind;
  title: string;
  /** on this sheet: the header row, the category column, then one column per series — contiguous */
  dataRange: string;
  categories: string[];
  series: ChartSeries[];
  /** the cells the chart covers, e.g. "F4:P22" */
  anchor: string;
  valueAxisTitle?: string;
  /** the value axis starts here (0 when no value is negative, so bar lengths compare honestly) */
  valueAxisMin?: number;
  /** line charts: series drawn dashed (e.g. the pace line), by index */
  dashed?: number[];
}

/** The trend workbook's and the monthly brief's sheets (src/workbook/trend) share this sheet shape. */
export type TrendRole = "trend" | "bottleneck" | "unitChange" | "trendCharts" | "brief";

export interface ConsolidatedSheet {
  name: string;
  role: ConsolidatedRole | TrendRole;
  tabColor?: string;
  columnWidths: number[];
  blocks: ValueBlock[];
  styles: StyleRange[];
  merges: string[];
  conditionalFormats: ConditionalFormat[];
  charts: ChartSpec[];
  freeze?: { rows: number; columns: number };
  print: {
    orientation: "landscape" | "portrait";
    paper: "A4";
    titleRows?: [number, number];
    /** columns repeated at the left of every printed page, e.g. ["A", "B"] */
    titleColumns?: [string, string];
    fitToWidth: boolean;
    /** pages across when fitted to width (default 1) */
    pagesWide?: number;
    /** pages down when fitted (default: as many as needed) */
    pagesTall?: number;
  };
  /** rows taller than one line (points), for wrapped two-language texts: not every program fits them on opening */
  rowHeights: Record<number, number>;
}

export interface ConsolidatedSpec {
  period: string;
  generatedAt: string;
  styles: Record<ConsolidatedStyleId, CellStyle>;
  sheets: ConsolidatedSheet[];
}

export interface ConsolidatedOptions {
  /** the target whose spread across units is charted; default: the ratio target most units reported */
  spreadTargetId?: string;
  /** the period's task board: adds the sheet TASKS_SHEET */
  taskBoard?: TaskBoard;
}
