/** The clerk's side of the review loop (issue 18): the banner of a returned or accepted report, the period marks, the
 * reminders of reports due, the report loaded from the endpoint, and the connection failures told apart. */
import type { Bilingual } from "../../../domain/types";

export const CLERK_REVIEW_MESSAGES = {
  "review.returned.title": { vi: "Báo cáo bị trả lại", en: "Your report was returned" },
  "review.returned.body": {
    vi: "Cán bộ tổng hợp trả lại bản {revision} kèm ý kiến:",
    en: "The planner returned revision {revision} with this comment:",
  },
  "review.returned.fix": {
    vi: "Sửa các số liệu được nêu rồi gửi lại ở thẻ Gửi báo cáo.",
    en: "Fix what it names, then submit again from the Submit tab.",
  },
  "review.figures": { vi: "Số liệu được nêu", en: "Figures it concerns" },
  "review.figure": { vi: "{target}: {value}", en: "{target}: {value}" },
  "review.figure.blank": { vi: "(trống)", en: "(blank)" },
  "review.goToCell": { vi: "Đến ô {cell}", en: "Go to cell {cell}" },
  "review.accepted.title": { vi: "Đã chấp nhận — báo cáo đã khóa", en: "Accepted — the report is locked" },
  "review.accepted.body": {
    vi: "Cán bộ tổng hợp đã chấp nhận bản {revision}. Biểu mẫu chỉ để xem; muốn sửa, đề nghị cán bộ tổng hợp mở khóa.",
    en: "The planner accepted revision {revision}. The form is read only; to change it, ask the planner to unlock it.",
  },
  "review.accepted.comment": { vi: "Ý kiến khi chấp nhận: {comment}", en: "Comment on acceptance: {comment}" },
  "review.unlocked": {
    vi: "Cán bộ tổng hợp đã mở khóa báo cáo: {comment}",
    en: "The planner unlocked the report: {comment}",
  },

  "review.mark.missing": { vi: "chưa gửi", en: "not sent" },
  "review.mark.submitted": { vi: "đã gửi", en: "sent" },
  "review.mark.returned": { vi: "bị trả lại", en: "returned" },
  "review.mark.accepted": { vi: "đã chấp nhận, khóa", en: "accepted, locked" },

  "reminders.heading": { vi: "Báo cáo cần gửi", en: "Reports to send" },
  "reminders.overdue": {
    vi: "Quá hạn: {period} — hạn {date} ({mark})",
    en: "Overdue: {period} — due {date} ({mark})",
  },
  "reminders.dueSoon": {
    vi: "Sắp đến hạn: {period} — hạn {date}, còn {days} ngày ({mark})",
    en: "Due soon: {period} — due {date}, {days} days left ({mark})",
  },
  "reminders.dueToday": {
    vi: "Hạn hôm nay: {period} ({mark})",
    en: "Due today: {period} ({mark})",
  },
  "reminders.more": {
    vi: "… và {count} kỳ khác (xem danh sách kỳ báo cáo)",
    en: "… and {count} more (see the period list)",
  },
  "reminders.choose": { vi: "Chọn kỳ {period}", en: "Choose {period}" },

  "summary.locked": { vi: "Đã chấp nhận — chỉ xem", en: "Accepted — read only" },
  "report.loaded": {
    vi: "Đã nạp số liệu bản {revision} từ máy chủ vào sổ này; sửa trên đó để gửi bản tiếp theo.",
    en: "Loaded the figures of revision {revision} from the endpoint into this workbook; edit them to send the next revision.",
  },
  "report.loadedLocked": {
    vi: "Đã nạp số liệu bản {revision} đã được chấp nhận từ máy chủ vào sổ này (chỉ xem).",
    en: "Loaded the accepted revision {revision} from the endpoint into this workbook (read only).",
  },

  "connect.error.panePage": {
    vi: "“{url}” là địa chỉ trang ngăn nhập liệu, không phải địa chỉ máy chủ. Địa chỉ máy chủ là {endpoint} — đã điền sẵn, bấm Kết nối.",
    en: "“{url}” is the address of the pane's page, not of the endpoint. The endpoint is {endpoint} — filled in for you; press Connect.",
  },
  "connect.error.stopped": {
    vi: "Máy chủ {url} không trả lời: có lẽ máy chủ đã dừng hoặc mạng bị ngắt (máy này đã kết nối được tới đó, nên không phải lỗi chứng chỉ). Đề nghị quản trị khởi động lại máy chủ; bạn vẫn nhập liệu được, báo cáo sẽ chờ gửi.",
    en: "The endpoint {url} does not answer: it is probably stopped, or the network is down (this computer reached it before, so its certificate is not the problem). Ask the administrator to start it; you can keep filling in, and reports wait to be sent.",
  },
  "connect.error.wrongHost": {
    vi: "Không có máy chủ Chỉ tiêu nào trả lời ở {url}. Ngăn này được mở từ máy chủ {page}: có phải bạn định nhập địa chỉ đó? Kiểm tra lại tên máy và cổng; nếu địa chỉ đúng, mở nó một lần trong trình duyệt để xem chứng chỉ có được tin cậy không.",
    en: "No Chỉ tiêu endpoint answers at {url}. This pane was opened from the endpoint {page}: is that the address you meant? Check the host name and port; if the address is right, open it once in a browser to see whether its certificate is trusted.",
  },
} as const satisfies Record<string, Bilingual>;
