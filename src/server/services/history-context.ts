/**
 * What the rules are given about the unit's other reports (issue #14): its earlier figures for each target (history
 * checks, rules/history.ts) and, for a quarter, half or year, the month figures inside the period (the figure
 * computed from them is shown beside the typed one, and warns when they disagree).
 *
 * Cost on the submission path: each report_state row carries its latest revision's figures as a small JSON text
 * (`latest_figures`, written by the check that stored it, `figuresOf`). On SQLite the writer thread reads the rows
 * of the periods this module names (`historyWindow`) itself, on its own connection right before the check
 * (SubmissionStatements.historyQuery, submission-check.ts): the event loop, which limits the deadline burst, reads
 * only the state and the year-to-date flows, as before issue #14. Elsewhere (PostgreSQL, dry runs) the rows come
 * back in the one batched read of the state and cross to the check thread as text. The checker parses each text
 * once (a small cache by text) and hands validate() only the targets that have a history.
 */
import * as catalogModule from "../../domain/catalog/catalog";
import { makePeriod } from "../../domain";
import type { Catalog, ParsedEntry, Period, PeriodKind, Target } from "../../domain/types";
import type { HistoryPoint, UnitHistory } from "../../domain/rules/history";

// bound once: tsx/esbuild read an imported name through a getter on every use (as validate.ts does)
const { catalogIndex, ratioScale } = catalogModule;

/** How many earlier periods of the same kind the history checks look at (enough to hold the same period a year
 * before and every earlier period of the year). */
export const HISTORY_DEPTH: Record<PeriodKind, number> = { month: 12, quarter: 8, half: 4, year: 4 };

export interface HistoryWindow {
  /** earlier periods of the same kind, oldest first (HISTORY_DEPTH of them) */
  earlier: string[];
  /** the same period a year before (one of `earlier`) */
  yearBefore: string;
  /** the earlier periods of the same year (year-to-date sums; a subset of `earlier`) */
  ytd: string[];
  /** a quarter's, half's or year's months */
  months: string[];
  /** every period to read beside the report's own: `earlier` then `months` */
  read: string[];
}

const SPAN: Record<PeriodKind, number> = { month: 1, quarter: 3, half: 6, year: 12 };
const PER_YEAR: Record<PeriodKind, number> = { month: 12, quarter: 4, half: 2, year: 1 };
const WINDOWS = new Map<string, HistoryWindow>();

/** The periods whose figures the rules use for a report of `period` (memoized per period id). */
export function historyWindow(period: Period): HistoryWindow {
  let w = WINDOWS.get(period.id);
  if (w) return w;
  const per = PER_YEAR[period.kind];
  const earlier: string[] = [];
  const ytd: string[] = [];
  for (let back = HISTORY_DEPTH[period.kind]; back >= 1; back--) {
    const n = period.year * per + (period.index - 1) - back;
    const year = Math.floor(n / per);
    const p = makePeriod(period.kind, year, (n % per) + 1);
    earlier.push(p.id);
    if (year === period.year) ytd.push(p.id);
  }
  const months: string[] = [];
  if (period.kind !== "month") {
    const first = (period.index - 1) * SPAN[period.kind] + 1;
    for (let m = first; m < first + SPAN[period.kind]; m++) months.push(makePeriod("month", period.year, m).id);
  }
  w = {
    earlier,
    yearBefore: earlier[earlier.length - per] as string,
    ytd,
    months,
    read: [...earlier, ...months],
  };
  if (WINDOWS.size > 5000) WINDOWS.clear();
  WINDOWS.set(period.id, w);
  return w;
}

/** A revision's figures: a value, or a ratio target's [numerator, denominator]. */
export type Figures = Record<string, number | [number, number]>;

/** The figures of a revision as stored in report_state.latest_figures (no blanks, milestones or N/A). */
export function figuresOf(parsed: readonly ParsedEntry[]): string {
  // written by hand: target ids are catalog ids (letters and digits) and the figures finite numbers
  let out = "";
  for (const e of parsed) {
    if (e.notApplicable) continue;
    if (typeof e.value === "number") out += `,${JSON.stringify(e.targetId)}:${e.value}`;
    else if (typeof e.numerator === "number" && typeof e.denominator === "number")
      out += `,${JSON.stringify(e.targetId)}:[${e.numerator},${e.denominator}]`;
  }
  return `{${out.slice(1)}}`;
}

/** What the service sends the checker: the report's period and [period, figures JSON] of the rows it read. */
export interface HistoryRows {
  period: string;
  rows: [string, string][];
}

/** What validate() takes (ValidationContext.history, .monthEntries), and the earlier figures to show. */
export interface RulesHistory {
  history: Record<string, UnitHistory>;
  monthEntries: Record<string, ParsedEntry[]>;
}

/** Parsed figure texts: the same earlier report is history for the unit's next dozen reports. */
const PARSED = new Map<string, Figures>();

function parseFigures(json: string): Figures {
  let f = PARSED.get(json);
  if (!f) {
    f = JSON.parse(json) as Figures;
    if (PARSED.size >= 4096) PARSED.delete(PARSED.keys().next().value as string);
    PARSED.set(json, f);
  }
  return f;
}

function figureOf(target: Target, f: number | [number, number]): number | null {
  if (typeof f === "number") return f;
  const [num, den] = f;
  return den > 0 ? (ratioScale(target) * num) / den : null;
}

/** validate()'s history and month entries from the rows read; only targets with some history are named. */
export function rulesHistory(catalog: Catalog, period: Period, rows: readonly [string, string][]): RulesHistory {
  const out: RulesHistory = { history: {}, monthEntries: {} };
  if (rows.length === 0) return out;
  const w = historyWindow(period);
  const byPeriod = new Map<string, Figures>();
  for (const [p, json] of rows) byPeriod.set(p, parseFigures(json));
  const byId = catalogIndex(catalog).byId;
  for (const p of w.earlier) {
    const figures = byPeriod.get(p);
    if (!figures) continue;
    const isYearBefore = p === w.yearBefore;
    for (const id in figures) {
      const target = byId.get(id);
      if (!target) continue;
      const figure = figureOf(target, figures[id] as number | [number, number]);
      if (figure === null) continue;
      const point: HistoryPoint = { period: p, figure };
      const h = (out.history[id] ??= { earlier: [] });
      (h.earlier as HistoryPoint[]).push(point);
      if (isYearBefore) h.yearBefore = point;
    }
  }
  for (const p of w.months) {
    const figures = byPeriod.get(p);
    if (!figures) continue;
    for (const id in figures) {
      if (!byId.has(id)) continue;
      const f = figures[id] as number | [number, number];
      const ratio = typeof f !== "number";
      (out.monthEntries[id] ??= []).push({
        targetId: id,
        value: ratio ? null : f,
        numerator: ratio ? f[0] : null,
        denominator: ratio ? f[1] : null,
        milestone: null,
        justification: null,
        evidence: null,
        responsible: null,
      });
    }
  }
  return out;
}
