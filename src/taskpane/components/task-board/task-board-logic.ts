/** What the planner's task view shows of a board (pure): its rows grouped one way, and the three watch lists. */
import type { Bilingual, TaskState } from "../../../domain";
import type { TaskBoardResponse, TaskBoardRow } from "../../api/task-board";

export type TaskGrouping = "group" | "lead" | "bottleneck";
export const TASK_GROUPINGS: readonly TaskGrouping[] = ["group", "lead", "bottleneck"];

export interface TaskGroupView {
  key: string;
  label: Bilingual;
  counts: Record<string, number>;
  rows: TaskBoardRow[];
}

/** The board's rows grouped by task group, lead unit or bottleneck, in the board's group order. */
export function groupedRows(board: TaskBoardResponse, by: TaskGrouping): TaskGroupView[] {
  const byId = new Map(board.rows.map((r) => [r.task.id, r]));
  const groups = by === "group" ? board.byGroup : by === "lead" ? board.byLeadUnit : board.byBottleneck;
  return groups.map((g) => ({
    key: g.key,
    label: g.label,
    counts: g.counts,
    rows: g.taskIds.map((id) => byId.get(id)).filter((r): r is TaskBoardRow => r !== undefined),
  }));
}

export interface WatchLists {
  overdue: TaskBoardRow[];
  noUpdate: TaskBoardRow[];
  disagreements: TaskBoardRow[];
}

export function watchLists(board: TaskBoardResponse): WatchLists {
  const byId = new Map(board.rows.map((r) => [r.task.id, r]));
  const rows = (ids: string[]) => ids.map((id) => byId.get(id)).filter((r): r is TaskBoardRow => r !== undefined);
  return { overdue: rows(board.overdue), noUpdate: rows(board.noUpdate), disagreements: rows(board.disagreements) };
}

/** The order counts are shown in: what needs a planner first. */
export const COUNT_ORDER: readonly (TaskState | "no_report")[] = [
  "late",
  "blocked",
  "at_risk",
  "no_report",
  "not_started",
  "on_track",
  "done",
];
