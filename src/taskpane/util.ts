/** Small helpers of the pane that are not rules (rules live in src/domain). */
import type { EntryInput } from "../domain/types";
import { ENTRY_FIELDS } from "../domain/entry-fields";

/** A v4 UUID for a new submission (crypto.randomUUID where the browser has it). */
export function newSubmissionId(): string {
  const c = (globalThis as { crypto?: Crypto }).crypto;
  if (c && typeof c.randomUUID === "function") return c.randomUUID();
  const bytes = new Uint8Array(16);
  if (c && typeof c.getRandomValues === "function") c.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Backoff for the offline queue: 2 s, 4 s, 8 s … capped at 60 s (attempt counts from 1). */
export function retryDelayMs(attempt: number): number {
  return Math.min(60_000, 2_000 * 2 ** Math.max(0, attempt - 1));
}

/** A stable text for "what was sent": entries in target order with their fields in a fixed order. */
export function entriesFingerprint(entries: EntryInput[]): string {
  const keys: readonly (keyof EntryInput)[] = ENTRY_FIELDS;
  const rows = [...entries]
    .sort((a, b) => (a.targetId < b.targetId ? -1 : a.targetId > b.targetId ? 1 : 0))
    .map((e) => [e.targetId, ...keys.map((k) => (e[k] === undefined || e[k] === "" ? null : e[k]))]);
  let h = 0x811c9dc5;
  const text = JSON.stringify(rows);
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${text.length}:${h.toString(16)}`;
}

/** Keys of what the pane remembers in the workbook (port.saveSetting). */
export const SETTINGS = {
  connection: "chitieu.connection",
  session: "chitieu.session",
  receipt: (unitCode: string, period: string) => `chitieu.receipt.${unitCode}.${period}`,
} as const;
