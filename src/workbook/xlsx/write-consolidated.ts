/**
 * Writes a ConsolidatedSpec to .xlsx bytes: ExcelJS for the cells, styles, merges, conditional formats (expression
 * rules, so the status colours are rules, not per-cell formats), frozen panes and print setup; then native charts.
 *
 * ExcelJS cannot write charts, so the archive is post-processed (with JSZip, which ExcelJS itself depends on, as the
 * template writer does for its custom XML part): for every sheet with charts, one DrawingML drawing part
 * (xl/drawings/drawingN.xml, a twoCellAnchor per chart), one chart part per chart (xl/charts/chartN.xml — a
 * c:barChart with c:strRef/c:numRef formulas pointing at the chart data on the sheet plus cached values, so a reader
 * that does not recalculate still draws them), their relationships, the sheet's <drawing r:id> element and the content
 * types. Excel and LibreOffice both open and draw these charts.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { escapeXml } from "../identity";
import { columnIndex, splitAddress } from "../template";
import type { ChartSpec, ConsolidatedSheet, ConsolidatedSpec, ConsolidatedStyleId } from "../consolidated";
import { parseRels, parseWorkbookXml, resolvePart } from "./xml-scan";
import { applyStyle, quoteSheet } from "./write-template";
import { addSheet, argb } from "./add-sheet";

/** "C6:AS131" → 1-based corners. */
export function parseRange(ref: string): { c1: number; r1: number; c2: number; r2: number } {
  const [a, b] = ref.split(":");
  const p = splitAddress(a);
  const q = splitAddress(b ?? a);
  return { c1: columnIndex(p.column), r1: p.row, c2: columnIndex(q.column), r2: q.row };
}

/** One consolidated sheet: its frame, styles, value blocks, merges, row heights, conditional formats. */
function writeSheet(wb: ExcelJS.Workbook, spec: ConsolidatedSpec, s: ConsolidatedSheet): void {
  const ws = addSheet(wb, s);
  // styles first: a block's own number formats are applied after them
  for (const st of s.styles) {
    const style = spec.styles[st.style as ConsolidatedStyleId];
    const { c1, r1, c2, r2 } = parseRange(st.range);
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) applyStyle(ws.getCell(r, c), style);
  }
  for (const b of s.blocks) {
    const { column, row } = splitAddress(b.address);
    const c0 = columnIndex(column);
    b.values.forEach((line, i) => {
      line.forEach((v, j) => {
        const cell = ws.getCell(row + i, c0 + j);
        if (v !== null) cell.value = v;
        const fmt = b.numFmts?.[i]?.[j];
        if (fmt) cell.numFmt = fmt;
      });
    });
  }
  for (const m of s.merges) ws.mergeCells(m);
  for (const [r, h] of Object.entries(s.rowHeights)) ws.getRow(Number(r)).height = h;
  let priority = 1;
  for (const cf of s.conditionalFormats) {
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: cf.rules.map((r) => ({
        type: "expression",
        priority: priority++,
        formulae: [r.formula],
        style: {
          fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(r.fill) } },
          font: { color: { argb: argb(r.fontColor) }, ...(r.italic ? { italic: true } : {}) },
        },
      })),
    });
  }
}

/** The ExcelJS workbook for a spec (before the charts are added). */
export function buildConsolidatedWorkbook(spec: ConsolidatedSpec): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Chỉ tiêu";
  wb.created = new Date(spec.generatedAt);
  wb.modified = new Date(spec.generatedAt);
  for (const s of spec.sheets) writeSheet(wb, spec, s);
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: "visible" }];
  return wb;
}

/** Write the consolidated workbook, charts included. */
export async function writeConsolidatedXlsx(spec: ConsolidatedSpec): Promise<Uint8Array> {
  const wb = buildConsolidatedWorkbook(spec);
  const buf = await wb.xlsx.writeBuffer();
  return addCharts(new Uint8Array(buf as ArrayBuffer), spec.sheets);
}

// ------------------------------------------------------------------------------------------------------------------
// DrawingML charts
// ------------------------------------------------------------------------------------------------------------------

const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  pkg: "http://schemas.openxmlformats.org/package/2006/relationships",
};
const REL = {
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
};
const CT = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
};
const XML_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

function ref(sheet: string, c1: number, r1: number, c2: number, r2: number): string {
  const col = (c: number): string => {
    let s = "";
    let n = c;
    while (n > 0) {
      s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  };
  const a = `$${col(c1)}$${r1}`;
  return `${quoteSheet(sheet)}!${a}${c1 === c2 && r1 === r2 ? "" : `:$${col(c2)}$${r2}`}`;
}

function richText(text: string, size: number, bold: boolean): string {
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr>` +
    `<a:r><a:rPr lang="vi-VN" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

function strCache(values: string[]): string {
  return `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(v)}</c:v></c:pt>`).join("")}</c:strCache>`;
}

function numCache(values: (number | null)[]): string {
  const pts = values
    .map((v, i) => (v === null || !Number.isFinite(v) ? "" : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`))
    .join("");
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

/** A line chart's plot: one c:ser per series (dashed where asked), periods along the category axis. */
function linePlot(sheet: string, chart: ChartSpec): string {
  const { c1, r1, r2 } = parseRange(chart.dataRange);
  const first = r1 + 1;
  const catRef = ref(sheet, c1, first, c1, r2);
  const dashed = new Set(chart.dashed ?? []);
  const series = chart.series
    .map((s, i) => {
      const col = c1 + 1 + i;
      const dash = dashed.has(i) ? `<a:prstDash val="dash"/>` : "";
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${escapeXml(ref(sheet, col, r1, col, r1))}</c:f>${strCache([s.name])}</c:strRef></c:tx>` +
        `<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${s.color}"/></a:solidFill>${dash}<a:round/></a:ln></c:spPr>` +
        `<c:marker><c:symbol val="${dashed.has(i) ? "none" : "circle"}"/><c:size val="5"/>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${s.color}"/></a:solidFill></c:spPr></c:marker>` +
        `<c:cat><c:strRef><c:f>${escapeXml(catRef)}</c:f>${strCache(chart.categories)}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${escapeXml(ref(sheet, col, first, col, r2))}</c:f>${numCache(s.values)}</c:numRef></c:val>` +
        `<c:smooth val="0"/></c:ser>`
      );
    })
    .join("");
  const axisTitle = chart.valueAxisTitle
    ? `<c:title>${richText(chart.valueAxisTitle, 900, false)}<c:overlay val="0"/></c:title>`
    : "";
  return (
    `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}` +
    `<c:marker val="1"/><c:axId val="50010"/><c:axId val="50020"/></c:lineChart>` +
    `<c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="low"/><c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="800"/></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>` +
    `<c:crossAx val="50020"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/>${chart.valueAxisMin !== undefined ? `<c:min val="${chart.valueAxisMin}"/>` : ""}</c:scaling><c:delete val="0"/>` +
    `<c:axPos val="l"/><c:majorGridlines/>${axisTitle}<c:numFmt formatCode="General" sourceLinked="1"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="50010"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`
  );
}

/** One chart part: a clustered bar (horizontal) or column chart, or a line chart, over the chart's data range. */
export function chartXml(sheet: string, chart: ChartSpec): string {
  if (chart.kind === "line") return chartPart(chart, linePlot(sheet, chart));
  const { c1, r1, r2 } = parseRange(chart.dataRange);
  const first = r1 + 1;
  const catRef = ref(sheet, c1, first, c1, r2);
  const horizontal = chart.kind === "barClustered";
  const series = chart.series
    .map((s, i) => {
      const col = c1 + 1 + i;
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${escapeXml(ref(sheet, col, r1, col, r1))}</c:f>${strCache([s.name])}</c:strRef></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${s.color}"/></a:solidFill></c:spPr>` +
        `<c:invertIfNegative val="0"/>` +
        `<c:cat><c:strRef><c:f>${escapeXml(catRef)}</c:f>${strCache(chart.categories)}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${escapeXml(ref(sheet, col, first, col, r2))}</c:f>${numCache(s.values)}</c:numRef></c:val>` +
        `</c:ser>`
      );
    })
    .join("");
  const axisTitle = chart.valueAxisTitle
    ? `<c:title>${richText(chart.valueAxisTitle, 900, false)}<c:overlay val="0"/></c:title>`
    : "";
  return chartPart(
    chart,
    `<c:barChart><c:barDir val="${horizontal ? "bar" : "col"}"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
      series +
      `<c:gapWidth val="60"/><c:axId val="50010"/><c:axId val="50020"/></c:barChart>` +
      `<c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="${horizontal ? "maxMin" : "minMax"}"/></c:scaling><c:delete val="0"/>` +
      `<c:axPos val="${horizontal ? "l" : "b"}"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
      `<c:tickLblPos val="low"/><c:txPr><a:bodyPr${horizontal ? "" : ' rot="-5400000" vert="horz"'}/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="800"/></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>` +
      `<c:crossAx val="50020"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
      `<c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/>${chart.valueAxisMin !== undefined ? `<c:min val="${chart.valueAxisMin}"/>` : ""}</c:scaling><c:delete val="0"/>` +
      `<c:axPos val="${horizontal ? "b" : "l"}"/><c:majorGridlines/>${axisTitle}<c:numFmt formatCode="General" sourceLinked="1"/>` +
      `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
      `<c:crossAx val="50010"/><c:crosses val="${horizontal ? "max" : "autoZero"}"/><c:crossBetween val="between"/></c:valAx>`,
  );
}

/** The chart part around a plot: title, plot area, legend below; blanks (missing, N/A) are gaps, never 0. */
function chartPart(chart: ChartSpec, plot: string): string {
  return (
    XML_HEAD +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    `<c:roundedCorners val="0"/>` +
    `<c:chart>` +
    `<c:title>${richText(chart.title, 1100, true)}<c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>` +
    plot +
    `</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>` +
    `</c:chart>` +
    `</c:chartSpace>`
  );
}

/** One drawing part holding every chart of a sheet (chart i uses relationship rId{i+1}). */
export function drawingXml(charts: ChartSpec[]): string {
  const anchors = charts
    .map((ch, i) => {
      const { c1, r1, c2, r2 } = parseRange(ch.anchor);
      return (
        `<xdr:twoCellAnchor editAs="oneCell">` +
        `<xdr:from><xdr:col>${c1 - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r1 - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:to><xdr:col>${c2}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r2}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(ch.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="rId${i + 1}"/></a:graphicData></a:graphic>` +
        `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
      );
    })
    .join("");
  return XML_HEAD + `<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">${anchors}</xdr:wsDr>`;
}

function relsXml(rels: { id: string; type: string; target: string }[]): string {
  return (
    XML_HEAD +
    `<Relationships xmlns="${NS.pkg}">` +
    rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`).join("") +
    `</Relationships>`
  );
}

/** Elements that must come after <drawing> in a worksheet (CT_Worksheet order). */
const AFTER_DRAWING = [
  "<legacyDrawing",
  "<legacyDrawingHF",
  "<drawingHF",
  "<picture",
  "<oleObjects",
  "<controls",
  "<webPublishItems",
  "<tableParts",
  "<extLst",
  "</worksheet>",
];

export function insertDrawingElement(sheetXml: string, relId: string): string {
  let at = -1;
  for (const tag of AFTER_DRAWING) {
    const i = sheetXml.indexOf(tag);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  if (at < 0) throw new Error("worksheet part has no end tag");
  let xml = sheetXml;
  if (!/xmlns:r="/.test(xml.slice(0, xml.indexOf(">", xml.indexOf("<worksheet"))))) {
    xml = xml.replace("<worksheet ", `<worksheet xmlns:r="${NS.r}" `);
    at += `xmlns:r="${NS.r}" `.length;
  }
  return `${xml.slice(0, at)}<drawing r:id="${relId}"/>${xml.slice(at)}`;
}

/** Add the charts of every sheet to an .xlsx archive written by ExcelJS. */
export async function addCharts(xlsx: Uint8Array, sheets: ConsolidatedSheet[]): Promise<Uint8Array> {
  const withCharts = sheets.filter((s) => s.charts.length > 0);
  if (withCharts.length === 0) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  const text = async (path: string): Promise<string | null> =>
    zip.file(path) ? await (zip.file(path) as JSZip.JSZipObject).async("string") : null;
  const wbXml = await text("xl/workbook.xml");
  const wbRels = await text("xl/_rels/workbook.xml.rels");
  if (!wbXml || !wbRels) throw new Error("ExcelJS wrote no workbook part");
  const relById = new Map(parseRels(wbRels).map((r) => [r.id, r]));
  const partOf = new Map<string, string>();
  for (const s of parseWorkbookXml(wbXml).sheets) {
    const rel = relById.get(s.relId);
    if (rel) partOf.set(s.name, resolvePart("xl/", rel.target));
  }
  let ct = (await text("[Content_Types].xml")) ?? "";
  let chartNo = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f)).length;
  let drawingNo = Object.keys(zip.files).filter((f) => /^xl\/drawings\/drawing\d+\.xml$/.test(f)).length;
  for (const s of withCharts) {
    const part = partOf.get(s.name);
    if (!part) throw new Error(`sheet ${s.name} is not in the workbook`);
    drawingNo += 1;
    const drawingPath = `xl/drawings/drawing${drawingNo}.xml`;
    const drawingRels: { id: string; type: string; target: string }[] = [];
    for (const ch of s.charts) {
      chartNo += 1;
      zip.file(`xl/charts/chart${chartNo}.xml`, chartXml(s.name, ch));
      ct = ct.replace(
        "</Types>",
        `<Override PartName="/xl/charts/chart${chartNo}.xml" ContentType="${CT.chart}"/></Types>`,
      );
      drawingRels.push({
        id: `rId${drawingRels.length + 1}`,
        type: REL.chart,
        target: `../charts/chart${chartNo}.xml`,
      });
    }
    zip.file(drawingPath, drawingXml(s.charts));
    zip.file(`xl/drawings/_rels/drawing${drawingNo}.xml.rels`, relsXml(drawingRels));
    ct = ct.replace("</Types>", `<Override PartName="/${drawingPath}" ContentType="${CT.drawing}"/></Types>`);
    // the sheet points at its drawing
    const dir = part.slice(0, part.lastIndexOf("/") + 1);
    const file = part.slice(dir.length);
    const sheetRelsPath = `${dir}_rels/${file}.rels`;
    const existing = parseRels((await text(sheetRelsPath)) ?? "");
    const relId = `rIdCtDrawing${drawingNo}`;
    zip.file(
      sheetRelsPath,
      relsXml([...existing, { id: relId, type: REL.drawing, target: `../drawings/drawing${drawingNo}.xml` }]),
    );
    const sheetXml = await text(part);
    if (!sheetXml) throw new Error(`sheet part ${part} is missing`);
    zip.file(part, insertDrawingElement(sheetXml, relId));
  }
  zip.file("[Content_Types].xml", ct);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
