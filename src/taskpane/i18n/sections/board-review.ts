/**
 * What the planner reads beside the figures in one report on the board (issue 18): the unit's key-task progress, the
 * narrative's four parts, and what of them changed in the diff. Spread into the one catalogue (messages.ts).
 */
import type { Bilingual } from "../../../domain/types";
import { registerMessages } from "../registry";

export const BOARD_REVIEW_MESSAGES = {
  "board.review.narrativeEmpty": { vi: "(không ghi)", en: "(left blank)" },
  "board.review.tasks": { vi: "Tiến độ nhiệm vụ trọng tâm", en: "Key-task progress" },
  "board.review.tasksCount": {
    vi: "{count} nhiệm vụ; {late} chậm tiến độ; {missing} chưa báo cáo.",
    en: "{count} tasks; {late} late; {missing} not reported.",
  },
  "board.review.taskHeading": { vi: "{id} · {name}", en: "{id} · {name}" },
  "board.review.role.lead": { vi: "chủ trì", en: "leads" },
  "board.review.role.co": { vi: "phối hợp", en: "co-owns" },
  "board.review.role.none": { vi: "không còn được giao", en: "no longer assigned" },
  "board.review.deadline": { vi: "Thời hạn: {deadline}", en: "Deadline: {deadline}" },
  "board.review.notReported": { vi: "Chưa báo cáo", en: "Not reported" },
  "board.review.typed": { vi: "(đơn vị chọn: {state})", en: "(the unit chose: {state})" },
  "board.review.lateMark": { vi: "Quá hạn, chưa hoàn thành", en: "Past its deadline, not done" },
  "board.review.expected": { vi: "Sản phẩm phải có: {text}", en: "Expected product: {text}" },
  "board.review.field.state": { vi: "Trạng thái", en: "State" },
  "board.review.field.percent": { vi: "Tiến độ (%)", en: "Progress (%)" },
  "board.review.field.milestone": { vi: "Mốc đã đạt", en: "Milestone reached" },
  "board.review.field.productDelivered": { vi: "Sản phẩm đã có", en: "Product delivered" },
  "board.review.field.evidence": { vi: "Minh chứng", en: "Evidence" },
  "board.review.field.evidenceRef": { vi: "Đường dẫn / số văn bản", en: "Link / document no." },
  "board.review.field.obstacles": { vi: "Khó khăn, vướng mắc", en: "Obstacles" },
  "board.review.field.proposals": { vi: "Kiến nghị", en: "Proposals" },
  "board.review.field.completedOn": { vi: "Ngày hoàn thành", en: "Completed on" },
  "board.review.field.justification": { vi: "Lý do chậm", en: "Why late" },
  "board.review.line": { vi: "{label}: {text}", en: "{label}: {text}" },
  "board.review.diffNarrative": { vi: "Thuyết minh đã sửa", en: "Narrative changed" },
  "board.review.diffTasks": { vi: "Tiến độ nhiệm vụ đã sửa", en: "Task progress changed" },
  "board.review.diffNarrativeSame": {
    vi: "Phần thuyết minh không thay đổi.",
    en: "The narrative did not change.",
  },
  "board.review.before": { vi: "Trước: {text}", en: "Before: {text}" },
  "board.review.after": { vi: "Nay: {text}", en: "Now: {text}" },
  "board.review.blank": { vi: "(trống)", en: "(blank)" },
  "board.review.taskChange": { vi: "{label}: {from} → {to}", en: "{label}: {from} → {to}" },
} as const satisfies Record<string, Bilingual>;

// registered: loaded with the views that use it, not at start-up (../registry.ts)
registerMessages(BOARD_REVIEW_MESSAGES);
