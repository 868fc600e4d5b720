/**
 * Submissions and report states. The queries of the submission path are compiled once per database (prepared.ts);
 * the others are plain kysely functions.
 */
import type { Kysely } from "kysely";
import type { Database, NewSubmissionRow, ReportStateRow, SubmissionRow } from "./schema";
import { prepared, slot, type Prepared } from "./prepared";
import type { StepParam, WriteStep } from "./writer-thread";
import type { ReadBatcher } from "./read-batch";

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

export interface AdvanceArgs {
  unitCode: string;
  period: string;
  /** the latest revision the client saw (null: none) */
  expectedLatest: string | null;
  submissionId: string;
  revision: number;
  receivedAt: string;
  onTime: boolean;
  demo: boolean;
  /** the new revision's flow figures (JSON) */
  flows: string;
  /** the new revision's contact (JSON), null when it carries none */
  contact: string | null;
}

/** The submission path's statements, compiled once for one database. */
export class SubmissionStatements {
  readonly #db: Kysely<Database>;
  readonly #head: Prepared<[string], SubmissionHead>;
  readonly #exists: Prepared<[string], { id: string }>;
  readonly #content: Prepared<[string], { content: Buffer }>;
  readonly #state: Prepared<[string, string], ReportStateRow>;
  readonly #flows = new Map<number, Prepared<string[], { period: string; flows: string }>>();
  readonly #stateAndFlows = new Map<number, Prepared<string[], ReportStateRow>>();
  readonly #advanceUpdate: Prepared<
    [string, number, string, string, string, string, string, string, string | null],
    unknown
  >;
  readonly #advanceInsert: Prepared<
    [string, string, string, number, string, number, string, number, string, string, string | null],
    unknown
  >;
  readonly #insert: Prepared<unknown[], unknown>;
  #storeAfterUpdate: Prepared<unknown[], unknown> | null = null;
  #storeAfterInsert: Prepared<unknown[], unknown> | null = null;

  /** SQLite: the reads of the submission path go through the batcher when the executor is the database itself */
  readonly #reads: ReadBatcher | null;

  constructor(db: Kysely<Database>, reads: ReadBatcher | null = null) {
    this.#db = db;
    this.#reads = reads;
    this.#head = prepared(db, (q) => q.selectFrom("submission").select(HEAD_COLUMNS).where("id", "=", slot(0)));
    this.#exists = prepared(db, (q) => q.selectFrom("submission").select("id").where("id", "=", slot(0)));
    this.#content = prepared(db, (q) => q.selectFrom("submission").select("content").where("id", "=", slot(0)));
    this.#state = prepared(db, (q) =>
      q.selectFrom("report_state").selectAll().where("unit_code", "=", slot(0)).where("period", "=", slot(1)),
    );
    this.#advanceUpdate = prepared(db, (q) =>
      q
        .updateTable("report_state")
        .set({
          status: "submitted",
          latest_submission_id: slot(0),
          latest_revision: slot(1),
          last_received_at: slot(2),
          updated_at: slot(3),
          latest_flows: slot(7),
          latest_contact: slot(8),
        })
        .where("unit_code", "=", slot(4))
        .where("period", "=", slot(5))
        .where("latest_submission_id", "=", slot(6))
        .where("locked", "=", 0),
    );
    this.#advanceInsert = prepared(db, (q) =>
      q
        .insertInto("report_state")
        .values({
          unit_code: slot(0),
          period: slot(1),
          status: "submitted",
          locked: 0,
          comment: null,
          latest_submission_id: slot(2),
          latest_revision: slot(3),
          first_received_at: slot(4),
          first_on_time: slot(5),
          last_received_at: slot(6),
          accepted_submission_id: null,
          demo: slot(7),
          updated_at: slot(8),
          latest_flows: slot(9),
          latest_contact: slot(10),
        })
        .onConflict((oc) => oc.columns(["period", "unit_code"]).doNothing()),
    );
    this.#insert = prepared(db, (q) =>
      q.insertInto("submission").values({
        id: slot(0),
        unit_code: slot(1),
        period: slot(2),
        revision: slot(3),
        supersedes: slot(4),
        content_hash: slot(5),
        content: slot(6),
        flows: slot(7),
        catalog_version: slot(8),
        received_at: slot(9),
        client: slot(10),
        token_id: slot(11),
        on_time: slot(12),
        demo: slot(13),
      }),
    );
  }

  async head(executor: Kysely<Database>, id: string): Promise<SubmissionHead | undefined> {
    return (await this.#head.run(executor, id)).rows[0];
  }

  async exists(executor: Kysely<Database>, id: string): Promise<boolean> {
    return (await this.#exists.run(executor, id)).rows.length > 0;
  }

  async content(executor: Kysely<Database>, id: string): Promise<Buffer | undefined> {
    return (await this.#content.run(executor, id)).rows[0]?.content;
  }

  async state(executor: Kysely<Database>, unitCode: string, period: string): Promise<ReportStateRow | undefined> {
    return (await this.#state.run(executor, unitCode, period)).rows[0];
  }

  /**
   * In one query: a report's state, and the latest flows of the same unit's earlier periods (year-to-date sums).
   */
  async stateAndFlows(
    executor: Kysely<Database>,
    unitCode: string,
    period: string,
    earlier: readonly string[],
  ): Promise<{ state: ReportStateRow | undefined; flows: string[] }> {
    const n = earlier.length + 1;
    let stmt = this.#stateAndFlows.get(n);
    if (!stmt) {
      const slots = Array.from({ length: n }, (_, i) => slot<string>(i + 1));
      stmt = prepared(this.#db, (q) =>
        q.selectFrom("report_state").selectAll().where("unit_code", "=", slot(0)).where("period", "in", slots),
      );
      this.#stateAndFlows.set(n, stmt);
    }
    let rows: readonly ReportStateRow[];
    if (this.#reads && executor === this.#db) {
      const q = stmt.bind(unitCode, period, ...earlier);
      rows = await this.#reads.all<ReportStateRow>(q.sql, q.params);
    } else rows = (await stmt.run(executor, unitCode, period, ...earlier)).rows;
    let state: ReportStateRow | undefined;
    const flows: string[] = [];
    for (const r of rows) {
      if (r.period === period) state = r;
      else flows.push(r.latest_flows);
    }
    return { state, flows };
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
      const slots = periods.map((_, i) => slot<string>(i + 1));
      stmt = prepared(this.#db, (q) =>
        q
          .selectFrom("report_state")
          .select(["period", "latest_flows as flows"])
          .where("unit_code", "=", slot(0))
          .where("period", "in", slots),
      );
      this.#flows.set(periods.length, stmt);
    }
    return (await stmt.run(executor, unitCode, ...periods)).rows;
  }

  /**
   * Move the report's head to a new revision, but only from the revision the client saw and only while unlocked.
   * False when the condition did not hold (another revision won the race, or the report was locked); nothing is
   * written then.
   */
  async advance(executor: Kysely<Database>, a: AdvanceArgs): Promise<boolean> {
    const r =
      a.expectedLatest === null
        ? await this.#advanceInsert.run(executor, ...advanceInsertArgs(a))
        : await this.#advanceUpdate.run(executor, ...advanceUpdateArgs(a));
    return Number(r.numAffectedRows ?? 0) === 1;
  }

  /**
   * The same write (the id not stored yet, the head moved, the row inserted) as steps for the SQLite writer thread,
   * which runs them inside one savepoint of a group commit and deflates the content there: `packText` is the text
   * to store compressed (see content.ts `packText`).
   */
  /**
   * Where writeSteps() puts the flows' JSON and the stored text: [step, parameter] pairs, for a check on the writer
   * thread that fills them in (services/submission-check.ts).
   */
  writeStepSlots(first: boolean): {
    flowsAt: [number, number][];
    contentAt: [number, number];
    hashAt: [number, number];
  } {
    const advanceFlows = first ? this.#advanceInsert.position(9) : this.#advanceUpdate.position(7);
    return {
      flowsAt: [
        [1, advanceFlows],
        [2, this.#insert.position(FLOWS_SLOT)],
      ],
      contentAt: [2, this.#insert.position(CONTENT_SLOT)],
      hashAt: [2, this.#insert.position(HASH_SLOT)],
    };
  }

  writeSteps(a: AdvanceArgs, row: Omit<NewSubmissionRow, "content">, packText: string): WriteStep[] {
    const exists = this.#exists.bind(a.submissionId);
    const advance =
      a.expectedLatest === null
        ? this.#advanceInsert.bind(...advanceInsertArgs(a))
        : this.#advanceUpdate.bind(...advanceUpdateArgs(a));
    const insert = this.#insert.bind(...submissionParams({ ...row, content: null as unknown as Buffer }));
    const contentAt = this.#insert.position(CONTENT_SLOT);
    insert.params[contentAt] = packText;
    return [
      { sql: exists.sql, params: exists.params as StepParam[], expect: "noRow" },
      { sql: advance.sql, params: advance.params as StepParam[], expect: "changes" },
      { sql: insert.sql, params: insert.params as StepParam[], expect: "any", deflateParam: contentAt },
    ];
  }

  /**
   * The whole write as one statement, where the engine runs data-modifying common table expressions (capability
   * `writeCte`, PostgreSQL): the conditional move of the report's head, and the insert only if the head moved. One
   * round trip, atomic without BEGIN/COMMIT. False when the head did not move (nothing written); a duplicate id
   * fails the statement as a unique violation (nothing written either).
   */
  async storeInOneStatement(executor: Kysely<Database>, a: AdvanceArgs, row: NewSubmissionRow): Promise<boolean> {
    const first = a.expectedLatest === null;
    let stmt = first ? this.#storeAfterInsert : this.#storeAfterUpdate;
    if (!stmt) {
      stmt = prepared(this.#db, (q) => {
        const head = first
          ? q.with("moved", (w) =>
              w
                .insertInto("report_state")
                .values({
                  unit_code: slot(1),
                  period: slot(2),
                  status: "submitted",
                  locked: 0,
                  comment: null,
                  latest_submission_id: slot(0),
                  latest_revision: slot(3),
                  first_received_at: slot(9),
                  first_on_time: slot(12),
                  last_received_at: slot(9),
                  accepted_submission_id: null,
                  demo: slot(13),
                  updated_at: slot(9),
                  latest_flows: slot(7),
                  latest_contact: slot(15),
                })
                .onConflict((oc) => oc.columns(["period", "unit_code"]).doNothing())
                .returning("unit_code"),
            )
          : q.with("moved", (w) =>
              w
                .updateTable("report_state")
                .set({
                  status: "submitted",
                  latest_submission_id: slot(0),
                  latest_revision: slot(3),
                  last_received_at: slot(9),
                  updated_at: slot(9),
                  latest_flows: slot(7),
                  latest_contact: slot(15),
                })
                .where("unit_code", "=", slot(1))
                .where("period", "=", slot(2))
                .where("latest_submission_id", "=", slot(14))
                .where("locked", "=", 0)
                .returning("unit_code"),
            );
        return head
          .insertInto("submission")
          .columns([
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
          ])
          .expression((eb) =>
            eb
              .selectFrom("moved")
              .select([
                eb.cast<string>(eb.val(slot(0)), "text").as("id"),
                eb.cast<string>(eb.val(slot(1)), "text").as("unit_code"),
                eb.cast<string>(eb.val(slot(2)), "text").as("period"),
                eb.cast<number>(eb.val(slot(3)), "integer").as("revision"),
                eb.cast<string>(eb.val(slot(4)), "text").as("supersedes"),
                eb.cast<string>(eb.val(slot(5)), "text").as("content_hash"),
                eb.cast<Buffer>(eb.val(slot(6)), "bytea").as("content"),
                eb.cast<string>(eb.val(slot(7)), "text").as("flows"),
                eb.cast<string>(eb.val(slot(8)), "text").as("catalog_version"),
                eb.cast<string>(eb.val(slot(9)), "text").as("received_at"),
                eb.cast<string>(eb.val(slot(10)), "text").as("client"),
                eb.cast<string>(eb.val(slot(11)), "text").as("token_id"),
                eb.cast<number>(eb.val(slot(12)), "integer").as("on_time"),
                eb.cast<number>(eb.val(slot(13)), "integer").as("demo"),
              ]),
          );
      });
      if (first) this.#storeAfterInsert = stmt;
      else this.#storeAfterUpdate = stmt;
    }
    const r = await stmt.run(executor, ...submissionParams(row), a.expectedLatest, a.contact);
    return Number(r.numAffectedRows ?? 0) === 1;
  }

  async insert(executor: Kysely<Database>, row: NewSubmissionRow): Promise<void> {
    await this.#insert.run(executor, ...submissionParams(row));
  }
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

/** A submission row's values in the column order of every prepared insert above. */
function advanceInsertArgs(
  a: AdvanceArgs,
): [string, string, string, number, string, number, string, number, string, string, string | null] {
  return [
    a.unitCode,
    a.period,
    a.submissionId,
    a.revision,
    a.receivedAt,
    a.onTime ? 1 : 0,
    a.receivedAt,
    a.demo ? 1 : 0,
    a.receivedAt,
    a.flows,
    a.contact,
  ];
}

function advanceUpdateArgs(
  a: AdvanceArgs,
): [string, number, string, string, string, string, string, string, string | null] {
  return [
    a.submissionId,
    a.revision,
    a.receivedAt,
    a.receivedAt,
    a.unitCode,
    a.period,
    a.expectedLatest as string,
    a.flows,
    a.contact,
  ];
}

/** The arguments of submissionParams() that hold the content's hash, the content and the flows. */
const HASH_SLOT = 5;
const CONTENT_SLOT = 6;
const FLOWS_SLOT = 7;

function submissionParams(row: NewSubmissionRow): unknown[] {
  return [
    row.id,
    row.unit_code,
    row.period,
    row.revision,
    row.supersedes ?? null,
    row.content_hash,
    row.content,
    row.flows ?? "{}",
    row.catalog_version,
    row.received_at,
    row.client ?? null,
    row.token_id,
    row.on_time,
    row.demo ?? 0,
  ];
}
