/** ThePhanLoai: the 43-target scorecard by group and by bottleneck, then every target with its status. */
import { GROUP_NAMES, BOTTLENECK_NAMES, PROGRESS_LABELS, periodLabel, type Bilingual, type Target } from "../../domain";
import type { ConsolidationView } from "../../domain/scorecard";
import { statusText } from "../template";
import { addr, emptySheet, range, shortName, statusTextRules, titleRows } from "./cells";
import type { CellValue, ConsolidatedSheet } from "./spec";
import { slash } from "./styles";

// ---- ThePhanLoai ----

export const SCORECARD_LAYOUT = {
  groupHeader: 4,
  groupFirst: 6,
  progressOrder: ["met", "on_track", "at_risk", "off_track", "no_target", "no_data"],
} as const;

export function scorecardSheet(view: ConsolidationView, note: string): ConsolidatedSheet {
  const { scorecard, period, catalog } = view;
  const order = SCORECARD_LAYOUT.progressOrder;
  const sheet = emptySheet("scorecard", [44, 12, 14, 14, 14, 16, 16, 10]);
  const lastCol = 2 + order.length;
  titleRows(
    sheet,
    {
      vi: `THẺ PHÂN LOẠI ${catalog.targets.length} CHỈ TIÊU — ${periodLabel(period, "vi")}`,
      en: `SCORECARD OF THE ${catalog.targets.length} TARGETS — ${periodLabel(period, "en")}`,
    },
    note,
    lastCol,
  );
  const header = (first: Bilingual): CellValue[][] => [
    [first.vi, ...order.map((p) => PROGRESS_LABELS[p].vi), "Tổng"],
    [first.en, ...order.map((p) => PROGRESS_LABELS[p].en), "Total"],
  ];
  const countsRow = (label: string, c: Record<string, number>): CellValue[] => [
    label,
    ...order.map((p) => c[p]),
    c.total,
  ];
  let r = SCORECARD_LAYOUT.groupHeader;
  const table = (title: Bilingual, rows: CellValue[][], total: CellValue[] | null): void => {
    sheet.blocks.push({ address: `A${r}`, values: [...header(title), ...rows, ...(total ? [total] : [])] });
    sheet.styles.push(
      { range: range(1, r, lastCol, r), style: "headerVi" },
      { range: range(1, r + 1, lastCol, r + 1), style: "headerEn" },
    );
    // the status headers take their status colour
    order.forEach((p, i) => sheet.styles.push({ range: range(2 + i, r, 2 + i, r + 1), style: `progress_${p}` }));
    const first = r + 2;
    const last = first + rows.length - 1;
    if (rows.length > 0) {
      sheet.styles.push(
        { range: range(1, first, 1, last), style: "cell" },
        { range: range(2, first, lastCol, last), style: "cellCenter" },
      );
    }
    if (total)
      sheet.styles.push(
        { range: range(1, last + 1, 1, last + 1), style: "totalLabel" },
        { range: range(2, last + 1, lastCol, last + 1), style: "total" },
      );
    r = last + (total ? 1 : 0) + 3;
  };
  table(
    { vi: "Nhóm chỉ tiêu", en: "Target group" },
    scorecard.byGroup.map((g) => countsRow(slash(g.name), g.counts)),
    countsRow("Tổng cộng / Total", scorecard.total),
  );
  table(
    { vi: "Điểm nghẽn (một chỉ tiêu có thể thuộc hai điểm nghẽn)", en: "Bottleneck (a target may watch two)" },
    scorecard.byBottleneck.map((b) => countsRow(slash(b.name), b.counts)),
    null,
  );
  // every target with its status
  const listHeader: CellValue[][] = [
    ["Chỉ tiêu", "Nhóm", "Điểm nghẽn", "Đánh giá"],
    ["Target", "Group", "Bottleneck", "Status"],
  ];
  const byId = new Map(catalog.targets.map((t) => [t.id, t]));
  const list: CellValue[][] = scorecard.targets.map((s) => [
    shortName(byId.get(s.targetId) as Target, 60),
    GROUP_NAMES[s.group].vi,
    s.bottlenecks.map((b) => BOTTLENECK_NAMES[b].vi).join(", ") || null,
    statusText(s.progress),
  ]);
  sheet.blocks.push({ address: `A${r}`, values: [...listHeader, ...list] });
  sheet.styles.push(
    { range: range(1, r, 4, r), style: "headerVi" },
    { range: range(1, r + 1, 4, r + 1), style: "headerEn" },
  );
  const first = r + 2;
  const last = first + list.length - 1;
  if (list.length > 0) {
    sheet.styles.push(
      { range: range(1, first, 3, last), style: "cell" },
      { range: range(4, first, 4, last), style: "status" },
    );
    sheet.conditionalFormats.push({ range: range(4, first, 4, last), rules: statusTextRules(addr(4, first)) });
  }
  sheet.print = { orientation: "portrait", paper: "A4", fitToWidth: true };
  return sheet;
}
