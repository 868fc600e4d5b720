/**
 * The unit's own last periods beside each figure of the clerk's form (issue 21, item 4): texts of
 * src/taskpane/components/recent-values, Vietnamese first.
 */
import { registerMessages } from "../registry";

export const RECENT_VALUES_MESSAGES = {
  "recent.heading": { vi: "Các kỳ trước", en: "Last periods" },
  "recent.label": {
    vi: "{target}, {count} kỳ trước của đơn vị: {items}.",
    en: "{target}, the unit's last {count} periods: {items}.",
  },
  "recent.item": { vi: "{period}: {value}", en: "{period}: {value}" },
  "recent.na": { vi: "N/A", en: "N/A" },
  "recent.na.long": { vi: "không áp dụng", en: "not applicable" },
  "recent.missing": { vi: "thiếu", en: "missing" },
  "recent.missing.long": { vi: "chưa báo cáo", en: "not reported" },
  "recent.notDue": { vi: "chưa đến hạn", en: "not due" },
  "recent.notDue.long": { vi: "chưa đến hạn báo cáo", en: "not yet due" },
  "recent.up": { vi: "Tăng so với kỳ trước.", en: "Up on the period before." },
  "recent.down": { vi: "Giảm so với kỳ trước.", en: "Down on the period before." },
  "recent.flat": { vi: "Không đổi so với kỳ trước.", en: "Unchanged on the period before." },
  "recent.better": { vi: "Tốt hơn.", en: "Better." },
  "recent.worse": { vi: "Kém đi.", en: "Worse." },
  "recent.month": { vi: "T{month}", en: "{monthName}" },
  "recent.quarter": { vi: "Quý {roman}", en: "Q{index}" },
  "recent.half1": { vi: "6T đầu {year}", en: "H1 {year}" },
  "recent.half2": { vi: "6T cuối {year}", en: "H2 {year}" },
  "recent.year": { vi: "Năm {year}", en: "{year}" },
} as const;

// registered: loaded with the views that use it, not at start-up (../registry.ts)
registerMessages(RECENT_VALUES_MESSAGES);
