/**
 * The repair half of `createOrRepairTemplate`: what a found template holds (one read), and the repairs queued for
 * the one write that follows — missing sheets, names, validations, conditional formats, protection, identity part,
 * or a rebuilt entry sheet with every value carried over. Nothing here syncs; the caller syncs once after each step.
 */
import type { Catalog, UnitRegistry } from "../../domain";
import { carryOver } from "../carry-over";
import { type LocatedEntries, locateEntries, readUnitSheet } from "../locate";
import type { TemplateIdentity } from "../identity";
import {
  ENTRY_COLUMNS,
  SHEET_NAMES,
  UNIT_FIELDS,
  entryName,
  parseEntryName,
  unitCellAddress,
  unitName,
  type SheetSpec,
  type TemplateSpec,
} from "../template";
import { absolute, quoteSheet, rowOf } from "../sheet-ref";
import type { NameRef } from "../locate";
import type { SheetGrid, gridSource } from "./grid-source";
import type { OfficeFeatures } from "./requirements";
import { silence } from "./run";
import {
  OFFICE_TYPES,
  PROTECTION_OPTIONS,
  queueConditionalFormat,
  queueNames,
  queueSheet,
  queueValidation,
} from "./queue-template";

/** What the first look found in the workbook. */
export interface TemplateLook {
  wb: Excel.Workbook;
  sheets: Excel.WorksheetCollection;
  present: Map<string, Excel.Worksheet>;
  ourNames: Map<string, NameRef | null>;
}

/** The second request's proxies: used ranges, validation types, the status column's rule count, protection. */
export interface TemplateProbes {
  used: Map<string, Excel.Range>;
  validationProbes: Map<string, Excel.DataValidation>;
  cfCount: OfficeExtension.ClientResult<number> | null;
  protections: Map<string, Excel.WorksheetProtection>;
}

/** Queue the read of what the template holds: its used ranges, the validations, formats and protection to check. */
export function queueTemplateRead(look: TemplateLook, spec: TemplateSpec): TemplateProbes {
  const { sheets, present, ourNames } = look;
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
  return { used, validationProbes, cfCount, protections };
}

/** The loaded used ranges as grids, by sheet name. */
export function gridsFrom(used: Map<string, Excel.Range>): Map<string, SheetGrid> {
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
  return grids;
}

export function sheetSpec(spec: TemplateSpec, name: string): SheetSpec {
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
 * The repairs of one action: events are silenced at the first queued write (`queued` says whether to sync), and a
 * sheet is unprotected only when a repair needs it (a complete sheet protected with the user's password is left alone).
 */
export class TemplateRepair {
  readonly repaired: string[] = [];
  queued = false;
  private readonly unprotected = new Set<string>();

  constructor(
    private readonly context: Excel.RequestContext,
    readonly look: TemplateLook,
    readonly probes: TemplateProbes,
    readonly spec: TemplateSpec,
    readonly features: OfficeFeatures,
  ) {}

  touch(): void {
    if (!this.queued) silence(this.context);
    this.queued = true;
  }

  unprotect(name: string): Excel.Worksheet {
    const ws = this.look.sheets.getItem(name);
    this.touch();
    if (!this.unprotected.has(name) && this.probes.protections.get(name)?.protected) {
      ws.protection.unprotect();
      this.unprotected.add(name);
    }
    return ws;
  }

  /** protect a sheet we unprotected, or one found unprotected */
  reprotect(name: string, ws: Excel.Worksheet): void {
    if (this.unprotected.has(name) || !this.probes.protections.get(name)?.protected) {
      this.touch();
      ws.protection.protect(PROTECTION_OPTIONS);
    }
  }

  wasProtected(name: string): boolean {
    return !!this.probes.protections.get(name)?.protected;
  }
}

/** Add every sheet but the entry sheet that is missing, with its names. */
export function repairOtherSheets(rep: TemplateRepair): void {
  const { spec, look } = rep;
  for (const s of spec.sheets) {
    if (s.name === SHEET_NAMES.entry || look.present.has(s.name)) continue;
    rep.touch();
    queueSheet(look.sheets.add(s.name), s, spec, rep.features);
    queueNames(
      look.wb,
      spec.names.filter((n) => n.sheet === s.name),
    );
    rep.repaired.push(`sheet ${s.name}`);
  }
}

/** The unit sheet's names, validations and protection. */
export function repairUnitSheet(rep: TemplateRepair): void {
  const { spec, look } = rep;
  const { wb, ourNames } = look;
  if (!look.present.has(SHEET_NAMES.unit)) return;
  const ws = look.sheets.getItem(SHEET_NAMES.unit);
  for (const f of UNIT_FIELDS) {
    const n = unitName(f);
    if (ourNames.get(n)) continue;
    rep.touch();
    if (ourNames.has(n)) wb.names.getItem(n).delete();
    wb.names.add(n, `=${quoteSheet(SHEET_NAMES.unit)}!${absolute(unitCellAddress(f))}`);
    rep.repaired.push(`name ${n}`);
  }
  const fieldAt = new Map(UNIT_FIELDS.map((f) => [unitCellAddress(f), f]));
  for (const v of sheetSpec(spec, SHEET_NAMES.unit).validations) {
    const field = fieldAt.get(v.address);
    const probe = field ? rep.probes.validationProbes.get(unitName(field)) : undefined;
    if (!probe || probe.type === "None") {
      queueValidation(rep.unprotect(SHEET_NAMES.unit), v);
      rep.repaired.push(`validation ${SHEET_NAMES.unit}!${v.address}`);
    }
  }
  if (!rep.wasProtected(SHEET_NAMES.unit)) rep.repaired.push(`protection ${SHEET_NAMES.unit}`);
  rep.reprotect(SHEET_NAMES.unit, ws);
}

/**
 * A new entry sheet. Keeps what was typed: every value found (by name or column A) is carried into the new sheet and
 * the old sheet is kept as Nhap_cu. Returns the new sheet (the pane's watch moves to it).
 */
export function rebuildEntrySheet(
  rep: TemplateRepair,
  src: ReturnType<typeof gridSource>,
  known: TemplateIdentity | null,
  locateOpts: { catalog: Catalog; units: UnitRegistry },
): Excel.Worksheet {
  const { spec, look } = rep;
  const { wb, sheets, present, ourNames } = look;
  const entryWs = present.get(SHEET_NAMES.entry);
  let toWrite = spec;
  rep.touch();
  if (entryWs) {
    const tolerant = locateEntries(src, known ?? spec.identity, { ...locateOpts, tolerant: true });
    const unitInfo = readUnitSheet(src);
    const result = carryOver({ entries: tolerant.entries, unitSheet: unitInfo }, spec);
    toWrite = result.spec;
    const carried = result.carried.length;
    const old = rep.unprotect(SHEET_NAMES.entry);
    for (const [n] of ourNames) if (parseEntryName(n)) wb.names.getItem(n).delete();
    const backup = backupName(new Set(present.keys()));
    old.name = backup;
    old.visibility = "Visible";
    rep.repaired.push(
      `sheet ${SHEET_NAMES.entry} rebuilt (${carried} values carried over; previous sheet kept as ${backup})`,
    );
  } else {
    rep.repaired.push(`sheet ${SHEET_NAMES.entry}`);
  }
  const ws = sheets.add(SHEET_NAMES.entry);
  if (entryWs) ws.position = entryWs.position;
  queueSheet(ws, sheetSpec(toWrite, SHEET_NAMES.entry), toWrite, rep.features);
  queueNames(
    wb,
    spec.names.filter((n) => n.sheet === SHEET_NAMES.entry),
  );
  ws.activate();
  return ws;
}

/** The entry sheet found in place: names and validations of each located input, the status rules, protection. */
export function repairEntrySheet(rep: TemplateRepair, located: LocatedEntries): void {
  const { spec, look } = rep;
  const { wb, ourNames } = look;
  const entrySpec = sheetSpec(spec, SHEET_NAMES.entry);
  const ws = look.sheets.getItem(SHEET_NAMES.entry);
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
        rep.touch();
        if (ourNames.has(n)) wb.names.getItem(n).delete();
        wb.names.add(n, `=${quoteSheet(SHEET_NAMES.entry)}!${absolute(address)}`);
        rep.repaired.push(`name ${n}`);
      }
      const probe = rep.probes.validationProbes.get(n);
      const v = validations.get(`${ENTRY_COLUMNS[f]}${specRow}`);
      // a validation missing, or of another kind than the template's (a figure cell of an older template refusing
      // the N/A answer that this one accepts)
      if (v && (!probe || how === "columnA" || probe.type !== OFFICE_TYPES[v.kind])) {
        queueValidation(rep.unprotect(SHEET_NAMES.entry), v, address);
        rep.repaired.push(`validation ${SHEET_NAMES.entry}!${address}`);
      }
    }
  }
  const cfCount = rep.probes.cfCount;
  if (cfCount && cfCount.value === 0) {
    const rows = Object.keys(located.located).map((id) => rowOf(located.cellOf(id, spec.entry.fields[id][0]) ?? ""));
    const first = Math.min(...rows);
    const last = Math.max(...rows);
    for (const cf of entrySpec.conditionalFormats)
      queueConditionalFormat(
        rep.unprotect(SHEET_NAMES.entry),
        cf,
        `${ENTRY_COLUMNS.status}${first}:${ENTRY_COLUMNS.status}${last}`,
      );
    rep.repaired.push(`conditional format ${SHEET_NAMES.entry}!${ENTRY_COLUMNS.status}`);
  }
  if (!rep.wasProtected(SHEET_NAMES.entry)) rep.repaired.push(`protection ${SHEET_NAMES.entry}`);
  rep.reprotect(SHEET_NAMES.entry, ws);
}
