/**
 * The planner's review loop: GET /board (every expected unit of a period with its state, deadline, revision, last
 * action and contact; format=csv is the "missing and late units with their contacts" export), the review diff
 * against the previous revision or the previous period, POST /reports/accept (several reports at once, each item
 * answered on its own), the units' reminder e-mail addresses, and the reminders sent.
 */
import { z } from "zod";
import { Contact, ReportStatus } from "./submissions";
import { Bilingual, bilingualError, queryFlag, text } from "./text";

const Flag = queryFlag();

/**
 * A unit's place in the review of a period, in the board's order: what needs the planner (or the unit) first.
 * submitted_late / submitted_on_time: the latest revision waits for review (timeliness of the first revision);
 * not_applicable: the unit is in the selection and still reports, but no target applies to it and is due in the period.
 */
export const BOARD_STATES = [
  "missing",
  "returned",
  "submitted_late",
  "submitted_on_time",
  "accepted",
  "not_applicable",
] as const;
export const BoardState = z.enum(BOARD_STATES);

export const BoardQuery = z
  .object({
    period: z.string().min(1).max(16),
    group: z.string().max(64).optional().describe("only the units of this group (wards, communes, departments…)"),
    state: z
      .string()
      .max(200)
      .regex(new RegExp(`^(${BOARD_STATES.join("|")})(,(${BOARD_STATES.join("|")}))*$`), {
        error: bilingualError({
          vi: `state là một hoặc nhiều trạng thái, cách nhau bằng dấu phẩy: ${BOARD_STATES.join(", ")}`,
          en: `state is one or more states, comma separated: ${BOARD_STATES.join(", ")}`,
        }),
      })
      .optional()
      .describe(
        "only these states, comma separated (e.g. missing,submitted_late); default all (csv: missing,returned,submitted_late)",
      ),
    demo: Flag.optional().describe("include demo units (training); default false"),
    asOf: z.iso.datetime({ offset: true }).optional().describe("judge lateness at this instant; default now"),
    format: z
      .enum(["json", "csv"])
      .optional()
      .describe("csv: the missing and late units with their contacts (UTF-8 with BOM), for a phone round"),
  })
  .strict();

export const BoardLastAction = z.object({
  action: z.enum(["returned", "accepted", "unlocked"]),
  at: z.string(),
  tokenId: z.string().nullable(),
  comment: z.string().nullable().describe("the return comment, the accept comment or the unlock reason"),
});

export const BoardUnit = z.object({
  unitCode: z.string(),
  unitName: Bilingual,
  kind: z.string(),
  groups: z.array(z.string()),
  demo: z.boolean(),
  state: BoardState,
  notApplicableReason: z
    .enum(["no_target_due"])
    .nullable()
    .describe("why a unit is not applicable (no target of the catalog applies and is due); null otherwise"),
  reportStatus: ReportStatus.nullable().describe("the stored report's status; null when nothing was submitted"),
  onTime: z.boolean().nullable().describe("the first revision arrived by the deadline; null: none arrived"),
  late: z.boolean().describe("arrived after the deadline, or still missing once it passed"),
  locked: z.boolean(),
  deadline: z.string().describe("the period's deadline (ISO instant)"),
  revision: z.number().int().nullable().describe("the latest revision number: what POST /reports/accept names"),
  latestSubmissionId: z.string().nullable(),
  acceptedSubmissionId: z.string().nullable(),
  firstReceivedAt: z.string().nullable(),
  lastReceivedAt: z.string().nullable(),
  comment: z.string().nullable().describe("the planner's last comment, as the unit sees it"),
  lastAction: BoardLastAction.nullable(),
  contact: Contact.nullable(),
  contactSource: z
    .enum(["this_period", "earlier_period"])
    .nullable()
    .describe("this_period: sent with this report; earlier_period: a missing unit's contact from its last report"),
  contactPeriod: z.string().nullable().describe("the period whose report the contact comes from"),
  emails: z.array(z.string()).describe("the unit's reminder addresses (PUT /units/:unit/reminder-contact)"),
});

export const BoardCounts = z.object({
  total: z.number().int(),
  expected: z.number().int().describe("every unit but the not applicable ones"),
  missing: z.number().int(),
  returned: z.number().int(),
  submitted_late: z.number().int(),
  submitted_on_time: z.number().int(),
  accepted: z.number().int(),
  not_applicable: z.number().int(),
});

export const BoardResponse = z.object({
  period: z.string(),
  group: z.string().nullable(),
  states: z.array(BoardState).describe("the state filter applied (every state when none was asked)"),
  asOf: z.string(),
  phase: z.enum(["upcoming", "open", "due", "late"]),
  deadline: z.string(),
  counts: BoardCounts.describe("over the period and group, before the state filter"),
  units: z.array(BoardUnit).describe("sorted by state (board order), then deadline, then unit code"),
});

// --- review diff ---------------------------------------------------------------------------------------------

export const ReviewDiffQuery = z
  .object({
    against: z
      .enum(["previous-revision", "previous-period"])
      .optional()
      .describe("compare the latest (or `to`) revision with the one before it, or with the previous period's"),
    revision: z.string().regex(/^\d+$/).max(9).optional().describe("compare with this revision number"),
    from: z.string().min(1).max(64).optional().describe("revision number or submission id"),
    to: z.string().min(1).max(64).optional().describe("revision number or submission id; default the latest"),
    basis: z
      .enum(["latest", "accepted"])
      .optional()
      .describe("previous-period only: that period's latest (default) or accepted revision"),
  })
  .strict();

export const TargetSide = z.object({
  figure: z.number().nullable().describe("the figure the rules computed (value, or numerator/denominator ratio)"),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  milestone: z.enum(["not_started", "in_progress", "done"]).nullable(),
  progress: z.enum(["met", "on_track", "at_risk", "off_track", "no_target", "no_data"]).nullable(),
  notApplicable: z.boolean(),
  justification: z.string().nullable(),
});

export const TargetDiff = z.object({
  targetId: z.string(),
  from: TargetSide.nullable().describe("null: the target was not in the older report"),
  to: TargetSide.nullable().describe("null: the target is not in the newer report"),
  changed: z.boolean(),
});

export const RevisionRef = z.object({
  submissionId: z.string(),
  period: z.string(),
  revision: z.number().int(),
  receivedAt: z.string(),
});

// --- bulk accept ---------------------------------------------------------------------------------------------

export const BulkAcceptItem = z
  .object({
    unit: z.string().min(1).max(32),
    period: z.string().min(1).max(16),
    revision: z.number().int().min(1).describe("the revision the planner reviewed; a newer one is a conflict"),
  })
  .strict();

export const BulkAcceptBody = z
  .object({
    items: z.array(BulkAcceptItem).min(1).max(500),
    comment: text(4000).optional().describe("one accept comment for every item (the unit sees it)"),
  })
  .strict();

export const BulkAcceptOutcome = z
  .enum(["accepted", "already_accepted", "conflict", "not_found", "forbidden"])
  .describe(
    "accepted: now accepted and locked; already_accepted: nothing to do; conflict: a newer revision exists (CT_REVIEW_OUT_OF_DATE), nothing changed; not_found: no such unit, period or report; forbidden: reserved for role limits (demo planner tokens), not produced yet",
  );

export const BulkAcceptResult = z.object({
  unit: z.string(),
  period: z.string(),
  revision: z.number().int(),
  outcome: BulkAcceptOutcome,
  latestRevision: z.number().int().nullable().describe("the stored latest revision (null: no report)"),
  status: ReportStatus.nullable(),
  locked: z.boolean().nullable(),
  error: z
    .object({ code: z.string(), message: Bilingual })
    .nullable()
    .describe("why an item was not accepted; null when it was"),
});

export const BulkAcceptResponse = z.object({
  counts: z.object({
    accepted: z.number().int(),
    already_accepted: z.number().int(),
    conflict: z.number().int(),
    not_found: z.number().int(),
    forbidden: z.number().int(),
  }),
  results: z.array(BulkAcceptResult).describe("one per item, in the order sent"),
});

// --- reminders -----------------------------------------------------------------------------------------------

export const ReminderContactBody = z
  .object({
    emails: z.array(z.email().max(254)).max(10).describe("where reminders go; [] stops them for this unit"),
    locale: z.enum(["vi", "en"]).optional().describe("the mail's first language; default the endpoint's"),
  })
  .strict();

export const ReminderContact = z.object({
  unitCode: z.string(),
  emails: z.array(z.string()),
  locale: z.enum(["vi", "en"]).nullable(),
  updatedAt: z.string().nullable(),
});

export const ReminderKind = z.enum(["before", "after"]);

export const RemindersQuery = z.object({ period: z.string().min(1).max(16) }).strict();

export const ReminderRecord = z.object({
  unitCode: z.string(),
  period: z.string(),
  kind: ReminderKind,
  state: z.enum(["claimed", "sent", "failed"]),
  claimedAt: z.string(),
  sentAt: z.string().nullable(),
  recipients: z.array(z.string()),
  error: z.string().nullable(),
});

export const RemindersResponse = z.object({ period: z.string(), reminders: z.array(ReminderRecord) });

export type BoardState = z.infer<typeof BoardState>;
export type BoardQuery = z.infer<typeof BoardQuery>;
export type BoardUnit = z.infer<typeof BoardUnit>;
export type BoardResponse = z.infer<typeof BoardResponse>;
export type ReviewDiffQuery = z.infer<typeof ReviewDiffQuery>;
export type TargetSide = z.infer<typeof TargetSide>;
export type TargetDiff = z.infer<typeof TargetDiff>;
export type BulkAcceptBody = z.infer<typeof BulkAcceptBody>;
export type BulkAcceptResult = z.infer<typeof BulkAcceptResult>;
export type BulkAcceptResponse = z.infer<typeof BulkAcceptResponse>;
export type ReminderContact = z.infer<typeof ReminderContact>;
export type ReminderRecord = z.infer<typeof ReminderRecord>;
export type RemindersResponse = z.infer<typeof RemindersResponse>;
