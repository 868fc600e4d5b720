/** The planner's trend workbook (issue 21): texts of src/taskpane/components/trend, Vietnamese first. */
import { registerMessages } from "../registry";

export const TREND_MESSAGES = {
  "trend.heading": { vi: "Xu hướng theo kỳ", en: "Trends by period" },
  "trend.hint": {
    vi: "Ghi sổ xu hướng: giá trị thành phố từng kỳ so với nhịp chỉ tiêu, điểm nghẽn, thay đổi của từng đơn vị, biểu đồ đường.",
    en: "Writes the trend workbook: the city figure per period against its pace, bottlenecks, each unit's change, line charts.",
  },
  "trend.from": { vi: "Từ kỳ", en: "From" },
  "trend.to": { vi: "Đến kỳ", en: "To" },
  "trend.write": { vi: "Ghi sổ xu hướng vào sổ này", en: "Write the trend workbook into this workbook" },
  "trend.fetching": { vi: "Đang lấy số liệu các kỳ từ máy chủ…", en: "Fetching the periods from the endpoint…" },
  "trend.writing": { vi: "Đang ghi vào sổ ({done}/{total})…", en: "Writing into the workbook ({done}/{total})…" },
  "trend.done": {
    vi: "Đã ghi {sheets} trang, {charts} biểu đồ ({from}–{to}).",
    en: "Wrote {sheets} sheets and {charts} charts ({from}–{to}).",
  },
  "trend.rangeInvalid": {
    vi: "Kỳ không hợp lệ: nhập hai kỳ cùng loại, ví dụ 2026-01 và 2026-12, hoặc 2026-Q1 và 2026-Q4.",
    en: "Not a valid range: give two periods of one kind, e.g. 2026-01 and 2026-12, or 2026-Q1 and 2026-Q4.",
  },
  "trend.failed": { vi: "Không ghi được sổ xu hướng: {reason}", en: "Could not write the trend workbook: {reason}" },
} as const;

// registered: loaded with the views that use it, not at start-up (../registry.ts)
registerMessages(TREND_MESSAGES);
