/**
 * Every text of the task pane (the pane, planner mode, the guided tour, host problems), Vietnamese first. Rule issue texts are not here: they come from src/domain (issue.message).
 * `{name}` placeholders are filled by translate().
 */
import type { Bilingual } from "../../domain/types";
import { CLERK_REVIEW_MESSAGES } from "./sections/clerk-review";
import type { BOARD_MESSAGES } from "./sections/board";
import type { APPLICABILITY_MESSAGES } from "./sections/applicability";
import type { TREND_MESSAGES } from "./sections/trends";
import { CLASSROOM_MESSAGES } from "./sections/classroom";
import type { NARRATIVE_MESSAGES } from "./sections/narrative";
import { HELP_MESSAGES } from "./sections/help";
import type { RECENT_VALUES_MESSAGES } from "./sections/recent-values";
import { TOUR_MESSAGES } from "./sections/tour";
import type { BOARD_REVIEW_MESSAGES } from "./sections/board-review";
import type { TASK_MESSAGES } from "./sections/tasks";

export const MESSAGES = {
  ...CLERK_REVIEW_MESSAGES,
  "app.title": { vi: "Chỉ tiêu", en: "Chỉ tiêu" },
  "app.subtitle": { vi: "Báo cáo 43 chỉ tiêu chủ yếu 2026-2030", en: "Reporting Hanoi's 43 main targets 2026-2030" },
  "app.loading": { vi: "Đang tải…", en: "Loading…" },
  "app.switchLanguage": { vi: "English", en: "Tiếng Việt" },
  "app.switchLanguageLabel": { vi: "Chuyển sang tiếng Anh", en: "Switch to Vietnamese" },
  "app.previewNotice": {
    vi: "Bản xem trước ngoài Excel: bảng bên cạnh đóng vai sổ Excel và được lưu trong trình duyệt này.",
    en: "Preview outside Excel: the sheet beside the pane stands in for the Excel workbook and is kept in this browser.",
  },
  "app.plannerToken": {
    vi: "Mã này là của cán bộ tổng hợp. Biểu nhập liệu cần mã truy cập của một đơn vị.",
    en: "This token belongs to a planner. The entry form needs a unit's token.",
  },

  "demo.title": { vi: "Chế độ trình diễn", en: "Demo mode" },
  "demo.body": {
    vi: "Đơn vị và kỳ báo cáo này chỉ dùng để tập huấn; số liệu không được tính vào báo cáo thật.",
    en: "This unit and period are for training only; nothing here counts in real reports.",
  },

  "connect.heading": { vi: "Kết nối máy chủ", en: "Connect to the endpoint" },
  "connect.endpoint": { vi: "Địa chỉ máy chủ", en: "Endpoint address" },
  "connect.endpointHint": { vi: "Ví dụ: https://chitieu.hanoi.gov.vn", en: "For example https://chitieu.hanoi.gov.vn" },
  "connect.token": { vi: "Mã truy cập của đơn vị", en: "Unit access token" },
  "connect.tokenHint": {
    vi: "Mã do Văn phòng/Sở cấp cho đơn vị; được ghi nhớ trong sổ Excel này.",
    en: "Issued to your unit by the city; remembered in this workbook.",
  },
  "connect.submit": { vi: "Kết nối", en: "Connect" },
  "connect.connecting": { vi: "Đang kết nối…", en: "Connecting…" },
  "connect.connectedAs": { vi: "Đã kết nối: {unit}", en: "Connected: {unit}" },
  "connect.offlineAs": {
    vi: "Đang làm việc ngoại tuyến: {unit}. Báo cáo sẽ được gửi khi có mạng.",
    en: "Working offline: {unit}. Reports will be sent when the endpoint answers again.",
  },
  "connect.change": { vi: "Đổi kết nối", en: "Change connection" },
  "upload.label": {
    vi: "Tải lên sổ đã điền (.xlsx)",
    en: "Upload a filled workbook (.xlsx)",
  },
  "upload.hint": {
    vi: "Không có Excel phù hợp? Điền mẫu báo cáo bằng bất kỳ chương trình nào (LibreOffice, WPS, Excel cũ), lưu dạng .xlsx rồi tải lên đây: mọi lỗi hiện theo từng ô, giải trình ngay tại đây rồi gửi.",
    en: "No suitable Excel? Fill the template in any program (LibreOffice, WPS, an older Excel), save it as .xlsx and upload it here: every issue shows by cell, justify here, then submit.",
  },
  "upload.reading": { vi: "Đang đọc sổ…", en: "Reading the workbook…" },
  "upload.loaded": {
    vi: "Đã đọc {file}: báo cáo kỳ {period}. Xem các vấn đề, giải trình rồi gửi.",
    en: "Read {file}: the report for {period}. Check the issues, justify, then submit.",
  },
  "upload.otherUnit": {
    vi: "{file} là báo cáo của đơn vị {found}, không phải đơn vị {unit} đang kết nối. Hãy tải lên sổ của đơn vị mình, hoặc kết nối bằng mã của đơn vị {found}.",
    en: "{file} is the report of unit {found}, not of unit {unit}, which is connected. Upload your own unit's workbook, or connect with unit {found}'s token.",
  },
  "upload.badPeriod": {
    vi: '{file} ghi kỳ báo cáo "{period}" không đọc được (ô DonVi!C5). Hãy tải lại mẫu báo cáo và chép số liệu sang.',
    en: '{file} names a period "{period}" that cannot be read (cell DonVi!C5). Download the template again and copy your figures into it.',
  },
  "connect.tokenRemoved": {
    vi: "Sổ này do phiên bản cũ lưu và có chứa mã truy cập. Mã đã được gỡ khỏi sổ vì sổ có thể được gửi cho người khác; từ nay mã chỉ lưu trên máy này, cho riêng bạn. Nếu được hỏi, hãy nhập lại mã truy cập của đơn vị một lần. Hãy lưu sổ để bản lưu không còn mã.",
    en: "This workbook was saved by an older version and held the access token. The token has been removed from the workbook, since workbooks get sent to others; from now on it is kept on this computer, for you only. If asked, enter your unit's access token once more. Save the workbook so the saved copy no longer holds it.",
  },
  "connect.required.endpoint": {
    vi: "Nhập địa chỉ máy chủ, bắt đầu bằng https://",
    en: "Enter the endpoint address, starting with https://",
  },
  "connect.required.token": { vi: "Nhập mã truy cập của đơn vị.", en: "Enter your unit's access token." },
  "connect.error.badUrl": {
    vi: "“{url}” không phải địa chỉ hợp lệ. Nhập dạng https://ten-may-chu",
    en: "“{url}” is not a valid address. Enter it as https://server-name",
  },
  "connect.error.insecure": {
    vi: "Ngăn nhập liệu chạy qua HTTPS nên không thể gọi máy chủ HTTP “{url}”. Dùng địa chỉ https://",
    en: "The pane runs over HTTPS and cannot call the plain-HTTP endpoint “{url}”. Use its https:// address.",
  },
  "connect.error.unauthorized": {
    vi: "Mã truy cập không đúng hoặc đã bị thu hồi. Kiểm tra lại mã (phân biệt chữ hoa/thường) hoặc xin mã mới.",
    en: "The access token is wrong or has been revoked. Check it (it is case-sensitive) or ask for a new one.",
  },
  "connect.error.forbidden": {
    vi: "Mã truy cập này không được phép dùng chức năng này.",
    en: "This token is not allowed to do this.",
  },
  "connect.error.unreachable": {
    vi: "Không kết nối được tới {url}. Kiểm tra địa chỉ và mạng, hoặc máy chủ đang tạm dừng. Bạn vẫn có thể nhập liệu; báo cáo sẽ chờ gửi.",
    en: "Cannot reach {url}. Check the address and the network, or the endpoint may be down. You can keep filling in; reports will wait to be sent.",
  },
  "connect.error.certificate": {
    vi: "Không mở được kết nối an toàn tới {url}. Nếu máy chủ đang chạy, chứng chỉ của nó chưa được máy này tin cậy: mở {url} trong trình duyệt, hoặc nhờ quản trị cài chứng chỉ (môi trường phát triển: npx office-addin-dev-certs install).",
    en: "Cannot open a secure connection to {url}. If the endpoint is running, this computer does not trust its certificate: open {url} in a browser, or ask the administrator to install the certificate (development: npx office-addin-dev-certs install).",
  },
  "connect.error.timeout": {
    vi: "Máy chủ {url} không trả lời trong {seconds} giây. Thử lại sau.",
    en: "The endpoint {url} did not answer within {seconds} seconds. Try again later.",
  },
  "connect.error.badResponse": {
    vi: "Địa chỉ {url} trả lời nhưng không phải máy chủ Chỉ tiêu (HTTP {status}). Kiểm tra lại địa chỉ.",
    en: "{url} answered, but it is not a Chỉ tiêu endpoint (HTTP {status}). Check the address.",
  },

  "report.heading": { vi: "Kỳ báo cáo", en: "Reporting period" },
  "report.period": { vi: "Chọn kỳ báo cáo", en: "Choose the period" },
  "report.open": { vi: "Mở mẫu báo cáo trong sổ", en: "Open the report in the workbook" },
  "report.opening": { vi: "Đang chuẩn bị sổ…", en: "Preparing the workbook…" },
  "report.due": { vi: "hạn {date}", en: "due {date}" },
  "report.phase.open": { vi: "đang mở", en: "open" },
  "report.phase.due": { vi: "đến hạn", en: "due" },
  "report.phase.late": { vi: "quá hạn", en: "late" },
  "report.phase.upcoming": { vi: "sắp tới", en: "upcoming" },
  "report.noPeriods": { vi: "Hiện không có kỳ báo cáo nào đang mở.", en: "No reporting period is open now." },
  "report.created": {
    vi: "Đã tạo mẫu báo cáo {period} trong sổ.",
    en: "Created the {period} report template in the workbook.",
  },
  "report.recognised": {
    vi: "Đã nhận ra mẫu báo cáo {period} trong sổ.",
    en: "Recognised the {period} report in the workbook.",
  },
  "report.repaired": {
    vi: "Đã sửa phần mẫu bị thiếu ({what}); số liệu đã nhập được giữ nguyên.",
    en: "Repaired what was missing from the template ({what}); values already typed were kept.",
  },
  "report.otherReport": {
    vi: "Sổ này đang chứa báo cáo {unit} kỳ {period}. Mở một sổ mới để làm báo cáo khác.",
    en: "This workbook holds the report of {unit} for {period}. Open a new workbook for another report.",
  },
  "report.workbookError": {
    vi: "Không ghi được vào sổ Excel: {detail}",
    en: "Could not write to the workbook: {detail}",
  },

  "tabs.label": { vi: "Các phần của báo cáo", en: "Report sections" },
  "tabs.form": { vi: "Nhập liệu", en: "Entries" },
  "tabs.issues": { vi: "Vấn đề ({count})", en: "Issues ({count})" },
  "tabs.submit": { vi: "Gửi", en: "Submit" },

  "summary.errors": { vi: "{count} lỗi chặn gửi", en: "{count} blocking errors" },
  "summary.errors.one": { vi: "1 lỗi chặn gửi", en: "1 blocking error" },
  "summary.noErrors": { vi: "Không có lỗi chặn gửi", en: "No blocking errors" },
  "summary.warnings": { vi: "{count} cảnh báo cần giải trình", en: "{count} warnings to justify" },
  "summary.waiting": { vi: "{count} chờ gửi", en: "{count} waiting to be sent" },
  "summary.filled": { vi: "Đã nhập {filled}/{total} chỉ tiêu", en: "{filled} of {total} targets filled" },

  "form.target": { vi: "Chỉ tiêu kỳ này: {value}", en: "Target for this period: {value}" },
  "form.noTarget": { vi: "Chưa có chỉ tiêu", en: "No target set" },
  "form.termTarget": { vi: "(năm 2030: {value})", en: "(2030: {value})" },
  "form.unitOfMeasure": { vi: "Đơn vị tính: {unit}", en: "Unit of measure: {unit}" },
  "form.value": { vi: "Giá trị thực hiện ({unit})", en: "Actual value ({unit})" },
  "form.numerator": { vi: "Tử số: {label}", en: "Numerator: {label}" },
  "form.denominator": { vi: "Mẫu số: {label}", en: "Denominator: {label}" },
  "form.numeratorPlain": { vi: "Tử số", en: "Numerator" },
  "form.denominatorPlain": { vi: "Mẫu số", en: "Denominator" },
  "form.milestone": { vi: "Tiến độ", en: "Progress" },
  "form.milestone.choose": { vi: "— chọn —", en: "— choose —" },
  "form.milestone.not_started": { vi: "Chưa bắt đầu", en: "Not started" },
  "form.milestone.in_progress": { vi: "Đang thực hiện", en: "In progress" },
  "form.milestone.done": { vi: "Hoàn thành", en: "Done" },
  "form.evidence": { vi: "Nguồn số liệu / minh chứng", en: "Data source / evidence" },
  "form.responsible": { vi: "Người chịu trách nhiệm", en: "Responsible person" },
  "form.source": { vi: "Nguồn chỉ tiêu: {source}", en: "Target source: {source}" },
  "form.readOnly": {
    vi: "Báo cáo đã được chấp nhận và khóa. Muốn sửa, đề nghị cán bộ tổng hợp mở khóa.",
    en: "The report was accepted and is locked. To change it, ask the planner to unlock it.",
  },
  "form.typedHint": { vi: "Gõ số theo kiểu {example}", en: "Type numbers like {example}" },
  "form.notApplicableHint": {
    vi: "Gõ số theo kiểu {example}, hoặc “không áp dụng” (kèm lý do ở giải trình)",
    en: "Type numbers like {example}, or “N/A” (with the reason in the justification)",
  },

  "status.met": { vi: "Đạt", en: "Met" },
  "status.on_track": { vi: "Đúng tiến độ", en: "On track" },
  "status.at_risk": { vi: "Có nguy cơ", en: "At risk" },
  "status.off_track": { vi: "Chậm tiến độ", en: "Off track" },
  "status.no_target": { vi: "Chưa có chỉ tiêu", en: "No target" },
  "status.no_data": { vi: "Chưa nhập", en: "Not filled" },
  "status.provisional": { vi: "chỉ tiêu tạm", en: "provisional target" },

  "issues.heading": { vi: "Các vấn đề cần xử lý", en: "Issues to resolve" },
  "issues.none": {
    vi: "Không còn lỗi hay cảnh báo cần giải trình. Có thể gửi báo cáo.",
    en: "No errors and no warnings left to justify. The report can be submitted.",
  },
  "issues.severity.error": { vi: "Lỗi", en: "Error" },
  "issues.severity.warning": { vi: "Cảnh báo", en: "Warning" },
  "issues.severity.info": { vi: "Lưu ý", en: "Note" },
  "issues.goTo": { vi: "Đến ô {cell}", en: "Go to cell {cell}" },
  "issues.report": { vi: "Toàn báo cáo", en: "Whole report" },
  "issues.justification": { vi: "Giải trình cho {target}", en: "Justification for {target}" },
  "issues.justified": { vi: "Đã giải trình", en: "Justified" },
  "issues.needsJustification": {
    vi: "Cần giải trình (ít nhất vài câu nêu lý do) trước khi gửi.",
    en: "Needs a justification (a few words on why) before it can be submitted.",
  },
  "issues.server": { vi: "Máy chủ báo", en: "The endpoint reports" },

  "submit.heading": { vi: "Gửi báo cáo", en: "Submit the report" },
  "submit.button": { vi: "Kiểm tra và gửi", en: "Check and submit" },
  "submit.resubmit": { vi: "Gửi lại (bản sửa mới)", en: "Resubmit (new revision)" },
  "submit.checking": { vi: "Máy chủ đang kiểm tra…", en: "The endpoint is checking…" },
  "submit.sending": { vi: "Đang gửi…", en: "Sending…" },
  "submit.blocked": {
    vi: "Chưa gửi được: còn {errors} lỗi và {warnings} cảnh báo chưa giải trình. Xem thẻ Vấn đề.",
    en: "Cannot submit yet: {errors} errors and {warnings} unjustified warnings remain. See the Issues tab.",
  },
  "submit.serverDiffers": {
    vi: "Kết quả kiểm tra của máy chủ khác với ngăn nhập liệu. Máy chủ là bên quyết định:",
    en: "The endpoint's check differs from the pane's. The endpoint decides:",
  },
  "submit.serverRefused": {
    vi: "Máy chủ chưa nhận báo cáo. Sửa các vấn đề dưới đây rồi gửi lại.",
    en: "The endpoint did not accept the report. Fix the issues below and submit again.",
  },
  "submit.outOfDate": {
    vi: "Đã có bản gửi mới hơn cho kỳ này (có thể từ máy khác). Đã tải trạng thái mới nhất; kiểm tra lại số liệu rồi gửi lại.",
    en: "A newer revision of this report exists (perhaps from another computer). The latest state was loaded; check the figures and submit again.",
  },
  "submit.conflict": {
    vi: "Mã lần gửi {id} đã được dùng cho nội dung khác. Bấm gửi lại để tạo lần gửi mới.",
    en: "Submission id {id} was already used for different content. Submit again to make a new submission.",
  },
  "submit.locked": {
    vi: "Báo cáo kỳ này đã được chấp nhận và khóa; không gửi thêm được.",
    en: "This period's report was accepted and is locked; no further submissions.",
  },
  "submit.queued": {
    vi: "Chưa gửi được vì mất kết nối. Báo cáo được giữ trong sổ và sẽ tự gửi lại khi máy chủ trả lời.",
    en: "Could not send: no connection. The report is kept in the workbook and will be sent when the endpoint answers again.",
  },
  "submit.receipt": { vi: "Biên nhận", en: "Receipt" },
  "submit.receiptId": { vi: "Mã lần gửi", en: "Submission id" },
  "submit.receiptRevision": { vi: "Lần sửa", en: "Revision" },
  "submit.receiptTime": { vi: "Thời điểm nhận", en: "Received at" },
  "submit.plannerComment": { vi: "Ý kiến của cán bộ tổng hợp", en: "Planner's comment" },
  "submit.state": { vi: "Trạng thái: {state}", en: "Status: {state}" },
  "submit.state.draft": { vi: "Bản nháp", en: "Draft" },
  "submit.state.queued": { vi: "Chờ gửi (ngoại tuyến)", en: "Queued (offline)" },
  "submit.state.sent": { vi: "Đã gửi", en: "Sent" },
  "submit.state.returned": { vi: "Bị trả lại", en: "Returned" },
  "submit.state.accepted": { vi: "Đã chấp nhận (khóa)", en: "Accepted (locked)" },
  "submit.changedSince": {
    vi: "Số liệu đã thay đổi sau lần gửi trước; gửi lại để cập nhật.",
    en: "The figures changed since the last submission; submit again to update it.",
  },
  "submit.failed": { vi: "Gửi không thành công: {detail}", en: "Submission failed: {detail}" },

  "queue.heading": { vi: "Đang chờ gửi", en: "Waiting to be sent" },
  "queue.item": {
    vi: "{period} · mã {id} · xếp hàng lúc {time} · đã thử {attempts} lần",
    en: "{period} · id {id} · queued at {time} · {attempts} attempts",
  },
  "queue.nextRetry": { vi: "Thử lại sau {seconds} giây", en: "Next try in {seconds} s" },
  "queue.retryNow": { vi: "Thử gửi ngay", en: "Try now" },
  "queue.sent": { vi: "Đã gửi báo cáo đang chờ ({id}).", en: "Sent the waiting report ({id})." },

  "preview.sheet": { vi: "Trang nhập liệu (xem trước)", en: "Entry sheet (preview)" },
  "preview.download": { vi: "Tải về .xlsx", en: "Download .xlsx" },
  "preview.downloading": { vi: "Đang tạo tệp…", en: "Writing the file…" },
  "preview.downloadFailed": {
    vi: "Không tạo được tệp .xlsx: {detail}",
    en: "Could not write the .xlsx file: {detail}",
  },
  "preview.empty": {
    vi: "Sổ chưa có mẫu báo cáo. Kết nối và chọn kỳ báo cáo ở ngăn bên cạnh.",
    en: "The workbook holds no report yet. Connect and choose a period in the pane.",
  },
  "preview.newWorkbook": { vi: "Bắt đầu sổ mới", en: "Start a new workbook" },
  "preview.cell": { vi: "Ô {cell}", en: "Cell {cell}" },
  "host.officeUnavailable": {
    vi: "Không tải được office.js từ máy chủ của Microsoft (appsforoffice.microsoft.com), nên bổ trợ không làm việc được với sổ Excel. Hãy kiểm tra kết nối Internet hoặc tường lửa của cơ quan rồi mở lại ngăn Chỉ tiêu.",
    en: "office.js could not be loaded from Microsoft's servers (appsforoffice.microsoft.com), so the add-in cannot work with the Excel workbook. Check the internet connection or the office firewall, then open the Chỉ tiêu pane again.",
  },

  // planner mode (components/planner)
  "planner.heading": { vi: "Tổng hợp (người tổng hợp)", en: "Consolidation (planner)" },
  "planner.period": { vi: "Kỳ báo cáo", en: "Report period" },
  "planner.periodHint": { vi: "Ví dụ 2026-Q1, 2026-01, 2026-H1, 2026", en: "e.g. 2026-Q1, 2026-01, 2026-H1, 2026" },
  "planner.periodInvalid": {
    vi: "Kỳ không hợp lệ: dùng 2026-01, 2026-Q1, 2026-H1 hoặc 2026.",
    en: "Not a period: use 2026-01, 2026-Q1, 2026-H1 or 2026.",
  },
  "planner.group": { vi: "Nhóm đơn vị", en: "Unit group" },
  "planner.allUnits": { vi: "Tất cả đơn vị", en: "All units" },
  "planner.basis": { vi: "Bản dùng để tổng hợp", en: "Revisions used" },
  "planner.basisLatest": { vi: "Bản gửi mới nhất", en: "Latest revision" },
  "planner.basisAccepted": { vi: "Chỉ bản đã chấp nhận", en: "Accepted only" },
  "planner.spreadTarget": { vi: "Chỉ tiêu vẽ phân bố theo đơn vị", en: "Target charted across units" },
  "planner.spreadTargetHint": {
    vi: "Biểu đồ cột trên trang BieuDo: giá trị của từng đơn vị cho chỉ tiêu này.",
    en: "A column chart on sheet BieuDo: each unit's figure for this target.",
  },
  "planner.spreadTargetDefault": {
    vi: "Tự chọn: chỉ tiêu tỷ lệ có nhiều đơn vị báo cáo nhất",
    en: "Automatic: the ratio target most units reported",
  },
  "planner.fromEndpoint": {
    vi: "Tổng hợp từ máy chủ và ghi vào sổ",
    en: "Consolidate from the endpoint into this workbook",
  },
  "planner.fetching": {
    vi: "Đang lấy số liệu tổng hợp và tiến độ nộp…",
    en: "Fetching the consolidation and completeness…",
  },
  "planner.writing": {
    vi: "Đang ghi vào sổ: phần {done}/{total}",
    en: "Writing to the workbook: part {done} of {total}",
  },
  "planner.reading": { vi: "Đang đọc tệp {done}/{total}", en: "Reading file {done} of {total}" },
  "planner.done": {
    vi: "Đã ghi {sheets} trang tổng hợp ({syncs} lần đồng bộ). {submitted}/{expected} đơn vị đã báo cáo; {missing} đơn vị chưa có.",
    en: "Wrote {sheets} consolidated sheets ({syncs} syncs). {submitted}/{expected} units reported; {missing} missing.",
  },
  "planner.replaced": { vi: "Các trang cũ đã được thay: {names}.", en: "Earlier sheets were replaced: {names}." },
  "planner.notPlanner": {
    vi: "Mã truy cập này không phải của người tổng hợp: cần mã vai trò planner để tổng hợp.",
    en: "This token is not a planner's: consolidation needs a planner token.",
  },
  "planner.filesHeading": { vi: "Tổng hợp từ tệp gửi qua thư", en: "Consolidate workbooks received by e-mail" },
  "planner.filesPick": { vi: "Chọn các tệp .xlsx…", en: "Choose .xlsx files…" },
  "planner.filesLabel": { vi: "Tệp báo cáo của đơn vị (.xlsx)", en: "Unit report files (.xlsx)" },
  "planner.filesSummary": {
    vi: "{read} tệp: dùng {accepted}, từ chối {rejected}, bỏ qua {skipped}, trùng {conflict}.",
    en: "{read} files: used {accepted}, rejected {rejected}, skipped {skipped}, duplicates {conflict}.",
  },
  "planner.rejectedHeading": { vi: "Tệp bị từ chối", en: "Rejected files" },
  "planner.skippedHeading": { vi: "Tệp bỏ qua", en: "Skipped files" },
  "planner.duplicatesHeading": { vi: "Hai tệp cho cùng đơn vị và kỳ", en: "Two files for the same unit and period" },
  "planner.duplicatesExplain": {
    vi: "Số liệu khác nhau: chưa tệp nào được dùng. Xác nhận để dùng tệp lưu sau cùng.",
    en: "The figures differ: neither file is used yet. Confirm to use the file saved last.",
  },
  "planner.preferNewer": { vi: "Dùng tệp mới hơn", en: "Use the newer file" },
  "planner.preferNewerConfirm": {
    vi: "Dùng tệp lưu sau cùng cho {count} đơn vị có hai tệp khác nhau?",
    en: "Use the file saved last for the {count} units with two different files?",
  },
  "planner.confirm": { vi: "Xác nhận", en: "Confirm" },
  "planner.cancel": { vi: "Huỷ", en: "Cancel" },
  "planner.writeFiles": { vi: "Ghi tổng hợp từ tệp vào sổ", en: "Write the consolidation from files" },
  "planner.cell": { vi: "ô {cell}", en: "cell {cell}" },
  "planner.noUsable": {
    vi: "Không có báo cáo nào dùng được trong các tệp đã chọn.",
    en: "None of the chosen files holds a usable report.",
  },

  ...CLASSROOM_MESSAGES,
  ...HELP_MESSAGES,
  ...TOUR_MESSAGES,
} as const satisfies Record<string, Bilingual>;

/** The texts of views loaded later: each section registers itself when its chunk loads (registry.ts). */
type LaterMessages = typeof BOARD_MESSAGES &
  typeof BOARD_REVIEW_MESSAGES &
  typeof APPLICABILITY_MESSAGES &
  typeof TASK_MESSAGES &
  typeof TREND_MESSAGES &
  typeof RECENT_VALUES_MESSAGES &
  typeof NARRATIVE_MESSAGES;

export type MessageKey = keyof typeof MESSAGES | keyof LaterMessages;

/** The planner pane's keys without their "planner." prefix (components/planner's `text()`). */
export type PlannerTextKey = MessageKey extends infer K ? (K extends `planner.${infer Rest}` ? Rest : never) : never;
