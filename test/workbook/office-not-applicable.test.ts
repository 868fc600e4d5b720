/**
 * "Không áp dụng" / N/A typed in a figure's cell of the live workbook (issue #14), on the Excel double under both
 * profiles: the template's custom rule, its repair in a template written before it, and the read as N/A.
 */
import { validate } from "../../src/domain";
import { createOrRepairTemplate } from "../../src/workbook/office/write-template";
import { onEntriesChanged, readReport } from "../../src/workbook/office/entries";
import { cellMap, customFormula } from "../../src/workbook/template";
import { PROFILES, PROFILE_NAMES, installExcel, parseA1, userTypes, type ProfileName } from "./excel-double";
import { catalog, period, specFor, units, ward } from "./xlsx-helpers";

function validationAt(model: ReturnType<typeof installExcel>["model"], address: string) {
  const [r, c] = parseA1(address);
  return model.sheet("Nhap")?.cell(r, c, false)?.validation ?? null;
}

describe.each(PROFILE_NAMES)("on %s", (p: ProfileName) => {
  const opts = { catalog, units, features: { printSetup: PROFILES[p].excelApiMinor >= 9 } };
  it("gives each figure's own cell Excel's custom rule (number or N/A) with a vi/en alert, at its own address", async () => {
    const x = installExcel(undefined, p);
    const spec = specFor();
    await createOrRepairTemplate(spec, opts);
    const s01 = spec.entry.rows.S01;
    const u13 = spec.entry.rows.U13;
    const num = validationAt(x.model, `H${s01}`);
    expect(num?.type).toBe("Custom");
    expect(num?.rule.custom?.formula).toBe(`=${customFormula({ number: "decimal", min: 0 }, `H${s01}`)}`);
    expect(num?.errorAlert?.message).toContain("không áp dụng");
    expect(num?.errorAlert?.message).toContain("N/A");
    expect(num?.errorAlert?.style).toBe("Stop");
    // the denominator is a number only; a count is a whole number or N/A
    expect(validationAt(x.model, `I${s01}`)?.type).toBe("Decimal");
    expect(validationAt(x.model, `G${u13}`)?.rule.custom?.formula).toContain(`G${u13}=INT(G${u13})`);
  });

  it("repairs the decimal rule of a template written before N/A was accepted in the cell", async () => {
    const x = installExcel(undefined, p);
    const spec = specFor();
    await createOrRepairTemplate(spec, opts);
    const s01 = spec.entry.rows.S01;
    const old = validationAt(x.model, `H${s01}`);
    if (!old) throw new Error("no validation");
    old.type = "Decimal";
    old.rule = { decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" } };
    const status = await createOrRepairTemplate(spec, opts);
    expect(status.repaired).toContain(`validation Nhap!H${s01}`);
    expect(validationAt(x.model, `H${s01}`)?.type).toBe("Custom");
    expect(x.model.sheet("Nhap")?.protected).toBe(true);
    // nothing else was outdated
    expect(status.repaired.filter((r) => r.startsWith("validation"))).toEqual([`validation Nhap!H${s01}`]);
  });

  it("refuses a rule Excel would refuse: two kinds at once, a custom formula without '=' or over 255 characters", async () => {
    const x = installExcel(undefined, p);
    const ws = x.model;
    ws.addSheet("S");
    for (const rule of [
      { decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" }, custom: { formula: "=TRUE" } },
      { custom: { formula: "ISNUMBER(A1)" } },
      { custom: { formula: `=${"A".repeat(256)}` } },
    ]) {
      await expect(
        Excel.run(async (ctx) => {
          ctx.workbook.worksheets.getItem("S").getRange("A1").dataValidation.rule = rule as Excel.DataValidationRule;
          await ctx.sync();
        }),
      ).rejects.toMatchObject({ code: "InvalidArgument" });
    }
  });

  it("reads `N/A` and `Không áp dụng` typed in the sheet as the N/A answer; without a reason it is an error", async () => {
    const x = installExcel(undefined, p);
    const spec = specFor();
    await createOrRepairTemplate(spec, opts);
    const s01 = spec.entry.rows.S01;
    const u13 = spec.entry.rows.U13;
    const seen: unknown[] = [];
    await onEntriesChanged((c) => seen.push(...c));
    await userTypes(x.model, "Nhap", `H${s01}`, "N/A");
    await userTypes(x.model, "Nhap", `G${u13}`, "Không áp dụng");
    await userTypes(x.model, "Nhap", `L${u13}`, "Phường không có điểm ùn tắc kéo dài");
    expect(seen).toEqual([
      { targetId: "S01", field: "numerator", raw: "N/A" },
      { targetId: "U13", field: "value", raw: "Không áp dụng" },
      { targetId: "U13", field: "justification", raw: "Phường không có điểm ùn tắc kéo dài" },
    ]);
    const read = await readReport({ catalog, units }, spec.identity);
    expect(read.problems).toEqual([]);
    const entries = read.entries;
    const result = validate(
      { unitCode: ward.code, period: period.id, catalogVersion: catalog.version, locale: "vi", entries },
      { catalog, units, cellOf: cellMap(spec) },
    );
    const parsed = new Map(result.entries.map((e) => [e.targetId, e]));
    expect(parsed.get("S01")).toMatchObject({ notApplicable: true, numerator: null });
    expect(parsed.get("U13")).toMatchObject({ notApplicable: true, value: null });
    const na = result.issues.filter((i) => i.code.startsWith("not_applicable"));
    expect(na.map((i) => [i.code, i.targetId, i.cell])).toEqual([
      ["not_applicable_without_reason", "S01", `Nhap!L${s01}`],
    ]);
    expect(result.issues.some((i) => i.code === "required" && (i.targetId === "S01" || i.targetId === "U13"))).toBe(
      false,
    );
  });
});
