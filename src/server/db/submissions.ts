import type { Kysely } from "kysely";
import type { Database, NewSubmissionRow, ReportStateRow, SubmissionRow } from "./schema";

/** The columns needed to answer a retry (no body). */
export type SubmissionHead = Pick<
  SubmissionRow,
  "id" | "unit_code" | "period" | "revision" | "supersedes" | "content_hash" | "received_at" | "on_time" | "catalog_version" | "client" | "token_id"
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

export async function findSubmissionHead(db: Kysely<Database>, id: string): Promise<SubmissionHead | undefined> {
  return db.selectFrom("submission").select(HEAD_COLUMNS).where("id", "=", id).executeTakeFirst();
}

export async function getSubmission(db: Kysely<Database>, id: string): Promise<SubmissionRow | undefined> {
  return db.selectFrom("submission").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function getReportState(db: Kysely<Database>, unitCode: string, period: string): Promise<ReportStateRow | undefined> {
  return db.selectFrom("report_state").selectAll().where("unit_code", "=", unitCode).where("period", "=", period).executeTakeFirst();
}

export async function listRevisionHeads(db: Kysely<Database>, unitCode: string, period: string): Promise<SubmissionHead[]> {
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

/** For consolidation: per unit, the chosen revision's parsed entries (latest or accepted). */
export async function listBasisEntries(
  db: Kysely<Database>,
  period: string,
  basis: "latest" | "accepted",
): Promise<{ unit_code: string; id: string; revision: number; entries: string; received_at: string; status: string; locked: number }[]> {
  const join = basis === "latest" ? "report_state.latest_submission_id" : "report_state.accepted_submission_id";
  return db
    .selectFrom("report_state")
    .innerJoin("submission", "submission.id", join)
    .select([
      "submission.unit_code",
      "submission.id",
      "submission.revision",
      "submission.entries",
      "submission.received_at",
      "report_state.status",
      "report_state.locked",
    ])
    .where("report_state.period", "=", period)
    .execute();
}

/** Per unit and period, the chosen revision's parsed entries for several periods (city year-to-date sums). */
export async function listBasisEntriesForPeriods(
  db: Kysely<Database>,
  periods: readonly string[],
  basis: "latest" | "accepted",
): Promise<{ unit_code: string; period: string; entries: string }[]> {
  if (periods.length === 0) return [];
  const join = basis === "latest" ? "report_state.latest_submission_id" : "report_state.accepted_submission_id";
  return db
    .selectFrom("report_state")
    .innerJoin("submission", "submission.id", join)
    .select(["submission.unit_code", "submission.period", "submission.entries"])
    .where("report_state.period", "in", periods)
    .execute();
}

/** Parsed entries of the latest revision of each period in `periods` for one unit (year-to-date sums). */
export async function listLatestEntriesForPeriods(
  db: Kysely<Database>,
  unitCode: string,
  periods: readonly string[],
): Promise<{ period: string; entries: string }[]> {
  if (periods.length === 0) return [];
  return db
    .selectFrom("report_state")
    .innerJoin("submission", "submission.id", "report_state.latest_submission_id")
    .select(["report_state.period", "submission.entries"])
    .where("report_state.unit_code", "=", unitCode)
    .where("report_state.period", "in", periods)
    .execute();
}

// --- writes (inside a Writer job) ------------------------------------------------------------------------------

export async function insertSubmission(trx: Kysely<Database>, row: NewSubmissionRow): Promise<void> {
  await trx.insertInto("submission").values(row).execute();
}

/**
 * Move the report's head to a new revision, but only from the revision the client saw and only while unlocked.
 * Returns false when the condition did not hold (another revision won the race, or the report was locked).
 */
export async function advanceReportState(
  trx: Kysely<Database>,
  a: {
    unitCode: string;
    period: string;
    expectedLatest: string | null;
    submissionId: string;
    revision: number;
    receivedAt: string;
    onTime: boolean;
    demo: boolean;
  },
): Promise<boolean> {
  if (a.expectedLatest === null) {
    const r = await trx
      .insertInto("report_state")
      .values({
        unit_code: a.unitCode,
        period: a.period,
        status: "submitted",
        locked: 0,
        comment: null,
        latest_submission_id: a.submissionId,
        latest_revision: a.revision,
        first_received_at: a.receivedAt,
        first_on_time: a.onTime ? 1 : 0,
        last_received_at: a.receivedAt,
        accepted_submission_id: null,
        demo: a.demo ? 1 : 0,
        updated_at: a.receivedAt,
      })
      .onConflict((oc) => oc.columns(["unit_code", "period"]).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const r = await trx
    .updateTable("report_state")
    .set({
      status: "submitted",
      latest_submission_id: a.submissionId,
      latest_revision: a.revision,
      last_received_at: a.receivedAt,
      updated_at: a.receivedAt,
    })
    .where("unit_code", "=", a.unitCode)
    .where("period", "=", a.period)
    .where("latest_submission_id", "=", a.expectedLatest)
    .where("locked", "=", 0)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
