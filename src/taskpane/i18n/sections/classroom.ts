/** The classroom's texts (issue 20): the demo planner's populate and reset buttons in the demo banner. */
export const CLASSROOM_MESSAGES = {
  "classroom.populate": { vi: "Điền lớp tập huấn", en: "Fill the classroom" },
  "classroom.reset": { vi: "Đặt lại lớp tập huấn", en: "Reset the classroom" },
  "classroom.busy": { vi: "Đang làm…", en: "Working…" },
  "classroom.populated": {
    vi: "Lớp tập huấn đã sẵn sàng: {units} đơn vị trình diễn, kỳ {periods} — {late} báo cáo muộn, {missing} chưa nộp, {returned} bị trả lại, {accepted} đã tiếp nhận.",
    en: "The classroom is ready: {units} demo units, periods {periods} — {late} late, {missing} missing, {returned} returned, {accepted} accepted.",
  },
  "classroom.resetDone": {
    vi: "Đã xoá {count} lần gửi của các đơn vị trình diễn. Dữ liệu thật không bị động đến.",
    en: "{count} submissions of the demo units deleted. Real data is untouched.",
  },
  "classroom.failed": { vi: "Không thực hiện được:", en: "It did not work:" },
} as const;
