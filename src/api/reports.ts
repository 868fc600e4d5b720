/** One unit's report for one period: GET /reports/:unit/:period, its history and diff, and the planner's return,
 * accept and unlock. */
import { z } from "zod";
import { ReviewDiffQuery, RevisionRef, TargetDiff } from "./board";
import { Assessment, Change, Contact, EntryInput, Receipt, ReportStatus } from "./submissions";
import { Narrative, NarrativeChange } from "./narrative";
import { ReportTaskProgress, TaskProgressChange } from "./task-progress";
import { Bilingual, text } from "./text";
import { ReportFigureContext } from "./figure-context";

export const ReportParams = z.object({ unit: z.string().min(1).max(32), period: z.string().min(1).max(16) });

export const ParsedEntry = z.object({
  targetId: z.string(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  milestone: z.enum(["not_started", "in_progress", "done"]).nullable(),
  justification: z.string().nullable(),
  evidence: z.string().nullable(),
  responsible: z.string().nullable(),
  notApplicable: z.boolean().optional().describe('the clerk answered "không áp dụng" / N/A (reason in justification)'),
});

export const HistoryItem = z.object({
  submissionId: z.string(),
  revision: z.number().int(),
  supersedes: z.string().nullable(),
  receivedAt: z.string(),
  onTime: z.boolean(),
  catalogVersion: z.string(),
  client: z.string().nullable(),
  tokenId: z.string(),
  tokenLabel: z.string().nullable().optional().describe("who: the sending token's label (e.g. the clerk's name)"),
  tokenRole: z.string().nullable().optional(),
  contentHash: z.string(),
});

export const HistoryEvent = z.object({
  at: z.string(),
  action: z.string(),
  tokenId: z.string().nullable(),
  tokenLabel: z.string().nullable().optional(),
  details: z.record(z.string(), z.unknown()),
});

export const ReportResponse = z.object({
  unitCode: z.string(),
  unitName: Bilingual,
  period: z.string(),
  status: ReportStatus,
  locked: z.boolean(),
  comment: z.string().nullable(),
  onTime: z.boolean().describe("the first revision arrived by the deadline (timeliness; separate from locking)"),
  firstReceivedAt: z.string(),
  lastReceivedAt: z.string(),
  revisions: z.number().int(),
  acceptedSubmissionId: z.string().nullable(),
  latest: Receipt,
  report: z.object({
    catalogVersion: z.string(),
    locale: z.enum(["vi", "en"]),
    contact: Contact.nullable().describe("the unit sheet's contact sent with the latest revision"),
    narrative: Narrative.nullable()
      .optional()
      .describe("the narrative sent with the latest revision (null or absent: none written)"),
    entries: z.array(EntryInput),
    parsed: z.array(ParsedEntry),
  }),
  ytd: z.record(z.string(), z.number()).describe("year-to-date sums of earlier periods that the rules used"),
  assessments: z
    .array(Assessment)
    .describe("each target's status (progress) and figure as the current rules judge the latest revision"),
  history: z
    .object({ revisions: z.array(HistoryItem), events: z.array(HistoryEvent) })
    .describe("the same as GET …/history: every revision (who, when, client) and every planner action"),
  figureContext: ReportFigureContext.optional().describe(
    "the latest revision beside the unit's earlier figures and, for a quarter, half or year, its months",
  ),
  tasks: z
    .array(ReportTaskProgress)
    .nullable()
    .optional()
    .describe(
      "the unit's key tasks in the period (the register's) with the progress the latest revision reports on each, then any task it reports that the register no longer gives it; null: the unit has no key task and sent none",
    ),
});

export const HistoryResponse = z.object({
  unitCode: z.string(),
  period: z.string(),
  revisions: z.array(HistoryItem),
  events: z.array(HistoryEvent),
});

/** previous-revision (default when neither `from` nor `revision` is given), previous-period, revision=N or from/to. */
export const DiffQuery = ReviewDiffQuery;

export const DiffResponse = z.object({
  unitCode: z.string(),
  period: z.string(),
  against: z.enum(["previous-revision", "previous-period", "revision"]),
  from: RevisionRef.nullable().describe("null: there is no earlier revision or no report for the previous period"),
  to: RevisionRef,
  changes: z.array(Change).describe("field by field (empty when from is null)"),
  targets: z.array(TargetDiff).describe("per target: the old and new figure and status"),
  narrative: z
    .array(NarrativeChange)
    .describe("the narrative parts that changed, in their order (empty when from is null or nothing changed)"),
  tasks: z
    .array(TaskProgressChange)
    .describe("the key tasks whose reported progress changed (empty when from is null or nothing changed)"),
});

const SeenRevision = z
  .uuid()
  .optional()
  .describe("the submission id the planner looked at; refused (409 CT_OUT_OF_DATE) if a newer one arrived");
export const ReturnBody = z.object({ comment: text(4000).trim().min(1), submissionId: SeenRevision }).strict();
export const UnlockBody = z.object({ reason: text(4000).trim().min(1) }).strict();
export const AcceptBody = z
  .object({ comment: text(4000).optional(), submissionId: SeenRevision })
  .strict()
  .optional();

export const ReportActionResponse = z.object({
  unitCode: z.string(),
  period: z.string(),
  status: ReportStatus,
  locked: z.boolean(),
  comment: z.string().nullable(),
  latestSubmissionId: z.string(),
  acceptedSubmissionId: z.string().nullable(),
});

export type ParsedEntryWire = z.infer<typeof ParsedEntry>;
export type ReportResponse = z.infer<typeof ReportResponse>;
export type HistoryResponse = z.infer<typeof HistoryResponse>;
export type DiffResponse = z.infer<typeof DiffResponse>;
export type ReportActionResponse = z.infer<typeof ReportActionResponse>;
