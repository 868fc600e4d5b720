/**
 * Task progress as it is hashed and stored with a submission: every field in one fixed order, texts trimmed and NFC,
 * blank as null. Rows keep the order sent. (The rules are in src/domain/tasks/progress.ts.)
 */
import { TASK_PROGRESS_FIELDS, type TaskProgress } from "../tasks/types";

export function canonicalTaskProgress(p: Partial<TaskProgress> & { taskId: string }): TaskProgress {
  const out = { taskId: p.taskId.trim() } as Record<string, unknown>;
  for (const f of TASK_PROGRESS_FIELDS) {
    const v = p[f];
    if (typeof v === "string") {
      const t = v.trim().normalize("NFC");
      out[f] = t === "" ? null : t;
    } else out[f] = typeof v === "number" && Number.isFinite(v) ? v : null;
  }
  return out as unknown as TaskProgress;
}
