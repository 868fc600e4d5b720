/**
 * validate(): every issue of one unit's report for one period, never throwing on user data. Checks the report's
 * unit, period and catalog version; each row (known target, not repeated, assigned to the unit, type, hard bounds);
 * required figures; the population used by several ratio targets; and status against the target (assess()).
 * Messages are written last, from code + params. A result is `ok` when there is no error and every warning is
 * justified (a justification of at least MIN_JUSTIFICATION characters on that target).
 * Speed: catalog look-ups are cached per catalog object, periods per id; no closure or regex is made per value.
 */
import type {
  EntryField,
  EntryInput,
  ParsedEntry,
  Period,
  ReportInput,
  Severity,
  Target,
  TargetAssessment,
  ValidationIssue,
  ValidationResult,
} from "../types";
import * as catalogModule from "../catalog/catalog";
import * as messagesModule from "../messages";
import * as periodsModule from "../periods/periods";
import * as assessModule from "./assess";
import type { AssessOptions } from "./assess";
import * as noTargetModule from "./no-target";
import * as consistencyModule from "./consistency";
import * as entryModule from "./entry";
import { ValidationRun, codePoints, expectedMask, type Row } from "./run";
import * as applicabilityModule from "./applicability";
import * as unitTargetsModule from "./unit-targets";
import * as historyModule from "./history";
import type { UnitHistory } from "./history";
import { combinePeriods } from "../aggregate/time";
import type { ValidationContext } from "./context";
import { ENTRY_FIELDS } from "../entry-fields";

/** bound locally once: tsx/esbuild read an imported name through a getter on every use */
const FIELDS = ENTRY_FIELDS;

// Local bindings, taken once: cheaper per call than live import bindings in CommonJS output (bench/validate).
const { catalogIndex } = catalogModule;
const { messageFor } = messagesModule;
const { parsePeriod } = periodsModule;
const { emptyVerdict, entryFigure, judgeInto, verdictParams } = assessModule;
const { completeNoTarget, sharedNoTarget } = noTargetModule;
const { checkPopulation } = consistencyModule;
const { emptyParsedEntry, parseEntryInto, primaryField } = entryModule;
const { reportScope } = applicabilityModule;
const { assignedTarget, withAssigned } = unitTargetsModule;
const { historyOutlier } = historyModule;

export const MIN_JUSTIFICATION = 10;

const PERIODS = new Map<string, Period | null>();
function cachedPeriod(id: unknown): Period | null {
  if (typeof id !== "string") return null;
  let p = PERIODS.get(id);
  if (p === undefined) {
    p = parsePeriod(id);
    if (PERIODS.size > 10_000) PERIODS.clear();
    PERIODS.set(id, p);
  }
  return p;
}

export function validate(report: ReportInput, ctx: ValidationContext): ValidationResult {
  const catalog = ctx.catalog;
  const targets = catalog.targets;
  const order = catalogIndex(catalog).order;
  const unitCode = typeof report.unitCode === "string" ? report.unitCode : String(report.unitCode);
  const periodId = typeof report.period === "string" ? report.period : String(report.period);
  const run = new ValidationRun(unitCode, periodId, targets.length, order);
  const locale = report.locale === "en" ? "en" : "vi";

  const unit = ctx.units.byCode(unitCode);
  if (!unit) run.add("unknown_unit", "report.unit", null, null, ["unitCode"], "error", { unitCode });
  const period = cachedPeriod(report.period);
  if (!period) {
    run.add("unknown_period", "report.period", null, null, ["period"], "error", { period: String(report.period) });
  }
  if (report.catalogVersion !== catalog.version) {
    run.add("catalog_version_mismatch", "report.catalog_version", null, null, ["catalogVersion"], "error", {
      expected: catalog.version,
      got: String(report.catalogVersion ?? ""),
    });
  }
  // What the unit may report (applies in the period) and what it must (applies and is due): applicability.ts.
  const scope = unit && period ? reportScope(catalog, unit, period, ctx.applicability) : null;
  const allowed = scope ? scope.applicable : unit ? ctx.units.targetsFor(catalog, unit.code) : null;
  const mask = allowed ? expectedMask(allowed, order, targets.length) : null;
  const expected = scope ? scope.due : allowed;
  const requiredMask = expected ? expectedMask(expected, order, targets.length) : null;

  const entries: ParsedEntry[] = [];
  const list: EntryInput[] = Array.isArray(report.entries) ? report.entries : [];
  for (let i = 0; i < list.length; i++) {
    const input = list[i]!; // JSON may still hold null here: checked below
    const rawId = input && typeof input.targetId === "string" ? input.targetId.trim() : null;
    const pos = rawId === null ? undefined : order.get(rawId);
    if (pos === undefined || rawId === null) {
      run.add("unknown_target", "entries.known_target", rawId, null, ["entries", i, "targetId"], "error", {
        targetId: rawId ?? String(input?.targetId ?? ""),
        catalogVersion: catalog.version,
      });
      continue;
    }
    const target = targets[pos]!; // pos comes from `order`, built over `targets`
    const first = run.byPos[pos];
    if (first !== undefined) {
      run.add("duplicate_target", "entries.unique_target", rawId, null, ["entries", i], "error", {
        index: i + 1,
        firstIndex: first.index + 1,
      });
      continue;
    }
    const parsed = emptyParsedEntry(rawId);
    if (mask && mask[pos] !== 1) {
      // a row left entirely blank for a target the unit does not report (a workbook made before a planner took the
      // target out of its report) is no answer at all: ignored, not an error
      if (isBlankInput(input)) continue;
      run.byPos[pos] = { entry: parsed, state: "invalid", target, index: i };
      run.add("target_not_for_unit", "entries.target_for_unit", rawId, null, ["entries", rawId], "error", { unitCode });
      continue;
    }
    run.currentId = rawId;
    const state = parseEntryInto(input, target, locale, parsed, run);
    if (state === "not_applicable") checkNotApplicable(run, parsed, scope?.alwaysRequired);
    entries.push(parsed);
    const row: Row = { entry: parsed, state, target, index: i };
    run.byPos[pos] = row;
    run.list.push(row);
  }

  // Required: every target the unit reports, typed or not.
  if (expected) {
    const severity: Severity = ctx.draft ? "info" : "error";
    for (let pos = 0; pos < targets.length; pos++) {
      if ((requiredMask as Uint8Array)[pos] !== 1) continue;
      const t = targets[pos]!;
      const row = run.byPos[pos];
      if (row === undefined || row.state === "blank") {
        const field = primaryField(t);
        run.add("required", "required", t.id, field, ["entries", t.id, field], severity, {});
      }
    }
  }

  checkPopulation(catalog, run.byPos, run);

  const assessments: TargetAssessment[] = [];
  if (period) {
    const ytd = ctx.ytd;
    const opts: AssessOptions = { ytdBefore: undefined, asOf: ctx.asOf, assigned: false };
    const v = emptyVerdict();
    const unitTargets = ctx.unitTargets;
    for (const row of run.list) {
      if (row.state !== "ok") continue;
      const assigned = unitTargets ? assignedTarget(unitTargets, unitCode, row.target.id, period.year) : undefined;
      const target = assigned ? withAssigned(row.target, assigned) : row.target;
      opts.assigned = assigned !== undefined;
      const id = target.id;
      opts.ytdBefore = ytd ? ytd[id] : undefined;
      judgeInto(target, row.entry, period, opts, v);
      const progress = v.progress;
      assessments.push({ targetId: id, progress, figure: v.figure, target: v.yt });
      const past = ctx.history?.[id];
      if (past) checkHistory(run, target, row.entry, past, ctx);
      const months = period.kind !== "month" ? ctx.monthEntries?.[id] : undefined;
      if (months && months.length > 0) checkMonths(run, target, row.entry, months);
      if (progress === "met" || progress === "on_track" || progress === "no_data") continue;
      const field = primaryField(target);
      const path = ["entries", id, field];
      if (progress === "no_target") {
        run.add("no_target", "status.no_target", id, field, path, "info", sharedNoTarget(target, period, v).params);
        continue;
      }
      const params = verdictParams(target, period, v);
      if (assigned) params.decision = assigned.decision;
      if (progress === "off_track") run.add("off_track", "status.off_track", id, field, path, "warning", params);
      else run.add("at_risk", "status.at_risk", id, field, path, "info", params);
    }
  }
  return finish(run, ctx, entries, assessments);
}

/** A figure far outside the unit's own history: a warning with the earlier figures (history.ts). */
function checkHistory(
  run: ValidationRun,
  target: Target,
  entry: ParsedEntry,
  past: UnitHistory,
  ctx: ValidationContext,
): void {
  const figure = entryFigure(target, entry);
  if (figure === null) return;
  const verdict = historyOutlier(figure, past, ctx.historyThresholds);
  if (!verdict) return;
  const field = primaryField(target);
  run.add("history_outlier", `history.${verdict.basis}`, target.id, field, ["entries", target.id, field], "warning", {
    figure,
    basis: verdict.basis,
    earlier: verdict.shown,
    median: verdict.median,
  });
}

function isBlankInput(e: EntryInput): boolean {
  for (const k of FIELDS) {
    const v = e[k];
    if (v !== null && v !== undefined && String(v).trim() !== "") return false;
  }
  return true;
}

/** Months' figures combined (time_aggregation) against the figure typed for the longer period: 1 % apart warns. */
function checkMonths(run: ValidationRun, target: Target, entry: ParsedEntry, months: ParsedEntry[]): void {
  const typed = entryFigure(target, entry);
  const computed = combinePeriods(target, months);
  if (typed === null || computed.figure === null) return;
  const scale = Math.max(Math.abs(typed), Math.abs(computed.figure), 1e-9);
  if (Math.abs(typed - computed.figure) / scale <= MONTHS_TOLERANCE) return;
  const field = primaryField(target);
  run.add("disagrees_with_months", "cadence.months", target.id, field, ["entries", target.id, field], "warning", {
    figure: typed,
    computed: Math.round(computed.figure * 100) / 100,
    months: computed.periods,
    timeAggregation: target.timeAggregation,
  });
}

/** How far (relative) a longer period's figure may be from the one computed from its months before it warns. */
export const MONTHS_TOLERANCE = 0.01;

/**
 * "Not applicable" is an answer: it needs a reason (the justification), and a planner's `always_required` refuses it.
 * It is never missing and never 0 (aggregate() lists it apart).
 */
function checkNotApplicable(
  run: ValidationRun,
  entry: ParsedEntry,
  alwaysRequired: ReadonlySet<string> | undefined,
): void {
  const id = entry.targetId;
  if (alwaysRequired?.has(id)) {
    const params = { unitCode: run.unitCode };
    run.add("not_applicable_refused", "applicability.always_required", id, "value", ["entries", id], "error", params);
  } else if (entry.justification === null) {
    const path = ["entries", id, "justification"];
    run.add("not_applicable_without_reason", "applicability.reason", id, "justification", path, "error", {});
  }
}

function complete(issue: ValidationIssue, field: EntryField | null, ctx: ValidationContext): void {
  const cell = issue.targetId !== null && field !== null && ctx.cellOf ? ctx.cellOf(issue.targetId, field) : undefined;
  if (cell !== undefined) issue.cell = cell;
  if (issue.code === "no_target") return completeNoTarget(issue, field, cell);
  const params = issue.params; // a fresh object per issue: complete it in place
  params.targetId = issue.targetId;
  params.field = field;
  params.cell = cell ?? null;
  issue.message = messageFor(issue.code, params);
}

function finish(
  run: ValidationRun,
  ctx: ValidationContext,
  entries: ParsedEntry[],
  assessments: TargetAssessment[],
): ValidationResult {
  const issues = run.issues;
  const tooShort: string[] = [];
  let errors = 0;
  let warnings = 0;
  let unjustified = 0;
  let infos = 0;
  const n = issues.length;
  for (let i = 0; i < n; i++) {
    const issue = issues[i]!;
    complete(issue, run.fields[i] ?? null, ctx);
    if (issue.severity === "warning") {
      const id = issue.targetId;
      const len = id === null ? 0 : codePoints(run.row(id)?.entry.justification ?? null);
      issue.justified = len >= MIN_JUSTIFICATION;
      warnings++;
      if (!issue.justified) unjustified++;
      if (len > 0 && len < MIN_JUSTIFICATION && id !== null && !tooShort.includes(id)) tooShort.push(id);
    } else if (issue.severity === "error") errors++;
    else infos++;
  }
  for (const targetId of tooShort) {
    errors++;
    const length = codePoints(run.row(targetId)?.entry.justification ?? null);
    run.add(
      "justification_too_short",
      "justification.min_length",
      targetId,
      "justification",
      ["entries", targetId, "justification"],
      "error",
      { length, minLength: MIN_JUSTIFICATION },
    );
    complete(issues[issues.length - 1]!, "justification", ctx);
  }
  return {
    ok: errors === 0 && unjustified === 0,
    issues,
    entries,
    assessments,
    counts: { errors, warnings, unjustifiedWarnings: unjustified, infos },
  };
}
