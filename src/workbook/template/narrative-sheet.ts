/**
 * ThuyetMinh: the report's narrative — key results, shortcomings and causes, tasks for the next period, proposals —
 * one row per part: label vi (A), label en (B), the text (C, an input of at most NARRATIVE_MAX characters, a
 * defined name CT_narrative_<part> and a text-length validation). Fillable without the add-in.
 */
import {
  NARRATIVE_LABELS,
  NARRATIVE_MAX,
  NARRATIVE_PARTS,
  periodLabel,
  type Narrative,
  type NarrativePart,
} from "../../domain";
import { NARRATIVE_CELLS } from "../../api/narrative";
import { splitAddress } from "../a1";
import type { CellSpec, NameSpec, SheetSpec, ValidationSpec } from "./spec";
import type { Period } from "../../domain";
import { COLORS } from "./styles";

export const NARRATIVE_SHEET = "ThuyetMinh";
/** Rows an input is given, so about a third of a full part shows without scrolling. */
const INPUT_ROW_POINTS = 150;

export function narrativeName(part: NarrativePart): string {
  return `CT_narrative_${part}`;
}

/** "C4": where a part is typed (the wire contract names the same cell in its messages). */
export function narrativeAddress(part: NarrativePart): string {
  return NARRATIVE_CELLS[part].slice(NARRATIVE_CELLS[part].indexOf("!") + 1);
}

export function narrativeSheet(
  period: Period,
  demo: boolean,
  values: Partial<Narrative> | undefined,
  names: NameSpec[],
): SheetSpec {
  const n = NARRATIVE_MAX.toLocaleString("vi-VN");
  const cells: CellSpec[] = [
    { address: "A1", value: `BÁO CÁO THUYẾT MINH — ${periodLabel(period, "vi")}`, style: "title" },
    {
      address: "A2",
      value: `Narrative of the report — ${periodLabel(period, "en")}. Mỗi phần tối đa ${n} ký tự / each part at most ${NARRATIVE_MAX.toLocaleString("en-US")} characters.`,
      style: "subtitle",
    },
    { address: "A3", value: "Phần", style: "headerVi" },
    { address: "B3", value: "Part", style: "headerEn" },
    { address: "C3", value: `Nội dung / Text (≤ ${n})`, style: "headerVi" },
  ];
  const validations: ValidationSpec[] = [];
  const rowHeights: Record<number, number> = { 3: 30 };
  for (const p of NARRATIVE_PARTS) {
    const address = narrativeAddress(p);
    const { row } = splitAddress(address);
    cells.push({ address: `A${row}`, value: NARRATIVE_LABELS[p].vi, style: "label" });
    cells.push({ address: `B${row}`, value: NARRATIVE_LABELS[p].en, style: "labelEn" });
    cells.push({ address, value: values?.[p] ?? null, style: "inputText" });
    names.push({ name: narrativeName(p), sheet: NARRATIVE_SHEET, address });
    validations.push({
      address,
      kind: "textLength",
      min: 0,
      max: NARRATIVE_MAX,
      prompt: {
        title: NARRATIVE_LABELS[p].vi.slice(0, 32),
        text: `${NARRATIVE_LABELS[p].vi}: tối đa ${n} ký tự.\n${NARRATIVE_LABELS[p].en}: at most ${NARRATIVE_MAX} characters.`,
      },
      error: {
        title: "Nội dung quá dài",
        text: `Dài quá ${n} ký tự; hãy rút gọn.\nLonger than ${NARRATIVE_MAX} characters; shorten it.`,
      },
    });
    rowHeights[row] = INPUT_ROW_POINTS;
  }
  return {
    name: NARRATIVE_SHEET,
    role: "narrative",
    ...(demo ? { tabColor: COLORS.tabDemo } : {}),
    columnWidths: [30, 26, 100],
    cells,
    merges: [],
    validations,
    conditionalFormats: [],
    print: { orientation: "portrait", paper: "A4", fitToWidth: true },
    protect: true,
    rowHeights,
  };
}
