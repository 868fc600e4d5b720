/**
 * Row heights that fit wrapped text, for writers whose readers do not grow rows by themselves: LibreOffice and Excel
 * never grow a row for a merged cell, and LibreOffice keeps the default height of a row written without one, so two
 * lines overprint the next row. A text's lines are its "\n" parts, each taking ceil(length / width) lines, where a
 * column width in characters holds about that many average characters (one less for the cell's padding).
 */
import { columnIndex, splitAddress } from "./a1";
import type { CellStyle, SheetSpec } from "./template/spec";

/** Points per line of 11-point text. */
export const LINE_POINTS = 15;
/** Excel's largest row height. */
const MAX_POINTS = 409;

/** Lines a text takes in a wrapped cell `width` characters wide. */
export function textLines(text: string, width: number): number {
  const w = Math.max(4, width - 1);
  return text.split("\n").reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / w)), 0);
}

/** Row → height (points) for rows needing more than one line; lines → points, capped at Excel's limit. */
export function heightsFromLines(lines: Map<number, number>, points = LINE_POINTS): Record<number, number> {
  const out: Record<number, number> = {};
  for (const [r, n] of lines) if (n > 1) out[r] = Math.min(MAX_POINTS, Math.ceil(n * points));
  return out;
}

/** Heights for a template sheet: each wrapped text cell over the width of its column, or of its merged range. */
export function fitTemplateRowHeights(sheet: SheetSpec, styles: Record<string, CellStyle>): Record<number, number> {
  const mergedWidth = new Map<string, { width: number; rows: number }>();
  for (const m of sheet.merges) {
    const [a, b = a] = m.split(":");
    const p = splitAddress(a);
    const q = splitAddress(b);
    let width = 0;
    for (let c = columnIndex(p.column); c <= columnIndex(q.column); c++) width += sheet.columnWidths[c - 1] ?? 9;
    mergedWidth.set(a, { width, rows: q.row - p.row + 1 });
  }
  const lines = new Map<number, number>();
  for (const cell of sheet.cells) {
    const style = styles[cell.style];
    if (!style?.wrap || typeof cell.value !== "string") continue;
    const p = splitAddress(cell.address);
    const merged = mergedWidth.get(cell.address);
    if (merged && merged.rows > 1) continue; // a block of rows: its text spreads over them
    const width = merged?.width ?? sheet.columnWidths[columnIndex(p.column) - 1] ?? 9;
    // a larger font takes proportionally more room across and down
    const scale = (style.size ?? 11) / 11;
    const n = Math.ceil(textLines(cell.value, width / scale) * scale);
    lines.set(p.row, Math.max(lines.get(p.row) ?? 1, n));
  }
  return heightsFromLines(lines);
}
