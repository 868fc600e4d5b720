/**
 * The unit's progress on its key tasks for the open report (the Tasks tab), kept in step with the workbook's task
 * sheet (TienDoNV) both ways, as the form and the entry sheet are:
 * - opening reads the sheet once (its tasks, what is typed, where); the tasks listed are the endpoint's register for
 *   the unit (useReport's `unitTasks`) or, offline, the sheet's rows;
 * - typing in the tab writes the changed cells shortly after (one batch for every pending field; at once when the
 *   field is left or before a submission); the port silences its own writes, so nothing comes back;
 * - typing in the sheet arrives as one read of the sheet; a field the pane has pending keeps the pane's text, and a
 *   field whose cell did not change keeps what was typed in the tab ("12,5" is not rewritten as "12.5").
 * The domain's checkUnitTasks runs on every change: the same rules as `chitieu validate` and the endpoint.
 */
import * as React from "react";
import {
  TASK_PROGRESS_FIELDS,
  checkUnitTasks,
  type Locale,
  type Period,
  type TaskProgress,
  type TaskProgressField,
  type UnitTask,
  type UnitTasksCheck,
} from "../../domain";
import type { TaskChange, WorkbookPort } from "../../workbook/port";
import type { TaskSheetRead } from "../../workbook/task-sheet-read";
import { cellRaw, draftOf, fieldText, percentProblem, progressList, registerOf, type TaskDraft } from "./task-drafts";
import { signalTour } from "../tour-signal";

export interface TaskProgressSession {
  /** the workbook's port can hold task progress and the open report's workbook has the sheet */
  available: boolean;
  /** the tasks listed (the endpoint's register, else the sheet's rows) */
  tasks: UnitTask[];
  /** where the tasks come from: "register" (the endpoint) or "sheet" (offline) */
  source: "register" | "sheet";
  drafts: Record<string, TaskDraft>;
  /** the progress rows a submission carries (tasks with something typed); undefined: no task sheet, none sent */
  progress: TaskProgress[] | undefined;
  check: UnitTasksCheck | null;
  /** tasks whose percent is not a number */
  badPercent: string[];
  /** no error: the tasks do not stop a submission */
  ok: boolean;
  /** where each input is ("TienDoNV!F6") */
  cells: TaskSheetRead["cells"];
  error: unknown;
  setField: (taskId: string, field: TaskProgressField, text: string) => void;
  commit: () => void;
  flush: () => Promise<void>;
}

export interface UseTaskProgressOptions {
  ready: boolean;
  unitCode: string | null;
  period: Period | null;
  /** useReport's unitTasks: the endpoint's list for the period (null: unknown) */
  unitTasks: UnitTask[] | null;
  locale: Locale;
  writeDelayMs?: number;
}

const key = (taskId: string, field: TaskProgressField) => `${taskId}|${field}`;

/** The sheet's texts per field, as the form would show them. */
function sheetTexts(read: TaskSheetRead, locale: Locale): Map<string, string> {
  const out = new Map<string, string>();
  const byId = new Map(read.progress.map((p) => [p.taskId, p]));
  for (const ut of read.tasks)
    for (const f of TASK_PROGRESS_FIELDS) out.set(key(ut.task.id, f), fieldText(f, byId.get(ut.task.id), locale));
  return out;
}

function useTaskWrites(workbook: WorkbookPort, delay: number, setError: (e: unknown) => void) {
  const pending = React.useRef(new Map<string, TaskChange>());
  const timer = React.useRef<ReturnType<typeof setTimeout> | null>(null);
  const writeNow = React.useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (pending.current.size === 0 || !workbook.writeTasks) return;
    const changes = [...pending.current.values()];
    pending.current.clear();
    try {
      await workbook.writeTasks(changes);
    } catch (e) {
      setError(e);
    }
  }, [workbook, setError]);
  const schedule = React.useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void writeNow(), delay);
  }, [writeNow, delay]);
  React.useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return { pending, writeNow, schedule };
}

export function useTaskProgress(workbook: WorkbookPort, options: UseTaskProgressOptions): TaskProgressSession {
  const { ready, unitCode, period, unitTasks, locale } = options;
  const [read, setRead] = React.useState<TaskSheetRead | null>(null);
  const [drafts, setDrafts] = React.useState<Record<string, TaskDraft>>({});
  const [error, setError] = React.useState<unknown>(null);
  /** the form's text of what each cell held at the last read or write */
  const sheet = React.useRef(new Map<string, string>());
  const localeRef = React.useRef(locale);
  localeRef.current = locale;
  const { pending, writeNow, schedule } = useTaskWrites(workbook, options.writeDelayMs ?? 400, setError);
  const periodId = period?.id ?? null;

  React.useEffect(() => {
    setRead(null);
    setDrafts({});
    if (!ready || !periodId || !workbook.readTasks) return;
    let live = true;
    workbook.readTasks().then(
      (r) => {
        if (!live) return;
        pending.current.clear();
        sheet.current = sheetTexts(r, localeRef.current);
        const byId = new Map(r.progress.map((p) => [p.taskId, p]));
        setDrafts(
          Object.fromEntries(r.tasks.map((ut) => [ut.task.id, draftOf(byId.get(ut.task.id), localeRef.current)])),
        );
        setRead(r);
      },
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [ready, periodId, workbook, pending]);

  // typing in the sheet: take each changed cell the pane is not about to overwrite
  React.useEffect(() => {
    if (!read?.present || !workbook.onTasksChanged) return;
    let off: (() => Promise<void>) | null = null;
    let live = true;
    workbook
      .onTasksChanged((r) => {
        const now = sheetTexts(r, localeRef.current);
        const apply: [string, TaskProgressField, string][] = [];
        for (const [k, text] of now) {
          if (pending.current.has(k) || sheet.current.get(k) === text) continue;
          sheet.current.set(k, text);
          const [taskId, field] = k.split("|") as [string, TaskProgressField];
          apply.push([taskId, field, text]);
        }
        if (apply.length === 0) return;
        setDrafts((prev) => {
          const next = { ...prev };
          for (const [taskId, field, text] of apply)
            next[taskId] = { ...(next[taskId] ?? draftOf(undefined, "vi")), [field]: text };
          return next;
        });
      })
      .then(
        (o) => {
          if (live) off = o;
          else void o();
        },
        (e: unknown) => setError(e),
      );
    return () => {
      live = false;
      if (off) void off();
    };
  }, [read, workbook, pending]);

  const setField = React.useCallback(
    (taskId: string, field: TaskProgressField, text: string) => {
      setDrafts((prev) => ({ ...prev, [taskId]: { ...(prev[taskId] ?? draftOf(undefined, "vi")), [field]: text } }));
      const raw = cellRaw(field, text);
      pending.current.set(key(taskId, field), { taskId, field, raw });
      // what the cell will hold, as the form would show it read back
      sheet.current.set(key(taskId, field), text.trim() === "" ? "" : text);
      schedule();
      // the classroom tour's "report a task" step: a task was given a state
      if (field === "state" && text.trim() !== "") signalTour("task-reported");
    },
    [pending, schedule],
  );
  const commit = React.useCallback(() => {
    if (pending.current.size > 0) void writeNow();
  }, [pending, writeNow]);

  const tasks = React.useMemo(() => unitTasks ?? read?.tasks ?? [], [unitTasks, read]);
  const available = Boolean(read?.present && workbook.writeTasks);
  const progress = React.useMemo(
    () => (available ? progressList(tasks, drafts) : undefined),
    [available, tasks, drafts],
  );
  const check = React.useMemo(
    () =>
      available && unitCode && period
        ? checkUnitTasks(registerOf(tasks, unitCode, period), unitCode, period, progress ?? [])
        : null,
    [available, tasks, unitCode, period, progress],
  );
  const badPercent = React.useMemo(
    () =>
      tasks
        .filter((ut) => drafts[ut.task.id] && percentProblem(drafts[ut.task.id] as TaskDraft))
        .map((ut) => ut.task.id),
    [tasks, drafts],
  );
  return {
    available,
    tasks,
    source: unitTasks ? "register" : "sheet",
    drafts,
    progress,
    check,
    badPercent,
    ok: (check?.ok ?? true) && badPercent.length === 0,
    cells: read?.cells ?? {},
    error,
    setField,
    commit,
    flush: writeNow,
  };
}
