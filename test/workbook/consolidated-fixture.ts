/** A consolidated view for the workbook tests: real unit reports through the real consolidation. */
import { consolidate, viewFromFiles, type ConsolidationView } from "../../src/domain/scorecard";
import { catalog, file, fullEntries, units } from "../scorecard/helpers";
import type { CellValue, ConsolidatedSheet, ConsolidatedSpec } from "../../src/workbook/consolidated";
import { columnIndex, splitAddress } from "../../src/workbook/template";

export const PERIOD = "2026-Q1";
export const GROUP = ["00004", "00008", "00025", "00070", "S-TC", "S-XD", "HN"];

/** Three wards (S01 50/100, 900/1000, 1/10), one ward missing, two departments and the city unit. */
export function sampleView(): ConsolidationView {
  const files = [
    file(
      "a.xlsx",
      "00004",
      PERIOD,
      fullEntries("00004", 100, { S01: { numerator: 50, denominator: 100 }, S02: { value: 3 } }),
    ),
    file(
      "b.xlsx",
      "00008",
      PERIOD,
      fullEntries("00008", 1000, { S01: { numerator: 900, denominator: 1000 }, S02: { value: 4 } }),
    ),
    file(
      "c.xlsx",
      "00025",
      PERIOD,
      fullEntries("00025", 10, { S01: { numerator: 1, denominator: 10 }, S02: { value: 5 } }),
    ),
    file("tc.xlsx", "S-TC", PERIOD, fullEntries("S-TC", 0, { E03: { value: 400.5 } })),
    file("xd.xlsx", "S-XD", PERIOD, fullEntries("S-XD", 0)),
    file("hn.xlsx", "HN", PERIOD, fullEntries("HN", 0, { E01: { value: 11.5 } }), {
      contact: { preparer: '=HYPERLINK("x")', approver: null, phone: "+84 24 3825 1234" },
    }),
  ];
  const result = consolidate(files, { catalog, units, period: PERIOD, unitCodes: GROUP });
  return viewFromFiles(result.periods[0], {
    catalog,
    units,
    unitCodes: GROUP,
    generatedAt: "2026-04-20T08:00:00.000Z",
  });
}

/** The value a spec puts in a cell (last block wins), or undefined when no block covers it. */
export function specCell(sheet: ConsolidatedSheet, address: string): CellValue | undefined {
  const { column, row } = splitAddress(address);
  const col = columnIndex(column);
  let found: CellValue | undefined;
  for (const b of sheet.blocks) {
    const p = splitAddress(b.address);
    const r = row - p.row;
    const c = col - columnIndex(p.column);
    if (r >= 0 && r < b.values.length && c >= 0 && c < b.values[r].length) found = b.values[r][c];
  }
  return found;
}

export function sheetOf(spec: ConsolidatedSpec, name: string): ConsolidatedSheet {
  const s = spec.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}
