/** What every trend sheet shares: its sheet names, an empty sheet, state texts, arrows and the rule "worse". */
import type { Bilingual, PointState, SeriesPoint, Target } from "../../domain";
import { goodSign } from "../../domain";
import { directionFor } from "../../domain/catalog/catalog";
import { addr, blankSheet, lit, range } from "../consolidated/cells";
import type { CellValue, ConsolidatedSheet, ExpressionRule, TrendRole } from "../consolidated";

export const TREND_SHEETS = {
  trend: "XuHuong",
  bottleneck: "DiemNghen",
  unitChange: "DonViXuHuong",
  trendCharts: "BieuDoXuHuong",
  brief: "BanTin",
} as const satisfies Record<TrendRole, string>;
export const TREND_SHEET_NAMES: readonly string[] = Object.values(TREND_SHEETS);

export function trendSheet(role: TrendRole, columnWidths: number[]): ConsolidatedSheet {
  return blankSheet(TREND_SHEETS[role], role, columnWidths);
}

/** A point without a figure says why, in both languages: never a 0, never a blank that reads as one. */
export const STATE_TEXT: Record<Exclude<PointState, "value">, Bilingual> = {
  missing: { vi: "thiếu", en: "missing" },
  not_applicable: { vi: "KAD", en: "N/A" },
  not_due: { vi: "–", en: "–" },
};

/** The legend of the state texts, for the notes under the titles. */
export const STATE_LEGEND =
  '"thiếu": chưa có số liệu; "KAD": không áp dụng; "–": chưa đến hạn — không bao giờ là 0 / ' +
  '"missing": no figure; "N/A": not applicable; "–": not due — never 0';

export function stateCell(state: PointState, figure: number | null): CellValue {
  if (state === "value") return figure;
  const t = STATE_TEXT[state];
  return t.vi === t.en ? t.vi : `${t.vi}/${t.en}`;
}

/** Whether a series has a point due in the range (a yearly target read over months has none). */
export function dueInRange(points: readonly SeriesPoint[]): boolean {
  return points.some((p) => p.state !== "not_due" || p.notDue === "not_ended");
}

export function pointCell(p: SeriesPoint): CellValue {
  return stateCell(p.state, p.figure);
}

/** The good sign of a target in a year: 1 when a rise is better, −1 when a fall is, null for milestones. */
export function signOf(target: Target, year: number): number | null {
  const s = goodSign(directionFor(target, year));
  return s === 0 ? null : s;
}

export const ARROWS = {
  better: "▲ tốt hơn / better",
  worse: "▼ kém đi / worse",
  same: "= không đổi / same",
} as const;

/** The arrow of a change: better, worse or unchanged; null when either figure is missing. */
export function arrow(better: boolean | null, delta: number | null): string | null {
  if (delta === null) return null;
  if (delta === 0 || better === null) return ARROWS.same;
  return better ? ARROWS.better : ARROWS.worse;
}

export const WORSE = { fill: "FFC7CE", fontColor: "9C0006" } as const;
export const BETTER = { fill: "C6EFCE", fontColor: "006100" } as const;

/**
 * "Worse than last period" for a row of figures whose good sign is in column `signCol` (1 or −1; blank: no rule):
 * written for cell (col, row), relative to it — the cell and the one to its left are both numbers and moved the bad
 * way.
 */
export function worseThanLeft(col: number, row: number, signCol: string): ExpressionRule {
  const here = addr(col, row);
  const left = addr(col - 1, row);
  return {
    formula: `AND(ISNUMBER(${here}),ISNUMBER(${left}),ISNUMBER($${signCol}${row}),(${here}-${left})*$${signCol}${row}<0)`,
    ...WORSE,
  };
}

/** The arrow column: red for worse, green for better (exact text matches). */
export function arrowRules(topLeft: string): ExpressionRule[] {
  return [
    { formula: `${topLeft}=${lit(ARROWS.worse)}`, ...WORSE },
    { formula: `${topLeft}=${lit(ARROWS.better)}`, ...BETTER },
  ];
}

export const LINE_COLORS = [
  "2F75B5",
  "C00000",
  "70AD47",
  "ED7D31",
  "7030A0",
  "00B0F0",
  "BF8F00",
  "FF66CC",
  "548235",
  "833C0B",
  "264478",
  "9E480E",
] as const;
export const PACE_COLOR = "7F7F7F";

/**
 * Title, English title and the note under them, merged across the sheet's columns. The note wraps inside its merge
 * at a height fitted to its length: a long unwrapped note would make LibreOffice shrink the printed page to fit it.
 */
export function titleBlock(sheet: ConsolidatedSheet, vi: string, en: string, note: string, lastCol: number): void {
  sheet.blocks.push({ address: "A1", values: [[vi], [en], [note]] });
  sheet.styles.push(
    { range: "A1", style: "title" },
    { range: "A2", style: "subtitle" },
    { range: "A3", style: "guideTextEn" },
  );
  sheet.merges.push(range(1, 1, lastCol, 1), range(1, 2, lastCol, 2), range(1, 3, lastCol, 3));
  const width = sheet.columnWidths.slice(0, lastCol).reduce((a, b) => a + b, 0);
  sheet.rowHeights[3] = 13 * Math.max(1, Math.ceil((note.length * 1.35) / Math.max(width, 20)));
}
