import { parseCommand, usageError } from "./flags";
import { printBilingual, type CliIo } from "./io";
import { isAppError } from "../domain/errors";
import { parsePeriod } from "../domain";
import { connect, migrateToLatest, resolveDbConfig } from "../server/db/connect";
import { CT_REMINDERS_OFF } from "../server/errors";
import { resolveReminderConfig, REMINDER_DEFAULTS } from "../server/reminder-config";
import { ReferenceData } from "../server/services/reference";
import { runReminders, slotFor, smtpTransport, type ReminderOutcome } from "../server/services/reminders";

const HELP = `chitieu remind --period 2026-Q1 [--kind before|after] [--dry-run] [--json] [--db chitieu.sqlite]

Sends now the e-mail reminders of one period to the expected units that have not submitted it and have reminder
addresses (PUT /api/v1/units/<code>/reminder-contact). Each unit × period × kind is sent once, ever: one the
scheduler of \`chitieu serve\` already sent is not sent again. --kind: before (default until the deadline) or after.
--dry-run lists who would get one, and sends nothing (no SMTP needed).
Reads the database directly: --db <sqlite file> (or CHITIEU_DB), or DATABASE_URL for PostgreSQL.
SMTP: CHITIEU_SMTP_URL, CHITIEU_MAIL_FROM, CHITIEU_REMIND_LOCALE, CHITIEU_PUBLIC_URL (see docs/operations.md).
`;

const LABEL: Record<ReminderOutcome["outcome"], { vi: string; en: string }> = {
  sent: { vi: "đã gửi", en: "sent" },
  would_send: { vi: "sẽ gửi", en: "would send" },
  already_sent: { vi: "đã gửi trước đó", en: "already sent" },
  submitted: { vi: "đã nộp", en: "submitted" },
  no_address: { vi: "chưa có địa chỉ thư", en: "no address" },
  failed: { vi: "gửi lỗi", en: "failed" },
  deferred: { vi: "hoãn: không kết nối được máy chủ thư", en: "deferred: the SMTP server was not reached" },
};

export async function run(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(argv, io, HELP, {
    options: {
      period: { type: "string" },
      kind: { type: "string" },
      "dry-run": { type: "boolean" },
      json: { type: "boolean" },
      db: { type: "string" },
    },
  });
  if (typeof parsed === "number") return parsed;
  const { values } = parsed;
  const period = values.period ? parsePeriod(values.period) : null;
  if (!period) {
    return usageError(
      io,
      "Cần --period, ví dụ 2026-Q1 hoặc 2026-03.",
      "--period is needed, e.g. 2026-Q1 or 2026-03.",
      HELP,
    );
  }
  if (values.kind !== undefined && values.kind !== "before" && values.kind !== "after") {
    return usageError(io, "--kind là before hoặc after.", "--kind is before or after.", HELP);
  }
  const dryRun = values["dry-run"] === true;
  const handle = await connect(resolveDbConfig(io.env, { db: values.db, cwd: io.cwd }));
  try {
    const config = resolveReminderConfig(io.env);
    if (!config && !dryRun) throw CT_REMINDERS_OFF();
    await migrateToLatest(handle);
    const reference = new ReferenceData(handle.db);
    await reference.reload();
    const slot = slotFor(period, new Date());
    if (values.kind) slot.kind = values.kind as "before" | "after";
    const effective = config ?? {
      smtpUrl: "smtp://127.0.0.1",
      from: "dry-run@localhost",
      beforeDays: REMINDER_DEFAULTS.beforeDays,
      afterDays: REMINDER_DEFAULTS.afterDays,
      locale: "vi" as const,
      intervalMs: 0,
      publicUrl: null,
    };
    const transport = smtpTransport(effective);
    const outcomes = await runReminders({ db: handle.db, reference, config: effective, transport }, [slot], { dryRun });
    transport.close();
    report(io, outcomes, values.json === true);
    return outcomes.some((o) => o.outcome === "failed" || o.outcome === "deferred") ? 1 : 0;
  } catch (e) {
    if (!isAppError(e)) throw e;
    printBilingual(io.stderr, e.messages, `✖ ${e.code}: `);
    return 1;
  } finally {
    await handle.close();
  }
}

function report(io: CliIo, outcomes: ReminderOutcome[], json: boolean): void {
  if (json) {
    io.stdout.write(`${JSON.stringify(outcomes, null, 2)}\n`);
    return;
  }
  for (const o of outcomes) {
    const l = LABEL[o.outcome];
    const to = o.recipients.length ? ` → ${o.recipients.join(", ")}` : "";
    io.stdout.write(`${o.unitCode}\t${o.period}\t${o.kind}\t${l.vi} / ${l.en}${to}${o.error ? ` (${o.error})` : ""}\n`);
  }
  const n = (k: ReminderOutcome["outcome"]) => outcomes.filter((o) => o.outcome === k).length;
  printBilingual(io.stderr, {
    vi: `Đã gửi ${n("sent")}, sẽ gửi ${n("would_send")}, gửi trước đó ${n("already_sent")}, đã nộp ${n("submitted")}, chưa có địa chỉ ${n("no_address")}, lỗi ${n("failed")}.`,
    en: `Sent ${n("sent")}, would send ${n("would_send")}, sent before ${n("already_sent")}, submitted ${n("submitted")}, no address ${n("no_address")}, failed ${n("failed")}.`,
  });
}
