/** The clerk's Tasks tab and the planner's task board view (issue 19), Vietnamese first; spread into messages.ts. */
import type { Bilingual } from "../../../domain/types";
import { registerMessages } from "../registry";

export const TASK_MESSAGES = {
  "tabs.tasks": { vi: "Nhiệm vụ ({count})", en: "Tasks ({count})" },
  "tasks.heading": { vi: "Tiến độ nhiệm vụ trọng tâm", en: "Progress on key tasks" },
  "tasks.hint": {
    vi: "Mỗi nhiệm vụ đơn vị chủ trì hoặc phối hợp trong kỳ. Ghi vào trang TienDoNV của sổ và gửi cùng báo cáo; sửa trên trang cũng hiện ở đây.",
    en: "Every task the unit leads or co-owns in the period. Kept on the workbook's TienDoNV sheet and sent with the report; edits on the sheet show here too.",
  },
  "tasks.fromSheet": {
    vi: "Chưa lấy được danh mục nhiệm vụ từ máy chủ: danh sách dưới đây là các dòng của trang TienDoNV trong sổ.",
    en: "The task register could not be read from the endpoint: the list below is the rows of the workbook's TienDoNV sheet.",
  },
  "tasks.none": {
    vi: "Đơn vị không có nhiệm vụ trọng tâm trong kỳ này.",
    en: "The unit has no key task in this period.",
  },
  "tasks.unavailable": {
    vi: "Sổ này chưa có trang TienDoNV; mở lại báo cáo để thêm trang.",
    en: "This workbook has no TienDoNV sheet yet; open the report again to add it.",
  },
  "tasks.readOnly": {
    vi: "Báo cáo đã được chấp nhận và khoá: chỉ xem.",
    en: "The report is accepted and locked: read only.",
  },
  "tasks.summaryOk": { vi: "{count} nhiệm vụ · không có lỗi", en: "{count} task(s) · no error" },
  "tasks.summaryErrors": {
    vi: "{count} nhiệm vụ · {errors} lỗi cần sửa",
    en: "{count} task(s) · {errors} error(s) to fix",
  },
  "tasks.role.lead": { vi: "Chủ trì", en: "Lead" },
  "tasks.role.co": { vi: "Phối hợp", en: "Co-owner" },
  "tasks.deadline": { vi: "Thời hạn: {deadline}", en: "Deadline: {deadline}" },
  "tasks.product": { vi: "Sản phẩm phải có: {product}", en: "Expected product: {product}" },
  "tasks.countsLate": {
    vi: "Đã quá hạn khi kết thúc kỳ: chưa hoàn thành thì được tính là Chậm tiến độ và cần lý do.",
    en: "Past its deadline by the end of the period: unless done it counts as Late and needs a reason.",
  },
  "tasks.show": { vi: "Mở {task}", en: "Open {task}" },
  "tasks.hide": { vi: "Thu gọn {task}", en: "Collapse {task}" },
  "tasks.notOnSheet": {
    vi: "Nhiệm vụ này chưa có dòng trên trang TienDoNV của sổ (sổ lập trước khi nhiệm vụ được giao): những gì ghi ở đây chưa vào sổ. Hãy dùng một sổ mới cho kỳ này.",
    en: "This task has no row on the workbook's TienDoNV sheet (the workbook predates the assignment): what you type here is not kept in the workbook. Use a new workbook for this period.",
  },
  "tasks.field.state": { vi: "Trạng thái", en: "State" },
  "tasks.field.percent": { vi: "Tiến độ (%)", en: "Progress (%)" },
  "tasks.field.milestone": { vi: "Mốc đã đạt", en: "Milestone reached" },
  "tasks.field.productDelivered": { vi: "Sản phẩm đã có", en: "Product delivered" },
  "tasks.field.evidence": { vi: "Minh chứng", en: "Evidence" },
  "tasks.field.evidenceRef": { vi: "Đường dẫn / số văn bản", en: "Link / document no." },
  "tasks.field.obstacles": { vi: "Khó khăn, vướng mắc", en: "Obstacles" },
  "tasks.field.proposals": { vi: "Kiến nghị, đề xuất", en: "Proposals" },
  "tasks.field.completedOn": { vi: "Ngày hoàn thành", en: "Completed on" },
  "tasks.field.justification": { vi: "Lý do chậm", en: "Why it is late" },
  "tasks.stateNone": { vi: "— chọn trạng thái —", en: "— choose a state —" },
  "tasks.hint.completedOn": {
    vi: "Ngày/tháng/năm, ví dụ 30/06/2026; bắt buộc khi Hoàn thành.",
    en: "Day/month/year, e.g. 30/06/2026; required when Done.",
  },
  "tasks.hint.justification": {
    vi: "Bắt buộc khi nhiệm vụ đã quá hạn mà chưa hoàn thành (ít nhất 10 ký tự).",
    en: "Required when the task is past its deadline and not done (at least 10 characters).",
  },
  "tasks.hint.productDelivered": { vi: "Bắt buộc khi Hoàn thành.", en: "Required when Done." },
  "tasks.percentBad": {
    vi: "Tiến độ “{value}” không phải một số. Hãy ghi từ 0 đến 100, ví dụ 45 hoặc 12,5 (ô {cell}).",
    en: "Progress “{value}” is not a number. Write 0 to 100, e.g. 45 or 12.5 (cell {cell}).",
  },
  "tasks.refused": {
    vi: "Máy chủ từ chối tiến độ nhiệm vụ, không lưu gì. Sửa từng mục dưới đây rồi gửi lại:",
    en: "The endpoint refused the task progress and stored nothing. Fix each item below, then send again:",
  },
  "tasks.inCell": { vi: "ô {cell}", en: "cell {cell}" },
  "tasks.blocked": {
    vi: "Chưa gửi được: tiến độ nhiệm vụ còn {count} lỗi. Xem thẻ Nhiệm vụ.",
    en: "Cannot submit yet: the task progress has {count} error(s). See the Tasks tab.",
  },
  "tasks.saved": { vi: "Đã ghi vào sổ.", en: "Saved in the workbook." },
  "board.mode.tasks": { vi: "Nhiệm vụ", en: "Tasks" },
  "taskBoard.heading": { vi: "Bảng theo dõi nhiệm vụ trọng tâm", en: "Key-task board" },
  "taskBoard.period": { vi: "Kỳ của bảng nhiệm vụ", en: "Task board period" },
  "taskBoard.grouping": { vi: "Nhóm theo", en: "Group by" },
  "taskBoard.by.group": { vi: "Nhóm nhiệm vụ", en: "Task group" },
  "taskBoard.by.lead": { vi: "Đơn vị chủ trì", en: "Lead unit" },
  "taskBoard.by.bottleneck": { vi: "Điểm nghẽn", en: "Bottleneck" },
  "taskBoard.reload": { vi: "Tải lại", en: "Reload" },
  "taskBoard.noReport": { vi: "Chưa báo cáo", en: "No report" },
  "taskBoard.overdue": { vi: "Quá hạn ({count})", en: "Overdue ({count})" },
  "taskBoard.noUpdate": { vi: "Chưa cập nhật trong kỳ ({count})", en: "No update this period ({count})" },
  "taskBoard.disagree": { vi: "Các đơn vị báo khác nhau ({count})", en: "Co-units disagree ({count})" },
  "taskBoard.lead": { vi: "Chủ trì: {unit}", en: "Lead: {unit}" },
  "taskBoard.noLead": { vi: "chưa giao đơn vị", en: "no unit assigned" },
  "taskBoard.focal": { vi: "Đầu mối: {person}", en: "Focal person: {person}" },
  "taskBoard.product": { vi: "Sản phẩm phải có: {product}", en: "Expected product: {product}" },
  "taskBoard.delivered": { vi: "Sản phẩm đã có: {product}", en: "Product delivered: {product}" },
  "taskBoard.lastUpdate": {
    vi: "Cập nhật: {unit}, kỳ {period}, lúc {at}",
    en: "Updated: {unit}, period {period}, at {at}",
  },
  "taskBoard.never": { vi: "Chưa có đơn vị nào báo cáo", en: "No unit has reported yet" },
  "taskBoard.empty": { vi: "Không có nhiệm vụ nào trong kỳ này.", en: "No task in this period." },
} as const satisfies Record<string, Bilingual>;

// registered: loaded with the views that use it, not at start-up (../registry.ts)
registerMessages(TASK_MESSAGES);
