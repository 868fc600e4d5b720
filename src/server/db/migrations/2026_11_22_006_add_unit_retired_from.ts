import type { Kysely } from "kysely";

/**
 * Units are retired, never deleted: `retired_from` is the id of the first period ("2026-07", "2026-Q3", "2027") for
 * which the unit no longer reports; null (every unit stored before this column existed) while it reports. Its reports
 * stay, and completeness and consolidation of the periods before that one still expect it (domain `reportsIn`).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("unit").addColumn("retired_from", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("unit").dropColumn("retired_from").execute();
}
