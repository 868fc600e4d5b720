/**
 * Reading and writing the figures of the open template through Office.js, one Excel.run and one sync per action:
 * readReport (names + used ranges → entries, the same locating rules as the .xlsx reader), writeEntries, markIssues
 * (fill colours, the check column and the status column; old marks cleared), selectCell and the onChanged
 * subscription that catches typing and pasting (a paste bypasses Excel's data validation, so the pane re-validates).
 */
import type { EntryField, EntryInput, Locale, TargetAssessment, ValidationIssue } from "../../domain";
import type { Catalog, UnitRegistry } from "../../domain";
import type { EntryChange, TemplateIdentity, UnitSheetContact } from "../port";
import { identityFromUnitSheet, locateEntries, readUnitSheet, type NameRef } from "../locate";
import {
  COLORS,
  ENTRY_COLUMNS,
  SHEET_NAMES,
  entryName,
  parseEntryName,
  statusText,
  type TemplateSpec,
} from "../template";
import { gridSource, inRect, namesFrom, parseRect, type SheetGrid } from "./grid-source";
import { PROTECTION_OPTIONS } from "./write-template";
import { loadedItems, resultValue, runExcel } from "./run";

export interface ReadContext {
  catalog: Catalog;
  units: UnitRegistry;
}

export interface OfficeReport {
  /** the identity the unit sheet states (the custom XML part is read by readIdentity) */
  identity: TemplateIdentity | null;
  entries: EntryInput[];
  unitSheet: UnitSheetContact;
  locale: Locale;
  cellOf: (targetId: string, field: EntryField) => string | undefined;
}

function loadUsed(ws: Excel.Worksheet): Excel.Range {
  const r = ws.getUsedRangeOrNullObject(false);
  r.load("values,numberFormat,rowIndex,columnIndex");
  return r;
}

function gridOf(r: Excel.Range): SheetGrid | null {
  if (r.isNullObject) return null;
  return { rowIndex: r.rowIndex, columnIndex: r.columnIndex, values: r.values, numberFormat: r.numberFormat };
}

/** Every entry of the entry sheet and the unit sheet's people, in one sync. */
export async function readReport(ctx: ReadContext, identity: TemplateIdentity): Promise<OfficeReport> {
  return runExcel("đọc số liệu / read entries", async (context) => {
    const sheets = context.workbook.worksheets;
    const entryWs = sheets.getItemOrNullObject(SHEET_NAMES.entry);
    const unitWs = sheets.getItemOrNullObject(SHEET_NAMES.unit);
    const names = context.workbook.names;
    names.load("items/name,items/formula");
    const entryUsed = loadUsed(entryWs);
    const unitUsed = loadUsed(unitWs);
    await context.sync();
    const grids = new Map<string, SheetGrid>();
    const e = gridOf(entryUsed);
    const u = gridOf(unitUsed);
    if (e) grids.set(SHEET_NAMES.entry, e);
    if (u) grids.set(SHEET_NAMES.unit, u);
    const src = gridSource(grids, namesFrom(names.items));
    const located = locateEntries(src, identity, ctx);
    const unit = readUnitSheet(src);
    return {
      identity: identityFromUnitSheet(src),
      entries: located.entries,
      unitSheet: { preparer: unit.preparer, approver: unit.approver, phone: unit.phone },
      locale: unit.locale,
      cellOf: located.cellOf,
    };
  });
}

/** The unit sheet's preparer, approver and phone (names + the unit sheet's used range, one sync). */
export async function readUnitContact(): Promise<UnitSheetContact> {
  return runExcel("đọc người lập biểu / read the unit sheet", async (context) => {
    const unitWs = context.workbook.worksheets.getItemOrNullObject(SHEET_NAMES.unit);
    const names = context.workbook.names;
    names.load("items/name,items/formula");
    const unitUsed = loadUsed(unitWs);
    await context.sync();
    const grids = new Map<string, SheetGrid>();
    const u = gridOf(unitUsed);
    if (u) grids.set(SHEET_NAMES.unit, u);
    const unit = readUnitSheet(gridSource(grids, namesFrom(names.items)));
    return { preparer: unit.preparer, approver: unit.approver, phone: unit.phone };
  });
}

/** Write typed values into their named cells (inputs are unlocked: the sheet stays protected). */
export async function writeEntries(changes: EntryChange[]): Promise<void> {
  if (changes.length === 0) return;
  await runExcel("ghi số liệu / write entries", async (context) => {
    for (const c of changes) {
      const range = context.workbook.names.getItem(entryName(c.targetId, c.field)).getRange();
      range.values = [[c.raw === null ? "" : c.raw]];
    }
    await context.sync();
  });
}

const MARK = { error: "FFC7CE", warning: "FFEB9C", info: "DDEBF7" } as const;

/**
 * Colour the cells that carry issues, list each row's issues in the check column, write each target's status, and
 * clear the marks of everything else — one sync. `spec` says which rows and inputs the template has.
 */
export async function markIssues(
  spec: TemplateSpec,
  issues: ValidationIssue[],
  assessments: TargetAssessment[] = [],
  locale: Locale = "vi",
): Promise<void> {
  await runExcel("đánh dấu lỗi / mark issues", async (context) => {
    const ws = context.workbook.worksheets.getItem(SHEET_NAMES.entry);
    const names = context.workbook.names;
    ws.protection.unprotect();
    const severityRank = { error: 3, warning: 2, info: 1 } as const;
    const worst = new Map<string, keyof typeof MARK>(); // "Nhap!G12" → severity
    const texts = new Map<string, string[]>(); // targetId → messages
    for (const i of issues) {
      if (i.cell) {
        const prev = worst.get(i.cell);
        if (!prev || severityRank[i.severity] > severityRank[prev]) worst.set(i.cell, i.severity);
      }
      if (i.targetId) {
        const list = texts.get(i.targetId) ?? [];
        const mark = i.severity === "error" ? "✖" : i.severity === "warning" ? (i.justified ? "✓" : "⚠") : "ℹ";
        list.push(`${mark} ${i.message[locale]}`);
        texts.set(i.targetId, list);
      }
    }
    const progress = new Map(assessments.map((a) => [a.targetId, a.progress]));
    for (const targetId of Object.keys(spec.entry.rows)) {
      // the row's own cells through its names, so marks follow moved rows
      for (const f of spec.entry.fields[targetId] ?? []) {
        const range = names.getItem(entryName(targetId, f)).getRange();
        range.format.fill.color = `#${COLORS.input}`;
      }
      const anchor = names.getItem(entryName(targetId, spec.entry.fields[targetId][0])).getRange().getEntireRow();
      anchor.getColumn(colIndex(ENTRY_COLUMNS.check)).values = [[(texts.get(targetId) ?? []).join("\n")]];
      const p = progress.get(targetId);
      anchor.getColumn(colIndex(ENTRY_COLUMNS.status)).values = [[p ? statusText(p) : ""]];
    }
    for (const [cell, severity] of worst) {
      const [sheet, address] = cell.includes("!") ? cell.split("!") : [SHEET_NAMES.entry, cell];
      context.workbook.worksheets.getItem(sheet).getRange(address).format.fill.color = `#${MARK[severity]}`;
    }
    ws.protection.protect(PROTECTION_OPTIONS);
    await context.sync();
  });
}

function colIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

/** Show a cell to the user: activate its sheet and select it ("Nhap!G12"). */
export async function selectCell(address: string): Promise<void> {
  await runExcel("chọn ô / select cell", async (context) => {
    const [sheet, local] = address.includes("!") ? address.split("!") : [SHEET_NAMES.entry, address];
    const ws = context.workbook.worksheets.getItem(sheet.replace(/^'|'$/g, ""));
    ws.activate();
    ws.getRange(local).select();
    await context.sync();
  });
}

/** The input cells a changed range touches, with their current content: one sync per change event. */
export async function changesIn(address: string): Promise<EntryChange[]> {
  const rect = parseRect(address);
  if (!rect) return [];
  return runExcel("đọc thay đổi / read changes", async (context) => {
    const names = context.workbook.names;
    names.load("items/name,items/formula");
    const ws = context.workbook.worksheets.getItem(SHEET_NAMES.entry);
    const used = ws.getUsedRangeOrNullObject(false);
    used.load("values,rowIndex,columnIndex");
    await context.sync();
    if (used.isNullObject) return [];
    const out: EntryChange[] = [];
    for (const [name, ref] of namesFrom(names.items) as Map<string, NameRef | null>) {
      const p = parseEntryName(name);
      if (!p || !ref || ref.sheet !== SHEET_NAMES.entry || !inRect(rect, ref.column, ref.row)) continue;
      const row = used.values[ref.row - 1 - used.rowIndex];
      const v = row ? row[colIndex(ref.column) - used.columnIndex] : "";
      out.push({
        targetId: p.targetId,
        field: p.field,
        raw: v === "" || v === undefined ? null : (v as string | number | boolean),
      });
    }
    return out;
  });
}

/**
 * Call `handler` whenever input cells of the entry sheet change (typing, pasting, undo). Returns an unsubscribe
 * function. Rows inserted or deleted report the cells they move through their names, so the mapping stays right.
 */
export async function onEntriesChanged(handler: (changes: EntryChange[]) => void): Promise<() => Promise<void>> {
  const registration = await runExcel("theo dõi thay đổi / watch changes", async (context) => {
    const ws = context.workbook.worksheets.getItem(SHEET_NAMES.entry);
    const result = ws.onChanged.add(async (event: Excel.WorksheetChangedEventArgs) => {
      const changes = await changesIn(event.address);
      if (changes.length > 0) handler(changes);
    });
    await context.sync();
    return result;
  });
  return async () => {
    await Excel.run(registration.context, async (context) => {
      registration.remove();
      await context.sync();
    });
  };
}

/** The identity part of the open workbook, if any (two syncs: find the part, then read its XML). */
export async function readIdentityPart(ns: string): Promise<string | null> {
  return runExcel("đọc nhận dạng mẫu / read template identity", async (context) => {
    const parts = context.workbook.customXmlParts.getByNamespace(ns);
    parts.load("items/id");
    await context.sync();
    const list = loadedItems(parts);
    if (list.length === 0) return null;
    const xml = list[0].getXml();
    await context.sync();
    return resultValue(xml);
  });
}
