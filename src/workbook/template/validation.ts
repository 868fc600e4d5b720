/**
 * The data validation of each input cell: kind, bounds, input message and stop alert (vi + en).
 *
 * A figure that may be answered "not applicable" (its primary field — value, numerator or milestone — unless a
 * planner made the target always required for the unit) takes `không áp dụng` / `N/A` in any case as well as a
 * number: a custom rule (`customFormula`) instead of Excel's decimal or whole-number rule, which refuses any text.
 */
import {
  MILESTONE_LABELS,
  TEXT_LIMITS,
  primaryField,
  type Bilingual,
  type EntryField,
  type Target,
} from "../../domain";
import { splitAddress } from "../a1";
import { UNIT_INPUTS, type UnitField } from "./layout";
import type { ValidationSpec } from "./spec";
import { HEADERS, UNIT_LABELS } from "./texts";

/** What the cell's rule accepts as "not applicable", compared after LOWER(TRIM()) (the domain reads the same words). */
export const NOT_APPLICABLE_WORDS: readonly string[] = ["không áp dụng", "khong ap dung", "n/a"];
/** The milestone list's extra entry where N/A may be answered. */
export const NOT_APPLICABLE_LABEL = "Không áp dụng";

export interface ValidationOptions {
  /** the primary field may be answered "not applicable" (default true; false where a planner made it required) */
  notApplicable?: boolean;
}

/**
 * The custom rule of a figure cell at `address` ("G12" or "Nhap!G12"), in Excel's file syntax (en-US function names,
 * `,` separators, no leading `=`): a number within the bounds, or one of NOT_APPLICABLE_WORDS in any case. IF keeps
 * the number checks away from text (INT of a text is #VALUE!, which a validation takes as a refusal).
 */
export function customFormula(v: Pick<ValidationSpec, "min" | "max" | "number">, address: string): string {
  const { column, row } = splitAddress(address.slice(address.indexOf("!") + 1));
  const c = `${column}${row}`;
  const checks: string[] = [];
  if (v.min !== undefined) checks.push(`${c}>=${v.min}`);
  if (v.max !== undefined) checks.push(`${c}<=${v.max}`);
  if (v.number === "whole") checks.push(`${c}=INT(${c})`);
  const number = checks.length === 0 ? "TRUE" : checks.length === 1 ? checks[0] : `AND(${checks.join(",")})`;
  const words = NOT_APPLICABLE_WORDS.map((w) => `LOWER(TRIM(${c}))="${w}"`).join(",");
  return `IF(ISNUMBER(${c}),${number},OR(${words}))`;
}

const NA_VI = "hoặc “không áp dụng” (ghi lý do ở cột Giải trình)";
const NA_EN = "or “N/A” (reason in Justification)";
const NA_REFUSED_VI = "Bắt buộc báo cáo: không được ghi “không áp dụng”.";
const NA_REFUSED_EN = "Required: N/A is not accepted.";

/** A number rule, turned into the custom rule that also takes N/A when `na` says so. */
function figureRule(
  rule: Omit<ValidationSpec, "address">,
  na: "accept" | "refuse" | "none",
): Omit<ValidationSpec, "address"> {
  if (na === "none") return rule;
  const join = (a: string, b: string) => `${a}\n${b}`;
  const [pVi, pEn] = rule.prompt.text.split("\n");
  const [eVi, eEn] = rule.error.text.split("\n");
  if (na === "refuse")
    return { ...rule, prompt: { ...rule.prompt, text: join(`${pVi} ${NA_REFUSED_VI}`, `${pEn} ${NA_REFUSED_EN}`) } };
  const number = rule.kind === "whole" ? "whole" : "decimal";
  return {
    ...rule,
    kind: "custom",
    number,
    prompt: { ...rule.prompt, text: join(`${pVi} Có thể ghi “không áp dụng”.`, `${pEn} May be “N/A”.`) },
    error: {
      ...rule.error,
      text: join(`${eVi.replace(/\.$/, "")}, ${NA_VI}.`, `${eEn.replace(/\.$/, "")}, ${NA_EN}.`),
    },
  };
}

export function validationFor(
  t: Target,
  field: EntryField,
  opts: ValidationOptions = {},
): Omit<ValidationSpec, "address"> {
  const na = field !== primaryField(t) ? "none" : opts.notApplicable === false ? "refuse" : "accept";
  if (field === "milestone") return milestoneRule(na);
  return figureRule(baseRule(t, field), na);
}

const text = (vi: string, en: string, title: Bilingual) => ({ title: title.vi, text: `${vi}\n${en}` });
const numTitle: Bilingual = { vi: "Số liệu", en: "Figure" };
const errTitle: Bilingual = { vi: "Giá trị không hợp lệ", en: "Invalid value" };

function milestoneRule(na: "accept" | "refuse" | "none"): Omit<ValidationSpec, "address"> {
  const list = MILESTONE_LABELS.map((m) => m.vi);
  const en = MILESTONE_LABELS.map((m) => m.en);
  if (na === "accept") {
    list.push(NOT_APPLICABLE_LABEL);
    en.push("N/A");
  }
  return {
    kind: "list",
    list,
    prompt: text(`Chọn: ${list.join(" / ")}.`, `Pick: ${en.join(" / ")}.`, { vi: "Tiến độ mốc", en: "Milestone" }),
    error: text(`Chỉ chọn một trong: ${list.join(", ")}.`, "Pick one value from the list.", errTitle),
  };
}

function baseRule(t: Target, field: EntryField): Omit<ValidationSpec, "address"> {
  if (field === "justification" || field === "evidence" || field === "responsible") {
    const label = HEADERS[field];
    // the rules' and the endpoint's own limit for this field (TEXT_LIMITS), so the cell stops what they would refuse
    const max = TEXT_LIMITS[field];
    return {
      kind: "textLength",
      min: 0,
      max,
      prompt: text(`${label.vi}: tối đa ${max} ký tự.`, `${label.en}: at most ${max} characters.`, label),
      error: text(`Nội dung dài quá ${max} ký tự.`, `The text is longer than ${max} characters.`, errTitle),
    };
  }
  if (field === "numerator" || field === "denominator") {
    const label = field === "numerator" ? t.numeratorLabel : t.denominatorLabel;
    const vi = `${field === "numerator" ? "Tử số" : "Mẫu số"}${label ? `: ${label}` : ""}. Số không âm${field === "denominator" ? ", lớn hơn 0" : ""}.`;
    const labelEn = field === "numerator" ? t.numeratorLabelEn : t.denominatorLabelEn;
    const en = `${field === "numerator" ? "Numerator" : "Denominator"}${labelEn ? `: ${labelEn}` : ""}: a number ≥ 0${field === "denominator" ? ", above 0" : ""}.`;
    return {
      kind: "decimal",
      min: 0,
      prompt: text(vi, en, numTitle),
      error: text("Phải là số không âm (ví dụ 1250 hoặc 12,5).", "Must be a number ≥ 0 (e.g. 1250 or 12.5).", errTitle),
    };
  }
  switch (t.measure) {
    case "percent":
      return {
        kind: "decimal",
        min: 0,
        max: 100,
        prompt: text(
          "Tỷ lệ phần trăm từ 0 đến 100 (ví dụ 12,5 nghĩa là 12,5%).",
          "A percentage from 0 to 100 (12.5 means 12.5%).",
          numTitle,
        ),
        error: text("Tỷ lệ phải từ 0 đến 100.", "The percentage must be between 0 and 100.", errTitle),
      };
    case "rate":
      return {
        kind: "decimal",
        min: -100,
        max: 1000,
        prompt: text(
          "Tốc độ tăng (%), có thể âm, từ -100 đến 1000.",
          "Growth rate (%), may be negative, from -100 to 1000.",
          numTitle,
        ),
        error: text(
          "Tốc độ tăng phải từ -100 đến 1000 (%).",
          "The growth rate must be between -100 and 1000 (%).",
          errTitle,
        ),
      };
    case "count":
      return {
        kind: "whole",
        min: 0,
        prompt: text("Số nguyên không âm (ví dụ 125).", "A whole number ≥ 0 (e.g. 125).", numTitle),
        error: text("Phải là số nguyên không âm.", "Must be a whole number ≥ 0.", errTitle),
      };
    default:
      return {
        kind: "decimal",
        min: 0,
        prompt: text("Số không âm (ví dụ 12,5).", "A number ≥ 0 (e.g. 12.5).", numTitle),
        error: text("Phải là số không âm.", "Must be a number ≥ 0.", errTitle),
      };
  }
}

/** The unit sheet's validation of a field: the number style from a list, contacts within 200 characters. */
export function unitValidation(f: UnitField, address: string): ValidationSpec | null {
  if (f === "locale") {
    return {
      address,
      kind: "list",
      list: ["vi", "en"],
      prompt: { title: "Kiểu ghi số", text: "vi: 1.234,5 (dấu phẩy thập phân)\nen: 1,234.5 (decimal point)" },
      error: { title: "Giá trị không hợp lệ", text: "Chọn vi hoặc en.\nPick vi or en." },
    };
  }
  if (!UNIT_INPUTS.includes(f)) return null;
  return {
    address,
    kind: "textLength",
    min: 0,
    max: 200,
    prompt: {
      title: UNIT_LABELS[f].vi.replace(/ \(.*$/, ""),
      text: `${UNIT_LABELS[f].vi} (bắt buộc).\n${UNIT_LABELS[f].en} (required).`,
    },
    error: { title: "Giá trị không hợp lệ", text: "Tối đa 200 ký tự.\nAt most 200 characters." },
  };
}
