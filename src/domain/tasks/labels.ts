/** Display labels of task states, kinds and source statuses in vi/en, and reading a state back from any of them. */
import type { Bilingual } from "../types";
import { toneKey } from "../text";
import { TASK_STATES, type TaskKind, type TaskSourceStatus, type TaskState } from "./types";

/** In the order of TASK_STATES (the workbook's list offers them in this order). */
export const TASK_STATE_LABELS: Readonly<Record<TaskState, Bilingual>> = {
  not_started: { vi: "Chưa triển khai", en: "Not started" },
  on_track: { vi: "Đúng tiến độ", en: "On track" },
  at_risk: { vi: "Có nguy cơ chậm", en: "At risk" },
  late: { vi: "Chậm tiến độ", en: "Late" },
  done: { vi: "Hoàn thành", en: "Done" },
  blocked: { vi: "Vướng mắc, tạm dừng", en: "Blocked" },
};

export const TASK_KIND_LABELS: Readonly<Record<TaskKind, Bilingual>> = {
  project: { vi: "Dự án", en: "Project" },
  work: { vi: "Công trình", en: "Work" },
  scheme: { vi: "Đề án, kế hoạch", en: "Scheme" },
  task: { vi: "Nhiệm vụ", en: "Task" },
};

/** Said to every user beside each task: where it comes from. The starter list is never called the official one. */
export const TASK_SOURCE_STATUS_LABELS: Readonly<Record<TaskSourceStatus, Bilingual>> = {
  official: { vi: "Danh mục chính thức (do thành phố nhập)", en: "Official list (imported by the city)" },
  stated: {
    vi: "Nguồn công khai nêu tên nhiệm vụ — chưa phải danh mục chính thức",
    en: "Named by a public source — not the official list",
  },
  inferred: {
    vi: "Suy ra từ nguồn công khai — cần xác nhận",
    en: "Inferred from a public source — to be confirmed",
  },
  demo: { vi: "Nhiệm vụ trình diễn (đào tạo)", en: "Demo task (training)" },
};

const ALIASES: Record<TaskState, string[]> = {
  not_started: ["Chưa bắt đầu", "chưa thực hiện"],
  on_track: ["Đang thực hiện", "đúng kế hoạch", "In progress"],
  at_risk: ["Nguy cơ chậm"],
  late: ["Chậm", "Trễ hạn", "Overdue", "Behind"],
  done: ["Đã hoàn thành", "Completed", "Complete"],
  blocked: ["Vướng mắc", "Tạm dừng", "On hold", "Stopped"],
};

const BY_KEY = new Map<string, TaskState>();
for (const s of TASK_STATES) {
  for (const word of [s, TASK_STATE_LABELS[s].vi, TASK_STATE_LABELS[s].en, ...ALIASES[s]])
    BY_KEY.set(toneKey(word.replace(/_/g, " ")), s);
}

/** A state code, or any vi/en label or common word for it (any case, any tone placement); null if none. */
export function parseTaskState(text: string): TaskState | null {
  return BY_KEY.get(toneKey(text.replace(/_/g, " "))) ?? null;
}
