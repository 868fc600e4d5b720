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
 */
import { aggregate } from "../aggregate";
import { validate } from "../rules";
import { parsePeriod } from "../periods";
import { expectedUnits, reportsIn } from "../units/expected";
import { isOnTime, DEFAULT_SCHEDULE } from "../periods/schedule";
import {
  MILESTONE_STATES,
  type Bilingual,
  type Catalog,
  type CityFigure,
  type EntryField,
  type MilestoneState,
  type ParsedEntry,
  type Period,
  type ReportInput,
  type ReportSchedule,
  type TargetProgress,
  type UnitRegistry,
  type UnitReport,
} from "../types";
import { PROGRESS_ORDER, buildScorecard } from "./scorecard";
import type { CompletenessRow, CompletenessTotals, ConsolidationView, MatrixCell, UnitContact } from "./view";

// ---------------------------------------------------------------------------------------------------------------
// Input: what the template reader gave back for one file
// ---------------------------------------------------------------------------------------------------------------

export interface WorkbookIdentityInfo {
  unitCode: string;
  period: string;
  catalogVersion: string;
  templateVersion: string;
  demo: boolean;
}

export interface FileReadOk {
  ok: true;
  /** the file as the planner knows it (path or name) */
  source: string;
  /** ISO date-time of the workbook's last save (docProps/core.xml, else the file's mtime); null when unknown */
  savedAt: string | null;
  identity: WorkbookIdentityInfo;
  contact: UnitContact | null;
  report: ReportInput;
  /** the sheet address of a target's field, so issues name their cell */
  cellOf?: (targetId: string, field: EntryField) => string | undefined;
}

export interface FileReadFailed {
  ok: false;
  source: string;
  code: string;
  message: Bilingual;
  cell?: string;
}

export type FileRead = FileReadOk | FileReadFailed;

// ---------------------------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------------------------

export interface FileReason {
  code: string;
  message: Bilingual;
  cell?: string;
  targetId?: string;
}

export type FileStatus = "accepted" | "rejected" | "skipped" | "identical" | "superseded" | "conflict";

export interface FileVerdict {
  /** the file's position in the order the files were given (0-based); -1 until the consolidator takes it */
  index: number;
  source: string;
  status: FileStatus;
  unitCode: string | null;
  period: string | null;
  savedAt: string | null;
  /**
   * rejected: every blocking issue; accepted: the bad figures left out (used figure by figure; empty when every
   * figure was used); skipped / superseded / conflict / identical: why
   */
  reasons: FileReason[];
  /** unjustified warnings left in an accepted file (they do not block consolidation) */
  warnings: number;
}

export interface DuplicateGroup {
  unitCode: string;
  period: string;
  /** every file for this unit × period that passed the rules, oldest first */
  files: { source: string; savedAt: string | null }[];
  resolution: "identical" | "newer_wins" | "unresolved";
  /** the file whose figures are used; null while unresolved */
  kept: string | null;
}

/**
 * One period's consolidation. `reports` and `matrix` are built from the compact records each time they are read
 * (not kept), so a consolidation of many periods holds only ~1 KB per unit × period until a period is looked at.
 */
export interface PeriodConsolidation {
  period: Period;
  /** one per unit whose figures are used, in the order the files came */
  readonly reports: UnitReport[];
  /** per accepted unit: where from, when, who */
  submissions: Map<string, { source: string; savedAt: string | null; contact: UnitContact | null }>;
  /** units whose files conflict (unresolved): counted as missing */
  conflicted: Set<string>;
  /** units with a rejected file and nothing usable */
  rejected: Map<string, FileReason[]>;
  /** per-unit figures and statuses from the unit's own validation */
  readonly matrix: MatrixCell[];
}

export interface ConsolidationResult {
  /**
   * Every file that was not used as is — rejected, skipped, identical copy, superseded, conflict — with its reasons, in
   * the order the files were given. A file whose figures are used is counted (`counts.accepted`) and named in its
   * period's `submissions`, not listed here.
   */
  files: FileVerdict[];
  duplicates: DuplicateGroup[];
  periods: PeriodConsolidation[];
  counts: {
    read: number;
    accepted: number;
    rejected: number;
    skipped: number;
    identical: number;
    superseded: number;
    conflict: number;
  };
}

export interface ConsolidateOptions {
  catalog: Catalog;
  units: UnitRegistry;
  /** only this period; files of other periods are skipped (and listed) */
  period?: string;
  /** the unit group; files of other units are skipped (and listed) */
  unitCodes?: readonly string[];
  /** the newer of two conflicting files wins (the planner confirmed) */
  preferNewer?: boolean;
  /** demo workbooks are left out unless asked (training never pollutes real consolidation) */
  includeDemo?: boolean;
  /**
   * The strict rule of before: one bad figure rejects the whole file. By default a file is used figure by figure: its
   * valid figures are used, each bad one is listed with its cell and reason and counts as missing for that target
   * only. A problem that is not one figure's (unknown unit or period, another catalog) still rejects the file.
   */
  wholeFile?: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// Reasons (bilingual, naming what to do)
// ---------------------------------------------------------------------------------------------------------------

const reasons = {
  otherPeriod: (found: string, wanted: string): FileReason => ({
    code: "other_period",
    message: {
      vi: `Sổ báo cáo kỳ ${found}, không phải kỳ đang tổng hợp (${wanted}): bỏ qua.`,
      en: `The workbook reports period ${found}, not the period being consolidated (${wanted}): skipped.`,
    },
  }),
  outsideGroup: (unitCode: string): FileReason => ({
    code: "outside_group",
    message: {
      vi: `Đơn vị ${unitCode} không thuộc nhóm đơn vị đang tổng hợp: bỏ qua.`,
      en: `Unit ${unitCode} is not in the unit group being consolidated: skipped.`,
    },
  }),
  retired: (unitCode: string, retiredFrom: string, period: string): FileReason => ({
    code: "unit_retired",
    message: {
      vi: `Đơn vị ${unitCode} đã thôi báo cáo từ kỳ ${retiredFrom}; sổ kỳ ${period} của đơn vị không được tổng hợp: bỏ qua.`,
      en: `Unit ${unitCode} no longer reports from period ${retiredFrom} on; its workbook for ${period} is not consolidated: skipped.`,
    },
  }),
  demo: (unitCode: string): FileReason => ({
    code: "demo_workbook",
    message: {
      vi: `Sổ của đơn vị trình diễn ${unitCode} (dùng để tập huấn) không được đưa vào số liệu thật: bỏ qua.`,
      en: `The workbook of demo unit ${unitCode} (for training) never enters real figures: skipped.`,
    },
  }),
  badPeriod: (period: string): FileReason => ({
    code: "unknown_period",
    message: {
      vi: `Kỳ báo cáo "${period}" trong sổ không hợp lệ. Hãy tải lại mẫu đúng kỳ và chép số liệu sang.`,
      en: `The workbook's report period "${period}" is not valid. Download the template for the right period and copy the figures into it.`,
    },
  }),
  identical: (kept: string): FileReason => ({
    code: "identical_copy",
    message: {
      vi: `Bản sao giống hệt tệp "${kept}" (cùng đơn vị, cùng kỳ, cùng số liệu): chỉ tính một lần.`,
      en: `An identical copy of "${kept}" (same unit, period and figures): counted once.`,
    },
  }),
  superseded: (by: string): FileReason => ({
    code: "superseded",
    message: {
      vi: `Có tệp mới hơn cho cùng đơn vị và kỳ ("${by}"); theo xác nhận của người tổng hợp, dùng tệp mới hơn.`,
      en: `A newer file for the same unit and period exists ("${by}"); as the planner confirmed, the newer file is used.`,
    },
  }),
  conflict: (others: string[], canResolve: boolean): FileReason => ({
    code: canResolve ? "duplicate_unit_period" : "duplicate_unresolvable",
    message: canResolve
      ? {
          vi: `Trùng đơn vị và kỳ với tệp ${others.map((o) => `"${o}"`).join(", ")} nhưng số liệu khác nhau: chưa tệp nào được dùng. Xác nhận dùng tệp mới hơn (CLI: --prefer-newer) hoặc bỏ bớt một tệp.`,
          en: `Same unit and period as ${others.map((o) => `"${o}"`).join(", ")} with different figures: neither file is used yet. Confirm that the newer file wins (CLI: --prefer-newer) or remove one file.`,
        }
      : {
          vi: `Trùng đơn vị và kỳ với tệp ${others.map((o) => `"${o}"`).join(", ")}, số liệu khác nhau và không biết tệp nào mới hơn (thiếu hoặc trùng thời điểm lưu): hãy bỏ bớt một tệp.`,
          en: `Same unit and period as ${others.map((o) => `"${o}"`).join(", ")} with different figures, and which is newer cannot be told (save time missing or equal): remove one of the files.`,
        },
  }),
};

// ---------------------------------------------------------------------------------------------------------------
// The compact record kept per unit × period
// ---------------------------------------------------------------------------------------------------------------

const NO_PROGRESS = 255;

/** The compact record kept per unit × period (plain data and typed arrays: it can cross a worker boundary). */
export interface HeldRecord {
  source: string;
  savedAt: string | null;
  unitCode: string;
  contact: UnitContact | null;
  /** per catalog target: [value, numerator, denominator, figure] (NaN = blank) */
  numbers: Float64Array;
  /** per catalog target: milestone index + 1 (0 = blank) */
  milestones: Uint8Array;
  /** per catalog target: PROGRESS_ORDER index, NO_PROGRESS when the unit has no entry for the target */
  progress: Uint8Array;
}

/** A kept record: its texts, and where its numbers are in the arena. */
interface Stored {
  source: string;
  savedAt: string | null;
  unitCode: string;
  contact: UnitContact | null;
  at: number;
}

type Figures = Pick<HeldRecord, "numbers" | "milestones" | "progress">;

/**
 * The numbers of every kept record, packed into chunks of 512 records: one allocation per chunk instead of three
 * small typed arrays per record, so 10,000 kept records cost ~15 MB and no per-record buffer.
 */
class RecordArena {
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
    this.nums[c].set(h.numbers, o * T * FIELDS);
    this.codes[c].set(h.milestones, o * T * 2);
    this.codes[c].set(h.progress, o * T * 2 + T);
    return i;
  }
  get(i: number): Figures {
    const c = Math.floor(i / RecordArena.CHUNK);
    const o = i % RecordArena.CHUNK;
    const T = this.targets;
    return {
      numbers: this.nums[c].subarray(o * T * FIELDS, (o + 1) * T * FIELDS),
      milestones: this.codes[c].subarray(o * T * 2, o * T * 2 + T),
      progress: this.codes[c].subarray(o * T * 2 + T, (o + 1) * T * 2),
    };
  }
}

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

const FIELDS = 4;

/**
 * A copy of a text that holds no reference to the (much larger) text it was cut from: the reader's strings are
 * slices of a whole sheet's XML, and keeping one would keep that XML alive for as long as the record.
 */
function own<T extends string | null>(s: T): T {
  // a flat copy: `" " + s` sliced would be a slice of a fresh string (twice the bytes of the text itself)
  return (s === null ? null : s.split("").join("")) as T;
}

/** The status texts every kept verdict shares (a verdict that came from a reading thread carries its own copy). */
const STATUS: Record<FileStatus, FileStatus> = {
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
function createInterner(limit = 10_000): {
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
    const r = reason(rs[0]);
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

function sameFigures(a: Figures, b: Figures): boolean {
  if (a.numbers.length !== b.numbers.length) return false;
  for (let i = 0; i < a.numbers.length; i++) {
    const x = a.numbers[i];
    const y = b.numbers[i];
    if (!(x === y || (Number.isNaN(x) && Number.isNaN(y)))) return false;
  }
  for (let i = 0; i < a.milestones.length; i++) if (a.milestones[i] !== b.milestones[i]) return false;
  return true;
}

/** 1 when a is newer, -1 when b is newer, 0 when it cannot be told. */
function compareSaved(a: string | null, b: string | null): number {
  const ta = a ? Date.parse(a) : NaN;
  const tb = b ? Date.parse(b) : NaN;
  if (Number.isNaN(ta) || Number.isNaN(tb) || ta === tb) return 0;
  return ta > tb ? 1 : -1;
}

/** One file after validation (in the main thread or a worker): its verdict and, when it passed, its compact record. */
export interface PreparedFile {
  verdict: FileVerdict;
  period: Period | null;
  /** passed the rules: the record to keep */
  held: HeldRecord | null;
  /** refused by the rules for a known unit: the reasons completeness shows for that unit */
  rejected: FileReason[] | null;
}

/** The per-file half of consolidation: checks and validates one read workbook and compacts it. Pure and stateless. */
export function createPreparer(opts: ConsolidateOptions): (file: FileRead) => PreparedFile {
  const { catalog, units } = opts;
  const targets = catalog.targets;
  const targetIndex = new Map<string, number>();
  targets.forEach((t, i) => targetIndex.set(t.id, i));
  const group = opts.unitCodes ? new Set(opts.unitCodes) : null;

  function compact(
    file: FileReadOk,
    entries: ParsedEntry[],
    assessments: { targetId: string; progress: TargetProgress; figure: number | null }[],
  ): HeldRecord {
    const numbers = new Float64Array(targets.length * FIELDS).fill(NaN);
    const milestones = new Uint8Array(targets.length);
    const progress = new Uint8Array(targets.length).fill(NO_PROGRESS);
    for (const e of entries) {
      const i = targetIndex.get(e.targetId);
      if (i === undefined) continue;
      numbers[i * FIELDS] = num(e.value);
      numbers[i * FIELDS + 1] = num(e.numerator);
      numbers[i * FIELDS + 2] = num(e.denominator);
      milestones[i] = e.milestone ? MILESTONE_STATES.indexOf(e.milestone) + 1 : 0;
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
      numbers,
      milestones,
      progress,
    };
  }

  const done = (
    v: Omit<FileVerdict, "warnings" | "index"> & { warnings?: number },
    period: Period | null = null,
    held: HeldRecord | null = null,
    rejected: FileReason[] | null = null,
  ): PreparedFile => ({ verdict: { index: -1, warnings: 0, ...v }, period, held, rejected });

  return (file: FileRead): PreparedFile => {
    if (!file.ok) {
      return done({
        source: file.source,
        status: "rejected",
        unitCode: null,
        period: null,
        savedAt: null,
        reasons: [{ code: file.code, message: file.message, ...(file.cell ? { cell: file.cell } : {}) }],
      });
    }
    const { unitCode, period: periodId } = file.identity;
    // the file's name is the caller's own string (never a slice of a workbook's XML): it is shared, not copied
    const base = {
      source: file.source,
      unitCode: own(unitCode),
      period: own(periodId),
      savedAt: own(file.savedAt),
    };
    const period = parsePeriod(periodId);
    if (!period) return done({ ...base, status: "rejected", reasons: [reasons.badPeriod(periodId)] });
    if (opts.period !== undefined && period.id !== opts.period) {
      return done({ ...base, status: "skipped", reasons: [reasons.otherPeriod(period.id, opts.period)] });
    }
    const unit = units.byCode(unitCode);
    if ((file.identity.demo || unit?.demo) && !opts.includeDemo) {
      return done({ ...base, status: "skipped", reasons: [reasons.demo(unitCode)] });
    }
    if (unit && group && !group.has(unit.code)) {
      return done({ ...base, status: "skipped", reasons: [reasons.outsideGroup(unitCode)] });
    }
    if (unit && !reportsIn(unit, period)) {
      return done({
        ...base,
        status: "skipped",
        reasons: [reasons.retired(unit.code, unit.retiredFrom ?? "", period.id)],
      });
    }
    const result = validate(file.report, { catalog, units, ...(file.cellOf ? { cellOf: file.cellOf } : {}) });
    let warnings = 0;
    const rs: FileReason[] = [];
    for (const i of result.issues) {
      if (i.severity === "error") {
        rs.push({
          code: i.code,
          message: i.message,
          ...(i.cell ? { cell: i.cell } : {}),
          ...(i.targetId ? { targetId: i.targetId } : {}),
        });
      } else if (i.severity === "warning" && !i.justified) warnings++;
    }
    const whole = opts.wholeFile === true || rs.some((r) => r.targetId === undefined);
    if (rs.length > 0 && whole)
      return done({ ...base, status: "rejected", reasons: rs }, period, null, unit ? rs : null);
    // figure by figure: a target with an error is left out (missing for that target only) and listed with its cell
    const bad = new Set(rs.map((r) => r.targetId));
    const entries = bad.size > 0 ? result.entries.filter((e) => !bad.has(e.targetId)) : result.entries;
    const assessments = bad.size > 0 ? result.assessments.filter((a) => !bad.has(a.targetId)) : result.assessments;
    return done({ ...base, status: "accepted", reasons: rs, warnings }, period, compact(file, entries, assessments));
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

/** A held figure as the API gives it: NaN (nothing held) is null. */
function nz(x: number): number | null {
  return Number.isNaN(x) ? null : x;
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
    out.push({
      targetId: t.id,
      value: nz(h.numbers[i * FIELDS]),
      numerator: nz(h.numbers[i * FIELDS + 1]),
      denominator: nz(h.numbers[i * FIELDS + 2]),
      milestone: h.milestones[i] ? (MILESTONE_STATES[h.milestones[i] - 1] as MilestoneState) : null,
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
      figure: nz(h.numbers[i * FIELDS + 3]),
      numerator: nz(h.numbers[i * FIELDS + 1]),
      denominator: nz(h.numbers[i * FIELDS + 2]),
      milestone: h.milestones[i] ? (MILESTONE_STATES[h.milestones[i] - 1] as MilestoneState) : null,
      progress: PROGRESS_ORDER[h.progress[i]] as TargetProgress,
    });
  });
}

/**
 * One period of a finished consolidation. Built out here, not inside createConsolidator, so that its getters hold the
 * period's records and the arena only — not the consolidator's state (its verdict list, slots and interning tables),
 * which would otherwise live as long as the result.
 */
function periodOf(
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
  };
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
    if (!slot.conflict && sameFigures(arena.get(slot.held.at), held)) {
      file.copy = true;
      v.status = "identical";
      v.reasons = [reasons.identical(slot.held.source)];
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
    /** the verdict of a file that passed the rules but is not used: superseded, or in an unresolved conflict */
    const notUsed = (f: SlotFile, periodId: string, unitCode: string, status: FileStatus, reason: FileReason): void => {
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
    for (const [key, slot] of slots) {
      const [periodId, unitCode] = key.split("\u0000");
      const pc = byPeriod.get(periodId) as PeriodConsolidation;
      if (slot.files && slot.files.length > 1) {
        const all = slot.files;
        const sorted = [...all].sort((a, b) => compareSaved(a.savedAt, b.savedAt));
        const resolvable = !slot.undecidable;
        const resolution: DuplicateGroup["resolution"] = !slot.conflict
          ? "identical"
          : opts.preferNewer && resolvable
            ? "newer_wins"
            : "unresolved";
        duplicates.push({
          unitCode,
          period: periodId,
          files: sorted.map((f) => ({ source: f.source, savedAt: f.savedAt })),
          resolution,
          kept: resolution === "unresolved" ? null : slot.held.source,
        });
        if (resolution === "newer_wins") {
          for (const f of all)
            if (f !== slot.heldFile && !f.copy)
              notUsed(f, periodId, unitCode, "superseded", reasons.superseded(slot.held.source));
        } else if (resolution === "unresolved") {
          for (const f of all) {
            if (f.copy) continue;
            const others = all.filter((o) => o !== f).map((o) => o.source);
            notUsed(f, periodId, unitCode, "conflict", reasons.conflict(others, resolvable));
          }
          pc.conflicted.add(unitCode);
          continue;
        }
      }
      const h = slot.held;
      (used.get(periodId) as Stored[]).push(h);
      pc.submissions.set(unitCode, { source: h.source, savedAt: h.savedAt, contact: h.contact });
    }
    for (const [key, rs] of rejectedByKey) {
      const [periodId, unitCode] = key.split("\u0000");
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

// ---------------------------------------------------------------------------------------------------------------
// From a period's reports to what the workbook shows
// ---------------------------------------------------------------------------------------------------------------

export interface PeriodFigures {
  figures: CityFigure[];
  completeness: { rows: CompletenessRow[]; totals: CompletenessTotals };
}

/**
 * City figures (by the domain's aggregate()) and completeness for one consolidated period. On time is judged on the
 * workbook's last-saved time against the period's deadline; a file with no saved time is "submitted (time unknown)".
 */
export function periodFigures(
  pc: PeriodConsolidation,
  opts: {
    catalog: Catalog;
    units: UnitRegistry;
    unitCodes?: readonly string[];
    includeDemo?: boolean;
    schedule?: ReportSchedule;
  },
): PeriodFigures {
  const expected = expectedUnits(opts.catalog, opts.units, pc.period, {
    ...(opts.unitCodes ? { unitCodes: opts.unitCodes } : {}),
    includeDemo: opts.includeDemo === true,
  });
  const unitCodes = expected.map((u) => u.code);
  const figures = aggregate(opts.catalog, pc.period, pc.reports, opts.units, {
    unitCodes,
    ...(opts.includeDemo ? { includeDemo: true } : {}),
  });
  const schedule = opts.schedule ?? DEFAULT_SCHEDULE;
  const totals: CompletenessTotals = {
    expected: expected.length,
    submitted: 0,
    onTime: 0,
    late: 0,
    missing: 0,
    returned: 0,
    rejected: 0,
  };
  const rows: CompletenessRow[] = expected.map((u) => {
    const sub = pc.submissions.get(u.code);
    if (sub) {
      totals.submitted += 1;
      let state: CompletenessRow["state"] = "submitted";
      if (sub.savedAt && !Number.isNaN(Date.parse(sub.savedAt))) {
        state = isOnTime(pc.period, new Date(sub.savedAt), schedule) ? "on_time" : "late";
        if (state === "on_time") totals.onTime += 1;
        else totals.late += 1;
      }
      return {
        unitCode: u.code,
        unitName: u.name,
        state,
        submittedAt: sub.savedAt,
        source: sub.source,
        contact: sub.contact,
        note: null,
      };
    }
    totals.missing += 1;
    const rejected = pc.rejected.get(u.code);
    if (rejected || pc.conflicted.has(u.code)) {
      totals.rejected += 1;
      const first = rejected?.[0];
      const note: Bilingual = first
        ? {
            vi: `${first.cell ? `${first.cell}: ` : ""}${first.message.vi}`,
            en: `${first.cell ? `${first.cell}: ` : ""}${first.message.en}`,
          }
        : {
            vi: "Có hai tệp khác nhau cho cùng kỳ, chưa chọn tệp nào.",
            en: "Two different files for the same period; none chosen yet.",
          };
      return {
        unitCode: u.code,
        unitName: u.name,
        state: "rejected",
        submittedAt: null,
        source: null,
        contact: null,
        note,
      };
    }
    return {
      unitCode: u.code,
      unitName: u.name,
      state: "missing",
      submittedAt: null,
      source: null,
      contact: null,
      note: null,
    };
  });
  return { figures, completeness: { rows, totals } };
}

/** Everything the consolidated workbook shows for one period consolidated from files. */
export function viewFromFiles(
  pc: PeriodConsolidation,
  opts: {
    catalog: Catalog;
    units: UnitRegistry;
    unitCodes?: readonly string[];
    includeDemo?: boolean;
    schedule?: ReportSchedule;
    group?: { id: string | null; name: Bilingual };
    generatedAt: string;
  },
): ConsolidationView {
  const { figures, completeness } = periodFigures(pc, opts);
  const units = expectedUnits(opts.catalog, opts.units, pc.period, {
    ...(opts.unitCodes ? { unitCodes: opts.unitCodes } : {}),
    includeDemo: opts.includeDemo === true,
  });
  return {
    source: "files",
    period: pc.period,
    group: opts.group ?? { id: null, name: { vi: "Tất cả đơn vị", en: "All units" } },
    generatedAt: opts.generatedAt,
    catalog: opts.catalog,
    figures,
    units,
    matrix: pc.matrix,
    completeness,
    scorecard: buildScorecard(opts.catalog, figures),
  };
}
