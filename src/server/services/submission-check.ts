/**
 * The rules' verdict on a submission, and — on SQLite — the same check run on the writer thread.
 *
 * Under a deadline burst the event loop is the bottleneck, while the writer thread mostly waits for its fsyncs. So
 * for a submission the event loop has found acceptable in every other way (known unit and period, current
 * catalog, not locked, the expected revision), the domain's validate() — the same function, with the same inputs
 * — runs on the writer thread, just before the write it decides: the figures it parses give the stored text and
 * the flows, and a report with errors or unjustified warnings comes back as a verdict, with its issues, and
 * nothing is written. The event loop answers it exactly as if it had run validate() itself.
 *
 * The thread's copy of the reference data (current catalog and units) is sent to it as a numbered context
 * whenever the event loop's own changes (see SubmissionService), and each write names the context it was checked
 * against, so both sides always judge with the same catalog and units.
 */
import { createUnitRegistry, parsePeriod, validate } from "../../domain";
import type { Catalog, ReportInput, Unit, UnitRegistry, ValidationResult } from "../../domain/types";

import type { StepParam, ThreadRead, WriteChecker } from "../db/writer-thread";
import type { HistoryQuery, HistoryRow } from "../db/history-rows";
import { contentHash, flowsOf, packText, unpackContent } from "./content";
import type { ApplicabilityTable } from "../../domain/rules/applicability";
import type { UnitTargetTable } from "../../domain/rules/unit-targets";
import type { HistoryThresholds } from "../../domain/rules/history";
import { figuresOf, rulesHistory, type HistoryRows } from "./history-context";

/** Why the rules refuse a report: errors, or warnings without a justification; null when they accept it. */
export function rulesVerdict(result: Pick<ValidationResult, "counts">): "invalid" | "unjustified" | null {
  if (result.counts.errors > 0) return "invalid";
  if (result.counts.unjustifiedWarnings > 0) return "unjustified";
  return null;
}

/** The rules' refusal as it comes back from the writer thread. */
export interface RulesRefusal {
  kind: "invalid" | "unjustified";
  counts: ValidationResult["counts"];
  issues: ValidationResult["issues"];
}

/** The reference data a check runs with. */
export interface CheckContext {
  catalog: Catalog;
  units: readonly Unit[];
  /** the planners' unit × target choices */
  applicability?: ApplicabilityTable;
  /** targets assigned to units */
  unitTargets?: UnitTargetTable;
  /** the history checks' thresholds (default HISTORY_THRESHOLDS) */
  historyThresholds?: HistoryThresholds;
}

/** What the event loop sends with a write to be checked. */
export interface CheckPayload {
  /** the report as validate() takes it, but its entries: those are read from the canonical text */
  input: Omit<ReportInput, "entries">;
  ytd: Record<string, number>;
  /** the unit's other reports' figures (history-context.ts): earlier periods and the months inside this one */
  history?: HistoryRows;
  /**
   * Instead of `history`, on the SQLite writer thread: the read that gives those rows, run there on the thread's
   * own connection (no figures read on the event loop, none copied between the threads).
   */
  historyQuery?: HistoryQuery;
  /**
   * The content's canonical text (stored with the parsed figures). Its entries are the ones the event loop would
   * validate; one string crosses to the thread far more cheaply than 43 entry objects.
   */
  canonicalText: string;
  /** [step, parameter] where the flows' JSON goes */
  flowsAt: [number, number][];
  /** [step, parameter] where the figures' JSON goes (report_state.latest_figures) */
  figuresAt: [number, number][];
  /** [step, parameter] where the stored text goes (the writer compresses it) */
  contentAt: [number, number];
  /** [step, parameter] where the canonical text's hash goes */
  hashAt: [number, number];
}

const registries = new WeakMap<CheckContext, UnitRegistry>();

function registryOf(context: CheckContext): UnitRegistry {
  let registry = registries.get(context);
  if (!registry) {
    registry = createUnitRegistry(context.units);
    registries.set(context, registry);
  }
  return registry;
}

/** The history rows of `q`, read with `read`: [period, figures JSON], as the event loop's readCurrent gives them. */
export function readHistoryRows(q: HistoryQuery, read: ThreadRead): [string, string][] {
  const rows: [string, string][] = [];
  for (const r of read(q.sql, q.params) as HistoryRow[]) {
    let figures = r.latest_figures;
    if (figures === null) {
      // a revision stored before report_state.latest_figures existed: its figures from its stored content
      const stored = read(q.contentSql, [r.latest_submission_id])[0] as { content: Buffer } | undefined;
      figures = stored ? figuresOf(unpackContent(stored.content).parsed) : "{}";
    }
    if (figures !== "{}") rows.push([r.period, figures]);
  }
  return rows;
}

/** Validate, then either fill in the write's flows and stored text, or refuse with the rules' issues. */
export function check(
  payload: unknown,
  context: unknown,
  params: StepParam[][],
  read?: ThreadRead,
): RulesRefusal | undefined {
  const p = payload as CheckPayload;
  const ctx = context as CheckContext;
  const entries = (JSON.parse(p.canonicalText) as { entries: ReportInput["entries"] }).entries;
  if (p.historyQuery && !read) throw new Error("a history query outside the writer thread");
  const rows = p.historyQuery && read ? readHistoryRows(p.historyQuery, read) : p.history?.rows;
  const period = rows && rows.length > 0 ? parsePeriod(p.input.period) : null;
  const past = period ? rulesHistory(ctx.catalog, period, rows as [string, string][]) : null;
  const result = validate(
    { ...p.input, entries },
    {
      catalog: ctx.catalog,
      units: registryOf(ctx),
      ytd: p.ytd,
      applicability: ctx.applicability,
      unitTargets: ctx.unitTargets,
      history: past?.history,
      monthEntries: past?.monthEntries,
      historyThresholds: ctx.historyThresholds,
    },
  );
  const verdict = rulesVerdict(result);
  if (verdict) return { kind: verdict, counts: result.counts, issues: result.issues };
  const flows = flowsOf(ctx.catalog, result.entries);
  for (const [step, at] of p.flowsAt) (params[step] as StepParam[])[at] = flows;
  const figures = figuresOf(result.entries);
  for (const [step, at] of p.figuresAt) (params[step] as StepParam[])[at] = figures;
  (params[p.contentAt[0]] as StepParam[])[p.contentAt[1]] = packText(p.canonicalText, result.entries);
  (params[p.hashAt[0]] as StepParam[])[p.hashAt[1]] = contentHash(p.canonicalText);
  return undefined;
}

// the writer thread loads this module as its checker
check satisfies WriteChecker["check"];
