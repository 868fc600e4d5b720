/** The template's fixed texts: headers, column widths, unit-sheet labels, the demo banner, the guide. */
import type { Bilingual } from "../../domain";
import type { EntryColumn, UnitField } from "./layout";

export const NO_TARGET: Bilingual = { vi: "Chưa có chỉ tiêu", en: "no target set" };
export const NOT_APPLICABLE = "—";

export const HEADERS: Record<EntryColumn, Bilingual> = {
  id: { vi: "Mã", en: "ID" },
  name: { vi: "Chỉ tiêu", en: "Target" },
  unitOfMeasure: { vi: "Đơn vị tính", en: "Unit" },
  target: { vi: "Chỉ tiêu năm", en: "Target for the year" },
  termTarget: { vi: "Mục tiêu 2030", en: "2030 target" },
  sourceStatus: { vi: "Tình trạng nguồn chỉ tiêu", en: "Target source status" },
  value: { vi: "Giá trị thực hiện", en: "Value" },
  numerator: { vi: "Tử số", en: "Numerator" },
  denominator: { vi: "Mẫu số", en: "Denominator" },
  milestone: { vi: "Tiến độ mốc", en: "Milestone" },
  status: { vi: "Đánh giá", en: "Status" },
  justification: { vi: "Giải trình", en: "Justification" },
  evidence: { vi: "Nguồn số liệu, minh chứng", en: "Data source, evidence" },
  responsible: { vi: "Người chịu trách nhiệm", en: "Responsible person" },
  check: { vi: "Kết quả kiểm tra", en: "Check result" },
};

/** The header texts of an entry column (rows 4 and 5), by which a reader finds a column that was moved. */
export function entryHeader(column: EntryColumn): Bilingual {
  return HEADERS[column];
}

export const COLUMN_WIDTHS: Record<EntryColumn, number> = {
  id: 6,
  name: 46,
  unitOfMeasure: 12,
  target: 14,
  termTarget: 12,
  sourceStatus: 18,
  value: 13,
  numerator: 13,
  denominator: 13,
  milestone: 16,
  status: 16,
  justification: 32,
  evidence: 24,
  responsible: 18,
  check: 36,
};

export const UNIT_LABELS: Record<UnitField, Bilingual> = {
  unitCode: { vi: "Mã đơn vị", en: "Unit code" },
  unitName: { vi: "Tên đơn vị", en: "Unit name" },
  period: { vi: "Kỳ báo cáo", en: "Report period" },
  templateVersion: { vi: "Phiên bản mẫu", en: "Template version" },
  catalogVersion: { vi: "Phiên bản danh mục chỉ tiêu", en: "Target catalog version" },
  demo: { vi: "Dữ liệu trình diễn", en: "Demo data" },
  locale: { vi: "Kiểu ghi số (vi: 1.234,5 — en: 1,234.5)", en: "Number style (vi: 1.234,5 — en: 1,234.5)" },
  preparer: { vi: "Người lập biểu", en: "Prepared by" },
  approver: { vi: "Người phê duyệt (thủ trưởng đơn vị)", en: "Approved by (head of unit)" },
  phone: { vi: "Số điện thoại liên hệ", en: "Contact phone" },
};

export const DEMO_BANNER: Bilingual = {
  vi: "DEMO — dữ liệu trình diễn, không phải báo cáo thật",
  en: "DEMO — demonstration data, not a real report",
};

export const GUIDE: Bilingual[] = [
  { vi: "HƯỚNG DẪN ĐIỀN BÁO CÁO CHỈ TIÊU", en: "HOW TO FILL IN THE TARGET REPORT" },
  {
    vi: '1. Trang "DonVi": ghi người lập biểu, người phê duyệt và số điện thoại (rõ người). Mã đơn vị và kỳ báo cáo đã ghi sẵn, không sửa.',
    en: '1. Sheet "DonVi": enter who prepared and who approved the report and a phone number. The unit code and period are preset: do not change them.',
  },
  {
    vi: '2. Trang "Nhap": mỗi dòng là một chỉ tiêu đơn vị phải báo cáo. Chỉ điền vào các ô màu vàng; ô xám "—" không áp dụng cho chỉ tiêu đó.',
    en: '2. Sheet "Nhap": one row per target your unit reports. Fill only the yellow cells; a grey "—" cell does not apply to that target.',
  },
  {
    vi: "3. Chỉ tiêu tỷ lệ (%) tính theo tử số / mẫu số: ghi cả tử số và mẫu số (số liệu gốc), Chỉ tiêu tự tính tỷ lệ. Không ghi tỷ lệ % thay cho tử số.",
    en: "3. Ratio targets (%) are entered as numerator and denominator (the raw counts); the rate is computed. Do not type a percentage instead of the numerator.",
  },
  {
    vi: '4. Số thập phân ghi "12,5" hoặc "12.5" đều được; để trống nghĩa là chưa có số liệu (không phải số 0). Số đếm là số nguyên không âm.',
    en: '4. Decimals may be typed "12,5" or "12.5"; a blank cell means no figure yet (not zero). Counts are whole numbers ≥ 0.',
  },
  {
    vi: "5. Chỉ tiêu dạng mốc: chọn Chưa bắt đầu / Đang thực hiện / Hoàn thành trong danh sách.",
    en: "5. Milestone targets: pick Not started / In progress / Done from the list.",
  },
  {
    vi: '6. Cột "Chỉ tiêu năm" ghi chỉ tiêu của năm theo danh mục; "Chưa có chỉ tiêu" nghĩa là danh mục chưa có giá trị cho năm đó (mục tiêu 2030 chỉ để tham khảo). Cột "Tình trạng nguồn chỉ tiêu" cho biết chỉ tiêu đã xác minh hay còn tạm.',
    en: '6. "Target for the year" is the catalog\'s target for that year; "no target set" means the catalog has no value for the year (the 2030 target is for information). "Target source status" says whether the target is verified or provisional.',
  },
  {
    vi: '7. Khi số liệu không đạt hoặc có nguy cơ không đạt, ghi giải trình (nguyên nhân, giải pháp) ở cột "Giải trình"; ghi nguồn số liệu/minh chứng và người chịu trách nhiệm cho từng chỉ tiêu.',
    en: '7. When a figure is off track or at risk, write a justification (cause and remedy) in "Justification"; give the data source/evidence and the responsible person for every target.',
  },
  {
    vi: '8. Kiểm tra và gửi: trong Excel dùng bảng Chỉ tiêu (cột "Kết quả kiểm tra" ghi các lỗi); hoặc chạy `chitieu validate <tệp>` rồi `chitieu submit <tệp>`.',
    en: '8. Check and submit: in Excel use the Chỉ tiêu pane (the "Check result" column lists problems); or run `chitieu validate <file>` then `chitieu submit <file>`.',
  },
  {
    vi: "9. Không xoá, đổi tên trang tính, không sửa mã ở cột A và không xoá dòng chỉ tiêu. Có thể chèn thêm dòng trống để ghi chú.",
    en: "9. Do not delete or rename sheets, edit the ids in column A or delete target rows. You may insert blank rows for notes.",
  },
];
