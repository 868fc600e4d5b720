/**
 * The V8 memory machinery of consolidation: what is kept of a file once its rules have run. One compact numeric
 * record per unit × period (`HeldRecord`), packed into a chunked arena (`RecordArena`); texts copied out of the
 * reader's XML (`own()`) and shared between verdicts (`createInterner()`); and the records expanded back into entries
 * and matrix cells only when a period is read (`periodOf()`). No rule lives here: which file is used is decided in
 * consolidate.ts.
 */
import type { Narrative } from "../report/narrative";
import { canonicalTaskProgress } from "../report/task-progress";
import type { TaskReport } from "../tasks/board-types";
import type { TaskProgress } from "../tasks/types";
import {
  MILESTONE_STATES,
  type Catalog,
  type MilestoneState,
  type ParsedEntry,
  type Period,
  type TargetProgress,
  type UnitReport,
} from "../types";
import type { FileReadOk, FileReason, FileStatus, PeriodConsolidation } from "./consolidation-types";
import { PROGRESS_ORDER } from "./scorecard";
import type { MatrixCell, UnitContact } from "./view";

const NO_PROGRESS = 255;
/** In `milestones`: the unit answered "not applicable" (with its reason) — neither blank nor 0 (issue #14). */
const NOT_APPLICABLE = 255;

/** The compact record kept per unit × period (plain data and typed arrays: it can cross a worker boundary). */
export interface HeldRecord {
  source: string;
  savedAt: string | null;
  unitCode: string;
  contact: UnitContact | null;
  narrative?: Narrative | null;
  /** per catalog target: [value, numerator, denominator, figure] (NaN = blank) */
  numbers: Float64Array;
  /** per catalog target: milestone index + 1 (0 = blank; NOT_APPLICABLE: the unit answered "không áp dụng") */
  milestones: Uint8Array;
  /** per catalog target: PROGRESS_ORDER index, NO_PROGRESS when the unit has no entry for the target */
  progress: Uint8Array;
  /** the task progress rows kept (canonical, texts owned); empty when the file carries none */
  tasks: readonly TaskProgress[];
}

/** A kept record: its texts, and where its numbers are in the arena. */
export interface Stored {
  source: string;
  savedAt: string | null;
  unitCode: string;
  contact: UnitContact | null;
  narrative?: Narrative | null;
  tasks: readonly TaskProgress[];
  at: number;
}

export type Figures = Pick<HeldRecord, "numbers" | "milestones" | "progress">;

/**
 * Task progress rows as a submission stores them (every field, trimmed, NFC, blank as null), each text copied out
 * of the reader's XML (see own()).
 */
export function ownTasks(rows: readonly TaskProgress[]): TaskProgress[] {
  return rows.map((r) => {
    const c = canonicalTaskProgress(r) as unknown as Record<string, unknown>;
    for (const k of Object.keys(c)) if (typeof c[k] === "string") c[k] = own(c[k] as string);
    return c as unknown as TaskProgress;
  });
}

/** Two files' task progress say the same (same rows, same order, every field). */
export function sameTasks(a: readonly TaskProgress[], b: readonly TaskProgress[]): boolean {
  return a.length === b.length && JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The numbers of every kept record, packed into chunks of 512 records: one allocation per chunk instead of three
 * small typed arrays per record, so 10,000 kept records cost ~15 MB and no per-record buffer.
 */
export class RecordArena {
  private static readonly CHUNK = 512;
  private readonly nums: Float64Array[] = [];
  private readonly codes: Uint8Array[] = [];
  private n = 0;
  constructor(private readonly targets: number) {}
  put(h: Figures): number {
    const i = this.n++;
    const c = Math.floor(i / RecordArena.CHUNK);
    const o = i % RecordArena.CHUNK;
    const T = this.targets;
    if (c === this.nums.length) {
      this.nums.push(new Float64Array(RecordArena.CHUNK * T * FIELDS));
      this.codes.push(new Uint8Array(RecordArena.CHUNK * T * 2));
    }
    this.nums[c]!.set(h.numbers, o * T * FIELDS);
    this.codes[c]!.set(h.milestones, o * T * 2);
    this.codes[c]!.set(h.progress, o * T * 2 + T);
    return i;
  }
  get(i: number): Figures {
    const c = Math.floor(i / RecordArena.CHUNK);
    const o = i % RecordArena.CHUNK;
    const T = this.targets;
    return {
      numbers: this.nums[c]!.subarray(o * T * FIELDS, (o + 1) * T * FIELDS),
      milestones: this.codes[c]!.subarray(o * T * 2, o * T * 2 + T),
      progress: this.codes[c]!.subarray(o * T * 2 + T, (o + 1) * T * 2),
    };
  }
}

const FIELDS = 4;

/**
 * A copy of a text that holds no reference to the (much larger) text it was cut from: the reader's strings are
 * slices of a whole sheet's XML, and keeping one would keep that XML alive for as long as the record.
 */
export function own<T extends string | null>(s: T): T {
  // a flat copy: `" " + s` sliced would be a slice of a fresh string (twice the bytes of the text itself)
  return (s === null ? null : s.split("").join("")) as T;
}

/** The status texts every kept verdict shares (a verdict that came from a reading thread carries its own copy). */
export const STATUS: Record<FileStatus, FileStatus> = {
  accepted: "accepted",
  rejected: "rejected",
  skipped: "skipped",
  identical: "identical",
  superseded: "superseded",
  conflict: "conflict",
};

/**
 * One copy of each repeated text and reason of the verdicts kept (bounded: past `limit` distinct values, new ones are
 * kept as they come). Reasons are compared by everything they say, so a shared reason is never a different one.
 */
export function createInterner(limit = 10_000): {
  text: <T extends string | null>(s: T) => T;
  reasons: (rs: FileReason[]) => FileReason[];
} {
  const texts = new Map<string, string>();
  const reasonObjects = new Map<string, FileReason>();
  const lists = new Map<FileReason, FileReason[]>();
  const text = <T extends string | null>(s: T): T => {
    if (s === null) return s;
    const known = texts.get(s);
    if (known !== undefined) return known as T;
    if (texts.size < limit) texts.set(s, s);
    return s;
  };
  const reason = (r: FileReason): FileReason => {
    const key = `${r.code}\u0000${r.cell ?? ""}\u0000${r.targetId ?? ""}\u0000${r.message.vi}\u0000${r.message.en}`;
    const known = reasonObjects.get(key);
    if (known) return known;
    const one: FileReason = {
      code: text(r.code),
      message: { vi: text(r.message.vi), en: text(r.message.en) },
      ...(r.cell !== undefined ? { cell: text(r.cell) } : {}),
      ...(r.targetId !== undefined ? { targetId: text(r.targetId) } : {}),
    };
    if (reasonObjects.size < limit) reasonObjects.set(key, one);
    return one;
  };
  const reasons = (rs: FileReason[]): FileReason[] => {
    if (rs.length !== 1) return rs.map(reason);
    // most verdicts give one reason: the one-element list is shared too
    const r = reason(rs[0]!);
    const known = lists.get(r);
    if (known) return known;
    const list = [r];
    if (lists.size < limit) lists.set(r, list);
    return list;
  };
  return { text, reasons };
}

function num(x: number | null | undefined): number {
  return typeof x === "number" && Number.isFinite(x) ? x : NaN;
}

export function sameFigures(a: Figures, b: Figures): boolean {
  if (a.numbers.length !== b.numbers.length) return false;
  for (let i = 0; i < a.numbers.length; i++) {
    const x = a.numbers[i];
    const y = b.numbers[i];
    if (!(x === y || (Number.isNaN(x) && Number.isNaN(y)))) return false;
  }
  for (let i = 0; i < a.milestones.length; i++) if (a.milestones[i] !== b.milestones[i]) return false;
  return true;
}

/**
 * The compact record of a file that passed the rules: its figures packed by catalog target, its texts copied out of
 * the reader's XML (see own()).
 */
export function compactRecord(
  targetIndex: ReadonlyMap<string, number>,
  targetCount: number,
  file: FileReadOk,
  entries: ParsedEntry[],
  assessments: { targetId: string; progress: TargetProgress; figure: number | null }[],
  tasks: readonly TaskProgress[] = [],
): HeldRecord {
  const numbers = new Float64Array(targetCount * FIELDS).fill(NaN);
  const milestones = new Uint8Array(targetCount);
  const progress = new Uint8Array(targetCount).fill(NO_PROGRESS);
  for (const e of entries) {
    const i = targetIndex.get(e.targetId);
    if (i === undefined) continue;
    numbers[i * FIELDS] = num(e.value);
    numbers[i * FIELDS + 1] = num(e.numerator);
    numbers[i * FIELDS + 2] = num(e.denominator);
    milestones[i] = e.notApplicable ? NOT_APPLICABLE : e.milestone ? MILESTONE_STATES.indexOf(e.milestone) + 1 : 0;
  }
  for (const a of assessments) {
    const i = targetIndex.get(a.targetId);
    if (i === undefined) continue;
    numbers[i * FIELDS + 3] = num(a.figure);
    progress[i] = PROGRESS_ORDER.indexOf(a.progress);
  }
  const c = file.contact;
  return {
    source: file.source,
    savedAt: own(file.savedAt),
    unitCode: own(file.identity.unitCode),
    contact: c ? { preparer: own(c.preparer), approver: own(c.approver), phone: own(c.phone) } : null,
    narrative: file.narrative ?? null,
    numbers,
    milestones,
    progress,
    tasks,
  };
}

/** A held figure as the API gives it: NaN (nothing held) is null. */
function nz(x: number): number | null {
  return Number.isNaN(x) ? null : x;
}

const NO_FIGURES = {
  value: null,
  numerator: null,
  denominator: null,
  milestone: null,
  justification: null,
  evidence: null,
  responsible: null,
};

function milestoneOf(code: number): MilestoneState | null {
  return code > 0 && code !== NOT_APPLICABLE ? (MILESTONE_STATES[code - 1] as MilestoneState) : null;
}

function expand(arena: RecordArena, targets: Catalog["targets"], s: Stored): ParsedEntry[] {
  const h = arena.get(s.at);
  const out: ParsedEntry[] = [];
  targets.forEach((t, i) => {
    if (
      h.progress[i] === NO_PROGRESS &&
      Number.isNaN(h.numbers[i * FIELDS]) &&
      Number.isNaN(h.numbers[i * FIELDS + 1]) &&
      Number.isNaN(h.numbers[i * FIELDS + 2]) &&
      h.milestones[i] === 0
    )
      return;
    if (h.milestones[i] === NOT_APPLICABLE) {
      // aggregate() lists the unit apart (unitsNotApplicable), as for a report from the endpoint
      out.push({ ...NO_FIGURES, targetId: t.id, notApplicable: true });
      return;
    }
    out.push({
      targetId: t.id,
      value: nz(h.numbers[i * FIELDS]!),
      numerator: nz(h.numbers[i * FIELDS + 1]!),
      denominator: nz(h.numbers[i * FIELDS + 2]!),
      milestone: milestoneOf(h.milestones[i]!),
      justification: null,
      evidence: null,
      responsible: null,
    });
  });
  return out;
}

function pushMatrix(arena: RecordArena, targets: Catalog["targets"], matrix: MatrixCell[], s: Stored): void {
  const h = arena.get(s.at);
  targets.forEach((t, i) => {
    if (h.progress[i] === NO_PROGRESS) return;
    matrix.push({
      unitCode: s.unitCode,
      targetId: t.id,
      figure: nz(h.numbers[i * FIELDS + 3]!),
      numerator: nz(h.numbers[i * FIELDS + 1]!),
      denominator: nz(h.numbers[i * FIELDS + 2]!),
      milestone: milestoneOf(h.milestones[i]!),
      progress: PROGRESS_ORDER[h.progress[i]!] as TargetProgress,
    });
  });
}

/**
 * One period of a finished consolidation. Built out here, not inside createConsolidator, so that its getters hold the
 * period's records and the arena only — not the consolidator's state (its verdict list, slots and interning tables),
 * which would otherwise live as long as the result.
 */
export function periodOf(
  period: Period,
  records: Stored[],
  arena: RecordArena,
  targets: Catalog["targets"],
): PeriodConsolidation {
  return {
    period,
    get reports(): UnitReport[] {
      return records.map((h) => ({ unitCode: h.unitCode, entries: expand(arena, targets, h) }));
    },
    submissions: new Map(),
    conflicted: new Set(),
    rejected: new Map(),
    get matrix(): MatrixCell[] {
      const m: MatrixCell[] = [];
      for (const h of records) pushMatrix(arena, targets, m, h);
      return m;
    },
    get taskReports(): TaskReport[] {
      return records
        .filter((h) => h.tasks.length > 0)
        .map((h) => ({ unitCode: h.unitCode, period: period.id, receivedAt: h.savedAt ?? "", tasks: h.tasks }));
    },
  };
}
