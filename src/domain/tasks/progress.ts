/**
 * The rules of a unit's progress on its tasks for a period (issue #19, item 2), once for the sheet, the form, the
 * CLI and the endpoint:
 * - every task the unit leads or co-owns in the period needs a state; a task not its own, or twice, is an error;
 * - "done" needs the product delivered and the completion date (a real date, not after the period ends);
 * - a task whose deadline's last day is before the period's end and is not done is **late**, whatever state was
 *   typed, and needs a justification (at least MIN_JUSTIFICATION characters); with one it is counted as late;
 * - percent is 0–100; free texts are at most TASK_TEXT_LIMIT characters.
 * The deadline is judged against the period's end, not today, so a report reads the same whenever it is opened.
 */
import type { Bilingual, Period } from "../types";
import { daysFromIso } from "../periods/dates";
import { MIN_JUSTIFICATION } from "../rules/validate";
import { deadlineLastDay, formatDeadline } from "./deadline";
import { TASK_STATE_LABELS } from "./labels";
import { tasksForUnit } from "./register";
import type {
  Task,
  TaskIssue,
  TaskIssueCode,
  TaskProgress,
  TaskProgressField,
  TaskRegister,
  TaskState,
  UnitTask,
} from "./types";
import { TASK_PROGRESS_FIELDS } from "./types";

export const TASK_TEXT_LIMIT = 4000;
/** The progress fields a person writes as free text: all but the state, the percent and the completion date. */
const TEXT_FIELDS: readonly TaskProgressField[] = TASK_PROGRESS_FIELDS.filter(
  (f) => f !== "state" && f !== "percent" && f !== "completedOn",
);

/** Past its deadline at the end of the period: the deadline's last day is before the period's last day. */
export function isPastDeadline(task: Pick<Task, "deadline">, period: Period): boolean {
  const last = deadlineLastDay(task.deadline);
  return last !== null && last < period.end;
}

/** The state that counts: "late" for a task past its deadline and not done, whatever was typed; else as typed. */
export function effectiveTaskState(
  task: Pick<Task, "deadline">,
  state: TaskState | null,
  period: Period,
): TaskState | null {
  if (state !== "done" && isPastDeadline(task, period)) return "late";
  return state;
}

/** An empty progress row for a task (what a template or form starts from). */
export function blankTaskProgress(taskId: string): TaskProgress {
  return {
    taskId,
    state: null,
    percent: null,
    milestone: null,
    productDelivered: null,
    evidence: null,
    evidenceRef: null,
    obstacles: null,
    proposals: null,
    completedOn: null,
    justification: null,
  };
}

const filled = (s: string | null): boolean => s !== null && s.trim() !== "";

class Issues {
  readonly list: TaskIssue[] = [];
  add(
    code: TaskIssueCode,
    taskId: string,
    field: TaskProgressField | null,
    severity: TaskIssue["severity"],
    message: Bilingual,
    params: TaskIssue["params"] = {},
  ): void {
    const path = field === null ? ["tasks", taskId] : ["tasks", taskId, field];
    this.list.push({ code, taskId, field, severity, path, params, message });
  }
}

function checkDone(task: Task, p: TaskProgress, period: Period, out: Issues): void {
  const id = task.id;
  if (!filled(p.productDelivered))
    out.add("done_without_product", id, "productDelivered", "error", {
      vi: `Nhiệm vụ ${id} ghi "Hoàn thành" nhưng chưa có sản phẩm. Hãy ghi sản phẩm đã bàn giao (${task.product ?? "sản phẩm của nhiệm vụ"}) và minh chứng, hoặc chọn trạng thái khác.`,
      en: `Task ${id} is marked "Done" but no product is given. Write the product delivered (${task.product ?? "the task's deliverable"}) and its evidence, or choose another state.`,
    });
  if (p.completedOn === null || p.completedOn.trim() === "")
    out.add("done_without_date", id, "completedOn", "error", {
      vi: `Nhiệm vụ ${id} đã hoàn thành: hãy ghi ngày hoàn thành (ngày/tháng/năm).`,
      en: `Task ${id} is done: write the completion date (day/month/year).`,
    });
  else if (daysFromIso(p.completedOn) === null)
    out.add(
      "bad_completion_date",
      id,
      "completedOn",
      "error",
      {
        vi: `Ngày hoàn thành "${p.completedOn}" của nhiệm vụ ${id} không phải một ngày. Hãy ghi như 30/06/2026.`,
        en: `Completion date "${p.completedOn}" of task ${id} is not a date. Write it as 30/06/2026.`,
      },
      { value: p.completedOn },
    );
  else if (p.completedOn > period.end)
    out.add(
      "completion_after_period",
      id,
      "completedOn",
      "error",
      {
        vi: `Ngày hoàn thành ${p.completedOn} của nhiệm vụ ${id} sau ngày cuối kỳ báo cáo (${period.end}). Hãy sửa ngày, hoặc báo "Hoàn thành" ở kỳ sau.`,
        en: `Completion date ${p.completedOn} of task ${id} is after the period ends (${period.end}). Correct it, or report "Done" in a later period.`,
      },
      { value: p.completedOn, periodEnd: period.end },
    );
}

function checkOne(task: Task, p: TaskProgress, period: Period, out: Issues): void {
  const id = task.id;
  if (p.state === null) {
    out.add("state_required", id, "state", "error", {
      vi: `Nhiệm vụ ${id}: hãy chọn trạng thái (${Object.values(TASK_STATE_LABELS)
        .map((l) => l.vi)
        .join(", ")}).`,
      en: `Task ${id}: choose a state (${Object.values(TASK_STATE_LABELS)
        .map((l) => l.en)
        .join(", ")}).`,
    });
  }
  if (p.percent !== null && (!Number.isFinite(p.percent) || p.percent < 0 || p.percent > 100))
    out.add(
      "percent_out_of_range",
      id,
      "percent",
      "error",
      {
        vi: `Tiến độ ${p.percent}% của nhiệm vụ ${id} phải từ 0 đến 100.`,
        en: `Progress ${p.percent}% of task ${id} must be between 0 and 100.`,
      },
      { value: p.percent },
    );
  for (const f of TEXT_FIELDS) {
    const v = p[f];
    if (typeof v === "string" && v.length > TASK_TEXT_LIMIT)
      out.add(
        "text_too_long",
        id,
        f,
        "error",
        {
          vi: `Nội dung quá dài (${v.length} ký tự; tối đa ${TASK_TEXT_LIMIT}). Hãy rút gọn hoặc dẫn số văn bản.`,
          en: `Text too long (${v.length} characters; at most ${TASK_TEXT_LIMIT}). Shorten it or cite the document number.`,
        },
        { length: v.length, max: TASK_TEXT_LIMIT },
      );
  }
  if (p.state === "done") checkDone(task, p, period, out);
  else if (isPastDeadline(task, period)) {
    const d = { vi: formatDeadline(task.deadline, "vi"), en: formatDeadline(task.deadline, "en") };
    const justified = (p.justification?.trim().length ?? 0) >= MIN_JUSTIFICATION;
    if (!justified)
      out.add(
        "late_without_justification",
        id,
        "justification",
        "error",
        {
          vi: `Nhiệm vụ ${id} đã quá hạn (${d.vi}) mà chưa hoàn thành: được tính là "Chậm tiến độ". Hãy ghi lý do chậm (ít nhất ${MIN_JUSTIFICATION} ký tự) và giải pháp.`,
          en: `Task ${id} is past its deadline (${d.en}) and not done: it counts as "Late". Write why it is late (at least ${MIN_JUSTIFICATION} characters) and what is being done.`,
        },
        { deadline: task.deadline, minLength: MIN_JUSTIFICATION },
      );
    else if (p.state !== "late")
      out.add(
        "past_deadline_not_done",
        id,
        "state",
        "info",
        {
          vi: `Nhiệm vụ ${id} đã quá hạn (${d.vi}): được tính là "Chậm tiến độ" dù đã chọn "${p.state ? TASK_STATE_LABELS[p.state].vi : "—"}".`,
          en: `Task ${id} is past its deadline (${d.en}): it counts as "Late" although "${p.state ? TASK_STATE_LABELS[p.state].en : "—"}" was chosen.`,
        },
        { deadline: task.deadline },
      );
  }
}

/** The issues of one task's progress in a period (the task is known to be the unit's). */
export function checkTaskProgress(task: Task, progress: TaskProgress, period: Period): TaskIssue[] {
  const out = new Issues();
  checkOne(task, progress, period, out);
  return out.list;
}

export interface UnitTasksCheck {
  /** true when no issue is an error: the progress may be submitted */
  ok: boolean;
  issues: TaskIssue[];
  /** the unit's tasks in the period, and the state that counts for each (null: none reported) */
  states: { unitTask: UnitTask; state: TaskState | null }[];
}

/** Every task the unit leads or co-owns in the period, checked against what it reported. */
export function checkUnitTasks(
  register: TaskRegister,
  unitCode: string,
  period: Period,
  progress: readonly TaskProgress[],
): UnitTasksCheck {
  const out = new Issues();
  const mine = tasksForUnit(register, unitCode, period);
  const byId = new Map(mine.map((ut) => [ut.task.id, ut]));
  const seen = new Map<string, TaskProgress>();
  for (const p of progress) {
    const ut = byId.get(p.taskId);
    if (seen.has(p.taskId))
      out.add("duplicate_task", p.taskId, null, "error", {
        vi: `Nhiệm vụ ${p.taskId} được báo cáo hai lần. Hãy giữ một dòng.`,
        en: `Task ${p.taskId} is reported twice. Keep one row.`,
      });
    else if (!ut)
      out.add("task_not_for_unit", p.taskId, null, "error", {
        vi: `Nhiệm vụ ${p.taskId} không do đơn vị ${unitCode} chủ trì hay phối hợp trong kỳ ${period.id}. Hãy xóa dòng này hoặc đề nghị thành phố giao nhiệm vụ.`,
        en: `Task ${p.taskId} is not led or co-owned by unit ${unitCode} in ${period.id}. Remove the row, or ask the city to assign the task.`,
      });
    else {
      seen.set(p.taskId, p);
      checkOne(ut.task, p, period, out);
    }
  }
  for (const ut of mine)
    if (!seen.has(ut.task.id) && !progress.some((p) => p.taskId === ut.task.id))
      out.add("progress_missing", ut.task.id, "state", "error", {
        vi: `Chưa báo cáo tiến độ nhiệm vụ ${ut.task.id} (${ut.task.name.vi}) mà đơn vị ${ut.role === "lead" ? "chủ trì" : "phối hợp"}. Hãy chọn trạng thái.`,
        en: `No progress on task ${ut.task.id} (${ut.task.name.en}), which the unit ${ut.role === "lead" ? "leads" : "co-owns"}. Choose a state.`,
      });
  const states = mine.map((ut) => ({
    unitTask: ut,
    state: effectiveTaskState(ut.task, seen.get(ut.task.id)?.state ?? null, period),
  }));
  return { ok: !out.list.some((i) => i.severity === "error"), issues: out.list, states };
}
