import type { Kysely } from "kysely";

/**
 * Reminder e-mails (issue #18), one row per unit × period × kind ("before" / "after" the deadline). The row is
 * inserted — claimed — BEFORE the mail is sent; its primary key makes the claim unique across restarts, workers and
 * instances on one database, so a reminder is never sent twice. state: claimed → sent, or failed (the SMTP server
 * refused it: nothing was sent, and a later run may claim it again).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("reminder")
    .addColumn("unit_code", "text", (c) => c.notNull())
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("claimed_at", "text", (c) => c.notNull())
    .addColumn("claimed_by", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .addColumn("recipients", "text", (c) => c.notNull())
    .addColumn("error", "text")
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint("reminder_pk", ["unit_code", "period", "kind"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("reminder").execute();
}
