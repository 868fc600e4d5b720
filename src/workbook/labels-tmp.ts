/**
 * Display labels of the target statuses and of the milestone choices, for the workbook (status column, its
 * conditional formats, the milestone list) and the consolidated workbook. They belong in src/domain, which does not
 * export them yet: when it does (PROGRESS_LABELS, MILESTONE_LABELS), this module becomes a re-export of those.
 * Display text only — the rules stay in src/domain: its parseMilestone reads every milestone label here (tested in
 * test/workbook/template.test.ts).
 */
import type { Bilingual, MilestoneState, TargetProgress } from "../domain";
export const PROGRESS_LABELS: Record<TargetProgress, Bilingual> = {
  met: { vi: "Đạt", en: "Met" },
  on_track: { vi: "Đúng tiến độ", en: "On track" },
  at_risk: { vi: "Có nguy cơ", en: "At risk" },
  off_track: { vi: "Chậm tiến độ", en: "Off track" },
  no_target: { vi: "Chưa có chỉ tiêu", en: "No target set" },
  no_data: { vi: "Chưa có số liệu", en: "No data" },
};
export const MILESTONE_LABELS: { state: MilestoneState; vi: string; en: string }[] = [
  { state: "not_started", vi: "Chưa bắt đầu", en: "Not started" },
  { state: "in_progress", vi: "Đang thực hiện", en: "In progress" },
  { state: "done", vi: "Hoàn thành", en: "Done" },
];
