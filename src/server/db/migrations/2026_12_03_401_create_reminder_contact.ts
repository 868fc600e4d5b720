import type { Kysely } from "kysely";

/**
 * Where a unit's reminder e-mails go (issue #18): a unit sends no e-mail address with its report, so planners keep
 * one list per unit (PUT /units/:unit/reminder-contact). `emails` is a JSON array; `locale` the mail's first language.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("reminder_contact")
    .addColumn("unit_code", "text", (c) => c.primaryKey())
    .addColumn("emails", "text", (c) => c.notNull())
    .addColumn("locale", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "text")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("reminder_contact").execute();
}
