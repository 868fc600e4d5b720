import { validate, type EntryInput } from "../../src/domain";
import { carryOver } from "../../src/workbook/carry-over";
import { identityFromXml } from "../../src/workbook/identity";
import { TEMPLATE_NS } from "../../src/workbook/port";
import { cellMap, SHEET_NAMES } from "../../src/workbook/template";
import { nodePlatform, readWorkbook } from "../../src/workbook/xlsx/node-inflate";
import { readWorkbookAsync } from "../../src/workbook/xlsx/read-workbook";
import { SharedStrings, SheetCells } from "../../src/workbook/xlsx/xml-scan";
import { openZip, readEntry } from "../../src/workbook/xlsx/zip";
import { catalog, editZip, expectedEntries, partText, sheetPath, templateBytes, units, ward } from "./xlsx-helpers";

/** Figures of every kind a clerk types: numbers, text with a decimal comma, blanks, justifications in Vietnamese. */
const VALUES: EntryInput[] = [
  { targetId: "E10", numerator: 1250.5, denominator: 1600, evidence: "Báo cáo của phòng Kinh tế" },
  {
    targetId: "S01",
    numerator: 120,
    denominator: 200,
    justification: "Đợt khám sàng lọc chậm do thiếu nhân lực; sẽ bù trong quý II.",
    responsible: "Trần Thị B",
  },
  { targetId: "S02", value: "12,5" },
  { targetId: "U13", value: 4 },
  { targetId: "P03", value: "1.234" },
];

describe("the .xlsx writer and reader", () => {
  it("give back exactly the entries that were written (spec → file → read)", async () => {
    const { spec, bytes } = await templateBytes({
      values: VALUES,
      unitInfo: { preparer: "Nguyễn Văn A", approver: "Lê Văn C", phone: "0912 345 678" },
    });
    const read = readWorkbook(bytes, { catalog, units });
    expect(read.entries).toEqual(expectedEntries(spec, VALUES));
    expect(read.unitSheet).toEqual({ preparer: "Nguyễn Văn A", approver: "Lê Văn C", phone: "0912 345 678" });
    expect(read.identity).toEqual(spec.identity);
    expect(read.identitySource).toBe("customXml");
    expect(read.locale).toBe("vi");
    expect(Object.values(read.located).every((how) => how === "name")).toBe(true);
  });

  it("reports the same cell for every field as the spec", async () => {
    const { spec, bytes } = await templateBytes();
    const read = readWorkbook(bytes, { catalog, units });
    const fromSpec = cellMap(spec);
    for (const id of Object.keys(spec.entry.rows)) {
      for (const f of spec.entry.fields[id]) expect(read.cellOf(id, f)).toBe(fromSpec(id, f));
    }
  });

  it("reads the same with the asynchronous (browser) platform", async () => {
    const { bytes } = await templateBytes({ values: VALUES });
    const sync = readWorkbook(bytes, { catalog, units });
    const asyncRead = await readWorkbookAsync(
      bytes,
      { catalog, units },
      { inflate: async (d, max) => nodePlatform.inflate(d, max), latin1: nodePlatform.latin1 },
    );
    expect(asyncRead.entries).toEqual(sync.entries);
    expect(asyncRead.identity).toEqual(sync.identity);
  });

  it("lets the domain name the cell of every issue through the reader's cellOf", async () => {
    const { bytes } = await templateBytes({ values: [{ targetId: "S01", numerator: 300, denominator: 200 }] });
    const read = readWorkbook(bytes, { catalog, units });
    const result = validate(
      {
        unitCode: read.identity.unitCode,
        period: read.identity.period,
        catalogVersion: read.identity.catalogVersion,
        locale: read.locale,
        entries: read.entries,
      },
      { catalog, units, cellOf: read.cellOf },
    );
    const above = result.issues.find((i) => i.code === "numerator_above_denominator");
    expect(above?.cell).toBe(read.cellOf("S01", "numerator"));
    expect(above?.cell).toMatch(/^Nhap!H\d+$/);
  });

  it("writes every cell of the spec into the file", async () => {
    const { spec, bytes } = await templateBytes({ values: VALUES });
    const zip = openZip(bytes);
    const part = (path: string) => {
      const b = readEntry(zip, path, nodePlatform.inflate) as Uint8Array;
      return { bytes: b, text: nodePlatform.latin1(b) };
    };
    const shared = new SharedStrings(part("xl/sharedStrings.xml"));
    for (const s of spec.sheets) {
      const cells = new SheetCells(part(await sheetPath(bytes, s.name)), 1e6, s.name);
      for (const c of s.cells) {
        const raw = cells.get(c.address);
        if (c.formula) {
          expect([c.address, raw?.formula]).toEqual([c.address, true]);
        } else if (c.value === null) {
          expect([c.address, raw?.v ?? null]).toEqual([c.address, null]);
        } else if (typeof c.value === "number") {
          expect([c.address, Number(raw?.v)]).toEqual([c.address, c.value]);
        } else {
          expect([c.address, shared.get(Number(raw?.v))]).toEqual([c.address, c.value]);
        }
      }
    }
  });

  it("stores the identity as a custom XML part with our namespace, its properties and relationships", async () => {
    const { spec, bytes } = await templateBytes();
    expect(identityFromXml(await partText(bytes, "customXml/item1.xml"))).toEqual(spec.identity);
    expect(await partText(bytes, "customXml/itemProps1.xml")).toContain(`ds:schemaRef ds:uri="${TEMPLATE_NS}"`);
    expect(await partText(bytes, "customXml/_rels/item1.xml.rels")).toContain('Target="itemProps1.xml"');
    expect(await partText(bytes, "xl/_rels/workbook.xml.rels")).toContain(
      'relationships/customXml" Target="../customXml/item1.xml"',
    );
    expect(await partText(bytes, "[Content_Types].xml")).toContain('PartName="/customXml/itemProps1.xml"');
  });

  it("defines every name of the spec, with data validation, protection, frozen panes and print setup in the sheet", async () => {
    const { spec, bytes } = await templateBytes();
    const wb = await partText(bytes, "xl/workbook.xml");
    for (const n of spec.names)
      expect(wb).toContain(
        `<definedName name="${n.name}">${n.sheet}!$${n.address.replace(/(\d+)/, "$$$1")}</definedName>`,
      );
    expect(wb).toMatch(
      /<definedName name="_xlnm.Print_Titles" localSheetId="2">(&apos;)?Nhap(&apos;)?!\$4:\$5<\/definedName>/,
    );
    const nhap = await partText(bytes, await sheetPath(bytes, SHEET_NAMES.entry));
    const entry = spec.sheets[2];
    // every validated cell is covered by a <dataValidation sqref> of the same type
    for (const v of entry.validations) {
      const m = [...nhap.matchAll(/<dataValidation type="(\w+)"[^>]*sqref="([^"]+)"/g)].find(([, , sq]) =>
        sq.split(" ").some((r) => {
          const [a, b = a] = r.split(":");
          const col = v.address.replace(/\d+/, "");
          const row = Number(v.address.replace(/[A-Z]+/, ""));
          return (
            a.replace(/\d+/, "") === col &&
            Number(a.replace(/[A-Z]+/, "")) <= row &&
            row <= Number(b.replace(/[A-Z]+/, ""))
          );
        }),
      );
      expect([v.address, m?.[1]]).toEqual([v.address, v.kind]);
    }
    expect(nhap).toMatch(/<sheetProtection [^>]*sheet="1"/);
    expect(nhap).not.toMatch(/<sheetProtection [^>]*hashValue/);
    expect(nhap).toMatch(/<pane xSplit="2" ySplit="5" topLeftCell="C6"[^>]*state="frozen"/);
    expect(nhap).toMatch(
      /<pageSetup [^>]*paperSize="9"[^>]*orientation="landscape"|<pageSetup [^>]*orientation="landscape"[^>]*paperSize="9"/,
    );
    expect(nhap).toMatch(
      /<conditionalFormatting sqref="K6:K\d+"><cfRule type="expression" dxfId="\d+" priority="1"><formula>NOT\(ISERROR\(SEARCH\(&quot;Đạt&quot;,K6\)\)\)<\/formula>/,
    );
    expect(nhap).toContain('<tabColor rgb="FF2F75B5"/>');
  });

  it("unlocks the input cells only", async () => {
    const { spec, bytes } = await templateBytes();
    const styles = await partText(bytes, "xl/styles.xml");
    const xfs = [...styles.slice(styles.indexOf("<cellXfs")).matchAll(/<xf [^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) =>
      /locked="0"/.test(m[0]),
    );
    const nhap = await partText(bytes, await sheetPath(bytes, SHEET_NAMES.entry));
    const inputs = new Set(spec.names.filter((n) => n.sheet === "Nhap").map((n) => n.address));
    for (const m of nhap.matchAll(/<c r="([A-Z]+\d+)" s="(\d+)"/g))
      expect([m[1], xfs[Number(m[2])]]).toEqual([m[1], inputs.has(m[1])]);
  });

  it("carries the values of an older workbook over to the current template by target id", async () => {
    const { spec, bytes } = await templateBytes({ values: VALUES, unitInfo: { preparer: "Nguyễn Văn A" } });
    const old = await editZip(bytes, {
      "customXml/item1.xml": (x) => x.replace(/<catalogVersion>[^<]+/, "<catalogVersion>0000000000000000"),
    });
    const read = readWorkbook(old, { catalog, units, allowOtherVersion: true });
    const {
      spec: carried,
      carried: list,
      dropped,
    } = carryOver(
      {
        entries: [...read.entries, { targetId: "Z99", value: 3 }, { targetId: "S02", numerator: 5 }],
        unitSheet: read.unitSheet,
      },
      spec,
    );
    expect(list).toContain("S01.justification");
    expect(list).toContain("DonVi.preparer");
    expect(dropped.map((d) => `${d.targetId}.${d.field}`)).toEqual(["Z99.value", "S02.numerator"]);
    expect(dropped[0].reason.vi).toContain("không còn trong mẫu");
    const again = readWorkbook(
      await (await import("../../src/workbook/xlsx/write-template")).writeTemplateXlsx(carried),
      { catalog, units },
    );
    expect(again.entries).toEqual(expectedEntries(spec, VALUES));
    expect(again.unitSheet.preparer).toBe("Nguyễn Văn A");
    expect(again.identity.catalogVersion).toBe(catalog.version);
    void ward;
  });
});
