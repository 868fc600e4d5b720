/** The planner pane's texts, Vietnamese first. `{name}` placeholders are filled by the pane's `fill`. */
import type { Bilingual } from "../../../domain/types";

export const PLANNER_TEXT = {
  heading: { vi: "Tổng hợp (người tổng hợp)", en: "Consolidation (planner)" },
  period: { vi: "Kỳ báo cáo", en: "Report period" },
  periodHint: { vi: "Ví dụ 2026-Q1, 2026-01, 2026-H1, 2026", en: "e.g. 2026-Q1, 2026-01, 2026-H1, 2026" },
  periodInvalid: {
    vi: "Kỳ không hợp lệ: dùng 2026-01, 2026-Q1, 2026-H1 hoặc 2026.",
    en: "Not a period: use 2026-01, 2026-Q1, 2026-H1 or 2026.",
  },
  group: { vi: "Nhóm đơn vị", en: "Unit group" },
  allUnits: { vi: "Tất cả đơn vị", en: "All units" },
  basis: { vi: "Bản dùng để tổng hợp", en: "Revisions used" },
  basisLatest: { vi: "Bản gửi mới nhất", en: "Latest revision" },
  basisAccepted: { vi: "Chỉ bản đã chấp nhận", en: "Accepted only" },
  spreadTarget: { vi: "Chỉ tiêu vẽ phân bố theo đơn vị", en: "Target charted across units" },
  spreadTargetHint: {
    vi: "Biểu đồ cột trên trang BieuDo: giá trị của từng đơn vị cho chỉ tiêu này.",
    en: "A column chart on sheet BieuDo: each unit's figure for this target.",
  },
  spreadTargetDefault: {
    vi: "Tự chọn: chỉ tiêu tỷ lệ có nhiều đơn vị báo cáo nhất",
    en: "Automatic: the ratio target most units reported",
  },
  fromEndpoint: { vi: "Tổng hợp từ máy chủ và ghi vào sổ", en: "Consolidate from the endpoint into this workbook" },
  fetching: { vi: "Đang lấy số liệu tổng hợp và tiến độ nộp…", en: "Fetching the consolidation and completeness…" },
  writing: { vi: "Đang ghi vào sổ: phần {done}/{total}", en: "Writing to the workbook: part {done} of {total}" },
  reading: { vi: "Đang đọc tệp {done}/{total}", en: "Reading file {done} of {total}" },
  done: {
    vi: "Đã ghi {sheets} trang tổng hợp ({syncs} lần đồng bộ). {submitted}/{expected} đơn vị đã báo cáo; {missing} đơn vị chưa có.",
    en: "Wrote {sheets} consolidated sheets ({syncs} syncs). {submitted}/{expected} units reported; {missing} missing.",
  },
  replaced: { vi: "Các trang cũ đã được thay: {names}.", en: "Earlier sheets were replaced: {names}." },
  notPlanner: {
    vi: "Mã truy cập này không phải của người tổng hợp: cần mã vai trò planner để tổng hợp.",
    en: "This token is not a planner's: consolidation needs a planner token.",
  },
  filesHeading: { vi: "Tổng hợp từ tệp gửi qua thư", en: "Consolidate workbooks received by e-mail" },
  filesPick: { vi: "Chọn các tệp .xlsx…", en: "Choose .xlsx files…" },
  filesLabel: { vi: "Tệp báo cáo của đơn vị (.xlsx)", en: "Unit report files (.xlsx)" },
  filesSummary: {
    vi: "{read} tệp: dùng {accepted}, từ chối {rejected}, bỏ qua {skipped}, trùng {conflict}.",
    en: "{read} files: used {accepted}, rejected {rejected}, skipped {skipped}, duplicates {conflict}.",
  },
  rejectedHeading: { vi: "Tệp bị từ chối", en: "Rejected files" },
  skippedHeading: { vi: "Tệp bỏ qua", en: "Skipped files" },
  duplicatesHeading: { vi: "Hai tệp cho cùng đơn vị và kỳ", en: "Two files for the same unit and period" },
  duplicatesExplain: {
    vi: "Số liệu khác nhau: chưa tệp nào được dùng. Xác nhận để dùng tệp lưu sau cùng.",
    en: "The figures differ: neither file is used yet. Confirm to use the file saved last.",
  },
  preferNewer: { vi: "Dùng tệp mới hơn", en: "Use the newer file" },
  preferNewerConfirm: {
    vi: "Dùng tệp lưu sau cùng cho {count} đơn vị có hai tệp khác nhau?",
    en: "Use the file saved last for the {count} units with two different files?",
  },
  confirm: { vi: "Xác nhận", en: "Confirm" },
  cancel: { vi: "Huỷ", en: "Cancel" },
  writeFiles: { vi: "Ghi tổng hợp từ tệp vào sổ", en: "Write the consolidation from files" },
  cell: { vi: "ô {cell}", en: "cell {cell}" },
  noUsable: {
    vi: "Không có báo cáo nào dùng được trong các tệp đã chọn.",
    en: "None of the chosen files holds a usable report.",
  },
} satisfies Record<string, Bilingual>;

export type PlannerTextKey = keyof typeof PLANNER_TEXT;
