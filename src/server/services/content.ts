/**
 * What makes two submissions "the same content": a canonical JSON text (NFC strings, object keys in a fixed order,
 * entries in the order sent) and its sha256. The submission id and the dryRun flag are not content.
 *
 * The unit sheet's contact (preparer, approver, phone) is content: it is what the unit sent with this revision, so it
 * is hashed and stored with it, and a retry must resend it unchanged (the same id with another contact is a
 * conflict, like the same id with another figure). It enters the canonical text only when at least one of its fields
 * is filled: a report without a contact hashes exactly as before contacts existed, so a request queued by an older
 * pane, or a retry of a revision stored before, still replays.
 */
import { createHash } from "node:crypto";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { isFlow } from "../../domain/rules/assess";
import type { Catalog, EntryInput, ParsedEntry, RawValue } from "../../domain/types";
import { PACK_OPTIONS } from "../db/writer-thread";
import { LARGEST_BOUND } from "../../domain/rules/bounds";
import { ENTRY_FIELDS } from "../../domain/entry-fields";
import { canonicalNarrative, type Narrative } from "../../domain/report/narrative";
import { canonicalTaskProgress } from "../../domain/report/task-progress";
import type { TaskProgress } from "../../domain/tasks/types";

export interface ReportContact {
  preparer: string | null;
  approver: string | null;
  phone: string | null;
}

export interface ReportContent {
  unitCode: string;
  period: string;
  catalogVersion: string;
  locale: "vi" | "en";
  supersedes: string | null;
  /** as sent (fields may be missing); stored canonical, and absent when the unit sent none (or only blanks) */
  contact?: Partial<ReportContact> | null;
  /** the narrative as sent; stored canonical, and absent when the unit wrote none (so older reports hash as before) */
  narrative?: Partial<Narrative> | null;
  /** progress on the unit's key tasks as sent; absent when none was sent (so older reports hash as before) */
  tasks?: (Partial<TaskProgress> & { taskId: string })[] | null;
  entries: EntryInput[];
}

/**
 * The contact as stored and hashed: its three fields in one fixed order, blank text as null; null when nothing is
 * filled. (The request schema has trimmed and NFC-normalised each field already; done again here for other callers.)
 */
export function canonicalContact(c: Partial<ReportContact> | null | undefined): ReportContact | null {
  if (!c) return null;
  const field = (v: string | null | undefined): string | null => (v && v.trim() !== "" ? nfcText(v.trim()) : null);
  const out = { preparer: field(c.preparer), approver: field(c.approver), phone: field(c.phone) };
  return out.preparer === null && out.approver === null && out.phone === null ? null : out;
}

const NON_ASCII = /[\u0080-\uffff]/;

/** NFC; ASCII text is already NFC and is returned as is (most cells are digits). */
export function nfcText(s: string): string {
  return NON_ASCII.test(s) ? s.normalize("NFC") : s;
}

function nfc(v: RawValue): RawValue {
  return typeof v === "string" ? nfcText(v) : v;
}

const ENTRY_KEYS = ["targetId", ...ENTRY_FIELDS] as const;

/** The entry with NFC text and its keys in one fixed order (absent keys stay absent). */
export function canonicalEntry(e: EntryInput): EntryInput {
  const out: Record<string, RawValue> = {};
  for (const k of ENTRY_KEYS) {
    const v = (e as unknown as Record<string, RawValue>)[k];
    if (v !== undefined) out[k] = nfc(v);
  }
  return out as unknown as EntryInput;
}

/**
 * The canonical text is the JSON of the content with object keys in one fixed order — the request schema already
 * gives its output keys in its own order, whatever order the client used — normalised to NFC as a whole (JSON's
 * structure is ASCII, which NFC leaves alone). Most clients send NFC; only when one does not are the entries read
 * back from the normalised text.
 */
export function canonicalContent(c: ReportContent): {
  text: string;
  hash: string;
  entries: EntryInput[];
  contact: ReportContact | null;
  narrative: Narrative | null;
} {
  const ordered = c.entries.map(canonicalKeys);
  const contact = canonicalContact(c.contact);
  const narrative = canonicalNarrative(c.narrative);
  const raw = JSON.stringify({
    catalogVersion: c.catalogVersion,
    // undefined leaves the key out of the text: a report without a contact hashes as it always did
    contact: contact ?? undefined,
    entries: ordered,
    locale: c.locale,
    // like the contact: absent when nothing is written, so a report without a narrative hashes as it always did
    narrative: narrative ?? undefined,
    period: c.period,
    supersedes: c.supersedes,
    // like the narrative: absent when not sent; an empty list (a unit with tasks that sent the sheet blank) is kept
    tasks: c.tasks ? c.tasks.map(canonicalTaskProgress) : undefined,
    unitCode: c.unitCode,
  });
  const text = NON_ASCII.test(raw) ? raw.normalize("NFC") : raw;
  const entries = text === raw ? ordered : (JSON.parse(text) as ReportContent).entries;
  // computed when first asked for: on the submission path the writer (or check) thread hashes the text it stores,
  // and the event loop needs the hash only to answer a retry
  let hash: string | null = null;
  return {
    text,
    get hash() {
      return (hash ??= contentHash(text));
    },
    entries,
    contact,
    narrative,
  };
}

/** The sha256 (hex) of a canonical text: what makes two submissions "the same content". */
export function contentHash(canonicalText: string): string {
  return createHash("sha256").update(canonicalText).digest("hex");
}

/** The entry itself when its keys are already in the fixed order (as the schema gives them), else a reordered copy. */
function canonicalKeys(e: EntryInput): EntryInput {
  const keys = Object.keys(e);
  let k = 0;
  for (const key of ENTRY_KEYS) {
    if ((e as unknown as Record<string, unknown>)[key] === undefined) continue;
    if (keys[k] !== key) return canonicalEntry(e);
    k++;
  }
  return k === keys.length ? e : canonicalEntry(e);
}

/**
 * What a submission row stores: the content as hashed and the parsed entries (as rows of
 * [targetId, value, numerator, denominator, milestone, justification, evidence, responsible]), deflated together.
 * Synchronous on purpose (the asynchronous zlib stream costs more CPU than the work it moves), with a 4 KB window and
 * a small hash table: a report's rows repeat within a few hundred bytes, and zlib's default 256 KB of state per call
 * is what the garbage collector then has to sweep. A 43-target report: ~18 KB → ~1 KB.
 */
export function packContent(canonicalText: string, parsed: readonly ParsedEntry[]): Buffer {
  return deflatePacked(packText(canonicalText, parsed));
}

/** The text packContent() compresses (the SQLite writer thread compresses it off the event loop). */
export function packText(canonicalText: string, parsed: readonly ParsedEntry[]): string {
  // a "not applicable" answer adds a 9th cell (1); rows stored before it existed have 8 and read as before
  const rows = parsed.map((e) => {
    const row: unknown[] = [
      e.targetId,
      e.value,
      e.numerator,
      e.denominator,
      e.milestone,
      e.justification,
      e.evidence,
      e.responsible,
    ];
    if (e.notApplicable) row.push(1);
    return row;
  });
  return `{"report":${canonicalText},"parsed":${JSON.stringify(rows)}}`;
}

export function deflatePacked(text: string): Buffer {
  return deflateRawSync(Buffer.from(text, "utf8"), PACK_OPTIONS);
}

type ParsedRow = [
  string,
  number | null,
  number | null,
  number | null,
  ParsedEntry["milestone"],
  string | null,
  string | null,
  string | null,
  1?,
];

export interface StoredContent {
  report: ReportContent;
  parsed: ParsedEntry[];
}

export function unpackContent(content: Buffer | Uint8Array): StoredContent {
  const raw = JSON.parse(inflateRawSync(content).toString("utf8")) as { report: ReportContent; parsed: ParsedRow[] };
  return {
    report: raw.report,
    parsed: raw.parsed.map(
      ([targetId, value, numerator, denominator, milestone, justification, evidence, responsible, na]) => {
        const e: ParsedEntry = {
          targetId,
          value,
          numerator,
          denominator,
          milestone,
          justification,
          evidence,
          responsible,
        };
        if (na === 1) e.notApplicable = true;
        return e;
      },
    ),
  };
}

/**
 * The figures of the flow targets (time_aggregation `sum`; a stock such as U13's congestion points is never summed),
 * for year-to-date sums: {targetId: value}.
 */
const SUM_TARGETS = new WeakMap<Catalog, Set<string>>();

export function flowsOf(catalog: Catalog, parsed: readonly ParsedEntry[]): string {
  let sumTargets = SUM_TARGETS.get(catalog);
  if (!sumTargets) {
    sumTargets = new Set(catalog.targets.filter((t) => t.aggregation === "sum" && isFlow(t)).map((t) => t.id));
    SUM_TARGETS.set(catalog, sumTargets);
  }
  const flows: Record<string, number> = {};
  for (const e of parsed) if (typeof e.value === "number" && sumTargets.has(e.targetId)) flows[e.targetId] = e.value;
  return JSON.stringify(flows);
}

/** Add a flows column's figures into running year-to-date sums. */
export function addFlows(ytd: Record<string, number>, flowsJson: string): void {
  const flows = JSON.parse(flowsJson) as Record<string, number>;
  for (const id in flows) {
    const v = flows[id] as number;
    // a flow beyond every bound was stored before the bounds existed: left out, so a year-to-date sum stays finite
    if (!(Math.abs(v) <= LARGEST_BOUND)) continue;
    ytd[id] = (ytd[id] ?? 0) + v;
  }
}

export type ChangeField =
  "value" | "numerator" | "denominator" | "milestone" | "justification" | "evidence" | "responsible";
const DIFF_FIELDS: readonly ChangeField[] = ENTRY_FIELDS;

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
