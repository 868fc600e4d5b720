/** The NhiemVu sheet (issue #19): the task board in the consolidated workbook, through both writers. */
import ExcelJS from "exceljs";
import {
  blankTaskProgress,
  buildTaskBoard,
  createUnitRegistry,
  defaultCatalog,
  defaultTaskRegister,
  defaultUnits,
  parsePeriod,
  taskUnits,
} from "../../src/domain";
import { buildConsolidatedSpec, TASKS_LAYOUT } from "../../src/workbook/consolidated";
import { writeConsolidatedXlsx } from "../../src/workbook/xlsx/write-consolidated";
import { writeConsolidated } from "../../src/workbook/office/write-consolidated";
import { customRulesOf, installConsolidatedExcel, setConsolidatedProfile } from "./consolidated-fake";
import { sampleView } from "./consolidated-fixture";

const period = parsePeriod("2026-Q1")!;
const units = createUnitRegistry([...defaultUnits(), ...taskUnits()]);
const board = buildTaskBoard({
  register: defaultTaskRegister(),
  period,
  units,
  catalog: defaultCatalog(),
  reports: [
    {
      unitCode: "S-XD",
      period: "2026-03",
      receivedAt: "2026-04-02T03:00:00Z",
      tasks: [
        { ...blankTaskProgress("KT023"), state: "on_track", percent: 70 },
        { ...blankTaskProgress("KT024"), state: "done", productDelivered: "Hồ hoàn thành", completedOn: "2026-03-20" },
      ],
    },
  ],
});

describe("the NhiemVu sheet", () => {
  const view = sampleView();
  const spec = buildConsolidatedSpec(view, { taskBoard: board });
  const sheet = spec.sheets.find((s) => s.name === "NhiemVu")!;

  it("comes after the five sheets only when a board is given", () => {
    expect(spec.sheets.map((s) => s.name)).toEqual([
      "TongHop",
      "MaTran",
      "TienDo",
      "ThePhanLoai",
      "BieuDo",
      "ThuyetMinh",
      "NhiemVu",
    ]);
    expect(buildConsolidatedSpec(view).sheets.map((s) => s.name)).not.toContain("NhiemVu");
  });

  it("writes one row per task with the state in both languages, coloured by conditional formatting", async () => {
    const xlsx = await writeConsolidatedXlsx(spec);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx) as never);
    const ws = wb.getWorksheet("NhiemVu")!;
    const first = TASKS_LAYOUT.firstData;
    expect(ws.getCell(`A${first}`).value).toBe("KT001");
    const row = (id: string) => {
      for (let r = first; r < first + board.rows.length; r++) if (ws.getCell(`A${r}`).value === id) return ws.getRow(r);
      throw new Error(id);
    };
    expect(row("KT023").getCell(10).value).toBe("Đúng tiến độ\nOn track");
    expect(row("KT023").getCell(11).value).toBe(70);
    expect(row("KT024").getCell(10).value).toBe("Hoàn thành\nDone");
    expect(String(row("KT001").getCell(10).value)).toBe("Chưa báo cáo\nNo report");
    const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] })
      .conditionalFormattings;
    const stateRules = cf.find((c) => c.ref.startsWith(`J${first}`))!;
    expect(stateRules.rules.map((r) => r.formulae[0])).toContain(`J${first}="Hoàn thành"&CHAR(10)&"Done"`);
    expect(cf.some((c) => c.ref.startsWith(`T${first}`))).toBe(true);
  });

  it("is written by the Office.js writer too, with its conditional formats, and replaced on refresh", async () => {
    setConsolidatedProfile("Excel 2019");
    const excel = installConsolidatedExcel(["Sheet1"]);
    const result = await writeConsolidated(spec);
    expect(result.syncs).toBeGreaterThanOrEqual(2);
    const ws = excel.model.sheet("NhiemVu")!;
    expect(ws).toBeDefined();
    const first = TASKS_LAYOUT.firstData;
    const rules = customRulesOf.get(ws as never) ?? [];
    expect(rules.map((r) => r.formula)).toContain(`=J${first}="Hoàn thành"&CHAR(10)&"Done"`);
    const again = await writeConsolidated(spec);
    expect(again.replaced).toContain("NhiemVu");
    expect(excel.model.sheets.filter((s) => s.name === "NhiemVu")).toHaveLength(1);
  });

  it("says the list is the starter list from public sources, never the official one", () => {
    const text = JSON.stringify(sheet.blocks);
    expect(text).toContain("Named by a public source — not the official list");
    expect(text).not.toMatch(/"Official list/);
  });
});
