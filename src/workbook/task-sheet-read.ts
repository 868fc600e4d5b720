/**
 * The task-progress sheet (TienDoNV) as the pane's Tasks tab sees it, for both ports (a CellSource): what is typed
 * (task-read.ts, the same reader as the endpoint's and the CLI's), where each input is, and the tasks themselves —
 * id, name, role, deadline and expected product — read from each row's information columns, so the tab can list the
 * unit's tasks and check them offline from what the sheet holds. The spec helpers keep the preview workbook's task
 * inputs in its spec's own cells, as its narrative is (the .xlsx download writes them as they are).
 */
import {
  TASK_STATE_LABELS,
  parseDeadline,
  type Task,
  type TaskProgress,
  type TaskProgressField,
  type UnitTask,
} from "../domain";
import type { CellSource } from "./locate";
import { readTaskProgress } from "./task-read";
import { TASK_COLUMNS_AT, TASK_SHEET, parseTaskName, taskName, type TemplateSpec } from "./template";

/** One input of the task-progress sheet (TienDoNV) typed in the pane or the sheet; blank is null. */
export interface TaskChange {
  taskId: string;
  field: TaskProgressField;
  raw: string | number | null;
}

export interface TaskSheetRead {
  /** false when the workbook has no task sheet (a template made before it) */
  present: boolean;
  /** the tasks the sheet lists, in row order, as the rows say them */
  tasks: UnitTask[];
  /** the rows with something typed */
  progress: TaskProgress[];
  /** where each input is in this workbook ("TienDoNV!F6") */
  cells: Record<string, Partial<Record<TaskProgressField, string>>>;
}

const text = (v: unknown): string | null => {
  if (typeof v === "number") return String(v);
  return typeof v === "string" && v.trim() !== "" ? v.trim() : null;
};

/** A task as its sheet row states it: enough for the tab and the rules (deadline, product, role). */
function rowTask(src: CellSource, sheet: string, row: number, taskId: string, period: string): UnitTask {
  const at = (k: keyof typeof TASK_COLUMNS_AT) => text(src.value(sheet, `${TASK_COLUMNS_AT[k]}${row}`));
  const [vi, en] = (at("name") ?? taskId).split("\n");
  const deadline = at("deadline");
  const product = at("product");
  const role = /^Phối hợp|Co-owner/i.test(at("role") ?? "") ? "co" : "lead";
  const task: Task = {
    id: taskId,
    list: "sheet",
    group: "",
    name: { vi: vi ?? taskId, en: en ?? vi ?? taskId },
    kind: "task",
    leadUnitCode: null,
    coUnitCodes: [],
    leadText: null,
    focalPerson: null,
    product: product === "—" ? null : product,
    deadline: deadline ? (parseDeadline(deadline)?.text ?? null) : null,
    milestones: [],
    linkedTargets: [],
    bottleneck: null,
    source: "",
    status: "official",
    effectiveFrom: period,
    retiredFrom: null,
  };
  return { task, role };
}

/** The task sheet of a workbook: its tasks, what is typed and where (period: the report's, for the tasks' versions). */
export function readTaskSheet(src: CellSource, period: string): TaskSheetRead {
  const rows = new Map<string, { sheet: string; row: number }>();
  const cells: TaskSheetRead["cells"] = {};
  for (const [name, ref] of src.names) {
    const parsed = parseTaskName(name);
    if (!parsed || !ref || !src.hasSheet(ref.sheet)) continue;
    (cells[parsed.taskId] ??= {})[parsed.field] = `${ref.sheet}!${ref.column}${ref.row}`;
    if (parsed.field === "state") rows.set(parsed.taskId, { sheet: ref.sheet, row: ref.row });
  }
  const tasks = [...rows.entries()]
    .sort((a, b) => a[1].row - b[1].row)
    .map(([id, r]) => rowTask(src, r.sheet, r.row, id, period));
  return { present: src.hasSheet(TASK_SHEET), tasks, progress: readTaskProgress(src).progress, cells };
}

/** A CellSource over a spec's own cells and names (the preview workbook keeps its task inputs there). */
function specSource(spec: TemplateSpec): CellSource {
  const sheets = new Map(spec.sheets.map((s) => [s.name, new Map(s.cells.map((c) => [c.address, c.value]))]));
  const names = new Map(
    spec.names
      .filter((n) => parseTaskName(n.name))
      .map((n) => {
        const m = /^([A-Z]+)(\d+)$/.exec(n.address) as RegExpExecArray;
        return [n.name, { sheet: n.sheet, column: m[1] as string, row: Number(m[2]) }] as const;
      }),
  );
  return {
    value: (sheet, address) => {
      const v = sheets.get(sheet)?.get(address);
      return v === undefined || v === null || typeof v === "object" ? null : (v as string | number | boolean);
    },
    isPercent: () => false,
    hasSheet: (name) => sheets.has(name),
    names,
    idRows: new Map(),
  };
}

export function taskSheetOfSpec(spec: TemplateSpec): TaskSheetRead {
  return readTaskSheet(specSource(spec), spec.identity.period);
}

/** The value a task input cell takes: a state as its Vietnamese label (the sheet's list), anything else as given. */
export function taskCellValue(change: TaskChange): string | number | null {
  if (change.field !== "state" || typeof change.raw !== "string") return change.raw;
  const code = change.raw as keyof typeof TASK_STATE_LABELS;
  return TASK_STATE_LABELS[code]?.vi ?? change.raw;
}

/** The spec with task inputs written into its TienDoNV cells (tasks without cells are skipped). */
export function specWithTaskChanges(spec: TemplateSpec, changes: readonly TaskChange[]): TemplateSpec {
  const at = new Map(spec.names.map((n) => [n.name, n]));
  const bySheet = new Map<string, Map<string, string | number | null>>();
  for (const c of changes) {
    const n = at.get(taskName(c.taskId, c.field));
    if (!n) continue;
    const m = bySheet.get(n.sheet) ?? new Map<string, string | number | null>();
    m.set(n.address, taskCellValue(c));
    bySheet.set(n.sheet, m);
  }
  if (bySheet.size === 0) return spec;
  return {
    ...spec,
    sheets: spec.sheets.map((s) => {
      const m = bySheet.get(s.name);
      return m
        ? { ...s, cells: s.cells.map((c) => (m.has(c.address) ? { ...c, value: m.get(c.address) ?? null } : c)) }
        : s;
    }),
  };
}

/** The spec whose task sheet (rows, names, inputs) is the one `kept` had: the same report keeps its task sheet. */
export function specWithTaskSheetOf(spec: TemplateSpec, kept: TemplateSpec): TemplateSpec {
  const old = kept.sheets.find((s) => s.name === TASK_SHEET);
  if (!old) return spec;
  return {
    ...spec,
    sheets: spec.sheets.map((s) => (s.name === TASK_SHEET ? old : s)),
    names: [...spec.names.filter((n) => !parseTaskName(n.name)), ...kept.names.filter((n) => parseTaskName(n.name))],
  };
}
