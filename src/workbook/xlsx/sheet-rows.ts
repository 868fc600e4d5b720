import ExcelJS from "exceljs";
import { AppError } from "../../domain/errors";

/** Text of one cell as a person sees it: numbers as typed (no float noise), dates as ISO, formulas by their result. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("result" in v) return cellText(v.result as ExcelJS.CellValue);
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("text" in v) return String(v.text);
    return "";
  }
  return String(v);
}

/**
 * The rows of one sheet as text (header included), for importing tables such as a target catalog from an .xlsx file.
 * `sheetName` defaults to the first sheet.
 */
export async function readSheetRows(data: Buffer | ArrayBuffer, sheetName?: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as ArrayBuffer);
  } catch {
    throw new AppError("CT_NOT_XLSX", 422, {
      vi: "Tệp không phải sổ Excel .xlsx hợp lệ. Hãy lưu lại tệp dưới dạng Excel Workbook (.xlsx) rồi thử lại.",
      en: "The file is not a valid .xlsx workbook. Save it as an Excel Workbook (.xlsx) and try again.",
    });
  }
  const ws = sheetName ? wb.getWorksheet(sheetName) : wb.worksheets[0];
  if (!ws) {
    throw new AppError("CT_SHEET_MISSING", 422, {
      vi: `Không thấy trang tính "${sheetName ?? "(đầu tiên)"}" trong sổ.`,
      en: `Sheet "${sheetName ?? "(first)"}" is not in the workbook.`,
    });
  }
  const rows: string[][] = [];
  const width = ws.columnCount;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) {
      // ExcelJS, not Office.js: a cell's value is in memory, there is nothing to load
      // eslint-disable-next-line office-addins/load-object-before-read
      cells.push(cellText(row.getCell(c).value).normalize("NFC"));
    }
    rows.push(cells);
  }
  return rows;
}
