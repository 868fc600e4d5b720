/**
 * The per-file half of consolidation: one read workbook → its verdict and, when it passed the domain's rules, its
 * compact record. Stateless, so it runs in the main thread or in a reading thread with the same options.
 */
import { validate } from "../rules";
import { parsePeriod } from "../periods";
import { reportsIn } from "../units/expected";
import { checkUnitTasks } from "../tasks/progress";
import type { TaskProgress, TaskRegister } from "../tasks/types";
import type { Period } from "../types";
import type { ConsolidateOptions, FileRead, FileReadOk, FileReason, FileVerdict } from "./consolidation-types";
import { fileReasons } from "./file-reasons";
import { compactRecord, own, ownTasks, type HeldRecord } from "./held-records";

/** One file after validation (in the main thread or a worker): its verdict and, when it passed, its compact record. */
export interface PreparedFile {
  verdict: FileVerdict;
  period: Period | null;
  /** passed the rules: the record to keep */
  held: HeldRecord | null;
  /** refused by the rules for a known unit: the reasons completeness shows for that unit */
  rejected: FileReason[] | null;
}

/**
 * A file's task progress under the clerk's rules (the endpoint's checkUnitTasks): the rows kept, and a reason per
 * error naming its task and cell. A file with no task progress (no task sheet, or left blank) is not checked, as the
 * endpoint does not check a submission without `tasks`.
 */
function checkTasks(
  file: FileReadOk,
  register: TaskRegister | undefined,
  unitCode: string,
  period: Period,
): { kept: readonly TaskProgress[]; reasons: FileReason[] } {
  // as the endpoint stores and checks them: canonical (trimmed, NFC, blank as null), texts copied out of the XML
  const rows = ownTasks(file.tasks ?? []);
  if (rows.length === 0 || !register) return { kept: rows, reasons: [] };
  const errors = checkUnitTasks(register, unitCode, period, rows).issues.filter((i) => i.severity === "error");
  if (errors.length === 0) return { kept: rows, reasons: [] };
  const bad = new Set(errors.map((i) => i.taskId));
  const reasons = errors.map((i): FileReason => {
    const cell = file.taskCellOf?.(i.taskId, i.field ?? "state");
    return { code: `task.${i.code}`, message: i.message, taskId: i.taskId, ...(cell ? { cell } : {}) };
  });
  return { kept: rows.filter((p) => !bad.has(p.taskId)), reasons };
}

/** The per-file half of consolidation: checks and validates one read workbook and compacts it. Pure and stateless. */
export function createPreparer(opts: ConsolidateOptions): (file: FileRead) => PreparedFile {
  const { catalog, units } = opts;
  const targets = catalog.targets;
  const targetIndex = new Map<string, number>();
  targets.forEach((t, i) => targetIndex.set(t.id, i));
  const group = opts.unitCodes ? new Set(opts.unitCodes) : null;

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
    if (!period) return done({ ...base, status: "rejected", reasons: [fileReasons.badPeriod(periodId)] });
    if (opts.period !== undefined && period.id !== opts.period) {
      return done({ ...base, status: "skipped", reasons: [fileReasons.otherPeriod(period.id, opts.period)] });
    }
    const unit = units.byCode(unitCode);
    if ((file.identity.demo || unit?.demo) && !opts.includeDemo) {
      return done({ ...base, status: "skipped", reasons: [fileReasons.demo(unitCode)] });
    }
    if (unit && group && !group.has(unit.code)) {
      return done({ ...base, status: "skipped", reasons: [fileReasons.outsideGroup(unitCode)] });
    }
    if (unit && !reportsIn(unit, period)) {
      return done({
        ...base,
        status: "skipped",
        reasons: [fileReasons.retired(unit.code, unit.retiredFrom ?? "", period.id)],
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
    const tasks = checkTasks(file, opts.taskRegister, unitCode, period);
    // a bad task row is one row's problem, as a bad figure is one figure's: left out, or the whole file with wholeFile
    if (tasks.reasons.length > 0 && opts.wholeFile === true) rs.push(...tasks.reasons);
    if (rs.length > 0 && whole)
      return done({ ...base, status: "rejected", reasons: rs }, period, null, unit ? rs : null);
    rs.push(...tasks.reasons);
    // figure by figure: a target with an error is left out (missing for that target only) and listed with its cell
    const bad = new Set(rs.flatMap((r) => (r.targetId ? [r.targetId] : [])));
    const entries = bad.size > 0 ? result.entries.filter((e) => !bad.has(e.targetId)) : result.entries;
    const assessments = bad.size > 0 ? result.assessments.filter((a) => !bad.has(a.targetId)) : result.assessments;
    return done(
      { ...base, status: "accepted", reasons: rs, warnings },
      period,
      compactRecord(targetIndex, targets.length, file, entries, assessments, tasks.kept),
    );
  };
}
