/**
 * Submissions and report states. The queries of the submission path are compiled once per database (prepared.ts);
 * the others are plain kysely functions.
 */
import { sql, type Kysely, type QueryCreator } from "kysely";
import type { Database, ReportStateRow, SubmissionRow } from "./schema";
import { param, prepared, type Args, type Prepared } from "./prepared";
import type { StepParam, WriteStep } from "./writer-thread";
import type { ReadBatcher } from "./read-batch";
import { STATE_BUT_FIGURES, type HistoryQuery, type HistoryRow } from "./history-rows";

/** The columns needed to answer a retry or list the history (no content). */
export type SubmissionHead = Pick<
  SubmissionRow,
  | "id"
  | "unit_code"
  | "period"
  | "revision"
  | "supersedes"
  | "content_hash"
  | "received_at"
  | "on_time"
  | "catalog_version"
  | "client"
  | "token_id"
>;

const HEAD_COLUMNS = [
  "id",
  "unit_code",
  "period",
  "revision",
  "supersedes",
  "content_hash",
  "received_at",
  "on_time",
  "catalog_version",
  "client",
  "token_id",
] as const;

/**
 * A new revision's write, by parameter name: the submission row and the move of its report's head. `supersedes` is
 * also the head the client saw (null: none), the condition of the move; `contact` goes to the head only.
 */
export interface SubmissionWrite {
  id: string;
  unit_code: string;
  period: string;
  revision: number;
  supersedes: string | null;
  content_hash: string;
  /** the stored content (deflated); on the writer thread the text it deflates */
  content: Buffer | string;
  /** the new revision's flow figures (JSON) */
  flows: string;
  /** the new revision's figures per target (JSON, see content.ts figuresOf), for the rules' history and months */
  figures: string;
  catalog_version: string;
  received_at: string;
  client: string | null;
  token_id: string;
  on_time: number;
  demo: number;
  /** the new revision's contact (JSON), null when it carries none */
  contact: string | null;
}

type Q = QueryCreator<Database>;
const p = param;

/**
 * The move of a report's head to a new revision, written once: the first revision inserts the head (nothing if a
 * concurrent first revision did), a later one moves it only from the revision the client saw and only while the
 * report is unlocked. Run alone (group commit, the writer thread) and inside the one-statement write.
 */
function insertHead(q: Q) {
  return q
    .insertInto("report_state")
    .values({
      unit_code: p("unit_code"),
      period: p("period"),
      status: "submitted",
      locked: 0,
      comment: null,
      latest_submission_id: p("id"),
      latest_revision: p("revision"),
      first_received_at: p("received_at"),
      first_on_time: p("on_time"),
      last_received_at: p("received_at"),
      accepted_submission_id: null,
      demo: p("demo"),
      updated_at: p("received_at"),
      latest_flows: p("flows"),
      latest_contact: p("contact"),
      latest_figures: p("figures"),
    })
    .onConflict((oc) => oc.columns(["period", "unit_code"]).doNothing());
}

/** See insertHead: a later revision moves the head from the one the client saw (`supersedes`), while unlocked. */
function moveHead(q: Q) {
  return q
    .updateTable("report_state")
    .set({
      status: "submitted",
      latest_submission_id: p("id"),
      latest_revision: p("revision"),
      last_received_at: p("received_at"),
      updated_at: p("received_at"),
      latest_flows: p("flows"),
      latest_contact: p("contact"),
      latest_figures: p("figures"),
    })
    .where("unit_code", "=", p("unit_code"))
    .where("period", "=", p("period"))
    .where("latest_submission_id", "=", p("supersedes"))
    .where("locked", "=", 0);
}

/** The columns of a submission row, in the order of every insert below. */
const SUBMISSION_COLUMNS = [
  "id",
  "unit_code",
  "period",
  "revision",
  "supersedes",
  "content_hash",
  "content",
  "flows",
  "catalog_version",
  "received_at",
  "client",
  "token_id",
  "on_time",
  "demo",
] as const;

/** The SQL types of those columns, for the one-statement write's SELECT of parameters. */
const COLUMN_TYPES: Record<(typeof SUBMISSION_COLUMNS)[number], "text" | "integer" | "bytea"> = {
  id: "text",
  unit_code: "text",
  period: "text",
  revision: "integer",
  supersedes: "text",
  content_hash: "text",
  content: "bytea",
  flows: "text",
  catalog_version: "text",
  received_at: "text",
  client: "text",
  token_id: "text",
  on_time: "integer",
  demo: "integer",
};

type Statement<A extends object> = Prepared<A, unknown>;

/** The submission path's statements, compiled once for one database. */
export class SubmissionStatements {
  readonly #db: Kysely<Database>;
  readonly #head: Prepared<{ id: string }, SubmissionHead>;
  readonly #exists: Prepared<{ id: string }, { id: string }>;
  readonly #content: Prepared<{ id: string }, { content: Buffer }>;
  readonly #state: Prepared<{ unit_code: string; period: string }, ReportStateRow>;
  readonly #flows = new Map<number, Prepared<Args, { period: string; flows: string }>>();
  readonly #stateAndFlows = new Map<number, Prepared<Args, ReportStateRow>>();
  readonly #figures = new Map<number, Prepared<Args, HistoryRow>>();
  /** [a later revision, the first] */
  readonly #advance: [Statement<SubmissionWrite>, Statement<SubmissionWrite>];
  readonly #insert: Statement<SubmissionWrite>;
  /** the one-statement writes, compiled on first use: [a later revision, the first] */
  readonly #oneStatement: [Statement<SubmissionWrite> | null, Statement<SubmissionWrite> | null] = [null, null];

  /** SQLite: the reads of the submission path go through the batcher when the executor is the database itself */
  readonly #reads: ReadBatcher | null;

  constructor(db: Kysely<Database>, reads: ReadBatcher | null = null) {
    this.#db = db;
    this.#reads = reads;
    this.#head = prepared(db, (q) => q.selectFrom("submission").select(HEAD_COLUMNS).where("id", "=", p("id")));
    this.#exists = prepared(db, (q) => q.selectFrom("submission").select("id").where("id", "=", p("id")));
    this.#content = prepared(db, (q) => q.selectFrom("submission").select("content").where("id", "=", p("id")));
    this.#state = prepared(db, (q) =>
      q
        .selectFrom("report_state")
        .selectAll()
        .where("unit_code", "=", p("unit_code"))
        .where("period", "=", p("period")),
    );
    this.#advance = [
      prepared<SubmissionWrite, unknown>(db, (q) => moveHead(q)),
      prepared<SubmissionWrite, unknown>(db, (q) => insertHead(q)),
    ];
    this.#insert = prepared<SubmissionWrite, unknown>(db, (q) =>
      q.insertInto("submission").values(Object.fromEntries(SUBMISSION_COLUMNS.map((c) => [c, p(c)])) as never),
    );
  }

  async head(executor: Kysely<Database>, id: string): Promise<SubmissionHead | undefined> {
    return (await this.#head.run(executor, { id })).rows[0];
  }

  async exists(executor: Kysely<Database>, id: string): Promise<boolean> {
    return (await this.#exists.run(executor, { id })).rows.length > 0;
  }

  async content(executor: Kysely<Database>, id: string): Promise<Buffer | undefined> {
    return (await this.#content.run(executor, { id })).rows[0]?.content;
  }

  async state(executor: Kysely<Database>, unitCode: string, period: string): Promise<ReportStateRow | undefined> {
    return (await this.#state.run(executor, { unit_code: unitCode, period })).rows[0];
  }

  /**
   * In one query: a report's state, and the report_state rows of the same unit's other `periods` (their latest
   * flows for year-to-date sums, their latest figures for the rules' history and months).
   */
  async stateAndOthers(
    executor: Kysely<Database>,
    unitCode: string,
    period: string,
    others: readonly string[],
    opts: { figures?: boolean } = {},
  ): Promise<{ state: ReportStateRow | undefined; others: ReportStateRow[] }> {
    const periods = [period, ...others];
    // without the figures (the store reads them): latest_figures null, not a kilobyte of JSON per row left unused
    const figures = opts.figures !== false;
    let stmt = this.#stateAndFlows.get(figures ? periods.length : -periods.length);
    if (!stmt) {
      stmt = prepared(this.#db, (q) => {
        const from = q.selectFrom("report_state");
        const selected = figures
          ? from.selectAll()
          : from.select(STATE_BUT_FIGURES).select(sql<string | null>`null`.as("latest_figures"));
        return selected.where("unit_code", "=", p("unit_code")).where("period", "in", periodParams(periods.length));
      });
      this.#stateAndFlows.set(figures ? periods.length : -periods.length, stmt);
    }
    const args = periodArgs(unitCode, periods);
    let rows: readonly ReportStateRow[];
    if (this.#reads && executor === this.#db) {
      const q = stmt.bind(args);
      rows = await this.#reads.all<ReportStateRow>(q.sql, q.params);
    } else rows = (await stmt.run(executor, args)).rows;
    let state: ReportStateRow | undefined;
    const rest: ReportStateRow[] = [];
    for (const r of rows) {
      if (r.period === period) state = r;
      else rest.push(r);
    }
    return { state, others: rest };
  }

  /** The history read the SQLite writer thread runs before the check (history-rows.ts); nothing is read here. */
  historyQuery(unitCode: string, periods: readonly string[]): HistoryQuery {
    let stmt = this.#figures.get(periods.length);
    if (!stmt) {
      stmt = prepared(this.#db, (q) =>
        q
          .selectFrom("report_state")
          .select(["period", "latest_figures", "latest_submission_id"])
          .where("unit_code", "=", p("unit_code"))
          .where("period", "in", periodParams(periods.length)),
      );
      this.#figures.set(periods.length, stmt);
    }
    const q = stmt.bind(periodArgs(unitCode, periods));
    return { sql: q.sql, params: q.params, contentSql: this.#content.sql() };
  }

  /** The flows of the latest revision of each of `periods` for one unit (one small table, by its primary key). */
  async latestFlows(
    executor: Kysely<Database>,
    unitCode: string,
    periods: readonly string[],
  ): Promise<{ period: string; flows: string }[]> {
    if (periods.length === 0) return [];
    let stmt = this.#flows.get(periods.length);
    if (!stmt) {
      stmt = prepared(this.#db, (q) =>
        q
          .selectFrom("report_state")
          .select(["period", "latest_flows as flows"])
          .where("unit_code", "=", p("unit_code"))
          .where("period", "in", periodParams(periods.length)),
      );
      this.#flows.set(periods.length, stmt);
    }
    return (await stmt.run(executor, periodArgs(unitCode, periods))).rows;
  }

  /**
   * Move the report's head to the new revision (see advanceHead). False when the condition did not hold (another
   * revision won the race, or the report was locked); nothing is written then.
   */
  async advance(executor: Kysely<Database>, w: SubmissionWrite): Promise<boolean> {
    const r = await this.#advance[w.supersedes === null ? 1 : 0].run(executor, w);
    return Number(r.numAffectedRows ?? 0) === 1;
  }

  async insert(executor: Kysely<Database>, w: SubmissionWrite): Promise<void> {
    await this.#insert.run(executor, w);
  }

  /**
   * Where writeSteps() puts the flows' JSON, the stored text and its hash: [step, parameter] pairs, for a check on
   * the writer thread that fills them in (services/submission-check.ts).
   */
  writeStepSlots(first: boolean): {
    flowsAt: [number, number][];
    figuresAt: [number, number][];
    contentAt: [number, number];
    hashAt: [number, number];
  } {
    return {
      flowsAt: [
        [1, this.#advance[first ? 1 : 0].position("flows")],
        [2, this.#insert.position("flows")],
      ],
      figuresAt: [[1, this.#advance[first ? 1 : 0].position("figures")]],
      contentAt: [2, this.#insert.position("content")],
      hashAt: [2, this.#insert.position("content_hash")],
    };
  }

  /**
   * The same write (the id not stored yet, the head moved, the row inserted) as steps for the SQLite writer thread,
   * which runs them inside one savepoint of a group commit and deflates the content there: `w.content` is the text
   * to store compressed (see content.ts `packText`).
   */
  writeSteps(w: SubmissionWrite): WriteStep[] {
    const exists = this.#exists.bind(w);
    const advance = this.#advance[w.supersedes === null ? 1 : 0].bind(w);
    const insert = this.#insert.bind(w);
    return [
      { sql: exists.sql, params: exists.params as StepParam[], expect: "noRow" },
      { sql: advance.sql, params: advance.params as StepParam[], expect: "changes" },
      {
        sql: insert.sql,
        params: insert.params as StepParam[],
        expect: "any",
        deflateParam: this.#insert.position("content"),
      },
    ];
  }

  /**
   * The whole write as one statement, where the engine runs data-modifying common table expressions (capability
   * `writeCte`, PostgreSQL): the conditional move of the report's head, and the insert only if the head moved. One
   * round trip, atomic without BEGIN/COMMIT. False when the head did not move (nothing written); a duplicate id
   * fails the statement as a unique violation (nothing written either).
   */
  async storeInOneStatement(executor: Kysely<Database>, w: SubmissionWrite): Promise<boolean> {
    const which = w.supersedes === null ? 1 : 0;
    let stmt = this.#oneStatement[which];
    if (!stmt) {
      const first = which === 1;
      stmt = prepared<SubmissionWrite, unknown>(this.#db, (q) =>
        (first
          ? q.with("moved", (cte) => insertHead(cte).returning("unit_code"))
          : q.with("moved", (cte) => moveHead(cte).returning("unit_code"))
        )
          .insertInto("submission")
          .columns(SUBMISSION_COLUMNS)
          .expression((eb) =>
            eb
              .selectFrom("moved")
              .select(SUBMISSION_COLUMNS.map((c) => eb.cast(eb.val(p(c)), COLUMN_TYPES[c]).as(c)) as never),
          ),
      );
      this.#oneStatement[which] = stmt;
    }
    const r = await stmt.run(executor, w);
    return Number(r.numAffectedRows ?? 0) === 1;
  }
}

/** `in (…)` markers for n periods, and their arguments (the report's own period first). */
function periodParams(n: number): string[] {
  return Array.from({ length: n }, (_, i) => p<string>(`period${i}`));
}

function periodArgs(unitCode: string, periods: readonly string[]): Args {
  const args: Record<string, string> = { unit_code: unitCode };
  periods.forEach((period, i) => (args[`period${i}`] = period));
  return args;
}

// --- plain queries (reports, planner views) --------------------------------------------------------------------

export async function findSubmissionHead(db: Kysely<Database>, id: string): Promise<SubmissionHead | undefined> {
  return db.selectFrom("submission").select(HEAD_COLUMNS).where("id", "=", id).executeTakeFirst();
}

export async function getSubmission(db: Kysely<Database>, id: string): Promise<SubmissionRow | undefined> {
  return db.selectFrom("submission").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function getReportState(
  db: Kysely<Database>,
  unitCode: string,
  period: string,
): Promise<ReportStateRow | undefined> {
  return db
    .selectFrom("report_state")
    .selectAll()
    .where("unit_code", "=", unitCode)
    .where("period", "=", period)
    .executeTakeFirst();
}

export async function listRevisionHeads(
  db: Kysely<Database>,
  unitCode: string,
  period: string,
): Promise<SubmissionHead[]> {
  return db
    .selectFrom("submission")
    .select(HEAD_COLUMNS)
    .where("unit_code", "=", unitCode)
    .where("period", "=", period)
    .orderBy("revision")
    .execute();
}

export async function getRevision(
  db: Kysely<Database>,
  unitCode: string,
  period: string,
  revision: number,
): Promise<SubmissionRow | undefined> {
  return db
    .selectFrom("submission")
    .selectAll()
    .where("unit_code", "=", unitCode)
    .where("period", "=", period)
    .where("revision", "=", revision)
    .executeTakeFirst();
}

export async function listReportStates(db: Kysely<Database>, period: string): Promise<ReportStateRow[]> {
  return db.selectFrom("report_state").selectAll().where("period", "=", period).execute();
}

/** For consolidation: per unit, the chosen revision (latest or accepted) with its content. */
export async function listBasisRevisions(
  db: Kysely<Database>,
  period: string,
  basis: "latest" | "accepted",
): Promise<
  {
    unit_code: string;
    id: string;
    revision: number;
    content: Buffer;
    received_at: string;
    status: string;
    locked: number;
  }[]
> {
  const join = basis === "latest" ? "report_state.latest_submission_id" : "report_state.accepted_submission_id";
  return db
    .selectFrom("report_state")
    .innerJoin("submission", "submission.id", join)
    .select([
      "submission.unit_code",
      "submission.id",
      "submission.revision",
      "submission.content",
      "submission.received_at",
      "report_state.status",
      "report_state.locked",
    ])
    .where("report_state.period", "=", period)
    .execute();
}

/** Per unit and period, the chosen revision's flows for several periods (city year-to-date sums). */
export async function listBasisFlows(
  db: Kysely<Database>,
  periods: readonly string[],
  basis: "latest" | "accepted",
): Promise<{ unit_code: string; period: string; flows: string }[]> {
  if (periods.length === 0) return [];
  if (basis === "latest") {
    return db
      .selectFrom("report_state")
      .select(["unit_code", "period", "latest_flows as flows"])
      .where("period", "in", periods)
      .execute();
  }
  return db
    .selectFrom("report_state")
    .innerJoin("submission", "submission.id", "report_state.accepted_submission_id")
    .select(["submission.unit_code", "submission.period", "submission.flows"])
    .where("report_state.period", "in", periods)
    .execute();
}
