import type { Kysely } from "kysely";
import type { Unit, UnitKind } from "../../domain/types";
import type { Database, NewUnitRow, UnitRow } from "./schema";

export function unitFromRow(row: UnitRow): Unit {
  return {
    code: row.code,
    kind: row.kind as UnitKind,
    name: { vi: row.name_vi, en: row.name_en },
    targetIds: JSON.parse(row.target_ids) as string[],
    toConfirm: row.to_confirm === 1,
    demo: row.demo === 1,
    groups: JSON.parse(row.groups) as string[],
    retiredFrom: row.retired_from ?? null,
  };
}

export function unitToRow(unit: Unit, now: string): NewUnitRow {
  return {
    code: unit.code,
    kind: unit.kind,
    name_vi: unit.name.vi.normalize("NFC"),
    name_en: unit.name.en,
    target_ids: JSON.stringify(unit.targetIds),
    to_confirm: unit.toConfirm ? 1 : 0,
    demo: unit.demo ? 1 : 0,
    groups: JSON.stringify(unit.groups),
    updated_at: now,
    retired_from: unit.retiredFrom ?? null,
  };
}

export async function listUnits(db: Kysely<Database>): Promise<Unit[]> {
  const rows = await db.selectFrom("unit").selectAll().orderBy("code").execute();
  return rows.map(unitFromRow);
}

/** Insert the units that are not there yet; existing rows (perhaps edited by planners) are kept. */
export async function insertMissingUnits(db: Kysely<Database>, units: readonly Unit[], now: string): Promise<number> {
  if (units.length === 0) return 0;
  let inserted = 0;
  for (let i = 0; i < units.length; i += 100) {
    const chunk = units.slice(i, i + 100).map((u) => unitToRow(u, now));
    const r = await db
      .insertInto("unit")
      .values(chunk)
      .onConflict((oc) => oc.column("code").doNothing())
      .executeTakeFirst();
    inserted += Number(r.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}

export async function upsertUnit(db: Kysely<Database>, unit: Unit, now: string): Promise<void> {
  const row = unitToRow(unit, now);
  await db
    .insertInto("unit")
    .values(row)
    .onConflict((oc) =>
      oc.column("code").doUpdateSet({
        kind: row.kind,
        name_vi: row.name_vi,
        name_en: row.name_en,
        target_ids: row.target_ids,
        to_confirm: row.to_confirm,
        demo: row.demo,
        groups: row.groups,
        retired_from: row.retired_from,
        updated_at: now,
      }),
    )
    .execute();
}
