import * as React from "react";
import { TASK_PROGRESS_FIELDS, isPastDeadline, type TaskProgressField, type ValidationIssue } from "../../../domain";
import type { TaskProgressSession } from "../../hooks/useTaskProgress";
import type { I18n } from "../../i18n/types";
import type { TaskMessage, TaskProgressPanelProps, TaskProgressPanelState, TaskView } from "./TaskProgressPanel.types";
import "../../i18n/sections/tasks";

const FIELDS: ReadonlySet<string> = new Set(TASK_PROGRESS_FIELDS);

/** The task and field a refused issue of the endpoint names (params.taskId, the field at the end of its path). */
export function refusedAt(issue: ValidationIssue): { taskId: string; field: TaskProgressField | "" } | null {
  const taskId = issue.params?.taskId;
  if (typeof taskId !== "string") return null;
  const last = issue.path[issue.path.length - 1];
  return { taskId, field: typeof last === "string" && FIELDS.has(last) ? (last as TaskProgressField) : "" };
}

/** Each listed task with its messages: the rules' issues (live) and a percent that is not a number. */
export function taskViews(
  session: TaskProgressSession,
  props: Pick<TaskProgressPanelProps, "period">,
  i18n: Pick<I18n, "t" | "b">,
): TaskView[] {
  const byTask = new Map<string, Partial<Record<TaskProgressField | "", TaskMessage[]>>>();
  const add = (taskId: string, field: TaskProgressField | "", m: TaskMessage) => {
    const map = byTask.get(taskId) ?? {};
    (map[field] ??= []).push(m);
    byTask.set(taskId, map);
  };
  for (const i of session.check?.issues ?? [])
    add(i.taskId, i.field ?? "", { severity: i.severity, text: i18n.b(i.message) });
  for (const id of session.badPercent)
    add(id, "percent", {
      severity: "error",
      text: i18n.t("tasks.percentBad", {
        value: session.drafts[id]?.percent ?? "",
        cell: session.cells[id]?.percent ?? "TienDoNV",
      }),
    });
  return session.tasks.map((ut) => {
    const messages = byTask.get(ut.task.id) ?? {};
    const errors = Object.values(messages).reduce(
      (n, list) => n + (list ?? []).filter((m) => m.severity === "error").length,
      0,
    );
    return {
      unitTask: ut,
      pastDeadline: isPastDeadline(ut.task, props.period),
      onSheet: session.cells[ut.task.id] !== undefined,
      messages,
      errors,
    };
  });
}

export function useTaskProgressPanel(props: TaskProgressPanelProps, i18n: I18n): TaskProgressPanelState {
  const { session } = props;
  const views = React.useMemo(() => taskViews(session, props, i18n), [session, props, i18n]);
  // a short list is shown open; a long one opens the tasks with errors (and each one chosen)
  const [chosen, setChosen] = React.useState<Map<string, boolean>>(new Map());
  const open = React.useMemo(() => {
    const s = new Set<string>();
    for (const v of views) {
      const id = v.unitTask.task.id;
      if (chosen.get(id) ?? (views.length <= 5 || v.errors > 0)) s.add(id);
    }
    return s;
  }, [views, chosen]);
  const toggle = React.useCallback(
    (taskId: string) => setChosen((prev) => new Map(prev).set(taskId, !open.has(taskId))),
    [open],
  );
  const cellOf = React.useCallback(
    (taskId: string, field: TaskProgressField) => session.cells[taskId]?.[field],
    [session.cells],
  );
  return { props, views, errors: views.reduce((n, v) => n + v.errors, 0), open, toggle, cellOf };
}
