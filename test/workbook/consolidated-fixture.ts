/** A consolidated view for the workbook tests: real unit reports through the real consolidation. */
import { consolidate, viewFromFiles, type ConsolidationView } from "../../src/domain/scorecard";
import { catalog, file, fullEntries, units } from "../scorecard/helpers";
import type { CellValue, ConsolidatedSheet, ConsolidatedSpec } from "../../src/workbook/consolidated";
import { columnIndex, splitAddress } from "../../src/workbook/template";
import { seededRandom } from "../../src/domain/random";

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

/**
 * The whole city for 2026-Q1, for the README's picture: every ward and commune but eight, the departments and the
 * statistics unit, with plausible figures (rates near their targets, populations shared by the population targets).
 */
export function cityView(): ConsolidationView {
  const rand = seededRandom(2026);
  const all = units.all().filter((u) => !u.demo && units.targetsFor(catalog, u.code).length > 0);
  const silent = new Set(
    all
      .filter((u) => u.kind === "ward" || u.kind === "commune")
      .filter((_, i) => i % 16 === 7)
      .map((u) => u.code),
  );
  const files = all
    .filter((u) => !silent.has(u.code))
    .map((u, i) => {
      const population = 15000 + Math.floor(rand() * 70000);
      const overrides: Record<string, Record<string, number | string>> = {};
      for (const t of units.targetsFor(catalog, u.code)) {
        const yt = t.targetByYear[2026] ?? t.targetByYear[2030];
        const goal = typeof yt === "number" ? yt : null;
        if (t.aggregation === "ratio_of_sums") {
          const den =
            (t.denominatorLabel ?? "").toLowerCase() === "dân số" ? population : 200 + Math.floor(rand() * 4000);
          const share =
            t.measure === "percent"
              ? Math.min(1, ((goal ?? 80) / 100) * (0.86 + rand() * 0.16))
              : (goal ?? 8) * (0.7 + rand() * 0.5);
          overrides[t.id] = { numerator: Math.round(den * share), denominator: den };
        } else if (t.measure === "milestone") overrides[t.id] = { milestone: "Đang thực hiện" };
        else if (t.measure === "count")
          overrides[t.id] = { value: Math.round(((goal ?? 400) / 126 / 4) * (0.6 + rand())) };
        else overrides[t.id] = { value: Math.round((goal ?? 50) * (0.9 + rand() * 0.2) * 10) / 10 };
      }
      const saved = new Date(Date.UTC(2026, 3, 1 + (i % 14), 2)).toISOString();
      return file(`${u.code}.xlsx`, u.code, PERIOD, fullEntries(u.code, population, overrides), {
        savedAt: saved,
        contact: {
          preparer: `Cán bộ thống kê ${u.code}`,
          approver: null,
          phone: `024 3${String(100000 + i).slice(1)}`,
        },
      });
    });
  const result = consolidate(files, { catalog, units, period: PERIOD });
  return viewFromFiles(result.periods[0], { catalog, units, generatedAt: "2026-04-20T08:00:00.000Z" });
}
