/**
 * Text helpers shared by the domain: Vietnamese is NFC; search is insensitive to case, spacing and to where the tone
 * mark sits ("Hoà" = "Hòa"), and a looser key ignores every diacritic ("hoa" finds "Hoà").
 */

const SPACES = /[\s\u00a0\u2007\u202f\ufeff]+/g;

/** NFC + trim + collapse any run of spaces (incl. no-break spaces) to one space. */
export function normalizeText(s: string): string {
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
