import type { Kysely } from "kysely";

/**
 * The latest revision's figures, per target, as JSON text `{"E01": 9.5, "S01": [45000, 50000]}` (a value, or a
 * ratio target's [numerator, denominator]; blanks, milestones and "not applicable" left out). The rules read it for
 * the unit's earlier periods (history checks) and for the months inside a quarter, half or year (the figure computed
 * from the months), in the same read as the report's state, as latest_flows is read for year-to-date sums. Null for
 * every report stored before this column existed: the service then reads that revision's stored content instead.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("report_state").addColumn("latest_figures", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("report_state").dropColumn("latest_figures").execute();
}
