/**
 * XuHuong — each target's figure per period against its pace line: a block of rows per target (the figure; for flows
 * the year to date; the pace, where the year has a target), an arrow for the last change and the pace verdict. Cells
 * worse than the period before are red by a conditional-formatting rule that reads the target's good sign (column H
 * after the periods), never a per-cell colour.
 */
import { PROGRESS_LABELS, unitOfMeasureFor, type SeriesPoint, type TargetSeries } from "../../domain";
import { range, shortName, statusTextRules, addr } from "../consolidated/cells";
import type { CellValue, ConsolidatedSheet } from "../consolidated";
import { figureFormat } from "../consolidated";
import {
  arrow,
  arrowRules,
  dueInRange,
  pointCell,
  signOf,
  STATE_LEGEND,
  trendSheet,
  worseThanLeft,
  titleBlock,
} from "./cells";
import type { TrendContext } from "./context";
import { columnLetters } from "../template";

export const TREND_LAYOUT = { headerRow: 5, firstRow: 6, firstPeriodColumn: 5 } as const;

/** The last point of the range that has a figure, or the last point. */
export function lastValue(s: TargetSeries): SeriesPoint | undefined {
  for (let i = s.points.length - 1; i >= 0; i--) if (s.points[i]!.state === "value") return s.points[i];
  return s.points[s.points.length - 1];
}

/** A flow's year to date; a gap (a period missing or partial) says so, never a sum that reads as complete. */
function ytdCell(p: SeriesPoint): CellValue {
  if (p.ytd.figure !== null) return p.ytd.figure;
  return p.state === "not_due" ? null : "chưa đủ/incomplete";
}

function paceCell(p: SeriesPoint): CellValue {
  return p.pace.kind === "value" ? p.pace.expected : null;
}

function progressText(p: SeriesPoint | undefined): string | null {
  if (!p) return null;
  const progress = p.pace.kind === "value" || p.pace.kind === "deadline" ? p.pace.progress : null;
  if (progress === null) return null;
  const l = PROGRESS_LABELS[progress];
  return `${l.vi}\n${l.en}`;
}

export function trendSheetOf(ctx: TrendContext): ConsolidatedSheet {
  const { data, year } = ctx;
  const n = data.periods.length;
  const c0 = TREND_LAYOUT.firstPeriodColumn;
  const arrowCol = c0 + n;
  const signCol = arrowCol + 1;
  const paceCol = arrowCol + 2;
  const shown = data.targets.filter((s) => dueInRange(s.points));
  const skipped = data.targets.filter((s) => !dueInRange(s.points)).map((s) => s.targetId);
  const sheet = trendSheet("trend", [7, 40, 12, 20, ...data.periods.map(() => 13), 20, 7, 16]);
  const last = paceCol;
  titleBlock(
    sheet,
    `XU HƯỚNG THEO KỲ — ${data.from} đến ${data.to}`,
    `TRENDS BY PERIOD — ${data.from} to ${data.to}`,
    `${ctx.note} · Ô đỏ: kém hơn kỳ trước (theo hướng của chỉ tiêu) / red: worse than the period before (by the target's direction) · ${STATE_LEGEND}` +
      (skipped.length > 0
        ? ` · Không báo cáo theo loại kỳ này / not reported in periods of this kind: ${skipped.join(", ")}`
        : ""),
    last,
  );
  const h = TREND_LAYOUT.headerRow;
  sheet.blocks.push({
    address: `A${h}`,
    values: [
      [
        "Mã\nID",
        "Chỉ tiêu\nTarget",
        "Đơn vị tính\nUnit",
        "Dòng\nRow",
        ...data.periods,
        "Kỳ gần nhất so với kỳ trước\nLatest vs the period before",
        "Tốt = ±1\nBetter",
        `Tiến độ ${year}\nPace`,
      ],
    ],
  });
  sheet.styles.push({ range: range(1, h, last, h), style: "headerVi" });
  let r = TREND_LAYOUT.firstRow;
  const first = r;
  for (const s of shown) {
    const t = ctx.targetById.get(s.targetId);
    if (!t) continue;
    const fmt = figureFormat(t);
    const flow = t.timeAggregation === "sum" && t.measure !== "milestone";
    const hasPace = s.points.some((p) => p.pace.kind === "value");
    const latest = lastValue(s);
    const prev = latest?.change.previous;
    const rows: CellValue[][] = [
      [
        t.id,
        shortName(t, 60),
        unitOfMeasureFor(t, year),
        "Thành phố / City",
        ...s.points.map(pointCell),
        arrow(prev?.better ?? null, prev?.delta ?? null),
        signOf(t, year),
        progressText(latest),
      ],
    ];
    if (flow) rows.push([null, null, null, "Lũy kế năm / Year to date", ...s.points.map(ytdCell), null, null, null]);
    if (hasPace) rows.push([null, null, null, "Nhịp chỉ tiêu / Pace", ...s.points.map(paceCell), null, null, null]);
    sheet.blocks.push({
      address: `A${r}`,
      values: rows,
      numFmts: rows.map((row) => row.map((_, j) => (j >= c0 - 1 && j < c0 - 1 + n ? fmt : null))),
    });
    sheet.styles.push(
      { range: range(1, r, 4, r + rows.length - 1), style: "cell" },
      { range: range(c0, r, last, r + rows.length - 1), style: "figure" },
    );
    if (rows.length > 1) sheet.styles.push({ range: range(4, r + 1, last, r + rows.length - 1), style: "legend" });
    r += rows.length;
  }
  const end = r - 1;
  if (end >= first) {
    if (n > 1)
      sheet.conditionalFormats.push({
        range: range(c0 + 1, first, c0 + n - 1, end),
        rules: [worseThanLeft(c0 + 1, first, columnLetters(signCol))],
      });
    sheet.conditionalFormats.push(
      { range: range(arrowCol, first, arrowCol, end), rules: arrowRules(addr(arrowCol, first)) },
      { range: range(paceCol, first, paceCol, end), rules: statusTextRules(addr(paceCol, first)) },
    );
  }
  sheet.freeze = { rows: h, columns: 4 };
  sheet.print = { orientation: "landscape", paper: "A4", titleRows: [h, h], fitToWidth: true };
  return sheet;
}
