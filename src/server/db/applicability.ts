/** The planners' applicability choices (table `applicability`): read them all, add a file's worth in one go. */
import type { Kysely } from "kysely";
import type { ApplicabilityEntry, ApplicabilityState } from "../../domain/rules/applicability";
import type { Database } from "./schema";

export async function listApplicability(db: Kysely<Database>): Promise<ApplicabilityEntry[]> {
  const rows = await db
    .selectFrom("applicability")
    .select(["unit_code", "target_id", "from_period", "state", "note"])
    .orderBy("unit_code")
    .orderBy("target_id")
    .orderBy("created_at")
    .execute();
  return rows.map((r) => ({
    unitCode: r.unit_code,
    targetId: r.target_id,
    from: r.from_period,
    state: r.state as ApplicabilityState,
    note: r.note,
  }));
}

/**
 * Add choices (run it inside the caller's transaction: all or nothing). A choice for the same unit, target and period replaces the one
 * stored (a correction of the same decision); choices for other periods stay, so earlier periods keep theirs.
 */
export async function addApplicability(
  db: Kysely<Database>,
  entries: readonly ApplicabilityEntry[],
  tokenId: string | null,
  now: string,
): Promise<void> {
  if (entries.length === 0) return;
  {
    for (let i = 0; i < entries.length; i += 200) {
      await db
        .insertInto("applicability")
        .values(
          entries.slice(i, i + 200).map((e) => ({
            unit_code: e.unitCode,
            target_id: e.targetId,
            from_period: e.from,
            state: e.state,
            note: e.note ?? null,
            token_id: tokenId,
            created_at: now,
          })),
        )
        .onConflict((oc) =>
          oc.columns(["unit_code", "target_id", "from_period"]).doUpdateSet((eb) => ({
            state: eb.ref("excluded.state"),
            note: eb.ref("excluded.note"),
            token_id: eb.ref("excluded.token_id"),
            created_at: eb.ref("excluded.created_at"),
          })),
        )
        .execute();
    }
  }
}
