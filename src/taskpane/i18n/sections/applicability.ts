/**
 * Issue 14's texts in the pane: the clerk's form (which target applies and from where, the "not applicable" answer)
 * and the planner's applicability editor (unit search, the unit × target table, saving, importing a file).
 */
import type { Bilingual } from "../../../domain/types";

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
} as const satisfies Record<string, Bilingual>;
