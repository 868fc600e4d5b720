import type { Kysely } from "kysely";
import { defaultCatalog, defaultUnits } from "../../domain";
import type { Database } from "./schema";
import { currentCatalogVersion, setCurrentCatalog, storeCatalog } from "./catalogs";
import { insertMissingUnits } from "./units";
import { seedTaskRegister } from "./tasks";

export const BUILT_IN_SOURCE = "built-in";

/**
 * Reference data every server needs: the default units (missing ones only — planners' edits are kept) and the
 * built-in catalog. The built-in catalog becomes current when there is none yet, or when the current one is an
 * older built-in (a new release); a catalog a planner imported stays current.
 */
export async function seedReferenceData(
  db: Kysely<Database>,
  now: string,
): Promise<{ unitsInserted: number; catalogVersion: string }> {
  const unitsInserted = await insertMissingUnits(db, defaultUnits(), now);
  await seedTaskRegister(db, now);
  const builtIn = defaultCatalog();
  await storeCatalog(db, builtIn, BUILT_IN_SOURCE, now);
  const current = await currentCatalogVersion(db);
  if (!current) {
    await setCurrentCatalog(db, builtIn.version);
  } else if (current !== builtIn.version) {
    const row = await db
      .selectFrom("catalog_version")
      .select("source")
      .where("version", "=", current)
      .executeTakeFirst();
    if (!row || row.source === BUILT_IN_SOURCE) await setCurrentCatalog(db, builtIn.version);
  }
  return { unitsInserted, catalogVersion: (await currentCatalogVersion(db)) as string };
}
