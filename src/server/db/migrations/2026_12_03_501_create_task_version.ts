import type { Kysely } from "kysely";

/**
 * The key-task register (issue #19): every version of every task, each from a period on (`from_period`) — the way
 * applicability and unit retirement work — so reports of earlier periods keep the version they were made under.
 * `body` is the domain Task as JSON; `list` names the list it belongs to (several lists side by side). A change adds
 * a version; the same task and period again replaces that version (a correction of the same decision).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("task_version")
    .addColumn("task_id", "text", (c) => c.notNull())
    .addColumn("from_period", "text", (c) => c.notNull())
    .addColumn("list", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("token_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("task_version_pk", ["task_id", "from_period"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("task_version").execute();
}
