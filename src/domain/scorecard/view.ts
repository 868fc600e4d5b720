/**
 * What a consolidated workbook shows, whichever way it was gathered (the endpoint's consolidation API, or unit
 * workbooks read from files): city figures, the unit × target matrix, completeness and the scorecard. Plain data;
 * the workbook spec (src/workbook/consolidated.ts) turns it into sheets.
 */
import type { Narrative } from "../report/narrative";
import type { Bilingual, Catalog, CityFigure, MilestoneState, Period, TargetProgress, Unit } from "../types";
import type { Scorecard } from "./scorecard";

/** Who filled a unit's report ("rõ người"), from the unit sheet of its workbook or from its submission. */
export interface UnitContact {
  preparer: string | null;
  approver: string | null;
  phone: string | null;
}

/** One unit's figure for one target, as its own report gives it (ratio targets: the unit's own rate). */
export interface MatrixCell {
  unitCode: string;
  targetId: string;
  figure: number | null;
  numerator: number | null;
  denominator: number | null;
  milestone: MilestoneState | null;
  progress: TargetProgress;
}

/**
 * on_time / late: submitted, judged against the period's deadline; submitted: submitted, time unknown (a file with no
 * saved date); returned: sent back to the unit by a planner; rejected: a file that could not be used (see note);
 * missing: expected and nothing usable arrived.
 */
export type CompletenessState = "on_time" | "late" | "submitted" | "returned" | "rejected" | "missing";

export interface CompletenessRow {
  unitCode: string;
  unitName: Bilingual;
  state: CompletenessState;
  /** ISO date-time of the submission (endpoint) or of the workbook's last save (files) */
  submittedAt: string | null;
  /** where the figures came from: a file name, or a submission id */
  source: string | null;
  contact: UnitContact | null;
  /** why a file was rejected, or the planner's comment on a returned report */
  note: Bilingual | null;
}

export interface CompletenessTotals {
  expected: number;
  submitted: number;
  onTime: number;
  late: number;
  missing: number;
  returned: number;
  rejected: number;
}

export type ConsolidationSource = "endpoint" | "files";

export interface ConsolidationView {
  source: ConsolidationSource;
  period: Period;
  /** the unit group consolidated, e.g. { vi: "Tất cả đơn vị", en: "All units" } */
  group: { id: string | null; name: Bilingual };
  /** ISO date-time the consolidation was made */
  generatedAt: string;
  catalog: Catalog;
  /** one per catalog target, in catalog order */
  figures: CityFigure[];
  /** matrix rows: the units of the group expected to report, in registry order */
  units: Unit[];
  matrix: MatrixCell[];
  completeness: { rows: CompletenessRow[]; totals: CompletenessTotals };
  scorecard: Scorecard;
  /** each expected unit whose report carries a narrative, in the units' order (absent: none known) */
  narratives?: UnitNarrative[];
}

/** One unit's narrative as the consolidated workbook lists it. */
export interface UnitNarrative {
  unitCode: string;
  unitName: Bilingual;
  narrative: Narrative;
}

export const COMPLETENESS_NAMES: Record<CompletenessState, Bilingual> = {
  on_time: { vi: "Đã nộp đúng hạn", en: "Submitted on time" },
  late: { vi: "Nộp muộn", en: "Submitted late" },
  submitted: { vi: "Đã nộp (không rõ thời điểm)", en: "Submitted (time unknown)" },
  returned: { vi: "Đã trả lại", en: "Returned" },
  rejected: { vi: "Tệp bị từ chối", en: "File rejected" },
  missing: { vi: "Chưa nộp", en: "Missing" },
};

/** The unit groups of the registry (Unit.groups), named for the planner; an unknown group shows its id. */
export const UNIT_GROUP_NAMES: Record<string, Bilingual> = {
  wards: { vi: "Phường", en: "Wards" },
  communes: { vi: "Xã", en: "Communes" },
  departments: { vi: "Sở, ngành", en: "Departments" },
  city: { vi: "Cấp thành phố", en: "City level" },
  demo: { vi: "Đơn vị trình diễn", en: "Demo units" },
};

/** A unit group as the consolidated workbook and the planner pane name it. */
export function unitGroupName(id: string): Bilingual {
  return UNIT_GROUP_NAMES[id] ?? { vi: `Nhóm ${id}`, en: `Group ${id}` };
}
