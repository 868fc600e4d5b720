/**
 * NhiemVu: the key-task board of the period (issue #19) — one row per task with its lead unit, focal person,
 * deadline, the state that counts, product, evidence, obstacles, proposals and last update; the state column and
 * the flags (overdue, no update this period, units disagree) coloured by conditional formatting; then the counts by
 * task group, lead unit and bottleneck, and the tasks serving each target. Texts in both languages ("vi\nen").
 */
import {
  BOARD_COLUMNS,
  BOARD_STATE_ORDER,
  TASK_STATE_LABELS,
  boardRowCells,
  periodLabel,
  type Bilingual,
  type BoardGroup,
  type TaskBoard,
} from "../../domain";
import { lit, range } from "./cells";
import { TASKS_SHEET, type CellValue, type ConsolidatedSheet, type ExpressionRule } from "./spec";
import { bi } from "./styles";

const NO_REPORT: Bilingual = { vi: "Chưa báo cáo", en: "No report" };
const stateText = (s: (typeof BOARD_STATE_ORDER)[number]): Bilingual =>
  s === "no_report" ? NO_REPORT : TASK_STATE_LABELS[s];

/** State colours: done green, on track blue, at risk amber, late red, blocked orange, not started grey. */
export const TASK_STATE_FORMATS: Record<
  (typeof BOARD_STATE_ORDER)[number],
  { fill: string; fontColor: string; italic?: boolean }
> = {
  done: { fill: "C6EFCE", fontColor: "006100" },
  on_track: { fill: "DDEBF7", fontColor: "1F4E78" },
  at_risk: { fill: "FFEB9C", fontColor: "9C5700" },
  late: { fill: "FFC7CE", fontColor: "9C0006" },
  blocked: { fill: "FCE4D6", fontColor: "833C0B" },
  not_started: { fill: "EDEDED", fontColor: "404040" },
  no_report: { fill: "FFFFFF", fontColor: "808080", italic: true },
};

export const TASKS_LAYOUT = {
  totalsHeader: 4,
  totalsValues: 6,
  tableHeaderVi: 8,
  tableHeaderEn: 9,
  firstData: 10,
} as const;
const WIDTHS = [9, 22, 40, 11, 11, 26, 16, 18, 11, 16, 9, 18, 30, 30, 30, 30, 30, 12, 24, 22, 12, 14, 22, 30];
const STATE_COL = BOARD_COLUMNS.findIndex((c) => c.key === "state") + 1;
const FLAGS_COL = BOARD_COLUMNS.findIndex((c) => c.key === "flags") + 1;

function stateRules(topLeft: string): ExpressionRule[] {
  return BOARD_STATE_ORDER.map((s) => ({
    formula: `${topLeft}=${lit(stateText(s).vi)}&CHAR(10)&${lit(stateText(s).en)}`,
    ...TASK_STATE_FORMATS[s],
  }));
}

function groupBlock(sheet: ConsolidatedSheet, row: number, title: Bilingual, groups: BoardGroup[]): number {
  const header = [bi(title), ...BOARD_STATE_ORDER.map((s) => bi(stateText(s))), "Tổng\nTotal"];
  const values: CellValue[][] = [
    header,
    ...groups.map((g) => [bi(g.label).trim(), ...BOARD_STATE_ORDER.map((s) => g.counts[s]), g.taskIds.length]),
  ];
  sheet.blocks.push({ address: `B${row}`, values });
  const last = 2 + BOARD_STATE_ORDER.length + 1;
  sheet.styles.push({ range: range(2, row, last, row), style: "headerVi" });
  if (groups.length > 0) {
    sheet.styles.push(
      { range: range(2, row + 1, 2, row + groups.length), style: "cell" },
      { range: range(3, row + 1, last, row + groups.length), style: "figure" },
    );
  }
  return row + groups.length + 2;
}

export function tasksSheet(
  board: TaskBoard,
  period: Parameters<typeof periodLabel>[0],
  note: string,
): ConsolidatedSheet {
  const lastCol = BOARD_COLUMNS.length;
  const L = TASKS_LAYOUT;
  const sheet: ConsolidatedSheet = {
    name: TASKS_SHEET,
    role: "tasks",
    tabColor: "7030A0",
    columnWidths: WIDTHS,
    blocks: [
      {
        address: "A1",
        values: [
          [`NHIỆM VỤ TRỌNG ĐIỂM — ${periodLabel(period, "vi")}`],
          [`KEY TASKS — ${periodLabel(period, "en")}`],
          [note],
        ],
      },
    ],
    styles: [
      { range: "A1", style: "title" },
      { range: "A2", style: "subtitle" },
      { range: "A3", style: "hint" },
    ],
    merges: [range(1, 1, 12, 1), range(1, 2, 12, 2), range(1, 3, 12, 3)],
    conditionalFormats: [],
    charts: [],
    print: { orientation: "landscape", paper: "A4", fitToWidth: true, pagesWide: 2 },
    rowHeights: {},
  };
  const totals = [
    ...BOARD_STATE_ORDER.map((s) => board.counts[s]),
    board.overdue.length,
    board.noUpdate.length,
    board.disagreements.length,
  ];
  sheet.blocks.push({
    address: `A${L.totalsHeader}`,
    values: [
      [...BOARD_STATE_ORDER.map((s) => stateText(s).vi), "Quá hạn", "Chưa cập nhật kỳ này", "Đơn vị báo khác nhau"],
      [...BOARD_STATE_ORDER.map((s) => stateText(s).en), "Overdue", "No update this period", "Units disagree"],
      totals,
    ],
  });
  const n = totals.length;
  sheet.styles.push(
    { range: range(1, L.totalsHeader, n, L.totalsHeader), style: "headerVi" },
    { range: range(1, L.totalsHeader + 1, n, L.totalsHeader + 1), style: "headerEn" },
    { range: range(1, L.totalsValues, n, L.totalsValues), style: "total" },
  );
  sheet.blocks.push({
    address: `A${L.tableHeaderVi}`,
    values: [BOARD_COLUMNS.map((c) => c.vi), BOARD_COLUMNS.map((c) => c.en)],
  });
  sheet.styles.push(
    { range: range(1, L.tableHeaderVi, lastCol, L.tableHeaderVi), style: "headerVi" },
    { range: range(1, L.tableHeaderEn, lastCol, L.tableHeaderEn), style: "headerEn" },
  );
  const first = L.firstData;
  const last = first + board.rows.length - 1;
  if (board.rows.length > 0) {
    const vi = board.rows.map((r) => boardRowCells(r, "vi"));
    const en = board.rows.map((r) => boardRowCells(r, "en"));
    const values: CellValue[][] = vi.map((row, i) =>
      row.map((c, j) => {
        const e = en[i]![j];
        return typeof c === "string" && typeof e === "string" && c !== e && c !== "" ? `${c}\n${e}` : c;
      }),
    );
    sheet.blocks.push({
      address: `A${first}`,
      values,
      numFmts: values.map((v) => v.map((_, j) => (j === 0 || j === 4 ? "@" : null))),
    });
    sheet.styles.push(
      { range: range(1, first, 1, last), style: "id" },
      { range: range(2, first, lastCol, last), style: "cell" },
      { range: range(STATE_COL, first, STATE_COL, last), style: "status" },
    );
    const stateCell = range(STATE_COL, first, STATE_COL, first).split(":")[0]!;
    const flagsCell = range(FLAGS_COL, first, FLAGS_COL, first).split(":")[0]!;
    sheet.conditionalFormats.push(
      { range: range(STATE_COL, first, STATE_COL, last), rules: stateRules(stateCell) },
      {
        range: range(FLAGS_COL, first, FLAGS_COL, last),
        rules: [
          { formula: `ISNUMBER(SEARCH(${lit("Quá hạn")},${flagsCell}))`, fill: "FFC7CE", fontColor: "9C0006" },
          { formula: `LEN(${flagsCell})>0`, fill: "FFEB9C", fontColor: "9C5700" },
        ],
      },
    );
  }
  let row = Math.max(last, first) + 2;
  row = groupBlock(sheet, row, { vi: "Theo nhóm nhiệm vụ", en: "By task group" }, board.byGroup);
  row = groupBlock(sheet, row, { vi: "Theo đơn vị chủ trì", en: "By lead unit" }, board.byLeadUnit);
  row = groupBlock(sheet, row, { vi: "Theo điểm nghẽn", en: "By bottleneck" }, board.byBottleneck);
  sheet.blocks.push({
    address: `B${row}`,
    values: [
      ["Chỉ tiêu\nTarget", "Nhiệm vụ phục vụ chỉ tiêu\nTasks serving it"],
      ...board.byTarget.map((t) => [`${t.targetId} ${t.name.vi}`, t.taskIds.join(", ")]),
    ],
  });
  sheet.styles.push({ range: range(2, row, 3, row), style: "headerVi" });
  if (board.byTarget.length > 0)
    sheet.styles.push({ range: range(2, row + 1, 3, row + board.byTarget.length), style: "cell" });
  sheet.freeze = { rows: L.tableHeaderEn, columns: 3 };
  sheet.print.titleRows = [L.tableHeaderVi, L.tableHeaderEn];
  return sheet;
}
