import {
  buildConsolidatedSpec,
  CONSOLIDATED_SHEET_NAMES,
  MATRIX_LAYOUT,
  PROGRESS_FORMATS,
  shareOfTarget,
  fitRowHeights,
  CONSOLIDATED_STYLES,
} from "../../src/workbook/consolidated";
import {
  ENTRY_COLUMNS,
  buildTemplateSpec,
  columnIndex,
  columnLetters,
  splitAddress,
} from "../../src/workbook/template";
import { parsePeriod, PROGRESS_LABELS } from "../../src/domain";
import { catalog, units } from "../scorecard/helpers";
import { PERIOD, sampleView, sheetOf, specCell } from "./consolidated-fixture";

const view = sampleView();
const spec = buildConsolidatedSpec(view, { spreadTargetId: "S01" });
const period = parsePeriod(PERIOD) as NonNullable<ReturnType<typeof parsePeriod>>;
/** the template's own rows: a template holding every target */
const layout = buildTemplateSpec({ catalog, unit: units.byCode("HN") as never, period, targets: catalog.targets }).entry
  .rows;

describe("buildConsolidatedSpec", () => {
  it("has the five consolidated sheets, in order", () => {
    expect(spec.sheets.map((s) => s.name)).toEqual([
      "TongHop",
      "MaTran",
      "TienDo",
      "ThePhanLoai",
      "BieuDo",
      "ThuyetMinh",
    ]);
    expect(CONSOLIDATED_SHEET_NAMES).toEqual(spec.sheets.map((s) => s.name));
  });

  describe("TongHop", () => {
    const s = sheetOf(spec, "TongHop");
    const at = (col: keyof typeof ENTRY_COLUMNS, id: string) => specCell(s, `${ENTRY_COLUMNS[col]}${layout[id]}`);

    it("puts every target on the row the template gives it, id in column A", () => {
      for (const t of catalog.targets) expect(at("id", t.id)).toBe(t.id);
    });

    it("writes the city figure as the ratio of sums with both sums beside it", () => {
      expect(at("value", "S01")).toBeCloseTo((100 * 951) / 1110, 10);
      expect(at("numerator", "S01")).toBe(951);
      expect(at("denominator", "S01")).toBe(1110);
      expect(at("value", "S02")).toBe(12);
      expect(at("value", "E01")).toBe(11.5);
    });

    it("names the units that did not report, and never writes a zero for them", () => {
      expect(at("responsible", "S01")).toBe("1: 00070 Phường Hoàn Kiếm");
      expect(at("justification", "S01")).toBe("3 / 4");
    });

    it("shows a target without a value as no target set, never as a number", () => {
      const noTarget = catalog.targets.find((t) => Object.keys(t.targetByYear).length === 0);
      expect(noTarget).toBeDefined();
      expect(String(at("target", noTarget?.id as string))).toMatch(/Chưa có chỉ tiêu/);
    });

    it("writes the status as the template does and colours it by rules", () => {
      const f = view.figures.find((x) => x.targetId === "S01");
      expect(at("status", "S01")).toBe(
        `${PROGRESS_LABELS[f?.progress ?? "no_data"].vi}\n${PROGRESS_LABELS[f?.progress ?? "no_data"].en}`,
      );
      const status = ENTRY_COLUMNS.status;
      const cf = s.conditionalFormats.find((c) => c.range.startsWith(status));
      expect(cf?.rules).toHaveLength(6);
      expect(cf?.rules[0].formula).toBe(
        `${status}${Math.min(...Object.values(layout))}="${PROGRESS_LABELS.met.vi}"&CHAR(10)&"${PROGRESS_LABELS.met.en}"`,
      );
    });
  });

  describe("MaTran", () => {
    const s = sheetOf(spec, "MaTran");
    const T = catalog.targets.length;
    const first = MATRIX_LAYOUT.firstTargetColumn;
    const statusFirst = first + T + 1;
    const rowOf = (code: string) => MATRIX_LAYOUT.firstData + view.units.findIndex((u) => u.code === code);
    const colOf = (id: string) => first + catalog.targets.findIndex((t) => t.id === id);

    it("has one row per expected unit and one column per target, then the statuses", () => {
      expect(specCell(s, `A${rowOf("00004")}`)).toBe("00004");
      expect(specCell(s, `${columnLetters(colOf("S01"))}${MATRIX_LAYOUT.headerVi}`)).toBe("S01");
      expect(specCell(s, `${columnLetters(statusFirst)}${MATRIX_LAYOUT.headerVi}`)).toBe(
        `Đánh giá ${catalog.targets[0].id}`,
      );
    });

    it("gives each unit its own rate, and a unit that did not report no figure and the no-data status", () => {
      expect(specCell(s, `${columnLetters(colOf("S01"))}${rowOf("00008")}`)).toBe(90);
      expect(specCell(s, `${columnLetters(colOf("S01"))}${rowOf("00070")}`)).toBeNull();
      expect(specCell(s, `${columnLetters(colOf("S01") + T + 1)}${rowOf("00070")}`)).toBe(PROGRESS_LABELS.no_data.vi);
      // a target the unit does not report: blank in both blocks
      expect(specCell(s, `${columnLetters(colOf("E01") + T + 1)}${rowOf("00004")}`)).toBeNull();
    });

    it("colours figures by conditional-formatting rules that read the status block, not by cell formats", () => {
      expect(s.conditionalFormats).toHaveLength(2);
      const [figures, statuses] = s.conditionalFormats;
      const top = MATRIX_LAYOUT.firstData;
      expect(figures.range).toBe(
        `${columnLetters(first)}${top}:${columnLetters(first + T - 1)}${top + view.units.length - 1}`,
      );
      expect(statuses.range.startsWith(`${columnLetters(statusFirst)}${top}:`)).toBe(true);
      for (const cf of [figures, statuses]) {
        expect(cf.rules.map((r) => r.formula)).toEqual(
          (Object.keys(PROGRESS_FORMATS) as (keyof typeof PROGRESS_FORMATS)[]).map(
            (p) => `${columnLetters(statusFirst)}${top}="${PROGRESS_LABELS[p].vi}"`,
          ),
        );
      }
      // the matrix's own styles carry no status fill
      for (const st of s.styles)
        expect(
          spec.styles[st.style].fill === undefined ||
            st.range.endsWith(`${MATRIX_LAYOUT.headerVi}`) ||
            st.range.endsWith(`${MATRIX_LAYOUT.headerEn}`),
        ).toBe(true);
    });
  });

  it("makes rows with wrapped two-language texts tall enough to show them", () => {
    const s = sheetOf(spec, "TongHop");
    expect(s.rowHeights[layout.S01]).toBeGreaterThanOrEqual(30);
    expect(fitRowHeights(s, CONSOLIDATED_STYLES)).toEqual(s.rowHeights);
    // a title merged across the sheet is not measured against its first column
    expect(s.rowHeights[1]).toBeUndefined();
  });

  describe("TienDo", () => {
    const s = sheetOf(spec, "TienDo");
    it("totals expected, submitted, on time, late, missing, returned and rejected", () => {
      const t = view.completeness.totals;
      expect([1, 2, 3, 4, 5, 6, 7].map((c) => specCell(s, `${columnLetters(c)}6`))).toEqual([
        t.expected,
        t.submitted,
        t.onTime,
        t.late,
        t.missing,
        t.returned,
        t.rejected,
      ]);
      expect(t).toMatchObject({ expected: 7, submitted: 6, missing: 1 });
    });
    it("lists every expected unit with its state and contact from the unit sheet", () => {
      const rows = view.completeness.rows;
      const i = rows.findIndex((r) => r.unitCode === "00004");
      expect(specCell(s, `A${10 + i}`)).toBe("00004");
      expect(specCell(s, `F${10 + i}`)).toBe("Người lập 00004");
      expect(specCell(s, `H${10 + i}`)).toBe("0912 000 000");
      const m = rows.findIndex((r) => r.unitCode === "00070");
      expect(String(specCell(s, `C${10 + m}`))).toMatch(/^Chưa nộp\nMissing$/);
    });
  });

  describe("ThePhanLoai", () => {
    const s = sheetOf(spec, "ThePhanLoai");
    it("counts the targets by group, with a total row, as the scorecard does", () => {
      view.scorecard.byGroup.forEach((g, i) => {
        expect(specCell(s, `A${6 + i}`)).toBe(`${g.name.vi} / ${g.name.en}`);
        expect(specCell(s, `B${6 + i}`)).toBe(g.counts.met);
        expect(specCell(s, `G${6 + i}`)).toBe(g.counts.no_data);
        expect(specCell(s, `H${6 + i}`)).toBe(g.counts.total);
      });
      expect(specCell(s, "H10")).toBe(catalog.targets.length);
    });
  });

  describe("BieuDo", () => {
    const s = sheetOf(spec, "BieuDo");
    it("has a clustered bar chart per group and one spread chart", () => {
      expect(s.charts.map((c) => [c.name, c.kind])).toEqual([
        ["CT_chart_economy", "barClustered"],
        ["CT_chart_society", "barClustered"],
        ["CT_chart_urban_environment", "barClustered"],
        ["CT_chart_party_building", "barClustered"],
        ["CT_chart_spread_S01", "columnClustered"],
      ]);
    });
    it("charts each city figure as a share of its year's target, drawing nothing where no target is set", () => {
      const society = s.charts[1];
      expect(society.series.map((x) => x.name)).toEqual([
        "Thành phố, % chỉ tiêu / City, % of target",
        "Chỉ tiêu = 100 / Target = 100",
      ]);
      const i = society.categories.findIndex((c) => c.startsWith("S02 ")); // 12 dwellings against 18,000
      expect(society.series[0].values[i]).toBeCloseTo((100 * 12) / 18000, 12);
      expect(society.series[1].values[i]).toBe(100);
      const noTarget = society.categories.findIndex((c) => c.startsWith("S09 ")); // S09 states only a 2030 value
      expect(society.series[0].values[noTarget]).toBeNull();
      expect(society.series[1].values[noTarget]).toBeNull();
      // the table holds what the chart draws, then the figure and the target themselves
      const [a, b] = society.dataRange.split(":");
      const top = splitAddress(a).row;
      expect(splitAddress(b).column).toBe("C");
      expect(specCell(s, `A${top + 1 + i}`)).toBe(society.categories[i]);
      expect(specCell(s, `B${top + 1 + i}`)).toBe(society.series[0].values[i]);
      expect(specCell(s, `D${top + 1 + i}`)).toBe(12);
      expect(specCell(s, `E${top + 1 + i}`)).toBe(18000);
      expect(specCell(s, `E${top + 1 + noTarget}`)).toMatch(/^Chưa có chỉ tiêu/);
      expect(shareOfTarget(5, 0)).toBeNull();
      expect(shareOfTarget(null, 10)).toBeNull();
    });
    it("spreads the chosen ratio target across the units that reported it, highest first", () => {
      const spread = s.charts[4];
      expect(spread.series[0].values).toEqual([90, 50, 10]);
      expect(spread.categories[0]).toBe("00008 Phường Ngọc Hà");
      const other = buildConsolidatedSpec(view, { spreadTargetId: "S02" });
      expect(sheetOf(other, "BieuDo").charts[4].series[0].values).toEqual([5, 4, 3]);
      // by default: the ratio target most units reported, the first in catalog order on a tie (E10 here)
      expect(sheetOf(buildConsolidatedSpec(view), "BieuDo").charts[4].name).toBe("CT_chart_spread_E10");
    });
    it("anchors charts beside their data, never over it", () => {
      for (const c of s.charts)
        expect(columnIndex(splitAddress(c.anchor.split(":")[0]).column)).toBeGreaterThan(
          columnIndex(splitAddress(c.dataRange.split(":")[1]).column),
        );
    });
  });
});
