/**
 * Consolidation from files: many unit workbooks (already read by the template reader) → one UnitReport per unit and
 * period, with every file that could not be used listed with its reason and cell, and two files for the same unit ×
 * period detected. Pure: no Node, no ExcelJS — the CLI and the task pane read the files and hand the results in.
 *
 * Streaming: `createConsolidator()` takes one read workbook at a time, validates it with the domain rules, keeps only
 * a compact numeric record of it (≈1 KB: value, numerator, denominator, milestone, figure and status per target) and
 * drops the rest, so memory does not grow with the size of the workbooks. City figures are computed at the end by the
 * domain's `aggregate()` — never by a second copy of its rule.
 *
 * Nor does memory grow with the number of files beyond the result itself: a file whose figures are used leaves no
 * verdict behind (it is counted, and named by its unit's submission); a file that is not used as is — rejected,
 * skipped, an identical copy, superseded, in conflict — keeps a verdict whose texts are shared: the reasons of 10,000
 * files skipped for another period are a few distinct objects, and the file's name is the caller's own string.
 *
 * Duplicates: a second file for a unit × period that carries exactly the same figures is an identical copy (kept once,
 * listed). Different figures are a conflict: by default neither file is used and the unit is counted as missing until
 * the planner decides; with `preferNewer` the file saved last wins and the other is listed as superseded. When the
 * save times are unknown or equal the conflict stays unresolved even then — the planner must remove one file.
 *
 * This file holds those rules; the per-file checks are in prepare.ts, the compact records and their memory
 * machinery in held-records.ts, the reasons' texts in file-reasons.ts, the types in consolidation-types.ts.
 */
import type { Period } from "../types";
import type {
  ConsolidateOptions,
  ConsolidationResult,
  DuplicateGroup,
  FileRead,
  FileReason,
  FileStatus,
  FileVerdict,
  PeriodConsolidation,
} from "./consolidation-types";
import { fileReasons } from "./file-reasons";
import {
  createInterner,
  periodOf,
  RecordArena,
  sameFigures,
  sameTasks,
  STATUS,
  type HeldRecord,
  type Stored,
} from "./held-records";
import { createPreparer, type PreparedFile } from "./prepare";

export type {
  ConsolidateOptions,
  ConsolidationResult,
  DuplicateGroup,
  FileRead,
  FileReadFailed,
  FileReadOk,
  FileReason,
  FileStatus,
  FileVerdict,
  PeriodConsolidation,
  WorkbookIdentityInfo,
} from "./consolidation-types";
export type { HeldRecord } from "./held-records";
export { createPreparer, type PreparedFile } from "./prepare";
export { periodFigures, viewFromFiles, type PeriodFigures } from "./period-figures";

/** A file that passed the rules for a unit × period already held, or the first one once a second arrives. */
interface SlotFile {
  index: number;
  source: string;
  savedAt: string | null;
  warnings: number;
  /** an identical copy: its verdict was given when it came */
  copy: boolean;
}

interface Slot {
  held: Stored;
  /** the file whose record is held */
  heldFile: SlotFile;
  /** once a second file arrives: every file that passed the rules for this key, in arrival order */
  files?: SlotFile[];
  conflict?: boolean;
  /** a conflict whose newer file cannot be told */
  undecidable?: boolean;
}

/** 1 when a is newer, -1 when b is newer, 0 when it cannot be told. */
function compareSaved(a: string | null, b: string | null): number {
  const ta = a ? Date.parse(a) : NaN;
  const tb = b ? Date.parse(b) : NaN;
  if (Number.isNaN(ta) || Number.isNaN(tb) || ta === tb) return 0;
  return ta > tb ? 1 : -1;
}
/**
 * Two or more files that passed the rules for one unit × period: identical copies, the newer file winning (when the
 * planner confirmed and the save times tell), or a conflict left unresolved. The verdicts of the files not used are
 * added to `files`.
 */
function resolveDuplicate(
  slot: Slot,
  all: SlotFile[],
  periodId: string,
  unitCode: string,
  preferNewer: boolean,
  files: FileVerdict[],
): DuplicateGroup {
  /** the verdict of a file that passed the rules but is not used: superseded, or in an unresolved conflict */
  const notUsed = (f: SlotFile, status: FileStatus, reason: FileReason): void => {
    files.push({
      index: f.index,
      source: f.source,
      status,
      unitCode,
      period: periodId,
      savedAt: f.savedAt,
      reasons: [reason],
      warnings: f.warnings,
    });
  };
  const sorted = [...all].sort((a, b) => compareSaved(a.savedAt, b.savedAt));
  const resolvable = !slot.undecidable;
  const resolution: DuplicateGroup["resolution"] = !slot.conflict
    ? "identical"
    : preferNewer && resolvable
      ? "newer_wins"
      : "unresolved";
  if (resolution === "newer_wins") {
    for (const f of all)
      if (f !== slot.heldFile && !f.copy) notUsed(f, "superseded", fileReasons.superseded(slot.held.source));
  } else if (resolution === "unresolved") {
    for (const f of all) {
      if (f.copy) continue;
      const others = all.filter((o) => o !== f).map((o) => o.source);
      notUsed(f, "conflict", fileReasons.conflict(others, resolvable));
    }
  }
  return {
    unitCode,
    period: periodId,
    files: sorted.map((f) => ({ source: f.source, savedAt: f.savedAt })),
    resolution,
    kept: resolution === "unresolved" ? null : slot.held.source,
  };
}

export interface Consolidator {
  /**
   * Validate one read workbook and keep its compact record; returns the verdict given so far (a file whose figures
   * are used is not kept in `files`: its verdict is returned, then dropped).
   */
  add(file: FileRead): FileVerdict;
  /** Take a file already prepared (e.g. by a worker thread running createPreparer with the same options). */
  addPrepared(prepared: PreparedFile): FileVerdict;
  /** Resolve duplicates and build one UnitReport per unit × period. */
  finish(): ConsolidationResult;
}

/** "period\u0000unit" → [period, unit] (the slot keys below). */
function splitKey(key: string): [string, string] {
  const at = key.indexOf("\u0000");
  return [key.slice(0, at), key.slice(at + 1)];
}

export function createConsolidator(opts: ConsolidateOptions): Consolidator {
  const { catalog } = opts;
  const targets = catalog.targets;
  const prepare = createPreparer(opts);
  const arena = new RecordArena(targets.length);
  const intern = createInterner();
  const store = (h: HeldRecord): Stored => ({
    source: h.source,
    savedAt: h.savedAt,
    unitCode: intern.text(h.unitCode),
    contact: h.contact,
    narrative: h.narrative ?? null,
    tasks: h.tasks,
    at: arena.put(h),
  });
  /** verdicts of the files not used as is (see ConsolidationResult.files); accepted files are only counted */
  const kept: FileVerdict[] = [];
  let read = 0;
  const slots = new Map<string, Slot>(); // key: period \u0000 unit
  const rejectedByKey = new Map<string, FileReason[]>();
  const periods = new Map<string, Period>();

  /**
   * A verdict kept for the summary, as a new object of one fixed shape (eight in-object fields, ~88 bytes: a verdict
   * deserialized from a reading thread takes ~144 and carries its own copy of the status text), its texts shared
   * with every other verdict that says the same; the file's name is the caller's string.
   */
  const keep = (v: FileVerdict): FileVerdict => {
    const one: FileVerdict = {
      index: v.index,
      source: v.source,
      status: STATUS[v.status],
      unitCode: intern.text(v.unitCode),
      period: intern.text(v.period),
      savedAt: v.savedAt,
      reasons: intern.reasons(v.reasons),
      warnings: v.warnings,
    };
    kept.push(one);
    return one;
  };

  function addPrepared(p: PreparedFile): FileVerdict {
    const v = p.verdict;
    v.index = read++;
    if (!p.period || v.unitCode === null) return keep(v);
    const key = `${p.period.id}\u0000${v.unitCode}`;
    if (p.rejected) {
      periods.set(p.period.id, p.period);
      rejectedByKey.set(key, intern.reasons(p.rejected));
      return keep(v);
    }
    const held = p.held;
    if (!held) return keep(v);
    periods.set(p.period.id, p.period);
    const file: SlotFile = { index: v.index, source: v.source, savedAt: v.savedAt, warnings: v.warnings, copy: false };
    const slot = slots.get(key);
    if (!slot) {
      slots.set(key, { held: store(held), heldFile: file });
      // used in part (bad figures left out): listed, with each bad figure's cell and reason
      return v.reasons.length > 0 ? keep(v) : v;
    }
    slot.files ??= [slot.heldFile];
    slot.files.push(file);
    // an identical copy says the same figures and the same task progress; anything else is a conflict
    if (!slot.conflict && sameFigures(arena.get(slot.held.at), held) && sameTasks(slot.held.tasks, held.tasks)) {
      file.copy = true;
      v.status = "identical";
      v.reasons = [fileReasons.identical(slot.held.source)];
      return keep(v);
    }
    slot.conflict = true;
    const c = compareSaved(held.savedAt, slot.held.savedAt);
    if (c === 0) slot.undecidable = true;
    if (c > 0) {
      // keep the newest; whether it is used is decided in finish()
      slot.held = store(held);
      slot.heldFile = file;
    }
    return v;
  }

  function finish(): ConsolidationResult {
    const duplicates: DuplicateGroup[] = [];
    const byPeriod = new Map<string, PeriodConsolidation>();
    const sortedPeriods = [...periods.values()].sort((a, b) =>
      a.start < b.start ? -1 : a.start > b.start ? 1 : a.id.localeCompare(b.id),
    );
    const used = new Map<string, Stored[]>();
    for (const p of sortedPeriods) {
      const records: Stored[] = [];
      used.set(p.id, records);
      byPeriod.set(p.id, periodOf(p, records, arena, targets));
    }
    const files = [...kept];
    const counts = {
      read,
      accepted: 0,
      rejected: 0,
      skipped: 0,
      identical: 0,
      superseded: 0,
      conflict: 0,
    };
    for (const [key, slot] of slots) {
      const [periodId, unitCode] = splitKey(key);
      const pc = byPeriod.get(periodId) as PeriodConsolidation;
      if (slot.files && slot.files.length > 1) {
        const group = resolveDuplicate(slot, slot.files, periodId, unitCode, opts.preferNewer === true, files);
        duplicates.push(group);
        if (group.resolution === "unresolved") {
          pc.conflicted.add(unitCode);
          continue;
        }
      }
      const h = slot.held;
      (used.get(periodId) as Stored[]).push(h);
      pc.submissions.set(unitCode, {
        source: h.source,
        savedAt: h.savedAt,
        contact: h.contact,
        narrative: h.narrative ?? null,
      });
    }
    for (const [key, rs] of rejectedByKey) {
      const [periodId, unitCode] = splitKey(key);
      const pc = byPeriod.get(periodId) as PeriodConsolidation;
      if (!pc.submissions.has(unitCode) && !pc.conflicted.has(unitCode)) pc.rejected.set(unitCode, rs);
    }
    files.sort((a, b) => a.index - b.index);
    for (const v of files) counts[v.status] += 1;
    counts.accepted = read - files.filter((v) => v.status !== "accepted").length;
    return { files, duplicates, periods: [...byPeriod.values()], counts };
  }

  return { add: (file) => addPrepared(prepare(file)), addPrepared, finish };
}

/** Consolidate read workbooks in one call (see createConsolidator for the streaming form). */
export function consolidate(reads: Iterable<FileRead>, opts: ConsolidateOptions): ConsolidationResult {
  const c = createConsolidator(opts);
  for (const r of reads) c.add(r);
  return c.finish();
}
