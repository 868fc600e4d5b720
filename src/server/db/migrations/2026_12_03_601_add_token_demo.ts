import type { Kysely } from "kysely";

/**
 * The demo classroom is a world of its own (issue 20): a token issued with `demo` (the demo planner's) reaches demo
 * units only. A unit token is demo when its unit is. Every token issued before this column is a real one (0).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("token")
    .addColumn("demo", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("token").dropColumn("demo").execute();
}
