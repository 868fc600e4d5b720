/**
 * The Office.js writer: walks the same TemplateSpec as the ExcelJS writer and creates the template in the open
 * workbook, or recognises the one already there and repairs what is missing without losing a typed value.
 *
 * Syncs: create = 2 (look, write); repair = 3 (look, read what is there, write). Every write of an action is queued
 * before its one sync; nothing syncs inside a loop.
 */
import type { Catalog, UnitRegistry } from "../../domain";
import { isAppError } from "../../domain/errors";
import { carryOver } from "../carry-over";
import { workbookErrors } from "../errors";
import { identityFromXml } from "../identity";
import { identityFromUnitSheet, locateEntries, readUnitSheet, type CellProblem, type LocatedEntries } from "../locate";
import { TEMPLATE_NS, type TemplateIdentity, type TemplateStatus } from "../port";
import {
  ENTRY_COLUMNS,
  SHEET_NAMES,
  UNIT_FIELDS,
  columnIndex,
  columnLetters,
  entryName,
  parseEntryName,
  splitAddress,
  unitCellAddress,
  unitName,
  type CellStyle,
  type ConditionalFormatSpec,
  type NameSpec,
  type SheetSpec,
  type TemplateSpec,
  type ValidationSpec,
} from "../template";
import { absolute, quoteSheet, rowOf } from "../sheet-ref";
import { gridSource, namesFrom, type SheetGrid } from "./grid-source";
import type { OfficeFeatures } from "./requirements";
import { loadedItems, runExcel, silence, unsilence } from "./run";
import { officeText } from "./text";
import type { EntryInput } from "../../domain";

export interface EnsureOptions {
  catalog: Catalog;
  units: UnitRegistry;
  features?: OfficeFeatures;
  /** an onChanged handler to register on the entry sheet in the action's last request (saves the pane a sync) */
  watch?: (event: Excel.WorksheetChangedEventArgs) => Promise<void>;
}

export interface EnsureResult extends TemplateStatus {
  created: boolean;
  /** the entries found, when the action read them and kept the sheet (no rebuild): the pane needs no other read */
  entries?: EntryInput[];
  /** input cells holding a date, time, boolean, error value or forbidden character, from the same read */
  problems?: CellProblem[];
  /** where each input cell is, from the same read */
  cellOf?: (targetId: string, field: import("../../domain").EntryField) => string | undefined;
  /** the registration of `watch`, when one was asked for */
  registration?: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>;
}

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

export function toOfficeRule(v: ValidationSpec): Excel.DataValidationRule {
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
  dv.rule = toOfficeRule(v);
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

function sameReport(a: TemplateIdentity, b: TemplateIdentity): boolean {
  return a.unitCode === b.unitCode && a.period === b.period;
}

function sheetSpec(spec: TemplateSpec, name: string): SheetSpec {
  const s = spec.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`spec has no sheet ${name}`);
  return s;
}

/** A free sheet name for the previous entry sheet kept after a rebuild: Nhap_cu, Nhap_cu2, … */
function backupName(existing: Set<string>): string {
  let n = `${SHEET_NAMES.entry}_cu`;
  for (let i = 2; existing.has(n); i++) n = `${SHEET_NAMES.entry}_cu${i}`;
  return n;
}

/**
 * Create the template of `spec` in the open workbook, or recognise the one there and repair what is missing:
 * sheets, names, validation, conditional formats, protection, identity. A template of another template or catalog
 * version is rebuilt with every value carried over by target id (the previous entry sheet is kept as Nhap_cu).
 * A workbook holding another unit's or period's report is refused (CT_TEMPLATE_OTHER_REPORT).
 */
export async function createOrRepairTemplate(spec: TemplateSpec, opts: EnsureOptions): Promise<EnsureResult> {
  const features = opts.features ?? { printSetup: true };
  return runExcel("tạo mẫu / create template", async (context): Promise<EnsureResult> => {
    const wb = context.workbook;
    const sheets = wb.worksheets;
    sheets.load("items/name,items/position");
    const names = wb.names;
    names.load("items/name,items/formula");
    const parts = wb.customXmlParts.getByNamespace(TEMPLATE_NS);
    parts.load("items/id");
    await context.sync(); // 1: what is there

    const present = new Map(sheets.items.map((s) => [s.name, s]));
    const ourNames = namesFrom(names.items);
    const partList = loadedItems(parts);
    const found = partList.length > 0 || ourNames.size > 0 || spec.sheets.some((s) => present.has(s.name));
    if (!found) {
      silence(context);
      for (const s of spec.sheets) queueSheet(sheets.add(s.name), s, spec, features);
      queueNames(wb, spec.names);
      wb.customXmlParts.add(spec.customXml);
      const entry = sheets.getItem(SHEET_NAMES.entry);
      entry.activate();
      const registration = opts.watch ? entry.onChanged.add(opts.watch) : undefined;
      unsilence(context);
      await context.sync(); // 2: everything written
      return { identity: spec.identity, repaired: [], created: true, registration };
    }

    // 2: read what the template holds — identity, values, and the validations and formats to check
    const xmls = partList.map((p) => p.getXml());
    const used = new Map<string, Excel.Range>();
    for (const name of [SHEET_NAMES.entry, SHEET_NAMES.unit]) {
      const ws = present.get(name);
      if (!ws) continue;
      const r = ws.getUsedRangeOrNullObject(false);
      r.load("values,valueTypes,numberFormat,rowIndex,columnIndex");
      used.set(name, r);
    }
    const entryWs = present.get(SHEET_NAMES.entry);
    const validationProbes = new Map<string, Excel.DataValidation>();
    for (const n of spec.names) {
      const ref = ourNames.get(n.name);
      if (!ref || !present.has(ref.sheet)) continue;
      const dv = sheets.getItem(ref.sheet).getRange(`${ref.column}${ref.row}`).dataValidation;
      dv.load("type");
      validationProbes.set(n.name, dv);
    }
    const cfCount = entryWs
      ? entryWs.getRange(`${ENTRY_COLUMNS.status}1:${ENTRY_COLUMNS.status}2000`).conditionalFormats.getCount()
      : null;
    const protections = new Map<string, Excel.WorksheetProtection>();
    for (const s of spec.sheets) {
      const ws = present.get(s.name);
      if (!ws) continue;
      ws.protection.load("protected");
      protections.set(s.name, ws.protection);
    }
    // the pane's watch rides with this read; a rebuilt entry sheet gets its own registration below
    let registration: EnsureResult["registration"] =
      entryWs && opts.watch ? entryWs.onChanged.add(opts.watch) : undefined;
    await context.sync();

    const grids = new Map<string, SheetGrid>();
    for (const [name, r] of used) {
      if (r.isNullObject) continue;
      grids.set(name, {
        rowIndex: r.rowIndex,
        columnIndex: r.columnIndex,
        values: r.values,
        numberFormat: r.numberFormat,
        valueTypes: r.valueTypes,
      });
    }
    const src = gridSource(grids, ourNames);
    let identity: TemplateIdentity | null = null;
    for (const x of xmls) identity = identity ?? identityFromXml(x.value);
    const identityFromSheet = present.has(SHEET_NAMES.unit) ? identityFromUnitSheet(src) : null;
    const known = identity ?? identityFromSheet;
    if (known && !sameReport(known, spec.identity)) throw workbookErrors.otherReport(known, spec.identity);
    const versionChanged =
      !!known &&
      (known.templateVersion !== spec.identity.templateVersion ||
        known.catalogVersion !== spec.identity.catalogVersion);

    const repaired: string[] = [];
    const locateOpts = { catalog: opts.catalog, units: opts.units };
    let located: LocatedEntries | null = null;
    let rebuild = !entryWs || versionChanged;
    if (entryWs && !rebuild) {
      try {
        located = locateEntries(src, spec.identity, locateOpts);
      } catch (e) {
        if (!isAppError(e)) throw e;
        rebuild = true;
        repaired.push(`${SHEET_NAMES.entry}: ${e.messages.en}`);
      }
    }

    // 3: queue every repair, then one sync — only when something is to be repaired. A sheet is unprotected only
    // when a repair needs it (a sheet protected with the user's password is left alone when it is complete).
    let queued = false;
    const touch = (): void => {
      if (!queued) silence(context);
      queued = true;
    };
    const unprotected = new Set<string>();
    const unprotect = (name: string): Excel.Worksheet => {
      const ws = sheets.getItem(name);
      touch();
      if (!unprotected.has(name) && protections.get(name)?.protected) {
        ws.protection.unprotect();
        unprotected.add(name);
      }
      return ws;
    };
    /** protect a sheet we unprotected, or one found unprotected */
    const reprotect = (name: string, ws: Excel.Worksheet): void => {
      if (unprotected.has(name) || !protections.get(name)?.protected) {
        touch();
        ws.protection.protect(PROTECTION_OPTIONS);
      }
    };

    for (const s of spec.sheets) {
      if (s.name === SHEET_NAMES.entry) continue;
      if (!present.has(s.name)) {
        touch();
        queueSheet(sheets.add(s.name), s, spec, features);
        queueNames(
          wb,
          spec.names.filter((n) => n.sheet === s.name),
        );
        repaired.push(`sheet ${s.name}`);
      }
    }
    if (present.has(SHEET_NAMES.unit)) {
      const ws = sheets.getItem(SHEET_NAMES.unit);
      for (const f of UNIT_FIELDS) {
        const n = unitName(f);
        if (ourNames.get(n)) continue;
        touch();
        if (ourNames.has(n)) wb.names.getItem(n).delete();
        wb.names.add(n, `=${quoteSheet(SHEET_NAMES.unit)}!${absolute(unitCellAddress(f))}`);
        repaired.push(`name ${n}`);
      }
      const fieldAt = new Map(UNIT_FIELDS.map((f) => [unitCellAddress(f), f]));
      for (const v of sheetSpec(spec, SHEET_NAMES.unit).validations) {
        const field = fieldAt.get(v.address);
        const probe = field ? validationProbes.get(unitName(field)) : undefined;
        if (!probe || probe.type === "None") {
          queueValidation(unprotect(SHEET_NAMES.unit), v);
          repaired.push(`validation ${SHEET_NAMES.unit}!${v.address}`);
        }
      }
      if (!protections.get(SHEET_NAMES.unit)?.protected) repaired.push(`protection ${SHEET_NAMES.unit}`);
      reprotect(SHEET_NAMES.unit, ws);
    }

    const entrySpec = sheetSpec(spec, SHEET_NAMES.entry);
    if (rebuild) {
      // keep what was typed: carry every value found (by name or column A) into the new sheet, keep the old sheet
      let carried = 0;
      let toWrite = spec;
      touch();
      if (entryWs) {
        const tolerant = locateEntries(src, known ?? spec.identity, { ...locateOpts, tolerant: true });
        const unitInfo = readUnitSheet(src);
        const result = carryOver({ entries: tolerant.entries, unitSheet: unitInfo }, spec);
        toWrite = result.spec;
        carried = result.carried.length;
        const old = unprotect(SHEET_NAMES.entry);
        for (const [n] of ourNames) if (parseEntryName(n)) wb.names.getItem(n).delete();
        const backup = backupName(new Set(present.keys()));
        old.name = backup;
        old.visibility = "Visible";
        repaired.push(
          `sheet ${SHEET_NAMES.entry} rebuilt (${carried} values carried over; previous sheet kept as ${backup})`,
        );
      } else {
        repaired.push(`sheet ${SHEET_NAMES.entry}`);
      }
      const ws = sheets.add(SHEET_NAMES.entry);
      if (entryWs) ws.position = entryWs.position;
      queueSheet(ws, sheetSpec(toWrite, SHEET_NAMES.entry), toWrite, features);
      queueNames(
        wb,
        spec.names.filter((n) => n.sheet === SHEET_NAMES.entry),
      );
      ws.activate();
      if (opts.watch) {
        // the watch made with the read is on the old sheet, now kept as Nhap_cu: move it to the new entry sheet
        registration?.remove();
        registration = ws.onChanged.add(opts.watch);
      }
    } else if (located && entryWs) {
      const ws = sheets.getItem(SHEET_NAMES.entry);
      const validations = new Map(entrySpec.validations.map((v) => [v.address, v]));
      for (const [targetId, how] of Object.entries(located.located)) {
        const fields = spec.entry.fields[targetId] ?? [];
        const specRow = spec.entry.rows[targetId];
        for (const f of fields) {
          const n = entryName(targetId, f);
          const cell = located.cellOf(targetId, f);
          if (!cell) continue;
          const address = cell.slice(cell.indexOf("!") + 1);
          if (how === "columnA" || !ourNames.get(n)) {
            touch();
            if (ourNames.has(n)) wb.names.getItem(n).delete();
            wb.names.add(n, `=${quoteSheet(SHEET_NAMES.entry)}!${absolute(address)}`);
            repaired.push(`name ${n}`);
          }
          const probe = validationProbes.get(n);
          const v = validations.get(`${ENTRY_COLUMNS[f]}${specRow}`);
          if (v && (!probe || how === "columnA" || probe.type === "None")) {
            queueValidation(unprotect(SHEET_NAMES.entry), v, address);
            repaired.push(`validation ${SHEET_NAMES.entry}!${address}`);
          }
        }
      }
      if (cfCount && cfCount.value === 0) {
        const found = located;
        const rows = Object.keys(found.located).map((id) => rowOf(found.cellOf(id, spec.entry.fields[id][0]) ?? ""));
        const first = Math.min(...rows);
        const last = Math.max(...rows);
        for (const cf of entrySpec.conditionalFormats)
          queueConditionalFormat(
            unprotect(SHEET_NAMES.entry),
            cf,
            `${ENTRY_COLUMNS.status}${first}:${ENTRY_COLUMNS.status}${last}`,
          );
        repaired.push(`conditional format ${SHEET_NAMES.entry}!${ENTRY_COLUMNS.status}`);
      }
      if (!protections.get(SHEET_NAMES.entry)?.protected) repaired.push(`protection ${SHEET_NAMES.entry}`);
      reprotect(SHEET_NAMES.entry, ws);
    }

    if (partList.length === 0) {
      touch();
      wb.customXmlParts.add(spec.customXml);
      repaired.push("identity part");
    } else if (!identity || versionChanged) {
      touch();
      partList[0].setXml(spec.customXml);
      repaired.push("identity part");
    }
    const kept = located && !rebuild ? located : null;
    const result: EnsureResult = {
      identity: spec.identity,
      repaired,
      created: false,
      registration,
      entries: kept?.entries,
      cellOf: kept?.cellOf,
      problems: kept?.problems,
    };
    if (queued) {
      unsilence(context);
      await context.sync(); // 3: every repair written (with the watch registration)
    }
    return result;
  });
}
