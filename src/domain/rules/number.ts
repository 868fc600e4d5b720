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

export const SCAN_BLANK = 0;
export const SCAN_NUMBER = 1;
export const SCAN_INVALID = 2;
export type ScanKind = typeof SCAN_BLANK | typeof SCAN_NUMBER | typeof SCAN_INVALID;

/** What the last scanNumber() found when it returned SCAN_NUMBER (module scratch: no allocation per value). */
export const scanned = { value: 0, percentSign: false, ambiguous: false };

/** The allocation-free core of parseNumber, for validate(): the result is in `scanned`. */
export function scanNumber(raw: RawValue, locale: Locale): ScanKind {
  if (raw === null || raw === undefined) return SCAN_BLANK;
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return SCAN_INVALID;
    scanned.value = raw;
    scanned.percentSign = false;
    scanned.ambiguous = false;
    return SCAN_NUMBER;
  }
  if (typeof raw !== "string") return SCAN_INVALID;
  return scanText(raw, locale);
}

/** Parse what a person typed (or a number a sheet holds). Never throws. */
export function parseNumber(raw: RawValue, locale: Locale): ParsedNumber {
  const kind = scanNumber(raw, locale);
  if (kind === SCAN_BLANK) return BLANK;
  if (kind === SCAN_INVALID) return { kind: "invalid", text: String(raw) };
  return { kind: "number", value: scanned.value, percentSign: scanned.percentSign, ambiguous: scanned.ambiguous };
}

/** Scratch for the scanner: 256 groups hold any double written out in full (1.8e308 has 103). */
const MAX_GROUPS = 256;
const GROUP_START: number[] = new Array<number>(MAX_GROUPS).fill(0);
const GROUP_LEN: number[] = new Array<number>(MAX_GROUPS).fill(0);
const SEPS: number[] = new Array<number>(MAX_GROUPS).fill(0);

function scanText(text: string, locale: Locale): ScanKind {
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (start === end) return SCAN_BLANK;

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
  if (start === end) return SCAN_INVALID;

  // Split into digit groups and the separators between them (into the reused scratch arrays).
  const groupStart = GROUP_START;
  const groupLen = GROUP_LEN;
  const seps = SEPS;
  let n = 0;
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
    } else return SCAN_INVALID;
    if (n >= MAX_GROUPS - 1) return SCAN_INVALID;
    groupStart[n] = curStart;
    groupLen[n] = i - curStart;
    seps[n] = sep;
    n++;
    i++;
    curStart = i;
  }
  groupStart[n] = curStart;
  groupLen[n] = end - curStart;
  n++;
  const sepCount = n - 1;
  // No empty group, except a leading one before a lone decimal mark (".5", ",5").
  for (let g = 0; g < n; g++) {
    if (groupLen[g] === 0 && !(g === 0 && n === 2 && seps[0] !== SPACE)) return SCAN_INVALID;
  }
  if (n > 1 && groupLen[n - 1] === 0) return SCAN_INVALID;

  // Which separator is the decimal mark (index into seps), if any.
  let decimalAt = -1;
  let ambiguous = false;
  if (sepCount > 0) {
    const last = seps[sepCount - 1]!;
    if (dots > 0 && commas > 0) {
      // Both marks: the last one is the decimal mark and occurs once; the other one groups thousands.
      if ((last === DOT ? dots : commas) !== 1) return SCAN_INVALID;
      decimalAt = sepCount - 1;
    } else if (dots + commas === 1) {
      if (last === SPACE) return SCAN_INVALID;
      if (spaces > 0) decimalAt = sepCount - 1;
      else if (groupLen[1] === 3 && groupLen[0]! >= 1 && groupLen[0]! <= 3 && text.charCodeAt(groupStart[0]!) !== 48) {
        ambiguous = true;
        const decimalMark = locale === "vi" ? COMMA : DOT;
        decimalAt = last === decimalMark ? 0 : -1;
      } else decimalAt = 0;
    } else if (dots + commas > 1 && spaces > 0) return SCAN_INVALID;
    // else: only one kind repeated, or only spaces — all of them group thousands.
  }
  const intGroups = decimalAt === -1 ? n : decimalAt + 1;
  // Thousands groups: first 1–3 digits, the rest exactly 3, all joined by the same separator.
  if (intGroups > 1) {
    if (groupLen[0]! < 1 || groupLen[0]! > 3) return SCAN_INVALID;
    const groupSep = seps[0]!;
    for (let g = 1; g < intGroups; g++) {
      if (groupLen[g] !== 3 || seps[g - 1] !== groupSep) return SCAN_INVALID;
    }
  }
  // Accumulate digits; exact when the digits fit in 2^53 and the scale is a power of ten up to 22.
  let mantissa = 0;
  let digits = 0;
  let fraction = 0;
  for (let g = 0; g < n; g++) {
    const gs = groupStart[g]!;
    const ge = gs + groupLen[g]!;
    for (let k = gs; k < ge; k++) {
      mantissa = mantissa * 10 + (text.charCodeAt(k) - 48);
      digits++;
    }
    if (g >= intGroups) fraction += groupLen[g]!;
  }
  let value: number;
  if (mantissa <= Number.MAX_SAFE_INTEGER && fraction <= 22) {
    value = mantissa / POW10[fraction]!;
  } else {
    let str = "";
    for (let g = 0; g < n; g++) {
      if (g === intGroups) str += ".";
      str += text.substr(groupStart[g]!, groupLen[g]!);
    }
    value = Number(str);
  }
  if (digits === 0 || !Number.isFinite(value)) return SCAN_INVALID;
  if (negative) value = -value;
  if (value === 0) value = 0; // no -0
  scanned.value = value;
  scanned.percentSign = percentSign;
  scanned.ambiguous = ambiguous;
  return SCAN_NUMBER;
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
