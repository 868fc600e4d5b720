import type { Kysely } from "kysely";

/**
 * Submissions are append-only revisions (never updated or deleted, except demo units' rows by a demo reset). The primary key makes a retried submission id impossible to store twice;
 * the unique (unit_code, period, revision) makes two concurrent edits of the same revision impossible, on one
 * instance or many. report_state is the per unit × period state a planner acts on.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("submission")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("unit_code", "text", (c) => c.notNull().references("unit.code"))
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("supersedes", "text")
    .addColumn("content_hash", "text", (c) => c.notNull())
    // deflate-raw of {"report": <canonical content as hashed>, "parsed": ParsedEntry[]} (a 43-target report of ~8 KB
    // becomes ~0.6 KB: SQLite's cost per commit grows with the bytes written). "bytea" is BLOB-like in SQLite too.
    .addColumn("content", "bytea", (c) => c.notNull())
    // {targetId: value} of the flow targets (aggregated by sum): year-to-date sums read only this
    .addColumn("flows", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("catalog_version", "text", (c) => c.notNull())
    .addColumn("received_at", "text", (c) => c.notNull())
    .addColumn("client", "text")
    .addColumn("token_id", "text", (c) => c.notNull())
    .addColumn("on_time", "integer", (c) => c.notNull())
    .addColumn("demo", "integer", (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint("submission_unit_period_revision_uq", ["unit_code", "period", "revision"])
    .execute();
  await db.schema.createIndex("submission_period_idx").on("submission").columns(["period", "unit_code"]).execute();

  await db.schema
    .createTable("report_state")
    .addColumn("unit_code", "text", (c) => c.notNull().references("unit.code"))
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("locked", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("comment", "text")
    .addColumn("latest_submission_id", "text", (c) => c.notNull())
    .addColumn("latest_revision", "integer", (c) => c.notNull())
    // the latest revision's flow figures, copied here so that year-to-date sums read one small table
    .addColumn("latest_flows", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("first_received_at", "text", (c) => c.notNull())
    .addColumn("first_on_time", "integer", (c) => c.notNull())
    .addColumn("last_received_at", "text", (c) => c.notNull())
    .addColumn("accepted_submission_id", "text")
    .addColumn("demo", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("updated_at", "text", (c) => c.notNull())
    // period first: one key serves a unit's state (period, unit), a unit's earlier periods (period IN …, unit) and a
    // planner's whole period (period) — a second index on period would tempt SQLite's planner into scans
    .addPrimaryKeyConstraint("report_state_pk", ["period", "unit_code"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("report_state").execute();
  await db.schema.dropTable("submission").execute();
}
