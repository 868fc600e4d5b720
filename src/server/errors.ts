/**
 * The catalogue of every failure the endpoint (and its CLI clients) can report. Each error is made once here, with a
 * stable code, an HTTP status, a message in Vietnamese and English, and the cause and fix that src/server/README.md
 * lists in its table (a test keeps the two in step). Call sites throw them by name: `throw CT_REPORT_LOCKED({...})`.
 */
import type { Bilingual, ValidationIssue } from "../domain/types";
import { defineCatalogue, fieldsOf } from "../domain/messages/error-catalogue";
import type { ErrorFactory, ErrorSpec } from "../domain/messages/error-catalogue";

/** What a call site may add to an error's params: more details, or the issues of the request it refuses. */
export interface ErrorExtra {
  details?: Record<string, unknown>;
  issues?: ValidationIssue[];
}

const catalogue = defineCatalogue();

/** Every error below, in order (the README table and its test read it). */
export const ERROR_CATALOGUE: readonly ErrorSpec<never>[] = catalogue.specs;

/** The server's errors take one params object, which is also their details, and an optional extra. */
function defineError<P = void>(spec: {
  code: string;
  status: number;
  message: (params: P) => Bilingual;
  cause: string;
  fix: string;
}): ErrorFactory<[params: P, extra?: ErrorExtra]> {
  return catalogue.define<[params: P, extra?: ErrorExtra]>({
    ...spec,
    details: (params, extra) => ({ ...fieldsOf(params), ...extra?.details }),
    issues: (_params, extra) => extra?.issues,
  });
}

// --- authentication and access ---------------------------------------------------------------------------------

export const CT_UNAUTHENTICATED = defineError<void>({
  code: "CT_UNAUTHENTICATED",
  status: 401,
  message: () => ({
    vi: "Thiếu mã truy cập. Gửi tiêu đề “Authorization: Bearer <mã>” với mã do quản trị viên cấp.",
    en: "No access token. Send the header “Authorization: Bearer <token>” with the token your administrator issued.",
  }),
  cause: "The request has no `Authorization: Bearer …` header, or it is not a Chỉ tiêu token.",
  fix: "Send the token issued with `chitieu token issue` in the Authorization header.",
});

export const CT_TOKEN_INVALID = defineError<void>({
  code: "CT_TOKEN_INVALID",
  status: 401,
  message: () => ({
    vi: "Mã truy cập không đúng. Kiểm tra lại mã (chép đủ, không thừa dấu cách) hoặc xin quản trị viên cấp mã mới.",
    en: "The access token is not valid. Check it was copied whole, without spaces, or ask your administrator for a new one.",
  }),
  cause: "No token with this value exists (typo, truncated copy, token of another server).",
  fix: "Copy the token again, or issue a new one with `chitieu token issue`.",
});

export const CT_TOKEN_REVOKED = defineError<{ tokenId: string; revokedAt: string }>({
  code: "CT_TOKEN_REVOKED",
  status: 401,
  message: (p) => ({
    vi: `Mã truy cập ${p.tokenId} đã bị thu hồi lúc ${p.revokedAt}. Xin quản trị viên cấp mã mới.`,
    en: `Access token ${p.tokenId} was revoked at ${p.revokedAt}. Ask your administrator for a new one.`,
  }),
  cause: "The token was revoked with `chitieu token revoke` or DELETE /api/v1/tokens/:id.",
  fix: "Issue a new token for the unit and enter it in the task pane.",
});

export const CT_TOKEN_EXPIRED = defineError<{ tokenId: string; expiredAt: string }>({
  code: "CT_TOKEN_EXPIRED",
  status: 401,
  message: (p) => ({
    vi: `Mã truy cập ${p.tokenId} đã hết hạn lúc ${p.expiredAt}. Xin quản trị viên cấp mã mới (chitieu token rotate) rồi nhập vào ngăn tác vụ.`,
    en: `Access token ${p.tokenId} expired at ${p.expiredAt}. Ask your administrator for a new one (chitieu token rotate) and enter it in the task pane.`,
  }),
  cause: "The token's expiry time (365 days after issue by default, or the end of a rotation's overlap) has passed.",
  fix: "Issue a successor with `chitieu token rotate <id>` before expiry; the pane warns 14 days ahead.",
});

export const CT_AUTH_RATE_LIMITED = defineError<{ retryAfterSeconds: number }>({
  code: "CT_AUTH_RATE_LIMITED",
  status: 429,
  message: (p) => ({
    vi: `Quá nhiều lần dùng mã truy cập sai từ địa chỉ này. Thử lại sau ${p.retryAfterSeconds} giây.`,
    en: `Too many failed token attempts from this address. Try again in ${p.retryAfterSeconds} seconds.`,
  }),
  cause: "Too many requests with a missing or wrong token from one IP address within the window.",
  fix: "Wait for the Retry-After delay, then use a valid token.",
});

export const CT_ROLE_FORBIDDEN = defineError<{ role: string; needed: string[] }>({
  code: "CT_ROLE_FORBIDDEN",
  status: 403,
  message: (p) => ({
    vi: `Mã truy cập loại “${p.role}” không được làm việc này; cần mã loại ${p.needed.join(" hoặc ")}.`,
    en: `A “${p.role}” token may not do this; it needs a ${p.needed.join(" or ")} token.`,
  }),
  cause: "The token's role does not allow this route (e.g. a unit token on a planner route).",
  fix: "Use a token of the role named in the message.",
});

export const CT_UNIT_FORBIDDEN = defineError<{ tokenUnit: string; unitCode: string }>({
  code: "CT_UNIT_FORBIDDEN",
  status: 403,
  message: (p) => ({
    vi: `Mã truy cập của đơn vị ${p.tokenUnit} chỉ dùng cho báo cáo của chính đơn vị đó, không dùng cho đơn vị ${p.unitCode}.`,
    en: `The token of unit ${p.tokenUnit} only reaches that unit's own reports, not those of unit ${p.unitCode}.`,
  }),
  cause: "A unit token asked for or sent another unit's report.",
  fix: "Use the token issued for that unit, or check the unit code in the workbook.",
});

// --- request shape ---------------------------------------------------------------------------------------------

export const CT_MALFORMED_JSON = defineError<{ reason: string }>({
  code: "CT_MALFORMED_JSON",
  status: 400,
  message: (p) => ({
    vi: `Nội dung gửi lên không phải JSON hợp lệ (${p.reason}). Không có gì được lưu.`,
    en: `The request body is not valid JSON (${p.reason}). Nothing was stored.`,
  }),
  cause: "The body could not be parsed as JSON (truncated, NaN/Infinity literals, trailing commas, empty).",
  fix: "Send the body produced by the task pane or `chitieu submit`; JSON has no NaN or Infinity.",
});

export const CT_BODY_TOO_LARGE = defineError<{ limitBytes: number }>({
  code: "CT_BODY_TOO_LARGE",
  status: 413,
  message: (p) => ({
    vi: `Nội dung gửi lên quá lớn (tối đa ${p.limitBytes} byte). Không có gì được lưu.`,
    en: `The request body is too large (at most ${p.limitBytes} bytes). Nothing was stored.`,
  }),
  cause: "The body exceeds the server's bodyLimit (1 MB by default).",
  fix: "A report of 43 targets is a few kilobytes: check that the request holds one report.",
});

export const CT_UNSUPPORTED_MEDIA_TYPE = defineError<{ contentType: string }>({
  code: "CT_UNSUPPORTED_MEDIA_TYPE",
  status: 415,
  message: (p) => ({
    vi: `Kiểu nội dung “${p.contentType}” không được hỗ trợ; gửi “application/json” mã hoá UTF-8 (charset=utf-8 hoặc không ghi charset).`,
    en: `Content type “${p.contentType}” is not supported; send “application/json” encoded as UTF-8 (charset=utf-8, or no charset).`,
  }),
  cause: "The request's Content-Type is not application/json, or declares a charset other than UTF-8.",
  fix: "Set `Content-Type: application/json` (UTF-8).",
});

export const CT_REQUEST_INVALID = defineError<{ part: string; count: number }>({
  code: "CT_REQUEST_INVALID",
  status: 400,
  message: (p) => ({
    vi: `Yêu cầu sai định dạng ở phần ${p.part}: ${p.count} lỗi (xem “issues”, mỗi lỗi có đường dẫn tới trường sai). Không có gì được lưu.`,
    en: `The request's ${p.part} has the wrong shape: ${p.count} problem(s) (see “issues”, each with the path of the field). Nothing was stored.`,
  }),
  cause: "A field has the wrong type, is missing, is too long, or is not allowed (schema check).",
  fix: "Fix the fields named by each issue's `path`; the OpenAPI document at /api/v1/openapi.json gives every shape.",
});

export const CT_ROUTE_NOT_FOUND = defineError<{ method: string; url: string }>({
  code: "CT_ROUTE_NOT_FOUND",
  status: 404,
  message: (p) => ({
    vi: `Không có địa chỉ ${p.method} ${p.url}. Xem danh sách tại /api/v1/openapi.json.`,
    en: `There is no ${p.method} ${p.url}. See /api/v1/openapi.json for the routes.`,
  }),
  cause: "The method and path match no route.",
  fix: "Check the endpoint address (it ends before /api/v1) and the route in the OpenAPI document.",
});

export const CT_PATH_FORBIDDEN = defineError<{ url: string }>({
  code: "CT_PATH_FORBIDDEN",
  status: 403,
  message: (p) => ({
    vi: `Không được đọc ${p.url}: địa chỉ trỏ ra ngoài thư mục của add-in hoặc vào một thư mục.`,
    en: `${p.url} may not be read: it points outside the add-in's folder, or at a folder.`,
  }),
  cause: "A static-file URL with `..` (plain or %2e%2e) or naming a folder (/assets/).",
  fix: "Use the file addresses the manifest and task pane use (e.g. /taskpane.html, /assets/icon-32.png).",
});

// --- domain ----------------------------------------------------------------------------------------------------

export const CT_UNIT_UNKNOWN = defineError<{ unitCode: string }>({
  code: "CT_UNIT_UNKNOWN",
  status: 404,
  message: (p) => ({
    vi: `Không có đơn vị mã “${p.unitCode}”. Mã phường/xã gồm 5 chữ số (ví dụ 00004).`,
    en: `There is no unit with code “${p.unitCode}”. Ward/commune codes have 5 digits (e.g. 00004).`,
  }),
  cause: "The unit code is not in the unit table.",
  fix: "Use the official code (GET /api/v1/units lists them).",
});

export const CT_PERIOD_INVALID = defineError<{ period: string }>({
  code: "CT_PERIOD_INVALID",
  status: 400,
  message: (p) => ({
    vi: `Kỳ báo cáo “${p.period}” không hợp lệ. Dùng dạng 2026-01 (tháng), 2026-Q1 (quý), 2026-H1 (6 tháng) hoặc 2026 (năm).`,
    en: `Reporting period “${p.period}” is not valid. Use 2026-01 (month), 2026-Q1 (quarter), 2026-H1 (half) or 2026 (year).`,
  }),
  cause: "A period in the path or query cannot be parsed.",
  fix: "Write the period as YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY.",
});

export const CT_PERIOD_OUT_OF_PLAN = defineError<{ period: string; from: number; to: number }>({
  code: "CT_PERIOD_OUT_OF_PLAN",
  status: 422,
  message: (p) => ({
    vi: `Kỳ báo cáo “${p.period}” nằm ngoài kế hoạch ${p.from}–${p.to}: chỉ nhận các kỳ từ ${p.from}-01 đến ${p.to}-12 (quý, 6 tháng, năm trong các năm đó). Không có gì được lưu.`,
    en: `Reporting period “${p.period}” is outside the plan ${p.from}–${p.to}: only periods from ${p.from}-01 to ${p.to}-12 (and the quarters, halves and years of those years) are accepted. Nothing was stored.`,
  }),
  cause:
    "A submission (or its dry run) for a period whose year is outside the plan's years (CHITIEU_PLAN_YEARS, default 2026-2030), e.g. 2000-01 or 2099-12. Reads of such periods answer as usual.",
  fix: "Check the period's year; an administrator widens CHITIEU_PLAN_YEARS for another plan.",
});

export const CT_SERIES_QUERY = defineError<{ field: string; value: string; problem: Bilingual }>({
  code: "CT_SERIES_QUERY",
  status: 400,
  message: (p) => ({ vi: `Tham số “${p.field}”: ${p.problem.vi}`, en: `Parameter “${p.field}”: ${p.problem.en}` }),
  cause: "GET /series names a target, unit or group that does not exist, or gives both unit and group.",
  fix: "Use a target id of the catalog and a unit code or group name that exists; give unit or group, not both (neither: the city).",
});

export const CT_CATALOG_NOT_FOUND = defineError<{ version: string; current: string }>({
  code: "CT_CATALOG_NOT_FOUND",
  status: 404,
  message: (p) => ({
    vi: `Máy chủ không có danh mục chỉ tiêu phiên bản “${p.version}”. Phiên bản hiện hành: ${p.current}.`,
    en: `The server has no target catalog version “${p.version}”. The current version is ${p.current}.`,
  }),
  cause: "GET /api/v1/catalog/:version for a version never stored on this server.",
  fix: "Fetch /api/v1/catalog for the current one.",
});

export const CT_CATALOG_VERSION = defineError<{ sent: string; current: string; known: boolean }>({
  code: "CT_CATALOG_VERSION",
  status: 409,
  message: (p) => ({
    vi: p.known
      ? `Báo cáo lập theo danh mục chỉ tiêu cũ (${p.sent}); danh mục hiện hành là ${p.current}. Cập nhật sổ mẫu (ngăn tác vụ sẽ chuyển số liệu sang) rồi gửi lại.`
      : `Máy chủ không biết danh mục chỉ tiêu “${p.sent}”. Danh mục hiện hành là ${p.current}: tải sổ mẫu mới rồi gửi lại.`,
    en: p.known
      ? `The report was made with an older target catalog (${p.sent}); the current one is ${p.current}. Update the template (the task pane carries the values over) and send again.`
      : `The server does not know target catalog “${p.sent}”. The current catalog is ${p.current}: get a new template and send again.`,
  }),
  cause: "The submission's catalogVersion is not the server's current catalog.",
  fix: "Update the workbook to the current template (details.current) and submit again.",
});

export const CT_CATALOG_INVALID = defineError<{ problems: number }>({
  code: "CT_CATALOG_INVALID",
  status: 422,
  message: (p) => ({
    vi: `Danh mục chỉ tiêu gửi lên có ${p.problems} lỗi (xem “issues”: dòng, cột, lý do) và không được dùng. Sửa tệp rồi gửi lại.`,
    en: `The uploaded target catalog has ${p.problems} problem(s) (see “issues”: row, column, why) and was not used. Fix the file and upload it again.`,
  }),
  cause:
    "A replacement catalog (POST /api/v1/catalog) has a bad row: a missing column, an unknown group, a value that is not a number…",
  fix: "Fix every row named in `issues`; `chitieu catalog check <file>` lists them offline.",
});

export const CT_APPLICABILITY_INVALID = defineError<{ problems: number }>({
  code: "CT_APPLICABILITY_INVALID",
  status: 422,
  message: (p) => ({
    vi: `Bảng áp dụng chỉ tiêu gửi lên có ${p.problems} lỗi (xem “issues”: dòng, cột, lý do) và không được dùng. Sửa tệp rồi gửi lại.`,
    en: `The uploaded applicability table has ${p.problems} problem(s) (see “issues”: row, column, why) and was not used. Fix the file and upload it again.`,
  }),
  cause: "An applicability table (PUT /api/v1/applicability) names an unknown unit or target, a bad state or period.",
  fix: "Fix every row named in `issues`; `chitieu applicability check <file>` lists them offline.",
});

export const CT_UNIT_DEMO_FLAG = defineError<{ unitCode: string }>({
  code: "CT_UNIT_DEMO_FLAG",
  status: 409,
  message: (p) => ({
    vi: `Không đổi được cờ trình diễn của đơn vị ${p.unitCode}: đơn vị trình diễn được tạo sẵn, và một đơn vị thật không bao giờ trở thành đơn vị trình diễn (dữ liệu trình diễn bị xoá khi đặt lại).`,
    en: `The demo flag of unit ${p.unitCode} cannot change: demo units are built in, and a real unit never becomes one (demo data is deleted by a reset).`,
  }),
  cause: "PUT /api/v1/units/:code tried to turn a real unit into a demo unit or the reverse.",
  fix: "Leave `demo` as it is; add a new unit instead.",
});

export const CT_UNIT_RETIRED = defineError<{
  unitCode: string;
  unitName: Bilingual;
  period: string;
  retiredFrom: string;
  retiredFromLabel: Bilingual;
}>({
  code: "CT_UNIT_RETIRED",
  status: 409,
  message: (p) => ({
    vi: `Đơn vị ${p.unitCode} (${p.unitName.vi}) đã thôi báo cáo từ kỳ ${p.retiredFrom} (${p.retiredFromLabel.vi}), nên không nhận báo cáo kỳ ${p.period}. Báo cáo các kỳ trước ${p.retiredFrom} vẫn gửi và sửa được. Nếu đơn vị vẫn phải báo cáo kỳ này, liên hệ quản trị viên. Không có gì được lưu.`,
    en: `Unit ${p.unitCode} (${p.unitName.en}) no longer reports from ${p.retiredFrom} (${p.retiredFromLabel.en}) on, so its report for ${p.period} is not accepted. Reports for periods before ${p.retiredFrom} can still be sent and corrected. If the unit must still report for this period, ask the administrator. Nothing was stored.`,
  }),
  cause: "The unit is retired (PUT /api/v1/units/:code with `retiredFrom`) from this period or an earlier one.",
  fix: "Report only periods before details.retiredFrom; an administrator brings it back with `retiredFrom: null`.",
});

export const CT_REPORT_INVALID = defineError<{ errors: number }>({
  code: "CT_REPORT_INVALID",
  status: 422,
  message: (p) => ({
    vi: `Báo cáo còn ${p.errors} lỗi phải sửa trước khi gửi (xem “issues”: mỗi lỗi nêu chỉ tiêu, ô và cách sửa). Không có gì được lưu.`,
    en: `The report has ${p.errors} error(s) to fix before it can be sent (see “issues”: each names the target, cell and fix). Nothing was stored.`,
  }),
  cause: "The domain rules (the same the task pane runs) found at least one blocking error.",
  fix: "Fix each issue of severity `error` and submit again.",
});

export const CT_FIGURE_OUT_OF_RANGE = defineError<{ count: number; first: string }>({
  code: "CT_FIGURE_OUT_OF_RANGE",
  status: 422,
  message: (p) => ({
    vi: `${p.count} số liệu lớn quá mức có thể có (đầu tiên: ${p.first}); xem “issues”: mỗi mục nêu chỉ tiêu, trường và giới hạn. Kiểm tra lại (thừa chữ số 0, dán nhầm ô) rồi gửi lại. Không có gì được lưu.`,
    en: `${p.count} figure(s) beyond what is possible (first: ${p.first}); see “issues”: each names the target, the field and the bound. Check them (extra zeros, a pasted cell) and send again. Nothing was stored.`,
  }),
  cause:
    "A value, numerator or denominator is larger than its target's plausible bound (by measure kind, or the target's own; src/domain/rules/bounds.ts).",
  fix: "Correct the figure named in each issue's path; a real figure that large means the bound needs review.",
});

export const CT_JUSTIFICATION_REQUIRED = defineError<{ unjustified: number }>({
  code: "CT_JUSTIFICATION_REQUIRED",
  status: 422,
  message: (p) => ({
    vi: `${p.unjustified} cảnh báo cần giải trình: ghi lý do vào cột Giải trình của chỉ tiêu đó rồi gửi lại. Không có gì được lưu.`,
    en: `${p.unjustified} warning(s) need a written justification: write the reason in that target's justification column and send again. Nothing was stored.`,
  }),
  cause: "A warning (off target, at risk, inconsistent figures) has no adequate justification.",
  fix: "Write a justification for each unjustified warning in `issues`.",
});

export const CT_SUBMISSION_CONFLICT = defineError<{ submissionId: string; revision: number }>({
  code: "CT_SUBMISSION_CONFLICT",
  status: 409,
  message: (p) => ({
    vi: `Mã lần gửi ${p.submissionId} đã được dùng cho một nội dung khác (lần sửa ${p.revision}). Mỗi lần gửi mới cần một mã mới; để sửa báo cáo, gửi bản mới thay thế bản cũ.`,
    en: `Submission id ${p.submissionId} was already used for different content (revision ${p.revision}). Every new submission needs a new id; to change the report, send a new revision that supersedes it.`,
  }),
  cause: "The same submissionId was sent before with different content.",
  fix: "Generate a new UUID for new content; resend the exact same content to get the stored receipt.",
});

export const CT_OUT_OF_DATE = defineError<{
  unitCode: string;
  period: string;
  supersedes: string | null;
  latestSubmissionId: string;
  latestRevision: number;
}>({
  code: "CT_OUT_OF_DATE",
  status: 409,
  message: (p) => ({
    vi: `Báo cáo ${p.unitCode} kỳ ${p.period} đã có bản mới hơn (lần sửa ${p.latestRevision}, mã ${p.latestSubmissionId}). Tải bản đó về, sửa tiếp rồi gửi với “supersedes” là mã đó.`,
    en: `Report ${p.unitCode} for ${p.period} has a newer revision (revision ${p.latestRevision}, id ${p.latestSubmissionId}). Load it, make your changes and send with “supersedes” set to that id.`,
  }),
  cause: "`supersedes` is not the latest revision (someone else sent one), or it is null although a revision exists.",
  fix: "Read GET /reports/:unit/:period, then resubmit with supersedes = details.latestSubmissionId.",
});

export const CT_REPORT_LOCKED = defineError<{ unitCode: string; period: string }>({
  code: "CT_REPORT_LOCKED",
  status: 409,
  message: (p) => ({
    vi: `Báo cáo ${p.unitCode} kỳ ${p.period} đã được chấp nhận và khoá. Liên hệ cán bộ tổng hợp để mở khoá nếu cần sửa.`,
    en: `Report ${p.unitCode} for ${p.period} has been accepted and is locked. Ask the planner to unlock it if it must change.`,
  }),
  cause: "A planner accepted the report, which locks it.",
  fix: "A planner unlocks it with POST /reports/:unit/:period/unlock {reason}.",
});

export const CT_REPORT_NOT_LOCKED = defineError<{ unitCode: string; period: string }>({
  code: "CT_REPORT_NOT_LOCKED",
  status: 409,
  message: (p) => ({
    vi: `Báo cáo ${p.unitCode} kỳ ${p.period} đang không khoá; không cần mở khoá.`,
    en: `Report ${p.unitCode} for ${p.period} is not locked; there is nothing to unlock.`,
  }),
  cause: "Unlock was asked for a report that is not locked.",
  fix: "Nothing to do; check the report's state with GET /reports/:unit/:period.",
});

export const CT_REPORT_NOT_FOUND = defineError<{ unitCode: string; period: string }>({
  code: "CT_REPORT_NOT_FOUND",
  status: 404,
  message: (p) => ({
    vi: `Đơn vị ${p.unitCode} chưa gửi báo cáo kỳ ${p.period}.`,
    en: `Unit ${p.unitCode} has not submitted a report for ${p.period}.`,
  }),
  cause: "No revision is stored for this unit and period.",
  fix: "Submit the report first (the task pane or `chitieu submit`).",
});

export const CT_REVISION_NOT_FOUND = defineError<{
  unitCode: string;
  period: string;
  revision: string;
  latestRevision: number;
}>({
  code: "CT_REVISION_NOT_FOUND",
  status: 404,
  message: (p) => ({
    vi: `Báo cáo ${p.unitCode} kỳ ${p.period} không có lần sửa “${p.revision}” (lần mới nhất: ${p.latestRevision}).`,
    en: `Report ${p.unitCode} for ${p.period} has no revision “${p.revision}” (the latest is ${p.latestRevision}).`,
  }),
  cause: "The diff asked for a revision number or submission id that this report does not have.",
  fix: "List the revisions with GET /reports/:unit/:period/history.",
});

export const CT_TOKEN_NOT_FOUND = defineError<{ tokenId: string }>({
  code: "CT_TOKEN_NOT_FOUND",
  status: 404,
  message: (p) => ({
    vi: `Không có mã truy cập “${p.tokenId}” (hoặc phần đầu này khớp nhiều mã). Xem danh sách bằng “chitieu token list”.`,
    en: `No access token “${p.tokenId}” (or this prefix matches several). List them with “chitieu token list”.`,
  }),
  cause: "Revoke was given an id or prefix that matches no token, or more than one.",
  fix: "Use the id shown by `chitieu token list`.",
});

export const CT_TOKEN_SPEC_INVALID = defineError<{ role: string; unitCode: string | null }>({
  code: "CT_TOKEN_SPEC_INVALID",
  status: 400,
  message: (p) => ({
    vi:
      p.role === "unit"
        ? "Mã truy cập cho đơn vị cần mã đơn vị (--unit 00004)."
        : `Mã truy cập loại “${p.role}” không gắn với đơn vị; bỏ mã đơn vị “${p.unitCode}”.`,
    en:
      p.role === "unit"
        ? "A unit token needs the unit's code (--unit 00004)."
        : `A “${p.role}” token belongs to no unit; leave out the unit code “${p.unitCode}”.`,
  }),
  cause: "A unit token was asked without a unit, or a planner/admin token with one.",
  fix: "Give `--unit <code>` for unit tokens only; use `--role planner` or `--role admin` alone.",
});

// --- server and configuration ----------------------------------------------------------------------------------

export const CT_INTERNAL = defineError<{ requestId: string }>({
  code: "CT_INTERNAL",
  status: 500,
  message: (p) => ({
    vi: `Lỗi máy chủ (mã yêu cầu ${p.requestId}). Không có gì được lưu nếu chưa nhận biên nhận; gửi lại sau với cùng mã lần gửi.`,
    en: `Server error (request ${p.requestId}). Nothing was stored unless a receipt was returned; retry later with the same submission id.`,
  }),
  cause: "An unexpected failure; the server log has the request id.",
  fix: "Retry with the same submissionId (retries never duplicate); report the request id to the administrator.",
});

export const CT_DB_UNAVAILABLE = defineError<{ reason: string; retryAfterSeconds: number }>({
  code: "CT_DB_UNAVAILABLE",
  status: 503,
  message: (p) => ({
    vi: `Cơ sở dữ liệu tạm thời không trả lời (${p.reason}). Không có gì được lưu nếu chưa nhận biên nhận; thử lại sau ${p.retryAfterSeconds} giây với cùng mã lần gửi.`,
    en: `The database is not answering for now (${p.reason}). Nothing was stored unless a receipt was returned; retry in ${p.retryAfterSeconds} seconds with the same submission id.`,
  }),
  cause:
    "PostgreSQL is restarting or unreachable (or the SQLite file stayed locked); the service reconnects by itself.",
  fix: "Retry after the Retry-After delay with the same submissionId; the administrator checks the database.",
});

export const CT_STORAGE_FULL = defineError<{ retryAfterSeconds: number }>({
  code: "CT_STORAGE_FULL",
  status: 507,
  message: (p) => ({
    vi: `Ổ đĩa của máy chủ đã đầy nên không lưu được. Không có gì được lưu; thử lại sau ${p.retryAfterSeconds} giây với cùng mã lần gửi, và báo quản trị viên.`,
    en: `The server's disk is full, so nothing can be stored. Nothing was stored; retry in ${p.retryAfterSeconds} seconds with the same submission id, and tell the administrator.`,
  }),
  cause: "The disk holding the database is full (SQLITE_FULL, ENOSPC, PostgreSQL 53100); /health reports not ready.",
  fix: "Free space on the database's disk; the service recovers without a restart.",
});

export const CT_DB_START_FAILED = defineError<{ location: string; reason: string }>({
  code: "CT_DB_START_FAILED",
  status: 503,
  message: (p) => ({
    vi: `Không khởi động được: cơ sở dữ liệu ${p.location} không trả lời (${p.reason}). Kiểm tra DATABASE_URL và PostgreSQL đang chạy; trình quản lý dịch vụ (systemd) sẽ chạy lại.`,
    en: `Cannot start: the database ${p.location} does not answer (${p.reason}). Check DATABASE_URL and that PostgreSQL runs; the service manager (systemd) starts it again.`,
  }),
  cause:
    "`chitieu serve` could not reach the database to run its migrations (PostgreSQL down or unreachable at start).",
  fix: "Start PostgreSQL or correct DATABASE_URL; with systemd `Restart=on-failure` the service retries by itself.",
});

export const CT_WORKER_FAILED = defineError<{ failures: number; seconds: number; last: string }>({
  code: "CT_WORKER_FAILED",
  status: 500,
  message: (p) => ({
    vi: `Dừng máy chủ: tiến trình phục vụ hỏng ${p.failures} lần liên tiếp trong ${p.seconds} giây (lần cuối: ${p.last}). Xem thông báo phía trên, sửa nguyên nhân rồi chạy lại.`,
    en: `Stopping: the serving process failed ${p.failures} times in a row within ${p.seconds} seconds (last: ${p.last}). See the message above, fix the cause and start again.`,
  }),
  cause: "Every restart of the worker process failed quickly (database away at start, bad certificate, port taken).",
  fix: "Fix the cause printed before it; a service manager (systemd Restart=on-failure) starts `chitieu serve` again.",
});

export const CT_UNSAFE_CONFIG = defineError<{ reasons: Bilingual[] }>({
  code: "CT_UNSAFE_CONFIG",
  status: 500,
  message: (p) => ({
    vi: `Không khởi động ở chế độ production vì cấu hình chưa an toàn: ${p.reasons.map((r) => r.vi).join("; ")}`,
    en: `Refusing to start in production mode with unsafe settings: ${p.reasons.map((r) => r.en).join("; ")}`,
  }),
  cause:
    "CHITIEU_ENV=production with the default or a short (< 32 bytes) token pepper, no TLS (and no --behind-proxy), or an origin that is a wildcard, `null` or not https.",
  fix: "Set CHITIEU_TOKEN_PEPPER (`openssl rand -hex 32`), CHITIEU_TLS_KEY/CERT (or CHITIEU_BEHIND_PROXY=1) and CHITIEU_ALLOWED_ORIGIN (https only).",
});

export const CT_CONFIG_INVALID = defineError<{ setting: string; value: string; expected: string }>({
  code: "CT_CONFIG_INVALID",
  status: 500,
  message: (p) => ({
    vi: `Cấu hình ${p.setting} = “${p.value}” không hợp lệ: cần ${p.expected}.`,
    en: `Setting ${p.setting} = “${p.value}” is not valid: expected ${p.expected}.`,
  }),
  cause:
    "A command-line flag or environment variable has a value that cannot be used (port, file, URL, CHITIEU_ENV, a TLS key that does not match its certificate); `serve` exits 1 at once.",
  fix: "Correct the setting named in the message.",
});

// --- clients (CLI) ---------------------------------------------------------------------------------------------

export const CT_ENDPOINT_UNREACHABLE = defineError<{ endpoint: string; reason: string }>({
  code: "CT_ENDPOINT_UNREACHABLE",
  status: 503,
  message: (p) => ({
    vi: `Không kết nối được máy chủ ${p.endpoint} (${p.reason}). Kiểm tra địa chỉ và mạng; báo cáo chưa được gửi.`,
    en: `Cannot reach the endpoint ${p.endpoint} (${p.reason}). Check the address and the network; the report was not sent.`,
  }),
  cause: "(client) The CLI could not open a connection: wrong address, server down, no network.",
  fix: "Check --endpoint; start the server with `chitieu serve`.",
});

export const CT_TLS_UNTRUSTED = defineError<{ endpoint: string; reason: string }>({
  code: "CT_TLS_UNTRUSTED",
  status: 495,
  message: (p) => ({
    vi: `Chứng chỉ HTTPS của ${p.endpoint} không được tin cậy (${p.reason}). Với chứng chỉ phát triển, thêm --ca ~/.office-addin-dev-certs/ca.crt.`,
    en: `The HTTPS certificate of ${p.endpoint} is not trusted (${p.reason}). For the development certificate add --ca ~/.office-addin-dev-certs/ca.crt.`,
  }),
  cause: "(client) The server's certificate is self-signed or issued by a CA the CLI does not know.",
  fix: "Pass --ca <file> or set NODE_EXTRA_CA_CERTS.",
});

export const CT_UNEXPECTED_RESPONSE = defineError<{ endpoint: string; status: number; body: string }>({
  code: "CT_UNEXPECTED_RESPONSE",
  status: 502,
  message: (p) => ({
    vi: `Máy chủ ${p.endpoint} trả lời không như mong đợi (HTTP ${p.status}): ${p.body}`,
    en: `The endpoint ${p.endpoint} gave an unexpected answer (HTTP ${p.status}): ${p.body}`,
  }),
  cause: "(client) The answer is not a Chỉ tiêu JSON response (wrong address, proxy page).",
  fix: "Check that --endpoint points to a Chỉ tiêu server (GET /api/v1/health).",
});

// --- reminders (issue #18) -------------------------------------------------------------------------------------

export const CT_REMINDERS_OFF = defineError<void>({
  code: "CT_REMINDERS_OFF",
  status: 409,
  message: () => ({
    vi: "Chưa bật nhắc nhở qua thư: đặt CHITIEU_SMTP_URL và CHITIEU_MAIL_FROM (xem docs/operations.md), hoặc chạy với --dry-run để chỉ xem danh sách.",
    en: "E-mail reminders are off: set CHITIEU_SMTP_URL and CHITIEU_MAIL_FROM (see docs/operations.md), or run with --dry-run to list only.",
  }),
  cause: "`chitieu remind` was asked to send while no SMTP server is configured.",
  fix: "Set CHITIEU_SMTP_URL and CHITIEU_MAIL_FROM, or add --dry-run.",
});

export const CT_REVIEW_OUT_OF_DATE = defineError<{
  unitCode: string;
  period: string;
  revision: number;
  latestRevision: number;
}>({
  code: "CT_REVIEW_OUT_OF_DATE",
  status: 409,
  message: (p) => ({
    vi: `Chưa chấp nhận báo cáo ${p.unitCode} kỳ ${p.period}: bạn đã xem lần sửa ${p.revision}, nhưng lần sửa mới nhất là ${p.latestRevision}. Xem lại lần sửa ${p.latestRevision} rồi chấp nhận.`,
    en: `Report ${p.unitCode} for ${p.period} was not accepted: you reviewed revision ${p.revision} but the latest is revision ${p.latestRevision}. Review revision ${p.latestRevision}, then accept it.`,
  }),
  cause: "An item of POST /reports/accept names a revision that is not the latest (the unit sent a newer one).",
  fix: "Open the report again (GET /reports/:unit/:period and its diff), then accept the latest revision.",
});

export const CT_TASKS_INVALID = defineError<{ problems: number }>({
  code: "CT_TASKS_INVALID",
  status: 422,
  message: (p) => ({
    vi: `Danh mục nhiệm vụ gửi lên có ${p.problems} lỗi (xem “issues”: dòng, cột, lý do) và không được dùng. Sửa tệp rồi gửi lại.`,
    en: `The uploaded task list has ${p.problems} problem(s) (see “issues”: row, column, why) and was not used. Fix the file and upload it again.`,
  }),
  cause:
    "A task list or task edit (PUT /api/v1/tasks, /tasks/:id) names an unknown unit or target, a date that is not a date, a duplicate id, a bad kind or period.",
  fix: "Fix every row named in `issues`; `chitieu tasks check <file>` lists them offline.",
});

export const CT_TASK_NOT_FOUND = defineError<{ taskId: string; period: string }>({
  code: "CT_TASK_NOT_FOUND",
  status: 404,
  message: (p) => ({
    vi: `Không có nhiệm vụ mã “${p.taskId}” trong danh mục (kỳ ${p.period}). Xem danh mục: GET /api/v1/tasks.`,
    en: `There is no task “${p.taskId}” in the register (period ${p.period}). See the register: GET /api/v1/tasks.`,
  }),
  cause: "PUT /api/v1/tasks/:id names a task id that no version of the register holds by that period.",
  fix: "Use an id from GET /api/v1/tasks, or import the task first (PUT /api/v1/tasks).",
});

// --- the demo classroom (issue 20): demo tokens reach demo units only ------------------------------------------

export const CT_DEMO_FORBIDDEN = defineError<{ unitCode: string }>({
  code: "CT_DEMO_FORBIDDEN",
  status: 403,
  message: (p) => ({
    vi: `Mã truy cập trình diễn chỉ dùng cho các đơn vị trình diễn; không đọc hay sửa được đơn vị thật ${p.unitCode}.`,
    en: `A demo token reaches demo units only; it cannot read or change the real unit ${p.unitCode}.`,
  }),
  cause: "A demo token (a demo unit's, or a planner token issued with --demo) named a real unit.",
  fix: "Use a demo unit (DEMO-01 … GET /api/v1/units?group=demo), or a real token for real units.",
});

export const CT_DEMO_ACTION_FORBIDDEN = defineError<{ action: string }>({
  code: "CT_DEMO_ACTION_FORBIDDEN",
  status: 403,
  message: (p) => ({
    vi: `Mã truy cập trình diễn không được ${p.action === "catalog" ? "thay danh mục chỉ tiêu" : "làm việc này"}: việc đó chạm tới dữ liệu thật.`,
    en: `A demo token may not ${p.action === "catalog" ? "replace the target catalog" : "do this"}: it would touch real data.`,
  }),
  cause: "A demo token asked for an action that changes what real units use (the catalog).",
  fix: "Ask a real planner or administrator; the classroom needs no such change.",
});

export const CT_DEMO_TOKEN_INVALID = defineError<{ role: string; unitCode: string | null }>({
  code: "CT_DEMO_TOKEN_INVALID",
  status: 400,
  message: (p) => ({
    vi: `Không cấp được mã trình diễn loại “${p.role}”${p.unitCode ? ` cho đơn vị thật ${p.unitCode}` : ""}: mã trình diễn chỉ dành cho cán bộ tổng hợp (--role planner --demo) hoặc đơn vị trình diễn.`,
    en: `Cannot issue a demo “${p.role}” token${p.unitCode ? ` for the real unit ${p.unitCode}` : ""}: demo tokens are for planners (--role planner --demo) or demo units only.`,
  }),
  cause: "`--demo` was asked for an admin token, or for a real unit's token.",
  fix: "Issue the classroom's planner token with `--role planner --demo`; a demo unit's token is demo by itself.",
});

export const CT_TASK_PROGRESS_INVALID = defineError<{ count: number; first: string }>({
  code: "CT_TASK_PROGRESS_INVALID",
  status: 422,
  message: (p) => ({
    vi: `Tiến độ nhiệm vụ có ${p.count} lỗi (đầu tiên: ${p.first}); xem “issues”: mỗi mục nêu nhiệm vụ, trường và cách sửa. Không có gì được lưu.`,
    en: `The task progress has ${p.count} error(s) (first: ${p.first}); see “issues”: each names the task, the field and how to fix it. Nothing was stored.`,
  }),
  cause:
    "The submission's `tasks` break the register's rules (src/domain/tasks/progress.ts): a task not the unit's or reported twice, a task without a state, done without a product or date, past its deadline and not done without a justification, a percent outside 0–100.",
  fix: "Fix each task named in `issues` (the TienDoNV sheet or the pane's tasks), then send again.",
});

// --- the handouts (issue 20): one-page PDF quick guides printed by chromium -------------------------------------

export const CT_HANDOUT_UNAVAILABLE = defineError<{ chromium: string; detail: string }>({
  code: "CT_HANDOUT_UNAVAILABLE",
  status: 503,
  message: (p) => ({
    vi: `Không in được tờ hướng dẫn PDF bằng chromium (${p.chromium}): ${p.detail}. Cài chromium trên máy chủ (apt-get install chromium) hoặc đặt CHITIEU_CHROMIUM, rồi thử lại; hoặc tạo tờ hướng dẫn trên máy khác bằng lệnh chitieu handout.`,
    en: `Could not print the PDF handout with chromium (${p.chromium}): ${p.detail}. Install chromium on the server (apt-get install chromium) or set CHITIEU_CHROMIUM, then try again; or make the handout elsewhere with chitieu handout.`,
  }),
  cause:
    "GET /handouts/<role>.<lang>.pdf or `chitieu handout` could not run Debian's chromium (not installed, CHITIEU_CHROMIUM wrong, or it failed or timed out after 120 s).",
  fix: "Install chromium (apt-get install chromium) or point CHITIEU_CHROMIUM at it; `chitieu handout` makes the same PDF on another machine.",
});
