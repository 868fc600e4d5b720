/**
 * The in-browser workbook: a WorkbookPort for the preview outside Excel (and for the browser tests). It holds the
 * template spec, the values of its input cells, the issue marks, the document settings and the offline queue — the
 * same things the Office port keeps in the real workbook — and stores them in localStorage, so a reload keeps the
 * data. The entry-sheet grid (PreviewSheet) reads it through subscribe/getSnapshot and edits cells through editCell,
 * which is what fires onEntriesChanged (like typing in Excel).
 */
import {
  parseNumber,
  type EntryField,
  type EntryInput,
  type RawValue,
  type Severity,
  type TargetAssessment,
  type TargetProgress,
  type ValidationIssue,
} from "../../domain";
import { workbookErrors } from "../errors";
import { SHEET_NAMES, parseEntryName, unitCellAddress, type TemplateSpec } from "../template";
import { narrativeOfSpec, specWithNarrative, type NarrativeRead } from "../narrative-read";
import { specWithTaskChanges, specWithTaskSheetOf, taskSheetOfSpec } from "../task-sheet-read";
import type {
  EntryChange,
  QueuedSubmission,
  TemplateIdentity,
  TemplateStatus,
  UnitSheetContact,
  WorkbookPort,
} from "../port";

export const PREVIEW_STORAGE_KEY = "chitieu.preview.workbook";

export type CellValue = string | number | boolean | null;

export interface CellMark {
  severity: Severity;
  /** Vietnamese first, then English, as the Office port writes its notes */
  messages: string[];
}

export interface PreviewDocument {
  format: 1;
  spec: TemplateSpec | null;
  /** input values by `${targetId}|${field}` — independent of the row layout, so a repaired template keeps them */
  values: Record<string, CellValue>;
  /** issue marks by sheet address ("Nhap!G12") */
  marks: Record<string, CellMark>;
  /** the check column's text per target (✖ error, ⚠ warning, ✓ justified, ℹ note), as the Office port writes it */
  notes: Record<string, string[]>;
  /** the status column per target */
  status: Record<string, TargetProgress>;
  settings: Record<string, unknown>;
  queue: QueuedSubmission[];
}

export interface PreviewSnapshot {
  spec: TemplateSpec | null;
  values: Readonly<Record<string, CellValue>>;
  marks: Readonly<Record<string, CellMark>>;
  notes: Readonly<Record<string, string[]>>;
  status: Readonly<Record<string, TargetProgress>>;
  /** the address selectCell asked for, and a counter so selecting the same cell again is noticed */
  selected: { address: string; seq: number } | null;
}

export interface PreviewWorkbook extends WorkbookPort {
  subscribe(listener: () => void): () => void;
  getSnapshot(): PreviewSnapshot;
  /** a person typed into a cell of the grid (address like "Nhap!G12"); fires onEntriesChanged */
  editCell(address: string, text: string): void;
  /** the value shown in an input cell */
  valueAt(targetId: string, field: EntryField): CellValue;
  /** empties the workbook (a new, blank workbook), keeping nothing */
  reset(): void;
  /** replaces the report with the figures of `spec` (an uploaded workbook), keeping settings and the offline queue */
  replaceReport(spec: TemplateSpec): Promise<TemplateStatus>;
}

const valueKey = (targetId: string, field: EntryField) => `${targetId}|${field}`;
const NUMERIC: ReadonlySet<EntryField> = new Set(["value", "numerator", "denominator"]);

function emptyDocument(): PreviewDocument {
  return { format: 1, spec: null, values: {}, marks: {}, notes: {}, status: {}, settings: {}, queue: [] };
}

function load(storage: Storage | null, key: string): PreviewDocument {
  if (!storage) return emptyDocument();
  try {
    const text = storage.getItem(key);
    if (!text) return emptyDocument();
    const doc = JSON.parse(text) as PreviewDocument;
    if (!doc || doc.format !== 1) return emptyDocument();
    return { ...emptyDocument(), ...doc };
  } catch {
    return emptyDocument();
  }
}

/** Index of the input cells of a spec: address → target and field. */
function inputIndex(spec: TemplateSpec): Map<string, { targetId: string; field: EntryField }> {
  const map = new Map<string, { targetId: string; field: EntryField }>();
  for (const n of spec.names) {
    const parsed = parseEntryName(n.name);
    if (parsed) map.set(`${n.sheet}!${n.address}`, parsed);
  }
  return map;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/**
 * The document once `spec` is its template: another version keeps every value whose target and field still exist;
 * a new report takes the figures the spec carries (carry-over, demo sample data). Another unit's or period's report
 * is never turned into this one (CT_TEMPLATE_OTHER_REPORT), as in Excel.
 */
function documentFor(doc: PreviewDocument, next: TemplateSpec): { doc: PreviewDocument; repaired: string[] } {
  const before = doc.spec?.identity ?? null;
  // the same report keeps the narrative typed into it (a new spec's ThuyetMinh cells are blank)
  const kept = doc.spec && before?.unitCode === next.identity.unitCode && before.period === next.identity.period;
  // …and its task sheet, as Excel keeps a sheet that is there (rows, names and what was typed)
  const spec =
    kept && doc.spec
      ? specWithTaskSheetOf(specWithNarrative(next, narrativeOfSpec(doc.spec).narrative ?? {}), doc.spec)
      : next;
  const repaired: string[] = [];
  const same = before && before.unitCode === spec.identity.unitCode && before.period === spec.identity.period;
  if (before && !same) throw workbookErrors.otherReport(before, spec.identity);
  if (!same) {
    // the spec may carry figures (carry-over, demo sample data)
    const values: Record<string, CellValue> = {};
    const index = inputIndex(spec);
    const entrySheet = spec.sheets.find((s) => s.role === "entry");
    for (const c of entrySheet?.cells ?? []) {
      const at = index.get(`${entrySheet?.name}!${c.address}`);
      if (at && c.value !== null && c.value !== undefined) values[valueKey(at.targetId, at.field)] = c.value;
    }
    return { doc: { ...doc, values, marks: {}, notes: {}, status: {}, spec }, repaired };
  }
  if (
    before.catalogVersion !== spec.identity.catalogVersion ||
    before.templateVersion !== spec.identity.templateVersion
  ) {
    repaired.push(
      `template ${before.templateVersion}/${before.catalogVersion} → ${spec.identity.templateVersion}/${spec.identity.catalogVersion}`,
    );
    // values of targets and fields that no longer exist are dropped; every other value is kept
    const kept: Record<string, CellValue> = {};
    for (const [k, v] of Object.entries(doc.values)) {
      const [targetId, field] = k.split("|") as [string, EntryField];
      if (spec.entry.fields[targetId]?.includes(field)) kept[k] = v;
    }
    return { doc: { ...doc, values: kept, spec }, repaired };
  }
  return { doc: { ...doc, spec }, repaired };
}

/** Every entry of the document's entry sheet, in row order. */
function entriesOf(doc: PreviewDocument): EntryInput[] {
  const spec = doc.spec;
  if (!spec) return [];
  return Object.entries(spec.entry.rows)
    .sort((a, b) => a[1] - b[1])
    .map(([targetId]) => {
      const entry: EntryInput = { targetId };
      for (const f of spec.entry.fields[targetId] ?? []) {
        const v = doc.values[valueKey(targetId, f)];
        (entry as unknown as Record<string, RawValue>)[f] = v === undefined ? null : (v as RawValue);
      }
      return entry;
    });
}

/** The cell marks (worst severity, every message), the check notes and the statuses of a validation. */
function marksFor(
  issues: ValidationIssue[],
  assessments: TargetAssessment[],
): Pick<PreviewDocument, "marks" | "notes" | "status"> {
  const marks: Record<string, CellMark> = {};
  const notes: Record<string, string[]> = {};
  for (const i of issues) {
    if (i.cell) {
      const m = marks[i.cell] ?? { severity: i.severity, messages: [] };
      if (SEVERITY_RANK[i.severity] > SEVERITY_RANK[m.severity]) m.severity = i.severity;
      m.messages.push(`${i.message.vi} / ${i.message.en}`);
      marks[i.cell] = m;
    }
    if (i.targetId) {
      const sign = i.severity === "error" ? "✖" : i.severity === "warning" ? (i.justified ? "✓" : "⚠") : "ℹ";
      (notes[i.targetId] ??= []).push(`${sign} ${i.message.vi}`);
    }
  }
  const status: Record<string, TargetProgress> = {};
  for (const a of assessments) status[a.targetId] = a.progress;
  return { marks, notes, status };
}

/** The unit sheet's contact: the preview shows only the entry sheet, so it holds what the template was written with. */
function contactOf(doc: PreviewDocument): UnitSheetContact {
  const unitSheet = doc.spec?.sheets.find((s) => s.name === SHEET_NAMES.unit);
  const at = (f: "preparer" | "approver" | "phone"): string | null => {
    const v = unitSheet?.cells.find((c) => c.address === unitCellAddress(f))?.value;
    return typeof v === "string" && v.trim() !== "" ? v : null;
  };
  return { preparer: at("preparer"), approver: at("approver"), phone: at("phone") };
}

function snapshotOf(doc: PreviewDocument, selected: PreviewSnapshot["selected"]): PreviewSnapshot {
  return { spec: doc.spec, values: doc.values, marks: doc.marks, notes: doc.notes, status: doc.status, selected };
}

/** The narrative and the task inputs live in the spec's own cells, so the .xlsx download writes them as they are. */
function narrativeMethods(
  spec: () => TemplateSpec | null,
  replace: (spec: TemplateSpec) => void,
): Required<Pick<WorkbookPort, "readNarrative" | "writeNarrative" | "readTasks" | "writeTasks" | "onTasksChanged">> {
  return {
    async readTasks() {
      const s = spec();
      return s ? taskSheetOfSpec(s) : { present: false, tasks: [], progress: [], cells: {} };
    },
    async writeTasks(changes) {
      const s = spec();
      if (s) replace(specWithTaskChanges(s, changes));
    },
    // the preview shows the entry sheet only: nobody types into its task sheet but the pane
    async onTasksChanged() {
      return async () => undefined;
    },
    async readNarrative() {
      const s = spec();
      return s ? narrativeOfSpec(s) : { narrative: null, cells: {} as NarrativeRead["cells"], problems: [] };
    },
    async writeNarrative(parts) {
      const s = spec();
      if (s) replace(specWithNarrative(s, parts));
    },
  };
}

export function createPreviewWorkbook(
  storage: Storage | null = globalThis.localStorage ?? null,
  key = PREVIEW_STORAGE_KEY,
): PreviewWorkbook {
  let doc = load(storage, key);
  let inputs = doc.spec ? inputIndex(doc.spec) : new Map<string, { targetId: string; field: EntryField }>();
  let selected: PreviewSnapshot["selected"] = null;
  const snap = (): PreviewSnapshot => snapshotOf(doc, selected);
  let snapshot: PreviewSnapshot = snap();
  const listeners = new Set<() => void>();
  const handlers = new Set<(changes: EntryChange[]) => void>();

  /** store the document (the argument: the new document just assigned, for one-line updates) */
  function save(_assigned?: PreviewDocument): void {
    if (storage) {
      try {
        storage.setItem(key, JSON.stringify(doc));
      } catch (e) {
        throw new Error(
          `The preview workbook cannot be saved in this browser (${e instanceof Error ? e.message : String(e)}).`,
        );
      }
    }
    snapshot = snap();
    for (const l of [...listeners]) l();
  }

  const port: PreviewWorkbook = {
    async ensureTemplate(spec: TemplateSpec): Promise<TemplateStatus> {
      const before = doc.spec?.identity ?? null;
      const next = documentFor(doc, spec);
      doc = next.doc;
      inputs = inputIndex(spec);
      save();
      return { identity: spec.identity, repaired: next.repaired, created: !before };
    },

    async readIdentity(): Promise<TemplateIdentity | null> {
      return doc.spec?.identity ?? null;
    },

    async readEntries(): Promise<EntryInput[]> {
      return entriesOf(doc);
    },

    async readContact(): Promise<UnitSheetContact> {
      return contactOf(doc);
    },

    ...narrativeMethods(
      () => doc.spec,
      (spec) => save((doc = { ...doc, spec })),
    ),

    async writeEntries(changes: EntryChange[]): Promise<void> {
      const values = { ...doc.values };
      for (const c of changes) {
        if (!doc.spec?.entry.fields[c.targetId]?.includes(c.field)) continue;
        values[valueKey(c.targetId, c.field)] = c.raw === undefined ? null : c.raw;
      }
      doc = { ...doc, values };
      save();
    },

    async markIssues(issues: ValidationIssue[], assessments: TargetAssessment[] = []): Promise<void> {
      doc = { ...doc, ...marksFor(issues, assessments) };
      save();
    },

    async selectCell(address: string): Promise<void> {
      selected = { address, seq: (selected?.seq ?? 0) + 1 };
      snapshot = snap();
      for (const l of [...listeners]) l();
    },

    async onEntriesChanged(handler: (changes: EntryChange[]) => void): Promise<() => Promise<void>> {
      handlers.add(handler);
      return async () => {
        handlers.delete(handler);
      };
    },

    async loadQueue(): Promise<QueuedSubmission[]> {
      return doc.queue.map((q) => ({ ...q }));
    },

    async saveQueue(queue: QueuedSubmission[]): Promise<void> {
      doc = { ...doc, queue: queue.map((q) => ({ ...q })) };
      save();
    },

    async loadSetting<T>(name: string): Promise<T | null> {
      return name in doc.settings ? (doc.settings[name] as T) : null;
    },

    async saveSetting<T>(name: string, value: T): Promise<void> {
      doc = { ...doc, settings: { ...doc.settings, [name]: value } };
      save();
    },

    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    getSnapshot(): PreviewSnapshot {
      return snapshot;
    },

    editCell(address: string, text: string): void {
      const at = inputs.get(address);
      if (!at || !doc.spec) return;
      // like Excel: a number typed in the sheet's number style becomes a number; anything else stays text
      let value: CellValue = text === "" ? null : text;
      if (NUMERIC.has(at.field) && text.trim() !== "") {
        const parsed = parseNumber(text, doc.spec.locale);
        if (parsed.kind === "number" && !parsed.ambiguous && !parsed.percentSign) value = parsed.value;
      }
      const k = valueKey(at.targetId, at.field);
      if (doc.values[k] === value || (doc.values[k] === undefined && value === null)) return;
      doc = { ...doc, values: { ...doc.values, [k]: value } };
      save();
      const change: EntryChange = { targetId: at.targetId, field: at.field, raw: value };
      for (const h of [...handlers]) h([change]);
    },

    valueAt(targetId: string, field: EntryField): CellValue {
      return doc.values[valueKey(targetId, field)] ?? null;
    },

    reset(): void {
      doc = emptyDocument();
      inputs = new Map();
      selected = null;
      save();
    },

    async replaceReport(spec: TemplateSpec): Promise<TemplateStatus> {
      doc = { ...doc, spec: null, values: {}, marks: {}, notes: {}, status: {} };
      selected = null;
      return port.ensureTemplate(spec);
    },
  };
  return port;
}

/** The spec with the workbook's current values in its input cells: what the .xlsx download writes. */
export function specWithValues(spec: TemplateSpec, values: Readonly<Record<string, CellValue>>): TemplateSpec {
  const index = inputIndex(spec);
  return {
    ...spec,
    sheets: spec.sheets.map((sheet) => ({
      ...sheet,
      cells: sheet.cells.map((c) => {
        const at = index.get(`${sheet.name}!${c.address}`);
        if (!at) return c;
        const v = values[valueKey(at.targetId, at.field)];
        return { ...c, value: v === undefined ? null : v };
      }),
    })),
  };
}
