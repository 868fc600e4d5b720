/** Messages for problems in a catalog file (CSV or .xlsx sheet): what is wrong in which row and column, and the fix. */
import type { Bilingual } from "../types";

export type CatalogIssueCode =
  | "empty_file"
  | "unclosed_quote"
  | "missing_column"
  | "unknown_column"
  | "duplicate_column"
  | "extra_cells"
  | "missing_value"
  | "bad_id"
  | "duplicate_id"
  | "unknown_group"
  | "unknown_measure"
  | "bad_direction"
  | "not_a_number"
  | "bad_date"
  | "unknown_reported_by"
  | "unknown_aggregation"
  | "milestone_mismatch"
  | "ratio_labels_missing"
  | "unknown_bottleneck"
  | "unknown_status"
  | "bad_unit_by_year"
  | "bad_direction_by_year"
  | "bad_applies_to"
  | "unknown_value"
  | "time_ratio_needs_ratio"
  | "no_targets";

type P = Record<string, string | number>;

const list = (xs: unknown): string => String(xs);

export const CATALOG_MESSAGES: Record<CatalogIssueCode, (p: P) => Bilingual> = {
  empty_file: () => ({
    vi: "Tệp danh mục trống. Hãy dùng tệp có dòng tiêu đề và mỗi chỉ tiêu một dòng.",
    en: "The catalog file is empty. Use a file with a header row and one row per target.",
  }),
  unclosed_quote: (p) => ({
    vi: `Dòng ${p.row}: dấu ngoặc kép mở mà không đóng. Hãy đóng dấu " hoặc lưu lại tệp từ Excel dưới dạng CSV UTF-8.`,
    en: `Row ${p.row}: a double quote is opened and never closed. Close the " or save the file again from Excel as CSV UTF-8.`,
  }),
  missing_column: (p) => ({
    vi: `Thiếu cột "${p.column}" ở dòng tiêu đề. Hãy thêm cột này (các cột: ${list(p.expected)}).`,
    en: `Column "${p.column}" is missing from the header row. Add it (columns: ${list(p.expected)}).`,
  }),
  unknown_column: (p) => ({
    vi: `Cột "${p.column}" không thuộc mẫu danh mục. Hãy xóa hoặc đổi tên cho đúng (các cột: ${list(p.expected)}).`,
    en: `Column "${p.column}" is not a catalog column. Remove or rename it (columns: ${list(p.expected)}).`,
  }),
  duplicate_column: (p) => ({
    vi: `Cột "${p.column}" xuất hiện hai lần ở dòng tiêu đề. Hãy giữ một cột.`,
    en: `Column "${p.column}" appears twice in the header row. Keep one.`,
  }),
  extra_cells: (p) => ({
    vi: `Dòng ${p.row}: có ${p.count} ô, nhiều hơn số cột tiêu đề (${p.expected}). Có thể một ô chứa dấu phẩy mà không có ngoặc kép.`,
    en: `Row ${p.row}: ${p.count} cells, more than the ${p.expected} header columns. A cell may hold a comma without quotes.`,
  }),
  missing_value: (p) => ({
    vi: `Dòng ${p.row}, cột ${p.column}: chưa có giá trị. Hãy điền ${p.column}.`,
    en: `Row ${p.row}, column ${p.column}: empty. Fill in the ${p.column}.`,
  }),
  bad_id: (p) => ({
    vi: `Dòng ${p.row}, cột id: "${p.value}" không phải mã hợp lệ. Hãy dùng chữ, số, "-" hoặc "_" (tối đa 20 ký tự), ví dụ E01.`,
    en: `Row ${p.row}, column id: "${p.value}" is not a valid id. Use letters, digits, "-" or "_" (at most 20), e.g. E01.`,
  }),
  duplicate_id: (p) => ({
    vi: `Dòng ${p.row}, cột id: mã "${p.value}" đã dùng ở dòng ${p.firstRow}. Mỗi chỉ tiêu phải có mã riêng.`,
    en: `Row ${p.row}, column id: "${p.value}" is already used on row ${p.firstRow}. Each target needs its own id.`,
  }),
  unknown_group: (p) => ({
    vi: `Dòng ${p.row}, cột group: "${p.value}" không phải nhóm hợp lệ. Hãy dùng một trong: ${list(p.allowed)}.`,
    en: `Row ${p.row}, column group: "${p.value}" is not a known group. Use one of: ${list(p.allowed)}.`,
  }),
  unknown_measure: (p) => ({
    vi: `Dòng ${p.row}, cột measure: "${p.value}" không phải loại chỉ tiêu hợp lệ. Hãy dùng một trong: ${list(p.allowed)}.`,
    en: `Row ${p.row}, column measure: "${p.value}" is not a known measure. Use one of: ${list(p.allowed)}.`,
  }),
  bad_direction: (p) => ({
    vi: `Dòng ${p.row}, cột direction: "${p.value}" không hợp lệ. Hãy dùng một trong: ${list(p.allowed)} (done_by chỉ dùng cho mốc hoàn thành).`,
    en: `Row ${p.row}, column direction: "${p.value}" is not valid. Use one of: ${list(p.allowed)} (done_by only for milestones).`,
  }),
  not_a_number: (p) => ({
    vi: `Dòng ${p.row}, cột ${p.column}: "${p.value}" không phải là số. Hãy ghi số với dấu chấm thập phân, không ngăn cách hàng nghìn (ví dụ 4.5 hoặc 12000), hoặc để trống nếu chưa có chỉ tiêu.`,
    en: `Row ${p.row}, column ${p.column}: "${p.value}" is not a number. Write it with a decimal point and no thousands separator (e.g. 4.5 or 12000), or leave it empty when there is no target.`,
  }),
  bad_date: (p) => ({
    vi: `Dòng ${p.row}, cột ${p.column}: "${p.value}" không phải ngày hợp lệ. Mốc hoàn thành ghi theo dạng năm-tháng-ngày, ví dụ 2028-12-31.`,
    en: `Row ${p.row}, column ${p.column}: "${p.value}" is not a valid date. Write a milestone date as year-month-day, e.g. 2028-12-31.`,
  }),
  unknown_reported_by: (p) => ({
    vi: `Dòng ${p.row}, cột reported_by: "${p.value}" không hợp lệ. Hãy dùng một trong: ${list(p.allowed)}.`,
    en: `Row ${p.row}, column reported_by: "${p.value}" is not valid. Use one of: ${list(p.allowed)}.`,
  }),
  unknown_aggregation: (p) => ({
    vi: `Dòng ${p.row}, cột aggregation: "${p.value}" không hợp lệ. Hãy dùng một trong: ${list(p.allowed)}.`,
    en: `Row ${p.row}, column aggregation: "${p.value}" is not valid. Use one of: ${list(p.allowed)}.`,
  }),
  milestone_mismatch: (p) => ({
    vi: `Dòng ${p.row}, cột ${p.column}: mốc hoàn thành phải có measure = milestone, direction = done_by và aggregation = none (và ngược lại).`,
    en: `Row ${p.row}, column ${p.column}: a milestone needs measure = milestone, direction = done_by and aggregation = none (and only a milestone may use them).`,
  }),
  ratio_labels_missing: (p) => ({
    vi: `Dòng ${p.row}, cột ${p.column}: chỉ tiêu tỷ lệ (ratio_of_sums) phải ghi rõ tử số và mẫu số. Hãy điền numerator_vi và denominator_vi.`,
    en: `Row ${p.row}, column ${p.column}: a ratio_of_sums target must name its numerator and denominator. Fill in numerator_vi and denominator_vi.`,
  }),
  unknown_bottleneck: (p) => ({
    vi: `Dòng ${p.row}, cột bottleneck: "${p.value}" không phải điểm nghẽn hợp lệ. Hãy dùng ${list(p.allowed)}, cách nhau bởi dấu ;.`,
    en: `Row ${p.row}, column bottleneck: "${p.value}" is not a known bottleneck. Use ${list(p.allowed)}, separated by ;.`,
  }),
  unknown_status: (p) => ({
    vi: `Dòng ${p.row}, cột status: "${p.value}" không hợp lệ. Hãy dùng một trong: ${list(p.allowed)}.`,
    en: `Row ${p.row}, column status: "${p.value}" is not valid. Use one of: ${list(p.allowed)}.`,
  }),
  bad_unit_by_year: (p) => ({
    vi: `Dòng ${p.row}, cột ${p.column}: "${p.value}" không đúng dạng đơn vị theo năm. Hãy ghi "2026: triệu đồng; 2030: USD" (năm từ 2026 đến 2030).`,
    en: `Row ${p.row}, column ${p.column}: "${p.value}" is not a valid per-year unit. Write "2026: triệu đồng; 2030: USD" (years 2026 to 2030).`,
  }),
  bad_direction_by_year: (p) => ({
    vi: `Dòng ${p.row}, cột direction: "${p.value}" không đúng dạng hướng theo năm. Hãy ghi "2026:>;2030:>=" (năm từ 2026 đến 2030; hướng >=, >, <=, <).`,
    en: `Row ${p.row}, column direction: "${p.value}" is not a valid per-year direction. Write "2026:>;2030:>=" (years 2026 to 2030; directions >=, >, <=, <).`,
  }),
  bad_applies_to: (p) => ({
    vi: `Dòng ${p.row}, cột applies_to: "${p.value}" không hợp lệ hoặc lặp lại. Hãy dùng ${list(p.allowed)}, cách nhau bởi dấu ;, có thể thêm "(planner selects)", ví dụ "ward;commune (planner selects)".`,
    en: `Row ${p.row}, column applies_to: "${p.value}" is not valid or is repeated. Use ${list(p.allowed)}, separated by ;, optionally followed by "(planner selects)", e.g. "ward;commune (planner selects)".`,
  }),
  unknown_value: (p) => ({
    vi: `Dòng ${p.row}, cột ${p.column}: "${p.value}" không hợp lệ. Hãy dùng một trong: ${list(p.allowed)}, hoặc để trống để dùng mặc định.`,
    en: `Row ${p.row}, column ${p.column}: "${p.value}" is not valid. Use one of: ${list(p.allowed)}, or leave it empty for the default.`,
  }),
  time_ratio_needs_ratio: (p) => ({
    vi: `Dòng ${p.row}, cột time_aggregation: ratio_of_sums chỉ dùng cho chỉ tiêu có tử số và mẫu số (aggregation = ratio_of_sums). Hãy chọn sum, last hoặc mean.`,
    en: `Row ${p.row}, column time_aggregation: ratio_of_sums needs a numerator and a denominator (aggregation = ratio_of_sums). Choose sum, last or mean.`,
  }),
  no_targets: () => ({
    vi: "Tệp danh mục không có chỉ tiêu nào. Hãy thêm mỗi chỉ tiêu một dòng dưới dòng tiêu đề.",
    en: "The catalog file holds no target. Add one row per target under the header row.",
  }),
};
