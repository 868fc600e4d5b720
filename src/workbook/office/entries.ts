/**
 * Reading and writing the figures of the open template through Office.js, one Excel.run and one sync per action:
 * readReport (names + used ranges → entries, the same locating rules as the .xlsx reader), writeEntries, markIssues
 * (fill colours, the check column and the status column; old marks cleared), selectCell and the onChanged
 * subscription that catches typing and pasting (a paste bypasses Excel's data validation, so the pane re-validates).
 */
import type {
  EntryField,
  EntryInput,
  Locale,
  Narrative,
  TargetAssessment,
  TaskProgress,
  ValidationIssue,
} from "../../domain";
import { readNarrative } from "../narrative-read";
import { readTaskProgress } from "../task-read";
import { loadNarrativeRange } from "./narrative";
import { gridOf, loadUsed } from "./used-range";
import { queueNamedCells } from "./named-cells";
import type { Catalog, UnitRegistry } from "../../domain";
import type { EntryChange, TemplateIdentity, UnitSheetContact } from "../port";
import { identityFromXml } from "../identity";
import {
  identityFromUnitSheet,
  isCellProblem,
  locateEntries,
  readUnitSheet,
  type CellProblem,
  type NameRef,
} from "../locate";
import {
  COLORS,
  columnIndex,
  ENTRY_COLUMNS,
  ENTRY_ROWS,
  SHEET_NAMES,
  NARRATIVE_SHEET,
  TASK_SHEET,
  cellMap,
  entryName,
  parseEntryName,
  statusText,
  type TemplateSpec,
} from "../template";
import { gridSource, inRect, namesFrom, parseRect, type SheetGrid } from "./grid-source";
import { PROTECTION_OPTIONS } from "./queue-template";
import { loadedItems, resultValue, runExcel, silence, unsilence } from "./run";
import { officeText } from "./text";
import { rowOf } from "../sheet-ref";
import { ENTRY_FIELDS } from "../../domain/entry-fields";

export interface ReadContext {
  catalog: Catalog;
  units: UnitRegistry;
}

export interface OfficeReport {
  /** the identity the unit sheet states (the custom XML part is read by readIdentity) */
  identity: TemplateIdentity | null;
  entries: EntryInput[];
  unitSheet: UnitSheetContact;
  /** the narrative sheet's four parts (null: no sheet, or all blank); read in the same sync */
  narrative: Narrative | null;
  /** the task-progress sheet's rows with something typed (empty: no sheet or nothing typed); same sync */
  taskProgress: TaskProgress[];
  locale: Locale;
  cellOf: (targetId: string, field: EntryField) => string | undefined;
  /** input cells holding a date, time, boolean, error value or forbidden character (blank in entries) */
  problems: CellProblem[];
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
    const narrativeUsed = loadNarrativeRange(context);
    const tasksUsed = loadUsed(sheets.getItemOrNullObject(TASK_SHEET));
    await context.sync();
    const grids = new Map<string, SheetGrid>();
    const e = gridOf(entryUsed);
    const u = gridOf(unitUsed);
    const n = gridOf(narrativeUsed);
    const t = gridOf(tasksUsed);
    if (t) grids.set(TASK_SHEET, t);
    if (e) grids.set(SHEET_NAMES.entry, e);
    if (u) grids.set(SHEET_NAMES.unit, u);
    if (n) grids.set(NARRATIVE_SHEET, n);
    const src = gridSource(grids, namesFrom(names.items));
    const located = locateEntries(src, identity, ctx);
    const unit = readUnitSheet(src);
    const narrative = readNarrative(src);
    return {
      identity: identityFromUnitSheet(src),
      entries: located.entries,
      unitSheet: { preparer: unit.preparer, approver: unit.approver, phone: unit.phone },
      narrative: narrative.narrative,
      taskProgress: readTaskProgress(src).progress,
      locale: unit.locale,
      cellOf: located.cellOf,
      problems: [...located.problems, ...narrative.problems],
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

/**
 * Write typed values into their named cells (inputs are unlocked: the sheet stays protected). Text is written so
 * that Excel keeps it as text ("- Đã hoàn thành", "+84 912…", "2024"), and the write raises no onChanged.
 */
export async function writeEntries(changes: EntryChange[]): Promise<void> {
  if (changes.length === 0) return;
  await runExcel(
    "ghi số liệu / write entries",
    async (context) => {
      queueNamedCells(
        context,
        changes.map((c) => ({ name: entryName(c.targetId, c.field), value: c.raw })),
      );
      await context.sync();
    },
    { quiet: true },
  );
}

const MARK = { error: "FFC7CE", warning: "FFEB9C", info: "DDEBF7" } as const;

/** Where each input cell of the template is: the located cells of the last read, or the spec's own layout. */
export type CellLocator = (targetId: string, field: EntryField) => string | undefined;

function localAddress(cell: string): [string, string] {
  return cell.includes("!") ? (cell.split("!") as [string, string]) : [SHEET_NAMES.entry, cell];
}

/**
 * Colour the cells that carry issues, list each row's issues in the check column, write each target's status, and
 * clear the marks of everything else — one sync. Every range is an address (`cells`: where the last read found each
 * input), never a defined name: a deleted or #REF! name cannot make the batch fail after the sheet was unprotected.
 * The writes raise no onChanged.
 */
export async function markIssues(
  spec: TemplateSpec,
  issues: ValidationIssue[],
  assessments: TargetAssessment[] = [],
  locale: Locale = "vi",
  cells: CellLocator = cellMap(spec),
): Promise<void> {
  const severityRank = { error: 3, warning: 2, info: 1 } as const;
  const worst = new Map<string, keyof typeof MARK>(); // "G12" on the entry sheet → severity
  const texts = new Map<string, string[]>(); // targetId → messages
  for (const i of issues) {
    const field = i.path[2] as EntryField | undefined;
    const cell = (i.targetId && field ? cells(i.targetId, field) : undefined) ?? i.cell;
    if (cell) {
      const [sheet, address] = localAddress(cell);
      const prev = worst.get(address);
      if (sheet === SHEET_NAMES.entry && (!prev || severityRank[i.severity] > severityRank[prev]))
        worst.set(address, i.severity);
    }
    if (i.targetId) {
      const list = texts.get(i.targetId) ?? [];
      const mark = i.severity === "error" ? "✖" : i.severity === "warning" ? (i.justified ? "✓" : "⚠") : "ℹ";
      list.push(`${mark} ${i.message[locale]}`);
      texts.set(i.targetId, list);
    }
  }
  const progress = new Map(assessments.map((a) => [a.targetId, a.progress]));
  await runExcel(
    "đánh dấu lỗi / mark issues",
    async (context) => {
      const ws = context.workbook.worksheets.getItem(SHEET_NAMES.entry);
      silence(context);
      ws.protection.unprotect();
      for (const targetId of Object.keys(spec.entry.rows)) {
        const located = (spec.entry.fields[targetId] ?? [])
          .map((f) => cells(targetId, f))
          .filter((c): c is string => c !== undefined);
        if (located.length === 0) continue; // the row is gone: nothing to mark
        for (const c of located) ws.getRange(localAddress(c)[1]).format.fill.color = `#${COLORS.input}`;
        const row = rowOf(located[0]);
        ws.getRange(`${ENTRY_COLUMNS.check}${row}`).values = [[officeText((texts.get(targetId) ?? []).join("\n"))]];
        const p = progress.get(targetId);
        ws.getRange(`${ENTRY_COLUMNS.status}${row}`).values = [[officeText(p ? statusText(p) : "")]];
      }
      for (const [address, severity] of worst) ws.getRange(address).format.fill.color = `#${MARK[severity]}`;
      ws.protection.protect(PROTECTION_OPTIONS);
      unsilence(context);
      await context.sync();
    },
    { quiet: true },
  );
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

/** 0-based column index of a column's letters ("A" → 0). */
function colIndex(letters: string): number {
  return columnIndex(letters) - 1;
}

const INPUT_COLUMNS: number[] = ENTRY_FIELDS.map((f) => colIndex(ENTRY_COLUMNS[f]) + 1);

/**
 * Whether a change event can concern an entry, decided before any Excel.run: the add-in's own writes
 * (triggerSource "ThisLocalAddin", ExcelApi 1.14) and changes that touch no input column below the headers are not.
 */
export function concernsEntries(
  event: Pick<Excel.WorksheetChangedEventArgs, "address"> & { triggerSource?: string },
): boolean {
  if (event.triggerSource === "ThisLocalAddin") return false;
  const rect = parseRect(event.address);
  if (!rect || rect.r2 < ENTRY_ROWS.firstData) return false;
  return INPUT_COLUMNS.some((c) => c >= rect.c1 && c <= rect.c2);
}

export interface ChangesRead {
  changes: EntryChange[];
  /** where every input name points now (rows may have moved) */
  cells: CellLocator;
  /** the changed input cells holding a date, time, boolean, error value or forbidden character (raw null there) */
  problems: CellProblem[];
}

/** The input cells a changed range touches, with their current content: one sync per change event. */
export async function changesIn(address: string): Promise<EntryChange[]> {
  return (await readChanges(address)).changes;
}

/** changesIn, with where every input cell is now. */
export async function readChanges(address: string): Promise<ChangesRead> {
  const rect = parseRect(address);
  if (!rect) return { changes: [], cells: () => undefined, problems: [] };
  return runExcel("đọc thay đổi / read changes", async (context) => {
    const names = context.workbook.names;
    names.load("items/name,items/formula");
    const ws = context.workbook.worksheets.getItem(SHEET_NAMES.entry);
    const used = loadUsed(ws);
    await context.sync();
    const refs = namesFrom(names.items) as Map<string, NameRef | null>;
    const cells: CellLocator = (targetId, field) => {
      const ref = refs.get(entryName(targetId, field));
      return ref ? `${ref.sheet}!${ref.column}${ref.row}` : undefined;
    };
    const grid = gridOf(used);
    if (!grid) return { changes: [], cells, problems: [] };
    const src = gridSource(new Map([[SHEET_NAMES.entry, grid]]), new Map());
    const out: EntryChange[] = [];
    const problems: CellProblem[] = [];
    for (const [name, ref] of refs) {
      const p = parseEntryName(name);
      if (!p || !ref || ref.sheet !== SHEET_NAMES.entry || !inRect(rect, ref.column, ref.row)) continue;
      const address = `${ref.column}${ref.row}`;
      const row = grid.values[ref.row - 1 - grid.rowIndex];
      const v = row ? row[colIndex(ref.column) - grid.columnIndex] : "";
      const kind = src.kind?.(SHEET_NAMES.entry, address) ?? null;
      const problem = kind !== null && isCellProblem(p.field, kind);
      if (problem) {
        problems.push({
          targetId: p.targetId,
          field: p.field,
          cell: `${SHEET_NAMES.entry}!${address}`,
          kind,
          found: v === "" || v === undefined ? "" : String(v as string | number | boolean),
        });
      }
      out.push({
        targetId: p.targetId,
        field: p.field,
        raw: problem || v === "" || v === undefined ? null : (v as string | number | boolean),
      });
    }
    return { changes: out, cells, problems };
  });
}

/** What the entry sheet's onChanged handler does: filter first, read only when an input may have changed. */
export function changeHandler(
  deliver: (read: ChangesRead) => void,
): (event: Excel.WorksheetChangedEventArgs) => Promise<void> {
  return async (event) => {
    if (!concernsEntries(event)) return;
    const read = await readChanges(event.address);
    if (read.changes.length > 0) deliver(read);
  };
}

/**
 * Call `handler` whenever input cells of the entry sheet change (typing, pasting, undo). Returns an unsubscribe
 * function. Rows inserted or deleted report the cells they move through their names, so the mapping stays right.
 * The add-in's own writes never reach it (events are off while it writes; triggerSource is checked where present).
 */
export async function onEntriesChanged(handler: (changes: EntryChange[]) => void): Promise<() => Promise<void>> {
  const registration = await runExcel("theo dõi thay đổi / watch changes", async (context) => {
    const ws = context.workbook.worksheets.getItem(SHEET_NAMES.entry);
    const result = ws.onChanged.add(changeHandler((read) => handler(read.changes)));
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

/**
 * The identity of the template in the open workbook, if any: the unit sheet's named cells and the identity part are
 * looked at in one sync; the part's XML is read (a second sync) only when the unit sheet does not say it.
 */
export async function readTemplateIdentity(ns: string): Promise<TemplateIdentity | null> {
  return runExcel("đọc nhận dạng mẫu / read template identity", async (context) => {
    const parts = context.workbook.customXmlParts.getByNamespace(ns);
    parts.load("items/id");
    const names = context.workbook.names;
    names.load("items/name,items/formula");
    const unitUsed = loadUsed(context.workbook.worksheets.getItemOrNullObject(SHEET_NAMES.unit));
    await context.sync();
    const grids = new Map<string, SheetGrid>();
    const u = gridOf(unitUsed);
    if (u) grids.set(SHEET_NAMES.unit, u);
    const fromSheet = identityFromUnitSheet(gridSource(grids, namesFrom(names.items)));
    if (fromSheet) return fromSheet;
    const list = loadedItems(parts);
    if (list.length === 0) return null;
    const xml = list[0].getXml();
    await context.sync();
    return identityFromXml(resultValue(xml));
  });
}
