import { AppError, parsePeriod, type Period, type TargetAssessment, type ValidationIssue } from "../../src/domain";
import {
  changeHandler,
  markIssues,
  onEntriesChanged,
  readReport,
  selectCell,
  writeEntries,
  type ChangesRead,
} from "../../src/workbook/office/entries";
import { runExcel } from "../../src/workbook/office/run";
import { cellProblemMessage } from "../../src/workbook/cell-problems";
import { createOrRepairTemplate, widthInPoints } from "../../src/workbook/office/write-template";
import { identityFromXml } from "../../src/workbook/identity";
import { TEMPLATE_NS, type EntryChange } from "../../src/workbook/port";
import { COLORS, SHEET_NAMES, customFormula, type TemplateSpec } from "../../src/workbook/template";
import {
  PROFILES,
  PROFILE_NAMES,
  colIndex,
  fireChanged,
  installExcel,
  parseA1,
  userTypes,
  type FakeContext,
  type InstalledExcel,
  type ProfileName,
  type WorkbookModel,
} from "./excel-double";
import { catalog, expectedEntries, specFor, units } from "./xlsx-helpers";

const OFFICE_TYPE = {
  decimal: "Decimal",
  whole: "WholeNumber",
  list: "List",
  textLength: "TextLength",
  custom: "Custom",
} as const;

/** Excel.run contexts get a jest spy on sync; syncsOfLast() is the sync count of the last action. */
function setup(): InstalledExcel & { spies: jest.SpyInstance[]; syncsOfLast: () => number } {
  const installed = installExcel(undefined, profile);
  const spies: jest.SpyInstance[] = [];
  installed.onContext = (ctx: FakeContext) => {
    spies.push(jest.spyOn(ctx, "sync"));
  };
  return Object.assign(installed, { spies, syncsOfLast: () => spies[spies.length - 1].mock.calls.length });
}

function cellOf(model: WorkbookModel, sheet: string, address: string) {
  const [r, c] = parseA1(address);
  return model.sheet(sheet)?.cell(r, c, false);
}

/** the profile the current block runs on (every test runs on both) */
let profile: ProfileName = "Microsoft 365";
const opts = { catalog, units, features: { printSetup: true } };

/** Every cell, name, validation, format and setting of the spec, as the fake workbook holds it. */
function expectWorkbookMatchesSpec(model: WorkbookModel, spec: TemplateSpec): void {
  expect(model.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(spec.sheets.map((s) => s.name)));
  for (const s of spec.sheets) {
    const sheet = model.sheet(s.name);
    if (!sheet) throw new Error(`no sheet ${s.name}`);
    for (const c of s.cells) {
      const got = cellOf(model, s.name, c.address);
      if (c.formula) expect([c.address, got?.formula]).toEqual([c.address, `=${c.formula}`]);
      else expect([c.address, got?.value]).toEqual([c.address, c.value ?? ""]);
      expect([c.address, got?.locked]).toEqual([c.address, spec.styles[c.style].locked]);
      if (spec.styles[c.style].fill)
        expect([c.address, got?.fill]).toEqual([c.address, `#${spec.styles[c.style].fill}`]);
    }
    for (const v of s.validations) {
      const dv = cellOf(model, s.name, v.address)?.validation;
      expect([v.address, dv?.type]).toEqual([v.address, OFFICE_TYPE[v.kind]]);
      expect(dv?.prompt).toEqual({ showPrompt: true, title: v.prompt.title, message: v.prompt.text });
      expect(dv?.errorAlert).toEqual({ showAlert: true, style: "Stop", title: v.error.title, message: v.error.text });
      if (v.kind === "list") expect(dv?.rule.list?.source).toBe(v.list?.join(","));
      else if (v.kind === "custom") expect(dv?.rule.custom?.formula).toBe(`=${customFormula(v, v.address)}`);
      else {
        const basic = dv?.rule.decimal ?? dv?.rule.wholeNumber ?? dv?.rule.textLength;
        expect(basic?.formula1).toBe(v.min ?? v.max);
        if (v.min !== undefined && v.max !== undefined)
          expect([basic?.operator, basic?.formula2]).toEqual(["Between", v.max]);
      }
    }
    expect(sheet.merges).toEqual(s.merges);
    expect(sheet.protected).toBe(s.protect);
    expect(sheet.protectionOptions).toMatchObject({
      allowInsertRows: true,
      allowFormatCells: false,
      allowDeleteRows: false,
    });
    expect(sheet.tabColor).toBe(s.tabColor ? `#${s.tabColor}` : "");
    s.columnWidths.forEach((w, i) => expect(sheet.columnWidths.get(i + 1)).toBe(widthInPoints(w)));
    // wrapped two-language rows as tall as the .xlsx writer makes them, the internal versions out of view
    expect([s.name, Object.fromEntries(sheet.rowHeights)]).toEqual([
      s.name,
      Object.fromEntries(Object.entries(s.rowHeights ?? {}).map(([r, h]) => [Number(r), h])),
    ]);
    expect([s.name, [...sheet.hiddenRows].sort((a, b) => a - b)]).toEqual([s.name, s.hiddenRows ?? []]);
    if (opts.features.printSetup) {
      expect(sheet.page.orientation).toBe(s.print.orientation === "landscape" ? "Landscape" : "Portrait");
      expect(sheet.page.paperSize).toBe("A4");
      expect(sheet.page.printTitleRows).toBe(
        s.print.titleRows ? `$${s.print.titleRows[0]}:$${s.print.titleRows[1]}` : null,
      );
    } else {
      expect(sheet.page).toEqual({
        orientation: null,
        paperSize: null,
        zoom: null,
        printTitleRows: null,
        printTitleColumns: null,
      }); // ExcelApi 1.9
    }
    expect(sheet.freezeAt).toBe(s.freeze ? `A1:B${s.freeze.rows}` : null);
    expect(sheet.conditionalFormats.map((c) => [c.range, c.type, c.text, c.fill, c.fontColor])).toEqual(
      s.conditionalFormats.flatMap((cf) =>
        cf.rules.map((r) => [cf.range, "ContainsText", r.text, `#${r.fill}`, `#${r.fontColor}`]),
      ),
    );
  }
  for (const n of spec.names)
    expect([n.name, model.names.get(n.name)]).toEqual([n.name, `=${n.sheet}!$${n.address.replace(/(\d+)/, "$$$1")}`]);
  const ours = model.parts.filter((p) => p.ns === TEMPLATE_NS);
  expect(ours).toHaveLength(1);
  expect(identityFromXml(ours[0].xml)).toEqual(spec.identity);
}

describe.each(PROFILE_NAMES)("on %s", (p: ProfileName) => {
  beforeAll(() => {
    profile = p;
    opts.features.printSetup = PROFILES[p].excelApiMinor >= 9;
  });

  describe("the Office.js template writer", () => {
    it("creates the whole template of the spec in an empty workbook in 2 syncs", async () => {
      const x = setup();
      const spec = specFor({ values: [{ targetId: "S02", value: 4 }], unitInfo: { phone: "0912345678" } });
      const status = await createOrRepairTemplate(spec, opts);
      expect(x.syncsOfLast()).toBe(2);
      expect(status).toEqual({ identity: spec.identity, repaired: [], created: true });
      expectWorkbookMatchesSpec(x.model, spec);
      expect(x.model.active).toBe("Nhap");
      // text that Excel would turn into a number keeps a text format
      expect(cellOf(x.model, "DonVi", "C3")).toMatchObject({ value: "00004", numberFormat: "@" });
      expect(cellOf(x.model, "DonVi", "C12")).toMatchObject({ value: "0912345678", numberFormat: "@" });
    });

    it("leaves print setup out where only ExcelApi 1.8 exists", async () => {
      const x = setup();
      await createOrRepairTemplate(specFor(), { catalog, units, features: { printSetup: false } });
      expect(x.model.sheet("Nhap")?.page).toEqual({
        orientation: null,
        paperSize: null,
        zoom: null,
        printTitleRows: null,
        printTitleColumns: null,
      });
    });

    it("recognises its own template and changes nothing when nothing is missing (3 syncs)", async () => {
      const x = setup();
      const spec = specFor();
      await createOrRepairTemplate(spec, opts);
      x.model.sheet("Nhap")?.typeValue(`G${spec.entry.rows.S02}`, 42);
      const status = await createOrRepairTemplate(spec, opts);
      expect(x.syncsOfLast()).toBeLessThanOrEqual(3);
      expect(status.repaired).toEqual([]);
      expect(status.created).toBe(false);
      expect(cellOf(x.model, "Nhap", `G${spec.entry.rows.S02}`)?.value).toBe(42);
    });

    it("repairs a deleted sheet, name, validation, conditional format, protection and identity part without losing a typed value", async () => {
      const x = setup();
      const spec = specFor();
      await createOrRepairTemplate(spec, opts);
      const m = x.model;
      const s02 = spec.entry.rows.S02;
      const s01 = spec.entry.rows.S01;
      m.sheet("Nhap")?.typeValue(`G${s02}`, 42);
      m.sheet("Nhap")?.typeValue(`L${s02}`, "Giải trình đầy đủ");
      m.sheet("Nhap")?.typeValue(`H${s01}`, 10);
      m.sheet("DonVi")?.typeValue("C10", "Nguyễn Văn A");
      m.sheets = m.sheets.filter((s) => s.name !== "HuongDan");
      m.names.delete("CT_S02_value");
      m.names.set("CT_S01_numerator", "=#REF!");
      const v = cellOf(m, "Nhap", `H${s01}`);
      if (v) v.validation = null;
      const nhap = m.sheet("Nhap");
      if (nhap) {
        nhap.conditionalFormats = [];
        nhap.protected = false;
      }
      m.parts = [];

      const status = await createOrRepairTemplate(spec, opts);
      expect(x.syncsOfLast()).toBe(3);
      expect(status.repaired).toEqual(
        expect.arrayContaining([
          "sheet HuongDan",
          "name CT_S02_value",
          "name CT_S01_numerator",
          `validation Nhap!H${s01}`,
          "conditional format Nhap!K",
          "protection Nhap",
          "identity part",
        ]),
      );
      expect(cellOf(m, "Nhap", `G${s02}`)?.value).toBe(42);
      expect(cellOf(m, "Nhap", `L${s02}`)?.value).toBe("Giải trình đầy đủ");
      expect(cellOf(m, "Nhap", `H${s01}`)?.value).toBe(10);
      expect(cellOf(m, "DonVi", "C10")?.value).toBe("Nguyễn Văn A");
      expect(m.names.get("CT_S02_value")).toBe(`=Nhap!$G$${s02}`);
      expect(m.names.get("CT_S01_numerator")).toBe(`=Nhap!$H$${s01}`);
      // S01's numerator takes a number or "không áp dụng" / N/A: Excel's custom rule, at the cell's own address
      expect(cellOf(m, "Nhap", `H${s01}`)?.validation?.type).toBe("Custom");
      expect(cellOf(m, "Nhap", `H${s01}`)?.validation?.rule.custom?.formula).toContain(`ISNUMBER(H${s01})`);
      expect(m.sheet("Nhap")?.conditionalFormats).toHaveLength(5);
      expect(m.sheet("Nhap")?.protected).toBe(true);
      expect(m.sheet("HuongDan")?.protected).toBe(true);
      expect(identityFromXml(m.parts[0].xml)).toEqual(spec.identity);
    });

    it("re-binds names to the rows they moved to when the user inserted rows and the names were lost", async () => {
      const x = setup();
      const spec = specFor();
      await createOrRepairTemplate(spec, opts);
      const m = x.model;
      m.sheet("Nhap")?.typeValue(`G${spec.entry.rows.U13}`, 5);
      for (const n of [...m.names.keys()]) if (n.startsWith("CT_U1")) m.names.delete(n);
      m.insertRows("Nhap", spec.entry.rows.U13, 2); // rows inserted (other names move); U1x names gone: only column A knows
      const status = await createOrRepairTemplate(spec, opts);
      expect(x.syncsOfLast()).toBe(3);
      expect(status.repaired).toContain("name CT_U13_value");
      expect(m.names.get("CT_U13_value")).toBe(`=Nhap!$G$${spec.entry.rows.U13 + 2}`);
      expect(cellOf(m, "Nhap", `G${spec.entry.rows.U13 + 2}`)?.value).toBe(5);
    });

    it("rebuilds a template of another catalog version, carrying every value over and keeping the old sheet", async () => {
      const x = setup();
      const spec = specFor();
      await createOrRepairTemplate(spec, opts);
      const m = x.model;
      m.sheet("Nhap")?.typeValue(`G${spec.entry.rows.S02}`, 42);
      m.sheet("Nhap")?.typeValue(`H${spec.entry.rows.S01}`, 7);
      m.parts[0].xml = m.parts[0].xml.replace(/<catalogVersion>[^<]+/, "<catalogVersion>old");
      const status = await createOrRepairTemplate(spec, opts);
      expect(x.syncsOfLast()).toBe(3);
      expect(status.repaired.join("\n")).toContain("rebuilt (2 values carried over; previous sheet kept as Nhap_cu)");
      expect(m.sheets.map((s) => s.name)).toEqual(["HuongDan", "DonVi", "Nhap", "Nhap_cu", "ThuyetMinh", "TienDoNV"]);
      expect(cellOf(m, "Nhap", `G${spec.entry.rows.S02}`)?.value).toBe(42);
      expect(cellOf(m, "Nhap", `H${spec.entry.rows.S01}`)?.value).toBe(7);
      expect(m.names.get("CT_S02_value")).toBe(`=Nhap!$G$${spec.entry.rows.S02}`);
      expect(identityFromXml(m.parts[0].xml)?.catalogVersion).toBe(catalog.version);
      expect(cellOf(m, "Nhap_cu", `G${spec.entry.rows.S02}`)?.value).toBe(42);
    });

    it("refuses to turn another unit's or period's report into this one, and writes nothing", async () => {
      const x = setup();
      await createOrRepairTemplate(specFor(), opts);
      const before = JSON.stringify([...x.model.names]);
      const other = specFor({ period: parsePeriod("2026-Q2") as Period });
      await expect(createOrRepairTemplate(other, opts)).rejects.toMatchObject({ code: "CT_TEMPLATE_OTHER_REPORT" });
      expect(x.syncsOfLast()).toBe(2);
      expect(JSON.stringify([...x.model.names])).toBe(before);
      const e = await createOrRepairTemplate(other, opts).catch((err: AppError) => err);
      expect((e as AppError).messages.vi).toContain("kỳ 2026-Q1, không phải đơn vị 00004, kỳ 2026-Q2");
    });
  });

  describe("the Office.js reader and marks", () => {
    async function filled() {
      const x = setup();
      const spec = specFor();
      await createOrRepairTemplate(spec, opts);
      return { x, spec };
    }

    it("reads every entry and the unit sheet in one sync, percent formats included", async () => {
      const { x, spec } = await filled();
      const m = x.model;
      const nhap = m.sheet("Nhap");
      nhap?.typeValue(`G${spec.entry.rows.S02}`, "12,5");
      nhap?.typeValue(`H${spec.entry.rows.S01}`, 120);
      nhap?.typeValue(`I${spec.entry.rows.S01}`, 200);
      nhap?.typeValue(`L${spec.entry.rows.S01}`, "Thiếu nhân lực");
      m.sheet("DonVi")?.typeValue("C10", "Nguyễn Văn A");
      const report = await readReport({ catalog, units }, spec.identity);
      expect(x.syncsOfLast()).toBe(1);
      expect(report.entries).toEqual(
        expectedEntries(spec, [
          { targetId: "S02", value: "12,5" },
          { targetId: "S01", numerator: 120, denominator: 200, justification: "Thiếu nhân lực" },
        ]),
      );
      expect(report.unitSheet.preparer).toBe("Nguyễn Văn A");
      expect(report.identity).toEqual(spec.identity);
      expect(report.cellOf("S01", "numerator")).toBe(`Nhap!H${spec.entry.rows.S01}`);
    });

    it("reads a percent-formatted cell of a percent target as its percentage", async () => {
      const x = setup();
      const spec = specFor({ unit: units.byCode("HN") });
      await createOrRepairTemplate(spec, opts);
      const c = x.model.sheet("Nhap")?.cell(spec.entry.rows.E07, colIndex("G"));
      if (c) {
        c.value = 0.125;
        c.numberFormat = "0.0%";
      }
      const report = await readReport({ catalog, units }, spec.identity);
      expect(report.entries.find((e) => e.targetId === "E07")?.value).toBe(12.5);
    });

    it("refuses a date, a time, a boolean and an error value in a figure's cell by cell, in the same one sync", async () => {
      const { x, spec } = await filled();
      const [a, b] = Object.keys(spec.entry.rows).filter(
        (id) => id !== "S02" && spec.entry.fields[id]?.includes("value"),
      );
      const s01 = spec.entry.rows.S01;
      const nhap = x.model.sheet("Nhap")!;
      await userTypes(x.model, "Nhap", `G${spec.entry.rows.S02}`, "3/15/2026"); // Excel makes it a date
      await userTypes(x.model, "Nhap", `G${spec.entry.rows[a]}`, "TRUE"); // a boolean
      await userTypes(x.model, "Nhap", `H${s01}`, "=1/0"); // #DIV/0!
      const time = nhap.cell(spec.entry.rows[b], colIndex("G"))!;
      time.value = 0.3541666666666667; // 08:30
      time.numberFormat = "h:mm";
      await userTypes(x.model, "Nhap", `I${s01}`, 200); // a figure, read as such
      await userTypes(x.model, "Nhap", `L${s01}`, "#N/A là viết tắt"); // a text that merely starts like an error
      const report = await readReport({ catalog, units }, spec.identity);
      expect(x.syncsOfLast()).toBe(1);
      expect(report.problems).toEqual(
        expect.arrayContaining([
          { targetId: "S02", field: "value", cell: `Nhap!G${spec.entry.rows.S02}`, kind: "date", found: "46096" },
          { targetId: a, field: "value", cell: `Nhap!G${spec.entry.rows[a]}`, kind: "boolean", found: "true" },
          { targetId: "S01", field: "numerator", cell: `Nhap!H${s01}`, kind: "error", found: "#DIV/0!" },
          expect.objectContaining({ targetId: b, field: "value", cell: `Nhap!G${spec.entry.rows[b]}`, kind: "time" }),
        ]),
      );
      expect(report.problems).toHaveLength(4);
      const entry = (id: string) => report.entries.find((e) => e.targetId === id);
      expect([entry("S02")?.value, entry(a)?.value, entry(b)?.value, entry("S01")?.numerator]).toEqual([
        null,
        null,
        null,
        null,
      ]);
      expect(entry("S01")).toMatchObject({ denominator: 200, justification: "#N/A là viết tắt" });
      const message = cellProblemMessage(report.problems.find((q) => q.kind === "date")!);
      expect(message.vi).toContain(`ô Nhap!G${spec.entry.rows.S02} chứa ngày 15/03/2026, không phải con số`);
      expect(message.en).toContain(`cell Nhap!G${spec.entry.rows.S02} holds the date 15/03/2026, not a figure`);
    });

    it("reports a date typed in the sheet through onChanged as a blank with its problem, in one sync", async () => {
      const { x, spec } = await filled();
      const seen: ChangesRead[] = [];
      await runExcel("watch", async (context) => {
        context.workbook.worksheets.getItem("Nhap").onChanged.add(changeHandler((read) => seen.push(read)));
        await context.sync();
      });
      const s02 = spec.entry.rows.S02;
      await userTypes(x.model, "Nhap", `G${s02}`, "01/2026");
      expect(x.syncsOfLast()).toBe(1);
      expect(seen.map((r) => [r.changes, r.problems])).toEqual([
        [
          [{ targetId: "S02", field: "value", raw: null }],
          [{ targetId: "S02", field: "value", cell: `Nhap!G${s02}`, kind: "date", found: "46023" }],
        ],
      ]);
    });

    it("writes typed values into their named cells in one sync, the sheet staying protected", async () => {
      const { x, spec } = await filled();
      const changes: EntryChange[] = [
        { targetId: "S02", field: "value", raw: 17 },
        { targetId: "S01", field: "justification", raw: "Đã rà soát" },
        { targetId: "S01", field: "numerator", raw: null },
      ];
      await writeEntries(changes);
      expect(x.syncsOfLast()).toBe(1);
      expect(cellOf(x.model, "Nhap", `G${spec.entry.rows.S02}`)?.value).toBe(17);
      expect(cellOf(x.model, "Nhap", `L${spec.entry.rows.S01}`)?.value).toBe("Đã rà soát");
      expect(cellOf(x.model, "Nhap", `H${spec.entry.rows.S01}`)?.value).toBe("");
      expect(x.model.sheet("Nhap")?.protected).toBe(true);
    });

    it("marks issues with colours, the check column and each target's status in one sync, and clears old marks", async () => {
      const { x, spec } = await filled();
      const s01 = spec.entry.rows.S01;
      const s02 = spec.entry.rows.S02;
      const issue = (over: Partial<ValidationIssue>): ValidationIssue => ({
        code: "numerator_above_denominator",
        ruleId: "bounds.ratio",
        targetId: "S01",
        unitCode: "00004",
        period: "2026-Q1",
        path: ["entries", "S01", "numerator"],
        cell: `Nhap!H${s01}`,
        severity: "error",
        params: {},
        message: { vi: "Tử số lớn hơn mẫu số.", en: "Numerator above denominator." },
        ...over,
      });
      const assessments = [
        { targetId: "S02", progress: "off_track", figure: 3, target: { kind: "none", year: 2026, termTarget: null } },
      ] as TargetAssessment[];
      await markIssues(
        spec,
        [
          issue({}),
          issue({
            targetId: "S02",
            cell: `Nhap!G${s02}`,
            severity: "warning",
            code: "off_track",
            message: { vi: "Chưa đạt.", en: "Off track." },
          }),
        ],
        assessments,
      );
      expect(x.syncsOfLast()).toBe(1);
      expect(cellOf(x.model, "Nhap", `H${s01}`)?.fill).toBe("#FFC7CE");
      expect(cellOf(x.model, "Nhap", `G${s02}`)?.fill).toBe("#FFEB9C");
      expect(cellOf(x.model, "Nhap", `O${s01}`)?.value).toBe("✖ Tử số lớn hơn mẫu số.");
      expect(cellOf(x.model, "Nhap", `K${s02}`)?.value).toBe("Chậm tiến độ\nOff track");
      expect(x.model.sheet("Nhap")?.protected).toBe(true);

      await markIssues(spec, [], []);
      expect(x.syncsOfLast()).toBe(1);
      expect(cellOf(x.model, "Nhap", `H${s01}`)?.fill).toBe(`#${COLORS.input}`);
      expect(cellOf(x.model, "Nhap", `O${s01}`)?.value).toBe("");
      expect(cellOf(x.model, "Nhap", `K${s02}`)?.value).toBe("");
    });

    it("selects a cell on its sheet in one sync", async () => {
      const { x } = await filled();
      x.model.active = "DonVi";
      await selectCell("Nhap!G10");
      expect(x.syncsOfLast()).toBe(1);
      expect(x.model.active).toBe("Nhap");
      expect(x.model.selected).toBe("Nhap!G10");
    });

    it("reports typing and pasting in input cells through onChanged, and stops after unsubscribing", async () => {
      const { x, spec } = await filled();
      const seen: EntryChange[][] = [];
      const unsubscribe = await onEntriesChanged((c) => seen.push(c));
      const s01 = spec.entry.rows.S01;
      const nhap = x.model.sheet("Nhap");
      nhap?.typeValue(`H${s01}`, 300); // a paste over numerator, denominator and the status column
      nhap?.typeValue(`I${s01}`, "200");
      await fireChanged(x.model, "Nhap", `H${s01}:K${s01}`);
      expect(x.syncsOfLast()).toBe(1);
      expect(seen).toEqual([
        [
          { targetId: "S01", field: "numerator", raw: 300 },
          { targetId: "S01", field: "denominator", raw: "200" },
        ],
      ]);
      await fireChanged(x.model, "Nhap", "B2"); // not an input: nothing reported
      expect(seen).toHaveLength(1);
      await unsubscribe();
      await fireChanged(x.model, "Nhap", `H${s01}`);
      expect(seen).toHaveLength(1);
    });

    it("turns an Excel failure into a bilingual AppError", async () => {
      const { x } = await filled();
      x.model.names.delete("CT_S02_value");
      const e = await writeEntries([{ targetId: "S02", field: "value", raw: 1 }]).catch((err: unknown) => err);
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe("CT_EXCEL_FAILED");
      expect((e as AppError).messages.vi).toContain(
        'Excel không thực hiện được thao tác "ghi số liệu / write entries"',
      );
      expect((e as AppError).messages.en).toContain("ItemNotFound");
    });

    it("never reads a property before its sync (the fake throws as Excel does)", async () => {
      const x = setup();
      await expect(
        (
          globalThis as unknown as { Excel: { run: (f: (c: FakeContext) => Promise<unknown>) => Promise<unknown> } }
        ).Excel.run(async (ctx) => {
          const r = ctx.workbook.worksheets;
          r.load("items/name");
          return r.items;
        }),
      ).rejects.toMatchObject({ code: "PropertyNotLoaded" });
      expect(x.contexts).toHaveLength(1);
      void SHEET_NAMES;
    });
  });
});
