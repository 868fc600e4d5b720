/** Display names for the catalog's codes (group ids, bottlenecks, source statuses), Vietnamese first. */
import type { Bilingual, Bottleneck, GroupId, MeasureKind, TargetSourceStatus } from "../types";

/** Group names are ours: the official appendix was not available. */
export const GROUP_NAMES: Record<GroupId, Bilingual> = {
  economy: { vi: "Kinh tế", en: "Economy" },
  society: { vi: "Văn hóa - Xã hội", en: "Society" },
  urban_environment: { vi: "Đô thị và Môi trường", en: "Urban development and environment" },
  party_building: { vi: "Xây dựng Đảng và hệ thống chính trị", en: "Party building and the political system" },
};

/** The five bottlenecks the city must relieve. */
export const BOTTLENECK_NAMES: Record<Bottleneck, Bilingual> = {
  traffic: { vi: "Ùn tắc giao thông", en: "Traffic congestion" },
  urban_order: { vi: "Trật tự đô thị", en: "Urban order" },
  flooding: { vi: "Úng ngập", en: "Flooding" },
  pollution: { vi: "Ô nhiễm môi trường", en: "Environmental pollution" },
  food_safety: { vi: "An toàn thực phẩm", en: "Food safety" },
};

/** How far a target's value is confirmed — shown to users next to every target. */
export const SOURCE_STATUS_NAMES: Record<TargetSourceStatus, Bilingual> = {
  "verified-congress": {
    vi: "Đã xác minh: Đại hội XVIII / phụ lục 43 chỉ tiêu",
    en: "Verified: 18th Party Congress / the 43-target appendix",
  },
  "verified-plan-2026": {
    vi: "Đã xác minh: kế hoạch năm 2026 (NQ 482/NQ-HĐND), chưa xác nhận thuộc 43 chỉ tiêu",
    en: "Verified: the 2026 plan (Res. 482/NQ-HĐND), not confirmed among the 43",
  },
  verified: { vi: "Đã xác minh (danh mục cũ)", en: "Verified (older catalog)" },
  "verified-en": { vi: "Đã xác minh (qua bản tiếng Anh)", en: "Verified (English report only)" },
  partial: {
    vi: "Nêu tại Đại hội, chưa xác nhận thuộc 43 chỉ tiêu",
    en: "Stated at the Congress, not confirmed among the 43",
  },
  candidate: { vi: "Chỉ tiêu tạm (từ văn bản khác)", en: "Provisional (from another document)" },
  "unknown-value": { vi: "Chưa có giá trị chỉ tiêu", en: "No target value found" },
};

export const MEASURE_NAMES: Record<MeasureKind, Bilingual> = {
  rate: { vi: "Tốc độ tăng (%)", en: "Growth rate (%)" },
  percent: { vi: "Tỷ lệ (%)", en: "Share (%)" },
  amount: { vi: "Giá trị", en: "Amount" },
  count: { vi: "Số lượng (số nguyên)", en: "Count (whole number)" },
  index: { vi: "Chỉ số", en: "Index" },
  milestone: { vi: "Mốc hoàn thành", en: "Milestone" },
};

export const GROUP_IDS_SET: ReadonlySet<string> = new Set(Object.keys(GROUP_NAMES));
export const BOTTLENECK_IDS_SET: ReadonlySet<string> = new Set(Object.keys(BOTTLENECK_NAMES));
