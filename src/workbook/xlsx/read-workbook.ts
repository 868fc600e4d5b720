/**
 * The fast .xlsx reader: a filled template → identity, entries and the unit sheet, with the sheet address of every
 * input so rule issues can name their cell. Input cells are found by their defined names first (CT_E01_value), then
 * by the target id in column A (names broken by a deleted row, or dropped by another spreadsheet program) — the
 * rules live in ../locate.ts, shared with the Office.js reader.
 *
 * Only the parts it needs are inflated (workbook, its relationships, shared strings, the two sheets, the identity
 * part; styles only when a percent format must be checked), each bounded by its declared size, and the cell count
 * is checked before anything else is parsed, so an absurd or hostile file fails fast with bounded memory. No Node
 * import: the platform (inflater, Latin-1 view) is passed in — node-inflate.ts for the server and CLI,
 * browser-inflate.ts for the task pane.
 */
import {
  TEXT_LIMITS,
  forbiddenCharacter,
  type Catalog,
  type EntryField,
  type EntryInput,
  type Locale,
  type RawValue,
  type UnitRegistry,
  type Narrative,
  type TaskProgress,
  type TaskProgressField,
} from "../../domain";
import { workbookErrors } from "../errors";
import { identityFromXml } from "../identity";
import {
  identityFromUnitSheet,
  indexIdCell,
  locateEntries,
  parseNameRef,
  readUnitSheet,
  text,
  unitCellOf,
  unitValue,
  type CellKind,
  type CellProblem,
  type CellSource,
  type NameRef,
} from "../locate";
import type { TemplateIdentity } from "../port";
import { NARRATIVE_SHEET, SHEET_NAMES, TASK_SHEET, TEMPLATE_VERSION } from "../template";
import { readTaskProgress } from "../task-read";
import { readNarrative } from "../narrative-read";
import {
  DEFAULT_ZIP_LIMITS,
  entryKey,
  openZip,
  readEntry,
  readEntryAsync,
  type InflateRaw,
  type InflateRawAsync,
  type ZipArchive,
  type ZipLimits,
} from "./zip";
import {
  SharedStrings,
  SheetCells,
  parseNumberStyles,
  parseRels,
  nfc,
  parseWorkbookXml,
  resolvePart,
  utf8Slice,
  type DefinedName,
  type XmlPart,
} from "./xml-scan";
import type { NumberStyle } from "./number-formats";
import { TextMemo } from "./text-memo";

export interface ReadLimits extends ZipLimits {
  /** cells per sheet read */
  maxCells: number;
}
export const DEFAULT_READ_LIMITS: ReadLimits = { ...DEFAULT_ZIP_LIMITS, maxCells: 200_000 };

export interface ReadOptions {
  catalog: Catalog;
  units: UnitRegistry;
  limits?: Partial<ReadLimits>;
  /** Read a workbook of another template or catalog version instead of refusing it (for `carryOver`). */
  allowOtherVersion?: boolean;
}

export interface UnitSheetInfo {
  preparer: string | null;
  approver: string | null;
  phone: string | null;
}

export interface WorkbookRead {
  identity: TemplateIdentity;
  /** where the identity came from: our custom XML part, or the named cells of the unit sheet (a program that drops custom XML parts) */
  identitySource: "customXml" | "unitSheet";
  /** how ambiguous numbers are read for this report (the unit sheet's number style) */
  locale: Locale;
  /** one per target of the unit, catalog order */
  entries: EntryInput[];
  unitSheet: UnitSheetInfo;
  /** the narrative sheet's four parts; null when the workbook has none (older templates) or all are blank */
  narrative: Narrative | null;
  /** the task sheet's progress rows (those with something typed); empty for a workbook without the sheet */
  taskProgress: TaskProgress[];
  /** where a task's field is in this file, "TienDoNV!F6" */
  taskCellOf: (taskId: string, field: TaskProgressField) => string | undefined;
  /** actual cell of a target's field in this file, e.g. "Nhap!G14" */
  cellOf: (targetId: string, field: EntryField) => string | undefined;
  /** how each target row was found */
  located: Record<string, "name" | "columnA">;
  /** input cells holding a date, time, boolean, error value, uncalculated formula or forbidden character: each is an
   * error (cellProblemIssues) and its field is blank in entries */
  problems: CellProblem[];
}

/** What the reader needs from its platform. */
export interface ReaderPlatform {
  inflate: InflateRaw;
  /** the bytes as a one-char-per-byte string (Latin-1 / windows-1252: positions must equal byte offsets) */
  latin1: (bytes: Uint8Array) => string;
}
export interface AsyncReaderPlatform {
  inflate: InflateRawAsync;
  latin1: (bytes: Uint8Array) => string;
}

// ------------------------------------------------------------------------------------------------------------------

const REL_SHEET = "/worksheet";
const REL_SHARED = "/sharedStrings";
const REL_STYLES = "/styles";
const REL_OFFICE_DOC = "/officeDocument";
const DEFAULT_WORKBOOK = "xl/workbook.xml";

interface Plan {
  sheets: Map<string, string>; // sheet name → part path
  /** our defined names (CT_…) → reference; null when broken (#REF!) */
  names: Map<string, NameRef | null>;
  sharedPath: string | null;
  stylesPath: string | null;
  customXmlPaths: string[];
}

type Get = (path: string) => XmlPart | null;
/** entryKey of a part: equal keys, equal parts (null when the archive lacks it) */
type KeyOf = (path: string) => string | null;
interface Parts {
  get: Get;
  keyOf: KeyOf;
}

function workbookPathOf(zip: ZipArchive, get: Get): string {
  if (zip.entries.has("mimetype") && zip.entries.has("content.xml")) throw workbookErrors.ods();
  // the usual place first; the package's root relationships only when it is elsewhere
  if (zip.entries.has(DEFAULT_WORKBOOK)) return DEFAULT_WORKBOOK;
  const rootRels = get("_rels/.rels");
  const main = rootRels ? parseRels(rootRels).find((r) => r.type.endsWith(REL_OFFICE_DOC)) : undefined;
  if (!main) throw workbookErrors.noWorkbook();
  return resolvePart("", main.target);
}

function relsPathOf(workbookPath: string): string {
  const base = workbookPath.slice(0, workbookPath.lastIndexOf("/") + 1);
  return `${base}_rels/${workbookPath.slice(base.length)}.rels`;
}

interface WorkbookPart {
  sheets: ReturnType<typeof parseWorkbookXml>["sheets"];
  names: Map<string, NameRef | null>;
}
// sized for the unit kinds' distinct templates: the files of one consolidation share a handful of workbook parts
const workbookMemo = new TextMemo<WorkbookPart>(16);
const stylesMemo = new TextMemo<NumberStyle[]>(16);

/** The sheets and our names of the workbook part, parsed (and inflated) once per distinct stored part. */
function workbookOf(path: string, get: Get, keyOf: KeyOf): WorkbookPart {
  const key = keyOf(path);
  if (key === null) throw workbookErrors.noWorkbook();
  return workbookMemo.get(key, () => {
    const part = get(path);
    if (part === null) throw workbookErrors.noWorkbook();
    const wb = parseWorkbookXml(part);
    return { sheets: wb.sheets, names: ourNames(wb.names) };
  });
}

function ourNames(list: DefinedName[]): Map<string, NameRef | null> {
  const names = new Map<string, NameRef | null>();
  for (const n of list) {
    if (n.name.startsWith("CT_") && !names.get(n.name)) names.set(n.name, parseNameRef(n.text));
  }
  return names;
}

/** What a reader needs from the archive, resolved once the workbook part and its relationships are known. */
function planFrom(zip: ZipArchive, workbookPath: string, get: Get, keyOf: KeyOf): Plan {
  const base = workbookPath.slice(0, workbookPath.lastIndexOf("/") + 1);
  const relsPart = get(relsPathOf(workbookPath));
  const rels = relsPart ? parseRels(relsPart) : [];
  const relById = new Map(rels.map((r) => [r.id, r]));
  const wb = workbookOf(workbookPath, get, keyOf);
  const sheets = new Map<string, string>();
  for (const s of wb.sheets) {
    const rel = relById.get(s.relId);
    if (rel && rel.type.endsWith(REL_SHEET)) sheets.set(s.name, resolvePart(base, rel.target));
  }
  const shared = rels.find((r) => r.type.endsWith(REL_SHARED));
  const styles = rels.find((r) => r.type.endsWith(REL_STYLES));
  const customXmlPaths: string[] = [];
  for (const n of zip.entries.keys()) if (/^customXml\/item\d+\.xml$/.test(n)) customXmlPaths.push(n);
  return {
    sheets,
    names: wb.names,
    sharedPath: shared ? resolvePart(base, shared.target) : null,
    stylesPath: styles ? resolvePart(base, styles.target) : null,
    customXmlPaths,
  };
}

function neededParts(plan: Plan): string[] {
  const out: string[] = [];
  for (const name of [SHEET_NAMES.entry, SHEET_NAMES.unit, NARRATIVE_SHEET, TASK_SHEET]) {
    const p = plan.sheets.get(name);
    if (p) out.push(p);
  }
  if (plan.sharedPath) out.push(plan.sharedPath);
  if (plan.stylesPath) out.push(plan.stylesPath);
  out.push(...plan.customXmlPaths);
  return out;
}

/** Read a filled template with a synchronous platform (node:zlib). */
export function readWorkbookWith(bytes: Uint8Array, opts: ReadOptions, platform: ReaderPlatform): WorkbookRead {
  const limits = { ...DEFAULT_READ_LIMITS, ...opts.limits };
  const zip = openZip(bytes, limits);
  const cache = new Map<string, XmlPart | null>();
  const get: Get = (path) => {
    let part = cache.get(path);
    if (part === undefined) {
      const data = readEntry(zip, path, platform.inflate);
      part = data === null ? null : { bytes: data, text: platform.latin1(data) };
      cache.set(path, part);
    }
    return part;
  };
  const keyOf: KeyOf = (path) => entryKey(zip, path, platform.latin1);
  const plan = planFrom(zip, workbookPathOf(zip, get), get, keyOf);
  return interpret(plan, { get, keyOf }, opts, limits);
}

/** The same reader with an asynchronous platform (DecompressionStream in the browser). */
export async function readWorkbookAsync(
  bytes: Uint8Array,
  opts: ReadOptions,
  platform: AsyncReaderPlatform,
): Promise<WorkbookRead> {
  const limits = { ...DEFAULT_READ_LIMITS, ...opts.limits };
  const zip = openZip(bytes, limits);
  const cache = new Map<string, XmlPart | null>();
  const load = async (path: string): Promise<void> => {
    if (cache.has(path)) return;
    const data = await readEntryAsync(zip, path, platform.inflate);
    cache.set(path, data === null ? null : { bytes: data, text: platform.latin1(data) });
  };
  const get: Get = (path) => {
    if (!cache.has(path)) throw new Error(`part not loaded: ${path}`);
    return cache.get(path) ?? null;
  };
  // phase 1: the parts that say where everything else is
  if (!zip.entries.has(DEFAULT_WORKBOOK)) await load("_rels/.rels");
  const workbookPath = workbookPathOf(zip, get);
  await load(workbookPath);
  await load(relsPathOf(workbookPath));
  const keyOf: KeyOf = (path) => entryKey(zip, path, platform.latin1);
  const plan = planFrom(zip, workbookPath, get, keyOf);
  // phase 2: the parts the interpretation reads
  for (const p of neededParts(plan)) await load(p);
  return interpret(plan, { get, keyOf }, opts, limits);
}

// ------------------------------------------------------------------------------------------------------------------

/** The xlsx side of a CellSource: lazily parsed sheets, shared strings, percent styles, our names. */
function cellSource(plan: Plan, { get, keyOf }: Parts, limits: ReadLimits): CellSource {
  let shared: SharedStrings | null | undefined;
  const sharedStrings = (): SharedStrings | null => {
    if (shared === undefined) {
      const part = plan.sharedPath ? get(plan.sharedPath) : null;
      shared = part ? new SharedStrings(part) : null;
    }
    return shared;
  };
  let numberStyles: NumberStyle[] | undefined;
  const styleOf = (s: number): NumberStyle => {
    if (numberStyles === undefined) {
      const key = plan.stylesPath ? keyOf(plan.stylesPath) : null;
      numberStyles =
        key === null || plan.stylesPath === null
          ? []
          : stylesMemo.get(key, () => {
              const part = get(plan.stylesPath as string);
              return part ? parseNumberStyles(part) : [];
            });
    }
    return numberStyles[s] ?? null;
  };
  const sheets = new Map<string, SheetCells | null>();
  const cellsOf = (sheet: string): SheetCells | null => {
    let cells = sheets.get(sheet);
    if (cells === undefined) {
      const path = plan.sheets.get(sheet);
      const part = path ? get(path) : null;
      cells = part ? new SheetCells(part, limits.maxCells, sheet) : null;
      sheets.set(sheet, cells);
    }
    return cells;
  };
  const names = plan.names;
  const value = (sheet: string, address: string): RawValue => {
    const c = cellsOf(sheet)?.get(address);
    if (!c) return null;
    switch (c.t) {
      case "s": {
        const s = sharedStrings()?.get(Number(c.v)) ?? null;
        return s === null || s === "" ? null : nfc(s);
      }
      case "inlineStr":
        return c.inline ? nfc(c.inline) : null;
      case "str":
      case "e":
      case "d":
        return c.v === null || c.v === "" ? null : nfc(c.v);
      case "b":
        return c.v === "1";
      default: {
        if (c.v === null || c.v === "") return null;
        const n = Number(c.v);
        return Number.isFinite(n) ? n : c.v;
      }
    }
  };
  let idRows: Map<string, number[]> | null = null;
  return {
    value,
    isPercent: (sheet, address) => {
      const c = cellsOf(sheet)?.get(address);
      if (!c || (c.t !== null && c.t !== "n") || c.s === 0) return false;
      return styleOf(c.s) === "percent";
    },
    kind: (sheet, address): CellKind | null => {
      const c = cellsOf(sheet)?.get(address);
      if (!c) return null;
      // a formula whose result was never stored (<v> missing, or empty when the result is not a text)
      if (c.formula && (c.v === null || (c.v === "" && c.t !== "str"))) return "uncalculated";
      if (c.t === "b") return "boolean";
      if (c.t === "e") return "error";
      if (c.t === "d") return "date";
      if ((c.t === null || c.t === "n") && c.v !== null && c.s !== 0) {
        const style = styleOf(c.s);
        if (style === "date" || style === "time") return style;
      }
      const v = value(sheet, address);
      return typeof v === "string" && forbiddenCharacter(v) ? "badText" : null;
    },
    hasSheet: (sheet) => plan.sheets.has(sheet),
    names,
    get idRows(): Map<string, number[]> {
      if (!idRows) {
        idRows = new Map();
        const cells = cellsOf(SHEET_NAMES.entry);
        if (cells) {
          for (const row of cells.rowNumbers()) {
            const c = cells.get(`A${row}`);
            if (c && (c.t === "s" || c.t === "inlineStr" || c.t === "str"))
              indexIdCell(idRows, row, value(SHEET_NAMES.entry, `A${row}`));
          }
        }
      }
      return idRows;
    },
  };
}

/** The unit sheet's code and period must say what the identity part says: a retyped code is another unit's report. */
function checkUnitSheetAgrees(src: CellSource, identity: TemplateIdentity): void {
  for (const field of ["unitCode", "period"] as const) {
    let v = unitValue(src, field);
    if (field === "unitCode" && typeof v === "number") v = String(v).padStart(5, "0");
    const shown = text(v)?.trim();
    if (shown !== undefined && shown !== identity[field])
      throw workbookErrors.identityConflict(field, identity[field], shown, unitCellOf(src, field));
  }
}

function interpret(plan: Plan, parts: Parts, opts: ReadOptions, limits: ReadLimits): WorkbookRead {
  const { get } = parts;
  // identity first: a workbook that is not ours is told so before anything about its sheets
  let identity: TemplateIdentity | null = null;
  let identitySource: WorkbookRead["identitySource"] = "customXml";
  for (const p of plan.customXmlPaths) {
    const part = get(p);
    identity = part ? identityFromXml(utf8Slice(part, 0, part.text.length)) : null;
    if (identity) break;
  }
  const src = cellSource(plan, parts, limits);
  if (!identity) {
    // LibreOffice and some other programs drop custom XML parts: fall back to the named cells of the unit sheet.
    if (src.names.size === 0) throw workbookErrors.notTemplate();
    if (!plan.sheets.has(SHEET_NAMES.unit)) throw workbookErrors.sheetMissing(SHEET_NAMES.unit);
    identity = identityFromUnitSheet(src);
    if (!identity) throw workbookErrors.notTemplate();
    identitySource = "unitSheet";
  }
  if (identitySource === "customXml") checkUnitSheetAgrees(src, identity);
  if (!plan.sheets.has(SHEET_NAMES.entry)) throw workbookErrors.sheetMissing(SHEET_NAMES.entry);
  if (!plan.sheets.has(SHEET_NAMES.unit)) throw workbookErrors.sheetMissing(SHEET_NAMES.unit);
  if (!opts.allowOtherVersion) {
    if (identity.templateVersion !== TEMPLATE_VERSION)
      throw workbookErrors.templateVersion(identity.templateVersion, TEMPLATE_VERSION);
    if (identity.catalogVersion !== opts.catalog.version)
      throw workbookErrors.catalogVersion(identity.catalogVersion, opts.catalog.version);
  }
  const located = locateEntries(src, identity, opts);
  const unit = readUnitSheet(src);
  // the unit sheet's people: the same text rule and limit as the endpoint's contact schema, reported by cell
  for (const field of ["preparer", "approver", "phone"] as const) {
    const v = unit[field];
    if (v === null) continue;
    const cell = unitCellOf(src, field);
    if (forbiddenCharacter(v)) located.problems.push({ targetId: null, field, cell, kind: "badText", found: v });
    else if (v.trim().length > TEXT_LIMITS.contact)
      located.problems.push({ targetId: null, field, cell, kind: "tooLong", found: String(v.trim().length) });
  }
  const narrative = readNarrative(src);
  const tasks = readTaskProgress(src);
  located.problems.push(...narrative.problems);
  return {
    identity,
    identitySource,
    locale: unit.locale,
    entries: located.entries,
    unitSheet: { preparer: unit.preparer, approver: unit.approver, phone: unit.phone },
    narrative: narrative.narrative,
    taskProgress: tasks.progress,
    taskCellOf: tasks.cellOf,
    cellOf: located.cellOf,
    located: located.located,
    problems: located.problems,
  };
}

export type { EntryInput };
