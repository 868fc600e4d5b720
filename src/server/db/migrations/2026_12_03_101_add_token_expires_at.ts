import type { Kysely } from "kysely";

/**
 * Tokens expire: `expires_at` (ISO time) after which the token is refused with CT_TOKEN_EXPIRED. Null — every token
 * issued before this column existed, or issued with `--expires never` — never expires; rotate those tokens.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("token").addColumn("expires_at", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("token").dropColumn("expires_at").execute();
}
