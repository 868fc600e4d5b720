import ExcelJS from "exceljs";
import JSZip from "jszip";
import { AppError } from "../../src/domain";
import { carryOver } from "../../src/workbook/carry-over";
import { TEMPLATE_VERSION } from "../../src/workbook/template";
import { nodePlatform, readWorkbook } from "../../src/workbook/xlsx/node-inflate";
import { readWorkbookWith } from "../../src/workbook/xlsx/read-workbook";
import {
  catalog,
  dropNames,
  editZip,
  makeZip,
  replaceCell,
  sheetPath,
  specFor,
  templateBytes,
  units,
} from "./xlsx-helpers";

function rejection(f: () => unknown): AppError {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected a rejection");
}
const read = (bytes: Uint8Array, limits = {}) => readWorkbook(bytes, { catalog, units, limits });

describe("the reader rejects, naming the sheet and cell and saying how to fix", () => {
  it.each([
    ["random bytes", new Uint8Array(4096).map((_, i) => (i * 7919) % 251)],
    ["a text file", new TextEncoder().encode("unit,target,value\n00004,S02,12\n")],
  ])("refuses %s as not an .xlsx", (_label, bytes) => {
    const e = rejection(() => read(bytes));
    expect(e.code).toBe("CT_XLSX_NOT_XLSX");
    expect(e.messages.vi).toContain("lưu lại với định dạng");
    expect(e.messages.en).toContain('save it as "Excel Workbook (.xlsx)"');
  });

  it("gives an empty, a truncated, an old .xls and a password-protected file each its own message", async () => {
    const empty = rejection(() => read(new Uint8Array(0)));
    expect(empty.code).toBe("CT_XLSX_EMPTY");
    expect(empty.messages.en).toContain("The file is empty (0 bytes)");
    const { bytes } = await templateBytes();
    const cut = rejection(() => read(bytes.slice(0, Math.floor(bytes.length / 2))));
    expect(cut.code).toBe("CT_XLSX_TRUNCATED");
    expect(cut.messages.vi).toContain("bị cắt cụt");
    expect(rejection(() => read(bytes.slice(0, 10))).code).toBe("CT_XLSX_TRUNCATED");
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const xls = rejection(() => read(ole));
    expect(xls.code).toBe("CT_XLSX_OLD_FORMAT");
    expect(xls.messages.en).toContain("old Excel workbook (.xls)");
    // an encrypted OOXML package is an OLE2 file whose directory holds an "EncryptedPackage" stream
    const sealed = ole.slice();
    sealed.set(
      Array.from("EncryptedPackage").flatMap((ch) => [ch.charCodeAt(0), 0]),
      512,
    );
    const enc = rejection(() => read(sealed));
    expect(enc.code).toBe("CT_XLSX_ENCRYPTED");
    expect(enc.messages.en).toContain("password to open");
    const zipEncrypted = makeZip([
      { name: "xl/workbook.xml", data: new TextEncoder().encode("<workbook/>"), flags: 1 },
    ]);
    expect(rejection(() => read(zipEncrypted)).code).toBe("CT_XLSX_ENCRYPTED");
  });

  it("tells an OpenDocument spreadsheet to be saved as .xlsx", () => {
    const ods = makeZip([
      {
        name: "mimetype",
        data: new TextEncoder().encode("application/vnd.oasis.opendocument.spreadsheet"),
        deflate: false,
      },
      { name: "content.xml", data: new TextEncoder().encode("<office:document-content/>") },
    ]);
    const e = rejection(() => read(ods));
    expect(e.code).toBe("CT_XLSX_ODS");
    expect(e.messages.vi).toContain("Excel 2007-365 (.xlsx)");
  });

  it("refuses a ZIP without a workbook part", () => {
    const e = rejection(() => read(makeZip([{ name: "readme.txt", data: new TextEncoder().encode("hello") }])));
    expect(e.code).toBe("CT_XLSX_NO_WORKBOOK");
    expect(e.messages.en).toContain("xl/workbook.xml is missing");
  });

  it("refuses a workbook that is not a Chỉ tiêu template", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").getCell("A1").value = "S02";
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const e = rejection(() => read(bytes));
    expect(e.code).toBe("CT_TEMPLATE_NOT_CHITIEU");
    expect(e.messages.vi).toContain("tải lại mẫu");
  });

  it("fails fast on a zip bomb whose declared size is absurd, before inflating anything", () => {
    const inflate = jest.fn(nodePlatform.inflate);
    const bomb = makeZip([
      { name: "xl/workbook.xml", data: new TextEncoder().encode("<workbook/>") },
      { name: "xl/worksheets/sheet1.xml", data: new Uint8Array(64 * 1024 * 1024) },
    ]);
    expect(bomb.length).toBeLessThan(200_000);
    const e = rejection(() => readWorkbookWith(bomb, { catalog, units }, { ...nodePlatform, inflate }));
    expect(e.code).toBe("CT_XLSX_TOO_LARGE");
    expect(e.details).toMatchObject({ kind: "declared" });
    expect(e.messages.vi).toContain("vượt giới hạn 50 MB");
    expect(inflate).not.toHaveBeenCalled();
  });

  it("stops a part that inflates past its declared size without producing more than that size", async () => {
    const { bytes } = await templateBytes();
    const zip = await JSZip.loadAsync(bytes);
    const entries = await Promise.all(
      Object.values(zip.files)
        .filter((f) => !f.dir)
        .map(async (f) => ({ name: f.name, data: await f.async("uint8array") })),
    );
    const lying = makeZip(
      entries.map((e) =>
        e.name === "xl/sharedStrings.xml"
          ? { name: e.name, data: new Uint8Array(20 * 1024 * 1024).fill(32), declaredSize: 100 }
          : e,
      ),
    );
    const outputs: number[] = [];
    const inflate = (d: Uint8Array, max: number) => {
      try {
        const out = nodePlatform.inflate(d, max);
        outputs.push(out.length);
        return out;
      } finally {
        outputs.push(-max);
      }
    };
    const e = rejection(() => readWorkbookWith(lying, { catalog, units }, { ...nodePlatform, inflate }));
    expect(e.code).toBe("CT_XLSX_TOO_LARGE");
    expect(e.details).toMatchObject({ kind: "actual", part: "xl/sharedStrings.xml" });
    expect(e.messages.en).toContain('"zip bomb"');
    expect(Math.max(...outputs)).toBeLessThanOrEqual(64 * 1024); // nothing near the 20 MB was ever produced
  });

  it("refuses a sheet with more cells than the limit, counting before parsing", async () => {
    const { bytes } = await templateBytes();
    const path = await sheetPath(bytes, "Nhap");
    const many = Array.from({ length: 200_001 }, (_, i) => `<c r="P${i + 100}"/>`).join("");
    const edited = await editZip(bytes, {
      [path]: (xml) => xml.replace("</sheetData>", `<row r="100">${many}</row></sheetData>`),
    });
    const e = rejection(() => read(edited));
    expect(e.code).toBe("CT_XLSX_TOO_LARGE");
    expect(e.details).toMatchObject({ kind: "cells", limit: 200_000, part: "Nhap" });
    expect(e.messages.vi).toContain('trang "Nhap" có hơn 200.000 ô');
  });

  it("names a missing sheet", async () => {
    const { bytes } = await templateBytes();
    const edited = await editZip(bytes, { "xl/workbook.xml": (xml) => xml.replace('name="Nhap"', 'name="Nhap (2)"') });
    const e = rejection(() => read(edited));
    expect(e.code).toBe("CT_TEMPLATE_SHEET_MISSING");
    expect(e.messages.vi).toContain('Thiếu trang tính "Nhap"');
    expect(e.messages.en).toContain('Rename the sheet back to "Nhap"');
    const noUnit = await editZip(bytes, { "xl/workbook.xml": (xml) => xml.replace('name="DonVi"', 'name="Đơn vị"') });
    expect(rejection(() => read(noUnit)).details).toEqual({ sheet: "DonVi" });
  });

  it("names the row of a deleted target and where it was", async () => {
    const { spec, bytes } = await templateBytes({ targets: undefined }); // the Q1 template as made
    const row = spec.entry.rows.S01;
    const path = await sheetPath(bytes, "Nhap");
    const edited = await editZip(bytes, {
      [path]: (xml) => xml.replace(new RegExp(`<row r="${row}"[\\s\\S]*?</row>`), ""),
      "xl/workbook.xml": (xml) => xml.replace(new RegExp(`(<definedName name="CT_S01_\\w+">)[^<]+`, "g"), "$1#REF!"),
    });
    const e = rejection(() => read(edited));
    expect(e.code).toBe("CT_TEMPLATE_ROW_MISSING");
    expect(e.details).toEqual({ targetId: "S01", cell: `Nhap!A${row}` });
    expect(e.messages.vi).toContain(`ô Nhap!A${row}`);
    expect(e.messages.en).toContain("do not retype ids: undo the change (Ctrl+Z), or download the template again");
  });

  it("names the missing target and the stranger id when an id cell was retyped, never advising to retype it", async () => {
    // the template as the product writes it for 00004 and 2026-Q1 (the targets due in the quarter), whose rows the
    // message's "where it was" comes from
    const { spec, bytes } = await templateBytes({ targets: undefined });
    const row = spec.entry.rows.S02;
    const edited = await replaceCell(bytes, "Nhap", `A${row}`, `<c r="A${row}" t="inlineStr"><is><t>S99</t></is></c>`);
    const e = rejection(() => read(edited));
    expect(e.code).toBe("CT_TEMPLATE_ROW_MISSING");
    expect(e.details).toEqual({
      targetId: "S02",
      cell: `Nhap!A${row}`,
      strangers: [{ cell: `Nhap!A${row}`, id: "S99" }],
    });
    expect(e.messages.vi).toContain(`Nhap!A${row} = "S99": không phải chỉ tiêu của báo cáo này`);
    expect(e.messages.vi).not.toMatch(/sửa lại thành/);
    expect(e.messages.en).not.toMatch(/change it back/i);
  });

  it("names both rows when a target row was copied and the names are gone", async () => {
    const { spec, bytes } = await templateBytes();
    const edited = await replaceCell(
      await dropNames(bytes),
      "Nhap",
      `A${spec.entry.rows.S06}`,
      `<c r="A${spec.entry.rows.S06}" t="inlineStr"><is><t>S02</t></is></c>`,
    );
    const e = rejection(() => read(edited));
    expect(e.code).toBe("CT_TEMPLATE_ROW_DUPLICATE");
    expect(e.details).toEqual({
      targetId: "S02",
      cells: [`Nhap!A${spec.entry.rows.S02}`, `Nhap!A${spec.entry.rows.S06}`],
    });
  });

  it("says which template version a workbook has, and carries its values over on request", async () => {
    const { bytes } = await templateBytes({ values: [{ targetId: "S02", value: 8 }] });
    const old = await editZip(bytes, {
      "customXml/item1.xml": (x) => x.replace(/<templateVersion>[^<]*/, "<templateVersion>0"),
    });
    const e = rejection(() => read(old));
    expect(e.code).toBe("CT_TEMPLATE_VERSION_MISMATCH");
    expect(e.details).toEqual({ found: "0", expected: TEMPLATE_VERSION });
    expect(e.messages.vi).toContain(`phiên bản "0", phiên bản hiện hành là "${TEMPLATE_VERSION}"`);
    expect(e.messages.en).toContain("chitieu template --unit … --period … --from <old file>");
    const r = readWorkbook(old, { catalog, units, allowOtherVersion: true });
    expect(carryOver(r, specFor()).carried).toEqual(["S02.value"]);
  });

  it("says which catalog version a workbook was made for", async () => {
    const { bytes } = await templateBytes();
    const old = await editZip(bytes, {
      "customXml/item1.xml": (x) => x.replace(/<catalogVersion>[^<]*/, "<catalogVersion>0123456789abcdef"),
    });
    const e = rejection(() => read(old));
    expect(e.code).toBe("CT_CATALOG_VERSION_MISMATCH");
    expect(e.details).toEqual({ found: "0123456789abcdef", expected: catalog.version });
    expect(e.messages.en).toContain(
      `target catalog version "0123456789abcdef"; the current catalog is "${catalog.version}"`,
    );
  });
});
