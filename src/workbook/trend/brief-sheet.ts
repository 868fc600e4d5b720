/**
 * BanTin — the monthly brief on one A4 page, in one language (vi or en): the targets off and on pace, the bottleneck
 * targets better or worse than the period before, the units missing, the overdue key tasks where a register exists,
 * and two native charts (targets by pace verdict; the bottlenecks over the year so far, first period = 100).
 */
import {
  BOTTLENECK_NAMES,
  PROGRESS_LABELS,
  monthlyBrief,
  parsePeriod,
  periodLabel,
  unitOfMeasureFor,
  type BriefLine,
  type BriefTasks,
  type Locale,
} from "../../domain";
import { addr, lit, range, statusTextRules } from "../consolidated/cells";
import type { CellValue, ConsolidatedSheet } from "../consolidated";
import { figureFormat } from "../consolidated";
import { BETTER, LINE_COLORS, trendSheet, WORSE } from "./cells";
import { indexed } from "./charts";
import type { TrendContext } from "./context";

export interface BriefOptions {
  periodId: string;
  lang: Locale;
  /** the key-task register's overdue tasks at the period's end (briefTasks); null: no register (the section says so) */
  overdueTasks: BriefTasks | null;
}

const COLS = 6;

export function briefSheetOf(ctx: TrendContext, opts: BriefOptions): ConsolidatedSheet {
  const L = (vi: string, en: string): string => (opts.lang === "vi" ? vi : en);
  const brief = monthlyBrief(ctx.catalog, ctx.data, opts.periodId);
  const period = parsePeriod(opts.periodId);
  const sheet = trendSheet("brief", [7, 38, 13, 13, 15, 16]);
  const label = period ? periodLabel(period, opts.lang) : opts.periodId;
  sheet.blocks.push({
    address: "A1",
    values: [
      [L(`BẢN TIN ${label.toUpperCase()} — CHỈ TIÊU CỦA THÀNH PHỐ`, `MONTHLY BRIEF — ${label} — THE CITY'S TARGETS`)],
      [ctx.note],
    ],
  });
  sheet.styles.push({ range: "A1", style: "title" }, { range: "A2", style: "guideTextEn" });
  // the note wraps in its merge (an unwrapped long note would shrink the printed page)
  sheet.rowHeights[2] = 13 * Math.max(1, Math.ceil((ctx.note.length * 1.1) / 100));
  sheet.merges.push(range(1, 1, COLS, 1), range(1, 2, COLS, 2));
  const expected = new Set(ctx.data.units.map((u) => u.unitCode)).size;
  let r = 4;
  const kpi = L(
    `Đúng nhịp: ${brief.onPace.length} · Chậm nhịp: ${brief.offPace.length} · Chưa đánh giá được: ${brief.unjudged.length} · Đơn vị còn thiếu số liệu: ${brief.unitsMissing.length}${expected ? `/${expected}` : ""}`,
    `On pace: ${brief.onPace.length} · Off pace: ${brief.offPace.length} · Not judged: ${brief.unjudged.length} · Units with figures missing: ${brief.unitsMissing.length}${expected ? `/${expected}` : ""}`,
  );
  sheet.blocks.push({ address: `A${r}`, values: [[kpi]] });
  sheet.styles.push({ range: `A${r}`, style: "subtitle" });
  sheet.merges.push(range(1, r, COLS, r));
  r += 2;
  const statusText = (p: BriefLine["progress"]): string | null => {
    if (p === null) return null;
    const l = PROGRESS_LABELS[p];
    return `${l.vi}\n${l.en}`;
  };
  const section = (title: string, header: string[], rows: CellValue[][], fmts?: (string | null)[][]): number => {
    sheet.blocks.push({ address: `A${r}`, values: [[title]] });
    sheet.styles.push({ range: `A${r}`, style: "subtitle" });
    sheet.merges.push(range(1, r, COLS, r));
    r++;
    const top = r;
    sheet.blocks.push({
      address: `A${r}`,
      values: [header, ...rows],
      ...(fmts ? { numFmts: [header.map(() => null), ...fmts] } : {}),
    });
    sheet.styles.push({ range: range(1, r, header.length, r), style: "headerVi" });
    if (rows.length > 0) sheet.styles.push({ range: range(1, r + 1, header.length, r + rows.length), style: "cell" });
    r += rows.length + 2;
    return top + 1;
  };
  const targetRows = (lines: BriefLine[]): { rows: CellValue[][]; fmts: (string | null)[][] } => {
    const rows: CellValue[][] = [];
    const fmts: (string | null)[][] = [];
    for (const l of lines) {
      const t = ctx.targetById.get(l.targetId);
      if (!t) continue;
      const p = l.point;
      const compared = p.pace.kind === "value" ? p.pace.compared : p.figure;
      const expected = p.pace.kind === "value" ? p.pace.expected : null;
      rows.push([
        t.id,
        `${opts.lang === "vi" ? t.name.vi : t.name.en} (${unitOfMeasureFor(t, period?.year ?? ctx.year)})`,
        p.state === "value" ? compared : L("thiếu", "missing"),
        expected,
        p.pace.kind === "value" && p.pace.basis === "ytd"
          ? L("lũy kế năm", "year to date")
          : L("kỳ này", "this period"),
        statusText(l.progress),
      ]);
      fmts.push([null, null, figureFormat(t), figureFormat(t), null, null]);
    }
    return { rows, fmts };
  };
  const header = [
    L("Mã", "ID"),
    L("Chỉ tiêu", "Target"),
    L("Giá trị", "Figure"),
    L("Nhịp cần đạt", "Pace"),
    L("Cơ sở", "Basis"),
    L("Tiến độ", "Status"),
  ];
  const off = targetRows(brief.offPace);
  const offTop = section(L("Chỉ tiêu chậm nhịp", "Targets off pace"), header, off.rows, off.fmts);
  if (off.rows.length > 0)
    sheet.conditionalFormats.push({
      range: range(6, offTop, 6, offTop + off.rows.length - 1),
      rules: statusTextRules(addr(6, offTop)),
    });
  const on = targetRows(brief.onPace);
  const onTop = section(L("Chỉ tiêu đúng nhịp", "Targets on pace"), header, on.rows, on.fmts);
  if (on.rows.length > 0)
    sheet.conditionalFormats.push({
      range: range(6, onTop, 6, onTop + on.rows.length - 1),
      rules: statusTextRules(addr(6, onTop)),
    });
  const better = L("▲ tốt hơn", "▲ better");
  const worse = L("▼ kém đi", "▼ worse");
  const bRows: CellValue[][] = brief.bottlenecks.map((b) => {
    const t = ctx.targetById.get(b.targetId)!;
    const tags = t.bottlenecks
      .map((x) => (opts.lang === "vi" ? BOTTLENECK_NAMES[x].vi : BOTTLENECK_NAMES[x].en))
      .join(", ");
    return [
      t.id,
      `${opts.lang === "vi" ? t.name.vi : t.name.en} (${tags})`,
      b.point.state === "value" ? b.point.figure : L("thiếu", "missing"),
      b.previous,
      b.better === null
        ? b.previous === null
          ? L("chưa so được", "no comparison")
          : L("= không đổi", "= same")
        : b.better
          ? better
          : worse,
      null,
    ];
  });
  const bTop = section(
    L("Điểm nghẽn so với kỳ trước", "Bottlenecks against the period before"),
    [
      L("Mã", "ID"),
      L("Chỉ tiêu", "Target"),
      L("Kỳ này", "This period"),
      L("Kỳ trước", "Before"),
      L("Thay đổi", "Change"),
      "",
    ],
    bRows,
  );
  if (bRows.length > 0) {
    const at = addr(5, bTop);
    sheet.conditionalFormats.push({
      range: range(5, bTop, 5, bTop + bRows.length - 1),
      rules: [
        { formula: `${at}=${lit(worse)}`, ...WORSE },
        { formula: `${at}=${lit(better)}`, ...BETTER },
      ],
    });
  }
  r = missingAndTasks(sheet, ctx, brief.unitsMissing, opts.overdueTasks, r, L);
  briefCharts(sheet, ctx, brief.onPace.length, brief.offPace.length, brief.unjudged.length, r, L, opts.periodId);
  sheet.print = { orientation: "portrait", paper: "A4", fitToWidth: true, pagesTall: 1 };
  return sheet;
}

/** The units missing (the first 40 by name) and the overdue key tasks (or why there are none); the next free row. */
function missingAndTasks(
  sheet: ConsolidatedSheet,
  ctx: TrendContext,
  unitsMissing: string[],
  overdueTasks: BriefTasks | null,
  row: number,
  L: (vi: string, en: string) => string,
): number {
  let r = row;
  const names = unitsMissing.map((c) => `${c} ${ctx.unitNames.get(c) ?? ""}`.trim());
  const shown =
    names.slice(0, 40).join(", ") +
    (names.length > 40 ? L(` … và ${names.length - 40} đơn vị khác`, ` … and ${names.length - 40} more`) : "");
  sheet.blocks.push({
    address: `A${r}`,
    values: [
      [L("Đơn vị còn thiếu số liệu", "Units with figures missing")],
      [names.length ? shown : L("Không có", "None")],
    ],
  });
  sheet.styles.push({ range: `A${r}`, style: "subtitle" }, { range: `A${r + 1}`, style: "cell" });
  sheet.merges.push(range(1, r, COLS, r), range(1, r + 1, COLS, r + 1));
  sheet.rowHeights[r + 1] = Math.min(120, 15 * Math.max(1, Math.ceil(shown.length / 95)));
  r += 3;
  const t = overdueTasks;
  const title =
    t === null
      ? L("Nhiệm vụ trọng điểm quá hạn", "Overdue key tasks")
      : L(
          `Nhiệm vụ trọng điểm quá hạn: ${t.overdue}/${t.followed} nhiệm vụ`,
          `Overdue key tasks: ${t.overdue} of ${t.followed}`,
        );
  const body =
    t === null
      ? L(
          "Chưa có sổ nhiệm vụ trọng điểm: mục này bỏ qua (không phải là không có nhiệm vụ quá hạn).",
          "No key-task register: this section is skipped (not the same as no task overdue).",
        )
      : [t.overdue === 0 ? L("Không có nhiệm vụ quá hạn.", "No task overdue.") : t.lines.join("\n"), t.listNote]
          .filter((x): x is string => x !== null)
          .join("\n");
  sheet.blocks.push({ address: `A${r}`, values: [[title], [body]] });
  // the list wraps one task a line (the "cell" style wraps); the register's absence is a muted note
  sheet.styles.push({ range: `A${r}`, style: "subtitle" }, { range: `A${r + 1}`, style: t ? "cell" : "legend" });
  sheet.merges.push(range(1, r, COLS, r), range(1, r + 1, COLS, r + 1));
  // one printed line per task (a long one wraps once): the merged cell is tall enough to show them all
  const lines = body.split("\n").reduce((n, l) => n + Math.max(1, Math.ceil(l.length / 110)), 0);
  sheet.rowHeights[r + 1] = Math.min(230, 13 * Math.max(1, lines));
  r += 3;
  return r;
}

/** Two charts side by side under the sections, their data below them. */
function briefCharts(
  sheet: ConsolidatedSheet,
  ctx: TrendContext,
  on: number,
  off: number,
  unjudged: number,
  r: number,
  L: (vi: string, en: string) => string,
  periodId: string,
): void {
  const dataRow = r + 17;
  const counts: CellValue[][] = [
    [L("Tiến độ", "Status"), L("Số chỉ tiêu", "Targets")],
    [L("Đúng nhịp", "On pace"), on],
    [L("Chậm nhịp", "Off pace"), off],
    [L("Chưa đánh giá", "Not judged"), unjudged],
  ];
  sheet.blocks.push({ address: `A${dataRow}`, values: counts });
  sheet.styles.push(
    { range: range(1, dataRow, 2, dataRow), style: "headerVi" },
    { range: range(1, dataRow + 1, 2, dataRow + 3), style: "cell" },
  );
  sheet.charts.push({
    name: "CT_brief_pace",
    kind: "columnClustered",
    title: L("Số chỉ tiêu theo tiến độ", "Targets by pace"),
    dataRange: range(1, dataRow, 2, dataRow + 3),
    categories: counts.slice(1).map((x) => String(x[0])),
    series: [{ name: String(counts[0]![1]), values: [on, off, unjudged], color: "2F75B5" }],
    anchor: `A${r}:C${r + 15}`,
    valueAxisMin: 0,
  });
  const upto = ctx.data.periods.indexOf(periodId);
  const periods = ctx.data.periods.slice(0, upto + 1);
  const lines = ctx.data.targets
    .filter(
      (s) =>
        ctx.targetById.get(s.targetId)?.bottlenecks.length && ctx.targetById.get(s.targetId)?.measure !== "milestone",
    )
    .map((s) => ({ name: s.targetId, values: indexed(s.points.slice(0, upto + 1)) }))
    .filter((l) => l.values.some((v) => v !== null));
  const col = 4;
  if (lines.length > 0 && periods.length > 0) {
    const header: CellValue[] = [L("Kỳ", "Period"), ...lines.map((l) => l.name)];
    const rows: CellValue[][] = periods.map((p, i) => [p, ...lines.map((l) => l.values[i] ?? null)]);
    sheet.blocks.push({
      address: addr(col, dataRow),
      values: [header, ...rows],
      numFmts: [header.map(() => null), ...rows.map((row) => row.map((_, j) => (j === 0 ? null : "0")))],
    });
    sheet.charts.push({
      name: "CT_brief_bottlenecks",
      kind: "line",
      title: L("Điểm nghẽn, kỳ đầu = 100", "Bottlenecks, first period = 100"),
      dataRange: range(col, dataRow, col + lines.length, dataRow + rows.length),
      categories: periods,
      series: lines.map((l, i) => ({
        name: l.name,
        values: l.values,
        color: LINE_COLORS[i % LINE_COLORS.length] as string,
      })),
      anchor: `D${r}:F${r + 15}`,
    });
  }
}
