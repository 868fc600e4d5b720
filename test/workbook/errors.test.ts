import { ERROR_CATALOGUE } from "../../src/server/errors";
import { WORKBOOK_ERROR_CATALOGUE, workbookErrors } from "../../src/workbook/errors";

describe("the workbook's error catalogue", () => {
  it("defines each of its errors once, with a CT_ code no server error has", () => {
    const codes = WORKBOOK_ERROR_CATALOGUE.map((e) => e.code);
    expect(codes).toHaveLength(Object.keys(workbookErrors).length);
    expect(new Set(codes).size).toBe(codes.length);
    const server = new Set(ERROR_CATALOGUE.map((e) => e.code));
    for (const code of codes) {
      expect(code).toMatch(/^CT_[A-Z_]+$/);
      expect(server.has(code)).toBe(false);
    }
    for (const factory of Object.values(workbookErrors)) expect(codes).toContain(factory.code);
  });

  it("throws by name with the arguments as details, in both languages, Vietnamese in NFC", () => {
    const e = workbookErrors.rowMissing("E01", "Nhap!A12", [{ cell: "Nhap!A13", id: "X99" }]);
    expect([e.code, e.status]).toEqual(["CT_TEMPLATE_ROW_MISSING", 422]);
    expect(e.details).toEqual({ targetId: "E01", cell: "Nhap!A12", strangers: [{ cell: "Nhap!A13", id: "X99" }] });
    expect(e.messages.vi).toContain('Nhap!A13 = "X99"');
    expect(e.messages.en).toContain("cell Nhap!A12");
    expect(e.messages.vi).toBe(e.messages.vi.normalize("NFC"));
    expect(workbookErrors.rowMissing("E01", "Nhap!A12").details).toEqual({ targetId: "E01", cell: "Nhap!A12" });
    const big = workbookErrors.tooLarge("cells", 300001, 300000, "Nhap");
    expect([big.code, big.status]).toEqual(["CT_XLSX_TOO_LARGE", 413]);
    expect(big.details).toEqual({ kind: "cells", found: 300001, limit: 300000, part: "Nhap" });
    expect(big.messages.en).toBe(
      'The file is too large for a target report: sheet "Nhap" has more than 300,000 cells. Delete extra sheets and data, or fill a fresh template.',
    );
    expect(workbookErrors.empty().details).toEqual({});
  });
});
