/** The planner's views of a period: GET /completeness (who has reported) and GET /consolidation (the city's
 * figures and the unit-by-target matrix). */
import { z } from "zod";
import { YearTarget } from "./catalog";
import { ParsedEntry } from "./reports";
import { Contact, ReportStatus } from "./submissions";
import { TaskBoardResponse } from "./tasks";
import { Narrative } from "./narrative";
import { Bilingual, queryFlag } from "./text";

const Flag = queryFlag();

export const CompletenessQuery = z
  .object({
    period: z.string().min(1).max(16),
    group: z.string().max(64).optional(),
    demo: Flag.optional().describe(
      "the demo group alone (training) instead of the real units; a demo token always gets it",
    ),
    asOf: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

export const CompletenessUnit = z.object({
  unitCode: z.string(),
  unitName: Bilingual,
  kind: z.string(),
  demo: z.boolean(),
  state: z.enum(["missing", "submitted", "returned", "accepted"]),
  onTime: z.boolean().nullable(),
  late: z.boolean(),
  locked: z.boolean(),
  revision: z.number().int().nullable(),
  firstReceivedAt: z.string().nullable(),
  lastReceivedAt: z.string().nullable(),
  comment: z.string().nullable(),
  contact: Contact.nullable().describe("the unit sheet's contact sent with the latest revision (null: none sent)"),
});

export const CompletenessResponse = z.object({
  period: z.string(),
  group: z.string().nullable(),
  asOf: z.string(),
  phase: z.enum(["upcoming", "open", "due", "late"]),
  deadline: z.string(),
  counts: z.object({
    expected: z.number().int(),
    submitted: z.number().int(),
    onTime: z.number().int(),
    late: z.number().int(),
    missing: z.number().int(),
    returned: z.number().int(),
    accepted: z.number().int(),
  }),
  units: z.array(CompletenessUnit),
});

export const ConsolidationQuery = z
  .object({
    period: z.string().min(1).max(16),
    group: z.string().max(64).optional(),
    basis: z.enum(["latest", "accepted"]).optional(),
    demo: Flag.optional(),
    format: z.enum(["json", "csv", "dhis2"]).optional(),
  })
  .strict();

export const CityFigure = z.object({
  targetId: z.string(),
  aggregation: z.enum(["sum", "ratio_of_sums", "city_only", "none"]),
  value: z.number().nullable(),
  numeratorSum: z.number().nullable(),
  denominatorSum: z.number().nullable(),
  milestone: z.enum(["not_started", "in_progress", "done"]).nullable(),
  unitsExpected: z.array(z.string()),
  unitsIncluded: z.array(z.string()),
  unitsMissing: z.array(z.string()),
  unitsNotApplicable: z.array(z.string()).optional().describe('units that answered "not applicable" (never 0)'),
  progress: z.enum(["met", "on_track", "at_risk", "off_track", "no_target", "no_data"]),
  target: YearTarget,
});

export const ConsolidationResponse = z.object({
  period: z.string(),
  group: z.string().nullable(),
  basis: z.enum(["latest", "accepted"]),
  catalogVersion: z.string(),
  unitsExpected: z.array(z.string()),
  unitsIncluded: z.array(z.string()),
  unitsMissing: z.array(z.string()),
  matrix: z.array(
    z.object({
      unitCode: z.string(),
      unitName: Bilingual,
      submissionId: z.string(),
      revision: z.number().int(),
      status: ReportStatus,
      contact: Contact.nullable().describe("the unit sheet's contact sent with this revision (null: none sent)"),
      narrative: Narrative.nullable().optional().describe("the narrative sent with this revision (null: none written)"),
      entries: z.array(ParsedEntry),
    }),
  ),
  figures: z.array(CityFigure),
  tasks: TaskBoardResponse.optional().describe(
    "the period's key-task board on the same basis (GET /tasks/board's shape): with a group, only the tasks its units lead or co-own; absent from an endpoint older than issue 19",
  ),
});

export type CompletenessResponse = z.infer<typeof CompletenessResponse>;
export type ConsolidationResponse = z.infer<typeof ConsolidationResponse>;
