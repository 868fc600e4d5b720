/**
 * E-mail reminders (issue #18). A reminder is one unit × period × kind: "before" goes from `beforeDays` before the
 * deadline until the deadline, "after" from `afterDays` after it for a week (GRACE_DAYS). Each goes only to the
 * planners' addresses of an expected unit (the domain's `expectedUnits` with the key tasks' owners, demo units
 * never) that has not submitted.
 *
 * Never twice: the reminder is CLAIMED — a row with the unique key (unit, period, kind) — before the mail is sent;
 * a restart, a second worker or a second instance on the same database finds the row and sends nothing. After the
 * claim the report is looked up again: a unit that submitted meanwhile gets no mail (its claim is dropped). A mail
 * the SMTP server refused is marked failed (nothing was sent) and claimed again by a later run, up to MAX_ATTEMPTS;
 * when the server cannot be reached at all the claim is released and the run's other mails wait for the next run;
 * a send that failed in a way that may have delivered it (see `sendFailure`) is never tried again.
 * A process that dies between the claim and the end of the SMTP exchange leaves the row "claimed": that reminder is
 * not sent again (at most once), and GET /reminders shows it.
 *
 * The scheduler runs in one place per deployment: the supervisor (`chitieu serve`'s primary process), with a
 * database connection of its own. `chitieu remind` runs the same code at once for one period.
 */
import { randomUUID } from "node:crypto";
import os from "node:os";
import type { Kysely } from "kysely";
import nodemailer from "nodemailer";
import { daysFromIso, expectedUnits, hanoiDate, listPeriods, periodWindow } from "../../domain";
import type { Period, Unit } from "../../domain/types";
import type { Database } from "../db/schema";
import { getReportState, listReportStates } from "../db/submissions";
import { claimReminder, finishReminder, listReminderContacts, listReminders, releaseClaim } from "../db/reminders";
import type { ReminderConfig } from "../reminder-config";
import { ReferenceData } from "./reference";
import { connect, type DbConfig } from "../db/connect";
import { reminderMail, type ReminderKind } from "./reminder-mail";
import { taskOwnersAt } from "./tasks";

/** How long after its first day an "after" reminder may still go (a scheduler that was down catches up). */
export const GRACE_DAYS = 7;

function hanoiDay(at: Date): number {
  return daysFromIso(hanoiDate(at)) as number;
}

export interface Slot {
  period: Period;
  kind: ReminderKind;
  deadline: string;
}

/** The periods × kinds whose reminders are due on the day of `asOf` (Hanoi), within the plan's years. */
export function dueSlots(
  asOf: Date,
  cfg: Pick<ReminderConfig, "beforeDays" | "afterDays">,
  plan?: { from: number; to: number },
): Slot[] {
  const today = hanoiDay(asOf);
  const year = new Date(asOf.getTime() + 7 * 3_600_000).getUTCFullYear();
  const out: Slot[] = [];
  for (const y of [year - 1, year]) {
    if (plan && (y < plan.from || y > plan.to)) continue;
    for (const period of listPeriods(y)) {
      const w = periodWindow(period);
      const start = daysFromIso(w.dataStart) as number;
      const deadline = daysFromIso(w.deadline) as number;
      if (cfg.beforeDays !== null && today >= start && today <= deadline && today >= deadline - cfg.beforeDays) {
        out.push({ period, kind: "before", deadline: w.deadline });
      }
      if (
        cfg.afterDays !== null &&
        today >= deadline + cfg.afterDays &&
        today <= deadline + cfg.afterDays + GRACE_DAYS
      ) {
        out.push({ period, kind: "after", deadline: w.deadline });
      }
    }
  }
  return out;
}

/** The slot of one period now: "before" until the deadline, "after" from the day after it. */
export function slotFor(period: Period, asOf: Date): Slot {
  const deadline = periodWindow(period).deadline;
  const kind = hanoiDay(asOf) <= (daysFromIso(deadline) as number) ? "before" : "after";
  return { period, kind, deadline };
}

export type ReminderOutcomeKind =
  "sent" | "would_send" | "already_sent" | "submitted" | "no_address" | "failed" | "deferred";

/**
 * How a send failed, from nodemailer's error: "unreached" before any mail data left (no connection, DNS, TLS or
 * login refused — nothing was sent, the claim is released and the run stops: the other mails would fail alike);
 * "refused" when the server answered 4xx/5xx (it did not take the mail: a later run may try again); "unknown"
 * otherwise (a connection lost mid-DATA may have delivered it: never tried again, so never sent twice).
 */
export function sendFailure(e: unknown): "unreached" | "refused" | "unknown" {
  const err = (e ?? {}) as { code?: unknown; command?: unknown; responseCode?: unknown };
  if (err.command === "CONN" || ["EDNS", "ETLS", "EAUTH", "ECONNREFUSED"].includes(String(err.code)))
    return "unreached";
  if (typeof err.responseCode === "number" && err.responseCode >= 400) return "refused";
  return "unknown";
}

export interface ReminderOutcome {
  unitCode: string;
  period: string;
  kind: ReminderKind;
  recipients: string[];
  outcome: ReminderOutcomeKind;
  error?: string;
}

export interface ReminderDeps {
  db: Kysely<Database>;
  reference: ReferenceData;
  config: ReminderConfig;
  /** the SMTP transport (one per scheduler or command) */
  transport: { sendMail(m: { from: string; to: string[]; subject: string; text: string }): Promise<unknown> };
}

export function smtpTransport(config: ReminderConfig) {
  return nodemailer.createTransport(config.smtpUrl);
}

async function sendOne(deps: ReminderDeps, unit: Unit, slot: Slot, recipients: string[]): Promise<ReminderOutcome> {
  const base = { unitCode: unit.code, period: slot.period.id, kind: slot.kind, recipients };
  const by = `${os.hostname()}:${process.pid}:${randomUUID()}`;
  const key = { unitCode: unit.code, period: slot.period.id, kind: slot.kind, by };
  const at = new Date().toISOString();
  if (!(await claimReminder(deps.db, { ...key, at, recipients }))) return { ...base, outcome: "already_sent" };
  // the unit may have submitted between the first look and the claim: then no mail, and the claim goes
  if (await getReportState(deps.db, unit.code, slot.period.id)) {
    await releaseClaim(deps.db, key);
    return { ...base, outcome: "submitted" };
  }
  const mail = reminderMail(unit, slot.period, slot.deadline, slot.kind, {
    locale: deps.config.locale,
    publicUrl: deps.config.publicUrl,
  });
  try {
    await deps.transport.sendMail({ from: deps.config.from, to: recipients, ...mail });
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    const how = sendFailure(e);
    if (how === "unreached") {
      await releaseClaim(deps.db, key);
      return { ...base, outcome: "deferred", error };
    }
    await finishReminder(deps.db, key, { error, final: how === "unknown" });
    return { ...base, outcome: "failed", error };
  }
  await finishReminder(deps.db, key, { sentAt: new Date().toISOString() });
  return { ...base, outcome: "sent" };
}

/** Send (or with dryRun list) the reminders of the slots: one outcome per expected unit × slot. */
export async function runReminders(
  deps: ReminderDeps,
  slots: readonly Slot[],
  opts: { dryRun?: boolean } = {},
): Promise<ReminderOutcome[]> {
  const ref = deps.reference;
  const contacts = await listReminderContacts(deps.db);
  const out: ReminderOutcome[] = [];
  // once the SMTP server cannot be reached, the run's other mails are deferred to the next run, not tried one by one
  let unreached: string | null = null;
  for (const slot of slots) {
    // a unit that leads or co-owns a key task has a report to send, figures due or not (issue #19)
    const owners = await taskOwnersAt(deps.db, slot.period);
    const units = expectedUnits(ref.currentCatalog, ref.registry, slot.period, {}, ref.applicability, owners);
    const submitted = new Set((await listReportStates(deps.db, slot.period.id)).map((s) => s.unit_code));
    const done = new Set(
      (await listReminders(deps.db, slot.period.id))
        .filter((r) => r.kind === slot.kind && r.state !== "failed")
        .map((r) => r.unit_code),
    );
    for (const unit of units) {
      const recipients = contacts.get(unit.code)?.emails ?? [];
      const base = { unitCode: unit.code, period: slot.period.id, kind: slot.kind, recipients };
      if (submitted.has(unit.code)) out.push({ ...base, outcome: "submitted" });
      else if (recipients.length === 0) out.push({ ...base, outcome: "no_address" });
      else if (done.has(unit.code)) out.push({ ...base, outcome: "already_sent" });
      else if (opts.dryRun) out.push({ ...base, outcome: "would_send" });
      else if (unreached) out.push({ ...base, outcome: "deferred", error: unreached });
      else {
        const o = await sendOne(deps, unit, slot, recipients);
        if (o.outcome === "deferred") unreached = o.error ?? "unreached";
        out.push(o);
      }
    }
  }
  return out;
}

export interface ReminderScheduler {
  stop(): Promise<void>;
}

/**
 * Look every `intervalMs` (first within a second): reload the reference data, send what is due. Ticks never overlap;
 * a failed tick is reported through `log` and the next one tries again.
 */
export function startReminderScheduler(
  deps: Omit<ReminderDeps, "transport"> & { transport?: ReminderDeps["transport"] & { close?(): void } },
  opts: { plan?: { from: number; to: number }; log: (line: string) => void; now?: () => Date },
): ReminderScheduler {
  const transport = deps.transport ?? smtpTransport(deps.config);
  const now = opts.now ?? (() => new Date());
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  const tick = async () => {
    try {
      await deps.reference.reload();
      const outcomes = await runReminders({ ...deps, transport }, dueSlots(now(), deps.config, opts.plan));
      for (const o of outcomes.filter((x) => x.outcome === "failed" || x.outcome === "deferred").slice(0, 5)) {
        opts.log(`reminder ${o.unitCode} ${o.period} ${o.kind} failed: ${o.error}`);
      }
    } catch (e) {
      opts.log(`reminders: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const schedule = (ms: number) => {
    timer = setTimeout(() => {
      running = tick().then(() => {
        if (!stopped) schedule(deps.config.intervalMs);
      });
    }, ms);
    timer.unref();
  };
  schedule(Math.min(1000, deps.config.intervalMs));
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      transport.close?.();
    },
  };
}

/** The supervisor's scheduler: a database connection of its own (no WAL checkpointer: the supervisor runs that). */
export async function startDeploymentReminders(
  db: DbConfig,
  config: ReminderConfig,
  opts: { plan?: { from: number; to: number }; log: (line: string) => void },
): Promise<ReminderScheduler> {
  const handle = await connect({ ...db, checkpointer: false });
  const reference = new ReferenceData(handle.db);
  const scheduler = startReminderScheduler({ db: handle.db, reference, config }, opts);
  return {
    async stop() {
      await scheduler.stop();
      await handle.close();
    },
  };
}
