/**
 * The overdue key tasks as the monthly brief lists them (issue #21 item 5): one line per task past its deadline and
 * not done at the period's end, in one language, the first `max` of them; how many tasks the register follows; and,
 * when the list is not the official one (the starter list from public sources), a note that says so.
 */
import type { Locale } from "../types";
import { formatDeadline } from "./deadline";
import { boardStateLabel } from "./board-table";
import type { TaskBoard } from "./board-types";

export interface BriefTasks {
  /** one line per overdue task shown, in the brief's language */
  lines: string[];
  /** every overdue task (more than the lines when the list was cut) */
  overdue: number;
  /** the tasks the register follows in the period */
  followed: number;
  /** said under the list when some task is not from the official list; null when all are */
  listNote: string | null;
}

const NAME_MAX = 90;

export function briefTasks(board: TaskBoard, lang: Locale, max = 12): BriefTasks {
  const L = (vi: string, en: string): string => (lang === "vi" ? vi : en);
  const overdue = board.rows.filter((r) => r.overdue);
  const lines = overdue.slice(0, max).map((r) => {
    const t = r.task;
    const name = t.name[lang] || t.name.vi;
    const short = name.length > NAME_MAX ? `${name.slice(0, NAME_MAX - 1).trimEnd()}…` : name;
    const lead = r.leadUnitName ? r.leadUnitName[lang] : (t.leadText ?? L("chưa giao đơn vị", "no unit assigned"));
    return `${t.id} — ${short} · ${lead} · ${L("hạn", "due")} ${formatDeadline(t.deadline, lang)} · ${boardStateLabel(r, lang)}`;
  });
  if (overdue.length > max)
    lines.push(L(`… và ${overdue.length - max} nhiệm vụ khác`, `… and ${overdue.length - max} more`));
  const unofficial = board.rows.some((r) => r.task.status === "stated" || r.task.status === "inferred");
  return {
    lines,
    overdue: overdue.length,
    followed: board.rows.length,
    listNote: unofficial
      ? L(
          "Danh mục nhiệm vụ từ nguồn công khai (nêu rõ hoặc suy ra) — chưa phải danh mục chính thức của thành phố.",
          "Task list from public sources (stated or inferred) — not the city's official list.",
        )
      : null,
  };
}
