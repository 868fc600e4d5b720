/** The shapes of the planner's task board (board.ts builds it). */
import type { Bilingual, Bottleneck } from "../types";
import type { Task, TaskProgress, TaskState } from "./types";

/** One unit's report for one period, as far as tasks go (from a submission's `content.tasks`). */
export interface TaskReport {
  unitCode: string;
  period: string;
  /** when the endpoint received it (ISO), or the file's time */
  receivedAt: string;
  tasks: readonly TaskProgress[];
}

export interface TaskUpdate {
  unitCode: string;
  period: string;
  receivedAt: string;
}

export interface BoardRow {
  task: Task;
  leadUnitName: Bilingual | null;
  /** The state that counts: the lead unit's latest (or, without one, a co-unit's), "late" past the deadline. */
  state: TaskState | null;
  /** The state as typed in the progress used, before the deadline rule. */
  reportedState: TaskState | null;
  /** The progress the row shows (lead first), or null when nobody reported on the task. */
  progress: TaskProgress | null;
  /** Who reported the progress shown, for which period, and when. */
  lastUpdate: TaskUpdate | null;
  /** A lead or co-unit reported on the task in a period within the board's period. */
  updatedThisPeriod: boolean;
  /** Past its deadline at the period's end and not done. */
  overdue: boolean;
  /** Each owning unit's latest state on the task this period (lead first). */
  unitStates: { unitCode: string; role: "lead" | "co"; state: TaskState | null }[];
  /** Two owning units report different states this period. */
  disagreement: boolean;
}

export type BoardCountKey = TaskState | "no_report";
export type BoardCounts = Record<BoardCountKey, number>;

export interface BoardGroup {
  key: string;
  label: Bilingual;
  counts: BoardCounts;
  taskIds: string[];
}

export interface TaskBoard {
  period: string;
  rows: BoardRow[];
  counts: BoardCounts;
  byGroup: BoardGroup[];
  byLeadUnit: BoardGroup[];
  byBottleneck: BoardGroup[];
  overdue: string[];
  noUpdate: string[];
  disagreements: string[];
  /** Per target of the catalog, the tasks that serve it (targets no task serves are left out). */
  byTarget: { targetId: string; name: Bilingual; taskIds: string[] }[];
}

export type { Bottleneck };
