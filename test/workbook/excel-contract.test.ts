/**
 * The Excel double's contract (what Excel does and the friendly fake did not), and the Office.js defects it revealed,
 * each on both requirement-set profiles.
 */
import { AppError, type ValidationIssue } from "../../src/domain";
import { createOfficeWorkbookPort } from "../../src/workbook/office/port";
import { markIssues, readReport, writeEntries } from "../../src/workbook/office/entries";
import { officeText } from "../../src/workbook/office/text";
import { createOrRepairTemplate } from "../../src/workbook/office/write-template";
import { writeConsolidated } from "../../src/workbook/office/write-consolidated";
import { buildConsolidatedSpec } from "../../src/workbook/consolidated";
import { COLORS, unitCellAddress } from "../../src/workbook/template";
import {
  PROFILES,
  PROFILE_NAMES,
  asExcelStores,
  installExcel,
  parseA1,
  userTypes,
  type FakeContext,
  type ProfileName,
  type WorkbookModel,
} from "./excel-double";
import { installConsolidatedExcel } from "./consolidated-fake";
import { sampleView } from "./consolidated-fixture";
import { catalog, specFor, units } from "./xlsx-helpers";

const TEXTS = ["- Đã hoàn thành", "=1+1", "+84 912 345 678", "2024", "01/2026"];

function cell(model: WorkbookModel, sheet: string, address: string) {
  const [r, c] = parseA1(address);
  return model.sheet(sheet)?.cell(r, c, false);
}

type Run = (f: (ctx: FakeContext) => Promise<unknown>) => Promise<unknown>;
const run: Run = (f) => (globalThis as unknown as { Excel: { run: Run } }).Excel.run(f);

describe("how Excel stores strings (the double's rules)", () => {
  it.each([
    ["- Đã hoàn thành", "General", { value: "#NAME?", formula: "=- Đã hoàn thành" }],
    ["=1+1", "General", { value: 2, formula: "=1+1" }],
    ["+84 912 345 678", "General", { value: "#NAME?", formula: "=+84 912 345 678" }],
    ["2024", "General", { value: 2024, formula: null }],
    ["01/2026", "General", { value: 46023, formula: null }],
    ["50%", "General", { value: 0.5, formula: null }],
    ["TRUE", "General", { value: true, formula: null }],
    ["2024", "@", { value: "2024", formula: null }],
    ["'- Đã hoàn thành", "General", { value: "- Đã hoàn thành", formula: null }],
    ["Phường Ba Đình", "General", { value: "Phường Ba Đình", formula: null }],
  ])("%s in a %s cell", (x, fmt, expected) => {
    expect(asExcelStores(x, fmt)).toMatchObject(expected);
  });

  it("officeText keeps every one of them as text", () => {
    for (const t of [...TEXTS, "50%", "TRUE", "'quoted", "12:30", "2026-04-05"])
      expect(asExcelStores(officeText(t), "General")).toMatchObject({ value: t, formula: null });
  });
});

describe.each(PROFILE_NAMES)("the Excel double on %s", (profile: ProfileName) => {
  it("fails a member above the profile with ApiNotFound, and has triggerSource only from ExcelApi 1.14", async () => {
    const x = installExcel(undefined, profile);
    x.model.addSheet("S");
    const r = run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").pageLayout.orientation = "Landscape";
      await ctx.sync();
    });
    if (PROFILES[profile].excelApiMinor < 9) await expect(r).rejects.toMatchObject({ code: "ApiNotFound" });
    else await expect(r).resolves.toBeUndefined();
    const seen: Excel.WorksheetChangedEventArgs[] = [];
    x.model.sheet("S")?.handlers.push(async (e) => seen.push(e));
    await userTypes(x.model, "S", "A1", "x");
    expect("triggerSource" in seen[0]).toBe(PROFILES[profile].excelApiMinor >= 14);
  });

  it("raises onChanged for the add-in's own writes unless events are off, and runs what came before a failure", async () => {
    const x = installExcel(undefined, profile);
    x.model.addSheet("S");
    const seen: string[] = [];
    x.model.sheet("S")?.handlers.push(async (e) => seen.push(e.address));
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      ws.getRange("A1").values = [["a"]];
      ctx.runtime.enableEvents = false;
      ws.getRange("B1").values = [["b"]];
      ctx.runtime.enableEvents = true;
      await ctx.sync();
    });
    await x.model.settle();
    expect(seen).toEqual(["A1"]);
    // a batch is not a transaction: A2 is written, what follows the failure is not
    await expect(
      run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("S");
        ws.getRange("A2").values = [["kept"]];
        ctx.workbook.names.getItem("CT_nowhere").getRange().values = [["x"]];
        ws.getRange("A3").values = [["never"]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    expect([cell(x.model, "S", "A2")?.value, cell(x.model, "S", "A3")?.value ?? ""]).toEqual(["kept", ""]);
  });

  it("refuses a protected sheet's locked cells, InvalidReference for a deleted name, 5 MB requests and edit mode", async () => {
    const x = installExcel(undefined, profile);
    const s = x.model.addSheet("S");
    s.protected = true;
    await expect(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1").values = [["x"]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    s.protected = false;
    x.model.names.set("CT_gone", "=#REF!");
    await expect(
      run(async (ctx) => {
        ctx.workbook.names.getItem("CT_gone").getRange().values = [["x"]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidReference" });
    const big = Array.from({ length: 2000 }, () => Array.from({ length: 10 }, () => "x".repeat(300)));
    await expect(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1:J2000").values = big;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(cell(x.model, "S", "A1")?.value ?? "").toBe(""); // refused whole
    x.model.editMode = true;
    await expect(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1").values = [["x"]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    expect(cell(x.model, "S", "A1")?.value ?? "").toBe("");
  });

  it("reads a property that was not loaded as PropertyNotLoaded", async () => {
    installExcel(undefined, profile);
    await expect(run(async (ctx) => ctx.runtime.enableEvents)).rejects.toMatchObject({ code: "PropertyNotLoaded" });
  });
});

describe.each(PROFILE_NAMES)("Office.js defects, fixed, on %s", (profile: ProfileName) => {
  const features = { printSetup: PROFILES[profile].excelApiMinor >= 9 };
  const opts = { catalog, units, features };

  it("writes justifications and contacts that look like formulas, numbers or dates, and reads them back unchanged", async () => {
    const x = installExcel(undefined, profile);
    // carried over into a new template (write-template) …
    const spec = specFor({
      values: [
        { targetId: "S01", justification: TEXTS[0] },
        { targetId: "S02", justification: TEXTS[1] },
      ],
      unitInfo: { preparer: TEXTS[0], approver: TEXTS[4], phone: TEXTS[2] },
    });
    await createOrRepairTemplate(spec, opts);
    // … and typed in the pane (writeEntries)
    await writeEntries([
      { targetId: "S01", field: "evidence", raw: TEXTS[3] },
      { targetId: "S01", field: "responsible", raw: TEXTS[2] },
      { targetId: "S02", field: "evidence", raw: TEXTS[4] },
      { targetId: "S02", field: "responsible", raw: TEXTS[1] },
    ]);
    const report = await readReport({ catalog, units }, spec.identity);
    const s01 = report.entries.find((e) => e.targetId === "S01");
    const s02 = report.entries.find((e) => e.targetId === "S02");
    expect([s01?.justification, s02?.justification]).toEqual([TEXTS[0], TEXTS[1]]);
    expect([s01?.evidence, s01?.responsible, s02?.evidence, s02?.responsible]).toEqual([
      TEXTS[3],
      TEXTS[2],
      TEXTS[4],
      TEXTS[1],
    ]);
    expect(report.unitSheet).toEqual({ preparer: TEXTS[0], approver: TEXTS[4], phone: TEXTS[2] });
    for (const a of [unitCellAddress("preparer"), unitCellAddress("approver"), unitCellAddress("phone")])
      expect(cell(x.model, "DonVi", a)?.formula).toBeNull();
  });

  it("an edit causes no echo Excel.run: own writes raise no handled event, other columns are filtered before any run", async () => {
    const x = installExcel(undefined, profile);
    const port = createOfficeWorkbookPort({ catalog, units, features });
    const spec = specFor();
    await port.ensureTemplate(spec);
    await port.readEntries();
    const seen: unknown[] = [];
    await port.onEntriesChanged((c) => seen.push(c));
    const { count: pane } = await x.action("type in the pane", async () => {
      await port.writeEntries([{ targetId: "S02", field: "value", raw: 7 }]);
      await port.markIssues([], []);
    });
    expect(pane).toMatchObject({ runs: 2, syncs: 2, echoRuns: 0 });
    expect(seen).toEqual([]);
    expect(x.model.enableEvents).toBe(true);
    const { count: sheet } = await x.action("type in the sheet", async () => {
      await userTypes(x.model, "Nhap", `G${spec.entry.rows.S02}`, 8);
      await port.markIssues([], []);
    });
    expect(sheet).toMatchObject({ runs: 2, syncs: 2, echoRuns: 0 });
    expect(seen).toEqual([[{ targetId: "S02", field: "value", raw: 8 }]]);
    const nhap = x.model.sheet("Nhap");
    if (nhap) nhap.protected = false; // the user unprotected the sheet to edit a title
    const { count: other } = await x.action("type beside the inputs", () => userTypes(x.model, "Nhap", "B2", "note"));
    expect(other).toMatchObject({ runs: 0, echoRuns: 0 });
  });

  it("turns events back on when a quiet write fails midway", async () => {
    const x = installExcel(undefined, profile);
    await createOrRepairTemplate(specFor(), opts);
    x.model.names.delete("CT_S02_value");
    await expect(writeEntries([{ targetId: "S02", field: "value", raw: 1 }])).rejects.toBeInstanceOf(AppError);
    expect(x.model.enableEvents).toBe(true);
  });

  it("marks issues with a deleted name without leaving the sheet unprotected", async () => {
    const x = installExcel(undefined, profile);
    const spec = specFor();
    await createOrRepairTemplate(spec, opts);
    x.model.names.set("CT_S02_value", "=#REF!"); // a name the user broke: reading tolerates it
    const issue: ValidationIssue = {
      code: "numerator_above_denominator",
      ruleId: "bounds.ratio",
      targetId: "S01",
      unitCode: "00004",
      period: "2026-Q1",
      path: ["entries", "S01", "numerator"],
      cell: `Nhap!H${spec.entry.rows.S01}`,
      severity: "error",
      params: {},
      message: { vi: "Tử số lớn hơn mẫu số.", en: "Numerator above denominator." },
    };
    await markIssues(spec, [issue], []);
    expect(x.model.sheet("Nhap")?.protected).toBe(true);
    expect(cell(x.model, "Nhap", `H${spec.entry.rows.S01}`)?.fill).toBe("#FFC7CE");
    expect(cell(x.model, "Nhap", `O${spec.entry.rows.S01}`)?.value).toBe("✖ Tử số lớn hơn mẫu số.");
    // the marks come back every time, not an error at every mark
    await markIssues(spec, [], []);
    expect(cell(x.model, "Nhap", `H${spec.entry.rows.S01}`)?.fill).toBe(`#${COLORS.input}`);
  });

  it("recognises a complete template protected with the user's password without unprotecting it", async () => {
    const x = installExcel(undefined, profile);
    const spec = specFor();
    await createOrRepairTemplate(spec, opts);
    for (const name of ["Nhap", "DonVi"]) {
      const s = x.model.sheet(name);
      if (s) s.password = "mat-khau";
    }
    const status = await createOrRepairTemplate(spec, opts);
    expect(status.repaired).toEqual([]);
    expect([x.model.sheet("Nhap")?.protected, x.model.sheet("Nhap")?.password]).toEqual([true, "mat-khau"]);
  });

  it("opens a report in at most 3 syncs, empty workbook or existing template, with no echo", async () => {
    for (const existing of [false, true]) {
      const x = installExcel(undefined, profile);
      const spec = specFor();
      if (existing) await createOrRepairTemplate(spec, opts);
      const port = createOfficeWorkbookPort({ catalog, units, features });
      // the calls useReport.open makes, then the mark the pane makes once the entries are validated
      const { count } = await x.action("open", async () => {
        await port.ensureTemplate(spec);
        await port.readEntries();
        const off = await port.onEntriesChanged(() => undefined);
        await port.markIssues([], []);
        return off;
      });
      expect([existing, count.syncs, count.echoRuns]).toEqual([existing, expect.any(Number), 0]);
      expect(count.syncs).toBeLessThanOrEqual(3);
      expect(cell(x.model, "Nhap", `G${spec.entry.rows.S02}`)?.fill).toBe(`#${COLORS.input}`);
    }
  });

  it("moves the watch to the rebuilt entry sheet: the old sheet kept as Nhap_cu raises nothing the pane reads", async () => {
    const x = installExcel(undefined, profile);
    const spec = specFor();
    await createOrRepairTemplate(spec, opts);
    x.model.parts[0].xml = x.model.parts[0].xml.replace(/<catalogVersion>[^<]+/, "<catalogVersion>old");
    const watch = async () => undefined;
    const status = await createOrRepairTemplate(spec, { ...opts, watch });
    expect(status.repaired.join("\n")).toContain("previous sheet kept as Nhap_cu");
    expect([x.model.sheet("Nhap")?.handlers.length, x.model.sheet("Nhap_cu")?.handlers.length]).toEqual([1, 0]);
  });

  it("rolls a failed planner write back from what the workbook holds: no ~stamp~ sheet left", async () => {
    const excel = installConsolidatedExcel(["Sheet1"]);
    excel.model.profile = profile;
    const spec = buildConsolidatedSpec(sampleView());
    await writeConsolidated(spec, { pageLayout: features.printSetup });
    excel.model.faults.push({ op: "worksheets.add", code: "GeneralException", skip: 2 }); // the 3rd new sheet fails
    await expect(writeConsolidated(spec, { pageLayout: features.printSetup })).rejects.toMatchObject({
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
    // and when putting back fails too, the planner is told which sheets to rename
    excel.model.faults.push(
      { op: "worksheets.add", code: "GeneralException", skip: 1 },
      { op: "delete", code: "GeneralException" },
    );
    const e = (await writeConsolidated(spec, { pageLayout: features.printSetup }).catch(
      (err: unknown) => err,
    )) as AppError;
    expect(e.code).toBe("CT_OFFICE_CONSOLIDATE_LEFT_SHEETS");
    const left = excel.model.sheets.map((s) => s.name).filter((n) => n.startsWith("~"));
    expect(left.length).toBeGreaterThan(0);
    for (const n of left) expect(e.messages.vi).toContain(n);
  });
});
