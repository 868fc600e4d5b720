import { buildConsolidatedSpec, MATRIX_LAYOUT } from "../../src/workbook/consolidated";
import {
  DEFAULT_MAX_REQUEST_BYTES,
  EXCEL_REQUEST_LIMIT_BYTES,
  officeText,
  planRequests,
  writeConsolidated,
} from "../../src/workbook/office/write-consolidated";
import { ENTRY_COLUMNS, buildTemplateSpec } from "../../src/workbook/template";
import { parsePeriod } from "../../src/domain";
import { catalog, units } from "../scorecard/helpers";
import { chartsOf, customRulesOf, installConsolidatedExcel, setConsolidatedProfile } from "./consolidated-fake";
import {
  PROFILES,
  PROFILE_NAMES,
  parseA1,
  type FakeContext,
  type ProfileName,
  type WorkbookModel,
} from "./excel-double";
import { PERIOD, sampleView } from "./consolidated-fixture";

const view = sampleView();
const spec = buildConsolidatedSpec(view);
const period = parsePeriod(PERIOD) as NonNullable<ReturnType<typeof parsePeriod>>;
const rows = buildTemplateSpec({ catalog, unit: units.byCode("HN") as never, period, targets: catalog.targets }).entry
  .rows;

function value(model: WorkbookModel, sheet: string, address: string): unknown {
  const [r, c] = parseA1(address);
  return model.sheet(sheet)?.cell(r, c, false)?.value;
}

describe.each(PROFILE_NAMES)("on %s", (p: ProfileName) => {
  beforeAll(() => setConsolidatedProfile(p));

  describe("writeConsolidated (Office.js)", () => {
    it("writes the five sheets in 2 syncs: one to find earlier sheets, one for the single chunk", async () => {
      const excel = installConsolidatedExcel(["Sheet1"]);
      const spies: jest.SpyInstance[] = [];
      excel.onContext = (ctx: FakeContext) => spies.push(jest.spyOn(ctx, "sync"));
      const result = await writeConsolidated(spec);
      expect(result).toMatchObject({ syncs: 2, chunks: 1, replaced: [], charts: 5 });
      expect(spies[0]).toHaveBeenCalledTimes(2);
      expect(excel.model.sheets.map((s) => s.name)).toEqual([
        "Sheet1",
        "TongHop",
        "MaTran",
        "TienDo",
        "ThePhanLoai",
        "BieuDo",
        "ThuyetMinh",
      ]);
      expect(excel.model.active).toBe("TongHop");
      expect(value(excel.model, "TongHop", `${ENTRY_COLUMNS.value}${rows.S01}`)).toBeCloseTo((100 * 951) / 1110, 10);
      expect(value(excel.model, "TongHop", `${ENTRY_COLUMNS.numerator}${rows.S01}`)).toBe(951);
    });

    it("sizes rows and prints each sheet as its spec says: row heights, pages across, unit columns repeated", async () => {
      const excel = installConsolidatedExcel();
      // as the pane decides from Office's requirement sets: page layout from ExcelApi 1.9
      await writeConsolidated(spec, { pageLayout: PROFILES[p].excelApiMinor >= 9 });
      for (const sheet of spec.sheets) {
        const m = excel.model.sheet(sheet.name)!;
        expect([sheet.name, Object.fromEntries(m.rowHeights)]).toEqual([
          sheet.name,
          Object.fromEntries(Object.entries(sheet.rowHeights).map(([r, h]) => [Number(r), h])),
        ]);
        if (PROFILES[p].excelApiMinor < 9) {
          expect(m.page.zoom).toBeNull(); // no pageLayout before ExcelApi 1.9
          continue;
        }
        if (sheet.print.fitToWidth)
          expect([sheet.name, m.page.zoom]).toEqual([
            sheet.name,
            { horizontalFitToPages: sheet.print.pagesWide ?? 1, verticalFitToPages: 0 },
          ]);
        const cols = sheet.print.titleColumns;
        expect([sheet.name, m.page.printTitleColumns]).toEqual([sheet.name, cols ? `$${cols[0]}:$${cols[1]}` : null]);
      }
      const matrix = spec.sheets.find((x) => x.name === "MaTran")!;
      expect(matrix.print.pagesWide).toBeGreaterThan(1);
      expect(matrix.print.titleColumns).toEqual(["A", "B"]);
    });

    it("keeps unit codes, phone numbers and formula-looking text as text", async () => {
      const excel = installConsolidatedExcel();
      await writeConsolidated(spec);
      // Excel keeps the apostrophe as a prefix: the cell reads back as the code itself, as text
      expect(value(excel.model, "MaTran", `A${MATRIX_LAYOUT.firstData}`)).toBe(view.units[0].code);
      expect(officeText("00004")).toBe("'00004");
      expect(officeText("+84 24 3825 1234")).toBe("'+84 24 3825 1234");
      expect(officeText('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
      expect(officeText("2026-04-05T10:00:00Z")).toBe("'2026-04-05T10:00:00Z");
      expect(officeText("Phường Ba Đình")).toBe("Phường Ba Đình");
      expect(officeText(12.5)).toBe(12.5);
    });

    it("adds native charts with their data range, position and series colours", async () => {
      const excel = installConsolidatedExcel();
      await writeConsolidated(spec);
      const charts = chartsOf.get(excel.model.sheet("BieuDo") as never) ?? [];
      const bieuDo = spec.sheets[4];
      expect(charts.map((c) => [c.name, c.type, c.source, c.seriesBy])).toEqual(
        bieuDo.charts.map((c) => [
          c.name,
          c.kind === "barClustered" ? "BarClustered" : "ColumnClustered",
          c.dataRange,
          "Columns",
        ]),
      );
      expect(charts[0].position).toEqual(bieuDo.charts[0].anchor.split(":"));
      expect(charts[0].seriesColors.get(0)).toBe(`#${bieuDo.charts[0].series[0].color}`);
      expect(charts[0].reversePlotOrder).toBe(true);
      expect(charts[4].valueAxisTitle).toBe(bieuDo.charts[4].valueAxisTitle);
      expect(charts[0].valueAxisMin).toBe(0);
    });

    it("adds the status colours as custom conditional formats on whole ranges", async () => {
      const excel = installConsolidatedExcel();
      await writeConsolidated(spec);
      const rules = customRulesOf.get(excel.model.sheet("MaTran") as never) ?? [];
      const specRules = spec.sheets[1].conditionalFormats;
      expect(rules).toHaveLength(specRules.reduce((n, c) => n + c.rules.length, 0));
      expect(rules[0]).toMatchObject({
        range: specRules[0].range,
        formula: `=${specRules[0].rules[0].formula}`,
        fill: `#${specRules[0].rules[0].fill}`,
      });
      // no cell of the figure block got a fill of its own
      const sheet = excel.model.sheet("MaTran");
      for (const [key, cell] of sheet?.cells ?? []) {
        const [r] = key.split(":").map(Number);
        if (r >= MATRIX_LAYOUT.firstData) expect(cell.fill).toBeNull();
      }
    });

    it("replaces the sheets on refresh, never appending duplicates", async () => {
      const excel = installConsolidatedExcel(["Sheet1"]);
      await writeConsolidated(spec);
      excel.model.sheet("TongHop")?.typeValue("Z99", "planner's note, gone after refresh");
      const again = await writeConsolidated(spec);
      expect(again.replaced).toEqual(["TongHop", "MaTran", "TienDo", "ThePhanLoai", "BieuDo", "ThuyetMinh"]);
      expect(again.syncs).toBe(2);
      expect(excel.model.sheets.map((s) => s.name)).toEqual([
        "Sheet1",
        "TongHop",
        "MaTran",
        "TienDo",
        "ThePhanLoai",
        "BieuDo",
        "ThuyetMinh",
      ]);
      expect(value(excel.model, "TongHop", "Z99")).toBeUndefined();
      expect(chartsOf.get(excel.model.sheet("BieuDo") as never)).toHaveLength(5);
    });

    it("refreshes a workbook that holds nothing but the consolidated sheets", async () => {
      const excel = installConsolidatedExcel([]);
      await writeConsolidated(spec);
      expect(excel.model.sheets).toHaveLength(6);
      await writeConsolidated(spec);
      expect(excel.model.sheets.map((s) => s.name)).toEqual([
        "TongHop",
        "MaTran",
        "TienDo",
        "ThePhanLoai",
        "BieuDo",
        "ThuyetMinh",
      ]);
    });

    it("splits a large write into chunks under the request limit: 1 + one sync per chunk", async () => {
      const maxRequestBytes = 24 * 1024;
      const planned = planRequests(spec, maxRequestBytes, PROFILES[p].excelApiMinor >= 9);
      expect(planned.length).toBeGreaterThan(2);
      const excel = installConsolidatedExcel();
      const progress: number[] = [];
      const result = await writeConsolidated(spec, {
        maxRequestBytes,
        pageLayout: PROFILES[p].excelApiMinor >= 9,
        onProgress: (p) => progress.push(p.done),
      });
      expect(result.chunks).toBe(planned.length);
      expect(result.syncs).toBe(1 + result.chunks);
      for (const b of result.chunkBytes) expect(b).toBeLessThanOrEqual(maxRequestBytes);
      expect(progress).toEqual(Array.from({ length: result.chunks + 1 }, (_, i) => i));
      // the same cells as the single-chunk write
      const single = installConsolidatedExcel();
      await writeConsolidated(spec, { pageLayout: PROFILES[p].excelApiMinor >= 9 });
      for (const name of ["TongHop", "MaTran", "TienDo"]) {
        const a = excel.model.sheet(name);
        const b = single.model.sheet(name);
        expect([...(a?.cells ?? [])].map(([k, c]) => [k, c.value, c.numberFormat])).toEqual(
          [...(b?.cells ?? [])].map(([k, c]) => [k, c.value, c.numberFormat]),
        );
      }
    });

    it("keeps every request of the 126-ward consolidation far under 5 MB", () => {
      expect(DEFAULT_MAX_REQUEST_BYTES).toBeLessThan(EXCEL_REQUEST_LIMIT_BYTES);
      for (const b of planRequests(spec)) expect(b).toBeLessThan(DEFAULT_MAX_REQUEST_BYTES);
    });

    it("leaves the earlier sheets as they were when Excel fails midway", async () => {
      const excel = installConsolidatedExcel(["Sheet1"]);
      await writeConsolidated(spec);
      excel.model.sheet("TongHop")?.typeValue("Z99", "kept");
      let calls = 0;
      excel.onContext = (ctx: FakeContext) => {
        const real = ctx.sync.bind(ctx);
        jest.spyOn(ctx, "sync").mockImplementation(async () => {
          calls += 1;
          if (calls === 3) throw new Error("RichApi.Error: request payload size exceeded");
          return real();
        });
      };
      await expect(writeConsolidated(spec, { maxRequestBytes: 24 * 1024 })).rejects.toMatchObject({
        code: "CT_OFFICE_CONSOLIDATE_FAILED",
      });
      expect(excel.model.sheets.map((s) => s.name)).toEqual([
        "Sheet1",
        "TongHop",
        "MaTran",
        "TienDo",
        "ThePhanLoai",
        "BieuDo",
        "ThuyetMinh",
      ]);
      expect(value(excel.model, "TongHop", "Z99")).toBe("kept");
    });
  });
});
