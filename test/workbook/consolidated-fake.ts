/**
 * The Excel double (excel-double.ts: office-addin-mock's OfficeMockObject for `Excel.run`, thin fakes of
 * the Excel objects with Office.js batch semantics) extended with what the consolidated writer also uses: deleting a
 * sheet (refused for the last one, as Excel does), native charts (sheet.charts.add with title, legend, position,
 * series colours and axes) and custom conditional formats (range.conditionalFormats.add("Custom")). Each piece is
 * checked against @types/office-js through `Pick<Excel.X, …>`.
 */
import {
  FakeConditionalFormats,
  FakeWorksheet,
  installExcel,
  parseRange,
  type CfRule,
  type FakeContext,
  type FakeRange,
  type InstalledExcel,
  type ProfileName,
  type SheetModel,
  WorkbookModel,
} from "./excel-double";

export interface ChartModel {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  legend: string | null;
  position: [string, string] | null;
  seriesColors: Map<number, string>;
  lineColors: Map<number, string>;
  reversePlotOrder: boolean;
  valueAxisTitle: string | null;
  valueAxisMin: number | null;
}

/** Charts and custom rules live beside the template helper's sheet model. */
export const chartsOf = new WeakMap<SheetModel, ChartModel[]>();
export const customRulesOf = new WeakMap<SheetModel, (CfRule & { formula: string; italic: boolean })[]>();

class FakeChart implements Pick<Excel.Chart, "name" | "setPosition"> {
  readonly title: { text: string };
  readonly legend: { position: Excel.ChartLegendPosition | string };
  readonly series: {
    getItemAt: (i: number) => {
      format: { fill: { setSolidColor: (c: string) => void }; line: { color: string } };
    };
  };
  readonly axes: {
    categoryAxis: { reversePlotOrder: boolean };
    valueAxis: { title: { text: string }; minimum: number };
  };
  constructor(private readonly m: ChartModel) {
    this.title = {
      set text(v: string) {
        m.title = v;
      },
      get text(): string {
        return m.title;
      },
    };
    this.legend = {
      set position(v: string) {
        m.legend = v;
      },
      get position(): string {
        return m.legend ?? "";
      },
    };
    this.series = {
      getItemAt: (i) => ({
        format: {
          fill: { setSolidColor: (c) => m.seriesColors.set(i, c) },
          // a line's colour (ChartLineFormat.color, ExcelApi 1.7): kept apart from fills
          line: {
            set color(c: string) {
              m.lineColors.set(i, c);
            },
            get color(): string {
              return m.lineColors.get(i) ?? "";
            },
          },
        },
      }),
    };
    this.axes = {
      categoryAxis: {
        set reversePlotOrder(v: boolean) {
          m.reversePlotOrder = v;
        },
        get reversePlotOrder(): boolean {
          return m.reversePlotOrder;
        },
      },
      valueAxis: {
        set minimum(v: number) {
          m.valueAxisMin = v;
        },
        get minimum(): number {
          return m.valueAxisMin ?? 0;
        },
        title: {
          set text(v: string) {
            m.valueAxisTitle = v;
          },
          get text(): string {
            return m.valueAxisTitle ?? "";
          },
        },
      },
    };
  }
  get name(): string {
    return this.m.name;
  }
  set name(v: string) {
    this.m.name = v;
  }
  setPosition(startCell: string | Excel.Range, endCell?: string | Excel.Range): void {
    this.m.position = [String(startCell), String(endCell ?? "")];
  }
}

class FakeChartCollection implements Pick<Excel.ChartCollection, "add"> {
  constructor(private readonly ws: FakeWorksheet) {}
  add(
    type: Excel.ChartType | string,
    sourceData: Excel.Range | FakeRange,
    seriesBy?: Excel.ChartSeriesBy | string,
  ): Excel.Chart {
    const m = this.ws.live("charts.add");
    const model: ChartModel = {
      name: "",
      type: String(type),
      source: (sourceData as FakeRange).a1,
      seriesBy: String(seriesBy ?? "Auto"),
      title: "",
      legend: null,
      position: null,
      seriesColors: new Map(),
      lineColors: new Map(),
      reversePlotOrder: false,
      valueAxisTitle: null,
      valueAxisMin: null,
    };
    if (m) {
      const list = chartsOf.get(m) ?? [];
      list.push(model);
      chartsOf.set(m, list);
    }
    return new FakeChart(model) as unknown as Excel.Chart;
  }
}

let extended = false;

/** Add delete(), charts and custom conditional formats to the template helper's fakes (once per module registry). */
export function extendFakeExcel(): void {
  if (extended) return;
  extended = true;
  Object.defineProperty(FakeWorksheet.prototype, "charts", {
    get(this: FakeWorksheet) {
      return new FakeChartCollection(this);
    },
  });
  (FakeWorksheet.prototype as unknown as Pick<Excel.Worksheet, "delete">).delete = function (
    this: FakeWorksheet,
  ): void {
    const m = this.live("delete");
    if (!m) return;
    const ctx = (this as unknown as { ctx: FakeContext }).ctx;
    const visible = ctx.model.sheets.filter((s) => s.visibility === "Visible");
    if (visible.length === 1 && visible[0] === m) {
      ctx.fail("InvalidOperation", `cannot delete ${m.name}, the last visible sheet`);
      return;
    }
    ctx.model.sheets = ctx.model.sheets.filter((s) => s !== m);
    if (ctx.model.active === m.name) ctx.model.active = null;
  };
  const textAdd = FakeConditionalFormats.prototype.add;
  (FakeConditionalFormats.prototype as unknown as { add: (type: string) => unknown }).add = function (
    this: FakeConditionalFormats,
    type: string,
  ) {
    if (type !== "Custom") return textAdd.call(this, type);
    const r = (this as unknown as { r: FakeRange }).r;
    const m = r.ws.live("conditionalFormats.add");
    const rule = {
      range: r.a1,
      type,
      text: null,
      fill: null as string | null,
      fontColor: null as string | null,
      formula: "",
      italic: false,
    };
    if (m) {
      m.conditionalFormats.push(rule);
      const list = customRulesOf.get(m) ?? [];
      list.push(rule);
      customRulesOf.set(m, list);
    }
    return {
      custom: {
        rule: {
          set formula(v: string) {
            rule.formula = v;
          },
          get formula(): string {
            return rule.formula;
          },
        },
        format: {
          fill: {
            set color(v: string) {
              rule.fill = v;
            },
            get color(): string {
              return rule.fill ?? "";
            },
          },
          font: {
            set color(v: string) {
              rule.fontColor = v;
            },
            get color(): string {
              return rule.fontColor ?? "";
            },
            set italic(v: boolean) {
              rule.italic = v;
            },
            get italic(): boolean {
              return rule.italic;
            },
          },
        },
      },
    };
  };
}

let consolidatedProfile: ProfileName = "Microsoft 365";
/** The requirement-set profile of the next installConsolidatedExcel (tests run on every profile). */
export function setConsolidatedProfile(p: ProfileName): void {
  consolidatedProfile = p;
}

/** A workbook model with the given sheets, Excel installed over it, and the extensions in place. */
export function installConsolidatedExcel(sheetNames: string[] = ["Sheet1"]): InstalledExcel {
  extendFakeExcel();
  const model = new WorkbookModel();
  for (const n of sheetNames) model.addSheet(n);
  return installExcel(model, consolidatedProfile);
}

export { parseRange };
