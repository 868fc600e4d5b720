/** Helpers every consolidated sheet uses: addresses, titles, status rules, an empty sheet, fitted row heights. */
import { heightsFromLines, textLines } from "../row-heights";
import {
  MILESTONE_LABELS,
  PROGRESS_LABELS,
  type Bilingual,
  type CityFigure,
  type Target,
  type TargetProgress,
} from "../../domain";
import { columnIndex, columnLetters, splitAddress, type CellStyle } from "../template";
import {
  CONSOLIDATED_SHEETS,
  type ConsolidatedRole,
  type ConsolidatedSheet,
  type ConsolidatedStyleId,
  type ExpressionRule,
} from "./spec";
import { PROGRESS_FORMATS } from "./styles";

/** A string literal inside a formula. */
export function lit(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

export function addr(col: number, row: number): string {
  return `${columnLetters(col)}${row}`;
}

export function range(c1: number, r1: number, c2: number, r2: number): string {
  return `${addr(c1, r1)}:${addr(c2, r2)}`;
}

export function shortName(t: Target, max = 48): string {
  const n = t.name.vi;
  return `${t.id} ${n.length > max ? `${n.slice(0, max - 1)}…` : n}`;
}

export function milestoneText(m: CityFigure["milestone"]): string | null {
  if (!m) return null;
  const l = MILESTONE_LABELS.find((x) => x.state === m);
  return l ? `${l.vi}\n${l.en}` : m;
}

export function emptySheet(role: Exclude<ConsolidatedRole, "tasks">, columnWidths: number[]): ConsolidatedSheet {
  return blankSheet(CONSOLIDATED_SHEETS[role], role, columnWidths);
}

/** A sheet with its name, role and column widths and nothing in it yet: A4 landscape, fitted to the page's width. */
export function blankSheet(name: string, role: ConsolidatedSheet["role"], columnWidths: number[]): ConsolidatedSheet {
  return {
    name,
    role,
    columnWidths,
    blocks: [],
    styles: [],
    merges: [],
    conditionalFormats: [],
    charts: [],
    print: { orientation: "landscape", paper: "A4", fitToWidth: true },
    rowHeights: {},
  };
}

/**
 * Height of each row whose wrapped cells need more than one line: a text's lines are its "\n" parts, each taking
 * ceil(length / column width) lines (a width in characters is about that many average characters).
 */
export function fitRowHeights(
  sheet: ConsolidatedSheet,
  styles: Record<ConsolidatedStyleId, CellStyle>,
): Record<number, number> {
  const wraps: { c1: number; r1: number; c2: number; r2: number }[] = [];
  for (const st of sheet.styles) {
    if (!styles[st.style].wrap) continue;
    const [a, b = a] = st.range.split(":");
    const p = splitAddress(a);
    const q = splitAddress(b);
    wraps.push({ c1: columnIndex(p.column), r1: p.row, c2: columnIndex(q.column), r2: q.row });
  }
  const merged = new Set<string>();
  for (const m of sheet.merges) merged.add(m.split(":")[0]);
  const lines = new Map<number, number>();
  for (const b of sheet.blocks) {
    const p = splitAddress(b.address);
    const c0 = columnIndex(p.column);
    b.values.forEach((row, i) => {
      const r = p.row + i;
      row.forEach((v, j) => {
        if (typeof v !== "string") return;
        const c = c0 + j;
        if (merged.has(addr(c, r)) || !wraps.some((w) => r >= w.r1 && r <= w.r2 && c >= w.c1 && c <= w.c2)) return;
        const n = textLines(v, sheet.columnWidths[c - 1] ?? 9);
        lines.set(r, Math.max(lines.get(r) ?? 1, n));
      });
    });
  }
  return heightsFromLines(lines);
}

export function titleRows(sheet: ConsolidatedSheet, title: Bilingual, note: string, lastCol: number): void {
  sheet.blocks.push({ address: "A1", values: [[title.vi], [title.en], [note]] });
  sheet.styles.push(
    { range: "A1", style: "title" },
    { range: "A2", style: "subtitle" },
    { range: "A3", style: "hint" },
  );
  sheet.merges.push(range(1, 1, lastCol, 1), range(1, 2, lastCol, 2), range(1, 3, lastCol, 3));
}

/** Status columns hold `statusText(progress)` ("Đạt\nMet"): one exact-match rule per status. */
export function statusTextRules(topLeft: string): ExpressionRule[] {
  return (Object.keys(PROGRESS_FORMATS) as TargetProgress[]).map((p) => ({
    formula: `${topLeft}=${lit(PROGRESS_LABELS[p].vi)}&CHAR(10)&${lit(PROGRESS_LABELS[p].en)}`,
    ...PROGRESS_FORMATS[p],
  }));
}
