import { AppError } from "../../../src/domain";
import { defineCatalogue, defineError, fieldsOf } from "../../../src/domain/messages/error-catalogue";

describe("defineError", () => {
  it("makes an AppError with the code, the status, both languages and the first argument's fields as details", () => {
    const locked = defineError({
      code: "CT_TEST_LOCKED",
      status: 409,
      message: (p: { unitCode: string; period: string }) => ({
        vi: `Báo cáo của đơn vị ${p.unitCode}, kỳ ${p.period} đã khoá.`,
        en: `The report of unit ${p.unitCode} for ${p.period} is locked.`,
      }),
    });
    const params = { unitCode: "00004", period: "2026-Q1" };
    const e = locked(params);
    expect(e).toBeInstanceOf(AppError);
    expect(e.code).toBe("CT_TEST_LOCKED");
    expect(e.status).toBe(409);
    expect(e.message).toBe("CT_TEST_LOCKED: The report of unit 00004 for 2026-Q1 is locked.");
    expect(e.messages).toEqual({
      vi: "Báo cáo của đơn vị 00004, kỳ 2026-Q1 đã khoá.",
      en: "The report of unit 00004 for 2026-Q1 is locked.",
    });
    expect(e.details).toEqual(params);
    expect(e.details).not.toBe(params);
    expect(e.issues).toBeUndefined();
    expect([locked.code, locked.status, locked.spec.code]).toEqual(["CT_TEST_LOCKED", 409, "CT_TEST_LOCKED"]);
  });

  it("builds the message, details and issues from positional arguments when the spec says how", () => {
    const missing = defineError({
      code: "CT_TEST_SHEET_MISSING",
      status: 422,
      message: (sheet: string, cells: string[] = []) => ({
        vi: `Thiếu trang "${sheet}" (${cells.length} ô).`,
        en: `Sheet "${sheet}" is missing (${cells.length} cells).`,
      }),
      details: (sheet, cells = []) => ({ sheet, ...(cells.length ? { cells } : {}) }),
      issues: (sheet) => [
        {
          code: "required",
          ruleId: "test.sheet",
          targetId: null,
          unitCode: "00004",
          period: "2026-Q1",
          path: [sheet],
          severity: "error",
          params: { sheet },
          message: { vi: "v", en: "e" },
        },
      ],
    });
    const e = missing("Nhap", ["A1"]);
    expect(e.messages.en).toBe('Sheet "Nhap" is missing (1 cells).');
    expect(e.details).toEqual({ sheet: "Nhap", cells: ["A1"] });
    expect(missing("DonVi").details).toEqual({ sheet: "DonVi" });
    expect(e.issues).toHaveLength(1);
    expect(e.issues?.[0]?.params).toEqual({ sheet: "Nhap" });
  });

  it("gives no details for an error without arguments or with a non-object first argument", () => {
    const empty = defineError({
      code: "CT_TEST_EMPTY",
      status: 422,
      message: () => ({ vi: "Tệp rỗng.", en: "Empty." }),
    });
    expect(empty().details).toEqual({});
    expect(empty().toJSON()).toEqual({
      code: "CT_TEST_EMPTY",
      message: { vi: "Tệp rỗng.", en: "Empty." },
      details: {},
    });
    expect(fieldsOf("abc")).toEqual({});
    expect(fieldsOf(null)).toEqual({});
    expect(fieldsOf({ a: 1 })).toEqual({ a: 1 });
  });
});

describe("defineCatalogue", () => {
  it("lists its errors in the order they were defined, with their documentation", () => {
    const catalogue = defineCatalogue();
    const a = catalogue.define({
      code: "CT_A",
      status: 400,
      message: () => ({ vi: "a", en: "a" }),
      cause: "c",
      fix: "f",
    });
    catalogue.define({ code: "CT_B", status: 404, message: () => ({ vi: "b", en: "b" }) });
    expect(catalogue.specs.map((s) => [s.code, s.status])).toEqual([
      ["CT_A", 400],
      ["CT_B", 404],
    ]);
    expect(catalogue.specs[0]).toBe(a.spec);
    expect(catalogue.specs[0]?.cause).toBe("c");
    expect(a().code).toBe("CT_A");
  });

  it("refuses a code defined twice in one catalogue, and keeps catalogues apart", () => {
    const one = defineCatalogue();
    const two = defineCatalogue();
    one.define({ code: "CT_A", status: 400, message: () => ({ vi: "a", en: "a" }) });
    expect(() => one.define({ code: "CT_A", status: 409, message: () => ({ vi: "b", en: "b" }) })).toThrow(
      "error code CT_A is defined twice in one catalogue",
    );
    two.define({ code: "CT_A", status: 400, message: () => ({ vi: "a", en: "a" }) });
    expect(one.specs).toHaveLength(1);
    expect(two.specs).toHaveLength(1);
  });
});
