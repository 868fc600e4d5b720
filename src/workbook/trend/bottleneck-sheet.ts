/**
 * DiemNghen — the targets tagged with a bottleneck (U13–U16 and the others): per target, the city figure per period,
 * then the ten units that slipped most over the range with their own figures per period and their change.
 */
import { BOTTLENECK_NAMES, bottleneckTargets, worstUnits } from "../../domain";
import { addr, range, shortName } from "../consolidated/cells";
import type { CellValue, ConsolidatedSheet } from "../consolidated";
import { figureFormat } from "../consolidated";
import { columnLetters } from "../template";
import {
  arrow,
  arrowRules,
  dueInRange,
  pointCell,
  signOf,
  STATE_LEGEND,
  stateCell,
  trendSheet,
  worseThanLeft,
  titleBlock,
} from "./cells";
import type { TrendContext } from "./context";

export function bottleneckSheetOf(ctx: TrendContext): ConsolidatedSheet {
  const { data, year } = ctx;
  const n = data.periods.length;
  const c0 = 3;
  const arrowCol = c0 + n;
  const slipCol = arrowCol + 1;
  const signCol = arrowCol + 2;
  const last = signCol;
  const sheet = trendSheet("bottleneck", [10, 36, ...data.periods.map(() => 13), 20, 12, 7]);
  titleBlock(
    sheet,
    `ĐIỂM NGHẼN — ${data.from} đến ${data.to}`,
    `BOTTLENECKS — ${data.from} to ${data.to}`,
    `${ctx.note} · Mỗi chỉ tiêu: giá trị thành phố, rồi 10 đơn vị kém đi nhiều nhất (từ số liệu đầu tiên đến cuối cùng trong khoảng) / ` +
      `each target: the city figure, then the ten units that slipped most (first to last figure of the range) · ${STATE_LEGEND}`,
    last,
  );
  let r = 5;
  const rules: { from: number; to: number }[] = [];
  const series = new Map(data.targets.map((s) => [s.targetId, s]));
  for (const t of bottleneckTargets(ctx.catalog.targets)) {
    const s = series.get(t.id);
    if (!s || !dueInRange(s.points)) continue;
    const fmt = figureFormat(t);
    const tags = t.bottlenecks.map((b) => BOTTLENECK_NAMES[b].vi).join(", ");
    const sign = signOf(t, year);
    const header: CellValue[] = [
      t.id,
      `${shortName(t, 50)} (${tags})`,
      ...data.periods,
      "Thay đổi\nChange",
      "Kém đi, %\nSlip, %",
      "Tốt = ±1\nBetter",
    ];
    const latest = [...s.points].reverse().find((p) => p.state === "value");
    const cityRow: CellValue[] = [
      "Thành phố",
      "Toàn thành phố / City",
      ...s.points.map(pointCell),
      arrow(latest?.change.previous.better ?? null, latest?.change.previous.delta ?? null),
      null,
      sign,
    ];
    const worst = worstUnits(t, data, 10).map(({ change, track }): CellValue[] => [
      track.unitCode,
      ctx.unitNames.get(track.unitCode) ?? "",
      ...track.states.map((st, i) => stateCell(st, track.figures[i] ?? null)),
      arrow(change.better, change.delta),
      change.slip,
      sign,
    ]);
    const rows = [
      header,
      cityRow,
      ...(worst.length > 0
        ? worst
        : [["", "Không đơn vị nào kém đi / No unit slipped", ...data.periods.map(() => null), null, null, null]]),
    ];
    sheet.blocks.push({
      address: `A${r}`,
      values: rows,
      numFmts: rows.map((row, i) =>
        row.map((_, j) => (i > 0 && j >= c0 - 1 && j < c0 - 1 + n ? fmt : i > 0 && j === slipCol - 1 ? "0.0" : null)),
      ),
    });
    sheet.styles.push(
      { range: range(1, r, last, r), style: "headerVi" },
      { range: range(1, r + 1, last, r + 1), style: "totalLabel" },
      { range: range(1, r + 2, 2, r + rows.length - 1), style: "cell" },
      { range: range(c0, r + 2, last, r + rows.length - 1), style: "figure" },
    );
    rules.push({ from: r + 1, to: r + rows.length - 1 });
    r += rows.length + 1;
  }
  for (const b of rules) {
    if (n > 1)
      sheet.conditionalFormats.push({
        range: range(c0 + 1, b.from, c0 + n - 1, b.to),
        rules: [worseThanLeft(c0 + 1, b.from, columnLetters(signCol))],
      });
    sheet.conditionalFormats.push({
      range: range(arrowCol, b.from, arrowCol, b.to),
      rules: arrowRules(addr(arrowCol, b.from)),
    });
  }
  sheet.freeze = { rows: 4, columns: 2 };
  return sheet;
}
