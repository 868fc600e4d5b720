/**
 * The ExcelJS writer: walks a TemplateSpec and produces the .xlsx bytes — sheets, styles, merged titles, defined names,
 * data validation with input messages and error alerts, conditional formats, frozen panes, print setup, protection
 * without password — then adds the identity as a custom XML part (ExcelJS cannot write one, so the zip is
 * post-processed with JSZip, which ExcelJS itself depends on). Runs in Node and in the browser.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { TEMPLATE_NS } from "../port";
import { absolute, quoteSheet } from "../sheet-ref";
import { addSheet, argb } from "./add-sheet";

export { absolute, quoteSheet };
import {
  customFormula,
  type CellSpec,
  type CellStyle,
  type SheetSpec,
  type TemplateSpec,
  type ValidationSpec,
} from "../template";

/** One cell style of a spec onto an ExcelJS cell (shared by the template and the consolidated workbook). */
export function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  const font: Partial<ExcelJS.Font> = { name: "Calibri", size: style.size ?? 11 };
  if (style.bold) font.bold = true;
  if (style.italic) font.italic = true;
  if (style.fontColor) font.color = { argb: argb(style.fontColor) };
  cell.font = font;
  if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (style.wrap) alignment.wrapText = true;
  if (style.hAlign) alignment.horizontal = style.hAlign;
  if (style.vAlign) alignment.vertical = style.vAlign;
  if (Object.keys(alignment).length) cell.alignment = alignment;
  if (style.numFmt) cell.numFmt = style.numFmt;
  if (style.border) {
    const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FFBFBFBF" } };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  cell.protection = { locked: style.locked };
}

function cellValue(c: CellSpec): ExcelJS.CellValue {
  if (c.formula) return { formula: c.formula } as ExcelJS.CellFormulaValue;
  return c.value;
}

/** =NOT(ISERROR(SEARCH("Đạt",K6))) for the top-left cell of the range */
export function containsTextFormula(text: string, range: string): string {
  const topLeft = range.split(":")[0];
  return `NOT(ISERROR(SEARCH("${text.replace(/"/g, '""')}",${topLeft})))`;
}

export function toExcelJsValidation(v: ValidationSpec): ExcelJS.DataValidation {
  const base = {
    allowBlank: true,
    showInputMessage: true,
    promptTitle: v.prompt.title,
    prompt: v.prompt.text,
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: v.error.title,
    error: v.error.text,
  };
  if (v.kind === "custom") return { ...base, type: "custom", formulae: [customFormula(v, v.address)] };
  if (v.kind === "list") return { ...base, type: "list", formulae: [`"${(v.list ?? []).join(",")}"`] };
  if (v.min !== undefined && v.max !== undefined)
    return { ...base, type: v.kind, operator: "between", formulae: [v.min, v.max] };
  if (v.min !== undefined) return { ...base, type: v.kind, operator: "greaterThanOrEqual", formulae: [v.min] };
  return { ...base, type: v.kind, operator: "lessThanOrEqual", formulae: [v.max ?? 0] };
}

/** One template sheet: its frame, cells, merges, row heights, validations, conditional formats, protection. */
async function writeSheet(wb: ExcelJS.Workbook, spec: TemplateSpec, s: SheetSpec): Promise<void> {
  const ws = addSheet(wb, s);
  for (const c of s.cells) {
    const cell = ws.getCell(c.address);
    cell.value = cellValue(c);
    applyStyle(cell, spec.styles[c.style]);
  }
  for (const m of s.merges) ws.mergeCells(m);
  for (const [r, h] of Object.entries(s.rowHeights ?? {})) ws.getRow(Number(r)).height = h;
  for (const r of s.hiddenRows ?? []) ws.getRow(r).hidden = true;
  for (const v of s.validations) ws.getCell(v.address).dataValidation = toExcelJsValidation(v);
  let priority = 1;
  for (const cf of s.conditionalFormats) {
    ws.addConditionalFormatting({
      ref: cf.range,
      // "cell contains text" as the formula Excel itself stores for that rule: ExcelJS's own containsText rule
      // leaves out the operator and text attributes, which some readers need
      rules: cf.rules.map((r) => ({
        type: "expression",
        formulae: [containsTextFormula(r.text, cf.range)],
        priority: priority++,
        style: {
          fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(r.fill) } },
          font: { color: { argb: argb(r.fontColor) } },
        },
      })),
    });
  }
  if (s.protect) {
    await ws.protect("", {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
      insertRows: true,
    });
  }
}

/** A stable GUID for the identity part (same spec, same bytes). */
function guidFor(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  let h3 = 0x9e3779b9;
  let h4 = 0x85ebca6b;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
    h3 = Math.imul(h3 ^ c, 0x27d4eb2d) >>> 0;
    h4 = Math.imul(h4 ^ c, 0x165667b1) >>> 0;
  }
  const hex = [h1, h2, h3, h4].map((h) => h.toString(16).padStart(8, "0").toUpperCase()).join("");
  return `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}}`;
}

const CUSTOM_XML_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";
const CUSTOM_XML_PROPS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps";
const CUSTOM_XML_PROPS_CT = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";

/** Add customXml/item1.xml (+ its properties part, relationships and content types) to an .xlsx archive. */
export async function addCustomXmlPart(xlsx: Uint8Array, xml: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  const n = Object.keys(zip.files).filter((f) => /^customXml\/item\d+\.xml$/.test(f)).length + 1;
  zip.file(`customXml/item${n}.xml`, xml);
  zip.file(
    `customXml/itemProps${n}.xml`,
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n` +
      `<ds:datastoreItem ds:itemID="${guidFor(xml)}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">` +
      `<ds:schemaRefs><ds:schemaRef ds:uri="${TEMPLATE_NS}"/></ds:schemaRefs></ds:datastoreItem>`,
  );
  zip.file(
    `customXml/_rels/item${n}.xml.rels`,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${CUSTOM_XML_PROPS_REL}" Target="itemProps${n}.xml"/></Relationships>`,
  );
  const relsPath = "xl/_rels/workbook.xml.rels";
  const rels = await zip.file(relsPath)?.async("string");
  if (!rels) throw new Error("ExcelJS wrote no workbook relationships");
  zip.file(
    relsPath,
    rels.replace(
      "</Relationships>",
      `<Relationship Id="rIdChiTieu${n}" Type="${CUSTOM_XML_REL}" Target="../customXml/item${n}.xml"/></Relationships>`,
    ),
  );
  const ctPath = "[Content_Types].xml";
  let ct = (await zip.file(ctPath)?.async("string")) ?? "";
  if (!/<Default Extension="xml"/.test(ct))
    ct = ct.replace("</Types>", `<Default Extension="xml" ContentType="application/xml"/></Types>`);
  ct = ct.replace(
    "</Types>",
    `<Override PartName="/customXml/itemProps${n}.xml" ContentType="${CUSTOM_XML_PROPS_CT}"/></Types>`,
  );
  zip.file(ctPath, ct);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

/** Build the ExcelJS workbook for a spec (before the identity part is added). */
export async function buildWorkbook(spec: TemplateSpec): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Chỉ tiêu";
  wb.created = new Date(0);
  wb.modified = new Date(0);
  for (const s of spec.sheets) await writeSheet(wb, spec, s);
  const nhap = spec.sheets.find((s) => s.role === "entry");
  for (const n of spec.names) wb.definedNames.add(`${quoteSheet(n.sheet)}!${absolute(n.address)}`, n.name);
  // the entry sheet opens first
  if (nhap)
    wb.views = [
      {
        x: 0,
        y: 0,
        width: 20000,
        height: 12000,
        firstSheet: 0,
        activeTab: spec.sheets.indexOf(nhap),
        visibility: "visible",
      },
    ];
  return wb;
}

/** Write a spec to .xlsx bytes, identity part included. */
export async function writeTemplateXlsx(spec: TemplateSpec): Promise<Uint8Array> {
  const wb = await buildWorkbook(spec);
  const buf = await wb.xlsx.writeBuffer();
  return addCustomXmlPart(new Uint8Array(buf as ArrayBuffer), spec.customXml);
}
