import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { buildConsolidatedSpec, MATRIX_LAYOUT } from "../../src/workbook/consolidated";
import {
  chartXml,
  drawingXml,
  insertDrawingElement,
  writeConsolidatedXlsx,
} from "../../src/workbook/xlsx/write-consolidated";
import { ENTRY_COLUMNS, buildTemplateSpec } from "../../src/workbook/template";
import { parsePeriod } from "../../src/domain";
import { catalog, units } from "../scorecard/helpers";
import { PERIOD, sampleView, sheetOf } from "./consolidated-fixture";

const view = sampleView();
const spec = buildConsolidatedSpec(view);
let bytes: Uint8Array;
let zip: JSZip;
const text = async (p: string): Promise<string> => {
  const f = zip.file(p);
  if (!f) throw new Error(`missing part ${p}`);
  return f.async("string");
};

beforeAll(async () => {
  bytes = await writeConsolidatedXlsx(spec);
  zip = await JSZip.loadAsync(bytes);
});

function xmllint(xml: string): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-xml-"));
  const f = path.join(dir, "part.xml");
  fs.writeFileSync(f, xml);
  try {
    execFileSync("xmllint", ["--noout", "--nonet", f], { stdio: "pipe" });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe("writeConsolidatedXlsx", () => {
  it("writes the values ExcelJS reads back at the template's cells", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "TongHop",
      "MaTran",
      "TienDo",
      "ThePhanLoai",
      "BieuDo",
      "ThuyetMinh",
    ]);
    const period = parsePeriod(PERIOD) as NonNullable<ReturnType<typeof parsePeriod>>;
    const rows = buildTemplateSpec({ catalog, unit: units.byCode("HN") as never, period, targets: catalog.targets })
      .entry.rows;
    const th = wb.getWorksheet("TongHop") as ExcelJS.Worksheet;
    expect(th.getCell(`${ENTRY_COLUMNS.id}${rows.S01}`).value).toBe("S01");
    expect(th.getCell(`${ENTRY_COLUMNS.value}${rows.S01}`).value).toBeCloseTo(85.675675, 5);
    expect(th.getCell(`${ENTRY_COLUMNS.numerator}${rows.S01}`).value).toBe(951);
    expect(th.getCell(`${ENTRY_COLUMNS.value}${rows.S02}`).value).toBe(12);
    const mt = wb.getWorksheet("MaTran") as ExcelJS.Worksheet;
    expect(mt.getCell(`A${MATRIX_LAYOUT.firstData}`).value).toBe(view.units[0].code);
  });

  it("keeps a formula-looking contact as text (no formula is written)", async () => {
    const td = await text("xl/worksheets/sheet3.xml");
    expect(td).not.toMatch(/<f>/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("TienDo") as ExcelJS.Worksheet;
    const found: unknown[] = [];
    ws.eachRow((row) => row.eachCell((c) => found.push(c.value)));
    expect(found).toContain('=HYPERLINK("x")');
  });

  it("writes the status colours as expression rules of conditional formatting", async () => {
    const xml = await text("xl/worksheets/sheet2.xml");
    const blocks = xml.match(/<conditionalFormatting [^>]*>/g) ?? [];
    expect(blocks).toHaveLength(2);
    expect((xml.match(/<cfRule type="expression"/g) ?? []).length).toBe(12);
    expect(xml).toMatch(/<formula>[A-Z]+6=&quot;Đạt&quot;<\/formula>/);
    // no per-cell status fill in the matrix: styles.xml holds one dxf per rule, cells only the header fills
    const styles = await text("xl/styles.xml");
    expect(styles).toMatch(/<dxfs count="\d+"/);
  });

  it("adds one valid chart part per chart, a drawing per chart sheet, relationships and content types", async () => {
    const charts = Object.keys(zip.files)
      .filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))
      .sort();
    expect(charts).toHaveLength(sheetOf(spec, "BieuDo").charts.length);
    for (const c of charts) xmllint(await text(c));
    xmllint(await text("xl/drawings/drawing1.xml"));
    const rels = await text("xl/drawings/_rels/drawing1.xml.rels");
    expect((rels.match(/relationships\/chart"/g) ?? []).length).toBe(charts.length);
    const sheet = await text("xl/worksheets/sheet5.xml");
    expect(sheet).toMatch(/<drawing r:id="rIdCtDrawing1"\/>/);
    xmllint(sheet);
    const sheetRels = await text("xl/worksheets/_rels/sheet5.xml.rels");
    expect(sheetRels).toContain('Target="../drawings/drawing1.xml"');
    const ct = await text("[Content_Types].xml");
    expect(ct).toContain(
      'PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"',
    );
    for (const c of charts)
      expect(ct).toContain(
        `PartName="/${c}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"`,
      );
  });

  it("points each series at the chart data on the sheet and caches its values", async () => {
    const chart = sheetOf(spec, "BieuDo").charts[1];
    const xml = chartXml("BieuDo", chart);
    const [from, to] = chart.dataRange.split(":");
    const top = Number(from.replace(/[A-Z]/g, ""));
    const bottom = Number(to.replace(/[A-Z]/g, ""));
    expect(xml).toContain(`<c:f>BieuDo!$A$${top + 1}:$A$${bottom}</c:f>`);
    expect(xml).toContain(`<c:f>BieuDo!$B$${top + 1}:$B$${bottom}</c:f>`);
    expect(xml).toContain(`<c:f>BieuDo!$C$${top}</c:f>`);
    expect(xml).not.toContain("$D$"); // the figure and target columns beside the chart data are not charted
    expect(xml).toContain('<c:barDir val="bar"/>');
    expect(xml).toContain('<c:orientation val="minMax"/><c:min val="0"/>'); // bars start at 0, not where a program likes
    expect(xml).toContain(`<c:ptCount val="${chart.categories.length}"/>`);
    // a blank target is left out of the cache, never written as 0
    const nulls = chart.series[1].values.filter((v) => v === null).length;
    expect(nulls).toBeGreaterThan(0);
    const targetCache = xml.split("<c:ser>")[2];
    expect((targetCache.match(/<c:pt idx=/g) ?? []).length).toBe(
      chart.categories.length + chart.series[1].values.length - nulls + 1,
    );
  });

  it("places the drawing element before the parts that follow it in a worksheet", () => {
    const xml = '<worksheet xmlns="m"><sheetData/><pageSetup/><tableParts count="0"/></worksheet>';
    const out = insertDrawingElement(xml, "rId9");
    expect(out).toBe(
      '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns="m"><sheetData/><pageSetup/><drawing r:id="rId9"/><tableParts count="0"/></worksheet>',
    );
    expect(drawingXml(sheetOf(spec, "BieuDo").charts)).toContain('name="CT_chart_economy"');
  });
});
