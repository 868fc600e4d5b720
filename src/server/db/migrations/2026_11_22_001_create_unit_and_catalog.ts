import type { Kysely } from "kysely";

/** Units (seeded from the domain's defaults, then edited by planners), catalog versions and settings. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("unit")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("name_vi", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("target_ids", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("to_confirm", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("demo", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("groups", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("catalog_version")
    .addColumn("version", "text", (c) => c.primaryKey())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("setting")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("setting").execute();
  await db.schema.dropTable("catalog_version").execute();
  await db.schema.dropTable("unit").execute();
}
