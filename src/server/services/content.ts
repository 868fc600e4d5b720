/**
 * What makes two submissions "the same content": a canonical JSON text (NFC strings, object keys sorted, entries in
 * the order sent) and its sha256. The submission id and the dryRun flag are not content.
 */
import { createHash } from "node:crypto";
import type { EntryInput, ParsedEntry, RawValue } from "../../domain/types";

export interface ReportContent {
  unitCode: string;
  period: string;
  catalogVersion: string;
  locale: "vi" | "en";
  supersedes: string | null;
  entries: EntryInput[];
}

function nfc(v: RawValue): RawValue {
  return typeof v === "string" ? v.normalize("NFC") : v;
}

const ENTRY_KEYS = ["targetId", "value", "numerator", "denominator", "milestone", "justification", "evidence", "responsible"] as const;

/** The entry with NFC text and its keys in one fixed order (absent keys stay absent). */
export function canonicalEntry(e: EntryInput): EntryInput {
  const out: Record<string, RawValue> = {};
  for (const k of ENTRY_KEYS) {
    const v = (e as unknown as Record<string, RawValue>)[k];
    if (v !== undefined) out[k] = nfc(v);
  }
  return out as unknown as EntryInput;
}

export function canonicalContent(c: ReportContent): { text: string; hash: string; entries: EntryInput[] } {
  const entries = c.entries.map(canonicalEntry);
  const text = JSON.stringify({
    catalogVersion: c.catalogVersion,
    entries,
    locale: c.locale,
    period: c.period,
    supersedes: c.supersedes,
    unitCode: c.unitCode,
  });
  return { text, hash: createHash("sha256").update(text).digest("hex"), entries };
}

export type ChangeField = "value" | "numerator" | "denominator" | "milestone" | "justification" | "evidence" | "responsible";
const DIFF_FIELDS: readonly ChangeField[] = ["value", "numerator", "denominator", "milestone", "justification", "evidence", "responsible"];

export interface Change {
  targetId: string;
  field: ChangeField;
  from: string | number | null;
  to: string | number | null;
}

/** Field-by-field differences between two revisions' parsed entries, in the order of `to` then the removed ones. */
export function diffEntries(from: readonly ParsedEntry[], to: readonly ParsedEntry[]): Change[] {
  const before = new Map(from.map((e) => [e.targetId, e]));
  const after = new Map(to.map((e) => [e.targetId, e]));
  const ids = [...after.keys(), ...[...before.keys()].filter((id) => !after.has(id))];
  const changes: Change[] = [];
  for (const targetId of ids) {
    const a = before.get(targetId);
    const b = after.get(targetId);
    for (const field of DIFF_FIELDS) {
      const x = a ? a[field] : null;
      const y = b ? b[field] : null;
      if (x !== y) changes.push({ targetId, field, from: x ?? null, to: y ?? null });
    }
  }
  return changes;
}
