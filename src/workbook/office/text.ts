/**
 * Text that must stay text in Excel. Office parses a string written to `range.values` or `range.formulas` as if it
 * were typed: "- Đã hoàn thành" and "+84 912…" become formulas (#NAME?), "=1+1" a formula, "00004", "2024", "50%"
 * and "01/2026" numbers or dates, "TRUE" a boolean. A leading apostrophe keeps such a string as text: Excel stores
 * it as a prefix, not as content, so reading `values` gives the text back unchanged.
 */
export function officeText<T>(v: T): T | string {
  if (typeof v !== "string") return v;
  if (
    /^[=+\-@'\t\r]/.test(v) ||
    /^\s*[-+(]?[\d.,\s]+%?\)?\s*$/.test(v) ||
    /^\s*[$€£¥₫]?\s*[\d.,]+\s*[$€£¥₫]?\s*$/.test(v) ||
    /^\d{1,4}[-/.]\d{1,4}([-/.]\d{1,4})?([ T].*)?$/.test(v) ||
    /^\d{1,2}:\d{2}/.test(v) ||
    /^(true|false)$/i.test(v.trim())
  ) {
    return `'${v}`;
  }
  return v;
}

/** A cell value as Office.js should receive it: numbers and booleans as they are, text kept as text, blank as "". */
export function officeCell(v: string | number | boolean | null | undefined): string | number | boolean {
  if (v === null || v === undefined) return "";
  return officeText(v);
}
