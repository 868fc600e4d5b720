/**
 * Queues a template sheet into an Office.js request: cells (text kept as text), styles, merges, row heights, validations,
 * conditional formats, print setup, protection, and the defined names. Nothing here syncs.
 */
import {
  columnIndex,
  columnLetters,
  customFormula,
  splitAddress,
  type CellStyle,
  type ConditionalFormatSpec,
  type NameSpec,
  type SheetSpec,
  type TemplateSpec,
  type ValidationSpec,
} from "../template";
import { absolute, quoteSheet } from "../sheet-ref";
import type { OfficeFeatures } from "./requirements";
import { officeText } from "./text";

/** Excel column width is in points; the spec's is in characters of the default font (≈ 7 px each + 5 px padding). */
export function widthInPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center" } as const;

/** Strings Excel would turn into numbers or dates ("00004", "2026-01", "1") are written into text-formatted cells. */
export function needsTextFormat(v: unknown): boolean {
  return typeof v === "string" && v !== "" && /^[\d\s.,:/+-]+$/.test(v);
}

export const PROTECTION_OPTIONS: Excel.WorksheetProtectionOptions = {
  allowFormatColumns: true,
  allowFormatRows: true,
  allowInsertRows: true,
  allowFormatCells: false,
  allowDeleteRows: false,
  allowDeleteColumns: false,
  allowInsertColumns: false,
  allowSort: false,
  allowAutoFilter: false,
};

function applyStyle(range: Excel.Range, st: CellStyle, multiColumn: boolean): void {
  const f = range.format;
  f.font.bold = !!st.bold;
  f.font.italic = !!st.italic;
  f.font.size = st.size ?? 11;
  f.font.color = `#${st.fontColor ?? "000000"}`;
  if (st.fill) f.fill.color = `#${st.fill}`;
  else f.fill.clear();
  f.wrapText = !!st.wrap;
  if (st.hAlign) f.horizontalAlignment = H_ALIGN[st.hAlign];
  if (st.vAlign) f.verticalAlignment = V_ALIGN[st.vAlign];
  if (st.border) {
    const edges: ("EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical")[] = [
      "EdgeTop",
      "EdgeBottom",
      "EdgeLeft",
      "EdgeRight",
    ];
    if (multiColumn) edges.push("InsideVertical");
    for (const e of edges) {
      const b = f.borders.getItem(e);
      b.style = "Continuous";
      b.color = "#BFBFBF";
    }
  }
  f.protection.locked = st.locked;
}

/** The type Excel reports (`DataValidation.type`) for each kind of the spec. */
export const OFFICE_TYPES: Record<ValidationSpec["kind"], string> = {
  decimal: "Decimal",
  whole: "WholeNumber",
  list: "List",
  textLength: "TextLength",
  custom: "Custom",
};

/** The rule of `v` at `address` (the spec's own, or where a repair found the cell): custom formulas start with `=`. */
export function toOfficeRule(v: ValidationSpec, address = v.address): Excel.DataValidationRule {
  if (v.kind === "custom") return { custom: { formula: `=${customFormula(v, address)}` } };
  if (v.kind === "list") return { list: { inCellDropDown: true, source: (v.list ?? []).join(",") } };
  const basic: Excel.BasicDataValidation =
    v.min !== undefined && v.max !== undefined
      ? { formula1: v.min, formula2: v.max, operator: "Between" }
      : v.min !== undefined
        ? { formula1: v.min, operator: "GreaterThanOrEqualTo" }
        : { formula1: v.max ?? 0, operator: "LessThanOrEqualTo" };
  if (v.kind === "whole") return { wholeNumber: basic };
  if (v.kind === "textLength") return { textLength: basic };
  return { decimal: basic };
}

export function queueValidation(ws: Excel.Worksheet, v: ValidationSpec, address = v.address): void {
  const dv = ws.getRange(address).dataValidation;
  dv.clear();
  dv.ignoreBlanks = true;
  dv.rule = toOfficeRule(v, address);
  dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.text };
  dv.errorAlert = { showAlert: true, style: "Stop", title: v.error.title, message: v.error.text };
}

export function queueConditionalFormat(ws: Excel.Worksheet, cf: ConditionalFormatSpec, range = cf.range): void {
  const formats = ws.getRange(range).conditionalFormats;
  formats.clearAll();
  for (const r of cf.rules) {
    const c = formats.add("ContainsText");
    c.textComparison.format.fill.color = `#${r.fill}`;
    c.textComparison.format.font.color = `#${r.fontColor}`;
    c.textComparison.rule = { operator: "Contains", text: r.text };
  }
}

function queuePrint(ws: Excel.Worksheet, s: SheetSpec): void {
  ws.pageLayout.orientation = s.print.orientation === "landscape" ? "Landscape" : "Portrait";
  ws.pageLayout.paperSize = "A4";
  if (s.print.fitToWidth) ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (s.print.titleRows) ws.pageLayout.setPrintTitleRows(`$${s.print.titleRows[0]}:$${s.print.titleRows[1]}`);
}

/** The rows and columns a sheet spec's cells span from A1 (at least 1 × 1). */
export function sheetExtent(s: SheetSpec): { rows: number; columns: number } {
  let rows = 1;
  let columns = 1;
  for (const c of s.cells) {
    const { column, row } = splitAddress(c.address);
    rows = Math.max(rows, row);
    columns = Math.max(columns, columnIndex(column));
  }
  return { rows, columns };
}

/** Queue a whole sheet: values and formulas, formats, merges, validation, conditional formats, freeze, print, protection. */
export function queueSheet(ws: Excel.Worksheet, s: SheetSpec, spec: TemplateSpec, features: OfficeFeatures): void {
  if (s.tabColor) ws.tabColor = `#${s.tabColor}`;
  s.columnWidths.forEach((w, i) => {
    const col = columnLetters(i + 1);
    ws.getRange(`${col}:${col}`).format.columnWidth = widthInPoints(w);
  });
  // rows whose wrapped two-language text needs more than one line (Excel grows them only when a cell is edited),
  // and the rows kept out of view (the versions on the unit sheet): as the .xlsx writer does
  for (const [row, height] of Object.entries(s.rowHeights ?? {}))
    ws.getRange(`${row}:${row}`).format.rowHeight = height;
  for (const row of s.hiddenRows ?? []) ws.getRange(`${row}:${row}`).rowHidden = true;
  // one rectangle of number formats and one of formulas/values
  const { rows: maxRow, columns: maxCol } = sheetExtent(s);
  const formulas: (string | number | boolean)[][] = Array.from({ length: maxRow }, () =>
    new Array<string | number | boolean>(maxCol).fill(""),
  );
  const formats: string[][] = Array.from({ length: maxRow }, () => new Array<string>(maxCol).fill("General"));
  const styleAt = new Map<string, string>(); // "row:col" → style id
  for (const c of s.cells) {
    const { column, row } = splitAddress(c.address);
    const ci = columnIndex(column) - 1;
    // text stays text: "- Đã hoàn thành", "+84 912…", "2024" would otherwise become formulas, numbers or dates
    formulas[row - 1][ci] = c.formula ? `=${c.formula}` : officeText(c.value ?? "");
    const numFmt = spec.styles[c.style].numFmt;
    formats[row - 1][ci] = needsTextFormat(c.value) && !c.formula ? "@" : (numFmt ?? "General");
    styleAt.set(`${row}:${ci + 1}`, c.style);
  }
  const all = ws.getRange(`A1:${columnLetters(maxCol)}${maxRow}`);
  all.numberFormat = formats;
  all.formulas = formulas;
  // formats by runs of equal style along each row
  for (let r = 1; r <= maxRow; r++) {
    let c = 1;
    while (c <= maxCol) {
      const st = styleAt.get(`${r}:${c}`);
      if (!st) {
        c++;
        continue;
      }
      let end = c;
      while (end + 1 <= maxCol && styleAt.get(`${r}:${end + 1}`) === st) end++;
      const address = c === end ? `${columnLetters(c)}${r}` : `${columnLetters(c)}${r}:${columnLetters(end)}${r}`;
      applyStyle(ws.getRange(address), spec.styles[st as keyof TemplateSpec["styles"]], end > c);
      c = end + 1;
    }
  }
  for (const m of s.merges) ws.getRange(m).merge(false);
  for (const v of s.validations) queueValidation(ws, v);
  for (const cf of s.conditionalFormats) queueConditionalFormat(ws, cf);
  if (s.freeze) ws.freezePanes.freezeAt(ws.getRange(`A1:${columnLetters(s.freeze.columns)}${s.freeze.rows}`));
  if (features.printSetup) queuePrint(ws, s);
  if (s.protect) ws.protection.protect(PROTECTION_OPTIONS);
}

export function queueNames(wb: Excel.Workbook, names: NameSpec[]): void {
  for (const n of names) wb.names.add(n.name, `=${quoteSheet(n.sheet)}!${absolute(n.address)}`);
}
