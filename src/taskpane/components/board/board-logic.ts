/** Pure helpers of the planner's board (no React): order, filters, what to chase, the export, a figure as text. */
import type { BoardState, BoardUnit } from "../../api/board";

export const STATE_ORDER: readonly BoardState[] = [
  "missing",
  "returned",
  "submitted_late",
  "submitted_on_time",
  "accepted",
  "not_applicable",
];

/** By state (what needs the planner first), then deadline, then unit code. */
export function sortUnits(units: readonly BoardUnit[]): BoardUnit[] {
  const rank = (s: BoardState) => STATE_ORDER.indexOf(s);
  return [...units].sort(
    (a, b) =>
      rank(a.state) - rank(b.state) ||
      (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0) ||
      (a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : 0),
  );
}

export function filterUnits(units: readonly BoardUnit[], state: BoardState | "", group: string): BoardUnit[] {
  return units.filter((u) => (state === "" || u.state === state) && (group === "" || u.groups.includes(group)));
}

/** The units to call: nothing sent, sent back, or sent after the deadline and not yet accepted. */
export function toChase(units: readonly BoardUnit[]): BoardUnit[] {
  return units.filter((u) => u.state === "missing" || u.state === "returned" || u.state === "submitted_late");
}

/** A report the planner can accept without opening it again: sent, waiting for review, not locked. */
export function acceptable(u: BoardUnit): boolean {
  return (u.state === "submitted_on_time" || u.state === "submitted_late") && !u.locked && u.revision !== null;
}

function csvCell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** One row per unit: code, name, state, deadline, preparer, approver, phone, e-mails. */
export function chaseRows(
  units: readonly BoardUnit[],
  name: (u: BoardUnit) => string,
  state: (s: BoardState) => string,
  date: (iso: string) => string,
): string[][] {
  return units.map((u) => [
    u.unitCode,
    name(u),
    state(u.state),
    date(u.deadline),
    u.contact?.preparer ?? "",
    u.contact?.approver ?? "",
    u.contact?.phone ?? "",
    u.emails.join("; "),
  ]);
}

/** CSV with a BOM (Excel opens UTF-8 Vietnamese correctly), CRLF line ends. */
export function toCsv(header: string, rows: string[][]): string {
  return `\uFEFF${[header, ...rows.map((r) => r.map(csvCell).join(","))].join("\r\n")}\r\n`;
}

/** Tab-separated, for pasting into a sheet or a chat. */
export function toTsv(header: string, rows: string[][]): string {
  return [header.split(",").join("\t"), ...rows.map((r) => r.map((c) => c.replace(/[\t\r\n]+/g, " ")).join("\t"))].join(
    "\n",
  );
}

interface FigureLike {
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
  milestone?: string | null;
  notApplicable?: boolean;
}

/** A figure as one short text: the value, "numerator / denominator", a milestone, or null when blank. */
export function figureOf(e: FigureLike | null | undefined, num: (x: number) => string): string | null {
  if (!e) return null;
  if (typeof e.value === "number") return num(e.value);
  if (typeof e.numerator === "number" || typeof e.denominator === "number")
    return `${typeof e.numerator === "number" ? num(e.numerator) : "—"} / ${typeof e.denominator === "number" ? num(e.denominator) : "—"}`;
  return e.milestone ?? null;
}
