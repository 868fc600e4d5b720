/**
 * The review loop's tables: the units' reminder addresses (reminder_contact), the reminder claims (reminder: one row
 * per unit × period × kind, inserted BEFORE the mail goes, so its primary key makes each reminder once-only across
 * restarts, workers and instances), and the read-only look-ups the board needs (each unit's last planner action of a
 * period, a missing unit's contact from its latest earlier report).
 */
import type { Kysely } from "kysely";
import type { Database, ReminderTable } from "./schema";
import type { Selectable } from "kysely";

export type ReminderRow = Selectable<ReminderTable>;

export interface ReminderContactRow {
  unitCode: string;
  emails: string[];
  locale: "vi" | "en" | null;
  updatedAt: string;
}

function contactOf(r: { unit_code: string; emails: string; locale: string | null; updated_at: string }) {
  return {
    unitCode: r.unit_code,
    emails: JSON.parse(r.emails) as string[],
    locale: r.locale === "vi" || r.locale === "en" ? r.locale : null,
    updatedAt: r.updated_at,
  } satisfies ReminderContactRow;
}

export async function listReminderContacts(db: Kysely<Database>): Promise<Map<string, ReminderContactRow>> {
  const rows = await db.selectFrom("reminder_contact").selectAll().execute();
  return new Map(rows.map((r) => [r.unit_code, contactOf(r)]));
}

export async function getReminderContact(
  db: Kysely<Database>,
  unitCode: string,
): Promise<ReminderContactRow | undefined> {
  const r = await db.selectFrom("reminder_contact").selectAll().where("unit_code", "=", unitCode).executeTakeFirst();
  return r ? contactOf(r) : undefined;
}

export async function saveReminderContact(
  db: Kysely<Database>,
  c: { unitCode: string; emails: string[]; locale: string | null; at: string; by: string | null },
): Promise<void> {
  const row = {
    unit_code: c.unitCode,
    emails: JSON.stringify(c.emails),
    locale: c.locale,
    updated_at: c.at,
    updated_by: c.by,
  };
  await db
    .insertInto("reminder_contact")
    .values(row)
    .onConflict((oc) =>
      oc.column("unit_code").doUpdateSet({
        emails: row.emails,
        locale: row.locale,
        updated_at: row.updated_at,
        updated_by: row.updated_by,
      }),
    )
    .execute();
}

/** The last return / accept / unlock of each unit's report for a period. */
export async function lastPlannerActions(
  db: Kysely<Database>,
  period: string,
): Promise<Map<string, { action: string; at: string; tokenId: string | null; details: string }>> {
  const rows = await db
    .selectFrom("audit_event")
    .select(["unit_code", "action", "at", "token_id", "details"])
    .where("period", "=", period)
    .where("action", "in", ["report.returned", "report.accepted", "report.unlocked"])
    .orderBy("at")
    .execute();
  const out = new Map<string, { action: string; at: string; tokenId: string | null; details: string }>();
  for (const r of rows) {
    if (r.unit_code) out.set(r.unit_code, { action: r.action, at: r.at, tokenId: r.token_id, details: r.details });
  }
  return out;
}

/** Each unit's contact from its most recently received report of any period (for units missing this one). */
export async function latestContacts(
  db: Kysely<Database>,
  unitCodes: readonly string[],
): Promise<Map<string, { period: string; contact: string }>> {
  const out = new Map<string, { period: string; contact: string }>();
  if (unitCodes.length === 0) return out;
  const rows = await db
    .selectFrom("report_state")
    .select(["unit_code", "period", "latest_contact", "last_received_at"])
    .where("unit_code", "in", [...unitCodes])
    .where("latest_contact", "is not", null)
    .orderBy("last_received_at")
    .execute();
  for (const r of rows) if (r.latest_contact) out.set(r.unit_code, { period: r.period, contact: r.latest_contact });
  return out;
}

/**
 * Claim a reminder: true when this caller now owns it — a new row, or a failed one claimed again (nothing was sent).
 * The insert's primary key and the update's condition decide between concurrent callers on any engine.
 */
export async function claimReminder(
  db: Kysely<Database>,
  r: { unitCode: string; period: string; kind: string; at: string; by: string; recipients: string[] },
): Promise<boolean> {
  const inserted = await db
    .insertInto("reminder")
    .values({
      unit_code: r.unitCode,
      period: r.period,
      kind: r.kind,
      state: "claimed",
      claimed_at: r.at,
      claimed_by: r.by,
      sent_at: null,
      recipients: JSON.stringify(r.recipients),
      error: null,
    })
    .onConflict((oc) => oc.columns(["unit_code", "period", "kind"]).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return true;
  const retried = await db
    .updateTable("reminder")
    .set((eb) => ({
      state: "claimed",
      claimed_at: r.at,
      claimed_by: r.by,
      recipients: JSON.stringify(r.recipients),
      error: null,
      attempts: eb("attempts", "+", 1),
    }))
    .where("unit_code", "=", r.unitCode)
    .where("period", "=", r.period)
    .where("kind", "=", r.kind)
    .where("state", "=", "failed")
    .where("attempts", "<", MAX_ATTEMPTS)
    .executeTakeFirst();
  return Number(retried.numUpdatedRows) === 1;
}

/** A reminder the SMTP server refused is claimed again at most this many times in all. */
export const MAX_ATTEMPTS = 3;

export async function finishReminder(
  db: Kysely<Database>,
  key: { unitCode: string; period: string; kind: string; by: string },
  outcome: { sentAt: string } | { error: string; final?: boolean },
): Promise<void> {
  await db
    .updateTable("reminder")
    .set(
      "sentAt" in outcome
        ? { state: "sent", sent_at: outcome.sentAt, error: null }
        : {
            state: "failed",
            error: outcome.error.slice(0, 1000),
            // a failure that may have delivered the mail is never claimed again
            ...(outcome.final ? { attempts: MAX_ATTEMPTS } : {}),
          },
    )
    .where("unit_code", "=", key.unitCode)
    .where("period", "=", key.period)
    .where("kind", "=", key.kind)
    .where("claimed_by", "=", key.by)
    .execute();
}

/** Drop one's own claim: nothing was sent (the unit submitted meanwhile, or the SMTP server was not reached). */
export async function releaseClaim(
  db: Kysely<Database>,
  key: { unitCode: string; period: string; kind: string; by: string },
): Promise<void> {
  await db
    .deleteFrom("reminder")
    .where("unit_code", "=", key.unitCode)
    .where("period", "=", key.period)
    .where("kind", "=", key.kind)
    .where("claimed_by", "=", key.by)
    .where("state", "=", "claimed")
    .execute();
}

export async function listReminders(db: Kysely<Database>, period: string): Promise<ReminderRow[]> {
  return db
    .selectFrom("reminder")
    .selectAll()
    .where("period", "=", period)
    .orderBy("unit_code")
    .orderBy("kind")
    .execute();
}
