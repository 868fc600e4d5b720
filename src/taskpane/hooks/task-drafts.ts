/**
 * The Tasks tab's form values and what they mean (pure): each task's fields as the person types them (text), read
 * into the domain's TaskProgress with the sheet reader's rules — a percent from "12,5", "12.5" or "12,5%", a date
 * from "30/06/2026" or "2026-06-30", a state from its code or any label — and written into the sheet's cells as the
 * sheet takes them (a percent as a number, a date as the text typed). A register of the unit's tasks for the rules
 * (checkUnitTasks) is made from the tasks the tab lists.
 */
import {
  TASK_PROGRESS_FIELDS,
  TASK_STATES,
  parseTaskState,
  type Locale,
  type Period,
  type TaskProgress,
  type TaskProgressField,
  type TaskRegister,
  type TaskState,
  type UnitTask,
} from "../../domain";

export type TaskDraft = Record<TaskProgressField, string>;

export const BLANK_DRAFT: TaskDraft = Object.freeze(
  Object.fromEntries(TASK_PROGRESS_FIELDS.map((f) => [f, ""])) as TaskDraft,
);

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** A percent as typed: "45", "12,5", "12.5" or "12,5%"; null when blank, NaN when it is not a number. */
export function parsePercent(text: string): number | null {
  const s = text.trim().replace(/%$/, "").trim();
  if (s === "") return null;
  return /^-?\d+([.,]\d+)?$/.test(s) ? Number(s.replace(",", ".")) : Number.NaN;
}

/** A completion date as typed → ISO ("30/6/2026" → "2026-06-30"); other text is kept (the rules name it). */
export function parseCompletion(text: string): string | null {
  const s = text.trim();
  if (s === "") return null;
  const d = DMY.exec(s);
  if (d) return `${d[3]}-${(d[2] as string).padStart(2, "0")}-${(d[1] as string).padStart(2, "0")}`;
  return s;
}

function stateOf(text: string): TaskState | null {
  const s = text.trim();
  if (s === "") return null;
  return (TASK_STATES as readonly string[]).includes(s) ? (s as TaskState) : parseTaskState(s);
}

/** One field of a progress row as the form shows it (a percent with the locale's decimal mark, a date d/m/y). */
export function fieldText(field: TaskProgressField, p: TaskProgress | undefined, locale: Locale): string {
  const v = p?.[field];
  if (v === null || v === undefined) return "";
  if (field === "percent" && typeof v === "number") return locale === "vi" ? String(v).replace(".", ",") : String(v);
  if (field === "completedOn" && typeof v === "string") {
    const m = ISO.exec(v);
    return m ? `${m[3]}/${m[2]}/${m[1]}` : v;
  }
  return String(v);
}

export function draftOf(p: TaskProgress | undefined, locale: Locale): TaskDraft {
  const out = { ...BLANK_DRAFT };
  for (const f of TASK_PROGRESS_FIELDS) out[f] = fieldText(f, p, locale);
  return out;
}

export function isBlankDraft(d: TaskDraft): boolean {
  return TASK_PROGRESS_FIELDS.every((f) => d[f].trim() === "");
}

/** The progress a draft says; a percent that is not a number is null here (the form names it: percentProblem). */
export function progressOf(taskId: string, d: TaskDraft): TaskProgress {
  const txt = (f: TaskProgressField): string | null => (d[f].trim() === "" ? null : d[f].trim().normalize("NFC"));
  const percent = parsePercent(d.percent);
  return {
    taskId,
    state: stateOf(d.state),
    percent: percent !== null && Number.isNaN(percent) ? null : percent,
    milestone: txt("milestone"),
    productDelivered: txt("productDelivered"),
    evidence: txt("evidence"),
    evidenceRef: txt("evidenceRef"),
    obstacles: txt("obstacles"),
    proposals: txt("proposals"),
    completedOn: parseCompletion(d.completedOn),
    justification: txt("justification"),
  };
}

/** true when the percent typed is not a number (the form says so; the report cannot be sent). */
export function percentProblem(d: TaskDraft): boolean {
  const p = parsePercent(d.percent);
  return p !== null && Number.isNaN(p);
}

/** What a field's text becomes in its cell: a percent as a number when it is one, a state as its code, blank null. */
export function cellRaw(field: TaskProgressField, text: string): string | number | null {
  if (text.trim() === "") return null;
  if (field === "percent") {
    const p = parsePercent(text);
    return p !== null && !Number.isNaN(p) ? p : text;
  }
  if (field === "state") return stateOf(text) ?? text;
  return text;
}

/** The progress rows a report sends: the tasks with something typed, as the sheet reader reports them. */
export function progressList(tasks: readonly UnitTask[], drafts: Readonly<Record<string, TaskDraft>>): TaskProgress[] {
  const out: TaskProgress[] = [];
  for (const ut of tasks) {
    const d = drafts[ut.task.id];
    if (d && !isBlankDraft(d)) out.push(progressOf(ut.task.id, d));
  }
  return out;
}

/** A register holding just the listed tasks in force in the period, owned by the unit as the list says. */
export function registerOf(tasks: readonly UnitTask[], unitCode: string, period: Period): TaskRegister {
  return {
    tasks: tasks.map((ut) => ({
      ...ut.task,
      effectiveFrom: period.id,
      retiredFrom: null,
      leadUnitCode: ut.role === "lead" ? unitCode : ut.task.leadUnitCode === unitCode ? null : ut.task.leadUnitCode,
      coUnitCodes: ut.role === "co" ? [unitCode] : ut.task.coUnitCodes.filter((c) => c !== unitCode),
    })),
  };
}
