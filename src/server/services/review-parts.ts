/**
 * What a planner reviews beside the figures (issue 18): the unit's key-task progress — the register's tasks of the
 * unit in the period, each beside what the revision reports, the state that counts (late past the deadline) — and,
 * for the review diff, the narrative parts and the task rows that changed between two stored reports.
 */
import type { FastifyInstance } from "fastify";
import {
  NARRATIVE_PARTS,
  TASK_PROGRESS_FIELDS,
  TASK_STATES,
  effectiveTaskState,
  parseTaskState,
  taskVersionAt,
  tasksForUnit,
  type Task,
  type TaskRole,
  type TaskState,
} from "../../domain";
import type { Period } from "../../domain/types";
import { canonicalNarrative } from "../../domain/report/narrative";
import { canonicalTaskProgress } from "../../domain/report/task-progress";
import type { NarrativeChange, ReportTaskProgress, TaskProgressChange, TaskProgressSide } from "../../api";
import { loadTaskRegister } from "../db/tasks";
import type { ReportContent } from "./content";

/** A state as stored: a code (what the request schema lets through), or a label read back; anything else none. */
function stateOf(v: unknown): TaskState | null {
  if (typeof v !== "string") return null;
  return (TASK_STATES as readonly string[]).includes(v) ? (v as TaskState) : parseTaskState(v);
}

/** The task rows a revision carries, canonical (null: the revision sent no task sheet). */
function sentTasks(report: ReportContent): TaskProgressSide[] | null {
  if (!report.tasks) return null;
  return report.tasks.map((t) => {
    const p = canonicalTaskProgress(t);
    return { ...p, state: stateOf(p.state) };
  });
}

function view(
  taskId: string,
  task: Task | null,
  role: TaskRole | null,
  p: TaskProgressSide | undefined,
  period: Period,
): ReportTaskProgress {
  const reportedState = p?.state ?? null;
  const state = task ? effectiveTaskState(task, reportedState, period) : reportedState;
  return {
    taskId,
    name: task?.name ?? null,
    role,
    deadline: task?.deadline ?? null,
    product: task?.product ?? null,
    reported: p !== undefined,
    reportedState,
    state,
    late: state === "late",
    percent: p?.percent ?? null,
    milestone: p?.milestone ?? null,
    productDelivered: p?.productDelivered ?? null,
    evidence: p?.evidence ?? null,
    evidenceRef: p?.evidenceRef ?? null,
    obstacles: p?.obstacles ?? null,
    proposals: p?.proposals ?? null,
    completedOn: p?.completedOn ?? null,
    justification: p?.justification ?? null,
  };
}

/**
 * The unit's key tasks in the period (those it leads, then those it co-owns, in the register's order) with the
 * progress the revision reports on each, then any task the revision reports that the register no longer gives the
 * unit; null when the unit has no key task in the period and the revision reports none.
 */
export async function reportTasks(
  app: FastifyInstance,
  unitCode: string,
  period: Period,
  report: ReportContent,
): Promise<ReportTaskProgress[] | null> {
  const sent = sentTasks(report) ?? [];
  const register = await loadTaskRegister(app.store.db);
  const mine = tasksForUnit(register, unitCode, period);
  if (mine.length === 0 && sent.length === 0) return null;
  const byId = new Map(sent.map((p) => [p.taskId, p]));
  const rows = mine.map((ut) => view(ut.task.id, ut.task, ut.role, byId.get(ut.task.id), period));
  const own = new Set(mine.map((ut) => ut.task.id));
  for (const p of sent)
    if (!own.has(p.taskId))
      rows.push(view(p.taskId, taskVersionAt(register, p.taskId, period) ?? null, null, p, period));
  return rows;
}

/** The narrative parts that differ between two reports, in their order (blank and absent are the same: null). */
export function narrativeChanges(from: ReportContent, to: ReportContent): NarrativeChange[] {
  const a = canonicalNarrative(from.narrative);
  const b = canonicalNarrative(to.narrative);
  return NARRATIVE_PARTS.filter((p) => (a?.[p] ?? null) !== (b?.[p] ?? null)).map((part) => ({
    part,
    from: a?.[part] ?? null,
    to: b?.[part] ?? null,
  }));
}

/** The task rows whose progress differs (the newer report's order, then the rows only the older one has). */
export function taskChanges(from: ReportContent, to: ReportContent): TaskProgressChange[] {
  const before = new Map((sentTasks(from) ?? []).map((p) => [p.taskId, p]));
  const after = new Map((sentTasks(to) ?? []).map((p) => [p.taskId, p]));
  const ids = [...after.keys(), ...[...before.keys()].filter((id) => !after.has(id))];
  const out: TaskProgressChange[] = [];
  for (const taskId of ids) {
    const a = before.get(taskId) ?? null;
    const b = after.get(taskId) ?? null;
    const fields = TASK_PROGRESS_FIELDS.filter((f) => (a?.[f] ?? null) !== (b?.[f] ?? null));
    // a row only one side has is a change even when every field of it is blank
    if (fields.length > 0 || (a === null) !== (b === null)) out.push({ taskId, fields, from: a, to: b });
  }
  return out;
}
