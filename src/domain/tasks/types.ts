/**
 * The key-task register (issue #19): the city's key tasks, schemes, projects and works — who leads them, what they
 * deliver and by when — and the progress a unit reports on them each period. Pure types, shared by the register
 * file, the store, the clerk's progress sheet and form, and the planner's task board.
 */
import type { Bilingual, Bottleneck } from "../types";

/** `project` investment project; `work` one structure (lake, stadium); `scheme` plan or đề án; `task` the rest. */
export type TaskKind = "project" | "work" | "scheme" | "task";
export const TASK_KINDS: readonly TaskKind[] = ["project", "work", "scheme", "task"];

/**
 * Where a task comes from: `official` — an official list a planner imported; `stated` — a public source names the
 * task itself; `inferred` — derived from a source's wording about a broader goal. Only `official` rows are the
 * official list; the starter list is never presented as one. `demo`: a trainer's task of the demo units.
 */
export type TaskSourceStatus = "official" | "stated" | "inferred" | "demo";
export const TASK_SOURCE_STATUSES: readonly TaskSourceStatus[] = ["official", "stated", "inferred", "demo"];

/** A dated step of a task: what is reached, and by when (a deadline at year, month or day precision). */
export interface TaskMilestone {
  label: string;
  /** "2026", "2026-06" or "2026-06-30" */
  due: string;
}

export interface Task {
  /** "KT001" in the starter list; an official list keeps its own numbering. */
  id: string;
  /** The list the task belongs to (several lists are held side by side): "sources-2026" for the starter list. */
  list: string;
  /** The task group as the list names it (Vietnamese); groups are data, not a fixed enum. */
  group: string;
  name: Bilingual;
  kind: TaskKind;
  /** The unit that leads the task (registry code); null while no unit is assigned. */
  leadUnitCode: string | null;
  /** Co-owning (coordinating) units, by code; they report on the task too. */
  coUnitCodes: string[];
  /** The source's wording of who leads (an investor, a consortium), kept for people; never used for matching. */
  leadText: string | null;
  /** The person answerable for the task (name, title, contact). */
  focalPerson: string | null;
  /** The deliverable (sản phẩm). */
  product: string | null;
  /** "2026", "2026-06" or "2026-06-30": the precision the list gives; null = no deadline set. */
  deadline: string | null;
  milestones: TaskMilestone[];
  /** Target ids of the catalog the task serves. */
  linkedTargets: string[];
  bottleneck: Bottleneck | null;
  /** Short address or title of the source. */
  source: string;
  status: TaskSourceStatus;
  /** The first period (id) this version of the task holds for; earlier periods keep the version before it. */
  effectiveFrom: string;
  /** The first period the task is no longer followed (done and closed, dropped, replaced); null: followed. */
  retiredFrom: string | null;
}

/**
 * The register: every version of every task. A task edited from 2026-Q3 has two versions (effectiveFrom 2026-01
 * and 2026-Q3); a period sees the latest version that starts on or before it (register.ts). Treated as immutable:
 * look-ups are cached per register object.
 */
export interface TaskRegister {
  tasks: readonly Task[];
}

export type TaskState = "not_started" | "on_track" | "at_risk" | "late" | "done" | "blocked";
export const TASK_STATES: readonly TaskState[] = ["not_started", "on_track", "at_risk", "late", "done", "blocked"];

/**
 * One unit's progress on one task for one period, as it travels in a submission (`content.tasks`, keyed by taskId).
 * Blank fields are null, never 0 or "".
 */
export interface TaskProgress {
  taskId: string;
  state: TaskState | null;
  /** 0–100 */
  percent: number | null;
  /** The milestone reached (a label of the task's milestones, or free text). */
  milestone: string | null;
  /** The product delivered so far (or at completion). */
  productDelivered: string | null;
  /** Evidence: what shows it (text). */
  evidence: string | null;
  /** A link or a document number (số văn bản) backing the evidence. */
  evidenceRef: string | null;
  obstacles: string | null;
  /** Kiến nghị, đề xuất. */
  proposals: string | null;
  /** ISO date (yyyy-mm-dd) the task was completed; required when done. */
  completedOn: string | null;
  /** Why a task past its deadline is not done (required then). */
  justification: string | null;
}

/** The fields of a TaskProgress a person fills (the path of an issue names one). */
export type TaskProgressField = Exclude<keyof TaskProgress, "taskId">;
export const TASK_PROGRESS_FIELDS: readonly TaskProgressField[] = [
  "state",
  "percent",
  "milestone",
  "productDelivered",
  "evidence",
  "evidenceRef",
  "obstacles",
  "proposals",
  "completedOn",
  "justification",
];

export type TaskIssueCode =
  | "unknown_task"
  | "task_not_for_unit"
  | "duplicate_task"
  | "progress_missing"
  | "state_required"
  | "unknown_state"
  | "percent_out_of_range"
  | "done_without_product"
  | "done_without_date"
  | "bad_completion_date"
  | "completion_after_period"
  | "past_deadline_not_done"
  | "late_without_justification"
  | "text_too_long";

/** A problem in a unit's task progress. `path` is ["tasks", taskId, field]. */
export interface TaskIssue {
  code: TaskIssueCode;
  taskId: string;
  field: TaskProgressField | null;
  severity: "error" | "warning" | "info";
  path: (string | number)[];
  params: Record<string, string | number | null>;
  message: Bilingual;
}

/** How a unit stands toward a task in a period. */
export type TaskRole = "lead" | "co";

export interface UnitTask {
  task: Task;
  role: TaskRole;
}
