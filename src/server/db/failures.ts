/**
 * Which database failures are the database being away (503, retry later) and which are a full disk (507), on both
 * engines. Everything else stays an internal error.
 */

const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  // PostgreSQL: admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections
  "57P01",
  "57P02",
  "57P03",
  "53300",
  // SQLite: the file stayed locked past busy_timeout
  "SQLITE_BUSY",
]);

const CONNECTION_MESSAGES =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Client was closed and is not queryable|the database system is (starting up|shutting down|in recovery mode)/i;

function codeOf(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "";
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The database cannot be reached now (restart, network, refused connection): the request may be retried. */
export function isDbUnavailable(e: unknown): boolean {
  if (!e) return false;
  const code = codeOf(e);
  // SQLSTATE class 08: connection exception
  if (CONNECTION_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
  if (CONNECTION_MESSAGES.test(messageOf(e))) return true;
  // AggregateError (several addresses refused) and wrapped causes
  const inner = (e as { errors?: unknown[]; cause?: unknown }).errors ?? [];
  if (inner.some(isDbUnavailable)) return true;
  const cause = (e as { cause?: unknown }).cause;
  return cause !== undefined && cause !== e && isDbUnavailable(cause);
}

/** The disk under the database is full: SQLite's SQLITE_FULL, the system's ENOSPC, PostgreSQL's disk_full. */
export function isStorageFull(e: unknown): boolean {
  if (!e) return false;
  const code = codeOf(e);
  if (code === "SQLITE_FULL" || code === "ENOSPC" || code === "53100") return true;
  if (/database or disk is full|No space left on device|could not extend file/i.test(messageOf(e))) return true;
  const cause = (e as { cause?: unknown }).cause;
  return cause !== undefined && cause !== e && isStorageFull(cause);
}

/** A short, password-free reason for messages. */
export function failureReason(e: unknown): string {
  const code = codeOf(e);
  const text = messageOf(e)
    .split("\n")[0]!
    .replace(/postgres(ql)?:\/\/\S+/gi, "postgresql")
    .slice(0, 120);
  return code && !text.includes(code) ? `${code}: ${text}` : text;
}
