/**
 * A report as the rules see it beside its figures: its state, the year-to-date flows before it and the unit's other
 * reports' figures (history-context.ts) — read in one query (SubmissionStatements.stateAndOthers, batched with the
 * other reads of the moment on SQLite). Also what a dry run and GET /reports/... show of them: the earlier figures
 * per target, whether the figure is a history outlier, and a longer period's figure computed from its months.
 */
import type { FastifyInstance } from "fastify";
import { combinePeriods, entryFigure } from "../../domain";
import { MONTHS_TOLERANCE } from "../../domain/rules/validate";
import { historyOutlier, type HistoryThresholds } from "../../domain/rules/history";
import type { Catalog, ParsedEntry, Period } from "../../domain/types";
import type { ReportStateRow } from "../db/schema";
import type { ReportFigureContext } from "../../api";
import { addFlows, unpackContent } from "./content";
import { figuresOf, historyWindow, rulesHistory, type HistoryRows, type RulesHistory } from "./history-context";

/** The report as it stands: its head (none before the first revision), the year-to-date flows, the other reports. */
export interface Current {
  state: ReportStateRow | undefined;
  ytd: Record<string, number>;
  history: HistoryRows;
  /** true when `history` was left unread (readCurrent's `history: false`): the store reads it */
  historyUnread?: true;
}

/** Figures of revisions stored before report_state.latest_figures existed, by submission id (immutable). */
const LEGACY = new Map<string, string>();

async function legacyFigures(app: FastifyInstance, submissionId: string): Promise<string> {
  let f = LEGACY.get(submissionId);
  if (f === undefined) {
    const content = await app.statements.content(app.store.db, submissionId);
    f = content ? figuresOf(unpackContent(content).parsed) : "{}";
    if (LEGACY.size >= 10_000) LEGACY.clear();
    LEGACY.set(submissionId, f);
  }
  return f;
}

/**
 * One read: the report's state, the flows before it in the year, and its history window's figures — or, with
 * `history: false` (a store that reads the history itself, SubmissionStore.readsHistory), the state and the flows
 * only: the rows of the year's earlier periods, as before the history checks, and `history.rows` left empty.
 */
export async function readCurrent(
  app: FastifyInstance,
  unitCode: string,
  period: Period | null,
  opts: { history?: boolean } = {},
): Promise<Current> {
  const ytd: Record<string, number> = {};
  if (!period) return { state: undefined, ytd, history: { period: "", rows: [] } };
  const w = historyWindow(period);
  const withHistory = opts.history !== false;
  const read = withHistory
    ? await app.statements.stateAndOthers(app.store.db, unitCode, period.id, w.read)
    : await app.statements.stateAndOthers(app.store.db, unitCode, period.id, w.ytd, { figures: false });
  const rows: [string, string][] = [];
  for (const r of read.others) {
    if (!withHistory || w.ytd.includes(r.period)) addFlows(ytd, r.latest_flows);
    if (!withHistory) continue;
    const figures = r.latest_figures ?? (await legacyFigures(app, r.latest_submission_id));
    if (figures !== "{}") rows.push([r.period, figures]);
  }
  const current: Current = { state: read.state, ytd, history: { period: period.id, rows } };
  if (!withHistory) current.historyUnread = true;
  return current;
}

/** What the rules used, as the API shows it: per target, its earlier figures and the figure from its months. */
export function figureContext(
  catalog: Catalog,
  period: Period | null,
  current: Current,
  entries: readonly ParsedEntry[],
  thresholds?: HistoryThresholds,
): ReportFigureContext {
  const out: ReportFigureContext = { history: {}, fromMonths: {} };
  if (!period || current.history.rows.length === 0) return out;
  const past: RulesHistory = rulesHistory(catalog, period, current.history.rows);
  const byId = new Map(catalog.targets.map((t) => [t.id, t]));
  for (const e of entries) {
    const target = byId.get(e.targetId);
    if (!target) continue;
    const figure = e.notApplicable ? null : entryFigure(target, e);
    const h = past.history[e.targetId];
    if (h) {
      const verdict = figure === null ? null : historyOutlier(figure, h, thresholds);
      out.history[e.targetId] = {
        earlier: [...h.earlier],
        yearBefore: h.yearBefore ?? null,
        outlier: verdict ? verdict.basis : null,
      };
    }
    const months = past.monthEntries[e.targetId];
    if (!months || months.length === 0) continue;
    const computed = combinePeriods(target, months);
    if (computed.figure === null) continue;
    const scale = Math.max(Math.abs(figure ?? 0), Math.abs(computed.figure), 1e-9);
    out.fromMonths[e.targetId] = {
      figure,
      computed: Math.round(computed.figure * 100) / 100,
      months: computed.periods,
      timeAggregation: target.timeAggregation,
      disagrees: figure !== null && Math.abs(figure - computed.figure) / scale > MONTHS_TOLERANCE,
    };
  }
  return out;
}
