/**
 * POST /submissions, following ODK Central's rules:
 *  - the same id with the same content → the stored receipt (200, `replay: true`), never a second row;
 *  - the same id with other content → 409 CT_SUBMISSION_CONFLICT;
 *  - `supersedes` must be the latest revision (null only for the first) → else 409 CT_OUT_OF_DATE;
 *  - a unit retired from this period or an earlier one → 409 CT_UNIT_RETIRED (earlier periods still go through);
 *  - an accepted report is locked → 409 CT_REPORT_LOCKED; an unknown or old catalog → 409 CT_CATALOG_VERSION;
 *  - the domain's validate() decides errors (422 CT_REPORT_INVALID) and unjustified warnings (422
 *    CT_JUSTIFICATION_REQUIRED) — the server never trusts the client's own check.
 * The rules and the write go to the handle's SubmissionStore (db/submission-store/): one transaction (shared with
 * other submissions under group commit) whose conditional update of the report head and the unique keys make
 * concurrent retries and concurrent edits safe across instances.
 */
import type { FastifyInstance } from "fastify";
import { isOnTime, makePeriod, parsePeriod, periodLabel, reportsIn, validate } from "../../domain";
import type { Bilingual, Catalog, Period, Unit, ValidationIssue, ValidationResult } from "../../domain/types";
import { canonicalPeriodId } from "../periods";
import { figuresOutOfRange, type FigureOutOfRange, type FigurePart } from "../../domain/rules/bounds";
import type { AuthContext } from "../plugins/auth";
import {
  CT_FIGURE_OUT_OF_RANGE,
  CT_PERIOD_OUT_OF_PLAN,
  CT_CATALOG_VERSION,
  CT_INTERNAL,
  CT_JUSTIFICATION_REQUIRED,
  CT_OUT_OF_DATE,
  CT_REPORT_INVALID,
  CT_REPORT_LOCKED,
  CT_ROLE_FORBIDDEN,
  CT_SUBMISSION_CONFLICT,
  CT_UNIT_FORBIDDEN,
  CT_DEMO_FORBIDDEN,
  CT_UNIT_RETIRED,
} from "../errors";
import type { SubmissionHead } from "../db/submissions";
import type { HistoryQuery } from "../db/history-rows";
import type { ReportStateRow } from "../db/schema";
import type { DryRunResult, Receipt, ReceiptStatus, SubmissionRequestBody } from "../../api";
import { addFlows, canonicalContent, diffEntries, unpackContent } from "./content";
import { taskProgressRefusal } from "./task-progress-check";
import { rulesVerdict, type CheckContext, type CheckPayload, type RulesRefusal } from "./submission-check";
import { figureContext, readCurrent, type Current } from "./report-context";
import { historyWindow, rulesHistory, type HistoryRows } from "./history-context";

/** The receipt and the dry-run verdict are the wire contract's types (src/api/submissions.ts). */
export type { DryRunResult, Receipt, ReceiptStatus } from "../../api";

export type SubmitOutcome =
  | { kind: "stored"; receipt: Receipt }
  | { kind: "replay"; receipt: Receipt }
  | { kind: "dryRun"; result: DryRunResult };

export function receiptStatus(id: string, state: ReportStateRow | undefined): ReceiptStatus {
  if (!state) return "submitted";
  if (state.latest_submission_id === id) return state.status as ReceiptStatus;
  if (state.accepted_submission_id === id) return "accepted";
  return "superseded";
}

export function receiptOf(head: SubmissionHead, state: ReportStateRow | undefined, replay: boolean): Receipt {
  return {
    submissionId: head.id,
    unitCode: head.unit_code,
    period: head.period,
    revision: head.revision,
    supersedes: head.supersedes,
    receivedAt: head.received_at,
    onTime: head.on_time === 1,
    status: receiptStatus(head.id, state),
    replay,
  };
}

/** Earlier periods of the same kind in the same year (months before a month, quarters before a quarter, …). */
export function earlierPeriodsOfYear(period: Period): string[] {
  if (period.kind === "year") return [];
  const ids: string[] = [];
  for (let i = 1; i < period.index; i++) ids.push(makePeriod(period.kind, period.year, i).id);
  return ids;
}

/** Year-to-date sums of the flow targets from the unit's latest revisions of the earlier periods of the year. */
export async function yearToDate(
  app: FastifyInstance,
  unitCode: string,
  period: Period,
): Promise<Record<string, number>> {
  const earlier = earlierPeriodsOfYear(period);
  const ytd: Record<string, number> = {};
  if (earlier.length === 0) return ytd;
  for (const row of await app.statements.latestFlows(app.store.db, unitCode, earlier)) addFlows(ytd, row.flows);
  return ytd;
}

function outOfDate(unitCode: string, period: string, supersedes: string | null, state: ReportStateRow | undefined) {
  return CT_OUT_OF_DATE({
    unitCode,
    period,
    supersedes,
    latestSubmissionId: state?.latest_submission_id ?? "",
    latestRevision: state?.latest_revision ?? 0,
  });
}

/** The rules' refusal as the API answers it (the same whether validate() ran here or on the writer thread). */
function rulesRefusal(r: RulesRefusal): Error {
  return r.kind === "invalid"
    ? CT_REPORT_INVALID({ errors: r.counts.errors }, { issues: r.issues })
    : CT_JUSTIFICATION_REQUIRED({ unjustified: r.counts.unjustifiedWarnings }, { issues: r.issues });
}

/** 422 naming each figure beyond its bound: the path of the field, the target, the value and the bound. */
function figureRefusal(found: FigureOutOfRange[]): Error {
  const fieldName: Record<FigurePart, Bilingual> = {
    value: { vi: "giá trị", en: "value" },
    numerator: { vi: "tử số", en: "numerator" },
    denominator: { vi: "mẫu số", en: "denominator" },
  };
  const issues = found.map((f) => ({
    code: "figure_out_of_range",
    targetId: f.targetId,
    path: ["body", "entries", f.index, f.part],
    params: { value: f.value, bound: f.bound },
    message: {
      vi: `Chỉ tiêu ${f.targetId}, ${fieldName[f.part].vi}: ${f.value} vượt giới hạn có thể có (tối đa ${f.bound}).`,
      en: `Target ${f.targetId}, ${fieldName[f.part].en}: ${f.value} is beyond the possible bound (at most ${f.bound}).`,
    },
  }));
  const first = found[0] as FigureOutOfRange;
  return CT_FIGURE_OUT_OF_RANGE(
    { count: found.length, first: `${first.targetId} ${first.part}` },
    { issues: issues as unknown as ValidationIssue[] },
  );
}

/** A request as the rules read it: normalized once, with the unit, period and catalog it names. */
interface Incoming {
  body: SubmissionRequestBody;
  dryRun: boolean;
  unitCode: string;
  /** canonical ("2026-q1" → "2026-Q1"): every rule and query sees only that */
  periodId: string;
  submissionId: string;
  supersedes: string | null;
  content: ReturnType<typeof canonicalContent>;
  period: Period | null;
  unit: Unit | undefined;
  catalog: Catalog;
}

export class SubmissionService {
  readonly #app: FastifyInstance;
  /** the reference data last sent to the store's checker, and the number the store gave it */
  #sent: {
    catalog: Catalog;
    units: readonly unknown[];
    applicability: unknown;
    unitTargets: unknown;
    version: number;
  } | null = null;

  readonly #checkBounds: boolean;

  constructor(app: FastifyInstance, opts: { checkBounds?: boolean } = {}) {
    this.#app = app;
    this.#checkBounds = opts.checkBounds !== false;
    // the checker the store runs the rules with (on PostgreSQL this starts the check thread)
    app.store.submissions.useChecker(require.resolve("./submission-check"));
  }

  /**
   * The rules of POST /submissions, in order. A refusal first answers a retry of a stored submission with its
   * receipt (its conditions may have changed since: a newer revision, a lock, a new catalog); on the path of a new
   * submission that costs no query, since the write itself finds a duplicate id.
   */
  async submit(body: SubmissionRequestBody, auth: AuthContext, client: string | null): Promise<SubmitOutcome> {
    const s = this.#read(body);
    this.#mayPost(s, auth);
    const refuse = async (e: Error): Promise<SubmitOutcome> => {
      if (!s.dryRun) {
        const replay = await this.#replayOrConflict(s.submissionId, s.unitCode, s.content.hash);
        if (replay) return { kind: "replay", receipt: replay };
      }
      throw e;
    };
    const early =
      this.#figuresInRange(s) ??
      this.#inPlan(s) ??
      this.#notRetired(s) ??
      (await this.#currentCatalog(s)) ??
      (await taskProgressRefusal(this.#app, s.body, s.unitCode, s.period));
    if (early) return refuse(early);
    const current = await this.#current(s);
    const stale = this.#fromTheHead(s, current.state);
    if (stale) return refuse(stale);
    // the rules: for a new revision of a known unit and period, in the store, off the event loop where it can;
    // a dry run, or an unknown unit or period, here
    if (!s.dryRun && s.period && s.unit) return this.#store(s, current, auth, client, refuse);
    return this.#validateHere(s, current, refuse);
  }

  #read(body: SubmissionRequestBody): Incoming {
    const unitCode = body.unitCode.trim();
    const periodId = canonicalPeriodId(body.period);
    const supersedes = body.supersedes ? body.supersedes.toLowerCase() : null;
    const reference = this.#app.reference;
    return {
      body,
      dryRun: body.dryRun === true,
      unitCode,
      periodId,
      submissionId: body.submissionId.toLowerCase(),
      supersedes,
      content: canonicalContent({
        unitCode,
        period: periodId,
        catalogVersion: body.catalogVersion,
        locale: body.locale,
        supersedes,
        contact: body.contact,
        narrative: body.narrative,
        tasks: body.tasks,
        entries: body.entries,
      }),
      period: parsePeriod(periodId),
      unit: reference.registry.byCode(unitCode),
      catalog: reference.currentCatalog,
    };
  }

  /** Who may send what: a unit token only its own unit; planners and admins may only dry-run (check a workbook). */
  #mayPost(s: Incoming, auth: AuthContext): void {
    if (auth.role === "unit") {
      if (auth.unitCode !== s.unitCode)
        throw CT_UNIT_FORBIDDEN({ tokenUnit: auth.unitCode ?? "?", unitCode: s.unitCode });
    } else if (!s.dryRun) {
      throw CT_ROLE_FORBIDDEN({ role: auth.role, needed: ["unit"] });
    }
    // the classroom's planner checks demo workbooks only
    if (auth.demo && s.unit?.demo !== true) throw CT_DEMO_FORBIDDEN({ unitCode: s.unitCode });
  }

  /** Every figure within what its target can hold. */
  #figuresInRange(s: Incoming): Error | null {
    if (!this.#checkBounds) return null;
    const outOfRange = figuresOutOfRange(s.body.entries, s.catalog, s.body.locale);
    return outOfRange.length > 0 ? figureRefusal(outOfRange) : null;
  }

  /** The period within the plan's years. */
  #inPlan(s: Incoming): Error | null {
    const { period } = s;
    const plan = this.#app.plan;
    if (period && (period.year < plan.from || period.year > plan.to)) {
      return CT_PERIOD_OUT_OF_PLAN({ period: period.id, from: plan.from, to: plan.to });
    }
    return null;
  }

  /**
   * A retired unit reports only for the periods before its retirement (corrections of those still go through);
   * said first, since no other change to the report would make it acceptable.
   */
  #notRetired(s: Incoming): Error | null {
    const { period, unit } = s;
    if (!period || !unit || reportsIn(unit, period)) return null;
    const from = parsePeriod(unit.retiredFrom as string) as Period;
    return CT_UNIT_RETIRED({
      unitCode: s.unitCode,
      unitName: unit.name,
      period: period.id,
      retiredFrom: from.id,
      retiredFromLabel: { vi: periodLabel(from, "vi"), en: periodLabel(from, "en") },
    });
  }

  /** Sent with the current catalog. */
  async #currentCatalog(s: Incoming): Promise<Error | null> {
    const sent = s.body.catalogVersion;
    if (sent === s.catalog.version) return null;
    const known = (await this.#app.reference.catalog(sent)) !== undefined;
    return CT_CATALOG_VERSION({ sent, current: s.catalog.version, known });
  }

  /**
   * The report's head, the year-to-date flows before this period and the unit's other figures, in one query; the
   * figures are left to the store when it reads them itself (the SQLite writer thread) and this is a new revision.
   */
  #current(s: Incoming): Promise<Current> {
    const history = !this.#historyInStore(s);
    return readCurrent(this.#app, s.unitCode, s.unit ? s.period : null, { history });
  }

  /** A new revision of a known unit and period, to a store that reads the rules' history itself. */
  #historyInStore(s: Incoming): boolean {
    return !s.dryRun && s.period !== null && s.unit !== undefined && this.#app.store.submissions.readsHistory;
  }

  /** Not a retry of the head, the report unlocked, and `supersedes` naming its latest revision. */
  #fromTheHead(s: Incoming, state: ReportStateRow | undefined): Error | null {
    if (!s.period || !s.unit) return null;
    if (state) {
      // a retry of the head (or accepted) revision: refuse() answers it with the stored receipt; the error is only
      // thrown if that revision vanished, which the append-only table rules out
      const id = s.submissionId;
      if (!s.dryRun && (state.latest_submission_id === id || state.accepted_submission_id === id)) {
        return CT_INTERNAL({ requestId: id });
      }
      if (state.locked === 1) return CT_REPORT_LOCKED({ unitCode: s.unitCode, period: s.periodId });
    }
    if ((state?.latest_submission_id ?? null) !== s.supersedes)
      return outOfDate(s.unitCode, s.periodId, s.supersedes, state);
    return null;
  }

  /** The rules on the event loop: a dry run's answer, or the refusal of an unknown unit or period. */
  async #validateHere(s: Incoming, current: Current, refuse: (e: Error) => Promise<SubmitOutcome>) {
    const reference = this.#app.reference;
    const { body } = s;
    const rows = current.history.rows;
    const past = s.period && rows.length > 0 ? rulesHistory(s.catalog, s.period, rows) : null;
    const result = validate(
      {
        unitCode: s.unitCode,
        period: s.periodId,
        catalogVersion: body.catalogVersion,
        locale: body.locale,
        entries: s.content.entries,
      },
      {
        catalog: s.catalog,
        units: reference.registry,
        ytd: current.ytd,
        applicability: reference.applicability,
        unitTargets: reference.unitTargets,
        history: past?.history,
        monthEntries: past?.monthEntries,
        historyThresholds: this.#app.historyThresholds,
      },
    );
    if (!s.dryRun) {
      // validate() reports an unknown unit or period as errors
      const verdict = rulesVerdict(result) ?? "invalid";
      return refuse(rulesRefusal({ kind: verdict, counts: result.counts, issues: result.issues }));
    }
    return { kind: "dryRun" as const, result: await this.#dryRunResult(s, current, result) };
  }

  async #dryRunResult(s: Incoming, current: Current, result: ValidationResult): Promise<DryRunResult> {
    const { state, ytd } = current;
    const app = this.#app;
    const latest = state ? await app.statements.content(app.store.db, state.latest_submission_id) : undefined;
    const changes = diffEntries(latest ? unpackContent(latest).parsed : [], result.entries);
    return {
      dryRun: true,
      ok: result.ok,
      issues: result.issues,
      counts: result.counts,
      assessments: result.assessments.map((a) => ({ targetId: a.targetId, progress: a.progress, figure: a.figure })),
      wouldCreateRevision: (state?.latest_revision ?? 0) + 1,
      changes,
      ytd,
      figureContext: figureContext(s.catalog, s.period, current, result.entries, this.#app.historyThresholds),
    };
  }

  /** The store's context number for the current reference data (sent first when it changed). */
  #context(): number {
    const reference = this.#app.reference;
    const sent = this.#sent;
    if (
      sent &&
      sent.catalog === reference.currentCatalog &&
      sent.units === reference.units &&
      sent.applicability === reference.applicability &&
      sent.unitTargets === reference.unitTargets
    )
      return sent.version;
    const store = this.#app.store.submissions;
    const { applicability, unitTargets } = reference;
    const context: CheckContext = {
      catalog: reference.currentCatalog,
      units: reference.units,
      applicability,
      unitTargets,
      historyThresholds: this.#app.historyThresholds,
    };
    const version = store.context(context);
    this.#sent = { catalog: reference.currentCatalog, units: reference.units, applicability, unitTargets, version };
    return version;
  }

  /** The rules and the write, in the store: stored, raced (answered as the later request), or refused. */
  async #store(
    s: Incoming,
    current: Current,
    auth: AuthContext,
    client: string | null,
    refuse: (e: Error) => Promise<SubmitOutcome>,
  ): Promise<SubmitOutcome> {
    const app = this.#app;
    const period = s.period as Period;
    const unit = s.unit as Unit;
    const now = app.clock();
    const receivedAt = now.toISOString();
    const onTime = isOnTime(period, now);
    const revision = (current.state?.latest_revision ?? 0) + 1;
    const input = {
      unitCode: s.unitCode,
      period: s.periodId,
      catalogVersion: s.body.catalogVersion,
      locale: s.body.locale,
    };
    // the history read where the store runs the rules (its rows are not in `current`), or here if it cannot
    const history = current.historyUnread ? this.#historyRead(s) : undefined;
    const outcome = await app.store.submissions.store({
      revision: {
        id: s.submissionId,
        unit_code: s.unitCode,
        period: s.periodId,
        revision,
        supersedes: s.supersedes,
        catalog_version: s.catalog.version,
        received_at: receivedAt,
        client,
        token_id: auth.tokenId,
        on_time: onTime ? 1 : 0,
        demo: unit.demo === true ? 1 : 0,
        contact: s.content.contact ? JSON.stringify(s.content.contact) : null,
      },
      context: this.#context(),
      check: {
        input,
        ytd: current.ytd,
        ...(history ? {} : { history: current.history }),
        canonicalText: s.content.text,
      } satisfies Omit<CheckPayload, "flowsAt" | "figuresAt" | "contentAt" | "hashAt">,
      history,
    });
    if (outcome.kind === "refused") return refuse(rulesRefusal(outcome.verdict as RulesRefusal));
    if (outcome.kind === "raced") return this.#raced(s);
    const receipt: Receipt = {
      submissionId: s.submissionId,
      unitCode: s.unitCode,
      period: s.periodId,
      revision,
      supersedes: s.supersedes,
      receivedAt,
      onTime,
      status: "submitted",
      replay: false,
    };
    return { kind: "stored", receipt };
  }

  /** The history of a new revision as the store reads it: on the writer thread, or with readCurrent's read. */
  #historyRead(s: Incoming): { query: HistoryQuery; read: () => Promise<HistoryRows> } {
    const app = this.#app;
    const period = s.period as Period;
    return {
      query: app.statements.historyQuery(s.unitCode, historyWindow(period).read),
      read: async () => (await readCurrent(app, s.unitCode, period)).history,
    };
  }

  /** Another request wrote first: answer as the later one. */
  async #raced(s: Incoming): Promise<SubmitOutcome> {
    const replay = await this.#replayOrConflict(s.submissionId, s.unitCode, s.content.hash);
    if (replay) return { kind: "replay", receipt: replay };
    const app = this.#app;
    const now = await app.statements.state(app.store.db, s.unitCode, s.periodId);
    if (now?.locked === 1) throw CT_REPORT_LOCKED({ unitCode: s.unitCode, period: s.periodId });
    if ((now?.latest_submission_id ?? null) !== s.supersedes)
      throw outOfDate(s.unitCode, s.periodId, s.supersedes, now);
    throw CT_INTERNAL({ requestId: s.submissionId });
  }

  /** The stored receipt when this id is a retry of the same content; throws 409 when the id holds other content. */
  async #replayOrConflict(submissionId: string, unitCode: string, hash: string): Promise<Receipt | null> {
    const db = this.#app.store.db;
    const existing = await this.#app.statements.head(db, submissionId);
    if (!existing) return null;
    if (existing.unit_code !== unitCode || existing.content_hash !== hash) {
      // never tell a unit anything about another unit's submission
      throw CT_SUBMISSION_CONFLICT({ submissionId, revision: existing.unit_code === unitCode ? existing.revision : 0 });
    }
    const state = await this.#app.statements.state(db, existing.unit_code, existing.period);
    return receiptOf(existing, state, true);
  }
}
