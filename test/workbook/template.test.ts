import {
  GROUP_IDS,
  defaultCatalog,
  defaultUnitRegistry,
  entryFields,
  parseMilestone,
  parsePeriod,
  primaryField,
  targetForPeriod,
  defaultTaskRegister,
  tasksForUnit,
  type EntryField,
  type Period,
  type Unit,
} from "../../src/domain";
import {
  ENTRY_COLUMNS,
  SHEET_NAMES,
  TEMPLATE_VERSION,
  buildTemplateSpec,
  cellMap,
  cellOf,
  customFormula,
  entryName,
  parseEntryName,
  parseTaskName,
  type TemplateSpec,
} from "../../src/workbook/template";
import { identityFromXml } from "../../src/workbook/identity";
import { validationFor } from "../../src/workbook/template/validation";
import { TEMPLATE_NS } from "../../src/workbook/port";

const catalog = defaultCatalog();
const units = defaultUnitRegistry();
const period = parsePeriod("2026-Q1") as Period;
const ward = units.byCode("00004") as Unit;

function sheet(spec: TemplateSpec, name: string) {
  const s = spec.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}
function cellValue(spec: TemplateSpec, sheetName: string, address: string) {
  return sheet(spec, sheetName).cells.find((c) => c.address === address);
}

describe("buildTemplateSpec: which targets a period's template asks for (applicability and cadence)", () => {
  const rowsOf = (spec: TemplateSpec) => Object.keys(spec.entry.rows);

  it("asks in 2026-02 only for the monthly targets, in 2026-Q1 for the quarterly ones too, in 2026 for all", () => {
    const feb = rowsOf(buildTemplateSpec({ catalog, unit: ward, period: parsePeriod("2026-02") as Period }));
    expect(feb.sort()).toEqual(["U13", "U14", "U15", "U16"]);
    const q1 = rowsOf(buildTemplateSpec({ catalog, unit: ward, period }));
    expect(q1).toEqual(expect.arrayContaining(["S01", "S02", "U13"]));
    expect(q1).not.toContain("E10");
    const year = rowsOf(buildTemplateSpec({ catalog, unit: ward, period: parsePeriod("2026") as Period }));
    expect(year.sort()).toEqual(
      units
        .targetsFor(catalog, ward.code)
        .map((t) => t.id)
        .sort(),
    );
  });

  it("leaves out a target a planner set not applicable for the unit, from its period on", () => {
    const applicability = {
      entries: [{ unitCode: ward.code, targetId: "E10", state: "not_applicable" as const, from: "2026-Q1" }],
    };
    expect(
      rowsOf(buildTemplateSpec({ catalog, unit: ward, period: parsePeriod("2026") as Period, applicability })),
    ).not.toContain("E10");
  });

  it("shows a target assigned to the unit, and the decision that assigns it", () => {
    const unitTargets = {
      entries: [
        { unitCode: ward.code, targetId: "S02", year: 2026, value: 30, direction: null, decision: "5969/QĐ-UBND" },
      ],
    };
    const spec = buildTemplateSpec({ catalog, unit: ward, period, unitTargets });
    const row = spec.entry.rows.S02;
    const target = sheet(spec, SHEET_NAMES.entry).cells.find((c) => c.address === `D${row}`)?.value;
    expect(String(target)).toContain("≥ 30");
    expect(String(target)).toContain("5969/QĐ-UBND");
    const plain = buildTemplateSpec({ catalog, unit: ward, period });
    expect(String(sheet(plain, SHEET_NAMES.entry).cells.find((c) => c.address === `D${row}`)?.value)).toContain(
      "18.000",
    );
  });
});

describe("buildTemplateSpec", () => {
  // every target that applies to the ward, so the layout tests see each kind of row (Q1 itself asks for fewer)
  const spec = buildTemplateSpec({ catalog, unit: ward, period, targets: units.targetsFor(catalog, ward.code) });
  const entry = sheet(spec, SHEET_NAMES.entry);

  it("has the guide, unit, entry, narrative and task-progress sheets, in that order", () => {
    expect(spec.sheets.map((s) => s.name)).toEqual(["HuongDan", "DonVi", "Nhap", "ThuyetMinh", "TienDoNV"]);
  });

  it("writes one row per target the unit reports, grouped by the catalog's groups in catalog order", () => {
    const expected = units.targetsFor(catalog, ward.code);
    const rows = Object.entries(spec.entry.rows).sort((a, b) => a[1] - b[1]);
    const byGroup = GROUP_IDS.flatMap((g) => expected.filter((t) => t.group === g).map((t) => t.id));
    expect(rows.map(([id]) => id)).toEqual(byGroup);
    for (const [id, row] of rows) expect(cellValue(spec, "Nhap", `A${row}`)?.value).toBe(id);
  });

  it("puts a group heading before the first target of each group", () => {
    const rows = Object.values(spec.entry.rows).sort((a, b) => a - b);
    const headings = entry.cells.filter((c) => c.style === "group");
    expect(headings.length).toBe(new Set(units.targetsFor(catalog, ward.code).map((t) => t.group)).size);
    expect(Number(headings[0].address.slice(1))).toBe(rows[0] - 1);
  });

  it("defines one name per input cell, pointing at that cell", () => {
    for (const t of units.targetsFor(catalog, ward.code)) {
      for (const f of entryFields(t)) {
        const n = spec.names.find((x) => x.name === entryName(t.id, f));
        expect(n).toEqual({
          name: `CT_${t.id}_${f}`,
          sheet: "Nhap",
          address: `${ENTRY_COLUMNS[f]}${spec.entry.rows[t.id]}`,
        });
      }
    }
    expect(new Set(spec.names.map((n) => n.name)).size).toBe(spec.names.length);
  });

  it("gives every input cell a data validation of the kind its measure needs", () => {
    const kinds = new Map(entry.validations.map((v) => [v.address, v]));
    for (const t of units.targetsFor(catalog, ward.code)) {
      for (const f of entryFields(t)) {
        const v = kinds.get(`${ENTRY_COLUMNS[f]}${spec.entry.rows[t.id]}`);
        expect(v).toBeDefined();
        // the figure's own field (value, numerator, milestone) also takes "không áp dụng" / N/A: a custom rule
        const na = f === primaryField(t);
        const num = (kind: "decimal" | "whole") => (na ? ["custom", kind] : [kind, undefined]);
        if (f === "milestone") expect(v?.kind).toBe("list");
        else if (f === "numerator" || f === "denominator")
          expect([v?.kind, v?.number, v?.min]).toEqual([...num("decimal"), 0]);
        else if (f === "value" && t.measure === "percent")
          expect([v?.kind, v?.number, v?.min, v?.max]).toEqual([...num("decimal"), 0, 100]);
        else if (f === "value" && t.measure === "count")
          expect([v?.kind, v?.number, v?.min]).toEqual([...num("whole"), 0]);
        else if (f === "value" && t.measure === "rate")
          expect([v?.kind, v?.number, v?.min, v?.max]).toEqual([...num("decimal"), -100, 1000]);
        else if (f === "value") expect([v?.kind, v?.number, v?.min]).toEqual([...num("decimal"), 0]);
        else expect(v?.kind).toBe("textLength");
      }
    }
  });

  it("writes the N/A rule in Excel's file syntax: en-US names, `,` separators, the cell's own address", () => {
    expect(customFormula({ number: "decimal", min: 0, max: 100 }, "Nhap!$G$12")).toBe(
      'IF(ISNUMBER(G12),AND(G12>=0,G12<=100),OR(LOWER(TRIM(G12))="không áp dụng",LOWER(TRIM(G12))="khong ap dung",LOWER(TRIM(G12))="n/a"))',
    );
    expect(customFormula({ number: "whole", min: 0 }, "H9")).toBe(
      'IF(ISNUMBER(H9),AND(H9>=0,H9=INT(H9)),OR(LOWER(TRIM(H9))="không áp dụng",LOWER(TRIM(H9))="khong ap dung",LOWER(TRIM(H9))="n/a"))',
    );
    for (const v of entry.validations.filter((x) => x.kind === "custom"))
      expect(customFormula(v, v.address).length).toBeLessThanOrEqual(255);
    const milestone = catalog.targets.find((t) => t.measure === "milestone");
    if (milestone) expect(validationFor(milestone, "milestone").list).toContain("Không áp dụng");
  });

  it("keeps the number rule, and says N/A is refused, where a planner made the target always required", () => {
    const s09 = catalog.targets.find((t) => t.id === "S09")!;
    const required = buildTemplateSpec({
      catalog,
      unit: ward,
      period: parsePeriod("2026-Q1")!,
      applicability: { entries: [{ unitCode: ward.code, targetId: "S09", state: "always_required", from: "2026-01" }] },
    });
    const nhap = required.sheets.find((x) => x.role === "entry")!;
    const at = (id: string) =>
      nhap.validations.find((v) => v.address === `${ENTRY_COLUMNS.numerator}${required.entry.rows[id]}`);
    expect(at("S09")).toMatchObject({ kind: "decimal", min: 0 });
    expect(at("S09")?.prompt.text).toContain("N/A is not accepted");
    expect(at("S01")).toMatchObject({ kind: "custom", number: "decimal" });
    expect(validationFor(s09, "numerator", { notApplicable: false }).kind).toBe("decimal");
  });

  it("keeps every input message and error alert within Excel's limits (title 32, prompt 255, error 225)", () => {
    for (const s of spec.sheets) {
      for (const v of s.validations) {
        expect(v.prompt.title.length).toBeLessThanOrEqual(32);
        expect(v.error.title.length).toBeLessThanOrEqual(32);
        expect(v.prompt.text.length).toBeLessThanOrEqual(255);
        expect(v.error.text.length).toBeLessThanOrEqual(225);
        if (v.list) expect(v.list.join(",").length).toBeLessThanOrEqual(255);
      }
    }
  });

  it("offers milestone choices that the domain's parser reads back", () => {
    const dept = buildTemplateSpec({ catalog, unit: units.byCode("S-XD") as Unit, period });
    const v = sheet(dept, "Nhap").validations.find(
      (x) => x.address === `${ENTRY_COLUMNS.milestone}${dept.entry.rows.U11}`,
    );
    expect(v?.kind).toBe("list");
    expect(v?.list?.map((l) => parseMilestone(l))).toEqual(["not_started", "in_progress", "done"]);
  });

  it("uses milestone labels, Vietnamese and English, that the domain's parser reads back", async () => {
    const { MILESTONE_LABELS } = await import("../../src/domain");
    for (const l of MILESTONE_LABELS) expect([parseMilestone(l.vi), parseMilestone(l.en)]).toEqual([l.state, l.state]);
  });

  it("shows 'no target set' for a year the catalog has no value for, never a number", () => {
    const y2027 = parsePeriod("2027") as Period;
    const spec27 = buildTemplateSpec({ catalog, unit: ward, period: y2027 });
    for (const t of units.targetsFor(catalog, ward.code)) {
      const yt = targetForPeriod(t, y2027);
      const shown = cellValue(spec27, "Nhap", `${ENTRY_COLUMNS.target}${spec27.entry.rows[t.id]}`)?.value;
      if (yt.kind === "none") expect(shown).toBe("Chưa có chỉ tiêu / no target set");
      else expect(shown).not.toContain("Chưa có");
    }
    // and the 2026 figure the catalog states is shown as stated
    const s02 = spec.entry.rows.S02;
    expect(cellValue(spec, "Nhap", `${ENTRY_COLUMNS.target}${s02}`)?.value).toBe("≥ 18.000");
  });

  it("shows each target's source status (verified, provisional …)", () => {
    const row = spec.entry.rows.P01;
    expect(cellValue(spec, "Nhap", `${ENTRY_COLUMNS.sourceStatus}${row}`)?.value).toContain("Chỉ tiêu tạm");
  });

  it("computes a ratio target's rate from its numerator and denominator with a formula, not an input", () => {
    const row = spec.entry.rows.S01;
    const c = cellValue(spec, "Nhap", `${ENTRY_COLUMNS.value}${row}`);
    expect(c?.formula).toBe(`IF(AND(ISNUMBER(H${row}),ISNUMBER(I${row}),I${row}>0),H${row}/I${row}*100,"")`);
    expect(spec.styles[c?.style ?? "na"].locked).toBe(true);
    const u10 = spec.entry.rows.U10; // m² per person: scale 1
    expect(cellValue(spec, "Nhap", `${ENTRY_COLUMNS.value}${u10}`)?.formula).toBe(
      `IF(AND(ISNUMBER(H${u10}),ISNUMBER(I${u10}),I${u10}>0),H${u10}/I${u10},"")`,
    );
  });

  it("unlocks exactly the input cells and protects every sheet", () => {
    const inputs = new Set(spec.names.map((n) => `${n.sheet}!${n.address}`));
    for (const s of spec.sheets) {
      expect(s.protect).toBe(true);
      for (const c of s.cells) {
        const unlocked = !spec.styles[c.style].locked;
        const isInput =
          inputs.has(`${s.name}!${c.address}`) &&
          !/^CT_(unitCode|unitName|period|templateVersion|catalogVersion|demo)$/.test(
            spec.names.find((n) => `${n.sheet}!${n.address}` === `${s.name}!${c.address}`)?.name ?? "",
          );
        expect([c.address, unlocked]).toEqual([c.address, isInput]);
      }
    }
  });

  it("freezes the header, prints A4 landscape with the header rows repeated, and colours the status column", () => {
    expect(entry.freeze).toEqual({ rows: 5, columns: 2 });
    expect(entry.print).toEqual({ orientation: "landscape", paper: "A4", titleRows: [4, 5], fitToWidth: true });
    expect(entry.conditionalFormats).toHaveLength(1);
    expect(entry.conditionalFormats[0].range).toBe(`K6:K${spec.entry.lastRow}`);
    expect(entry.conditionalFormats[0].rules.map((r) => r.text)).toEqual([
      "Đạt",
      "Đúng tiến độ",
      "Có nguy cơ",
      "Chậm tiến độ",
      "Chưa có chỉ tiêu",
    ]);
  });

  it("keeps the identity in a custom XML part of our namespace", () => {
    expect(spec.customXml).toContain(`xmlns="${TEMPLATE_NS}"`);
    expect(identityFromXml(spec.customXml)).toEqual({
      templateVersion: TEMPLATE_VERSION,
      catalogVersion: catalog.version,
      unitCode: "00004",
      period: "2026-Q1",
      demo: false,
    });
  });

  it("states who prepared and approved the report on the unit sheet, as inputs", () => {
    const unit = sheet(spec, "DonVi");
    expect(unit.cells.find((c) => c.address === "C3")?.value).toBe("00004");
    for (const n of ["CT_preparer", "CT_approver", "CT_phone"]) {
      const address = spec.names.find((x) => x.name === n)?.address ?? "";
      const c = unit.cells.find((x) => x.address === address);
      expect(spec.styles[c?.style ?? "label"].locked).toBe(false);
    }
  });

  it("marks a demo workbook by its tab colour and a banner row", () => {
    const demoUnit = units.byCode("DEMO-01") as Unit;
    const demo = buildTemplateSpec({ catalog, unit: demoUnit, period });
    expect(demo.identity.demo).toBe(true);
    expect(demo.sheets.every((s) => s.tabColor === "C00000")).toBe(true);
    expect(cellValue(demo, "Nhap", "A3")?.value).toContain("DEMO — dữ liệu trình diễn");
    expect(cellValue(spec, "Nhap", "A3")?.value).not.toContain("DEMO");
  });

  it("puts given values into their input cells", () => {
    const filled = buildTemplateSpec({
      catalog,
      unit: ward,
      period,
      values: [{ targetId: "S01", numerator: 12, denominator: 40, justification: "ok" }],
      unitInfo: { preparer: "Nguyễn Văn A" },
    });
    const row = filled.entry.rows.S01;
    expect(cellValue(filled, "Nhap", `H${row}`)?.value).toBe(12);
    expect(cellValue(filled, "Nhap", `I${row}`)?.value).toBe(40);
    expect(cellValue(filled, "Nhap", `L${row}`)?.value).toBe("ok");
    expect(cellValue(filled, "DonVi", "C10")?.value).toBe("Nguyễn Văn A");
  });
});

describe("cellOf", () => {
  const spec = buildTemplateSpec({ catalog, unit: ward, period, targets: units.targetsFor(catalog, ward.code) });

  it.each<[string, EntryField, string | undefined]>([
    ["S01", "numerator", `Nhap!H${spec.entry.rows.S01}`],
    ["S01", "denominator", `Nhap!I${spec.entry.rows.S01}`],
    ["S02", "value", `Nhap!G${spec.entry.rows.S02}`],
    ["S02", "justification", `Nhap!L${spec.entry.rows.S02}`],
    ["S01", "value", undefined],
    ["E01", "value", undefined],
  ])("maps %s.%s to %s", (id, field, expected) => {
    expect(cellOf(spec, id, field)).toBe(expected);
    expect(cellMap(spec)(id, field)).toBe(expected);
  });

  it("reads names back into target and field", () => {
    expect(parseEntryName("CT_S01_numerator")).toEqual({ targetId: "S01", field: "numerator" });
    expect(parseEntryName("CT_unitCode")).toBeNull();
  });
});

describe("the task sheet (TienDoNV)", () => {
  const dept = units.byCode("S-XD") as Unit;
  const tasks = tasksForUnit(defaultTaskRegister(), dept.code, period);
  const spec = buildTemplateSpec({ catalog, unit: dept, period, tasks });
  const taskSheet = sheet(spec, "TienDoNV");
  // the columns a clerk fills, as the sheet's layout (and every workbook already sent) has them
  const INPUT_COLUMNS = {
    state: "F",
    percent: "G",
    milestone: "H",
    productDelivered: "I",
    evidence: "J",
    evidenceRef: "K",
    obstacles: "L",
    proposals: "M",
    completedOn: "N",
    justification: "O",
  };

  it("has one named, validated input per progress field in columns F to O of each task's row", () => {
    expect(tasks.length).toBeGreaterThan(1);
    tasks.forEach((ut, i) => {
      const row = 6 + i;
      const names = spec.names.filter((n) => n.name.startsWith(`CT_task_${ut.task.id}_`));
      expect(names).toEqual(
        Object.entries(INPUT_COLUMNS).map(([field, column]) => ({
          name: `CT_task_${ut.task.id}_${field}`,
          sheet: "TienDoNV",
          address: `${column}${row}`,
        })),
      );
      const validated = new Set(taskSheet.validations.map((v) => v.address));
      for (const n of names) expect(validated.has(n.address)).toBe(true);
    });
  });

  it("reads every task input's name back into its task and field, and no other name", () => {
    const id = tasks[0]?.task.id ?? "";
    for (const field of Object.keys(INPUT_COLUMNS))
      expect(parseTaskName(`CT_task_${id}_${field}`)).toEqual({ taskId: id, field });
    expect(parseTaskName(`CT_task_${id}_taskId`)).toBeNull();
    expect(parseTaskName(`CT_task_${id}_state2`)).toBeNull();
  });
});
