import type { Kysely } from "kysely";
import { upgradeCatalog } from "../../domain/catalog/defaults";
import type { Catalog } from "../../domain/types";
import type { Database } from "./schema";

const CURRENT_KEY = "current_catalog_version";

export async function getStoredCatalog(db: Kysely<Database>, version: string): Promise<Catalog | undefined> {
  const row = await db.selectFrom("catalog_version").select("body").where("version", "=", version).executeTakeFirst();
  // a catalog stored before the 2026-12 revision gets its documented defaults; its version stays as stored
  return row ? upgradeCatalog(JSON.parse(row.body) as Catalog) : undefined;
}

export async function currentCatalogVersion(db: Kysely<Database>): Promise<string | undefined> {
  const row = await db.selectFrom("setting").select("value").where("key", "=", CURRENT_KEY).executeTakeFirst();
  return row?.value;
}

/** Store a catalog (idempotent by version). */
export async function storeCatalog(db: Kysely<Database>, catalog: Catalog, source: string, now: string): Promise<void> {
  await db
    .insertInto("catalog_version")
    .values({ version: catalog.version, body: JSON.stringify(catalog), source, created_at: now })
    .onConflict((oc) => oc.column("version").doNothing())
    .execute();
}

export async function setCurrentCatalog(db: Kysely<Database>, version: string): Promise<void> {
  await db
    .insertInto("setting")
    .values({ key: CURRENT_KEY, value: version })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value: version }))
    .execute();
}

export async function listCatalogVersions(
  db: Kysely<Database>,
): Promise<{ version: string; source: string; createdAt: string }[]> {
  const rows = await db
    .selectFrom("catalog_version")
    .select(["version", "source", "created_at"])
    .orderBy("created_at")
    .execute();
  return rows.map((r) => ({ version: r.version, source: r.source, createdAt: r.created_at }));
}
