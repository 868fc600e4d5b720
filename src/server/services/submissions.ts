/**
 * POST /submissions, following ODK Central's rules:
 *  - the same id with the same content → the stored receipt (200, `replay: true`), never a second row;
 *  - the same id with other content → 409 CT_SUBMISSION_CONFLICT;
 *  - `supersedes` must be the latest revision (null only for the first) → else 409 CT_OUT_OF_DATE;
 *  - a unit retired from this period or an earlier one → 409 CT_UNIT_RETIRED (earlier periods still go through);
 *  - an accepted report is locked → 409 CT_REPORT_LOCKED; an unknown or old catalog → 409 CT_CATALOG_VERSION;
 *  - the domain's validate() decides errors (422 CT_REPORT_INVALID) and unjustified warnings (422
 *    CT_JUSTIFICATION_REQUIRED) — the server never trusts the client's own check.
 * The write is one transaction (shared with other submissions under group commit) whose conditional update of the
 * report head and the unique keys make concurrent retries and concurrent edits safe across instances.
 */
import type { FastifyInstance } from "fastify";
import { isOnTime, makePeriod, parsePeriod, periodLabel, reportsIn, validate } from "../../domain";
import type { Bilingual, Catalog, ParsedEntry, Period, Unit, ValidationIssue } from "../../domain/types";
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
  CT_UNIT_RETIRED,
} from "../errors";
import type { SubmissionHead } from "../db/submissions";
import type { ReportStateRow } from "../db/schema";
import { isUniqueViolation } from "../db/connect";
import type { DryRunResult, Receipt, ReceiptStatus, SubmissionRequestBody } from "../../api";
import {
  addFlows,
  canonicalContent,
  diffEntries,
  flowsOf,
  packContent,
  packText,
  unpackContent,
  type Change,
} from "./content";
import { NothingWritten } from "./writer";
import { rulesVerdict, type CheckContext, type CheckPayload, type RulesRefusal } from "./submission-check";
import { CHECK_SLOTS, type CheckThread } from "./check-thread";

/** A thread that runs the submission checker (the SQLite writer thread, or the check thread). */
interface CheckHost {
  useChecker(modulePath: string): void;
  setContext(version: number, data: unknown): void;
}

/** The receipt and the dry-run verdict are the wire contract's types (src/api/submissions.ts). */
export type { DryRunResult, Receipt, ReceiptStatus } from "../../api";

export type SubmitOutcome =
  | { kind: "stored"; receipt: Receipt }
  | { kind: "replay"; receipt: Receipt }
  | { kind: "dryRun"; result: DryRunResult };

/** Another request wrote first (a concurrent retry of the same id, or another revision). */
class RaceLost extends NothingWritten {}

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

/** What #store() needs of a submission that passed every check but, maybe, the rules. */
interface StoreArgs {
  unitCode: string;
  submissionId: string;
  supersedes: string | null;
  content: ReturnType<typeof canonicalContent>;
  state: ReportStateRow | undefined;
  client: string | null;
  auth: AuthContext;
  period: Period;
  unit: Unit;
  catalog: Catalog;
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

export class SubmissionService {
  readonly #app: FastifyInstance;
  /** the reference data last sent to the checking thread, and its number */
  #sent: {
    thread: CheckHost;
    catalog: Catalog;
    units: readonly unknown[];
    applicability: unknown;
    unitTargets: unknown;
    version: number;
  } | null = null;
  /** where no SQLite writer thread runs the rules (PostgreSQL): a thread of their own (plugins/db.ts) */
  readonly #checks: CheckThread | null;

  readonly #checkBounds: boolean;

  constructor(app: FastifyInstance, opts: { checkBounds?: boolean } = {}) {
    this.#app = app;
    this.#checks = app.checks;
    this.#checkBounds = opts.checkBounds !== false;
  }

  /** The checking thread's context number for the current reference data (sent first when it changed). */
  #contextFor(thread: CheckHost): number {
    const reference = this.#app.reference;
    const sent = this.#sent;
    if (
      sent &&
      sent.thread === thread &&
      sent.catalog === reference.currentCatalog &&
      sent.units === reference.units &&
      sent.applicability === reference.applicability &&
      sent.unitTargets === reference.unitTargets
    )
      return sent.version;
    if (!sent || sent.thread !== thread) thread.useChecker(require.resolve("./submission-check"));
    const version = (sent?.version ?? 0) + 1;
    const { applicability, unitTargets } = reference;
    const context: CheckContext = {
      catalog: reference.currentCatalog,
      units: reference.units,
      applicability,
      unitTargets,
    };
    thread.setContext(version, context);
    this.#sent = {
      thread,
      catalog: reference.currentCatalog,
      units: reference.units,
      applicability,
      unitTargets,
      version,
    };
    return version;
  }

  async submit(body: SubmissionRequestBody, auth: AuthContext, client: string | null): Promise<SubmitOutcome> {
    const app = this.#app;
    const db = app.store.db;
    const statements = app.statements;
    const dryRun = body.dryRun === true;
    const unitCode = body.unitCode.trim();
    // read once into its canonical form ("2026-q1" → "2026-Q1"): every rule and query below sees only that
    const periodId = canonicalPeriodId(body.period);
    const submissionId = body.submissionId.toLowerCase();
    const supersedes = body.supersedes ? body.supersedes.toLowerCase() : null;

    // who may send what: a unit token only its own unit; planners and admins may only dry-run (check a workbook)
    if (auth.role === "unit") {
      if (auth.unitCode !== unitCode) throw CT_UNIT_FORBIDDEN({ tokenUnit: auth.unitCode ?? "?", unitCode });
    } else if (!dryRun) {
      throw CT_ROLE_FORBIDDEN({ role: auth.role, needed: ["unit"] });
    }

    const content = canonicalContent({
      unitCode,
      period: periodId,
      catalogVersion: body.catalogVersion,
      locale: body.locale,
      supersedes,
      contact: body.contact,
      entries: body.entries,
    });
    // Before any refusal, a retry of a stored submission gets its stored receipt (its conditions may have changed
    // since: a newer revision, a lock, a new catalog). On the path of a new submission this costs no query: the
    // write itself finds a duplicate id.
    const refuse = async (e: Error): Promise<SubmitOutcome> => {
      if (!dryRun) {
        const replay = await this.#replayOrConflict(submissionId, unitCode, content.hash);
        if (replay) return { kind: "replay", receipt: replay };
      }
      throw e;
    };

    const reference = app.reference;
    if (this.#checkBounds) {
      const outOfRange = figuresOutOfRange(body.entries, reference.currentCatalog, body.locale);
      if (outOfRange.length > 0) return refuse(figureRefusal(outOfRange));
    }
    const period = parsePeriod(periodId);
    if (period && (period.year < app.plan.from || period.year > app.plan.to)) {
      return refuse(CT_PERIOD_OUT_OF_PLAN({ period: period.id, from: app.plan.from, to: app.plan.to }));
    }
    const unit = reference.registry.byCode(unitCode);
    // a retired unit reports only for the periods before its retirement (corrections of those still go through);
    // said first, since no other change to the report would make it acceptable
    if (period && unit && !reportsIn(unit, period)) {
      const from = parsePeriod(unit.retiredFrom as string) as Period;
      return refuse(
        CT_UNIT_RETIRED({
          unitCode,
          unitName: unit.name,
          period: period.id,
          retiredFrom: from.id,
          retiredFromLabel: { vi: periodLabel(from, "vi"), en: periodLabel(from, "en") },
        }),
      );
    }

    const catalog: Catalog = reference.currentCatalog;
    if (body.catalogVersion !== catalog.version) {
      const known = (await reference.catalog(body.catalogVersion)) !== undefined;
      return refuse(CT_CATALOG_VERSION({ sent: body.catalogVersion, current: catalog.version, known }));
    }

    let state: ReportStateRow | undefined;
    const ytd: Record<string, number> = {};
    if (period && unit) {
      const read = await statements.stateAndFlows(db, unitCode, periodId, earlierPeriodsOfYear(period));
      state = read.state;
      for (const f of read.flows) addFlows(ytd, f);
      if (state) {
        // a retry of the head (or accepted) revision: refuse() answers it with the stored receipt; the error is only
        // thrown if that revision vanished, which the append-only table rules out
        if (!dryRun && (state.latest_submission_id === submissionId || state.accepted_submission_id === submissionId)) {
          return refuse(CT_INTERNAL({ requestId: submissionId }));
        }
        if (state.locked === 1) return refuse(CT_REPORT_LOCKED({ unitCode, period: periodId }));
      }
      if ((state?.latest_submission_id ?? null) !== supersedes)
        return refuse(outOfDate(unitCode, periodId, supersedes, state));
    }

    const report = { unitCode, period: periodId, catalogVersion: body.catalogVersion, locale: body.locale };
    // a submission of a known unit and period is validated off the event loop (submission-check.ts): on the SQLite
    // writer thread right before its write, or on the check thread; a dry run, or an unknown unit or period, here
    const w = { unitCode, submissionId, supersedes, content, state, client, auth };
    if (!dryRun && period && unit && (app.store.writerThread?.available || this.#checks?.available)) {
      const outcome = await this.#store({ ...w, period, unit, catalog }, null, { input: report, ytd });
      return outcome instanceof Error ? refuse(outcome) : outcome;
    }
    const result = validate(
      { ...report, entries: content.entries },
      {
        catalog,
        units: reference.registry,
        ytd,
        applicability: reference.applicability,
        unitTargets: reference.unitTargets,
      },
    );

    if (dryRun) {
      let changes: Change[];
      if (state) {
        const latest = await statements.content(db, state.latest_submission_id);
        changes = diffEntries(latest ? unpackContent(latest).parsed : [], result.entries);
      } else {
        changes = diffEntries([], result.entries);
      }
      return {
        kind: "dryRun",
        result: {
          dryRun: true,
          ok: result.ok,
          issues: result.issues,
          counts: result.counts,
          assessments: result.assessments.map((a) => ({
            targetId: a.targetId,
            progress: a.progress,
            figure: a.figure,
          })),
          wouldCreateRevision: (state?.latest_revision ?? 0) + 1,
          changes,
          ytd,
        },
      };
    }

    const verdict = rulesVerdict(result);
    if (verdict) return refuse(rulesRefusal({ kind: verdict, counts: result.counts, issues: result.issues }));
    // validate() reports an unknown unit or period as errors, so both are known here
    const outcome = await this.#store(
      { ...w, period: period as Period, unit: unit as NonNullable<typeof unit>, catalog },
      result.entries,
    );
    return outcome instanceof Error ? refuse(outcome) : outcome;
  }

  /**
   * Store a revision: `parsed` when validate() ran here; null to have the writer thread validate it first
   * (`check`), which may answer with the rules' refusal instead (returned, for refuse()).
   */
  async #store(
    w: StoreArgs,
    parsed: readonly ParsedEntry[] | null,
    check?: Pick<CheckPayload, "input" | "ytd">,
  ): Promise<SubmitOutcome | Error> {
    const app = this.#app;
    const db = app.store.db;
    const statements = app.statements;
    const { unitCode, submissionId, supersedes, content, state } = w;
    const periodId = w.period.id;
    const now = app.clock();
    const receivedAt = now.toISOString();
    const onTime = isOnTime(w.period, now);
    const revision = (state?.latest_revision ?? 0) + 1;
    const demo = w.unit.demo === true;
    const thread = app.store.writerThread;
    // with a check, the thread fills in the flows and the stored text from the figures it parsed: the writer
    // thread as it writes, the check thread before the write
    let flows = "";
    let packed: Buffer | null = null;
    let hash = parsed ? content.hash : "";
    if (parsed) flows = flowsOf(w.catalog, parsed);
    else if (!thread && this.#checks && check) {
      const answer = await this.#checks.check(this.#contextFor(this.#checks), {
        ...check,
        canonicalText: content.text,
        ...CHECK_SLOTS,
      } satisfies CheckPayload);
      if ("verdict" in answer) return rulesRefusal(answer.verdict as RulesRefusal);
      flows = answer.flows;
      hash = answer.hash;
      packed = Buffer.from(answer.content.buffer, answer.content.byteOffset, answer.content.byteLength);
    }
    const caps = app.store.caps;
    const advance = {
      unitCode,
      period: periodId,
      expectedLatest: supersedes,
      submissionId,
      revision,
      receivedAt,
      onTime,
      demo,
      flows,
      contact: content.contact ? JSON.stringify(content.contact) : null,
    };
    const fields = {
      id: submissionId,
      unit_code: unitCode,
      period: periodId,
      revision,
      supersedes,
      content_hash: hash,
      flows,
      catalog_version: w.catalog.version,
      received_at: receivedAt,
      client: w.client,
      token_id: w.auth.tokenId,
      on_time: onTime ? 1 : 0,
      demo: demo ? 1 : 0,
    };
    try {
      if (thread && (parsed === null || thread.available)) {
        // SQLite: on the writer thread, which compresses the content and commits (durably) before it answers
        const steps = statements.writeSteps(advance, fields, parsed ? packText(content.text, parsed) : "");
        const outcome = await thread.write(
          steps,
          check && {
            context: this.#contextFor(thread),
            payload: {
              ...check,
              canonicalText: content.text,
              ...statements.writeStepSlots(supersedes === null),
            } satisfies CheckPayload,
          },
        );
        if (outcome === "refused") throw new RaceLost();
        if (typeof outcome === "object") return rulesRefusal(outcome.verdict as RulesRefusal);
      } else if (caps.writeCte) {
        // one atomic statement, committed (durably) before it returns
        const row = { ...fields, content: packed ?? packContent(content.text, parsed as ParsedEntry[]) };
        if (!(await statements.storeInOneStatement(db, advance, row))) throw new RaceLost();
      } else {
        const row = { ...fields, content: packed ?? packContent(content.text, parsed as ParsedEntry[]) };
        await app.writer.write(async (trx) => {
          // jobs that share a commit see each other's rows but not each other's errors: look before writing
          if (caps.groupCommit && (await statements.exists(trx, submissionId))) throw new RaceLost();
          if (!(await statements.advance(trx, advance))) throw new RaceLost();
          await statements.insert(trx, row);
        });
      }
    } catch (e) {
      if (!(e instanceof RaceLost) && !isUniqueViolation(e)) throw e;
      // Another request wrote first: answer as the later one.
      const replay = await this.#replayOrConflict(submissionId, unitCode, content.hash);
      if (replay) return { kind: "replay", receipt: replay };
      const now2 = await statements.state(db, unitCode, periodId);
      if (now2?.locked === 1) throw CT_REPORT_LOCKED({ unitCode, period: periodId });
      if ((now2?.latest_submission_id ?? null) !== supersedes) throw outOfDate(unitCode, periodId, supersedes, now2);
      throw CT_INTERNAL({ requestId: submissionId });
    }
    return {
      kind: "stored",
      receipt: {
        submissionId,
        unitCode,
        period: periodId,
        revision,
        supersedes,
        receivedAt,
        onTime,
        status: "submitted",
        replay: false,
      },
    };
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
