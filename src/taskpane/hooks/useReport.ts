import * as React from "react";
import {
  parsePeriod,
  tasksForUnit,
  validate,
  type Catalog,
  type EntryField,
  type EntryInput,
  type Locale,
  type Period,
  type RawValue,
  type Target,
  type Task,
  type Unit,
  type UnitTask,
  type UnitRegistry,
  type ValidationResult,
} from "../../domain";
import type { ApplicabilityTable, UnitTargetTable } from "../../domain/rules";
import type { UnitModel } from "../api/types";
import { isAppError } from "../../domain/errors";
import { buildTemplateSpec, cellMap, type TemplateSpec } from "../../workbook/template";
import type { EntryChange, TemplateIdentity, WorkbookPort } from "../../workbook/port";
import type { CellProblem } from "../../workbook/locate";
import { withCellProblems } from "../../workbook/cell-problems";
import { fieldKey, orderedTargets, rereadNumbers, sameCell, toCellValue } from "./report-cells";
import { useEntriesRewritten } from "./useEntriesRewritten";
import { isBlankEntry } from "./report-content";
import { ENTRY_FIELDS } from "../../domain/entry-fields";

export { toCellValue } from "./report-cells";

export type ReportStatus = "idle" | "opening" | "ready" | "blocked" | "error";

export interface ReportNotice {
  kind: "created" | "recognised";
  period: string;
  repaired: string[];
  /** the revision whose figures were loaded from the endpoint into an empty workbook */
  loadedRevision?: number | null;
}

/** A report the endpoint already holds: its entries as sent, the locale they were typed in, its revision. */
export interface StoredReport {
  entries: EntryInput[];
  locale: Locale;
  revision: number | null;
}

export interface EntryChangeData {
  targetId: string;
  field: EntryField;
  raw: RawValue;
}

export interface ReportSession {
  status: ReportStatus;
  period: Period | null;
  spec: TemplateSpec | null;
  /** the unit's targets in the template's order (grouped as the catalog's 4 groups) */
  targets: Target[];
  entries: EntryInput[];
  result: ValidationResult | null;
  notice: ReportNotice | null;
  /** the identity of another report already in this workbook (status "blocked") */
  blockedBy: TemplateIdentity | null;
  /** a workbook (port) failure: opening, writing, marking */
  error: unknown;
  /** the unit's planner choices and assigned targets the open report follows (empty when the endpoint did not say) */
  tables: ReportTables;
  /** the unit's key tasks in the period from the endpoint's register (null: not known — offline, or an old endpoint) */
  unitTasks: UnitTask[] | null;
  open: (ev: React.SyntheticEvent | null, data: { period: string }) => Promise<void>;
  setField: (ev: React.SyntheticEvent | null, data: EntryChangeData) => void;
  /** write a field's pending value now (e.g. when its input loses focus) */
  commit: (ev: React.SyntheticEvent | null, data: { targetId: string; field: EntryField }) => void;
  /** write every pending value now (before a submission) */
  flush: () => Promise<void>;
}

export interface UseReportOptions {
  catalog: Catalog | null;
  unit: Unit | null;
  registry: UnitRegistry;
  locale: Locale;
  demo: boolean;
  /** typing pauses this long before the cell is written (default 400 ms) */
  writeDelayMs?: number;
  /** issues are marked in the sheet this long after the last change (default 300 ms) */
  markDelayMs?: number;
  /** the endpoint's latest revision of this unit's report for a period (null: none, or offline); a workbook whose
   * entry cells are all blank is filled with it when the report is opened */
  loadStored?: (period: string) => Promise<StoredReport | null>;
  /**
   * The unit's reporting model for a period (GET /me/applicability): the template, the form and the checks follow its
   * planner choices and assigned targets, as the endpoint's do. Null or a failure (offline): the catalog's defaults.
   */
  loadModel?: (period: string) => Promise<UnitModel | null>;
  /** the key tasks the unit leads or co-owns in a period (GET /tasks?unit=), for the template's task sheet; null or a
   * failure (offline): the sheet keeps what it holds */
  loadTasks?: (period: string) => Promise<Task[] | null>;
}

export interface ReportTables {
  applicability: ApplicabilityTable;
  unitTargets: UnitTargetTable;
}

const NO_TABLES: ReportTables = { applicability: { entries: [] }, unitTargets: { entries: [] } };

/** The domain's tables from the endpoint's answer (one object per answer: the domain caches per table). */
export function tablesOf(model: UnitModel | null): ReportTables {
  if (!model) return NO_TABLES;
  return {
    applicability: { entries: model.choices.map((c) => ({ ...c, note: c.note ?? null })) },
    unitTargets: { entries: model.assigned },
  };
}

type EntryMap = Record<string, EntryInput>;
type SetState<T> = React.Dispatch<React.SetStateAction<T>>;

/** What the pane typed and has not written yet, and what it last wrote (to recognise the sheet's echo). */
interface PendingWrites {
  pending: React.RefObject<Map<string, EntryChange>>;
  written: React.RefObject<Map<string, unknown>>;
  writeNow: () => Promise<void>;
  scheduleWrite: () => void;
}

function usePendingWrites(workbook: WorkbookPort, writeDelay: number, setError: SetState<unknown>): PendingWrites {
  const pending = React.useRef(new Map<string, EntryChange>());
  const written = React.useRef(new Map<string, unknown>());
  const timer = React.useRef<ReturnType<typeof setTimeout> | null>(null);

  const writeNow = React.useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (pending.current.size === 0) return;
    const changes = [...pending.current.values()];
    pending.current.clear();
    for (const c of changes) written.current.set(fieldKey(c.targetId, c.field), c.raw);
    try {
      await workbook.writeEntries(changes);
    } catch (e) {
      setError(e);
    }
  }, [workbook, setError]);

  const scheduleWrite = React.useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void writeNow(), writeDelay);
  }, [writeNow, writeDelay]);

  React.useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return { pending, written, writeNow, scheduleWrite };
}

/** Typing or pasting in the sheet updates the form (the pane's own writes coming back are recognised and skipped). */
function useSheetChanges(
  ready: boolean,
  workbook: WorkbookPort,
  writes: PendingWrites,
  setters: { entries: SetState<EntryMap>; problems: SetState<CellProblem[]>; error: SetState<unknown> },
): void {
  const { pending, written } = writes;
  const { entries: setEntryMap, problems: setProblems, error: setError } = setters;
  React.useEffect(() => {
    if (!ready) return;
    let unsubscribe: (() => Promise<void>) | null = null;
    let live = true;
    void workbook
      .onEntriesChanged((changes) => {
        setProblems(workbook.cellProblems?.() ?? []);
        const apply: EntryChange[] = [];
        for (const c of changes) {
          const k = fieldKey(c.targetId, c.field);
          if (pending.current.has(k)) continue; // the pane's newer text wins; it is written shortly
          if (written.current.has(k) && sameCell(written.current.get(k), c.raw)) {
            written.current.delete(k);
            continue; // our own write coming back
          }
          written.current.delete(k);
          apply.push(c);
        }
        if (apply.length === 0) return;
        setEntryMap((prev) => {
          const next = { ...prev };
          for (const c of apply)
            next[c.targetId] = { ...(next[c.targetId] ?? { targetId: c.targetId }), [c.field]: c.raw };
          return next;
        });
      })
      .then(
        (off) => {
          if (live) unsubscribe = off;
          else void off();
        },
        (e: unknown) => setError(e),
      );
    return () => {
      live = false;
      if (unsubscribe) void unsubscribe();
    };
  }, [ready, workbook, pending, written, setEntryMap, setProblems, setError]);
}

/** A ref that always holds the latest value (read inside callbacks without making them change). */
function useLatest<T>(value: T): React.RefObject<T> {
  const ref = React.useRef(value);
  ref.current = value;
  return ref;
}

/**
 * Writes the endpoint's latest revision into the template's empty entry cells in one write (a new or another
 * workbook opening a report that was already sent); null when there is none, or the endpoint cannot say.
 */
async function loadInto(
  workbook: WorkbookPort,
  spec: TemplateSpec,
  loadStored: UseReportOptions["loadStored"],
  period: string,
  read: EntryInput[],
  written: Map<string, unknown>,
): Promise<{ entries: EntryInput[]; revision: number | null } | null> {
  if (!loadStored || !read.every(isBlankEntry)) return null;
  const stored = await loadStored(period).catch(() => null);
  if (!stored) return null;
  const changes: EntryChange[] = [];
  const entries: EntryInput[] = [];
  for (const e of stored.entries) {
    if (!(e.targetId in spec.entry.rows)) continue;
    const entry: EntryInput = { targetId: e.targetId };
    for (const field of ENTRY_FIELDS) {
      const raw = toCellValue(field, e[field] ?? null, stored.locale);
      if (raw === null) continue;
      changes.push({ targetId: e.targetId, field, raw });
      Object.assign(entry, { [field]: raw });
    }
    entries.push(entry);
  }
  if (changes.length === 0) return null;
  await workbook.writeEntries(changes);
  // the sheet's echo of these writes is the pane's own
  for (const c of changes) written.set(fieldKey(c.targetId, c.field), c.raw);
  return { entries, revision: stored.revision };
}

/** The workbook was rewritten under the pane (the tour's reset, a loaded revision): the form takes the sheet's entries. */
function useRewrittenSheet(
  active: boolean,
  workbook: WorkbookPort,
  writes: ReturnType<typeof usePendingWrites>,
  set: {
    entries: (m: EntryMap) => void;
    problems: (p: CellProblem[]) => void;
    error: (e: unknown) => void;
  },
): void {
  const { pending, written } = writes;
  const { entries, problems } = set;
  const rewritten = React.useCallback(
    (read: EntryInput[], cellProblems: CellProblem[]) => {
      pending.current.clear();
      written.current.clear();
      entries(Object.fromEntries(read.map((e) => [e.targetId, e])));
      problems(cellProblems);
    },
    [pending, written, entries, problems],
  );
  useEntriesRewritten(active, workbook, rewritten, set.error);
}

/** Switching the language keeps every typed number's meaning: text read in the old locale becomes a number. */
function useLocaleReread(
  locale: Locale,
  localeRef: React.MutableRefObject<Locale>,
  setEntryMap: React.Dispatch<React.SetStateAction<EntryMap>>,
): void {
  React.useEffect(() => {
    const previous = localeRef.current;
    localeRef.current = locale;
    if (previous === locale) return;
    setEntryMap((prev) => rereadNumbers(prev, previous) ?? prev);
  }, [locale, localeRef, setEntryMap]);
}

/** The sheet shows the same issues as the pane (colours and notes), a moment after the last change. */
function useMarkIssues(
  result: ValidationResult | null,
  workbook: WorkbookPort,
  delayMs: number,
  setError: (e: unknown) => void,
): void {
  React.useEffect(() => {
    if (!result) return;
    const t = setTimeout(() => {
      workbook.markIssues(result.issues, result.assessments).catch((e: unknown) => setError(e));
    }, delayMs);
    return () => clearTimeout(t);
  }, [result, workbook, delayMs, setError]);
}

export function useReport(workbook: WorkbookPort, options: UseReportOptions): ReportSession {
  const { catalog, unit, registry, locale, demo } = options;
  const markDelay = options.markDelayMs ?? 300;
  const [status, setStatus] = React.useState<ReportStatus>("idle");
  const [period, setPeriod] = React.useState<Period | null>(null);
  const [spec, setSpec] = React.useState<TemplateSpec | null>(null);
  const [entryMap, setEntryMap] = React.useState<EntryMap>({});
  const [notice, setNotice] = React.useState<ReportNotice | null>(null);
  const [blockedBy, setBlockedBy] = React.useState<TemplateIdentity | null>(null);
  const [error, setError] = React.useState<unknown>(null);
  const [tables, setTables] = React.useState<ReportTables>(NO_TABLES);
  const [unitTasks, setUnitTasks] = React.useState<UnitTask[] | null>(null);
  const { loadModel, loadTasks } = options;
  // cells of the sheet holding a date, boolean, error value… instead of a figure: errors of their own (port-kept)
  const [problems, setProblems] = React.useState<CellProblem[]>([]);
  const localeRef = React.useRef(locale);
  const loadStoredRef = useLatest(options.loadStored);
  const writes = usePendingWrites(workbook, options.writeDelayMs ?? 400, setError);
  const { pending, written, writeNow, scheduleWrite } = writes;

  const targets = React.useMemo(() => (spec && catalog ? orderedTargets(spec, catalog) : []), [spec, catalog]);
  const entries = React.useMemo(() => targets.map((t) => entryMap[t.id] ?? { targetId: t.id }), [targets, entryMap]);

  const open = React.useCallback(
    async (_ev: React.SyntheticEvent | null, data: { period: string }) => {
      const p = parsePeriod(data.period);
      if (!catalog || !unit || !p) return;
      setStatus("opening");
      setError(null);
      setNotice(null);
      setBlockedBy(null);
      try {
        // no separate identity read: ensureTemplate refuses another unit's or period's report (CT_TEMPLATE_OTHER_REPORT)
        // and its opening read gives the entries, so opening costs at most 3 syncs in Excel (look, write, mark)
        const model = loadModel ? await loadModel(p.id).catch(() => null) : null;
        const nextTables = tablesOf(model && model.unitCode === unit.code ? model : null);
        const listed = loadTasks ? await loadTasks(p.id).catch(() => null) : null;
        const tasks = listed ? tasksForUnit({ tasks: listed }, unit.code, p) : null;
        const next = buildTemplateSpec({
          ...{ catalog, unit, period: p, locale: localeRef.current, demo, ...nextTables },
          ...(tasks ? { tasks } : {}),
        });
        let result: Awaited<ReturnType<WorkbookPort["ensureTemplate"]>>;
        try {
          result = await workbook.ensureTemplate(next);
        } catch (e) {
          const found = isAppError(e) && e.code === "CT_TEMPLATE_OTHER_REPORT" ? e.details.found : null;
          if (!found) throw e;
          setBlockedBy(found as TemplateIdentity);
          setStatus("blocked");
          return;
        }
        let read = await workbook.readEntries();
        pending.current.clear();
        written.current.clear();
        const loaded = await loadInto(workbook, next, loadStoredRef.current, p.id, read, written.current);
        if (loaded) read = loaded.entries;
        const map: EntryMap = {};
        for (const e of read) map[e.targetId] = e;
        setEntryMap(map);
        setProblems(workbook.cellProblems?.() ?? []);
        setTables(nextTables);
        setUnitTasks(tasks);
        setSpec(next);
        setPeriod(p);
        setNotice({
          kind: result.created === false ? "recognised" : "created",
          period: p.id,
          repaired: result.repaired,
          ...(loaded ? { loadedRevision: loaded.revision } : {}),
        });
        setStatus("ready");
      } catch (e) {
        setError(e);
        setStatus("error");
      }
    },
    [catalog, unit, demo, workbook, pending, written, loadModel, loadTasks, loadStoredRef],
  );

  useSheetChanges(status === "ready", workbook, writes, {
    entries: setEntryMap,
    problems: setProblems,
    error: setError,
  });
  useRewrittenSheet(status === "ready", workbook, writes, {
    entries: setEntryMap,
    problems: setProblems,
    error: setError,
  });
  useLocaleReread(locale, localeRef, setEntryMap);

  const setField = React.useCallback(
    (_ev: React.SyntheticEvent | null, data: EntryChangeData) => {
      const { targetId, field, raw } = data;
      setEntryMap((prev) => ({ ...prev, [targetId]: { ...(prev[targetId] ?? { targetId }), [field]: raw } }));
      // what the person types replaces the date or error value the cell held
      setProblems((prev) =>
        prev.some((p) => p.targetId === targetId && p.field === field)
          ? prev.filter((p) => !(p.targetId === targetId && p.field === field))
          : prev,
      );
      pending.current.set(fieldKey(targetId, field), {
        targetId,
        field,
        raw: toCellValue(field, raw, localeRef.current),
      });
      scheduleWrite();
    },
    [scheduleWrite, pending],
  );

  const commit = React.useCallback(
    (_ev: React.SyntheticEvent | null, data: { targetId: string; field: EntryField }) => {
      if (pending.current.has(fieldKey(data.targetId, data.field))) void writeNow();
    },
    [writeNow, pending],
  );

  const result = React.useMemo(() => {
    if (!spec || !catalog || !unit || !period) return null;
    const rules = validate(
      { unitCode: unit.code, period: period.id, catalogVersion: catalog.version, locale, entries },
      { catalog, units: registry, cellOf: cellMap(spec), ...tables },
    );
    return withCellProblems(rules, problems, { unitCode: unit.code, period: period.id });
  }, [spec, catalog, unit, period, locale, entries, registry, problems, tables]);

  useMarkIssues(status === "ready" ? result : null, workbook, markDelay, setError);

  return {
    status,
    period,
    spec,
    targets,
    entries,
    result,
    notice,
    blockedBy,
    error,
    tables,
    unitTasks,
    open,
    setField,
    commit,
    flush: writeNow,
  };
}
