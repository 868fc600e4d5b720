import type { Kysely } from "kysely";

/** Who did what and when: submissions, returns, accepts, unlocks, token changes, demo resets. Append-only. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("audit_event")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("token_id", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("unit_code", "text")
    .addColumn("period", "text")
    .addColumn("details", "text", (c) => c.notNull().defaultTo("{}"))
    .execute();
  await db.schema.createIndex("audit_event_report_idx").on("audit_event").columns(["unit_code", "period"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("audit_event").execute();
}
