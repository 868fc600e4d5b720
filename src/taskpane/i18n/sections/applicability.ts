/**
 * Issue 14's texts in the pane: the clerk's form (which target applies and from where, the "not applicable" answer)
 * and the planner's applicability editor (unit search, the unit × target table, saving, importing a file).
 */
import type { Bilingual } from "../../../domain/types";
import { registerMessages } from "../registry";

export const APPLICABILITY_MESSAGES = {
  "form.applied.assigned": {
    vi: "Chỉ tiêu giao cho đơn vị theo Quyết định {decision}",
    en: "Target assigned to the unit by Decision {decision}",
  },
  "form.applied.city": { vi: "Áp dụng chỉ tiêu của thành phố", en: "The city's target applies" },
  "form.applied.cityTotal": {
    vi: "Chỉ tiêu của thành phố (tính trên tổng các đơn vị); đơn vị chưa được giao chỉ tiêu riêng",
    en: "The city's target (judged on the sum of units); no target assigned to the unit",
  },
  "form.applied.none": { vi: "Chưa có chỉ tiêu cho năm này", en: "No target set for this year" },
  "form.na.toggle": { vi: "{target} · Không áp dụng cho đơn vị", en: "{target} · Not applicable to the unit" },
  "form.na.word": { vi: "không áp dụng", en: "N/A" },
  "form.na.reason": { vi: "{target} · Lý do không áp dụng", en: "{target} · Why it does not apply" },
  "form.na.reasonHint": {
    vi: "Bắt buộc, ví dụ: “Phường không có đất nông nghiệp”.",
    en: "Required, e.g. “The ward has no farmland”.",
  },
  "form.na.required": {
    vi: "Bắt buộc báo cáo với đơn vị (do cán bộ tổng hợp xác định): không được ghi “không áp dụng”.",
    en: "Required of the unit (set by the planners): “not applicable” is not accepted.",
  },
  "form.na.plannerSelects": {
    vi: "Cán bộ tổng hợp chưa xác định đơn vị có báo cáo chỉ tiêu này không: nếu không áp dụng, đánh dấu và ghi lý do.",
    en: "The planners have not yet said whether the unit reports this target: if it does not apply, mark it and say why.",
  },
  "applic.open": { vi: "Đơn vị báo cáo chỉ tiêu nào", en: "Which units report which target" },
  "applic.close": { vi: "Đóng bảng áp dụng", en: "Close the applicability table" },
  "applic.heading": { vi: "Áp dụng chỉ tiêu theo đơn vị", en: "Targets by unit" },
  "applic.intro": {
    vi: "Chọn đơn vị, xem chỉ tiêu nào đơn vị phải báo cáo, rồi đổi từ một kỳ trở đi (các kỳ trước không đổi).",
    en: "Pick a unit, see which targets it reports, and change them from a period on (earlier periods do not change).",
  },
  "applic.period": { vi: "Xem theo kỳ", en: "As of period" },
  "applic.periodInvalid": {
    vi: "Kỳ không hợp lệ: dùng 2026-01, 2026-Q1, 2026-H1 hoặc 2026.",
    en: "Not a period: use 2026-01, 2026-Q1, 2026-H1 or 2026.",
  },
  "applic.search": { vi: "Tìm đơn vị (mã hoặc tên)", en: "Find a unit (code or name)" },
  "applic.searchHint": { vi: "Ví dụ 00004 hoặc Ba Đình", en: "e.g. 00004 or Ba Dinh" },
  "applic.noMatch": { vi: "Không có đơn vị nào khớp.", en: "No unit matches." },
  "applic.matches": { vi: "Đơn vị khớp ({count})", en: "Matching units ({count})" },
  "applic.loading": { vi: "Đang tải…", en: "Loading…" },
  "applic.unitHeading": { vi: "{unit} — kỳ {period}", en: "{unit} — period {period}" },
  "applic.state.applies": { vi: "Áp dụng", en: "Applies" },
  "applic.state.not_applicable": { vi: "Không áp dụng", en: "Not applicable" },
  "applic.state.always_required": { vi: "Bắt buộc (không được ghi N/A)", en: "Always required (no N/A)" },
  "applic.source.catalog": { vi: "mặc định theo danh mục", en: "catalog default" },
  "applic.source.planner": { vi: "do cán bộ tổng hợp chọn từ kỳ {from}", en: "set by the planners from {from}" },
  "applic.due": { vi: "kỳ này phải báo cáo", en: "due this period" },
  "applic.notDue": { vi: "kỳ này không đến hạn", en: "not due this period" },
  "applic.changed": { vi: "đã đổi, chưa lưu", en: "changed, not saved" },
  "applic.from": { vi: "Áp dụng thay đổi từ kỳ", en: "Changes hold from period" },
  "applic.fromHint": {
    vi: "Các kỳ bắt đầu trước kỳ này không đổi.",
    en: "Periods that start before it do not change.",
  },
  "applic.note": { vi: "Ghi chú (lý do)", en: "Note (reason)" },
  "applic.save": { vi: "Lưu {count} thay đổi", en: "Save {count} changes" },
  "applic.saved": {
    vi: "Đã lưu {count} lựa chọn, áp dụng từ kỳ {from}.",
    en: "Saved {count} choices, in force from {from}.",
  },
  "applic.importHeading": { vi: "Nhập bảng áp dụng từ tệp", en: "Import the table from a file" },
  "applic.importLabel": {
    vi: "Tệp .csv hoặc .xlsx: unit_code, target_id, state, from, note",
    en: ".csv or .xlsx file: unit_code, target_id, state, from, note",
  },
  "applic.importBad": {
    vi: "Tệp bị từ chối: {count} dòng sai, không có gì được lưu. Sửa từng dòng dưới đây rồi chọn lại tệp.",
    en: "The file is refused: {count} bad rows, nothing stored. Fix each row below, then pick the file again.",
  },
  "applic.importRow": { vi: "Dòng {row}, cột {column}: {message}", en: "Row {row}, column {column}: {message}" },
  "applic.importReady": { vi: "{count} dòng hợp lệ.", en: "{count} valid rows." },
  "applic.importSend": { vi: "Nhập {count} lựa chọn", en: "Import {count} choices" },
  "applic.imported": { vi: "Đã nhập {count} lựa chọn.", en: "Imported {count} choices." },
} as const satisfies Record<string, Bilingual>;

// registered: loaded with the views that use it, not at start-up (../registry.ts)
registerMessages(APPLICABILITY_MESSAGES);
