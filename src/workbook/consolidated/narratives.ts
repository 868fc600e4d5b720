/**
 * ThuyetMinh: the narratives of the consolidated units, one row per unit whose report carries one — key results,
 * shortcomings and causes, tasks for the next period, proposals — so a planner reads 130 narratives side by side.
 * Units without a narrative are counted under the title, never listed as empty rows.
 */
import { NARRATIVE_LABELS, NARRATIVE_PARTS, periodLabel } from "../../domain";
import type { ConsolidationView } from "../../domain/scorecard";
import { emptySheet, range, titleRows } from "./cells";
import type { CellValue, ConsolidatedSheet } from "./spec";

export const NARRATIVES_LAYOUT = { count: 4, headerVi: 5, headerEn: 6, firstData: 7 } as const;

export function narrativesSheet(view: ConsolidationView, note: string): ConsolidatedSheet {
  const narratives = view.narratives ?? [];
  const sheet = emptySheet("narratives", [10, 28, 60, 60, 60, 60]);
  const lastCol = 2 + NARRATIVE_PARTS.length;
  titleRows(
    sheet,
    {
      vi: `THUYẾT MINH CỦA CÁC ĐƠN VỊ — ${periodLabel(view.period, "vi")}`,
      en: `UNITS' NARRATIVES — ${periodLabel(view.period, "en")}`,
    },
    note,
    lastCol,
  );
  const L = NARRATIVES_LAYOUT;
  const submitted = view.completeness.rows.filter((r) => r.source !== null).length;
  sheet.blocks.push({
    address: `A${L.count}`,
    values: [
      [
        `${narratives.length} đơn vị có thuyết minh / ${submitted} báo cáo đã nhận · ` +
          `${narratives.length} units wrote a narrative / ${submitted} reports received`,
      ],
    ],
  });
  sheet.styles.push({ range: `A${L.count}`, style: "hint" });
  sheet.merges.push(range(1, L.count, lastCol, L.count));
  sheet.blocks.push({
    address: `A${L.headerVi}`,
    values: [
      ["Mã đơn vị", "Đơn vị", ...NARRATIVE_PARTS.map((p) => NARRATIVE_LABELS[p].vi)],
      ["Unit code", "Unit", ...NARRATIVE_PARTS.map((p) => NARRATIVE_LABELS[p].en)],
    ],
  });
  sheet.styles.push(
    { range: range(1, L.headerVi, lastCol, L.headerVi), style: "headerVi" },
    { range: range(1, L.headerEn, lastCol, L.headerEn), style: "headerEn" },
  );
  if (narratives.length > 0) {
    const values: CellValue[][] = narratives.map((n) => [
      n.unitCode,
      n.unitName.vi,
      ...NARRATIVE_PARTS.map((p) => n.narrative[p]),
    ]);
    const first = L.firstData;
    const last = first + values.length - 1;
    // every cell is text: a narrative starting with "=", "+" or "-" must never become a formula
    sheet.blocks.push({ address: `A${first}`, values, numFmts: values.map((v) => v.map(() => "@")) });
    sheet.styles.push(
      { range: range(1, first, 1, last), style: "id" },
      { range: range(2, first, lastCol, last), style: "cell" },
    );
  }
  sheet.freeze = { rows: L.headerEn, columns: 2 };
  sheet.print = { orientation: "landscape", paper: "A4", titleRows: [L.headerVi, L.headerEn], fitToWidth: true };
  return sheet;
}
