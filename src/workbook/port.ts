/**
 * What the task pane needs from a workbook. Two implementations: `office/` (live Excel through Office.js) and
 * `preview/` (an in-browser workbook for the preview outside Excel and for the browser tests).
 * Components receive a WorkbookPort as a prop and never see `Excel`.
 */
import type { EntryField, EntryInput, TargetAssessment, ValidationIssue } from "../domain/types";
import type { TemplateIdentity } from "./identity";

// the identity lives with its XML part (identity.ts); re-exported here for the port's users
export { TEMPLATE_NS, type TemplateIdentity } from "./identity";

/** Who prepared and approved the report and how to reach them: the unit sheet's input cells ("rõ người"). */
export interface UnitSheetContact {
  preparer: string | null;
  approver: string | null;
  phone: string | null;
}

export interface TemplateStatus {
  /** null when the open workbook holds no Chỉ tiêu template */
  identity: TemplateIdentity | null;
  /** what was missing and has been (or would be) repaired: sheet names, range names, validations */
  repaired: string[];
  /** true when the template was written into a workbook that had none */
  created?: boolean;
}

/** A submission waiting in the workbook itself (survives closing Excel and clearing browser storage). */
export interface QueuedSubmission {
  submissionId: string;
  supersedes: string | null;
  unitCode: string;
  period: string;
  body: unknown;
  queuedAt: string;
  attempts: number;
  lastError: string | null;
}

export interface EntryChange {
  targetId: string;
  field: EntryField;
  raw: string | number | boolean | null;
}

export type { TaskChange } from "./task-sheet-read";

export interface WorkbookPort {
  /** Create the template for this identity, or recognise the one already there and repair what is missing (values kept). */
  ensureTemplate(spec: import("./template/spec").TemplateSpec): Promise<TemplateStatus>;
  /** Identity of the template in the open workbook, if any. */
  readIdentity(): Promise<TemplateIdentity | null>;
  /** Every entry of the entry sheet, in one read. */
  readEntries(): Promise<EntryInput[]>;
  /** The input cells the last read or change found holding a date, time, boolean, error value or forbidden
   * character instead of a figure or text (those fields are blank in the entries); none when the port cannot tell. */
  cellProblems?(): import("./locate").CellProblem[];
  /** The unit sheet's preparer, approver and phone, in one read (sent with a submission). */
  readContact(): Promise<UnitSheetContact>;
  /** The narrative sheet's four parts and the problems of its cells (too long, a date…), in one read; ports made
   * before the narrative existed leave it out. */
  readNarrative?(): Promise<import("./narrative-read").NarrativeRead>;
  /** Write parts of the narrative into their cells (a part left out is left as it is). */
  writeNarrative?(parts: Partial<import("../domain/report/narrative").Narrative>): Promise<void>;
  /** The task-progress sheet: its tasks (from the rows), what is typed and where each input is, in one read; ports
   * made before the task tab existed leave the three task methods out. */
  readTasks?(): Promise<import("./task-sheet-read").TaskSheetRead>;
  /** Write task inputs into their named cells (one batch, no echo); a task without cells on the sheet is skipped. */
  writeTasks?(changes: import("./task-sheet-read").TaskChange[]): Promise<void>;
  /** Called with the sheet read again when a person changes task inputs in the sheet (never for the add-in's own
   * writes); returns an unsubscribe function. */
  onTasksChanged?(handler: (read: import("./task-sheet-read").TaskSheetRead) => void): Promise<() => Promise<void>>;
  /** Write one or more typed values into their cells. */
  writeEntries(changes: EntryChange[]): Promise<void>;
  /** Colour and annotate the cells that carry issues (and clear marks of fixed cells); with assessments, also write
   * each target's status text (met / on track / …) into the status column. */
  markIssues(issues: ValidationIssue[], assessments?: TargetAssessment[]): Promise<void>;
  /** Select a cell so the user sees it, e.g. "Nhap!F12". */
  selectCell(address: string): Promise<void>;
  /** Called when the entry sheet changes (typing or pasting); returns an unsubscribe function. */
  onEntriesChanged(handler: (changes: EntryChange[]) => void): Promise<() => Promise<void>>;
  /** Offline queue and connection settings stored in the workbook. */
  loadQueue(): Promise<QueuedSubmission[]>;
  saveQueue(queue: QueuedSubmission[]): Promise<void>;
  loadSetting<T>(key: string): Promise<T | null>;
  saveSetting<T>(key: string, value: T): Promise<void>;
}
