/**
 * The classroom tours' coach marks (issue 20, components/tour). The steps' own texts (title, what to do, why) are
 * in src/domain/tour/steps.ts, shared with the printed handouts; these are the coach marks' buttons and notes.
 */
export const TOUR_MESSAGES = {
  "tour.start.clerk": { vi: "Hướng dẫn cho cán bộ nhập liệu", en: "Clerk's tour" },
  "tour.start.planner": { vi: "Hướng dẫn cho cán bộ tổng hợp", en: "Planner's tour" },
  "tour.label": { vi: "Hướng dẫn từng bước", en: "Guided tour" },
  "tour.progress": { vi: "Bước {step}/{count}", en: "Step {step} of {count}" },
  "tour.why": { vi: "Vì sao:", en: "Why:" },
  "tour.waiting": {
    vi: "Làm xong bước này, hướng dẫn tự chuyển sang bước sau.",
    en: "Once you have done it, the tour moves on by itself.",
  },
  "tour.offScreen": {
    vi: "Nút của bước này chưa hiện trên ngăn: làm theo hướng dẫn để mở nó.",
    en: "This step's control is not on the pane yet: follow the instruction to bring it up.",
  },
  "tour.noTasks": {
    vi: "Sổ đăng ký chưa có nhiệm vụ nào cho đơn vị này: bấm Bỏ qua bước để đi tiếp.",
    en: "The register has no task for this unit: choose Skip step to go on.",
  },
  "tour.back": { vi: "Quay lại", en: "Back" },
  "tour.skip": { vi: "Bỏ qua bước", en: "Skip step" },
  "tour.restart": { vi: "Bắt đầu lại", en: "Restart" },
  "tour.close": { vi: "Đóng hướng dẫn", en: "Close the tour" },
  "tour.finished.title": { vi: "Đã xong hướng dẫn", en: "Tour complete" },
  "tour.finished.body": {
    vi: "Bạn đã làm {done}/{count} bước. Bắt đầu lại để tập lần nữa.",
    en: "You did {done} of the {count} steps. Restart to practise again.",
  },
  "tour.reset": { vi: "Đặt lại sổ trình diễn", en: "Reset the demo workbook" },
  "tour.resetDone": {
    vi: "Sổ trình diễn đã về trạng thái ban đầu. Dữ liệu trên máy chủ: chitieu demo reset (mã cán bộ tổng hợp).",
    en: "The demo workbook is back to its starting state. On the endpoint: chitieu demo reset (planner token).",
  },
  "tour.resetFailed": { vi: "Không đặt lại được sổ trình diễn.", en: "The demo workbook could not be reset." },
  // the consolidation's scorecard summary, which the planner's last step points at (components/planner)
  "planner.scorecardShow": { vi: "Xem bảng 43 chỉ tiêu", en: "Read the 43-target scorecard" },
  "planner.scorecardHide": { vi: "Ẩn bảng chỉ tiêu", en: "Hide the scorecard" },
  "planner.scorecardHeading": {
    vi: "Bảng chỉ tiêu của kỳ (chi tiết ở trang ThePhanLoai)",
    en: "The period's scorecard (details on the ThePhanLoai sheet)",
  },
} as const;
