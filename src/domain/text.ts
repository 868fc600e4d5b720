/**
 * Text helpers shared by the domain: Vietnamese is NFC; search is insensitive to case, spacing and to where the tone
 * mark sits ("Hoà" = "Hòa"), and a looser key ignores every diacritic ("hoa" finds "Hoà").
 */

const SPACES = /[\s\u00a0\u2007\u202f\ufeff]+/g;

/**
 * True when `s` is certainly NFC with single inner spaces and nothing to trim: every character is below U+0300
 * (all NFC-stable) or a precomposed Vietnamese letter (U+1E00–U+1EFF), and no space-like character is doubled,
 * leading, trailing or other than U+0020. Lets the common case skip normalize() and the regex.
 */
function isClean(s: string): boolean {
  const n = s.length;
  let prevSpace = true; // a leading space is not clean
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return false;
      prevSpace = true;
      continue;
    }
    prevSpace = false;
    if (c < 32 || c === 0xa0) return false;
    if (c >= 0x300 && (c < 0x1e00 || c > 0x1eff)) return false;
  }
  return !prevSpace || n === 0;
}

/** NFC + trim + collapse any run of spaces (incl. no-break spaces) to one space. */
export function normalizeText(s: string): string {
  if (isClean(s)) return s;
  return s.normalize("NFC").replace(SPACES, " ").trim();
}

/** Combining tone marks: grave, acute, tilde, hook above, dot below. */
const TONE_MARKS = new Set(["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]);
const COMBINING = /[\u0300-\u036f]/g;
const WORD = /[^\s\-–—,.;:()/]+/g;

/**
 * A key in which each word's tone mark is moved to the end of the word, so "Hoà" and "Hòa" (two common spellings
 * of the same name, both NFC) give the same key. Lower-case; spaces collapsed.
 */
export function toneKey(s: string): string {
  const base = normalizeText(s).toLowerCase().normalize("NFD");
  return base.replace(WORD, (word) => {
    let letters = "";
    let tone = "";
    for (const ch of word) {
      if (TONE_MARKS.has(ch)) tone = ch;
      else letters += ch;
    }
    return letters + tone;
  });
}

/** A key without any diacritic (đ → d), for searches typed without accents. */
export function looseKey(s: string): string {
  return normalizeText(s).toLowerCase().normalize("NFD").replace(COMBINING, "").replace(/đ/g, "d");
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
const SUSPECT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffd-\uffff]/;

/**
 * The first character a text may not hold, or null — the one text rule of the file reader, the rules (so the task
 * pane) and the endpoint: NUL and the other C0 controls but tab and line breaks, a lone surrogate (half of a
 * character), U+FFFD (what a broken character became on the way: an out-of-range reference such as &#x110000;) and
 * the non-characters U+FFFE/U+FFFF. Most text has none of these: one regular-expression test, the scan only then.
 */
export function forbiddenCharacter(s: string): { index: number; code: number } | null {
  if (!SUSPECT.test(s)) return null;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0xd800) continue;
    if (c === 9 || c === 10 || c === 13) continue;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return { index: i, code: c };
    }
    if (c < 0x20 || (c >= 0xdc00 && c <= 0xdfff) || c >= 0xfffd) return { index: i, code: c };
  }
  return null;
}

/**
 * The longest text each free-text field of a report may hold, in UTF-16 code units (what JSON schemas count): the
 * rules refuse a longer one naming its cell, and the endpoint's request schema uses the same numbers.
 */
export const TEXT_LIMITS = { justification: 4000, evidence: 4000, responsible: 500, contact: 200 } as const;

/** "U+0000": how a forbidden character is named in a message. */
export function codePointLabel(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
}
