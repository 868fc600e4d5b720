/** The narrative tab's texts (Thuyết minh), Vietnamese first; spread into the one catalogue (messages.ts). */
import type { Bilingual } from "../../../domain/types";
import { registerMessages } from "../registry";

export const NARRATIVE_MESSAGES = {
  "tabs.narrative": { vi: "Thuyết minh", en: "Narrative" },
  "narrative.heading": { vi: "Báo cáo thuyết minh", en: "Narrative of the report" },
  "narrative.hint": {
    vi: "Bốn phần, mỗi phần tối đa {max} ký tự; ghi vào trang ThuyetMinh của sổ và gửi cùng báo cáo.",
    en: "Four parts, each at most {max} characters; kept on the workbook's ThuyetMinh sheet and sent with the report.",
  },
  "narrative.count": { vi: "{count}/{max} ký tự", en: "{count}/{max} characters" },
  "narrative.tooLong": {
    vi: "{part} (ô {cell}) dài {count} ký tự, quá {max} ký tự cho phép. Hãy rút gọn.",
    en: "{part} (cell {cell}) is {count} characters long, more than the {max} allowed. Shorten it.",
  },
  "narrative.saved": { vi: "Đã ghi vào sổ.", en: "Saved in the workbook." },
  "narrative.unavailable": {
    vi: "Sổ này chưa có trang ThuyetMinh; mở lại báo cáo để thêm trang.",
    en: "This workbook has no ThuyetMinh sheet yet; open the report again to add it.",
  },
  "narrative.readOnly": {
    vi: "Báo cáo đã được chấp nhận và khoá: chỉ xem.",
    en: "The report is accepted and locked: read only.",
  },
} as const satisfies Record<string, Bilingual>;

// registered: loaded with the views that use it, not at start-up (../registry.ts)
registerMessages(NARRATIVE_MESSAGES);
