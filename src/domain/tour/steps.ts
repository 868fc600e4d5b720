/**
 * The two classroom tours (issue #20), once: the pane's coach marks and the printed handouts are both written from
 * this list, so what a trainee reads on paper is what the pane tells them.
 *
 * Each step names the control it points at (`anchor`: the pane sets `data-tour="<anchor>"` on that control), says
 * what to do and why, and the event that completes it (`until`): the pane moves on when that event happens, or when
 * the trainee presses "next". Only demo units and demo data are used (the tours start on a demo token).
 */
import type { Bilingual } from "../types";

export type TourRole = "clerk" | "planner";

/** What the trainee does that completes a step; the pane watches for it. */
export type TourEvent =
  | "connected"
  | "period-opened"
  | "value-typed"
  | "error-shown"
  | "error-fixed"
  | "justified"
  | "marked-not-applicable"
  | "task-reported"
  | "submitted"
  | "board-shown"
  | "report-opened"
  | "report-returned"
  | "report-accepted"
  | "consolidated"
  | "scorecard-read";

export interface TourStep {
  /** Stable id, unique across both tours. */
  id: string;
  role: TourRole;
  /** The `data-tour` value of the control the step points at. */
  anchor: string;
  title: Bilingual;
  /** What to do, as an instruction. */
  action: Bilingual;
  /** Why it matters, one sentence. */
  why: Bilingual;
  until: TourEvent;
}

const CLERK: readonly TourStep[] = [
  {
    id: "clerk-connect",
    role: "clerk",
    anchor: "connect",
    title: { vi: "Kết nối", en: "Connect" },
    action: {
      vi: "Dán địa chỉ máy chủ và mã truy cập của đơn vị trình diễn, rồi bấm Kết nối.",
      en: "Paste the endpoint address and the demo unit's access token, then choose Connect.",
    },
    why: {
      vi: "Mã truy cập cho biết bạn báo cáo cho đơn vị nào; nó được giữ riêng cho bạn, không nằm trong sổ.",
      en: "The token says which unit you report for; it is kept for you alone, never inside the workbook.",
    },
    until: "connected",
  },
  {
    id: "clerk-period",
    role: "clerk",
    anchor: "period",
    title: { vi: "Mở kỳ báo cáo", en: "Open the period" },
    action: {
      vi: "Chọn kỳ cần báo cáo và mở mẫu: sổ chỉ có các chỉ tiêu và nhiệm vụ của đơn vị bạn.",
      en: "Choose the period to report and open it: the workbook holds only your unit's targets and tasks.",
    },
    why: {
      vi: "Mỗi kỳ có hạn nộp riêng; ngăn cho biết kỳ nào sắp đến hạn hoặc đã quá hạn.",
      en: "Each period has its own deadline; the pane shows which reports are due soon or overdue.",
    },
    until: "period-opened",
  },
  {
    id: "clerk-type",
    role: "clerk",
    anchor: "entry-form",
    title: { vi: "Nhập số liệu", en: "Type a figure" },
    action: {
      vi: 'Gõ một số vào biểu mẫu hoặc vào ô vàng trên trang Nhap. Gõ được cả "12,5" lẫn "12.5".',
      en: 'Type a figure in the form or in a yellow cell of the Nhap sheet. "12,5" and "12.5" both work.',
    },
    why: {
      vi: "Biểu mẫu và trang tính luôn khớp nhau; ô trống không bao giờ được tính là số 0.",
      en: "The form and the sheet stay in step; a blank is never counted as zero.",
    },
    until: "value-typed",
  },
  {
    id: "clerk-error",
    role: "clerk",
    anchor: "issues",
    title: { vi: "Xem một lỗi", en: "See an error" },
    action: {
      vi: "Gõ tử số lớn hơn mẫu số ở một chỉ tiêu tỷ lệ, rồi mở thẻ Vấn đề.",
      en: "Type a numerator above its denominator on a rate target, then open the Issues tab.",
    },
    why: {
      vi: "Mọi vấn đề hiện cùng lúc, lỗi chặn việc gửi đứng trước; bấm một vấn đề để tới đúng ô.",
      en: "Every problem shows at once, blocking errors first; choose one to go to its cell.",
    },
    until: "error-shown",
  },
  {
    id: "clerk-fix",
    role: "clerk",
    anchor: "issues",
    title: { vi: "Sửa lỗi", en: "Fix it" },
    action: {
      vi: "Sửa tử số cho không lớn hơn mẫu số; lỗi biến mất ngay khi số đúng.",
      en: "Correct the numerator so it is not above the denominator; the error goes as soon as the figure is right.",
    },
    why: {
      vi: "Máy chủ kiểm tra lại bằng đúng các quy tắc này, nên báo cáo không lỗi sẽ không bị từ chối.",
      en: "The endpoint checks again with these same rules, so a report without errors is not refused.",
    },
    until: "error-fixed",
  },
  {
    id: "clerk-justify",
    role: "clerk",
    anchor: "justification",
    title: { vi: "Giải trình", en: "Justify" },
    action: {
      vi: "Ở chỉ tiêu chưa đạt mục tiêu, gõ lý do vào ô giải trình (ít nhất 10 ký tự).",
      en: "On an off-target figure, type the reason in its justification box (10 characters at least).",
    },
    why: {
      vi: "Cán bộ tổng hợp đọc lời giải trình cạnh số liệu; thiếu giải trình thì không gửi được.",
      en: "Planners read the justification beside the figure; without one the report cannot be sent.",
    },
    until: "justified",
  },
  {
    id: "clerk-not-applicable",
    role: "clerk",
    anchor: "not-applicable",
    title: { vi: "Đánh dấu không áp dụng", en: "Mark not applicable" },
    action: {
      vi: "Với chỉ tiêu không áp dụng cho đơn vị, đánh dấu Không áp dụng và ghi lý do.",
      en: "For a target that does not apply to your unit, mark it Not applicable and give the reason.",
    },
    why: {
      vi: "Không áp dụng là một câu trả lời có lý do, khác với bỏ trống và khác với số 0.",
      en: "Not applicable is an answer with a reason, unlike a blank and unlike a zero.",
    },
    until: "marked-not-applicable",
  },
  {
    id: "clerk-task",
    role: "clerk",
    anchor: "tasks",
    title: { vi: "Báo cáo nhiệm vụ", en: "Report a task" },
    action: {
      vi: "Mở thẻ Nhiệm vụ, chọn trạng thái và tiến độ của một nhiệm vụ; nhiệm vụ đã xong cần ghi sản phẩm.",
      en: "Open the Tasks tab and give one task its state and progress; a task that is done needs its product.",
    },
    why: {
      vi: "Rõ người, rõ việc, rõ sản phẩm, rõ thời gian: nhiệm vụ quá hạn mà chưa xong là chậm, cần giải trình.",
      en: "A clear owner, task, product and time: a task past its deadline and not done is late and needs a reason.",
    },
    until: "task-reported",
  },
  {
    id: "clerk-submit",
    role: "clerk",
    anchor: "submit",
    title: { vi: "Gửi báo cáo", en: "Submit" },
    action: {
      vi: "Mở thẻ Gửi, kiểm tra rồi gửi; giữ lại biên nhận.",
      en: "Open the Submit tab, check, then submit; keep the receipt.",
    },
    why: {
      vi: "Khi mất mạng, báo cáo chờ trong sổ và tự gửi khi có mạng, không bao giờ gửi trùng.",
      en: "Offline, the report waits in the workbook and goes out by itself later, never twice.",
    },
    until: "submitted",
  },
];

const PLANNER: readonly TourStep[] = [
  {
    id: "planner-board",
    role: "planner",
    anchor: "board",
    title: { vi: "Bảng theo dõi", en: "The board" },
    action: {
      vi: "Kết nối bằng mã trình diễn của cán bộ tổng hợp và mở Bảng theo dõi của kỳ.",
      en: "Connect with the demo planner token and open the period's board.",
    },
    why: {
      vi: "Bảng cho biết đơn vị nào đã gửi đúng hạn, gửi muộn, còn thiếu, bị trả lại hay đã được chấp nhận.",
      en: "The board shows which units submitted on time or late, which are missing, returned or accepted.",
    },
    until: "board-shown",
  },
  {
    id: "planner-open",
    role: "planner",
    anchor: "board-unit",
    title: { vi: "Mở một báo cáo", en: "Open a report" },
    action: {
      vi: "Chọn một đơn vị đã gửi để xem số liệu, giải trình, thay đổi so với lần trước và lịch sử.",
      en: "Choose a unit that has submitted to see its figures, justifications, changes and history.",
    },
    why: {
      vi: "Mọi thay đổi giữa hai lần gửi đều được chỉ rõ, không cần so sánh bằng mắt.",
      en: "Every change between two revisions is shown, so nothing is compared by eye.",
    },
    until: "report-opened",
  },
  {
    id: "planner-return",
    role: "planner",
    anchor: "review-return",
    title: { vi: "Trả lại kèm ý kiến", en: "Return it with a comment" },
    action: {
      vi: "Bấm Trả lại, ghi ý kiến nêu số liệu cần sửa, rồi xác nhận.",
      en: "Choose Return, write a comment naming the figures to fix, then confirm.",
    },
    why: {
      vi: "Đơn vị thấy ý kiến của bạn ở mọi thẻ của ngăn và gửi lại bản sửa.",
      en: "The unit sees your comment on every tab of its pane and sends a corrected revision.",
    },
    until: "report-returned",
  },
  {
    id: "planner-accept",
    role: "planner",
    anchor: "review-accept",
    title: { vi: "Chấp nhận", en: "Accept" },
    action: {
      vi: "Mở một báo cáo khác và bấm Chấp nhận; báo cáo được khóa.",
      en: "Open another report and choose Accept; the report is locked.",
    },
    why: {
      vi: "Báo cáo đã chấp nhận là số liệu chính thức của kỳ; muốn sửa phải mở khóa kèm lý do.",
      en: "An accepted report is the period's figure of record; changing it needs an unlock with a reason.",
    },
    until: "report-accepted",
  },
  {
    id: "planner-consolidate",
    role: "planner",
    anchor: "consolidate",
    title: { vi: "Tổng hợp", en: "Consolidate" },
    action: {
      vi: "Mở thẻ Tổng hợp và ghi tổng hợp của kỳ vào sổ.",
      en: "Open the Consolidate tab and write the period's consolidation into the workbook.",
    },
    why: {
      vi: "Mọi đơn vị được gộp theo cùng một mẫu; đơn vị còn thiếu được nêu tên, không bị tính là số 0.",
      en: "Every unit is combined in the same layout; missing units are named, never counted as zero.",
    },
    until: "consolidated",
  },
  {
    id: "planner-scorecard",
    role: "planner",
    anchor: "scorecard",
    title: { vi: "Đọc bảng 43 chỉ tiêu", en: "Read the 43-target scorecard" },
    action: {
      vi: "Xem bảng điểm: chỉ tiêu nào đạt, chưa đạt, chưa có mục tiêu hoặc chưa đủ số liệu.",
      en: "Read the scorecard: which targets are met, off target, without a set target or without enough figures.",
    },
    why: {
      vi: "Đây là điều lãnh đạo thành phố hỏi đầu tiên; mục tiêu chưa có giá trị được ghi rõ là chưa có.",
      en: "This is what the city's leaders ask first; a target without a value is shown as such.",
    },
    until: "scorecard-read",
  },
];

export const TOURS: Readonly<Record<TourRole, readonly TourStep[]>> = { clerk: CLERK, planner: PLANNER };

/** The steps of one role's tour, in order. */
export function tourSteps(role: TourRole): readonly TourStep[] {
  return TOURS[role];
}
