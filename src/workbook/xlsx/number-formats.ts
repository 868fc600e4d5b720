/**
 * Number format codes, read as Excel shows them: a percentage, a date, a time of day. Pure string functions, used by
 * the .xlsx reader (xml-scan.ts, for a cell's style) and by the Office.js adapter (office/grid-source.ts).
 */
/** What a cell style's number format shows a number as: a percentage, a date (with or without time), a time of day. */
export type NumberStyle = "percent" | "date" | "time" | null;

/** A format code shows a date when it has d or y, a time when it has h or s (or [h], [mm], [ss]), outside quotes,
 * escapes and other [brackets]. */
export function dateTimeFormat(code: string): NumberStyle {
  let quoted = false;
  let bracket = false;
  let date = false;
  let time = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === "\\" || (!quoted && !bracket && ch === "_")) {
      i++;
      continue;
    }
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === "[") {
      // [h]:mm, [mm]:ss — elapsed time; other brackets are colours, conditions, locales
      const close = code.indexOf("]", i);
      if (close > i && /^(h+|m+|s+)$/i.test(code.slice(i + 1, close))) time = true;
      bracket = true;
    } else if (!quoted && ch === "]") bracket = false;
    else if (!quoted && !bracket) {
      const c = ch.toLowerCase();
      if (c === "d" || c === "y") date = true;
      else if (c === "h" || c === "s") time = true;
    }
  }
  return date ? "date" : time ? "time" : null;
}

/** A format code shows a percentage when it has a "%" outside quotes, escapes and [brackets]. */
export function isPercentFormat(code: string): boolean {
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === "\\") {
      i++;
      continue;
    }
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === "[") bracket = true;
    else if (!quoted && ch === "]") bracket = false;
    else if (!quoted && !bracket && ch === "%") return true;
  }
  return false;
}
