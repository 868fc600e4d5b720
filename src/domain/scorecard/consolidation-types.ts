/**
 * The types of consolidation from files: what the template reader hands in for one file, and the verdicts, duplicate
 * groups and per-period results the consolidator gives back. Types only.
 */
import type { Bilingual, Catalog, EntryField, Period, ReportInput, UnitRegistry, UnitReport } from "../types";
import type { MatrixCell, UnitContact } from "./view";
import type { Narrative } from "../report/narrative";
import type { TaskReport } from "../tasks/board-types";
import type { TaskProgress, TaskProgressField, TaskRegister } from "../tasks/types";

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
  /** the narrative sheet's four parts; absent or null when the file has none */
  narrative?: Narrative | null;
  report: ReportInput;
  /** the sheet address of a target's field, so issues name their cell */
  cellOf?: (targetId: string, field: EntryField) => string | undefined;
  /** the task sheet's progress rows (TienDoNV); absent or empty when the file has no task progress */
  tasks?: readonly TaskProgress[];
  /** the sheet address of a task's field ("TienDoNV!F6"), so task issues name their cell */
  taskCellOf?: (taskId: string, field: TaskProgressField) => string | undefined;
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
  /** a task progress row's problem (the row is left out, or the file rejected with wholeFile) */
  taskId?: string;
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
  submissions: Map<
    string,
    { source: string; savedAt: string | null; contact: UnitContact | null; narrative?: Narrative | null }
  >;
  /** units whose files conflict (unresolved): counted as missing */
  conflicted: Set<string>;
  /** units with a rejected file and nothing usable */
  rejected: Map<string, FileReason[]>;
  /** per-unit figures and statuses from the unit's own validation */
  readonly matrix: MatrixCell[];
  /**
   * The task progress of the units whose report is used (the same file as their figures: the duplicate and
   * conflict rules decide for both), one TaskReport per unit that reported on a task; receivedAt is the file's save
   * time. Rows the rules refused are left out.
   */
  readonly taskReports: TaskReport[];
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
  /**
   * The key-task register: a file's task progress is checked by the clerk's rules (checkUnitTasks, as the endpoint
   * does) — a bad row is left out and listed with its cell, or rejects the file with wholeFile. Without it the rows
   * are kept unchecked (the board still counts only a task's owning units).
   */
  taskRegister?: TaskRegister;
}
