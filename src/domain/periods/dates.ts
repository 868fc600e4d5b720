/**
 * Calendar arithmetic on ISO dates (yyyy-mm-dd) with plain integers: no Date parsing, no time zones. Hanoi is UTC+7
 * all year (no daylight saving), so a moment's Hanoi date is its UTC time shifted by 7 hours.
 */

const MS_PER_DAY = 86_400_000;
const HANOI_OFFSET_MS = 7 * 3_600_000;

/** Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(n: number): { y: number; m: number; d: number } {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

export function isoDate(y: number, m: number, d: number): string {
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

export function isoFromDays(n: number): string {
  const { y, m, d } = civilFromDays(n);
  return isoDate(y, m, d);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of an ISO date, or null when it is not a real calendar date. */
export function daysFromIso(iso: string): number | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return daysFromCivil(y, mo, d);
}

export function daysInMonth(y: number, m: number): number {
  return daysFromCivil(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - daysFromCivil(y, m, 1);
}

export function addDays(iso: string, days: number): string {
  const n = daysFromIso(iso);
  if (n === null) throw new RangeError(`not an ISO date: ${iso}`);
  return isoFromDays(n + days);
}

/** The calendar day in Hanoi (UTC+7) at a moment, as a day number. */
export function hanoiDayNumber(at: Date): number {
  return Math.floor((at.getTime() + HANOI_OFFSET_MS) / MS_PER_DAY);
}

/** The calendar day in Hanoi (UTC+7) at a moment, as an ISO date. */
export function hanoiDate(at: Date): string {
  return isoFromDays(hanoiDayNumber(at));
}

/**
 * A moment as Hanoi (UTC+7) wall-clock time, "03/12/2026 15:10" — how sheets show times; a text that is not an ISO
 * date-time is returned as it is.
 */
export function hanoiDateTime(iso: string): string {
  const t = Date.parse(iso);
  if (!/T\d{2}:\d{2}/.test(iso) || Number.isNaN(t)) return iso;
  const d = new Date(t + HANOI_OFFSET_MS);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}
