/**
 * E-mail reminders' settings (issue #18), from the environment. Off unless CHITIEU_SMTP_URL is set; then
 * CHITIEU_MAIL_FROM is required. A setting that cannot be used is refused before anything listens (CT_CONFIG_INVALID).
 */
import { CT_CONFIG_INVALID } from "./errors";

export interface ReminderConfig {
  /** smtp://user:pass@host:587 or smtps://host:465 (nodemailer's connection URL) */
  smtpUrl: string;
  /** the From address, e.g. "Chỉ tiêu <chitieu@hanoi.gov.vn>" */
  from: string;
  /** days before the deadline when the "before" reminder goes; null: none */
  beforeDays: number | null;
  /** days after the deadline when the "after" reminder goes; null: none */
  afterDays: number | null;
  /** the mail's first language (both are always in it) */
  locale: "vi" | "en";
  /** how often the scheduler looks, ms */
  intervalMs: number;
  /** where clerks open the add-in or upload a workbook, named in the mail; null: not named */
  publicUrl: string | null;
}

export const REMINDER_DEFAULTS = { beforeDays: 3, afterDays: 1, intervalS: 900 };

function days(env: NodeJS.ProcessEnv, name: string, fallback: number): number | null {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === "") return fallback;
  if (/^(off|none|no)$/i.test(raw)) return null;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 366) {
    throw CT_CONFIG_INVALID({ setting: name, value: raw, expected: "a whole number of days from 0 to 366, or off" });
  }
  return n;
}

export function resolveReminderConfig(env: NodeJS.ProcessEnv): ReminderConfig | null {
  const smtpUrl = env.CHITIEU_SMTP_URL?.trim();
  if (!smtpUrl) return null;
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    url = new URL("invalid:");
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") {
    throw CT_CONFIG_INVALID({
      setting: "CHITIEU_SMTP_URL",
      value: smtpUrl.replace(/\/\/[^@/]*@/, "//***@"),
      expected: "smtp://[user:password@]host:port or smtps://…",
    });
  }
  const from = env.CHITIEU_MAIL_FROM?.trim();
  if (!from || !/@/.test(from)) {
    throw CT_CONFIG_INVALID({
      setting: "CHITIEU_MAIL_FROM",
      value: from ?? "",
      expected: 'the sender address, e.g. "Chỉ tiêu <chitieu@example.gov.vn>"',
    });
  }
  const locale = env.CHITIEU_REMIND_LOCALE?.trim() || "vi";
  if (locale !== "vi" && locale !== "en") {
    throw CT_CONFIG_INVALID({ setting: "CHITIEU_REMIND_LOCALE", value: locale, expected: "vi or en" });
  }
  const intervalText = env.CHITIEU_REMIND_INTERVAL_S?.trim();
  const interval = intervalText ? Number(intervalText) : REMINDER_DEFAULTS.intervalS;
  if (!Number.isFinite(interval) || interval < 1 || interval > 86_400) {
    throw CT_CONFIG_INVALID({
      setting: "CHITIEU_REMIND_INTERVAL_S",
      value: String(intervalText),
      expected: "seconds from 1 to 86400",
    });
  }
  return {
    smtpUrl,
    from,
    beforeDays: days(env, "CHITIEU_REMIND_BEFORE_DAYS", REMINDER_DEFAULTS.beforeDays),
    afterDays: days(env, "CHITIEU_REMIND_AFTER_DAYS", REMINDER_DEFAULTS.afterDays),
    locale,
    intervalMs: Math.round(interval * 1000),
    publicUrl: env.CHITIEU_PUBLIC_URL?.trim().replace(/\/+$/, "") || null,
  };
}
