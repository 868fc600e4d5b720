/** Styles, status colours, number formats and the short texts of the consolidated workbook. */
import type { Bilingual, Target, TargetProgress } from "../../domain";
import type { CompletenessState } from "../../domain/scorecard";
import { COLORS, STATUS_FORMATS, STYLES, type CellStyle } from "../template";
import type { ConsolidatedStyleId } from "./spec";

/** Colours of every status, including "no data" (a unit that did not report). */
export const PROGRESS_FORMATS: Record<TargetProgress, { fill: string; fontColor: string; italic?: boolean }> = {
  ...STATUS_FORMATS,
  no_data: { fill: "FFFFFF", fontColor: "808080", italic: true },
};

/** Scorecard column headers take their status colour. */
function progressHeaderStyles(): Record<`progress_${TargetProgress}`, CellStyle> {
  const out = {} as Record<`progress_${TargetProgress}`, CellStyle>;
  for (const p of Object.keys(PROGRESS_FORMATS) as TargetProgress[]) {
    const f = PROGRESS_FORMATS[p];
    out[`progress_${p}`] = {
      bold: true,
      wrap: true,
      hAlign: "center",
      vAlign: "middle",
      border: true,
      fill: f.fill,
      fontColor: f.fontColor,
      locked: true,
    };
  }
  return out;
}

export const CONSOLIDATED_STYLES: Record<ConsolidatedStyleId, CellStyle> = {
  ...STYLES,
  figure: { vAlign: "top", border: true, hAlign: "right", locked: true },
  cell: { vAlign: "top", border: true, wrap: true, locked: true },
  cellCenter: { vAlign: "top", hAlign: "center", border: true, locked: true },
  total: { bold: true, border: true, fill: COLORS.group, hAlign: "right", locked: true },
  totalLabel: { bold: true, border: true, fill: COLORS.group, locked: true },
  legend: { italic: true, fontColor: COLORS.muted, locked: true },
  ...progressHeaderStyles(),
};

export const COMPLETENESS_FORMATS: Record<CompletenessState, { fill: string; fontColor: string }> = {
  on_time: { fill: "C6EFCE", fontColor: "006100" },
  submitted: { fill: "DDEBF7", fontColor: "1F4E78" },
  late: { fill: "FFEB9C", fontColor: "9C5700" },
  returned: { fill: "FCE4D6", fontColor: "833C0B" },
  rejected: { fill: "FFC7CE", fontColor: "9C0006" },
  missing: { fill: "FFC7CE", fontColor: "9C0006" },
};

export const CHART_COLORS = { figure: "2F75B5", target: "A5A5A5", spread: "70AD47" } as const;

/** Number format of a target's figure: whole numbers for counts, one or two decimals otherwise. */
export function figureFormat(t: Target): string {
  if (t.measure === "count") return "#,##0";
  if (t.measure === "percent" || t.measure === "rate") return "0.0#";
  return "#,##0.0#";
}

export const AGGREGATION_NAMES: Record<Target["aggregation"], Bilingual> = {
  sum: { vi: "Tổng các đơn vị", en: "Sum of units" },
  ratio_of_sums: { vi: "Σ tử số / Σ mẫu số", en: "Σ numerators / Σ denominators" },
  city_only: { vi: "Số liệu cấp thành phố", en: "City-level figure" },
  none: { vi: "Mốc: đơn vị chậm nhất", en: "Milestone: least advanced unit" },
};

export const bi = (b: Bilingual): string => `${b.vi}\n${b.en}`;
export const slash = (b: Bilingual): string => `${b.vi} / ${b.en}`;
