/**
 * Display labels of the target statuses (assess()'s TargetProgress) and of the milestone states, in Vietnamese and
 * English: the texts the workbook writes into its status column, conditional formats and milestone list, the
 * consolidated workbook shows, and the task pane displays. parseMilestone (entry.ts) reads every milestone label
 * back, so a label chosen from the workbook's list is always a valid milestone.
 */
import type { Bilingual, MilestoneState, TargetProgress } from "../types";

export const PROGRESS_LABELS: Readonly<Record<TargetProgress, Bilingual>> = {
  met: { vi: "Đạt", en: "Met" },
  on_track: { vi: "Đúng tiến độ", en: "On track" },
  at_risk: { vi: "Có nguy cơ", en: "At risk" },
  off_track: { vi: "Chậm tiến độ", en: "Off track" },
  no_target: { vi: "Chưa có chỉ tiêu", en: "No target set" },
  no_data: { vi: "Chưa có số liệu", en: "No data" },
};

/** In the order of MILESTONE_STATES (the workbook's list offers them in this order). */
export const MILESTONE_LABELS: readonly { state: MilestoneState; vi: string; en: string }[] = [
  { state: "not_started", vi: "Chưa bắt đầu", en: "Not started" },
  { state: "in_progress", vi: "Đang thực hiện", en: "In progress" },
  { state: "done", vi: "Hoàn thành", en: "Done" },
];
