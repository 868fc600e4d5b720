import type { Kysely } from "kysely";
import type { Database, NewTokenRow, TokenRow } from "./schema";

export async function insertToken(db: Kysely<Database>, row: NewTokenRow): Promise<void> {
  await db.insertInto("token").values(row).execute();
}

export async function findTokenByHash(db: Kysely<Database>, hash: string): Promise<TokenRow | undefined> {
  return db.selectFrom("token").selectAll().where("hash", "=", hash).executeTakeFirst();
}

export async function findTokenById(db: Kysely<Database>, id: string): Promise<Pick<TokenRow, "id"> | undefined> {
  return db.selectFrom("token").select("id").where("id", "=", id).executeTakeFirst();
}

export async function listTokens(db: Kysely<Database>): Promise<TokenRow[]> {
  return db.selectFrom("token").selectAll().orderBy("created_at").orderBy("id").execute();
}

/**
 * Find the one token an id, a prefix of an id, or a (prefix of a) token text names: "3f9a0c12de", "3f9a",
 * "ct_3f9a0c12de_…". Undefined when none or several match.
 */
export async function findTokenByIdOrPrefix(db: Kysely<Database>, text: string): Promise<TokenRow | undefined> {
  const m = /^(?:ct_)?([0-9a-f]{1,10})(?:_.*)?$/.exec(text.trim());
  if (!m) return undefined;
  const idPart = m[1] as string;
  const rows = await db
    .selectFrom("token")
    .selectAll()
    .where("id", ">=", idPart)
    .where("id", "<", idPart + "g")
    .limit(2)
    .execute();
  return rows.length === 1 ? rows[0] : undefined;
}

export async function revokeTokenById(db: Kysely<Database>, id: string, now: string): Promise<TokenRow | undefined> {
  await db.updateTable("token").set({ revoked_at: now }).where("id", "=", id).where("revoked_at", "is", null).execute();
  return db.selectFrom("token").selectAll().where("id", "=", id).executeTakeFirst();
}
