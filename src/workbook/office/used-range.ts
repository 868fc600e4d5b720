/** A sheet's used range as the readers need it, loaded in the caller's sync, and then as a plain grid. */
import type { SheetGrid } from "./grid-source";

/** The used range with what the readers need to tell a figure from a date, a boolean or an error. */
export function loadUsed(ws: Excel.Worksheet): Excel.Range {
  const r = ws.getUsedRangeOrNullObject(false);
  r.load("values,valueTypes,numberFormat,rowIndex,columnIndex");
  return r;
}

/** The loaded range as a grid (null: the sheet or its used range does not exist). */
export function gridOf(r: Excel.Range): SheetGrid | null {
  if (r.isNullObject) return null;
  return {
    rowIndex: r.rowIndex,
    columnIndex: r.columnIndex,
    values: r.values,
    numberFormat: r.numberFormat,
    valueTypes: r.valueTypes,
  };
}
