/**
 * A CellSource over value grids loaded from Excel in one sync (used ranges of the entry and unit sheets, plus the
 * workbook's names), so the Office.js reader shares every locating rule with the .xlsx reader. No Excel type here:
 * the grids are plain arrays.
 */
import { forbiddenCharacter, type RawValue } from "../../domain";
import { indexIdCell, parseNameRef, type CellKind, type CellSource, type NameRef } from "../locate";
import { SHEET_NAMES, columnIndex, columnLetters } from "../template";
import { dateTimeFormat, isPercentFormat } from "../xlsx/number-formats";

export interface SheetGrid {
  /** 0-based row and column of values[0][0] (Excel's Range.rowIndex / columnIndex) */
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  numberFormat: unknown[][];
  /** Range.valueTypes ("Double", "String", "Boolean", "Error", "Empty"), loaded in the same sync as the values; a
   * grid without it (the unit sheet's identity read) cannot tell what a cell holds */
  valueTypes?: unknown[][];
}

export function namesFrom(items: { name: string; formula: unknown }[]): Map<string, NameRef | null> {
  const names = new Map<string, NameRef | null>();
  for (const n of items) {
    if (!n.name.startsWith("CT_")) continue;
    if (names.get(n.name)) continue;
    names.set(n.name, typeof n.formula === "string" ? parseNameRef(n.formula) : null);
  }
  return names;
}

function cellAt(grid: SheetGrid | undefined, address: string): { v: unknown; fmt: unknown; type: unknown } | null {
  if (!grid) return null;
  const m = /^([A-Z]{1,3})(\d+)$/.exec(address);
  if (!m) return null;
  const r = Number(m[2]) - 1 - grid.rowIndex;
  const c = columnIndex(m[1]) - 1 - grid.columnIndex;
  const row = grid.values[r];
  if (!row || c < 0 || c >= row.length) return null;
  return { v: row[c], fmt: grid.numberFormat[r]?.[c], type: grid.valueTypes?.[r]?.[c] };
}

function toRaw(v: unknown): RawValue {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number" || typeof v === "boolean") return v;
  const s = String(v).normalize("NFC");
  return s === "" ? null : s;
}

/**
 * What a cell holds when it cannot be a typed figure or text, from Excel's own value type (the rules the .xlsx reader
 * applies to a cell's t attribute and style): a boolean, an error value, a number shown as a date or time, a text
 * breaking the one text rule. Live Excel has no uncalculated formula.
 */
function kindOf(c: { v: unknown; fmt: unknown; type: unknown } | null): CellKind | null {
  if (!c) return null;
  switch (c.type) {
    case "Boolean":
      return "boolean";
    case "Error":
      return "error";
    case "Double": {
      const style = typeof c.fmt === "string" ? dateTimeFormat(c.fmt) : null;
      return style === "date" || style === "time" ? style : null;
    }
    case "String":
      return typeof c.v === "string" && forbiddenCharacter(c.v.normalize("NFC")) ? "badText" : null;
    default:
      return null;
  }
}

export function gridSource(grids: Map<string, SheetGrid>, names: Map<string, NameRef | null>): CellSource {
  const idRows = new Map<string, number[]>();
  const entry = grids.get(SHEET_NAMES.entry);
  if (entry && entry.columnIndex === 0) {
    entry.values.forEach((row, i) => indexIdCell(idRows, entry.rowIndex + i + 1, toRaw(row[0])));
  }
  return {
    value: (sheet, address) => toRaw(cellAt(grids.get(sheet), address)?.v),
    isPercent: (sheet, address) => {
      const c = cellAt(grids.get(sheet), address);
      return !!c && typeof c.v === "number" && typeof c.fmt === "string" && isPercentFormat(c.fmt);
    },
    kind: (sheet, address) => kindOf(cellAt(grids.get(sheet), address)),
    hasSheet: (sheet) => grids.has(sheet),
    names,
    idRows,
  };
}

export interface Rect {
  c1: number;
  r1: number;
  c2: number;
  r2: number;
}

/** "G12:I14", "Nhap!G12", "A:A", "5:7" → a rectangle (1-based, inclusive); null when unreadable. */
export function parseRect(range: string): Rect | null {
  const local = (range.includes("!") ? range.slice(range.lastIndexOf("!") + 1) : range).replace(/\$/g, "");
  const [a, b = a] = local.split(":");
  const part = (s: string): { c: number | null; r: number | null } | null => {
    const m = /^([A-Z]{0,3})(\d*)$/.exec(s);
    if (!m || (!m[1] && !m[2])) return null;
    return { c: m[1] ? columnIndex(m[1]) : null, r: m[2] ? Number(m[2]) : null };
  };
  const pa = part(a);
  const pb = part(b);
  if (!pa || !pb) return null;
  return {
    c1: Math.min(pa.c ?? 1, pb.c ?? 1),
    c2: Math.max(pa.c ?? 16384, pb.c ?? 16384),
    r1: Math.min(pa.r ?? 1, pb.r ?? 1),
    r2: Math.max(pa.r ?? 1048576, pb.r ?? 1048576),
  };
}

export function inRect(rect: Rect, column: string, row: number): boolean {
  const c = columnIndex(column);
  return c >= rect.c1 && c <= rect.c2 && row >= rect.r1 && row <= rect.r2;
}

export { columnLetters };
