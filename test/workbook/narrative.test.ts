/**
 * The narrative sheet (ThuyetMinh) of the standard template and the narratives sheet of the consolidated workbook:
 * the spec (names, validations, protection), the .xlsx round trip, refusals naming the cell, a workbook made before
 * the narrative (no sheet: no narrative, no error), the Office.js writer, reader and repair on the Excel double under
 * both profiles (text starting with - = + stays text), and both consolidated writers.
 */
import ExcelJS from "exceljs";
import { NARRATIVE_MAX, type Narrative } from "../../src/domain";
import { defaultTaskRegister, tasksForUnit } from "../../src/domain/tasks";
import { consolidate, viewFromFiles } from "../../src/domain/scorecard";
import { cellProblemMessage } from "../../src/workbook/cell-problems";
import { buildConsolidatedSpec } from "../../src/workbook/consolidated";
import { readReport } from "../../src/workbook/office/entries";
import { readOfficeNarrative, writeOfficeNarrative } from "../../src/workbook/office/narrative";
import { writeConsolidated } from "../../src/workbook/office/write-consolidated";
import { createOrRepairTemplate } from "../../src/workbook/office/write-template";
import { NARRATIVE_SHEET, type TemplateSpec } from "../../src/workbook/template";
import { readWorkbook } from "../../src/workbook/xlsx/node-inflate";
import { writeConsolidatedXlsx } from "../../src/workbook/xlsx/write-consolidated";
import { writeTemplateXlsx } from "../../src/workbook/xlsx/write-template";
import { file, fullEntries } from "../scorecard/helpers";
import { installConsolidatedExcel, setConsolidatedProfile } from "./consolidated-fake";
import { GROUP, PERIOD, sheetOf, specCell } from "./consolidated-fixture";
import { PROFILE_NAMES, installExcel, parseA1, userTypes, type ProfileName, type WorkbookModel } from "./excel-double";
import { catalog, replaceCell, specFor, units } from "./xlsx-helpers";

const NARRATIVE: Narrative = {
  results: "- Thu ngân sách đạt 95% kế hoạch quý.",
  shortcomings: "=Giải ngân chậm do vướng mặt bằng",
  nextTasks: "+84 đầu việc chuyển sang quý II",
  proposals: "Đề nghị bổ sung kinh phí 2 tỷ đồng.",
};

function withoutNarrativeSheet(spec: TemplateSpec): TemplateSpec {
  return {
    ...spec,
    sheets: spec.sheets.filter((s) => s.name !== NARRATIVE_SHEET),
    names: spec.names.filter((n) => n.sheet !== NARRATIVE_SHEET),
  };
}

describe("the narrative sheet of the template", () => {
  const spec = specFor();
  const sheet = spec.sheets.find((s) => s.name === NARRATIVE_SHEET);

  it("has one named, unlocked, length-validated input per part, on a protected sheet", () => {
    expect(sheet?.protect).toBe(true);
    const names = spec.names.filter((n) => n.sheet === NARRATIVE_SHEET);
    expect(names.map((n) => [n.name, n.address])).toEqual([
      ["CT_narrative_results", "C4"],
      ["CT_narrative_shortcomings", "C5"],
      ["CT_narrative_nextTasks", "C6"],
      ["CT_narrative_proposals", "C7"],
    ]);
    for (const n of names) {
      const cell = sheet?.cells.find((c) => c.address === n.address);
      expect(spec.styles[cell?.style ?? "title"].locked).toBe(false);
      const v = sheet?.validations.find((x) => x.address === n.address);
      expect(v).toMatchObject({ kind: "textLength", min: 0, max: NARRATIVE_MAX });
      expect(v?.prompt.title.length).toBeLessThanOrEqual(32);
      expect(v?.prompt.text.length).toBeLessThanOrEqual(255);
    }
    // every other cell of the sheet is locked
    for (const c of sheet?.cells ?? [])
      if (!names.some((n) => n.address === c.address)) expect(spec.styles[c.style].locked).toBe(true);
  });

  it("round-trips through .xlsx: written, read back exactly (text starting with - = + stays text)", async () => {
    const bytes = await writeTemplateXlsx(specFor({ narrative: NARRATIVE }));
    const read = readWorkbook(bytes, { catalog, units });
    expect(read.narrative).toEqual(NARRATIVE);
    expect(read.problems).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(NARRATIVE_SHEET);
    expect(ws?.getCell("C5").value).toBe(NARRATIVE.shortcomings);
    expect(ws?.getCell("C5").protection?.locked).toBe(false);
    expect(ws?.getCell("C5").dataValidation).toMatchObject({ type: "textLength", formulae: [0, NARRATIVE_MAX] });
  });

  it("reads a workbook made before the narrative (no ThuyetMinh sheet) as having none, without an error", async () => {
    const bytes = await writeTemplateXlsx(withoutNarrativeSheet(specFor()));
    const read = readWorkbook(bytes, { catalog, units });
    expect(read.narrative).toBeNull();
    expect(read.problems).toEqual([]);
  });

  it("refuses an over-long part and a date, naming the cell and the limit in vi and en", async () => {
    let bytes = await writeTemplateXlsx(specFor({ narrative: { results: "x".repeat(NARRATIVE_MAX + 1) } }));
    bytes = await replaceCell(bytes, NARRATIVE_SHEET, "C7", '<c r="C7" s="0" t="b"><v>1</v></c>');
    const read = readWorkbook(bytes, { catalog, units });
    expect(read.narrative).toBeNull();
    expect(read.problems.map((p) => [p.field, p.cell, p.kind])).toEqual([
      ["results", "ThuyetMinh!C4", "tooLong"],
      ["proposals", "ThuyetMinh!C7", "boolean"],
    ]);
    const m = cellProblemMessage(read.problems[0]);
    expect(m.vi).toBe(
      `Kết quả nổi bật: ô ThuyetMinh!C4 chứa ${NARRATIVE_MAX + 1} ký tự, quá ${NARRATIVE_MAX} ký tự cho phép. Hãy rút gọn.`,
    );
    expect(m.en).toBe(
      `Key results: cell ThuyetMinh!C4 holds ${NARRATIVE_MAX + 1} characters, more than the ${NARRATIVE_MAX} allowed. Shorten it.`,
    );
  });
});

function cell(model: WorkbookModel, sheet: string, address: string) {
  const [r, c] = parseA1(address);
  return model.sheet(sheet)?.cell(r, c, false);
}

describe.each(PROFILE_NAMES)("the narrative through Office.js, on %s", (profile: ProfileName) => {
  const opts = { catalog, units, features: { printSetup: profile === "Microsoft 365" } };

  it("writes the sheet with the template, then writes and reads the parts as text in one sync each, without echo", async () => {
    const x = installExcel(undefined, profile);
    const spec = specFor();
    await createOrRepairTemplate(spec, opts);
    const ws = x.model.sheet(NARRATIVE_SHEET);
    expect(ws?.protected).toBe(true);
    expect(x.model.names.get("CT_narrative_results")).toBe("=ThuyetMinh!$C$4");
    const wrote = await x.action("write", () => writeOfficeNarrative(NARRATIVE));
    expect([wrote.count.syncs, wrote.count.echoRuns]).toEqual([1, 0]);
    // Excel would have turned "=…", "+84…" and "- …" into formulas or #NAME?: they are kept as text
    expect(cell(x.model, NARRATIVE_SHEET, "C5")?.value).toBe(NARRATIVE.shortcomings);
    expect(cell(x.model, NARRATIVE_SHEET, "C6")?.value).toBe(NARRATIVE.nextTasks);
    const read = await x.action("read", () => readOfficeNarrative());
    expect(read.count.syncs).toBe(1);
    expect(read.result.narrative).toEqual(NARRATIVE);
    const report = await readReport({ catalog, units }, spec.identity);
    expect(report.narrative).toEqual(NARRATIVE);
  });

  it("reports an over-long part typed in the sheet as a problem of its cell in the opening read", async () => {
    const x = installExcel(undefined, profile);
    const spec = specFor();
    await createOrRepairTemplate(spec, opts);
    await userTypes(x.model, NARRATIVE_SHEET, "C6", "y".repeat(NARRATIVE_MAX + 5));
    const report = await readReport({ catalog, units }, spec.identity);
    expect(report.problems.map((p) => [p.field, p.cell, p.kind, p.found])).toEqual([
      ["nextTasks", "ThuyetMinh!C6", "tooLong", String(NARRATIVE_MAX + 5)],
    ]);
  });

  it("adds the sheet to a template made before the narrative, keeping the figures", async () => {
    const x = installExcel(undefined, profile);
    const full = specFor();
    await createOrRepairTemplate(withoutNarrativeSheet(full), opts);
    expect(x.model.sheet(NARRATIVE_SHEET)).toBeUndefined();
    const before = await readOfficeNarrative();
    expect(before.narrative).toBeNull();
    await expect(writeOfficeNarrative({ results: "x" })).rejects.toMatchObject({ code: "CT_TEMPLATE_SHEET_MISSING" });
    const status = await createOrRepairTemplate(full, opts);
    expect(status.repaired).toContain(`sheet ${NARRATIVE_SHEET}`);
    expect(x.model.names.get("CT_narrative_proposals")).toBe("=ThuyetMinh!$C$7");
  });
});

describe("the consolidated workbook lists the narratives by unit", () => {
  const files = [
    file("a.xlsx", "00004", PERIOD, fullEntries("00004", 100), { narrative: NARRATIVE }),
    file("b.xlsx", "00008", PERIOD, fullEntries("00008", 100)),
  ];
  const result = consolidate(files, { catalog, units, period: PERIOD, unitCodes: GROUP });
  const view = viewFromFiles(result.periods[0], {
    catalog,
    units,
    unitCodes: GROUP,
    generatedAt: "2026-04-20T08:00:00.000Z",
  });
  const spec = buildConsolidatedSpec(view);
  const sheet = sheetOf(spec, "ThuyetMinh");

  it("one row per unit that wrote one, text-formatted; the count names how many did", () => {
    expect(view.narratives?.map((n) => n.unitCode)).toEqual(["00004"]);
    expect([specCell(sheet, "A7"), specCell(sheet, "C7"), specCell(sheet, "D7"), specCell(sheet, "F7")]).toEqual([
      "00004",
      NARRATIVE.results,
      NARRATIVE.shortcomings,
      NARRATIVE.proposals,
    ]);
    expect(specCell(sheet, "A8")).toBeUndefined();
    expect(String(specCell(sheet, "A4"))).toContain("1 đơn vị có thuyết minh / 2 báo cáo đã nhận");
  });

  it("is written by the .xlsx writer as text", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await writeConsolidatedXlsx(spec)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("ThuyetMinh");
    expect(ws?.getCell("D7").value).toBe(NARRATIVE.shortcomings);
    expect(ws?.getCell("E7").value).toBe(NARRATIVE.nextTasks);
  });

  it.each(PROFILE_NAMES)("is written by the Office.js writer with text kept as text (%s)", async (p) => {
    setConsolidatedProfile(p);
    const excel = installConsolidatedExcel(["Sheet1"]);
    await writeConsolidated(spec);
    expect(cell(excel.model, "ThuyetMinh", "D7")?.value).toBe(NARRATIVE.shortcomings);
    expect(cell(excel.model, "ThuyetMinh", "E7")?.value).toBe(NARRATIVE.nextTasks);
    expect(cell(excel.model, "ThuyetMinh", "C7")?.value).toBe(NARRATIVE.results);
  });
});

describe.each(PROFILE_NAMES)("the task-progress sheet through Office.js, on %s", (profile: ProfileName) => {
  const opts = { catalog, units, features: { printSetup: profile === "Microsoft 365" } };
  const unit = units.byCode("S-XD");
  const tasks = unit ? tasksForUnit(defaultTaskRegister(), unit.code, specFor().identity.period) : [];

  it("writes TienDoNV protected, with a state list, and reads what the clerk typed in readReport's one sync", async () => {
    const x = installExcel(undefined, profile);
    const spec = specFor({ unit, tasks });
    await createOrRepairTemplate(spec, opts);
    const ws = x.model.sheet("TienDoNV");
    expect(ws?.protected).toBe(true);
    const first = tasks[0]?.task.id ?? "";
    expect(x.model.names.get(`CT_task_${first}_state`)).toBe("=TienDoNV!$F$6");
    await userTypes(x.model, "TienDoNV", "F6", "Hoàn thành");
    await userTypes(x.model, "TienDoNV", "I6", "- Quyết định phê duyệt");
    await userTypes(x.model, "TienDoNV", "G7", 40);
    // the id and name columns are locked: Excel refuses typing there
    await expect(userTypes(x.model, "TienDoNV", "A6", "KT999")).rejects.toThrow(/locked/);
    const read = await x.action("read", () => readReport({ catalog, units }, spec.identity));
    expect(read.count.syncs).toBe(1);
    expect(read.result.taskProgress.map((p) => [p.taskId, p.state, p.percent])).toEqual([
      [first, "done", null],
      [tasks[1]?.task.id, null, 40],
    ]);
  });
});
