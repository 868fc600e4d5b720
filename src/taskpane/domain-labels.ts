/**
 * The progress and milestone labels the pane shows. TEMPORARY copy of the ones the template writes into the sheet
 * (src/workbook/template.ts), until src/domain exports PROGRESS_LABELS and MILESTONE_LABELS; this file then becomes
 * `export { MILESTONE_LABELS, PROGRESS_LABELS } from "../domain";`.
 */
import type { Bilingual, MilestoneState, TargetProgress } from "../domain/types";

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
