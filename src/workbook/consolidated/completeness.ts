/** TienDo: completeness per unit — expected, submitted, on time, late, missing, returned, rejected — with contacts. */
import { hanoiDateTime, periodLabel } from "../../domain";
import { COMPLETENESS_NAMES, type CompletenessState, type ConsolidationView } from "../../domain/scorecard";
import { emptySheet, lit, range, titleRows } from "./cells";
import type { CellValue, ConsolidatedSheet } from "./spec";
import { COMPLETENESS_FORMATS, bi } from "./styles";

// ---- TienDo ----

export const COMPLETENESS_LAYOUT = {
  totalsHeader: 4,
  totalsValues: 6,
  tableHeaderVi: 8,
  tableHeaderEn: 9,
  firstData: 10,
} as const;

export function completenessSheet(view: ConsolidationView, note: string): ConsolidatedSheet {
  const { period } = view;
  const { rows, totals } = view.completeness;
  const sheet = emptySheet("completeness", [10, 30, 22, 20, 30, 22, 22, 16, 50]);
  const lastCol = 9;
  titleRows(
    sheet,
    {
      vi: `TIẾN ĐỘ NỘP BÁO CÁO — ${periodLabel(period, "vi")}`,
      en: `REPORT COMPLETENESS AND TIMELINESS — ${periodLabel(period, "en")}`,
    },
    note,
    lastCol,
  );
  const L = COMPLETENESS_LAYOUT;
  sheet.blocks.push({
    address: `A${L.totalsHeader}`,
    values: [
      ["Phải nộp", "Đã nộp", "Đúng hạn", "Nộp muộn", "Chưa nộp", "Trả lại", "Tệp bị từ chối"],
      ["Expected", "Submitted", "On time", "Late", "Missing", "Returned", "Files rejected"],
      [totals.expected, totals.submitted, totals.onTime, totals.late, totals.missing, totals.returned, totals.rejected],
    ],
  });
  sheet.styles.push(
    { range: range(1, L.totalsHeader, 7, L.totalsHeader), style: "headerVi" },
    { range: range(1, L.totalsHeader + 1, 7, L.totalsHeader + 1), style: "headerEn" },
    { range: range(1, L.totalsValues, 7, L.totalsValues), style: "total" },
  );
  sheet.blocks.push({
    address: `A${L.tableHeaderVi}`,
    values: [
      [
        "Mã đơn vị",
        "Đơn vị",
        "Tình trạng",
        "Thời điểm nộp (giờ Hà Nội)",
        "Nguồn (tệp / mã nộp)",
        "Người lập biểu",
        "Người phê duyệt",
        "Điện thoại",
        "Ghi chú",
      ],
      [
        "Unit code",
        "Unit",
        "State",
        "Submitted at (Hanoi time)",
        "Source (file / submission)",
        "Prepared by",
        "Approved by",
        "Phone",
        "Note",
      ],
    ],
  });
  sheet.styles.push(
    { range: range(1, L.tableHeaderVi, lastCol, L.tableHeaderVi), style: "headerVi" },
    { range: range(1, L.tableHeaderEn, lastCol, L.tableHeaderEn), style: "headerEn" },
  );
  if (rows.length > 0) {
    const values: CellValue[][] = rows.map((r) => [
      r.unitCode,
      r.unitName.vi,
      bi(COMPLETENESS_NAMES[r.state]),
      r.submittedAt ? hanoiDateTime(r.submittedAt) : null,
      r.source,
      r.contact?.preparer ?? null,
      r.contact?.approver ?? null,
      r.contact?.phone ?? null,
      r.note ? bi(r.note) : null,
    ]);
    const first = L.firstData;
    const last = first + rows.length - 1;
    sheet.blocks.push({
      address: `A${first}`,
      values,
      numFmts: values.map((v) => v.map((_, i) => (i === 0 || i === 7 ? "@" : null))),
    });
    sheet.styles.push(
      { range: range(1, first, 1, last), style: "id" },
      { range: range(2, first, lastCol, last), style: "cell" },
      { range: range(3, first, 3, last), style: "status" },
    );
    sheet.conditionalFormats.push({
      range: range(3, first, 3, last),
      rules: (Object.keys(COMPLETENESS_FORMATS) as CompletenessState[]).map((s) => ({
        formula: `C${first}=${lit(COMPLETENESS_NAMES[s].vi)}&CHAR(10)&${lit(COMPLETENESS_NAMES[s].en)}`,
        ...COMPLETENESS_FORMATS[s],
      })),
    });
  }
  sheet.freeze = { rows: L.tableHeaderEn, columns: 2 };
  sheet.print = {
    orientation: "landscape",
    paper: "A4",
    titleRows: [L.tableHeaderVi, L.tableHeaderEn],
    fitToWidth: true,
  };
  return sheet;
}
