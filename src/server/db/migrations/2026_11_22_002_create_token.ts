import type { Kysely } from "kysely";

/** API tokens: only a peppered sha256 of each token is stored. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("token")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("hash", "text", (c) => c.notNull().unique())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("unit_code", "text", (c) => c.references("unit.code"))
    .addColumn("label", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("token").execute();
}
