/**
 * The trend workbook through the Office.js writer, on the Excel double (both profiles): the same spec the .xlsx
 * writer walks — four sheets, native line charts with their line colours, states written as text, never 0 — and a
 * refresh replaces the four sheets.
 */
import { buildTrend, type TrendData } from "../../src/domain";
import { buildTrendSpec } from "../../src/workbook/trend";
import { writeConsolidated } from "../../src/workbook/office/write-consolidated";
import { catalog, units } from "../scorecard/helpers";
import { chartsOf, installConsolidatedExcel, setConsolidatedProfile } from "./consolidated-fake";
import { PROFILE_NAMES, parseA1, type ProfileName, type WorkbookModel } from "./excel-double";
import { Reports } from "../domain/series/data";

function data(): TrendData {
  const r = new Reports();
  for (const [m, a, b] of [
    ["2026-01", 2, 6],
    ["2026-02", 3, 4],
    ["2026-03", 5, 1],
  ] as const)
    r.value(m, "00004", "U13", a).value(m, "00008", "U13", b).value(m, "00004", "U14", 1);
  return buildTrend({ catalog, registry: units, reports: r.byPeriod, from: "2026-01", to: "2026-03" });
}

const spec = buildTrendSpec(data(), catalog, units, { source: "files", generatedAt: "2026-04-05T03:00:00.000Z" });

function column(model: WorkbookModel, sheet: string, col: string): unknown[] {
  const out: unknown[] = [];
  for (let r = 1; r < 200; r++) out.push(model.sheet(sheet)?.cell(r, parseA1(`${col}1`)[1], false)?.value);
  return out;
}

describe.each(PROFILE_NAMES)("on %s", (p: ProfileName) => {
  beforeAll(() => setConsolidatedProfile(p));

  it("writes the four trend sheets and their line charts with line colours", async () => {
    const excel = installConsolidatedExcel(["Sheet1"]);
    const result = await writeConsolidated(spec);
    expect(result.sheets).toEqual(["XuHuong", "DiemNghen", "DonViXuHuong", "BieuDoXuHuong"]);
    expect(excel.model.sheets.map((s) => s.name)).toEqual(["Sheet1", ...result.sheets]);
    const charts = chartsOf.get(excel.model.sheet("BieuDoXuHuong") as never) ?? [];
    const specCharts = spec.sheets[3]!.charts;
    expect(charts.length).toBe(specCharts.length);
    expect(charts.length).toBeGreaterThan(0);
    for (const [i, c] of charts.entries()) {
      expect(c.type).toBe("LineMarkers");
      expect(c.source).toBe(specCharts[i]!.dataRange);
      expect(c.lineColors.get(0)).toBe(`#${specCharts[i]!.series[0]!.color}`);
      expect(c.seriesColors.size).toBe(0);
    }
    // U13's city figures per month: 8, 7, 6 — and the wards' missing months are text, never 0
    const ids = column(excel.model, "XuHuong", "A");
    const row = ids.indexOf("U13") + 1;
    const sheet = excel.model.sheet("XuHuong")!;
    expect([5, 6, 7].map((c) => sheet.cell(row, c, false)?.value)).toEqual([8, 7, 6]);
    const u14 = ids.indexOf("U14") + 1;
    expect(sheet.cell(u14, 5, false)?.value).toBe(1);
  });

  it("replaces the four sheets on refresh, never a second copy", async () => {
    const excel = installConsolidatedExcel(["Sheet1"]);
    await writeConsolidated(spec);
    const again = await writeConsolidated(spec);
    expect(again.replaced).toEqual(["XuHuong", "DiemNghen", "DonViXuHuong", "BieuDoXuHuong"]);
    expect(excel.model.sheets.map((s) => s.name)).toEqual(["Sheet1", ...again.sheets]);
  });
});
