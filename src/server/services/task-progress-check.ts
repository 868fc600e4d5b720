/**
 * The register's rules on the task progress a submission carries (`tasks`): run when the client sent the task sheet
 * (an older client or template sends none, and its reports are taken as before). Every task the unit leads or
 * co-owns in the period needs a state; "done" needs the product and the date; a task past its deadline and not done
 * is late and needs a justification — the domain's checkUnitTasks, once for the pane, the CLI and here. An error
 * refuses the whole submission (422 CT_TASK_PROGRESS_INVALID), nothing stored.
 */
import type { FastifyInstance } from "fastify";
import { checkUnitTasks, type TaskProgress } from "../../domain";
import type { Period, ValidationIssue } from "../../domain/types";
import type { SubmissionRequestBody } from "../../api";
import { canonicalTaskProgress } from "../../domain/report/task-progress";
import { loadTaskRegister } from "../db/tasks";
import { CT_TASK_PROGRESS_INVALID } from "../errors";

export async function taskProgressRefusal(
  app: FastifyInstance,
  body: SubmissionRequestBody,
  unitCode: string,
  period: Period | null,
): Promise<Error | null> {
  if (!body.tasks || !period) return null;
  const register = await loadTaskRegister(app.store.db);
  const progress: TaskProgress[] = body.tasks.map(canonicalTaskProgress);
  const check = checkUnitTasks(register, unitCode, period, progress);
  const errors = check.issues.filter((i) => i.severity === "error");
  if (errors.length === 0) return null;
  const index = new Map(progress.map((p, i) => [p.taskId, i]));
  const issues = errors.map((i) => ({
    code: i.code,
    ruleId: `task.${i.code}`,
    targetId: null,
    unitCode,
    period: period.id,
    path: ["body", "tasks", index.get(i.taskId) ?? i.taskId, ...(i.field ? [i.field] : [])],
    severity: i.severity,
    params: { taskId: i.taskId, ...i.params },
    message: i.message,
  }));
  const first = errors[0];
  return CT_TASK_PROGRESS_INVALID(
    { count: errors.length, first: `${first?.taskId ?? ""}${first?.field ? ` ${first.field}` : ""}` },
    { issues: issues as unknown as ValidationIssue[] },
  );
}
