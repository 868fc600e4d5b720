/** Targets assigned to units (table `unit_target`): read them all, add a file's worth (inside the caller's transaction). */
import type { Kysely } from "kysely";
import type { AssignedTarget } from "../../domain/rules/unit-targets";
import type { Direction } from "../../domain/types";
import type { Database } from "./schema";

export async function listUnitTargets(db: Kysely<Database>): Promise<AssignedTarget[]> {
  const rows = await db
    .selectFrom("unit_target")
    .select(["unit_code", "target_id", "year", "value", "direction", "decision"])
    .orderBy("unit_code")
    .orderBy("target_id")
    .orderBy("year")
    .execute();
  return rows.map((r) => ({
    unitCode: r.unit_code,
    targetId: r.target_id,
    year: Number(r.year),
    value: /^\d{4}-\d{2}-\d{2}$/.test(r.value) ? r.value : Number(r.value),
    direction: (r.direction as Direction | null) ?? null,
    decision: r.decision,
  }));
}

export async function addUnitTargets(
  db: Kysely<Database>,
  rows: readonly AssignedTarget[],
  now: string,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto("unit_target")
      .values(
        rows.slice(i, i + 200).map((r) => ({
          unit_code: r.unitCode,
          target_id: r.targetId,
          year: r.year,
          value: String(r.value),
          direction: r.direction,
          decision: r.decision,
          created_at: now,
        })),
      )
      .onConflict((oc) =>
        oc.columns(["unit_code", "target_id", "year"]).doUpdateSet((eb) => ({
          value: eb.ref("excluded.value"),
          direction: eb.ref("excluded.direction"),
          decision: eb.ref("excluded.decision"),
          created_at: eb.ref("excluded.created_at"),
        })),
      )
      .execute();
  }
}
