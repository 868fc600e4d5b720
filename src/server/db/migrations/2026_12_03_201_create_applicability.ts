import type { Kysely } from "kysely";

/**
 * The planners' applicability table (issue #14): unit × target choices — applies, not_applicable, always_required —
 * each in force from a period on (`from_period`), the way retiring a unit works, so earlier periods do not change.
 * A change adds a row; the latest row whose period starts on or before a period's start holds for it (domain
 * rules/applicability.ts). Rows are never rewritten in place: the table is the history of the planners' decisions.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("applicability")
    .addColumn("unit_code", "text", (c) => c.notNull())
    .addColumn("target_id", "text", (c) => c.notNull())
    .addColumn("from_period", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("token_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("applicability_pk", ["unit_code", "target_id", "from_period"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("applicability").execute();
}
