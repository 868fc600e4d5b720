/** Vietnamese messages, built from an issue's code and params; each says what is wrong and how to fix it. */
import type { IssueCode } from "../types";
import * as format from "./format";
import type { MessageParams } from "./format";

// Local bindings, taken once: cheaper per call than live import bindings in CommonJS output (bench/validate).
const { at, direction, fieldName, num, readAs, str, subject, targetOnly, withUnit } = format;

type P = MessageParams;
const L = "vi" as const;
const JUSTIFY = "Hãy ghi giải trình (ít nhất 10 ký tự) nêu nguyên nhân và giải pháp, hoặc kiểm tra lại số liệu.";

function offOrRisk(p: P, lead: string): string {
  const who = targetOnly(p, L);
  if (p.basis === "milestone") {
    return p.progress === "off_track"
      ? `${who}: đã quá hạn ${str(p.deadline)} mà chưa hoàn thành.`
      : `${who}: chưa bắt đầu, hạn hoàn thành ${str(p.deadline)}. Hãy cập nhật tiến độ khi bắt đầu thực hiện.`;
  }
  const own = p.decision ? `, mục tiêu giao cho đơn vị theo ${str(p.decision)}` : "";
  const goal = `${direction(p.direction, L)} ${withUnit(p.target, p, L)}${own}`;
  if (p.basis === "ytd") {
    return `${who}: lũy kế từ đầu năm ${withUnit(p.figure, p, L)} ${lead} tiến độ cần đạt ${withUnit(p.prorata, p, L)} (${str(p.months)}/12 của mục tiêu năm: ${goal}).`;
  }
  return `${who}: kết quả ${withUnit(p.figure, p, L)} ${lead} mục tiêu năm ${str(p.year)} (${goal}).`;
}

export const VI: Record<IssueCode, (p: P) => string> = {
  required: (p) =>
    `${subject(p, L)}: chưa nhập số liệu. Hãy nhập ${fieldName(p.field, L)} (để trống không phải là 0: nếu kết quả bằng 0, hãy nhập 0).`,
  not_a_number: (p) =>
    `${subject(p, L)}: "${str(p.text)}" không phải là số hợp lệ. Hãy nhập một số, ví dụ 12,5 hoặc 1.234,5${p.percentSign ? " (không ghi dấu % ở ô này)" : ""}.`,
  ambiguous_number: (p) =>
    `${subject(p, L)}: "${str(p.text)}" có thể hiểu theo hai cách; theo cách viết ${p.locale === "en" ? "tiếng Anh" : "tiếng Việt"} của báo cáo, đã đọc là ${readAs(p.value, L)}. Nếu không đúng, hãy viết rõ, ví dụ 1234 hoặc 1,234.`,
  not_whole_number: (p) =>
    `${subject(p, L)}: ${num(p.value, L)} không phải số nguyên. Số lượng phải là số nguyên (0, 1, 2, …).`,
  negative: (p) => `${subject(p, L)}: ${num(p.value, L)} là số âm. Hãy nhập số từ 0 trở lên.`,
  percent_out_of_range: (p) =>
    `${subject(p, L)}: tỷ lệ ${num(p.value, L)}% nằm ngoài khoảng 0–100. Hãy nhập tỷ lệ phần trăm, ví dụ 12,5 cho 12,5%.`,
  rate_out_of_range: (p) =>
    `${subject(p, L)}: tốc độ tăng ${num(p.value, L)}% nằm ngoài khoảng −100 đến 1.000. Hãy kiểm tra lại (nhập 12,5 cho 12,5%).`,
  numerator_above_denominator: (p) =>
    `${subject(p, L)}: tử số ${num(p.numerator, L)} lớn hơn mẫu số ${num(p.denominator, L)}, tỷ lệ sẽ vượt 100%. Hãy kiểm tra và sửa tử số hoặc mẫu số.`,
  denominator_not_positive: (p) =>
    `${subject(p, L)}: mẫu số ${num(p.value, L)} phải lớn hơn 0. Hãy nhập mẫu số (${str(p.denominatorLabel) || "tổng số"}).`,
  partial_ratio: (p) =>
    `${subject(p, L)}: đã nhập ${fieldName(p.present, L)} nhưng thiếu ${fieldName(p.field, L)}. Hãy nhập đủ cả tử số và mẫu số, hoặc để trống cả hai.`,
  unknown_milestone: (p) =>
    `${subject(p, L)}: "${str(p.text)}" không phải tiến độ hợp lệ. Hãy chọn "Chưa bắt đầu", "Đang thực hiện" hoặc "Hoàn thành".`,
  unknown_target: (p) =>
    `Mã chỉ tiêu "${str(p.targetId)}"${at(p, L)} không có trong danh mục (phiên bản ${str(p.catalogVersion)}). Hãy dùng mẫu báo cáo mới nhất hoặc xóa dòng này.`,
  duplicate_target: (p) =>
    `Chỉ tiêu ${str(p.targetId)} xuất hiện nhiều lần (dòng ${str(p.index)} trùng dòng ${str(p.firstIndex)}). Hãy giữ một dòng cho mỗi chỉ tiêu.`,
  target_not_for_unit: (p) =>
    `Chỉ tiêu ${str(p.targetId)} không giao cho đơn vị ${str(p.unitCode)}. Hãy xóa dòng này hoặc liên hệ bộ phận tổng hợp nếu đơn vị được giao chỉ tiêu này.`,
  unknown_unit: (p) =>
    `Mã đơn vị "${str(p.unitCode)}" không có trong danh sách. Hãy kiểm tra mã đơn vị (5 chữ số với phường, xã) trên trang thông tin đơn vị.`,
  unknown_period: (p) =>
    `Kỳ báo cáo "${str(p.period)}" không hợp lệ. Hãy ghi theo dạng 2026-01 (tháng), 2026-Q1 (quý), 2026-H1 (6 tháng) hoặc 2026 (năm).`,
  catalog_version_mismatch: (p) =>
    `Báo cáo dùng danh mục chỉ tiêu phiên bản ${str(p.got)}, khác phiên bản hiện hành ${str(p.expected)}. Hãy tải mẫu mới và chuyển số liệu sang.`,
  off_track: (p) =>
    `${offOrRisk(p, "chưa đạt")} ${p.basis === "milestone" ? "Hãy ghi giải trình (ít nhất 10 ký tự) nêu nguyên nhân và giải pháp." : JUSTIFY}`,
  at_risk: (p) => `${offOrRisk(p, "gần đạt nhưng chưa đạt")} Cần theo dõi; không bắt buộc giải trình.`,
  no_target: (p) =>
    p.reason === "city_total"
      ? `Chỉ tiêu ${str(p.targetId)}: mục tiêu là tổng toàn thành phố; thành phố chưa giao mục tiêu riêng cho đơn vị, nên số liệu của đơn vị chỉ được đánh giá khi tổng hợp. Không cần làm gì thêm.`
      : `Chỉ tiêu ${str(p.targetId)}: chưa có mục tiêu cho năm ${str(p.year)}${p.termTarget !== null && p.termTarget !== undefined ? ` (mục tiêu năm 2030: ${withUnit(p.termTarget, p, L, "termUnit")})` : ""}. Số liệu vẫn được ghi nhận; không cần làm gì thêm.`,
  inconsistent_denominator: (p) =>
    `${subject(p, L)}: dân số ${num(p.value, L)} khác dân số ${num(p.expected, L)} ghi ở chỉ tiêu ${str(p.reference)}. Trong một báo cáo, dân số phải giống nhau: hãy sửa cho thống nhất hoặc ghi giải trình (ít nhất 10 ký tự).`,
  justification_too_short: (p) =>
    `${subject(p, L)}: giải trình quá ngắn (${str(p.length)} ký tự). Hãy viết ít nhất ${str(p.minLength)} ký tự nêu nguyên nhân và giải pháp.`,
  invalid_text: (p) =>
    `${subject(p, L)}: có ký tự không hợp lệ ${str(p.character)} ở vị trí ${str(p.position)} (ký tự điều khiển, ký tự hỏng hoặc nửa ký tự). Hãy gõ lại nội dung của ô.`,
  text_too_long: (p) =>
    `${subject(p, L)}: dài ${str(p.length)} ký tự, quá mức tối đa ${str(p.max)} ký tự. Hãy rút gọn.`,
  not_applicable_without_reason: (p) =>
    `${subject(p, L)}: đã ghi "không áp dụng" nhưng chưa nêu lý do. Hãy ghi lý do ở cột giải trình (ví dụ: "Phường không có đất nông nghiệp"), hoặc nhập số liệu.`,
  not_applicable_refused: (p) =>
    `${subject(p, L)}: bộ phận tổng hợp đã xác định chỉ tiêu này bắt buộc với đơn vị ${str(p.unitCode)}, không được ghi "không áp dụng". Hãy nhập số liệu (nếu bằng 0, hãy nhập 0).`,
  history_outlier: (p) =>
    `${subject(p, L)}: ${num(p.figure, L)} khác xa số liệu trước đây của đơn vị (${p.basis === "year_before" ? "cùng kỳ năm trước" : "các kỳ trước"}: ${str(p.earlier)}). Hãy kiểm tra lại; nếu đúng, ghi giải trình (ít nhất 10 ký tự) xác nhận số liệu.`,
  disagrees_with_months: (p) =>
    `${subject(p, L)}: số liệu kỳ này ${num(p.figure, L)} khác số tính từ ${str(p.months)} tháng đã báo cáo (${num(p.computed, L)}, cách tính: ${p.timeAggregation === "sum" ? "cộng dồn" : p.timeAggregation === "last" ? "số tháng cuối" : p.timeAggregation === "mean" ? "bình quân" : "tổng tử số / tổng mẫu số"}). Hãy kiểm tra lại hoặc ghi giải trình (ít nhất 10 ký tự).`,
};
