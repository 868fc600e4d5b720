/**
 * The Excel double: the few Excel objects Chỉ tiêu uses, keeping Excel's documented contract rather than being
 * friendlier than Excel.
 *
 * - Batches: writes are applied in call order; a load takes its snapshot at its place in the batch but can be read
 *   only after `context.sync()`; reading a property that was not loaded throws PropertyNotLoaded. A failed operation
 *   (missing item, InvalidReference of a deleted name, locked cell of a protected sheet, wrong password, duplicate
 *   name) makes the sync reject and skips the rest of the batch — what ran before it stays done: a batch is not a
 *   transaction. A request above 5 MB (RequestPayloadSizeLimitExceeded) and a sync while the user is editing a cell
 *   (InvalidOperationInCellEditMode) are refused whole: nothing of that request is applied.
 * - Requirement-set profiles: "Excel 2019" (ExcelApi up to 1.8) and "Microsoft 365" (current sets). A member above the
 *   profile fails the sync with ApiNotFound, as Excel does; WorksheetChangedEventArgs.triggerSource exists only from
 *   ExcelApi 1.14.
 * - Strings in `values` and `formulas` become what Excel makes of them: a leading "=" is a formula, a leading "+" or
 *   "-" before text makes a formula that evaluates to #NAME?, numeric-looking text ("2024", "1,234.5", "50%",
 *   "01/2026", "TRUE") becomes a number, date or boolean — unless the cell's number format is text ("@") or the
 *   string starts with an apostrophe (stored as text without it). A typed error literal ("#N/A") or a formula that
 *   fails ("=1/0") is an error value; `valueTypes` reports Empty, Boolean, Double, Error or String per cell.
 * - Events: the add-in's own writes raise `onChanged` after their sync (triggerSource "ThisLocalAddin" where the
 *   set has it), unless `context.runtime.enableEvents` was false when the write ran; user edits through
 *   `userTypes`/`fireChanged` raise it with triggerSource "Unknown".
 * - Sync counting per user action: `installed.action(label, f)` counts the Excel.run calls, the syncs and the runs
 *   started by handlers of the add-in's own writes (echo runs), after every raised event has been handled.
 *
 * What it cannot do: render, recalculate formulas beyond plain arithmetic, undo, merge cells' contents, or time
 * anything. The scalar properties and simple methods are checked against @types/office-js through
 * `implements Pick<Excel.X, …>`; `Excel.run` itself is an office-addin-mock OfficeMockObject (see installExcel).
 */
import { OfficeMockObject } from "office-addin-mock";

// ---------------------------------------------------------------------------------------------------------------
// requirement-set profiles
// ---------------------------------------------------------------------------------------------------------------

export type ProfileName = "Excel 2019" | "Microsoft 365";
/** The highest ExcelApi 1.x minor version of each profile (Excel 2019 perpetual stops at 1.8). */
export const PROFILES: Record<ProfileName, { excelApiMinor: number }> = {
  "Excel 2019": { excelApiMinor: 8 },
  "Microsoft 365": { excelApiMinor: 20 },
};
export const PROFILE_NAMES = Object.keys(PROFILES) as ProfileName[];

/** "1.9" → 9 */
function minorOf(version: string): number {
  return Number(version.split(".")[1] ?? "0");
}

/** Office.context.requirements as the profile's Excel answers it. */
export function requirementsOf(profile: ProfileName): { isSetSupported(name: string, minVersion?: string): boolean } {
  return {
    isSetSupported: (name, minVersion = "1.1") =>
      name === "ExcelApi" && minorOf(minVersion) <= PROFILES[profile].excelApiMinor,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// how Excel reads a string written to values or formulas (en-US parsing, as Office.js documents it)
// ---------------------------------------------------------------------------------------------------------------

/** Days since 1899-12-30 (Excel's serial date). */
function serial(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** What a cell holds after `x` is written to it (values or formulas), given its number format. */
export function asExcelStores(
  x: unknown,
  numberFormat: string,
): { value: string | number | boolean; formula: string | null; numberFormat?: string; error?: boolean } {
  if (typeof x !== "string" || x === "") return { value: x as string | number | boolean, formula: null };
  if (x.startsWith("'")) return { value: x.slice(1), formula: null };
  if (numberFormat === "@") return { value: x, formula: null };
  if (x.startsWith("=")) {
    const value = evaluate(x);
    return { value, formula: x, error: typeof value === "string" && ERROR_VALUE.test(value) };
  }
  // an error value typed as it shows ("#DIV/0!", "#N/A") is that error
  if (ERROR_VALUE.test(x)) return { value: x, formula: null, error: true };
  const t = x.trim();
  const num = /^[-+]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$/.exec(t);
  if (num && /\d/.test(t)) return { value: Number(t.replace(/,/g, "")), formula: null };
  const pct = /^([-+]?\d+(\.\d+)?)\s*%$/.exec(t);
  if (pct) return { value: Number(pct[1]) / 100, formula: null, numberFormat: "0%" };
  const my = /^(\d{1,2})[/-](\d{4})$/.exec(t);
  if (my && Number(my[1]) >= 1 && Number(my[1]) <= 12)
    return { value: serial(Number(my[2]), Number(my[1]), 1), formula: null, numberFormat: "mmm-yy" };
  const ym = /^(\d{4})[/-](\d{1,2})$/.exec(t);
  if (ym && Number(ym[2]) >= 1 && Number(ym[2]) <= 12)
    return { value: serial(Number(ym[1]), Number(ym[2]), 1), formula: null, numberFormat: "mmm-yy" };
  const mdy = /^(\d{1,2})\/(\d{1,2})\/(\d{2,4})$/.exec(t);
  if (mdy)
    return { value: serial(Number(mdy[3]), Number(mdy[1]), Number(mdy[2])), formula: null, numberFormat: "m/d/yyyy" };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true", formula: null };
  if (/^[+-]/.test(x)) return { value: "#NAME?", formula: `=${x}`, error: true };
  return { value: x, formula: null };
}

/** Excel's error values, as `values` returns them. */
const ERROR_VALUE = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!)$/;

/** The result of a formula: plain arithmetic is computed, anything else is left blank (the double does not calculate). */
function evaluate(formula: string): string | number {
  const body = formula.slice(1);
  if (/^[\d\s.+\-*/()]+$/.test(body) && /\d/.test(body)) {
    try {
      const v = Function(`"use strict"; return (${body});`)() as unknown;
      if (typeof v === "number" && Number.isFinite(v)) return v;
      if (typeof v === "number") return "#DIV/0!";
    } catch {
      return "#NAME?";
    }
  }
  if (/^[+-]\s*\p{L}/u.test(body)) return "#NAME?";
  return "";
}

// ---------------------------------------------------------------------------------------------------------------
// model
// ---------------------------------------------------------------------------------------------------------------

export interface CellValidation {
  type: string;
  rule: Excel.DataValidationRule;
  prompt: Excel.DataValidationPrompt | null;
  errorAlert: Excel.DataValidationErrorAlert | null;
  ignoreBlanks: boolean;
}

export class CellModel {
  value: string | number | boolean = "";
  formula: string | null = null;
  numberFormat = "General";
  /** the value is an error value (#DIV/0!, #NAME?…), not a text that looks like one */
  error = false;
  fill: string | null = null;
  bold = false;
  italic = false;
  fontColor = "#000000";
  fontSize = 11;
  wrap = false;
  hAlign: string | null = null;
  vAlign: string | null = null;
  locked = true;
  validation: CellValidation | null = null;
}

export interface CfRule {
  range: string;
  type: string;
  text: string | null;
  fill: string | null;
  fontColor: string | null;
}

export class SheetModel {
  cells = new Map<string, CellModel>(); // "row:col" (1-based)
  merges: string[] = [];
  conditionalFormats: CfRule[] = [];
  protected = false;
  /** the password the sheet was protected with ("" for none) */
  password = "";
  protectionOptions: Excel.WorksheetProtectionOptions | null = null;
  freezeAt: string | null = null;
  tabColor = "";
  visibility = "Visible";
  columnWidths = new Map<number, number>();
  /** row → height in points, for rows given one (format.rowHeight) */
  rowHeights = new Map<number, number>();
  /** rows hidden (Range.rowHidden) */
  hiddenRows = new Set<number>();
  page: {
    orientation: string | null;
    paperSize: string | null;
    zoom: Excel.PageLayoutZoomOptions | null;
    printTitleRows: string | null;
    printTitleColumns: string | null;
  } = {
    orientation: null,
    paperSize: null,
    zoom: null,
    printTitleRows: null,
    printTitleColumns: null,
  };
  handlers: ((e: Excel.WorksheetChangedEventArgs) => Promise<unknown>)[] = [];
  constructor(
    public name: string,
    public id: string,
  ) {}

  cell(row: number, col: number, create = true): CellModel | undefined {
    const key = `${row}:${col}`;
    let c = this.cells.get(key);
    if (!c && create) {
      c = new CellModel();
      this.cells.set(key, c);
    }
    return c;
  }

  /** [firstRow, firstCol, lastRow, lastCol] of cells holding a value or formula; null when empty */
  usedBounds(): [number, number, number, number] | null {
    let r1 = Infinity;
    let c1 = Infinity;
    let r2 = 0;
    let c2 = 0;
    for (const [k, c] of this.cells) {
      if (c.value === "" && c.formula === null) continue;
      const [r, col] = k.split(":").map(Number);
      r1 = Math.min(r1, r);
      c1 = Math.min(c1, col);
      r2 = Math.max(r2, r);
      c2 = Math.max(c2, col);
    }
    return r2 === 0 ? null : [r1, c1, r2, c2];
  }

  /** A user typing or pasting a value (bypasses data validation, like a paste does). */
  typeValue(address: string, value: string | number | boolean): void {
    const [r1, c1] = parseA1(address);
    const c = this.cell(r1, c1) as CellModel;
    c.value = value;
    c.formula = null;
    c.error = false;
  }

  /** Insert `count` blank rows before `row`, shifting cells, names are shifted by the workbook. */
  shiftRows(at: number, count: number): void {
    const moved = new Map<string, CellModel>();
    for (const [k, c] of this.cells) {
      const [r, col] = k.split(":").map(Number);
      moved.set(`${r >= at ? r + count : r}:${col}`, c);
    }
    this.cells = moved;
  }
}

export class WorkbookModel {
  sheets: SheetModel[] = [];
  names = new Map<string, string>(); // name → formula "=Nhap!$G$12"
  parts: { id: string; xml: string; ns: string }[] = [];
  active: string | null = null;
  selected: string | null = null;
  /** the profile of the Excel in use (requirement sets) */
  profile: ProfileName = "Microsoft 365";
  /** Runtime.enableEvents: false keeps writes from raising onChanged */
  enableEvents = true;
  /** true while the user is editing a cell: every sync is refused */
  editMode = false;
  /** operations that fail the next time they run ("worksheets.add", "delete", "name", …): set by a test */
  faults: { op: string; code: string; skip?: number }[] = [];
  /** events waiting for their handlers, and the handlers running for the add-in's own writes */
  inflight: Promise<void>[] = [];
  echoDepth = 0;
  private seq = 0;

  get excelApiMinor(): number {
    return PROFILES[this.profile].excelApiMinor;
  }

  /** Everything a refused request must leave as it was. */
  snapshot(): () => void {
    const sheets = [...this.sheets];
    const state = sheets.map((sh) => ({
      sh,
      name: sh.name,
      cells: new Map([...sh.cells].map(([k, c]) => [k, Object.assign(new CellModel(), c)])),
      merges: [...sh.merges],
      conditionalFormats: [...sh.conditionalFormats],
      protected: sh.protected,
      password: sh.password,
      protectionOptions: sh.protectionOptions,
      visibility: sh.visibility,
      tabColor: sh.tabColor,
    }));
    const names = new Map(this.names);
    const parts = this.parts.map((x) => ({ ...x }));
    const { active, selected } = this;
    return () => {
      this.sheets = sheets;
      for (const { sh, ...rest } of state) Object.assign(sh, rest);
      this.names = names;
      this.parts = parts;
      this.active = active;
      this.selected = selected;
    };
  }

  /** Wait until every raised event has been handled (handlers may raise more). */
  async settle(): Promise<void> {
    while (this.inflight.length > 0) {
      const batch = this.inflight;
      this.inflight = [];
      await Promise.all(batch);
    }
  }

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }
  addSheet(name: string): SheetModel {
    const s = new SheetModel(name, `{sheet-${++this.seq}}`);
    this.sheets.push(s);
    return s;
  }
  nextId(): string {
    return `{part-${++this.seq}}`;
  }

  /** Value of a defined name's cell, or undefined. */
  nameValue(name: string): string | number | boolean | undefined {
    const f = this.names.get(name);
    const m = f ? /^=?'?([^'!]+)'?!\$?([A-Z]+)\$?(\d+)$/.exec(f) : null;
    if (!m) return undefined;
    const [r, c] = parseA1(`${m[2]}${m[3]}`);
    return this.sheet(m[1])?.cell(r, c, false)?.value;
  }

  /** Insert rows on a sheet the way Excel does: cells move down and names that point below move with them. */
  insertRows(sheet: string, at: number, count: number): void {
    this.sheet(sheet)?.shiftRows(at, count);
    for (const [n, f] of this.names) {
      const m = /^=?('?)([^'!]+)\1!\$([A-Z]+)\$(\d+)$/.exec(f);
      if (m && m[2] === sheet && Number(m[4]) >= at)
        this.names.set(n, `=${m[1]}${m[2]}${m[1]}!$${m[3]}$${Number(m[4]) + count}`);
    }
  }

  /** Delete a row: cells move up; names pointing into it become #REF!. */
  deleteRow(sheet: string, row: number): void {
    const s = this.sheet(sheet);
    if (!s) return;
    const moved = new Map<string, CellModel>();
    for (const [k, c] of s.cells) {
      const [r, col] = k.split(":").map(Number);
      if (r === row) continue;
      moved.set(`${r > row ? r - 1 : r}:${col}`, c);
    }
    s.cells = moved;
    for (const [n, f] of this.names) {
      const m = /^=?('?)([^'!]+)\1!\$([A-Z]+)\$(\d+)$/.exec(f);
      if (!m || m[2] !== sheet) continue;
      const r = Number(m[4]);
      if (r === row) this.names.set(n, "=#REF!");
      else if (r > row) this.names.set(n, `=${m[1]}${m[2]}${m[1]}!$${m[3]}$${r - 1}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// A1 helpers
// ---------------------------------------------------------------------------------------------------------------

export function colIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}
export function colLetters(i: number): string {
  let s = "";
  let n = i;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
export function parseA1(a: string): [number, number] {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a);
  if (!m) throw new Error(`bad address ${a}`);
  return [Number(m[2]), colIndex(m[1])];
}
/** "G12:I14" | "G:G" | "5:5" → [r1, c1, r2, c2] */
export function parseRange(a: string): [number, number, number, number] {
  const local = a.includes("!") ? a.slice(a.indexOf("!") + 1) : a;
  const [x, y = x] = local.replace(/\$/g, "").split(":");
  const p = (s: string): [number | null, number | null] => {
    const m = /^([A-Z]*)(\d*)$/.exec(s);
    if (!m) throw new Error(`bad range ${a}`);
    return [m[2] ? Number(m[2]) : null, m[1] ? colIndex(m[1]) : null];
  };
  const [ra, ca] = p(x);
  const [rb, cb] = p(y);
  return [ra ?? 1, ca ?? 1, rb ?? 1048576, cb ?? 16384];
}

// ---------------------------------------------------------------------------------------------------------------
// batch machinery
// ---------------------------------------------------------------------------------------------------------------

class OfficeError extends Error {
  constructor(
    public code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

/** Excel's limit on one request's payload. */
export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;

interface RaisedEvent {
  sheet: SheetModel;
  address: string;
}

export class FakeContext {
  readonly workbook: FakeWorkbook;
  readonly runtime: FakeRuntime;
  syncCount = 0;
  /** estimated bytes of the request being built */
  payload = 0;
  private pending: (() => void)[] = [];
  private error: OfficeError | null = null;
  private nullChecks: (() => void)[] = [];
  private events: RaisedEvent[] = [];
  private restore: (() => void) | null = null;
  constructor(readonly model: WorkbookModel) {
    this.workbook = new FakeWorkbook(this);
    this.runtime = new FakeRuntime(this);
  }
  /** queue something that becomes readable at the next sync */
  later(f: () => void): void {
    this.pending.push(f);
  }
  afterSync(f: () => void): void {
    this.nullChecks.push(f);
  }
  fail(code: string, message: string): void {
    if (!this.error) this.error = new OfficeError(code, message);
  }
  get failed(): boolean {
    return this.error !== null;
  }
  /** Before the first change of a request: what a refused request puts back. Also counts the operation's bytes. */
  touch(bytes = 64): void {
    if (!this.restore) this.restore = this.model.snapshot();
    this.payload += bytes;
  }
  /** A member the profile may not have: fails the request with ApiNotFound, as Excel does. */
  need(version: string, member: string): boolean {
    if (minorOf(version) <= this.model.excelApiMinor) return true;
    this.fail(
      "ApiNotFound",
      `${member} needs ExcelApi ${version}; ${this.model.profile} has ExcelApi 1.${this.model.excelApiMinor}`,
    );
    return false;
  }
  /** A fault set by a test for this operation: fails it (and the rest of the request). */
  faulted(op: string): boolean {
    const i = this.model.faults.findIndex((f) => f.op === op);
    if (i < 0) return false;
    const f = this.model.faults[i];
    if (f.skip && f.skip > 0) {
      f.skip -= 1;
      return false;
    }
    this.model.faults.splice(i, 1);
    this.fail(f.code, `${op} failed (${f.code})`);
    return true;
  }
  /** A write of the add-in changed cells: onChanged follows the sync, unless events are off at this point. */
  raise(sheet: SheetModel, address: string): void {
    if (this.model.enableEvents) this.events.push({ sheet, address });
  }
  async sync(): Promise<void> {
    this.syncCount++;
    const pending = this.pending;
    const after = this.nullChecks;
    const events = this.events;
    const restore = this.restore;
    const payload = this.payload;
    this.pending = [];
    this.nullChecks = [];
    this.events = [];
    this.restore = null;
    this.payload = 0;
    if (this.model.editMode) {
      restore?.();
      this.error = null;
      throw new OfficeError(
        "InvalidOperationInCellEditMode",
        "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
      );
    }
    if (payload > REQUEST_LIMIT_BYTES) {
      restore?.();
      this.error = null;
      throw new OfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size (${payload} bytes) has exceeded the limit.`,
      );
    }
    if (this.error) {
      const e = this.error;
      this.error = null;
      this.dispatch(events);
      throw e;
    }
    for (const f of pending) f();
    for (const f of after) f();
    this.dispatch(events);
  }
  private dispatch(events: RaisedEvent[]): void {
    const model = this.model;
    for (const ev of events) {
      const handlers = [...ev.sheet.handlers];
      if (handlers.length === 0) continue;
      const args = changedArgs(model, ev.sheet, ev.address, "ThisLocalAddin");
      model.inflight.push(
        Promise.resolve().then(async () => {
          model.echoDepth++;
          try {
            for (const h of handlers) await h(args).catch(() => undefined);
          } finally {
            model.echoDepth--;
          }
        }),
      );
    }
  }
}

/** The arguments of a WorksheetChanged event; triggerSource only where the profile has ExcelApi 1.14. */
function changedArgs(
  model: WorkbookModel,
  sheet: SheetModel,
  address: string,
  trigger: "ThisLocalAddin" | "Unknown",
): Excel.WorksheetChangedEventArgs {
  const args: Record<string, unknown> = {
    address,
    changeType: "RangeEdited",
    source: "Local",
    type: "WorksheetChanged",
    worksheetId: sheet.id,
  };
  if (model.excelApiMinor >= 14) args.triggerSource = trigger;
  return args as unknown as Excel.WorksheetChangedEventArgs;
}

/** context.runtime (ExcelApi 1.8): enableEvents is read after a load, and written in call order. */
export class FakeRuntime {
  private loadedValue: boolean | undefined;
  constructor(private readonly ctx: FakeContext) {}
  load(arg?: string | string[]): this {
    void arg;
    const v = this.ctx.model.enableEvents;
    this.ctx.later(() => {
      this.loadedValue = v;
    });
    return this;
  }
  get enableEvents(): boolean {
    if (this.loadedValue === undefined)
      throw new OfficeError(
        "PropertyNotLoaded",
        "The property 'enableEvents' is not available. Call load() and context.sync() first.",
      );
    return this.loadedValue;
  }
  set enableEvents(v: boolean) {
    if (this.ctx.failed || !this.ctx.need("1.8", "Runtime.enableEvents")) return;
    this.ctx.model.enableEvents = v;
  }
}

/** Base for proxies: loaded properties become readable after the sync that follows their load. */
class Proxy0 {
  protected readonly loaded = new Map<string, unknown>();
  constructor(protected readonly ctx: FakeContext) {}
  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop))
      throw new OfficeError(
        "PropertyNotLoaded",
        `The property '${prop}' is not available. Call load() and context.sync() first.`,
      );
    return this.loaded.get(prop) as T;
  }
  protected snapshot(props: string[], getter: (p: string) => unknown): void {
    const values = props.map((p) => [p, getter(p)] as const);
    this.ctx.later(() => {
      for (const [p, v] of values) this.loaded.set(p, v);
    });
  }
}

function propsOf(arg: string | string[] | { select?: string } | undefined): string[] {
  if (arg === undefined) throw new Error("empty load() is not allowed (office-addins/no-empty-load)");
  const list = typeof arg === "string" ? arg.split(",") : Array.isArray(arg) ? arg : (arg.select ?? "").split(",");
  return list.map((s) => s.trim()).filter(Boolean);
}

export class ClientResult<T> {
  private _value: T | undefined;
  private ready = false;
  constructor(ctx: FakeContext, compute: () => T) {
    const v = compute();
    ctx.later(() => {
      this._value = v;
      this.ready = true;
    });
  }
  get value(): T {
    if (!this.ready) throw new OfficeError("PropertyNotLoaded", "ClientResult.value read before sync");
    return this._value as T;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// workbook, sheets, names, custom XML
// ---------------------------------------------------------------------------------------------------------------

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly customXmlParts: FakeCustomXmlPartCollection;
  constructor(readonly ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.names = new FakeNamedItemCollection(ctx);
    this.customXmlParts = new FakeCustomXmlPartCollection(ctx, null);
  }
}

export class FakeWorksheetCollection extends Proxy0 {
  load(arg?: string | string[] | { select?: string }): this {
    const props = propsOf(arg).map((p) => p.replace(/^items\//, ""));
    const sheets = this.ctx.model.sheets.map((s) => {
      const ws = new FakeWorksheet(this.ctx, () => s, s.name);
      ws.snapshotProps(props);
      return ws;
    });
    this.snapshot(["items"], () => sheets);
    return this;
  }
  get items(): FakeWorksheet[] {
    return this.read("items");
  }
  add(name: string): FakeWorksheet {
    if (this.ctx.failed || this.ctx.faulted("worksheets.add"))
      return new FakeWorksheet(this.ctx, () => undefined, name);
    this.ctx.touch();
    if (this.ctx.model.sheet(name)) this.ctx.fail("ItemAlreadyExists", `A sheet named ${name} exists`);
    const s = this.ctx.failed ? undefined : this.ctx.model.addSheet(name);
    return new FakeWorksheet(this.ctx, () => s, name);
  }
  getItem(name: string): FakeWorksheet {
    const s = this.ctx.model.sheet(name);
    if (!s) this.ctx.fail("ItemNotFound", `No sheet ${name}`);
    return new FakeWorksheet(this.ctx, () => this.ctx.model.sheets.find((x) => x === s), name);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    const s = this.ctx.model.sheet(name);
    return new FakeWorksheet(this.ctx, () => s, name, true);
  }
}

export class FakeWorksheet
  extends Proxy0
  implements Pick<Excel.Worksheet, "name" | "position" | "tabColor" | "visibility" | "isNullObject" | "activate">
{
  readonly protection: FakeProtection;
  readonly freezePanes: FakeFreezePanes;
  private readonly layout: FakePageLayout;
  readonly onChanged: {
    add: (h: (e: Excel.WorksheetChangedEventArgs) => Promise<unknown>) => { remove: () => void; context: FakeContext };
  };
  private nullReady = false;
  constructor(
    ctx: FakeContext,
    readonly model: () => SheetModel | undefined,
    private readonly label: string,
    private readonly orNull = false,
  ) {
    super(ctx);
    this.protection = new FakeProtection(ctx, this);
    this.freezePanes = new FakeFreezePanes(this);
    this.layout = new FakePageLayout(this);
    this.onChanged = {
      add: (h) => {
        const m = this.live("onChanged.add");
        if (m) m.handlers.push(h);
        return {
          context: this.ctx,
          remove: () => {
            const s = this.model();
            if (s) s.handlers = s.handlers.filter((x) => x !== h);
          },
        };
      },
    };
    ctx.afterSync(() => {
      this.nullReady = true;
    });
  }
  /** Worksheet.pageLayout is ExcelApi 1.9: Excel 2019 does not have it. */
  get pageLayout(): FakePageLayout {
    this.ctx.need("1.9", "Worksheet.pageLayout");
    return this.layout;
  }
  /** the sheet, or a failure recorded for the next sync */
  live(what: string, bytes = 64): SheetModel | undefined {
    if (this.ctx.failed || this.ctx.faulted(what)) return undefined;
    const m = this.model();
    if (!m) this.ctx.fail(this.orNull ? "InvalidObjectPath" : "ItemNotFound", `${what} on missing sheet ${this.label}`);
    else this.ctx.touch(bytes);
    return m;
  }
  snapshotProps(props: string[]): void {
    const m = this.model();
    this.snapshot(props, (p) => {
      if (!m) return undefined;
      if (p === "position") return this.ctx.model.sheets.indexOf(m);
      return (m as unknown as Record<string, unknown>)[p];
    });
  }
  load(arg?: string | string[] | { select?: string }): this {
    this.snapshotProps(propsOf(arg));
    return this;
  }
  get isNullObject(): boolean {
    if (!this.nullReady) throw new OfficeError("PropertyNotLoaded", "isNullObject read before sync");
    return this.model() === undefined;
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    const m = this.live("name");
    if (!m) return;
    if (this.ctx.model.sheet(v)) {
      this.ctx.fail("ItemAlreadyExists", `sheet ${v} exists`);
      return;
    }
    const old = m.name;
    m.name = v;
    // names follow a renamed sheet, as in Excel
    for (const [n, f] of this.ctx.model.names)
      if (f.startsWith(`=${old}!`)) this.ctx.model.names.set(n, f.replace(`=${old}!`, `=${v}!`));
  }
  get position(): number {
    return this.read("position");
  }
  set position(v: number) {
    const m = this.live("position");
    if (!m) return;
    const list = this.ctx.model.sheets.filter((s) => s !== m);
    list.splice(Math.min(v, list.length), 0, m);
    this.ctx.model.sheets = list;
  }
  get tabColor(): string {
    return this.read("tabColor");
  }
  set tabColor(v: string) {
    const m = this.live("tabColor");
    if (m) m.tabColor = v;
  }
  get visibility(): Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden" {
    return this.read("visibility");
  }
  set visibility(v: Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden") {
    const m = this.live("visibility");
    if (m) m.visibility = v;
  }
  activate(): void {
    const m = this.live("activate");
    if (m) this.ctx.model.active = m.name;
  }
  getRange(address: string): FakeRange {
    return new FakeRange(this.ctx, this, parseRange(address));
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    void valuesOnly;
    const m = this.model();
    const b = m?.usedBounds() ?? null;
    return new FakeRange(this.ctx, this, b ?? [1, 1, 1, 1], b === null);
  }
}

export class FakeProtection
  extends Proxy0
  implements Pick<Excel.WorksheetProtection, "protected" | "protect" | "unprotect">
{
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
  ) {
    super(ctx);
  }
  load(arg?: string | string[]): this {
    const m = this.ws.model();
    this.snapshot(propsOf(arg), () => m?.protected ?? false);
    return this;
  }
  get protected(): boolean {
    return this.read("protected");
  }
  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    const m = this.ws.live("protect");
    if (!m) return;
    if (m.protected) return this.ctx.fail("InvalidOperation", `sheet ${m.name} is already protected`);
    m.protected = true;
    m.password = password ?? "";
    m.protectionOptions = options ?? null;
  }
  unprotect(password?: string): void {
    const m = this.ws.live("unprotect");
    if (!m || !m.protected) return;
    if (m.password !== (password ?? ""))
      return this.ctx.fail("InvalidPassword", `the password to unprotect ${m.name} is wrong or missing`);
    m.protected = false;
    m.password = "";
  }
}

class FakeFreezePanes {
  constructor(private readonly ws: FakeWorksheet) {}
  freezeAt(range: FakeRange | string): void {
    const m = this.ws.live("freezeAt");
    if (m) m.freezeAt = typeof range === "string" ? range : range.a1;
  }
}

export class FakePageLayout implements Pick<
  Excel.PageLayout,
  "orientation" | "paperSize" | "zoom" | "setPrintTitleRows" | "setPrintTitleColumns"
> {
  constructor(private readonly ws: FakeWorksheet) {}
  get orientation(): Excel.PageOrientation | "Portrait" | "Landscape" {
    return (this.ws.model()?.page.orientation ?? "Portrait") as "Portrait";
  }
  set orientation(v: Excel.PageOrientation | "Portrait" | "Landscape") {
    const m = this.ws.live("orientation");
    if (m) m.page.orientation = v;
  }
  get paperSize():
    Excel.PaperType | "A3" | "A4" | "A5" | "B4" | "B5" | "Executive" | "Folio" | "Legal" | "Letter" | "Tabloid" {
    return (this.ws.model()?.page.paperSize ?? "Letter") as "A4";
  }
  set paperSize(
    v: Excel.PaperType | "A3" | "A4" | "A5" | "B4" | "B5" | "Executive" | "Folio" | "Legal" | "Letter" | "Tabloid",
  ) {
    const m = this.ws.live("paperSize");
    if (m) m.page.paperSize = v;
  }
  get zoom(): Excel.PageLayoutZoomOptions {
    return this.ws.model()?.page.zoom ?? {};
  }
  set zoom(v: Excel.PageLayoutZoomOptions) {
    const m = this.ws.live("zoom");
    if (m) m.page.zoom = v;
  }
  setPrintTitleRows(rows: Excel.Range | string): void {
    const m = this.ws.live("setPrintTitleRows");
    if (m) m.page.printTitleRows = typeof rows === "string" ? rows : "?";
  }
  setPrintTitleColumns(columns: Excel.Range | string): void {
    const m = this.ws.live("setPrintTitleColumns");
    if (m) m.page.printTitleColumns = typeof columns === "string" ? columns : "?";
  }
}

export class FakeNamedItem extends Proxy0 implements Pick<Excel.NamedItem, "name" | "formula" | "delete"> {
  constructor(
    ctx: FakeContext,
    private readonly key: string,
    private readonly missing: boolean,
  ) {
    super(ctx);
  }
  load(arg?: string | string[]): this {
    const f = this.ctx.model.names.get(this.key);
    this.snapshot(propsOf(arg), (p) => (p === "name" ? this.key : f));
    return this;
  }
  get name(): string {
    return this.read("name");
  }
  get formula(): string {
    return this.read("formula");
  }
  set formula(v: string) {
    if (this.ctx.failed) return;
    this.ctx.touch();
    this.ctx.model.names.set(this.key, v);
  }
  delete(): void {
    if (this.ctx.failed || this.missing || this.ctx.faulted("names.delete")) return;
    this.ctx.touch();
    this.ctx.model.names.delete(this.key);
  }
  getRange(): FakeRange {
    const f = this.ctx.model.names.get(this.key);
    const m = f ? /^=?'?([^'!]+)'?!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/.exec(f) : null;
    if (!m) {
      this.ctx.fail("InvalidReference", `name ${this.key} has no range (${f})`);
      return new FakeRange(this.ctx, new FakeWorksheet(this.ctx, () => undefined, "?"), [1, 1, 1, 1]);
    }
    const sheetName = m[1];
    const ws = new FakeWorksheet(this.ctx, () => this.ctx.model.sheet(sheetName), sheetName);
    return ws.getRange(m[2]);
  }
}

export class FakeNamedItemCollection extends Proxy0 {
  load(arg?: string | string[] | { select?: string }): this {
    const props = propsOf(arg).map((p) => p.replace(/^items\//, ""));
    const items = [...this.ctx.model.names.keys()].map((k) => {
      const n = new FakeNamedItem(this.ctx, k, false);
      n.load(props);
      return n;
    });
    this.snapshot(["items"], () => items);
    return this;
  }
  get items(): FakeNamedItem[] {
    return this.read("items");
  }
  add(name: string, reference: string | FakeRange, comment?: string): FakeNamedItem {
    void comment;
    if (!this.ctx.failed && !this.ctx.faulted("names.add")) {
      this.ctx.touch();
      if (this.ctx.model.names.has(name)) this.ctx.fail("InvalidArgument", `name ${name} exists`);
      else this.ctx.model.names.set(name, typeof reference === "string" ? reference : reference.formulaRef());
    }
    return new FakeNamedItem(this.ctx, name, false);
  }
  getItem(name: string): FakeNamedItem {
    if (!this.ctx.model.names.has(name)) this.ctx.fail("ItemNotFound", `no name ${name}`);
    this.ctx.touch(0);
    return new FakeNamedItem(this.ctx, name, !this.ctx.model.names.has(name));
  }
}

export class FakeCustomXmlPart extends Proxy0 implements Pick<Excel.CustomXmlPart, "id" | "setXml" | "delete"> {
  constructor(
    ctx: FakeContext,
    private readonly partId: string,
  ) {
    super(ctx);
  }
  load(arg?: string | string[]): this {
    this.snapshot(propsOf(arg), () => this.partId);
    return this;
  }
  get id(): string {
    return this.read("id");
  }
  getXml(): ClientResult<string> {
    return new ClientResult(this.ctx, () => this.ctx.model.parts.find((p) => p.id === this.partId)?.xml ?? "");
  }
  setXml(xml: string): void {
    const p = this.ctx.model.parts.find((x) => x.id === this.partId);
    if (p && !this.ctx.failed) {
      this.ctx.touch(xml.length + 64);
      p.xml = xml;
    }
  }
  delete(): void {
    if (this.ctx.failed) return;
    this.ctx.touch();
    this.ctx.model.parts = this.ctx.model.parts.filter((p) => p.id !== this.partId);
  }
}

export class FakeCustomXmlPartCollection extends Proxy0 {
  constructor(
    ctx: FakeContext,
    private readonly ns: string | null,
  ) {
    super(ctx);
  }
  load(arg?: string | string[] | { select?: string }): this {
    const props = propsOf(arg).map((p) => p.replace(/^items\//, ""));
    const items = this.ctx.model.parts
      .filter((p) => this.ns === null || p.ns === this.ns)
      .map((p) => {
        const part = new FakeCustomXmlPart(this.ctx, p.id);
        part.load(props);
        return part;
      });
    this.snapshot(["items"], () => items);
    return this;
  }
  get items(): FakeCustomXmlPart[] {
    return this.read("items");
  }
  getByNamespace(ns: string): FakeCustomXmlPartCollection {
    return new FakeCustomXmlPartCollection(this.ctx, ns);
  }
  add(xml: string): FakeCustomXmlPart {
    const ns = /xmlns="([^"]+)"/.exec(xml)?.[1] ?? "";
    const id = this.ctx.model.nextId();
    if (!this.ctx.failed) {
      this.ctx.touch(xml.length + 64);
      this.ctx.model.parts.push({ id, xml, ns });
    }
    return new FakeCustomXmlPart(this.ctx, id);
  }
  /** The one part of this namespace, or a null object (ExcelApi 1.5); more than one part is an error, as in Excel. */
  getOnlyItemOrNullObject(): FakeCustomXmlPart & { isNullObject: boolean } {
    const list = this.ctx.model.parts.filter((p) => this.ns === null || p.ns === this.ns);
    if (list.length > 1) this.ctx.fail("InvalidOperation", `more than one custom XML part in ${this.ns}`);
    const part = new FakeCustomXmlPart(this.ctx, list[0]?.id ?? "") as FakeCustomXmlPart & { isNullObject: boolean };
    let ready = false;
    this.ctx.afterSync(() => {
      ready = true;
    });
    Object.defineProperty(part, "isNullObject", {
      get: () => {
        if (!ready) throw new OfficeError("PropertyNotLoaded", "isNullObject read before sync");
        return list.length === 0;
      },
    });
    return part;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// ranges
// ---------------------------------------------------------------------------------------------------------------

type Grid<T> = T[][];

/** Range.valueTypes of a cell: "Empty", "Boolean", "Double", "Error" or "String" (Integer is reported as Double). */
function valueTypeOf(c: CellModel | undefined): string {
  if (!c || c.value === "") return "Empty";
  if (typeof c.value === "boolean") return "Boolean";
  if (typeof c.value === "number") return "Double";
  return c.error ? "Error" : "String";
}

/** Write what was given to values/formulas into a cell as Excel stores it. */
function store(cell: CellModel, x: unknown): void {
  const r = asExcelStores(x, cell.numberFormat);
  cell.value = r.value;
  cell.formula = r.formula;
  cell.error = r.error === true;
  if (r.numberFormat && cell.numberFormat === "General") cell.numberFormat = r.numberFormat;
}

export class FakeRange
  extends Proxy0
  implements
    Pick<
      Excel.Range,
      | "values"
      | "formulas"
      | "numberFormat"
      | "valueTypes"
      | "rowHidden"
      | "rowIndex"
      | "columnIndex"
      | "address"
      | "isNullObject"
      | "select"
      | "merge"
    >
{
  readonly format: FakeRangeFormat;
  readonly dataValidation: FakeDataValidation;
  readonly conditionalFormats: FakeConditionalFormats;
  private nullReady = false;
  constructor(
    ctx: FakeContext,
    readonly ws: FakeWorksheet,
    readonly box: [number, number, number, number],
    private readonly isNull = false,
  ) {
    super(ctx);
    this.format = new FakeRangeFormat(this);
    this.dataValidation = new FakeDataValidation(ctx, this);
    this.conditionalFormats = new FakeConditionalFormats(ctx, this);
    ctx.afterSync(() => {
      this.nullReady = true;
    });
  }
  get a1(): string {
    const [r1, c1, r2, c2] = this.box;
    const a = `${colLetters(c1)}${r1}`;
    const b = `${colLetters(c2)}${r2}`;
    return a === b ? a : `${a}:${b}`;
  }
  formulaRef(): string {
    const [r1, c1, r2, c2] = this.box;
    const a = `$${colLetters(c1)}$${r1}`;
    return `=${this.ws.model()?.name}!${r1 === r2 && c1 === c2 ? a : `${a}:$${colLetters(c2)}$${r2}`}`;
  }
  /** each cell of the range, for writes (checks the sheet's protection) */
  eachCell(what: string, f: (c: CellModel, r: number, col: number) => void, isFormat = false): void {
    if (this.isNull) return this.ctx.fail("InvalidObjectPath", `${what} on a null range`);
    const m = this.ws.live(what);
    if (!m) return;
    const [r1, c1, r2, c2] = this.box;
    if ((r2 - r1 + 1) * (c2 - c1 + 1) > 200_000) {
      // whole columns: only the cells that exist (column widths are handled apart)
      for (const [k, c] of m.cells) {
        const [r, col] = k.split(":").map(Number);
        if (r >= r1 && r <= r2 && col >= c1 && col <= c2) f(c, r, col);
      }
      return;
    }
    for (let r = r1; r <= r2; r++) {
      for (let c = c1; c <= c2; c++) {
        const cell = m.cell(r, c) as CellModel;
        if (m.protected && (isFormat || cell.locked)) {
          return this.ctx.fail(
            "AccessDenied",
            `${what} on ${isFormat ? "" : "locked "}cell ${colLetters(c)}${r} of protected sheet ${m.name}`,
          );
        }
        f(cell, r, c);
      }
    }
  }
  private grid<T>(pick: (c: CellModel | undefined) => T): Grid<T> {
    const m = this.ws.model();
    const [r1, c1, r2, c2] = this.box;
    const out: Grid<T> = [];
    for (let r = r1; r <= r2; r++) {
      const row: T[] = [];
      for (let c = c1; c <= c2; c++) row.push(pick(m?.cell(r, c, false)));
      out.push(row);
    }
    return out;
  }
  load(arg?: string | string[] | { select?: string }): this {
    const props = propsOf(arg);
    this.snapshot(props, (p) => {
      switch (p) {
        case "values":
          return this.grid((c) => c?.value ?? "");
        case "formulas":
          return this.grid((c) => (c?.formula ? c.formula : (c?.value ?? "")));
        case "numberFormat":
          return this.grid((c) => c?.numberFormat ?? "General");
        case "valueTypes":
          return this.grid((c) => valueTypeOf(c));
        case "rowIndex":
          return this.box[0] - 1;
        case "columnIndex":
          return this.box[1] - 1;
        case "address":
          return `${this.ws.model()?.name}!${this.a1}`;
        default:
          throw new Error(`fake Range cannot load ${p}`);
      }
    });
    return this;
  }
  get isNullObject(): boolean {
    if (!this.nullReady) throw new OfficeError("PropertyNotLoaded", "isNullObject read before sync");
    return this.isNull;
  }
  /* eslint-disable @typescript-eslint/no-explicit-any -- office-js types these grids as any[][]; the double keeps them */
  get values(): Grid<any> {
    return this.read("values");
  }
  set values(v: Grid<any>) {
    this.writeGrid("values", v, (cell, x) => store(cell, x));
  }
  get formulas(): Grid<any> {
    return this.read("formulas");
  }
  set formulas(v: Grid<any>) {
    this.writeGrid("formulas", v, (cell, x) => store(cell, x));
  }
  get numberFormat(): Grid<any> {
    return this.read("numberFormat");
  }
  /** read-only, as in Excel (ExcelApi 1.1) */
  get valueTypes(): Grid<any> {
    return this.read("valueTypes");
  }
  set numberFormat(v: Grid<any>) {
    this.writeGrid("numberFormat", v, (cell, x) => {
      cell.numberFormat = String(x);
    });
  }
  /* eslint-enable @typescript-eslint/no-explicit-any */
  private writeGrid(what: string, v: Grid<unknown>, set: (c: CellModel, x: unknown) => void): void {
    const [r1, c1, r2, c2] = this.box;
    if (
      !Array.isArray(v) ||
      v.length !== r2 - r1 + 1 ||
      v.some((row) => !Array.isArray(row) || row.length !== c2 - c1 + 1)
    ) {
      return this.ctx.fail("InvalidArgument", `${what}: the array is not ${r2 - r1 + 1}×${c2 - c1 + 1} for ${this.a1}`);
    }
    const before = this.ctx.failed;
    this.ctx.touch(JSON.stringify(v).length + 64);
    this.eachCell(what, (c, r, col) => set(c, v[r - r1][col - c1]), what === "numberFormat");
    const m = this.ws.model();
    if (!before && !this.ctx.failed && m && what !== "numberFormat") this.ctx.raise(m, this.a1);
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get rowHidden(): boolean {
    return this.read("rowHidden");
  }
  set rowHidden(v: boolean) {
    this.eachRow("rowHidden", (m, r) => (v ? m.hiddenRows.add(r) : m.hiddenRows.delete(r)));
  }
  /** each row of the range, for row formats (height, hidden): on a protected sheet Excel needs allowFormatRows */
  eachRow(what: string, f: (m: SheetModel, row: number) => void): void {
    const m = this.ws.live(what);
    if (!m) return;
    if (m.protected && !m.protectionOptions?.allowFormatRows)
      return this.ctx.fail("AccessDenied", `${what} on protected sheet ${m.name}`);
    for (let r = this.box[0]; r <= this.box[2]; r++) f(m, r);
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get address(): string {
    return this.read("address");
  }
  select(): void {
    const m = this.ws.live("select");
    if (m) this.ctx.model.selected = `${m.name}!${this.a1}`;
  }
  merge(across?: boolean): void {
    void across;
    const m = this.ws.live("merge");
    if (!m) return;
    if (m.protected) return this.ctx.fail("AccessDenied", `merge on protected sheet ${m.name}`);
    m.merges.push(this.a1);
  }
  getEntireRow(): FakeRange {
    return new FakeRange(this.ctx, this.ws, [this.box[0], 1, this.box[2], 16384]);
  }
  getColumn(index: number): FakeRange {
    const c = this.box[1] + index;
    return new FakeRange(this.ctx, this.ws, [this.box[0], c, this.box[2], c]);
  }
}

class FakeFont {
  constructor(private readonly r: FakeRange) {}
  set bold(v: boolean) {
    this.r.eachCell("font.bold", (c) => (c.bold = v), true);
  }
  set italic(v: boolean) {
    this.r.eachCell("font.italic", (c) => (c.italic = v), true);
  }
  set size(v: number) {
    this.r.eachCell("font.size", (c) => (c.fontSize = v), true);
  }
  set color(v: string) {
    this.r.eachCell("font.color", (c) => (c.fontColor = v), true);
  }
}

class FakeFill {
  constructor(private readonly r: FakeRange) {}
  set color(v: string) {
    this.r.eachCell("fill.color", (c) => (c.fill = v), true);
  }
  clear(): void {
    this.r.eachCell("fill.clear", (c) => (c.fill = null), true);
  }
}

class FakeBorder {
  style = "";
  color = "";
}

export class FakeRangeFormat implements Pick<
  Excel.RangeFormat,
  "wrapText" | "horizontalAlignment" | "verticalAlignment" | "columnWidth" | "rowHeight"
> {
  readonly font: FakeFont;
  readonly fill: FakeFill;
  readonly protection: { locked: boolean };
  readonly borders: { getItem: (i: string) => FakeBorder };
  constructor(private readonly r: FakeRange) {
    this.font = new FakeFont(r);
    this.fill = new FakeFill(r);
    const range = r;
    this.protection = {
      set locked(v: boolean) {
        range.eachCell("protection.locked", (c) => (c.locked = v), true);
      },
      get locked(): boolean {
        throw new OfficeError("PropertyNotLoaded", "format.protection.locked");
      },
    };
    this.borders = { getItem: () => new FakeBorder() };
  }
  get wrapText(): boolean {
    throw new OfficeError("PropertyNotLoaded", "format.wrapText");
  }
  set wrapText(v: boolean) {
    this.r.eachCell("wrapText", (c) => (c.wrap = v), true);
  }
  get horizontalAlignment():
    | Excel.HorizontalAlignment
    | "General"
    | "Left"
    | "Center"
    | "Right"
    | "Fill"
    | "Justify"
    | "CenterAcrossSelection"
    | "Distributed" {
    throw new OfficeError("PropertyNotLoaded", "format.horizontalAlignment");
  }
  set horizontalAlignment(
    v:
      | Excel.HorizontalAlignment
      | "General"
      | "Left"
      | "Center"
      | "Right"
      | "Fill"
      | "Justify"
      | "CenterAcrossSelection"
      | "Distributed",
  ) {
    this.r.eachCell("horizontalAlignment", (c) => (c.hAlign = v), true);
  }
  get verticalAlignment(): Excel.VerticalAlignment | "Top" | "Center" | "Bottom" | "Justify" | "Distributed" {
    throw new OfficeError("PropertyNotLoaded", "format.verticalAlignment");
  }
  set verticalAlignment(v: Excel.VerticalAlignment | "Top" | "Center" | "Bottom" | "Justify" | "Distributed") {
    this.r.eachCell("verticalAlignment", (c) => (c.vAlign = v), true);
  }
  get columnWidth(): number {
    throw new OfficeError("PropertyNotLoaded", "format.columnWidth");
  }
  set columnWidth(v: number) {
    const m = this.r.ws.live("columnWidth");
    if (!m) return;
    for (let c = this.r.box[1]; c <= this.r.box[3]; c++) m.columnWidths.set(c, v);
  }
  get rowHeight(): number {
    throw new OfficeError("PropertyNotLoaded", "format.rowHeight");
  }
  set rowHeight(v: number) {
    this.r.eachRow("rowHeight", (m, r) => m.rowHeights.set(r, v));
  }
}

export class FakeDataValidation
  extends Proxy0
  implements Pick<Excel.DataValidation, "type" | "rule" | "prompt" | "errorAlert" | "ignoreBlanks" | "clear">
{
  constructor(
    ctx: FakeContext,
    private readonly r: FakeRange,
  ) {
    super(ctx);
  }
  private first(): CellModel | undefined {
    return this.r.ws.model()?.cell(this.r.box[0], this.r.box[1], false);
  }
  load(arg?: string | string[]): this {
    this.snapshot(propsOf(arg), (p) => {
      const v = this.first()?.validation;
      if (p === "type") return v ? v.type : "None";
      throw new Error(`fake DataValidation cannot load ${p}`);
    });
    return this;
  }
  get type():
    | Excel.DataValidationType
    | "None"
    | "WholeNumber"
    | "Decimal"
    | "List"
    | "Date"
    | "Time"
    | "TextLength"
    | "Custom"
    | "Inconsistent"
    | "MixedCriteria" {
    return this.read("type");
  }
  private edit(what: string, f: (v: CellValidation) => void): void {
    const m = this.r.ws.live(what);
    if (!m) return;
    if (m.protected) return this.ctx.fail("AccessDenied", `dataValidation.${what} on protected sheet ${m.name}`);
    this.r.eachCell(what, (c) => {
      c.validation ??= { type: "None", rule: {}, prompt: null, errorAlert: null, ignoreBlanks: true };
      f(c.validation);
    });
  }
  clear(): void {
    const m = this.r.ws.live("clear");
    if (!m) return;
    if (m.protected) return this.ctx.fail("AccessDenied", `dataValidation.clear on protected sheet ${m.name}`);
    this.r.eachCell("dataValidation.clear", (c) => (c.validation = null));
  }
  get rule(): Excel.DataValidationRule {
    throw new OfficeError("PropertyNotLoaded", "rule");
  }
  set rule(v: Excel.DataValidationRule) {
    // "You can only use one of them at a time" (DataValidationRule); a custom formula is a formula ("=…", en-US),
    // and Excel keeps a validation formula within 255 characters
    const kinds = Object.keys(v).filter((k) => (v as Record<string, unknown>)[k] !== undefined);
    if (kinds.length !== 1) {
      this.ctx.fail("InvalidArgument", `dataValidation.rule with ${kinds.length} kinds`);
      return;
    }
    if (v.custom && (!/^=./.test(v.custom.formula) || v.custom.formula.length > 256)) {
      this.ctx.fail("InvalidArgument", `dataValidation.rule custom formula ${JSON.stringify(v.custom.formula)}`);
      return;
    }
    const type = v.decimal
      ? "Decimal"
      : v.wholeNumber
        ? "WholeNumber"
        : v.list
          ? "List"
          : v.textLength
            ? "TextLength"
            : "Custom";
    this.edit("rule", (x) => {
      x.rule = v;
      x.type = type;
    });
  }
  get prompt(): Excel.DataValidationPrompt {
    throw new OfficeError("PropertyNotLoaded", "prompt");
  }
  set prompt(v: Excel.DataValidationPrompt) {
    this.edit("prompt", (x) => (x.prompt = v));
  }
  get errorAlert(): Excel.DataValidationErrorAlert {
    throw new OfficeError("PropertyNotLoaded", "errorAlert");
  }
  set errorAlert(v: Excel.DataValidationErrorAlert) {
    this.edit("errorAlert", (x) => (x.errorAlert = v));
  }
  get ignoreBlanks(): boolean {
    throw new OfficeError("PropertyNotLoaded", "ignoreBlanks");
  }
  set ignoreBlanks(v: boolean) {
    this.edit("ignoreBlanks", (x) => (x.ignoreBlanks = v));
  }
}

export class FakeConditionalFormats {
  constructor(
    private readonly ctx: FakeContext,
    private readonly r: FakeRange,
  ) {}
  private sheet(what: string): SheetModel | undefined {
    const m = this.r.ws.live(what);
    if (m?.protected) {
      this.ctx.fail("AccessDenied", `${what} on protected sheet ${m.name}`);
      return undefined;
    }
    return m;
  }
  clearAll(): void {
    const m = this.sheet("conditionalFormats.clearAll");
    if (m) m.conditionalFormats = m.conditionalFormats.filter((c) => !overlaps(parseRange(c.range), this.r.box));
  }
  add(type: string): {
    textComparison: {
      format: { fill: { color: string }; font: { color: string } };
      rule: Excel.ConditionalTextComparisonRule;
    };
  } {
    const m = this.sheet("conditionalFormats.add");
    const rule: CfRule = { range: this.r.a1, type, text: null, fill: null, fontColor: null };
    if (m) m.conditionalFormats.push(rule);
    return {
      textComparison: {
        format: {
          fill: {
            set color(v: string) {
              rule.fill = v;
            },
            get color(): string {
              return rule.fill ?? "";
            },
          },
          font: {
            set color(v: string) {
              rule.fontColor = v;
            },
            get color(): string {
              return rule.fontColor ?? "";
            },
          },
        },
        set rule(v: Excel.ConditionalTextComparisonRule) {
          rule.text = v.text;
        },
        get rule(): Excel.ConditionalTextComparisonRule {
          return { operator: "Contains", text: rule.text ?? "" };
        },
      },
    };
  }
  getCount(): ClientResult<number> {
    return new ClientResult(
      this.ctx,
      () =>
        (this.r.ws.model()?.conditionalFormats ?? []).filter((c) => overlaps(parseRange(c.range), this.r.box)).length,
    );
  }
}

function overlaps(a: [number, number, number, number], b: [number, number, number, number]): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

// ---------------------------------------------------------------------------------------------------------------
// globals
// ---------------------------------------------------------------------------------------------------------------

export interface ActionCount {
  label: string;
  /** Excel.run calls started by the action itself */
  runs: number;
  /** context.sync calls of those runs */
  syncs: number;
  /** Excel.run calls started by handlers of onChanged events the add-in's own writes raised */
  echoRuns: number;
  echoSyncs: number;
}

export interface InstalledExcel {
  model: WorkbookModel;
  /** every context made by Excel.run, in order */
  contexts: FakeContext[];
  /** syncs of each Excel.run so far */
  syncs(): number[];
  /** install a jest spy on sync of each new context (set by the test) */
  onContext?: (ctx: FakeContext) => void;
  /** Run one top-level user action and count its runs, syncs and echo runs once every raised event is handled. */
  action<T>(label: string, f: () => Promise<T>): Promise<{ result: T; count: ActionCount }>;
  /** the counts of every action so far */
  actions: ActionCount[];
}

/** Make `Excel` an office-addin-mock object whose run() hands out FakeContexts over one workbook model. */
export function installExcel(model = new WorkbookModel(), profile?: ProfileName): InstalledExcel {
  if (profile) model.profile = profile;
  const echo = new Set<FakeContext>();
  const installed: InstalledExcel = {
    model,
    contexts: [],
    syncs: () => installed.contexts.map((c) => c.syncCount),
    actions: [],
    async action(label, f) {
      await model.settle();
      const from = installed.contexts.length;
      const result = await f();
      await model.settle();
      const made = installed.contexts.slice(from);
      const own = made.filter((c) => !echo.has(c));
      const echoes = made.filter((c) => echo.has(c));
      const count: ActionCount = {
        label,
        runs: own.length,
        syncs: own.reduce((n, c) => n + c.syncCount, 0),
        echoRuns: echoes.length,
        echoSyncs: echoes.reduce((n, c) => n + c.syncCount, 0),
      };
      installed.actions.push(count);
      return { result, count };
    },
  };
  const excelMock = new OfficeMockObject({
    run: async (a: unknown, b?: unknown) => {
      const batch = (typeof a === "function" ? a : b) as (ctx: FakeContext) => Promise<unknown>;
      const ctx = new FakeContext(model);
      installed.contexts.push(ctx);
      if (model.echoDepth > 0) echo.add(ctx);
      installed.onContext?.(ctx);
      return batch(ctx);
    },
  });
  (globalThis as unknown as { Excel: unknown }).Excel = excelMock;
  return installed;
}

/** Fire a worksheet change as Excel does after the user typed or pasted (handlers run and are awaited). */
export async function fireChanged(model: WorkbookModel, sheet: string, address: string): Promise<void> {
  const s = model.sheet(sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  const args = changedArgs(model, s, address, "Unknown");
  for (const h of s.handlers) await h(args);
}

/**
 * The user types (or pastes) `value` into a cell: Excel parses it as typed (the same string rules as values) and
 * refuses a locked cell of a protected sheet; then onChanged is raised with triggerSource "Unknown". The double does
 * not check data validation (a paste bypasses it in Excel too).
 */
export async function userTypes(
  model: WorkbookModel,
  sheet: string,
  address: string,
  value: string | number | boolean,
): Promise<void> {
  const s = model.sheet(sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  const [r, c] = parseA1(address);
  const cell = s.cell(r, c) as CellModel;
  if (s.protected && cell.locked) throw new Error(`Excel refuses: ${sheet}!${address} is locked on a protected sheet`);
  store(cell, value);
  await fireChanged(model, sheet, address);
  await model.settle();
}
