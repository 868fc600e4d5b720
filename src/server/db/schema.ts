/**
 * The one source of table types (kysely's `Database` interface). Booleans are stored as 0/1 integers and times as
 * ISO-8601 UTC text so that SQLite and PostgreSQL return the same shapes; JSON columns are text.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

export type Flag = 0 | 1;

export interface UnitTable {
  code: string;
  kind: string;
  name_vi: string;
  name_en: string;
  /** JSON array of target ids (departments, city unit) */
  target_ids: string;
  to_confirm: number;
  demo: number;
  /** JSON array of group names */
  groups: string;
  updated_at: string;
  /** the first period the unit no longer reports for (retired, never deleted); null while it reports */
  retired_from: string | null;
}

export interface CatalogVersionTable {
  version: string;
  /** the Catalog as JSON */
  body: string;
  /** where it came from: "built-in", "import:<file name>" … */
  source: string;
  created_at: string;
}

export interface SettingTable {
  key: string;
  value: string;
}

export interface TokenTable {
  id: string;
  /** sha256(pepper + token), hex */
  hash: string;
  role: string;
  unit_code: string | null;
  label: string;
  created_at: string;
  revoked_at: string | null;
  /** ISO time after which the token is refused; null = never (tokens issued before expiry existed) */
  expires_at: string | null;
  /** 1: a demo token (the classroom's planner, or a demo unit's): it reaches demo units only */
  demo: ColumnType<number, number | undefined, number>;
}

export interface SubmissionTable {
  /** UUID made by the client; never reused */
  id: string;
  unit_code: string;
  period: string;
  /** 1, 2, 3 … per unit × period */
  revision: number;
  supersedes: string | null;
  /** sha256 of the canonical content; same id + same hash = a retry */
  content_hash: string;
  /** deflate-raw of {"report": canonical content (NFC, as hashed, with the unit sheet's contact when sent),
   * "parsed": ParsedEntry[]} — see services/content.ts */
  content: Buffer;
  /** {targetId: value} of the flow targets, for year-to-date sums */
  flows: string;
  catalog_version: string;
  received_at: string;
  client: string | null;
  token_id: string;
  on_time: number;
  demo: number;
}

export interface ReportStateTable {
  unit_code: string;
  period: string;
  /** submitted | returned | accepted */
  status: string;
  locked: number;
  comment: string | null;
  latest_submission_id: string;
  latest_revision: number;
  /** the latest revision's flows (copy of submission.flows), for year-to-date sums */
  latest_flows: string;
  /** the latest revision's contact as JSON {preparer, approver, phone} (copy of its content's), null when none */
  latest_contact: string | null;
  /** the latest revision's figures as JSON {targetId: value | [numerator, denominator]}; null before 2026_12_03_301 */
  latest_figures: string | null;
  first_received_at: string;
  first_on_time: number;
  last_received_at: string;
  accepted_submission_id: string | null;
  demo: number;
  updated_at: string;
}

export interface AuditEventTable {
  id: string;
  at: string;
  token_id: string | null;
  action: string;
  unit_code: string | null;
  period: string | null;
  /** JSON object */
  details: string;
}

/** The planners' unit × target choices, each from a period on (migration 2026_12_03_201). */
export interface ApplicabilityTable {
  unit_code: string;
  target_id: string;
  from_period: string;
  /** applies | not_applicable | always_required */
  state: string;
  note: string | null;
  token_id: string | null;
  created_at: string;
}

/** Targets assigned to units, unit × target × year (migration 2026_12_03_202). */
export interface UnitTargetTable {
  unit_code: string;
  target_id: string;
  year: number;
  /** a number as text, or an ISO date (milestones) */
  value: string;
  direction: string | null;
  decision: string;
  created_at: string;
}

export interface ReminderContactTable {
  unit_code: string;
  /** JSON array of e-mail addresses */
  emails: string;
  locale: string | null;
  updated_at: string;
  updated_by: string | null;
}

export interface ReminderTable {
  unit_code: string;
  period: string;
  /** "before" | "after" the deadline */
  kind: string;
  /** "claimed" | "sent" | "failed" */
  state: string;
  claimed_at: string;
  claimed_by: string;
  sent_at: string | null;
  /** JSON array of e-mail addresses */
  recipients: string;
  error: string | null;
  attempts: Generated<number>;
}

/** The key-task register: every version of every task, each from a period on (migration 2026_12_03_501). */
export interface TaskVersionTable {
  task_id: string;
  from_period: string;
  list: string;
  /** the domain Task as JSON */
  body: string;
  token_id: string | null;
  created_at: string;
}

export interface Database {
  unit: UnitTable;
  catalog_version: CatalogVersionTable;
  setting: SettingTable;
  token: TokenTable;
  submission: SubmissionTable;
  report_state: ReportStateTable;
  audit_event: AuditEventTable;
  applicability: ApplicabilityTable;
  unit_target: UnitTargetTable;
  reminder_contact: ReminderContactTable;
  reminder: ReminderTable;
  task_version: TaskVersionTable;
}

export type UnitRow = Selectable<UnitTable>;
export type NewUnitRow = Insertable<UnitTable>;
export type CatalogVersionRow = Selectable<CatalogVersionTable>;
export type TokenRow = Selectable<TokenTable>;
export type NewTokenRow = Insertable<TokenTable>;
export type SubmissionRow = Selectable<SubmissionTable>;
export type NewSubmissionRow = Insertable<SubmissionTable>;
export type ReportStateRow = Selectable<ReportStateTable>;
export type NewReportStateRow = Insertable<ReportStateTable>;
export type ReportStateUpdate = Updateable<ReportStateTable>;
export type AuditEventRow = Selectable<AuditEventTable>;
export type NewAuditEventRow = Insertable<AuditEventTable>;
