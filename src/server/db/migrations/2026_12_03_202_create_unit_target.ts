import type { Kysely } from "kysely";

/**
 * Targets assigned to units (issue #14; Decision 5969/QĐ-UBND gives each department, commune and ward its own 2026
 * targets): unit × target × year, the value (a number, or an ISO date for a milestone, as text), an optional
 * direction where it differs from the catalog's, and the decision that assigns it. Importing the same unit × target
 * × year again replaces the value (a corrected decision).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("unit_target")
    .addColumn("unit_code", "text", (c) => c.notNull())
    .addColumn("target_id", "text", (c) => c.notNull())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("direction", "text")
    .addColumn("decision", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("unit_target_pk", ["unit_code", "target_id", "year"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("unit_target").execute();
}
