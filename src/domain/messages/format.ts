/** Small helpers the message catalogues share: numbers in the message's locale, where the problem is. */
import type { Locale } from "../types";
import * as number from "../rules/number";

// A local binding, taken once: cheaper per call than a live import binding in CommonJS output.
const formatNumber = number.formatNumber;

export type MessageParams = Record<string, string | number | boolean | null>;

export function num(v: string | number | boolean | null | undefined, locale: Locale): string {
  if (typeof v === "number") return formatNumber(v, locale, 4);
  return v === null || v === undefined ? "" : String(v);
}

export function str(v: string | number | boolean | null | undefined): string {
  return v === null || v === undefined ? "" : String(v);
}

const FIELD_NAMES: Record<string, { vi: string; en: string }> = {
  value: { vi: "giá trị", en: "value" },
  numerator: { vi: "tử số", en: "numerator" },
  denominator: { vi: "mẫu số", en: "denominator" },
  milestone: { vi: "tiến độ", en: "progress" },
  justification: { vi: "giải trình", en: "justification" },
  evidence: { vi: "nguồn/minh chứng", en: "evidence" },
  responsible: { vi: "người chịu trách nhiệm", en: "person responsible" },
  targetId: { vi: "mã chỉ tiêu", en: "target id" },
};

export function fieldName(field: string | number | boolean | null | undefined, locale: Locale): string {
  const f = FIELD_NAMES[str(field)];
  return f ? f[locale] : str(field);
}

/** " (ô Nhap!F12)" / " (cell Nhap!F12)", or "" when the cell is unknown. */
export function at(p: MessageParams, locale: Locale): string {
  if (!p.cell) return "";
  return locale === "vi" ? ` (ô ${p.cell})` : ` (cell ${p.cell})`;
}

/** "Chỉ tiêu E01" / "Target E01", with the field when there is one. */
export function subject(p: MessageParams, locale: Locale): string {
  const field = p.field ? ` — ${fieldName(p.field, locale)}` : "";
  return (locale === "vi" ? `Chỉ tiêu ${str(p.targetId)}` : `Target ${str(p.targetId)}`) + field + at(p, locale);
}

const DIRECTION: Record<string, { vi: string; en: string }> = {
  ">=": { vi: "tối thiểu", en: "at least" },
  ">": { vi: "trên", en: "above" },
  "<=": { vi: "tối đa", en: "at most" },
  "<": { vi: "dưới", en: "below" },
  done_by: { vi: "hoàn thành trước", en: "done by" },
};

export function direction(d: string | number | boolean | null | undefined, locale: Locale): string {
  return DIRECTION[str(d)]?.[locale] ?? str(d);
}

/** "11%/năm", "730 nghìn tỷ đồng" — a number with its unit of measure (`unitKey` names the param holding it). */
export function withUnit(
  v: string | number | boolean | null | undefined,
  p: MessageParams,
  locale: Locale,
  unitKey = "unitOfMeasure",
): string {
  // English messages take the catalog's English unit (unit_en) when the params carry it
  const u = (locale === "en" ? str(p[`${unitKey}En`]) : "") || str(p[unitKey]);
  if (!u) return num(v, locale);
  return u.startsWith("%") ? `${num(v, locale)}${u}` : `${num(v, locale)} ${u}`;
}

/** "Chỉ tiêu E01 (ô Nhap!F12)" — the target without the field, for status messages. */
export function targetOnly(p: MessageParams, locale: Locale): string {
  return (locale === "vi" ? `Chỉ tiêu ${str(p.targetId)}` : `Target ${str(p.targetId)}`) + at(p, locale);
}

/** An unambiguous rendering of a number read from an ambiguous text: "số nguyên 1234" / "số thập phân 1,234". */
export function readAs(v: string | number | boolean | null | undefined, locale: Locale): string {
  if (typeof v !== "number") return str(v);
  if (Number.isInteger(v)) return locale === "vi" ? `số nguyên ${v}` : `the whole number ${v}`;
  return locale === "vi" ? `số thập phân ${num(v, locale)}` : `the decimal ${num(v, locale)}`;
}
