/**
 * Numbers as people type them in Vietnam and elsewhere: "12,5" and "12.5", "1.234,5" and "1,234.5", "12,5%",
 * "1 234" (space, no-break space or narrow no-break space between thousands), a leading "+", "-" or "−".
 * Blank is blank, never 0. A single separator followed by exactly three digits ("1.234", "1,234") is ambiguous:
 * it is read by the report's locale (vi: "." groups thousands and "," is the decimal mark; en: the reverse) and
 * flagged `ambiguous` so the caller can say so. A hand-written scanner: no regular expression per value.
 */
import type { Locale, ParsedNumber, RawValue } from "../types";

const BLANK: ParsedNumber = { kind: "blank" };
const POW10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
  1e21, 1e22,
];

const DOT = 46;
const COMMA = 44;
const SPACE = 1; // any space-like group separator

function isSpace(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 0xa0 ||
    c === 0x202f ||
    c === 0x2007 ||
    c === 0x2009 ||
    c === 0xfeff ||
    c === 10 ||
    c === 13
  );
}

function invalid(text: string): ParsedNumber {
  return { kind: "invalid", text };
}

/** Parse what a person typed (or a number a sheet holds). Never throws. */
export function parseNumber(raw: RawValue, locale: Locale): ParsedNumber {
  if (raw === null || raw === undefined) return BLANK;
  if (typeof raw === "number") {
    return Number.isFinite(raw)
      ? { kind: "number", value: raw, percentSign: false, ambiguous: false }
      : invalid(String(raw));
  }
  if (typeof raw !== "string") return invalid(String(raw));
  return parseNumberText(raw, locale);
}

function parseNumberText(text: string, locale: Locale): ParsedNumber {
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (start === end) return BLANK;

  let percentSign = false;
  if (text.charCodeAt(end - 1) === 37 /* % */) {
    percentSign = true;
    end--;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  }
  let negative = false;
  const s0 = text.charCodeAt(start);
  if (s0 === 45 /* - */ || s0 === 0x2212 /* − */ || s0 === 43 /* + */) {
    negative = s0 !== 43;
    start++;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
  }
  if (start === end) return invalid(text);

  // Split into digit groups and the separators between them. At most 8 groups are meaningful (1.234.567.890.123,…).
  const groupStart: number[] = [];
  const groupLen: number[] = [];
  const seps: number[] = [];
  let i = start;
  let curStart = start;
  let dots = 0;
  let commas = 0;
  let spaces = 0;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      i++;
      continue;
    }
    let sep: number;
    if (c === DOT) {
      sep = DOT;
      dots++;
    } else if (c === COMMA) {
      sep = COMMA;
      commas++;
    } else if (isSpace(c)) {
      sep = SPACE;
      spaces++;
    } else return invalid(text);
    groupStart.push(curStart);
    groupLen.push(i - curStart);
    seps.push(sep);
    i++;
    curStart = i;
  }
  groupStart.push(curStart);
  groupLen.push(end - curStart);
  const n = groupLen.length;
  // No empty group, except a leading one before a lone decimal mark (".5", ",5").
  for (let g = 0; g < n; g++) {
    if (groupLen[g] === 0 && !(g === 0 && n === 2 && seps[0] !== SPACE)) return invalid(text);
  }
  if (n > 1 && groupLen[n - 1] === 0) return invalid(text);

  // Which separator is the decimal mark (index into seps), if any.
  let decimalAt = -1;
  let ambiguous = false;
  if (seps.length > 0) {
    const last = seps[seps.length - 1];
    if (dots > 0 && commas > 0) {
      // Both marks: the last one is the decimal mark and occurs once; the other one groups thousands.
      if ((last === DOT ? dots : commas) !== 1) return invalid(text);
      decimalAt = seps.length - 1;
    } else if (dots + commas === 1) {
      if (last === SPACE) return invalid(text);
      if (spaces > 0) decimalAt = seps.length - 1;
      else if (groupLen[1] === 3 && groupLen[0] >= 1 && groupLen[0] <= 3 && text.charCodeAt(groupStart[0]) !== 48) {
        ambiguous = true;
        const decimalMark = locale === "vi" ? COMMA : DOT;
        decimalAt = last === decimalMark ? 0 : -1;
      } else decimalAt = 0;
    } else if (dots + commas > 1 && spaces > 0) return invalid(text);
    // else: only one kind repeated, or only spaces — all of them group thousands.
  }
  const intGroups = decimalAt === -1 ? n : decimalAt + 1;
  // Thousands groups: first 1–3 digits, the rest exactly 3, all joined by the same separator.
  if (intGroups > 1) {
    if (groupLen[0] < 1 || groupLen[0] > 3) return invalid(text);
    const groupSep = seps[0];
    for (let g = 1; g < intGroups; g++) {
      if (groupLen[g] !== 3 || seps[g - 1] !== groupSep) return invalid(text);
    }
  }
  // Accumulate digits; exact when the digits fit in 2^53 and the scale is a power of ten up to 22.
  let mantissa = 0;
  let digits = 0;
  let fraction = 0;
  for (let g = 0; g < n; g++) {
    const gs = groupStart[g];
    const ge = gs + groupLen[g];
    for (let k = gs; k < ge; k++) {
      mantissa = mantissa * 10 + (text.charCodeAt(k) - 48);
      digits++;
    }
    if (g >= intGroups) fraction += groupLen[g];
  }
  let value: number;
  if (mantissa <= Number.MAX_SAFE_INTEGER && fraction <= 22) {
    value = mantissa / POW10[fraction];
  } else {
    let str = "";
    for (let g = 0; g < n; g++) {
      if (g === intGroups) str += ".";
      str += text.substr(groupStart[g], groupLen[g]);
    }
    value = Number(str);
  }
  if (digits === 0 || !Number.isFinite(value)) return invalid(text);
  if (negative) value = -value;
  if (value === 0) value = 0; // no -0
  return { kind: "number", value, percentSign, ambiguous };
}

const SEPARATORS: Record<Locale, { group: string; decimal: string }> = {
  vi: { group: ".", decimal: "," },
  en: { group: ",", decimal: "." },
};

/** Plain decimal digits of |x| (no exponent), shortest form that reads back as x. */
function plainDigits(x: number): string {
  const s = String(Math.abs(x));
  const e = s.indexOf("e");
  if (e === -1) return s;
  const mant = s.slice(0, e).replace(".", "");
  const dot = s.indexOf(".");
  const exp = Number(s.slice(e + 1)) + ((dot === -1 || dot > e ? 1 : dot) - 1);
  // value = 0.mant × 10^(exp+1) with one leading digit before the point in mant[0]
  if (exp < 0) return `0.${"0".repeat(-exp - 1)}${mant}`;
  if (exp + 1 >= mant.length) return mant + "0".repeat(exp + 1 - mant.length);
  return `${mant.slice(0, exp + 1)}.${mant.slice(exp + 1)}`;
}

function group(intPart: string, sep: string): string {
  const n = intPart.length;
  if (n <= 3) return intPart;
  let head = n % 3 || 3;
  let out = intPart.slice(0, head);
  for (; head < n; head += 3) out += sep + intPart.slice(head, head + 3);
  return out;
}

/**
 * Format a number for a locale: "1.234,5" (vi) or "1,234.5" (en). Without maxFractionDigits every digit of the
 * shortest exact form is kept, so parseNumber(formatNumber(x, l), l) gives back x; with it, the number is rounded
 * to at most that many decimals (trailing zeros dropped).
 */
export function formatNumber(x: number, locale: Locale, maxFractionDigits?: number): string {
  if (!Number.isFinite(x)) return String(x);
  const { group: sep, decimal } = SEPARATORS[locale];
  const abs = Math.abs(x);
  let plain: string;
  if (Number.isInteger(abs) && abs < 1e21) plain = String(abs);
  else if (maxFractionDigits !== undefined && abs < 1e21) {
    const digits = Math.max(0, Math.min(20, Math.floor(maxFractionDigits)));
    plain = abs.toFixed(digits);
    if (plain.indexOf(".") !== -1) {
      let end = plain.length;
      while (plain.charCodeAt(end - 1) === 48) end--;
      if (plain.charCodeAt(end - 1) === DOT) end--;
      plain = plain.slice(0, end);
    }
  } else plain = plainDigits(abs);
  if (plain === "0") return "0";
  const dot = plain.indexOf(".");
  const body = dot === -1 ? group(plain, sep) : group(plain.slice(0, dot), sep) + decimal + plain.slice(dot + 1);
  return x < 0 ? "-" + body : body;
}
