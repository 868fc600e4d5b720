/**
 * Finding the figures in a filled template, whatever holds the cells: the .xlsx reader (parsed XML) and the Office.js
 * reader (value grids from one sync) both describe their workbook as a CellSource and call the functions here, so the
 * rules "names first, then the id in column A", "a percent-formatted 0.125 is 12.5", "a named row must carry its own
 * id" exist once.
 */
import {
  entryFields,
  findTarget,
  parsePeriod,
  reportScope,
  isDue,
  type ApplicabilityTable,
  type Catalog,
  type EntryField,
  type EntryInput,
  type Locale,
  type RawValue,
  type Target,
  type UnitRegistry,
  type NarrativePart,
} from "../domain";
import { workbookErrors } from "./errors";
import type { TemplateIdentity } from "./identity";
import {
  ENTRY_COLUMNS,
  ENTRY_ROWS,
  SHEET_NAMES,
  buildTemplateSpec,
  entryHeader,
  entryName,
  parseEntryName,
  unitCellAddress,
  unitName,
  type UnitField,
} from "./template";
import { ENTRY_FIELDS } from "../domain/entry-fields";

const NON_ASCII = /[\u0080-\uffff]/;

export interface NameRef {
  sheet: string;
  column: string;
  row: number;
}

/** "Nhap!$G$12", "'Nhap'!$G$12", "=Nhap!$G$12" → a single-cell reference; null for #REF!, constants or ranges. */
export function parseNameRef(text: string): NameRef | null {
  let s = text.charCodeAt(0) <= 32 || text.charCodeAt(text.length - 1) <= 32 ? text.trim() : text;
  if (s.charCodeAt(0) === 61 /* = */) s = s.slice(1);
  const bang = s.lastIndexOf("!");
  if (bang <= 0) return null;
  let sheet = s.slice(0, bang);
  if (sheet.charCodeAt(0) === 39 /* ' */) {
    if (sheet.length < 2 || sheet.charCodeAt(sheet.length - 1) !== 39) return null;
    sheet = sheet.slice(1, -1).replace(/''/g, "'");
  } else if (sheet.indexOf("'") >= 0 || sheet.indexOf('"') >= 0 || sheet.indexOf("=") >= 0) return null;
  // $G$12 / G12
  let i = bang + 1;
  if (s.charCodeAt(i) === 36) i++;
  const colStart = i;
  while (i < s.length && s.charCodeAt(i) >= 65 && s.charCodeAt(i) <= 90) i++;
  const colEnd = i;
  if (colEnd === colStart || colEnd - colStart > 3) return null;
  if (s.charCodeAt(i) === 36) i++;
  const rowStart = i;
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  if (i === rowStart || i !== s.length) return null;
  return {
    sheet: NON_ASCII.test(sheet) ? sheet.normalize("NFC") : sheet,
    column: s.slice(colStart, colEnd),
    row: Number(s.slice(rowStart, i)),
  };
}

export interface CellSource {
  /** a cell's content: number, NFC string, boolean, or null when empty */
  value(sheet: string, address: string): RawValue;
  /** true when a numeric cell is formatted as a percentage (0.125 shown as 12,5%) */
  isPercent(sheet: string, address: string): boolean;
  hasSheet(sheet: string): boolean;
  /** what a cell holds when it cannot be a typed figure or text (a date, a time, a boolean, an error value, a formula
   * never calculated), or null; the .xlsx reader tells it from the cell's type and style, the Office.js reader from
   * Range.valueTypes and numberFormat */
  kind?(sheet: string, address: string): CellKind | null;
  /** our defined names (CT_…) → reference; null when the name exists but is broken (#REF!) */
  names: Map<string, NameRef | null>;
  /** target id (upper case) → rows of the entry sheet whose column A holds it */
  idRows: Map<string, number[]>;
}

export type CellKind = "date" | "time" | "boolean" | "error" | "uncalculated" | "badText" | "tooLong";

/** A cell whose content the reader will not pass on as a figure or text: an error naming the cell and what it holds. */
export interface CellProblem {
  /** null for the unit sheet's contact cells */
  targetId: string | null;
  field: EntryField | "preparer" | "approver" | "phone" | NarrativePart;
  /** "Nhap!G12" */
  cell: string;
  kind: CellKind;
  /** what the cell holds, as found ("46096", "TRUE", "#DIV/0!") */
  found: string;
}

const ID_RE = /^[A-Z]\d{2,3}$/;

/** Add a column-A cell to the id → rows index, if it holds something shaped like a target id. */
export function indexIdCell(idRows: Map<string, number[]>, row: number, v: RawValue): void {
  if (typeof v !== "string") return;
  const id = v.trim().toUpperCase();
  if (!ID_RE.test(id)) return;
  const list = idRows.get(id);
  if (list) list.push(row);
  else idRows.set(id, [row]);
}

export function text(v: RawValue): string | null {
  if (v === null || v === undefined) return null;
  const s = String(v);
  return s.trim() === "" ? null : s;
}

function round15(x: number): number {
  return Number.parseFloat(x.toPrecision(15));
}

function unitRef(src: CellSource, f: UnitField): { sheet: string; address: string } {
  const ref = src.names.get(unitName(f));
  if (ref && src.hasSheet(ref.sheet)) return { sheet: ref.sheet, address: `${ref.column}${ref.row}` };
  return { sheet: SHEET_NAMES.unit, address: unitCellAddress(f) };
}

/** "DonVi!C3": where a unit-sheet field is in this workbook. */
export function unitCellOf(src: CellSource, f: UnitField): string {
  const r = unitRef(src, f);
  return `${r.sheet}!${r.address}`;
}

export function unitValue(src: CellSource, f: UnitField): RawValue {
  const r = unitRef(src, f);
  return src.value(r.sheet, r.address);
}

/** The identity kept in the unit sheet's named cells (for workbooks whose custom XML part was dropped). */
export function identityFromUnitSheet(src: CellSource): TemplateIdentity | null {
  let code = unitValue(src, "unitCode");
  if (typeof code === "number") code = String(code).padStart(5, "0");
  const templateVersion = text(unitValue(src, "templateVersion"));
  const catalogVersion = text(unitValue(src, "catalogVersion"));
  const period = text(unitValue(src, "period"));
  if (!code || !templateVersion || !catalogVersion || !period) return null;
  const demo = text(unitValue(src, "demo"));
  return {
    templateVersion,
    catalogVersion,
    unitCode: String(code).trim(),
    period: period.trim(),
    demo: !!demo && /^(có|yes|true|1)/i.test(demo.trim()),
  };
}

export interface UnitSheetValues {
  preparer: string | null;
  approver: string | null;
  phone: string | null;
  locale: Locale;
}

export function readUnitSheet(src: CellSource): UnitSheetValues {
  const localeRaw = text(unitValue(src, "locale"));
  return {
    preparer: text(unitValue(src, "preparer")),
    approver: text(unitValue(src, "approver")),
    phone: text(unitValue(src, "phone")),
    locale: localeRaw && localeRaw.trim().toLowerCase().startsWith("en") ? "en" : "vi",
  };
}

export interface LocatedEntries {
  entries: EntryInput[];
  /** cells holding a date, time, boolean, error value, uncalculated formula or forbidden character (left out of
   * entries: blank there, reported here) */
  problems: CellProblem[];
  cellOf: (targetId: string, field: EntryField) => string | undefined;
  located: Record<string, "name" | "columnA">;
}

export interface LocateOptions {
  catalog: Catalog;
  units: UnitRegistry;
  /** collect what can be found instead of throwing (repair and carry-over): missing rows are skipped, the first of
   * duplicate rows is used, a name pointing at another target's row is ignored */
  tolerant?: boolean;
  /** the planners' unit × target choices the template was made with (default: the catalog's applies_to) */
  applicability?: ApplicabilityTable;
}

/**
 * Every target row of the entry sheet → EntryInput, with the cell of each field. Throws the template errors (row
 * missing, id changed, duplicate row) naming the cell.
 */
export function locateEntries(src: CellSource, identity: TemplateIdentity, opts: LocateOptions): LocatedEntries {
  const { catalog, units } = opts;
  const sheet = SHEET_NAMES.entry;
  let expected: { id: string; fields: EntryField[]; target: Target | undefined }[];
  const sameCatalog = identity.catalogVersion === catalog.version;
  // the rows the template writes for this unit and period: applicability and cadence (domain reportTargets)
  const unitTargets = sameCatalog ? expectedRows(catalog, units, identity, opts.applicability) : [];
  if (unitTargets.length > 0) {
    expected = unitTargets.map((t) => ({ id: t.id, fields: entryFields(t), target: t }));
  } else {
    // another catalog (carry-over) or a unit not in the registry: whatever the names and column A say
    const ids = new Set<string>();
    const namedFields = new Map<string, EntryField[]>();
    for (const name of src.names.keys()) {
      const p = parseEntryName(name);
      if (!p) continue;
      ids.add(p.targetId);
      const list = namedFields.get(p.targetId) ?? [];
      if (!list.includes(p.field)) list.push(p.field);
      namedFields.set(p.targetId, list);
    }
    for (const id of src.idRows.keys()) ids.add(id);
    expected = [...ids].map((id) => {
      const t = findTarget(catalog, id);
      const fields = namedFields.get(id) ?? (t ? entryFields(t) : [...ENTRY_FIELDS]);
      return { id, fields: ENTRY_FIELDS.filter((f) => fields.includes(f)), target: t };
    });
  }

  const columns = entryColumns(src, sheet, expected);
  const where = new Map<string, Map<EntryField, string>>();
  const located: Record<string, "name" | "columnA"> = {};
  const entries: EntryInput[] = [];
  const problems: CellProblem[] = [];
  const expectedIds = new Set(expected.map((x) => x.id));
  for (const { id, fields, target } of expected) {
    // the row is the one whose id cell holds this target's id: a name pointing elsewhere (rows sorted, or inserted by a
    // program that does not move names) is never trusted
    const rows = src.idRows.get(id) ?? [];
    if (rows.length === 0) {
      // a planner may have taken a "(planner selects)" target out of this unit's report: its row is not missing —
      // unless column A holds an id that is no target of this report (a retyped id), which must be put right
      const strangers = strangerIds(src, expectedIds);
      if (opts.tolerant || (target && notDue(target, identity))) continue;
      if (target && strangers.length === 0 && plannerMayRemove(target, units, identity)) continue;
      throw workbookErrors.rowMissing(id, originalCell(opts, identity, id), strangers);
    }
    if (rows.length > 1 && !opts.tolerant)
      throw workbookErrors.rowDuplicate(
        id,
        rows.map((r) => `${sheet}!A${r}`),
      );
    const row = rows[0];
    const named = fields.map((f) => src.names.get(entryName(id, f))).find((r) => r && r.sheet === sheet);
    located[id] = named && named.row === row ? "name" : "columnA";
    const cells = new Map<EntryField, string>();
    const e: EntryInput = { targetId: id };
    const percentTarget = target ? target.measure === "percent" || target.measure === "rate" : false;
    for (const f of fields) {
      const address = `${columns.get(f) ?? ENTRY_COLUMNS[f]}${row}`;
      cells.set(f, `${sheet}!${address}`);
      let v = src.value(sheet, address);
      const kind = src.kind?.(sheet, address) ?? null;
      if (kind && isCellProblem(f, kind)) {
        problems.push({
          targetId: id,
          field: f,
          cell: `${sheet}!${address}`,
          kind,
          found: v === null ? "" : String(v),
        });
        v = null;
      }
      if (f === "value" && percentTarget && typeof v === "number" && src.isPercent(sheet, address))
        v = round15(v * 100);
      if (f === "justification" || f === "evidence" || f === "responsible") e[f] = text(v);
      else e[f] = v;
    }
    where.set(id, cells);
    entries.push(e);
  }
  return { entries, problems, cellOf: (targetId, field) => where.get(targetId)?.get(field), located };
}

const NUMERIC_FIELDS = new Set<EntryField>(["value", "numerator", "denominator"]);

/** Whether what a cell holds keeps it from being read: anything in a figure's cell, a date or time only there (a
 * date in a justification or milestone is text to the person who typed it). */
export function isCellProblem(field: EntryField, kind: CellKind): boolean {
  return NUMERIC_FIELDS.has(field) || (kind !== "date" && kind !== "time");
}
const HEADER_ROWS = 12;
const HEADER_COLUMNS = 26;

/**
 * Where each input column is: under its header (row 4 or 5 in the template, wherever a column was inserted or moved),
 * else where the names of rows that still carry their own id point, else the template's column.
 */
function entryColumns(
  src: CellSource,
  sheet: string,
  expected: { id: string; fields: EntryField[] }[],
): Map<EntryField, string> {
  const out = new Map<EntryField, string>();
  const wanted = new Map<string, EntryField>();
  for (const f of ENTRY_FIELDS) {
    const h = entryHeader(f);
    wanted.set(headerKey(h.vi), f);
    wanted.set(headerKey(h.en), f);
  }
  // the usual case first: every header where the template put it (one lookup per column, not a scan)
  const inPlace = ENTRY_FIELDS.every((f) => {
    const v = src.value(sheet, `${ENTRY_COLUMNS[f]}${ENTRY_ROWS.headerVi}`);
    return typeof v === "string" && wanted.get(headerKey(v)) === f;
  });
  if (inPlace) {
    for (const f of ENTRY_FIELDS) out.set(f, ENTRY_COLUMNS[f]);
    return out;
  }
  for (let r = 1; r <= HEADER_ROWS; r++) {
    for (let c = 1; c <= HEADER_COLUMNS; c++) {
      const col = String.fromCharCode(64 + c);
      const v = src.value(sheet, `${col}${r}`);
      if (typeof v !== "string") continue;
      const f = wanted.get(headerKey(v));
      if (f && !out.has(f)) out.set(f, col);
    }
  }
  for (const { id, fields } of expected) {
    for (const f of fields) {
      if (out.has(f)) continue;
      const ref = src.names.get(entryName(id, f));
      if (!ref || ref.sheet !== sheet) continue;
      const found = src.value(sheet, `A${ref.row}`);
      if (typeof found === "string" && found.trim().toUpperCase() === id) out.set(f, ref.column);
    }
  }
  return out;
}

function headerKey(s: string): string {
  return s.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();
}

/** Id-shaped cells of column A that are not a target of this report (a retyped id), for the "row missing" advice. */
function strangerIds(src: CellSource, expected: Set<string>): { cell: string; id: string }[] {
  const out: { cell: string; id: string }[] = [];
  for (const [id, rows] of src.idRows) {
    if (!expected.has(id)) for (const r of rows) out.push({ cell: `${SHEET_NAMES.entry}!A${r}`, id });
  }
  return out.slice(0, 5);
}

function expectedRows(
  catalog: Catalog,
  units: UnitRegistry,
  identity: TemplateIdentity,
  applicability: ApplicabilityTable | undefined,
): Target[] {
  const unit = units.byCode(identity.unitCode);
  const period = parsePeriod(identity.period);
  if (!unit || !period) return units.targetsFor(catalog, identity.unitCode);
  return reportScope(catalog, unit, period, applicability).applicable;
}

/**
 * A row the template may lack: a target not due in the period (the template asks only for those due), or a
 * "(planner selects)" target a planner may have taken out of this unit's report.
 */
/** A target the period's report does not ask for (its cadence): its row is never missing. */
function notDue(target: Target, identity: TemplateIdentity): boolean {
  const period = parsePeriod(identity.period);
  return period !== null && period !== undefined && !isDue(target, period);
}

/** A "(planner selects)" target of this unit's kind: a planner may have taken it out of the unit's report. */
function plannerMayRemove(target: Target, units: UnitRegistry, identity: TemplateIdentity): boolean {
  const kind = units.byCode(identity.unitCode)?.kind;
  return target.appliesTo.some((a) => a.kind === kind && a.plannerSelects);
}

/** Where a target's row is in a freshly made template of this identity (for the "row missing" message). */
function originalCell(opts: LocateOptions, identity: TemplateIdentity, targetId: string): string {
  const unit = opts.units.byCode(identity.unitCode);
  const period = parsePeriod(identity.period);
  if (unit && period) {
    const spec = buildTemplateSpec({ catalog: opts.catalog, unit, period });
    const row = spec.entry.rows[targetId];
    if (row !== undefined) return `${SHEET_NAMES.entry}!A${row}`;
  }
  return `${SHEET_NAMES.entry}!A:A`;
}
