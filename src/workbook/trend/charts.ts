/**
 * BieuDoXuHuong — native line charts over the periods of the range:
 * - per group of targets: each target's city figure as a % of where its pace says it should stand (100 = on pace;
 *   the dashed line is the pace) — targets of one group have different units, so each is drawn against its own pace;
 * - per bottleneck: each tagged target's city figure as an index of its first figure in the range (first = 100), so
 *   that "not worse" reads the same for counts and rates.
 * A period without a figure (missing, N/A, not due) is a gap in the line, never 0.
 */
import { BOTTLENECK_NAMES, GROUP_IDS, GROUP_NAMES, type SeriesPoint, type Target } from "../../domain";
import { range } from "../consolidated/cells";
import type { CellValue, ChartSpec, ConsolidatedSheet } from "../consolidated";
import { dueInRange, LINE_COLORS, PACE_COLOR, trendSheet, titleBlock } from "./cells";
import type { TrendContext } from "./context";

export const TREND_CHART_LAYOUT = {
  firstRow: 4,
  rowsPerChart: 22,
  chartFirstColumn: "J",
  chartLastColumn: "U",
} as const;

/** The figure the pace compares (flows: the year to date; levels: the figure) as a % of where it should stand. */
export function shareOfPace(p: SeriesPoint): number | null {
  if (p.pace.kind !== "value" || p.pace.compared === null || p.pace.expected === 0) return null;
  return (100 * p.pace.compared) / p.pace.expected;
}

/** The figures as an index of the first figure of the range (first = 100); null where there is no figure. */
export function indexed(points: readonly SeriesPoint[]): (number | null)[] {
  const base = points.find((p) => p.state === "value" && p.figure !== null && p.figure !== 0)?.figure ?? null;
  return points.map((p) =>
    base === null || p.state !== "value" || p.figure === null ? null : (100 * p.figure) / base,
  );
}

interface Line {
  name: string;
  values: (number | null)[];
}

export function trendChartsSheet(ctx: TrendContext): ConsolidatedSheet {
  const { data } = ctx;
  const sheet = trendSheet("trendCharts", [12, ...Array.from({ length: 8 }, () => 10)]);
  titleBlock(
    sheet,
    `BIỂU ĐỒ XU HƯỚNG — ${data.from} đến ${data.to}`,
    `TREND CHARTS — ${data.from} to ${data.to}`,
    `${ctx.note} · Nhóm: % so với nhịp chỉ tiêu (100 = đúng nhịp); điểm nghẽn: chỉ số so với kỳ đầu (kỳ đầu = 100); kỳ thiếu số liệu là khoảng trống, không phải 0 / ` +
      `groups: % of pace (100 = on pace); bottlenecks: index of the first period (first = 100); a period without a figure is a gap, never 0.`,
    21,
  );
  const series = new Map(data.targets.map((s) => [s.targetId, s]));
  let r = TREND_CHART_LAYOUT.firstRow;
  const place = (name: string, title: string, axis: string, lines: Line[], pace: boolean): void => {
    const all = pace ? [...lines, { name: "Nhịp = 100 / Pace = 100", values: data.periods.map(() => 100) }] : lines;
    const header: CellValue[] = ["Kỳ / Period", ...all.map((l) => l.name)];
    const rows: CellValue[][] = data.periods.map((p, i) => [p, ...all.map((l) => l.values[i] ?? null)]);
    const last = r + rows.length;
    sheet.blocks.push({
      address: `A${r}`,
      values: [header, ...rows],
      numFmts: [header.map(() => null), ...rows.map((row) => row.map((_, j) => (j === 0 ? null : "0.0")))],
    });
    sheet.styles.push(
      { range: range(1, r, header.length, r), style: "headerVi" },
      { range: range(1, r + 1, 1, last), style: "cell" },
      { range: range(2, r + 1, header.length, last), style: "figure" },
    );
    const drawn = lines.some((l) => l.values.some((v) => v !== null));
    if (drawn) {
      const chart: ChartSpec = {
        name,
        kind: "line",
        title,
        dataRange: range(1, r, header.length, last),
        categories: [...data.periods],
        series: all.map((l, i) => ({
          name: l.name,
          values: l.values,
          color: pace && i === all.length - 1 ? PACE_COLOR : (LINE_COLORS[i % LINE_COLORS.length] as string),
        })),
        anchor: `${TREND_CHART_LAYOUT.chartFirstColumn}${r}:${TREND_CHART_LAYOUT.chartLastColumn}${r + TREND_CHART_LAYOUT.rowsPerChart - 2}`,
        valueAxisTitle: axis,
        ...(pace ? { dashed: [all.length - 1] } : {}),
      };
      sheet.charts.push(chart);
    } else {
      sheet.blocks.push({ address: `A${last + 1}`, values: [["Chưa có số liệu để vẽ / No figures to chart yet"]] });
      sheet.styles.push({ range: `A${last + 1}`, style: "legend" });
    }
    r += Math.max(TREND_CHART_LAYOUT.rowsPerChart, rows.length + 3);
  };
  const label = (t: Target): string => t.id;
  for (const g of GROUP_IDS) {
    const lines: Line[] = [];
    for (const t of ctx.catalog.targets) {
      const s = series.get(t.id);
      if (!s || t.group !== g || !dueInRange(s.points) || !s.points.some((p) => p.pace.kind === "value")) continue;
      lines.push({ name: label(t), values: s.points.map(shareOfPace) });
    }
    place(
      `CT_trend_${g}`,
      `${GROUP_NAMES[g].vi}: thành phố so với nhịp chỉ tiêu / ${GROUP_NAMES[g].en}: city against pace (%)`,
      "% so với nhịp / % of pace",
      lines,
      true,
    );
  }
  for (const b of Object.keys(BOTTLENECK_NAMES) as (keyof typeof BOTTLENECK_NAMES)[]) {
    const lines: Line[] = [];
    for (const t of ctx.catalog.targets) {
      const s = series.get(t.id);
      if (!s || !t.bottlenecks.includes(b) || t.measure === "milestone" || !dueInRange(s.points)) continue;
      lines.push({ name: label(t), values: indexed(s.points) });
    }
    place(
      `CT_trend_bottleneck_${b}`,
      `${BOTTLENECK_NAMES[b].vi} / ${BOTTLENECK_NAMES[b].en}: chỉ số so với kỳ đầu (kỳ đầu = 100) / index of the first period`,
      "kỳ đầu = 100 / first = 100",
      lines,
      false,
    );
  }
  sheet.print = { orientation: "landscape", paper: "A4", fitToWidth: true };
  return sheet;
}
