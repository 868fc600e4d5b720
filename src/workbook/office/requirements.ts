/**
 * Which Excel the add-in runs in. Chỉ tiêu needs ExcelApi 1.8 (data validation; it brings 1.7's named-item formulas,
 * tab colours, frozen panes and onChanged, 1.6's conditional formats and 1.5's custom XML parts). Print setup
 * (page layout, repeated title rows) needs ExcelApi 1.9 and is skipped, and said so, where only 1.8 exists.
 */
import type { Bilingual } from "../../domain";

export const REQUIRED_SET = { name: "ExcelApi", version: "1.8" } as const;
export const PRINT_SETUP_SET = { name: "ExcelApi", version: "1.9" } as const;

export interface OfficeFeatures {
  /** ExcelApi 1.9: page layout (A4 landscape, fit to width, repeated title rows) */
  printSetup: boolean;
}

export interface RequirementCheck {
  ok: boolean;
  missing: string[];
  features: OfficeFeatures;
  /** what to tell the user when ok is false (or when an optional feature is missing) */
  message: Bilingual | null;
}

type RequirementsLike = { isSetSupported(name: string, minVersion?: string): boolean };

function requirements(): RequirementsLike | null {
  if (typeof Office === "undefined" || !Office.context || !Office.context.requirements) return null;
  return Office.context.requirements;
}

export function checkRequirements(): RequirementCheck {
  const req = requirements();
  if (!req) {
    return {
      ok: false,
      missing: ["Office.js"],
      features: { printSetup: false },
      message: {
        vi: "Chỉ tiêu đang chạy ngoài Excel (không có Office.js). Hãy mở bổ trợ từ thẻ Trang đầu trong Excel, hoặc dùng bản xem trước trên trình duyệt.",
        en: "Chỉ tiêu is running outside Excel (no Office.js). Open the add-in from the Home tab in Excel, or use the browser preview.",
      },
    };
  }
  const ok = req.isSetSupported(REQUIRED_SET.name, REQUIRED_SET.version);
  const printSetup = ok && req.isSetSupported(PRINT_SETUP_SET.name, PRINT_SETUP_SET.version);
  if (!ok) {
    return {
      ok: false,
      missing: [`${REQUIRED_SET.name} ${REQUIRED_SET.version}`],
      features: { printSetup: false },
      message: {
        vi: `Phiên bản Excel này quá cũ cho Chỉ tiêu: cần bộ API ${REQUIRED_SET.name} ${REQUIRED_SET.version} (kiểm tra dữ liệu nhập). Hãy dùng Excel cho Microsoft 365, Excel 2019 trở lên hoặc Excel trên web.`,
        en: `This version of Excel is too old for Chỉ tiêu: it needs the ${REQUIRED_SET.name} ${REQUIRED_SET.version} API set (data validation). Use Excel for Microsoft 365, Excel 2019 or later, or Excel on the web.`,
      },
    };
  }
  return {
    ok: true,
    missing: [],
    features: { printSetup },
    message: printSetup
      ? null
      : {
          vi: `Excel này chưa hỗ trợ ${PRINT_SETUP_SET.name} ${PRINT_SETUP_SET.version}: mẫu vẫn dùng được, nhưng phần thiết lập in (A4 ngang, lặp dòng tiêu đề) cần đặt tay.`,
          en: `This Excel lacks ${PRINT_SETUP_SET.name} ${PRINT_SETUP_SET.version}: the template works, but print setup (A4 landscape, repeated title rows) must be set by hand.`,
        },
  };
}
