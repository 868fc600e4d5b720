/**
 * Task deadlines at the precision a list gives: a year ("2030"), a month ("2026-02") or a day ("2026-06-30"). A
 * deadline falls on the last day it names: "2030" is 2030-12-31, "2026-02" is 2026-02-28. Planners may also type
 * the Vietnamese forms "30/6/2026" and "6/2026" (read day first, never month first).
 */
import { daysFromIso, daysInMonth, isoDate } from "../periods/dates";

export type DeadlinePrecision = "year" | "month" | "day";

export interface Deadline {
  /** the canonical form: "2030", "2026-02", "2026-06-30" */
  text: string;
  precision: DeadlinePrecision;
  /** the last day it names (ISO) */
  lastDay: string;
}

const YEAR = /^(\d{4})$/;
const MONTH = /^(\d{4})-(\d{1,2})$/;
const DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const VI_MONTH = /^(\d{1,2})[/.](\d{4})$/;
const VI_DAY = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/;
const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

function ofYear(y: number): Deadline | null {
  return y >= 2000 && y <= 2099 ? { text: String(y), precision: "year", lastDay: isoDate(y, 12, 31) } : null;
}
function ofMonth(y: number, m: number): Deadline | null {
  if (!ofYear(y) || m < 1 || m > 12) return null;
  return { text: `${y}-${pad2(m)}`, precision: "month", lastDay: isoDate(y, m, daysInMonth(y, m)) };
}
function ofDay(y: number, m: number, d: number): Deadline | null {
  if (!ofMonth(y, m)) return null;
  const iso = isoDate(y, m, d);
  return daysFromIso(iso) === null ? null : { text: iso, precision: "day", lastDay: iso };
}

/** A deadline text → its canonical form and last day; null when it is not a year, a month or a real date. */
export function parseDeadline(raw: string): Deadline | null {
  const s = raw.trim();
  let m = YEAR.exec(s);
  if (m) return ofYear(Number(m[1]));
  m = MONTH.exec(s);
  if (m) return ofMonth(Number(m[1]), Number(m[2]));
  m = DAY.exec(s);
  if (m) return ofDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = VI_MONTH.exec(s);
  if (m) return ofMonth(Number(m[2]), Number(m[1]));
  m = VI_DAY.exec(s);
  if (m) return ofDay(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

/** The last day a deadline names, or null for no deadline or one that does not parse. */
export function deadlineLastDay(deadline: string | null): string | null {
  return deadline === null ? null : (parseDeadline(deadline)?.lastDay ?? null);
}

/** The deadline as people read it: "31/12/2030" is written "2030", "2026-02" "02/2026", a day "30/06/2026". */
export function formatDeadline(deadline: string | null, locale: "vi" | "en"): string {
  if (deadline === null) return locale === "vi" ? "chưa có hạn" : "no deadline";
  const d = parseDeadline(deadline);
  if (!d) return deadline;
  if (d.precision === "year") return d.text;
  const [y, mo, day] = d.text.split("-");
  return d.precision === "month" ? `${mo}/${y}` : `${day}/${mo}/${y}`;
}
