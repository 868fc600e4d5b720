/**
 * The report_state columns and rows of the rules' history read (issue #14): what SubmissionStatements.stateAndOthers
 * selects when the figures are left to the store, and the query the SQLite writer thread runs for them
 * (SubmissionStatements.historyQuery, services/submission-check.ts).
 */
import type { ReportStateRow } from "./schema";

/** report_state's columns but latest_figures (checked against the table's type: a new column must be named here). */
export const STATE_BUT_FIGURES = [
  "unit_code",
  "period",
  "status",
  "locked",
  "comment",
  "latest_submission_id",
  "latest_revision",
  "latest_flows",
  "latest_contact",
  "first_received_at",
  "first_on_time",
  "last_received_at",
  "accepted_submission_id",
  "demo",
  "updated_at",
] as const satisfies readonly Exclude<keyof ReportStateRow, "latest_figures">[];
type MissingStateColumn = Exclude<keyof ReportStateRow, "latest_figures" | (typeof STATE_BUT_FIGURES)[number]>;
// a compile error here names a report_state column that STATE_BUT_FIGURES lacks
const everyStateColumn: [MissingStateColumn] extends [never] ? true : MissingStateColumn = true;
void everyStateColumn;

/** A row of SubmissionStatements.historyQuery(). */
export interface HistoryRow {
  period: string;
  /** null for a revision stored before the column existed: its content gives the figures */
  latest_figures: string | null;
  latest_submission_id: string;
}

/** A read to run on the writer thread's connection: the history rows, then `contentSql` [id] for a row without figures. */
export interface HistoryQuery {
  sql: string;
  params: unknown[];
  contentSql: string;
}
