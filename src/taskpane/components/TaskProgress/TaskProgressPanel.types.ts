import type * as React from "react";
import type { Period, TaskProgressField, UnitTask, ValidationIssue } from "../../../domain";
import type { TaskProgressSession } from "../../hooks/useTaskProgress";

export interface TaskProgressPanelProps {
  session: TaskProgressSession;
  /** an accepted (locked) report is shown, not edited */
  readOnly: boolean;
  /** the report's period: a task whose deadline ends before the period does counts as late unless done */
  period: Period;
  /** what the endpoint refused last (422 CT_TASK_PROGRESS_INVALID): shown above the tasks, each by task and field */
  refused: ValidationIssue[];
  onSelectCell: (ev: React.SyntheticEvent, data: { cell: string }) => void;
}

/** One message under a field or a task: the rules' (live) or the endpoint's (refused). */
export interface TaskMessage {
  severity: "error" | "warning" | "info";
  text: string;
}

export interface TaskView {
  unitTask: UnitTask;
  /** the task is past its deadline at the period's end */
  pastDeadline: boolean;
  /** the sheet has no row for it (a workbook made before the task was assigned) */
  onSheet: boolean;
  /** messages by field; "" for the task as a whole */
  messages: Partial<Record<TaskProgressField | "", TaskMessage[]>>;
  errors: number;
}

export interface TaskProgressPanelState {
  props: TaskProgressPanelProps;
  views: TaskView[];
  errors: number;
  /** task ids shown open */
  open: ReadonlySet<string>;
  toggle: (taskId: string) => void;
  cellOf: (taskId: string, field: TaskProgressField) => string | undefined;
}
