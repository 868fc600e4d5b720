/**
 * Reading the task-progress sheet (TienDoNV) of a filled template, for both readers (a CellSource): each task's row
 * is found through its defined names CT_task_<id>_<field> (kept by Excel, LibreOffice and openpyxl when rows are
 * sorted or moved). A state is read from its Vietnamese or English label (or code), a percent from "45", "45,5" or
 * "45%", a completion date from a date cell or "30/06/2026" / "2026-06-30". A row left blank is not reported (the
 * rules then say which task has no progress). A workbook made before the sheet existed has no task progress.
 */
import { normalizeText, parseTaskState, type TaskProgress, type TaskProgressField } from "../domain";
import type { CellSource } from "./locate";
import { TASK_INPUTS, parseTaskName } from "./template";

export interface TaskProgressRead {
  progress: TaskProgress[];
  /** where each task's field is in this workbook, "TienDoNV!F6" */
  cellOf: (taskId: string, field: TaskProgressField) => string | undefined;
}

/** A spreadsheet day serial (1900 system) as an ISO date. */
function serialToIso(n: number): string {
  const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(n) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

function dateText(v: unknown, isDate: boolean): string | null {
  if (typeof v === "number") return isDate || (v > 20000 && v < 80000) ? serialToIso(v) : String(v);
  if (typeof v !== "string" || v.trim() === "") return null;
  const s = v.trim();
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (dmy) return `${dmy[3]}-${(dmy[2] as string).padStart(2, "0")}-${(dmy[1] as string).padStart(2, "0")}`;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(s);
  return iso ? `${iso[1]}-${iso[2]}-${iso[3]}` : s;
}

function percentOf(v: unknown): number | null {
  if (typeof v === "number") return v;
  if (typeof v !== "string" || v.trim() === "") return null;
  const n = Number(v.trim().replace(/%$/, "").replace(",", "."));
  return Number.isFinite(n) ? n : null;
}

function textOf(v: unknown): string | null {
  if (v === null || v === undefined || typeof v === "boolean") return null;
  const s = normalizeText(String(v));
  return s === "" ? null : s;
}

export function readTaskProgress(src: CellSource): TaskProgressRead {
  const at = new Map<string, Map<TaskProgressField, { sheet: string; address: string }>>();
  const rows = new Map<string, number>();
  for (const [name, ref] of src.names) {
    const parsed = parseTaskName(name);
    if (!parsed || !ref || !src.hasSheet(ref.sheet)) continue;
    let fields = at.get(parsed.taskId);
    if (!fields) at.set(parsed.taskId, (fields = new Map()));
    fields.set(parsed.field, { sheet: ref.sheet, address: `${ref.column}${ref.row}` });
    rows.set(parsed.taskId, Math.min(rows.get(parsed.taskId) ?? ref.row, ref.row));
  }
  const progress: TaskProgress[] = [];
  for (const taskId of [...at.keys()].sort((a, b) => (rows.get(a) ?? 0) - (rows.get(b) ?? 0))) {
    const fields = at.get(taskId) as Map<TaskProgressField, { sheet: string; address: string }>;
    const raw = (f: TaskProgressField): unknown => {
      const r = fields.get(f);
      return r ? src.value(r.sheet, r.address) : null;
    };
    const stateText = textOf(raw("state"));
    const completed = fields.get("completedOn");
    const p: TaskProgress = {
      taskId,
      state: stateText ? parseTaskState(stateText) : null,
      percent: percentOf(raw("percent")),
      milestone: textOf(raw("milestone")),
      productDelivered: textOf(raw("productDelivered")),
      evidence: textOf(raw("evidence")),
      evidenceRef: textOf(raw("evidenceRef")),
      obstacles: textOf(raw("obstacles")),
      proposals: textOf(raw("proposals")),
      completedOn: completed
        ? dateText(raw("completedOn"), src.kind?.(completed.sheet, completed.address) === "date")
        : null,
      justification: textOf(raw("justification")),
    };
    // a state typed that is none of the six is kept visible to the rules as "no state" (they list the six)
    const filled = stateText !== null || TASK_INPUTS.some((f) => f !== "state" && p[f] !== null);
    if (filled) progress.push(p);
  }
  return {
    progress,
    cellOf: (taskId, field) => {
      const r = at.get(taskId)?.get(field);
      return r ? `${r.sheet}!${r.address}` : undefined;
    },
  };
}
