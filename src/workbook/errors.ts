/**
 * The workbook's failure catalogue: every error the template writers and readers throw is made here, once, with a
 * stable code, an HTTP-like status and a message in Vietnamese and English that names the sheet and cell and says how
 * to fix it. Call sites throw them by name: `throw workbookErrors.sheetMissing("Nhap")`. Each is defined in the one
 * catalogue style of `src/domain/messages/error-catalogue.ts` (the server's catalogue uses it too): code, status, a
 * message built from the call's arguments, and the details the error carries.
 */
import { defineCatalogue } from "../domain/messages/error-catalogue";
import type { ErrorSpec } from "../domain/messages/error-catalogue";

const catalogue = defineCatalogue();
const define = catalogue.define;

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, "");
}

const REDOWNLOAD_VI = "Hãy tải lại mẫu (lệnh `chitieu template` hoặc nút Tạo mẫu trong Chỉ tiêu) và chép số liệu sang.";
const REDOWNLOAD_EN =
  "Download the template again (`chitieu template`, or Create template in Chỉ tiêu) and copy your figures into it.";

export type TooLargeKind = "declared" | "actual" | "cells" | "entries" | "zip64";

/** What made a file too large, in both languages. */
function tooLargeWhat(kind: TooLargeKind, found: number, limit: number, part?: string): { vi: string; en: string } {
  const what: Record<TooLargeKind, { vi: string; en: string }> = {
    declared: {
      vi: `dung lượng sau giải nén khai báo ${mb(found)} MB, vượt giới hạn ${mb(limit)} MB`,
      en: `its declared unzipped size is ${mb(found)} MB, above the ${mb(limit)} MB limit`,
    },
    actual: {
      vi: `phần "${part ?? ""}" giải nén ra nhiều hơn kích thước khai báo (dấu hiệu "zip bomb"), giới hạn ${mb(limit)} MB`,
      en: `part "${part ?? ""}" unzips to more than its declared size (a "zip bomb" sign); the limit is ${mb(limit)} MB`,
    },
    cells: {
      vi: `trang "${part ?? ""}" có hơn ${limit.toLocaleString("vi-VN")} ô`,
      en: `sheet "${part ?? ""}" has more than ${limit.toLocaleString("en-US")} cells`,
    },
    entries: {
      vi: `tệp có ${found} thành phần, vượt giới hạn ${limit}`,
      en: `the file has ${found} parts, above the ${limit} limit`,
    },
    zip64: {
      vi: "tệp dùng định dạng ZIP64 dành cho tệp cực lớn",
      en: "the file uses the ZIP64 format for huge files",
    },
  };
  return what[kind];
}

export const workbookErrors = {
  notZip: define({
    code: "CT_XLSX_NOT_XLSX",
    status: 422,
    message: () => ({
      vi: 'Tệp này không phải là sổ Excel .xlsx (không đọc được cấu trúc ZIP). Hãy mở tệp bằng Excel hoặc LibreOffice và lưu lại với định dạng "Excel Workbook (.xlsx)".',
      en: 'This file is not an Excel .xlsx workbook (its ZIP structure cannot be read). Open it in Excel or LibreOffice and save it as "Excel Workbook (.xlsx)".',
    }),
  }),
  oldFormat: define({
    code: "CT_XLSX_OLD_FORMAT",
    status: 422,
    message: () => ({
      vi: 'Tệp là sổ Excel cũ (.xls), không đọc được. Hãy mở tệp bằng Excel hoặc LibreOffice và lưu lại với định dạng "Excel Workbook (.xlsx)".',
      en: 'The file is an old Excel workbook (.xls); it cannot be read. Open it in Excel or LibreOffice and save it as "Excel Workbook (.xlsx)".',
    }),
  }),
  encrypted: define({
    code: "CT_XLSX_ENCRYPTED",
    status: 422,
    message: () => ({
      vi: "Sổ có đặt mật khẩu mở tệp nên không đọc được. Hãy mở tệp, bỏ mật khẩu (Excel: Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, xoá mật khẩu; LibreOffice: Lưu thành… bỏ chọn Lưu kèm mật khẩu), lưu lại rồi gửi lại.",
      en: "The workbook has a password to open, so it cannot be read. Open it, remove the password (Excel: File → Info → Protect Workbook → Encrypt with Password, clear it; LibreOffice: Save As… without Save with password), save and send it again.",
    }),
  }),
  empty: define({
    code: "CT_XLSX_EMPTY",
    status: 422,
    message: () => ({
      vi: "Tệp rỗng (0 byte): có lẽ tệp chưa được lưu xong hoặc tải lên bị lỗi. Hãy mở sổ đã điền, lưu lại rồi gửi lại đúng tệp đó.",
      en: "The file is empty (0 bytes): it was probably not saved completely or the upload failed. Open the filled workbook, save it and send that file again.",
    }),
  }),
  truncated: define({
    code: "CT_XLSX_TRUNCATED",
    status: 422,
    message: (size: number) => ({
      vi: `Tệp .xlsx bị cắt cụt (chỉ có ${size} byte, thiếu phần cuối): có lẽ tệp chưa chép hoặc tải xong. Hãy chép hoặc tải lại tệp gốc rồi gửi lại.`,
      en: `The .xlsx file is cut short (only ${size} bytes, its end is missing): it was probably not copied or downloaded completely. Copy or download the original file again and resend it.`,
    }),
    details: (size) => ({ size }),
  }),
  ods: define({
    code: "CT_XLSX_ODS",
    status: 422,
    message: () => ({
      vi: 'Tệp là bảng tính OpenDocument (.ods), không phải .xlsx. Trong LibreOffice chọn Tệp → Lưu thành… → "Excel 2007-365 (.xlsx)".',
      en: 'The file is an OpenDocument spreadsheet (.ods), not .xlsx. In LibreOffice choose File → Save As… → "Excel 2007-365 (.xlsx)".',
    }),
  }),
  noWorkbook: define({
    code: "CT_XLSX_NO_WORKBOOK",
    status: 422,
    message: () => ({
      vi: "Tệp ZIP này không chứa sổ Excel (thiếu xl/workbook.xml). Hãy gửi đúng tệp .xlsx đã điền.",
      en: "This ZIP file holds no Excel workbook (xl/workbook.xml is missing). Send the filled .xlsx file itself.",
    }),
  }),
  corrupt: define({
    code: "CT_XLSX_CORRUPT",
    status: 422,
    message: (part: string) => ({
      vi: `Tệp .xlsx bị hỏng (phần "${part}" không đọc được). Hãy mở tệp trong Excel, lưu lại rồi gửi lại.`,
      en: `The .xlsx file is damaged (part "${part}" cannot be read). Open it in Excel, save it again and resend it.`,
    }),
    details: (part) => ({ part }),
  }),
  tooLarge: define({
    code: "CT_XLSX_TOO_LARGE",
    status: 413,
    message: (kind: TooLargeKind, found: number, limit: number, part?: string) => {
      const what = tooLargeWhat(kind, found, limit, part);
      return {
        vi: `Tệp quá lớn so với một báo cáo chỉ tiêu: ${what.vi}. Hãy xoá các trang tính và dữ liệu thừa, hoặc điền lại vào mẫu mới.`,
        en: `The file is too large for a target report: ${what.en}. Delete extra sheets and data, or fill a fresh template.`,
      };
    },
    details: (kind, found, limit, part) => ({ kind, found, limit, ...(part ? { part } : {}) }),
  }),
  notTemplate: define({
    code: "CT_TEMPLATE_NOT_CHITIEU",
    status: 422,
    message: () => ({
      vi: `Sổ này không phải mẫu báo cáo Chỉ tiêu (không có phần nhận dạng mẫu, cũng không có các tên CT_… trên trang "DonVi"). ${REDOWNLOAD_VI}`,
      en: `This workbook is not a Chỉ tiêu report template (no template identity part and no CT_… names on sheet "DonVi"). ${REDOWNLOAD_EN}`,
    }),
  }),
  sheetMissing: define({
    code: "CT_TEMPLATE_SHEET_MISSING",
    status: 422,
    message: (sheet: string) => ({
      vi: `Thiếu trang tính "${sheet}" (đã bị xoá hoặc đổi tên). Hãy đổi tên trang về đúng "${sheet}", hoặc tải lại mẫu và chép số liệu sang.`,
      en: `Sheet "${sheet}" is missing (deleted or renamed). Rename the sheet back to "${sheet}", or download the template again and copy your figures into it.`,
    }),
    details: (sheet) => ({ sheet }),
  }),
  rowMissing: define({
    code: "CT_TEMPLATE_ROW_MISSING",
    status: 422,
    message: (targetId: string, cell: string, strangers: { cell: string; id: string }[] = []) => {
      const seen = strangers.map((x) => `${x.cell} = "${x.id}"`).join(", ");
      return {
        vi: `Không có dòng nào ghi mã chỉ tiêu ${targetId} ở cột A trang "Nhap" (trong mẫu gốc là ô ${cell}): dòng đã bị xoá hoặc ô mã đã bị sửa${seen ? ` (${seen}: không phải chỉ tiêu của báo cáo này)` : ""}. Số liệu được đọc theo mã ở chính dòng của nó, nên đừng gõ lại mã: hãy hoàn tác thay đổi (Ctrl+Z), hoặc ${REDOWNLOAD_VI.charAt(0).toLowerCase()}${REDOWNLOAD_VI.slice(1)}`,
        en: `No row holds target id ${targetId} in column A of sheet "Nhap" (in the original template it is cell ${cell}): the row was deleted or its id cell changed${seen ? ` (${seen}: not a target of this report)` : ""}. Figures are read by the id on their own row, so do not retype ids: undo the change (Ctrl+Z), or ${REDOWNLOAD_EN.charAt(0).toLowerCase()}${REDOWNLOAD_EN.slice(1)}`,
      };
    },
    details: (targetId, cell, strangers = []) => ({ targetId, cell, ...(strangers.length ? { strangers } : {}) }),
  }),
  rowDuplicate: define({
    code: "CT_TEMPLATE_ROW_DUPLICATE",
    status: 422,
    message: (targetId: string, cells: string[]) => ({
      vi: `Mã chỉ tiêu "${targetId}" đứng ở nhiều dòng (${cells.join(", ")}). Số liệu được đọc theo mã ở chính dòng của nó, nên mỗi chỉ tiêu chỉ được có một dòng: hãy xoá dòng chép thừa (cả dòng, không chỉ ô mã), hoặc ${REDOWNLOAD_VI.charAt(0).toLowerCase()}${REDOWNLOAD_VI.slice(1)}`,
      en: `Target id "${targetId}" stands on several rows (${cells.join(", ")}). Figures are read by the id on their own row, so each target has one row: delete the extra row (the whole row, not only its id cell), or ${REDOWNLOAD_EN.charAt(0).toLowerCase()}${REDOWNLOAD_EN.slice(1)}`,
    }),
    details: (targetId, cells) => ({ targetId, cells }),
  }),
  identityConflict: define({
    code: "CT_TEMPLATE_IDENTITY_CONFLICT",
    status: 422,
    message: (field: "unitCode" | "period", inPart: string, inSheet: string, cell: string) => {
      const what =
        field === "unitCode" ? { vi: "mã đơn vị", en: "unit code" } : { vi: "kỳ báo cáo", en: "report period" };
      const make =
        field === "unitCode"
          ? `chitieu template --unit ${inSheet} --period …`
          : `chitieu template --unit … --period ${inSheet}`;
      return {
        vi: `Sổ được tạo cho ${what.vi} "${inPart}" (phần nhận dạng của mẫu) nhưng ô ${cell} ghi "${inSheet}": không biết đây là báo cáo nào nên không dùng. Nếu là báo cáo của "${inPart}", sửa ô ${cell} lại thành "${inPart}"; nếu là của "${inSheet}", tạo mẫu đúng (${make}) và chép số liệu sang.`,
        en: `The workbook was made for ${what.en} "${inPart}" (the template's identity part) but cell ${cell} says "${inSheet}": which report it is cannot be told, so it is not used. If it is the report of "${inPart}", set ${cell} back to "${inPart}"; if it is "${inSheet}"'s, make the right template (${make}) and copy the figures into it.`,
      };
    },
    details: (field, inPart, inSheet, cell) => ({ field, identityPart: inPart, unitSheet: inSheet, cell }),
  }),
  templateVersion: define({
    code: "CT_TEMPLATE_VERSION_MISMATCH",
    status: 409,
    message: (found: string, expected: string) => ({
      vi: `Sổ dùng mẫu phiên bản "${found}", phiên bản hiện hành là "${expected}" (ô DonVi!C6). Có thể chuyển số liệu sang mẫu mới: \`chitieu template --unit … --period … --from <tệp cũ> -o <tệp mới>\`, hoặc mở sổ trong Chỉ tiêu để sửa mẫu.`,
      en: `The workbook uses template version "${found}"; the current version is "${expected}" (cell DonVi!C6). Carry the values over to a new template: \`chitieu template --unit … --period … --from <old file> -o <new file>\`, or open the workbook in Chỉ tiêu to repair it.`,
    }),
    details: (found, expected) => ({ found, expected }),
  }),
  catalogVersion: define({
    code: "CT_CATALOG_VERSION_MISMATCH",
    status: 409,
    message: (found: string, expected: string) => ({
      vi: `Sổ được tạo theo danh mục chỉ tiêu phiên bản "${found}", danh mục hiện hành là "${expected}" (ô DonVi!C7). Có thể chuyển số liệu sang mẫu theo danh mục mới: \`chitieu template --unit … --period … --from <tệp cũ> -o <tệp mới>\`.`,
      en: `The workbook was made for target catalog version "${found}"; the current catalog is "${expected}" (cell DonVi!C7). Carry the values over to a template of the current catalog: \`chitieu template --unit … --period … --from <old file> -o <new file>\`.`,
    }),
    details: (found, expected) => ({ found, expected }),
  }),
  otherReport: define({
    code: "CT_TEMPLATE_OTHER_REPORT",
    status: 409,
    message: (found: { unitCode: string; period: string }, expected: { unitCode: string; period: string }) => ({
      vi: `Sổ đang mở là báo cáo của đơn vị ${found.unitCode}, kỳ ${found.period}, không phải đơn vị ${expected.unitCode}, kỳ ${expected.period}. Để không mất số liệu đã nhập, hãy mở một sổ mới cho báo cáo này.`,
      en: `The open workbook is the report of unit ${found.unitCode}, period ${found.period}, not unit ${expected.unitCode}, period ${expected.period}. To keep the figures already typed, open a new workbook for this report.`,
    }),
    details: (found, expected) => ({ found, expected }),
  }),
  unknownUnit: define({
    code: "CT_UNKNOWN_UNIT",
    status: 422,
    message: (code: string) => ({
      vi: `Không có đơn vị mã "${code}". Hãy dùng mã 5 chữ số của phường/xã (ví dụ 00004) hoặc mã sở ngành trong danh sách đơn vị.`,
      en: `No unit has code "${code}". Use the 5-digit ward/commune code (e.g. 00004) or a department code from the unit list.`,
    }),
    details: (code) => ({ code }),
  }),
  unknownPeriod: define({
    code: "CT_UNKNOWN_PERIOD",
    status: 422,
    message: (id: string) => ({
      vi: `Kỳ báo cáo "${id}" không hợp lệ. Dùng dạng 2026-01 (tháng), 2026-Q1 (quý), 2026-H1 (6 tháng) hoặc 2026 (năm).`,
      en: `Report period "${id}" is not valid. Use 2026-01 (month), 2026-Q1 (quarter), 2026-H1 (half year) or 2026 (year).`,
    }),
    details: (id) => ({ id }),
  }),
  excelTooOld: define({
    code: "CT_EXCEL_TOO_OLD",
    status: 426,
    message: (missing: string[]) => ({
      vi: `Phiên bản Excel này quá cũ cho Chỉ tiêu (thiếu ${missing.join(", ")}). Hãy dùng Excel cho Microsoft 365, Excel 2019 trở lên hoặc Excel trên web.`,
      en: `This version of Excel is too old for Chỉ tiêu (missing ${missing.join(", ")}). Use Excel for Microsoft 365, Excel 2019 or later, or Excel on the web.`,
    }),
    details: (missing) => ({ missing }),
  }),
  excelFailed: define({
    code: "CT_EXCEL_FAILED",
    status: 502,
    message: (action: string, detail: string) => ({
      vi: `Excel không thực hiện được thao tác "${action}": ${detail}. Hãy thử lại; nếu sổ đang ở chế độ chỉnh sửa ô (con trỏ trong ô), hãy nhấn Enter trước.`,
      en: `Excel could not complete "${action}": ${detail}. Try again; if a cell is being edited (cursor inside a cell), press Enter first.`,
    }),
    details: (action, detail) => ({ action, detail }),
  }),
};

/** Every error above, in order. */
export const WORKBOOK_ERROR_CATALOGUE: readonly ErrorSpec<never>[] = catalogue.specs;
