import type { Kysely } from "kysely";

/**
 * The unit sheet's contact (preparer, approver, phone) of a report's latest revision, as JSON text
 * `{"preparer":…,"approver":…,"phone":…}`; null when that revision carried none (and for every report stored before
 * this column existed). The revision itself keeps its contact inside its content (submission.content, hashed); this
 * copy lets completeness list every unit's contact from report_state alone, as latest_flows does for year-to-date sums.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("report_state").addColumn("latest_contact", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("report_state").dropColumn("latest_contact").execute();
}
