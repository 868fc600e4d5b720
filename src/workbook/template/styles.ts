/** Cell styles, colours and the status column's formats and texts. */
import { PROGRESS_LABELS, type TargetProgress } from "../../domain";
import type { CellStyle, StyleId } from "./spec";

// ------------------------------------------------------------------------------------------------------------------
// Styles and texts
// ------------------------------------------------------------------------------------------------------------------

export const COLORS = {
  header: "1F4E78",
  headerEn: "DDEBF7",
  group: "D9E1F2",
  input: "FFF2CC",
  na: "EDEDED",
  computed: "E2EFDA",
  demo: "C00000",
  tabDemo: "C00000",
  tabEntry: "2F75B5",
  muted: "595959",
  white: "FFFFFF",
} as const;

export const STYLES: Record<StyleId, CellStyle> = {
  title: { bold: true, size: 14, locked: true },
  subtitle: { italic: true, fontColor: COLORS.muted, locked: true },
  hint: { italic: true, fontColor: COLORS.muted, wrap: false, locked: true },
  banner: { bold: true, size: 12, fontColor: COLORS.white, fill: COLORS.demo, locked: true },
  headerVi: {
    bold: true,
    fontColor: COLORS.white,
    fill: COLORS.header,
    wrap: true,
    hAlign: "center",
    vAlign: "middle",
    border: true,
    locked: true,
  },
  headerEn: {
    italic: true,
    fill: COLORS.headerEn,
    wrap: true,
    hAlign: "center",
    vAlign: "middle",
    border: true,
    locked: true,
  },
  group: { bold: true, fill: COLORS.group, locked: true },
  id: { bold: true, vAlign: "top", border: true, locked: true },
  label: { wrap: true, vAlign: "top", border: true, locked: true },
  labelEn: { italic: true, fontColor: COLORS.muted, wrap: true, vAlign: "top", border: true, locked: true },
  info: { wrap: true, vAlign: "top", hAlign: "center", border: true, locked: true },
  inputNumber: { fill: COLORS.input, vAlign: "top", border: true, numFmt: "General", locked: false },
  inputText: { fill: COLORS.input, wrap: true, vAlign: "top", border: true, locked: false },
  computed: { fill: COLORS.computed, vAlign: "top", border: true, numFmt: "0.0#", locked: true },
  na: { fill: COLORS.na, hAlign: "center", vAlign: "top", fontColor: COLORS.muted, border: true, locked: true },
  status: { hAlign: "center", vAlign: "top", wrap: true, border: true, locked: true },
  check: { wrap: true, vAlign: "top", border: true, fontColor: "9C0006", locked: true },
  guideTitle: { bold: true, size: 14, locked: true },
  guideText: { wrap: true, vAlign: "top", locked: true },
  guideTextEn: { italic: true, wrap: true, vAlign: "top", fontColor: COLORS.muted, locked: true },
};

export const STATUS_FORMATS: Record<Exclude<TargetProgress, "no_data">, { fill: string; fontColor: string }> = {
  met: { fill: "C6EFCE", fontColor: "006100" },
  on_track: { fill: "DDEBF7", fontColor: "1F4E78" },
  at_risk: { fill: "FFEB9C", fontColor: "9C5700" },
  off_track: { fill: "FFC7CE", fontColor: "9C0006" },
  no_target: { fill: "EDEDED", fontColor: "595959" },
};

/** The text written into the status column for a progress (its Vietnamese label, English beneath). */
export function statusText(progress: TargetProgress): string {
  const l = PROGRESS_LABELS[progress];
  return `${l.vi}\n${l.en}`;
}
