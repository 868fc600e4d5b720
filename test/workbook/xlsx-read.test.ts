import ExcelJS from "exceljs";
import type { EntryInput } from "../../src/domain";
import { readWorkbook } from "../../src/workbook/xlsx/node-inflate";
import {
  catalog,
  dropIdentity,
  dropNames,
  editZip,
  expectedEntries,
  insertRows,
  replaceCell,
  sheetPath,
  templateBytes,
  units,
  viaExcelJs,
} from "./xlsx-helpers";

const read = (bytes: Uint8Array) => readWorkbook(bytes, { catalog, units });
const entry = (r: ReturnType<typeof read>, id: string) => r.entries.find((e) => e.targetId === id) as EntryInput;

describe("reading real-world workbooks", () => {
  it("keeps numbers typed as text, with a decimal comma, for the domain to parse", async () => {
    const { bytes } = await templateBytes({
      values: [
        { targetId: "S02", value: "12,5" },
        { targetId: "U13", value: " 1234 " },
      ],
    });
    const r = read(bytes);
    expect(entry(r, "S02").value).toBe("12,5");
    expect(entry(r, "U13").value).toBe(" 1234 ");
  });

  it("reads a percent-formatted 0.125 as 12.5 for a percent target (shown as 12,5%)", async () => {
    const dept = units.byCode("HN");
    if (!dept) throw new Error("no city unit");
    const { spec, bytes } = await templateBytes({ unit: dept });
    const row = spec.entry.rows.E07; // manufacturing share, percent, value input
    const edited = await viaExcelJs(
      bytes,
      (wb) => {
        const c = wb.getWorksheet("Nhap")?.getCell(`G${row}`) as ExcelJS.Cell;
        c.value = 0.125;
        c.numFmt = "0.0%";
        const rate = wb.getWorksheet("Nhap")?.getCell(`G${spec.entry.rows.E01}`) as ExcelJS.Cell; // growth rate: percent too
        rate.value = 0.113;
        rate.numFmt = "0%";
        const amount = wb.getWorksheet("Nhap")?.getCell(`G${spec.entry.rows.E02}`) as ExcelJS.Cell; // an amount keeps its figure
        amount.value = 0.5;
        amount.numFmt = "0.0%";
      },
      spec.customXml,
    );
    const r = read(edited);
    expect(entry(r, "E07").value).toBe(12.5);
    expect(entry(r, "E01").value).toBe(11.3);
    expect(entry(r, "E02").value).toBe(0.5);
  });

  it("reads the cached value of a formula", async () => {
    const { spec, bytes } = await templateBytes();
    const row = spec.entry.rows.U13;
    const edited = await viaExcelJs(
      bytes,
      (wb) => {
        (wb.getWorksheet("Nhap") as ExcelJS.Worksheet).getCell(`G${row}`).value = {
          formula: "3+4",
          result: 7,
        } as ExcelJS.CellFormulaValue;
        (wb.getWorksheet("Nhap") as ExcelJS.Worksheet).getCell(`L${row}`).value = {
          formula: '"Đã "&"giải trình"',
          result: "Đã giải trình",
        } as ExcelJS.CellFormulaValue;
      },
      spec.customXml,
    );
    const r = read(edited);
    expect(entry(r, "U13").value).toBe(7);
    expect(entry(r, "U13").justification).toBe("Đã giải trình");
  });

  it("reads inline strings and rich-text shared strings", async () => {
    const { spec, bytes } = await templateBytes();
    const row = spec.entry.rows.S02;
    let edited = await replaceCell(
      bytes,
      "Nhap",
      `G${row}`,
      `<c r="G${row}" t="inlineStr"><is><t>1.234,5</t></is></c>`,
    );
    edited = await viaExcelJs(
      edited,
      (wb) => {
        (wb.getWorksheet("Nhap") as ExcelJS.Worksheet).getCell(`L${row}`).value = {
          richText: [{ text: "Số liệu " }, { font: { bold: true }, text: "tạm tính" }],
        };
      },
      spec.customXml,
    );
    const r = read(edited);
    expect(entry(r, "S02").value).toBe("1.234,5");
    expect(entry(r, "S02").justification).toBe("Số liệu tạm tính");
  });

  it("finds every row after blank rows were inserted above and between targets (names moved, as Excel does)", async () => {
    const values = [
      { targetId: "S02", value: 5 },
      { targetId: "P03", value: 17 },
    ];
    const { spec, bytes } = await templateBytes({ values });
    let edited = await insertRows(bytes, "Nhap", spec.entry.rows.S02, 2, { moveNames: true });
    edited = await insertRows(edited, "Nhap", 6, 1, { moveNames: true });
    const r = read(edited);
    expect(r.entries).toEqual(expectedEntries(spec, values));
    expect(r.cellOf("S02", "value")).toBe(`Nhap!G${spec.entry.rows.S02 + 3}`);
    expect(Object.values(r.located).every((how) => how === "name")).toBe(true);
  });

  it("falls back to the id in column A when a program dropped the names, rows inserted or not", async () => {
    const values = [
      { targetId: "S01", numerator: 1, denominator: 2 },
      { targetId: "U13", value: 9 },
    ];
    const { spec, bytes } = await templateBytes({ values });
    const edited = await insertRows(await dropNames(bytes), "Nhap", spec.entry.rows.U13, 1, { moveNames: false });
    const r = read(edited);
    expect(r.entries).toEqual(expectedEntries(spec, values));
    expect(r.cellOf("U13", "value")).toBe(`Nhap!G${spec.entry.rows.U13 + 1}`);
    expect(Object.values(r.located).every((how) => how === "columnA")).toBe(true);
  });

  it("ignores extra sheets, in any position", async () => {
    const values = [{ targetId: "S02", value: 3 }];
    const { spec, bytes } = await templateBytes({ values });
    const edited = await viaExcelJs(
      bytes,
      (wb) => {
        const extra = wb.addWorksheet("Ghi chú");
        extra.getCell("A1").value = "Nhap";
        extra.getCell("A2").value = "S02";
        extra.getCell("G10").value = 999;
        wb.addWorksheet("Trang tính1");
      },
      spec.customXml,
    );
    expect(read(edited).entries).toEqual(expectedEntries(spec, values));
  });

  it("reads the identity from the unit sheet when the custom XML part was dropped", async () => {
    const values = [{ targetId: "S02", value: 3 }];
    const { spec, bytes } = await templateBytes({ values });
    const r = read(await dropIdentity(bytes));
    expect(r.identitySource).toBe("unitSheet");
    expect(r.identity).toEqual(spec.identity);
    expect(r.entries).toEqual(expectedEntries(spec, values));
  });

  it("reads cells written without r attributes (positional cells)", async () => {
    const values = [
      { targetId: "S02", value: 41 },
      { targetId: "S01", numerator: 7, denominator: 70 },
    ];
    const { spec, bytes } = await templateBytes({ values });
    const path = await sheetPath(bytes, "Nhap");
    const edited = await editZip(bytes, {
      [path]: (xml) =>
        xml.replace(
          /(<row r="(\d+)"[^>]*>)([\s\S]*?)(<\/row>)/g,
          (m, open: string, r: string, body: string, close: string) =>
            Number(r) >= spec.entry.firstRow ? open + body.replace(/ r="[A-Z]+\d+"/g, "") + close : m,
        ),
    });
    expect(await (await import("./xlsx-helpers")).partText(edited, path)).not.toMatch(
      new RegExp(`<c r="G${spec.entry.rows.S02}"`),
    );
    expect(read(edited).entries).toEqual(expectedEntries(spec, values));
  });

  it("reads the number style the clerk chose on the unit sheet", async () => {
    const { bytes } = await templateBytes({ locale: "en" });
    expect(read(bytes).locale).toBe("en");
  });
});
