/**
 * The task board as a table: one row per task, the columns every export uses (the CSV of GET /tasks/board, the
 * "Nhiệm vụ / Tasks" sheet of the consolidated workbook). States and statuses are written as words (vi or en).
 */
import type { Locale } from "../types";
import { formatDeadline } from "./deadline";
import { TASK_KIND_LABELS, TASK_SOURCE_STATUS_LABELS, TASK_STATE_LABELS } from "./labels";
import type { BoardRow, TaskBoard } from "./board-types";

export const BOARD_COLUMNS = [
  { key: "task_id", vi: "Mã", en: "Id" },
  { key: "group", vi: "Nhóm nhiệm vụ", en: "Task group" },
  { key: "name", vi: "Nhiệm vụ", en: "Task" },
  { key: "kind", vi: "Loại", en: "Kind" },
  { key: "lead_unit", vi: "Mã đơn vị chủ trì", en: "Lead unit code" },
  { key: "lead_unit_name", vi: "Đơn vị chủ trì", en: "Lead unit" },
  { key: "co_units", vi: "Đơn vị phối hợp", en: "Co-units" },
  { key: "focal_person", vi: "Đầu mối", en: "Focal person" },
  { key: "deadline", vi: "Thời hạn", en: "Deadline" },
  { key: "state", vi: "Trạng thái", en: "State" },
  { key: "percent", vi: "Tiến độ (%)", en: "Progress (%)" },
  { key: "milestone", vi: "Mốc đạt được", en: "Milestone reached" },
  { key: "product", vi: "Sản phẩm", en: "Product" },
  { key: "product_delivered", vi: "Sản phẩm đã có", en: "Product delivered" },
  { key: "evidence", vi: "Minh chứng", en: "Evidence" },
  { key: "obstacles", vi: "Khó khăn, vướng mắc", en: "Obstacles" },
  { key: "proposals", vi: "Kiến nghị", en: "Proposals" },
  { key: "completed_on", vi: "Ngày hoàn thành", en: "Completed on" },
  { key: "last_update", vi: "Cập nhật gần nhất", en: "Last update" },
  { key: "flags", vi: "Lưu ý", en: "Flags" },
  { key: "linked_targets", vi: "Chỉ tiêu liên quan", en: "Linked targets" },
  { key: "bottleneck", vi: "Điểm nghẽn", en: "Bottleneck" },
  { key: "status", vi: "Nguồn danh mục", en: "List status" },
  { key: "source", vi: "Nguồn", en: "Source" },
] as const;

const FLAGS = {
  overdue: { vi: "Quá hạn", en: "Overdue" },
  noUpdate: { vi: "Chưa cập nhật kỳ này", en: "No update this period" },
  disagreement: { vi: "Đơn vị báo khác nhau", en: "Units disagree" },
};

/** The text of a board row's state: its label, or "no report". */
export function boardStateLabel(row: BoardRow, lang: Locale): string {
  return row.state ? TASK_STATE_LABELS[row.state][lang] : lang === "vi" ? "Chưa báo cáo" : "No report";
}

export function boardRowCells(r: BoardRow, lang: Locale): (string | number | null)[] {
  const t = r.task;
  const p = r.progress;
  const flags = [
    r.overdue ? FLAGS.overdue[lang] : null,
    r.updatedThisPeriod ? null : FLAGS.noUpdate[lang],
    r.disagreement ? FLAGS.disagreement[lang] : null,
  ].filter((f): f is string => f !== null);
  const evidence = [p?.evidence, p?.evidenceRef].filter((x): x is string => !!x).join(" — ");
  const update = r.lastUpdate
    ? `${r.lastUpdate.unitCode} · ${r.lastUpdate.period} · ${r.lastUpdate.receivedAt.slice(0, 10)}`
    : "";
  return [
    t.id,
    t.group,
    t.name[lang],
    TASK_KIND_LABELS[t.kind][lang],
    t.leadUnitCode ?? "",
    r.leadUnitName ? r.leadUnitName[lang] : (t.leadText ?? ""),
    t.coUnitCodes.join("; "),
    t.focalPerson ?? "",
    formatDeadline(t.deadline, lang),
    boardStateLabel(r, lang),
    p?.percent ?? null,
    p?.milestone ?? "",
    t.product ?? "",
    p?.productDelivered ?? "",
    evidence,
    p?.obstacles ?? "",
    p?.proposals ?? "",
    p?.completedOn ?? "",
    update,
    flags.join("; "),
    t.linkedTargets.join(";"),
    t.bottleneck ?? "",
    TASK_SOURCE_STATUS_LABELS[t.status][lang],
    t.source,
  ];
}

/** Header (in `lang`) and one row per task. */
export function boardTable(board: TaskBoard, lang: Locale): { header: string[]; rows: (string | number | null)[][] } {
  return { header: BOARD_COLUMNS.map((c) => c[lang]), rows: board.rows.map((r) => boardRowCells(r, lang)) };
}
