/** A target's figure period by period: GET /series (the domain's buildSeries over stored submissions). */
import { z } from "zod";

export const SeriesQuery = z
  .object({
    target: z.string().min(1).max(16).describe("a target id of the catalog, e.g. U13"),
    unit: z.string().max(32).optional().describe("one unit's series (a unit token may only ask for its own)"),
    group: z.string().max(64).optional().describe("a group's series (wards, communes, departments…); planners only"),
    from: z.string().min(1).max(16).describe("first period: 2026-01, 2026-Q1, 2026-H1 or 2026"),
    to: z.string().min(1).max(16).describe("last period, of the same kind as from; at most 120 periods"),
    basis: z.enum(["latest", "accepted"]).optional(),
    format: z.enum(["json", "csv"]).optional(),
    demo: z
      .enum(["true", "false"])
      .transform((v) => v === "true")
      .optional()
      .describe("the demo group's series (training) instead of the real units'; a demo token always gets it"),
  })
  .strict();

const PointState = z.enum(["value", "missing", "not_applicable", "not_due"]);
const Progress = z.enum(["met", "on_track", "at_risk", "off_track", "no_target", "no_data"]);

const Change = z.object({
  periodId: z.string(),
  state: z.union([PointState, z.literal("outside")]),
  delta: z.number().nullable(),
  percent: z.number().nullable(),
  better: z.boolean().nullable(),
  complete: z.boolean(),
});

const Pace = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("value"),
    year: z.number().int(),
    target: z.number(),
    direction: z.enum([">=", ">", "<=", "<", "done_by"]),
    basis: z.enum(["ytd", "level"]),
    months: z.number(),
    expected: z.number(),
    compared: z.number().nullable(),
    progress: Progress.nullable(),
  }),
  z.object({ kind: z.literal("deadline"), year: z.number().int(), date: z.string(), progress: Progress.nullable() }),
  z.object({
    kind: z.literal("no_target"),
    year: z.number().int(),
    termTarget: z.union([z.number(), z.string()]).nullable(),
  }),
  z.object({ kind: z.literal("city_total"), year: z.number().int() }),
]);

export const SeriesPoint = z.object({
  periodId: z.string(),
  state: PointState.describe("only value carries a figure; missing, not_applicable and not_due are never 0"),
  notDue: z.enum(["cadence", "not_ended"]).nullable(),
  figure: z.number().nullable(),
  numeratorSum: z.number().nullable(),
  denominatorSum: z.number().nullable(),
  milestone: z.enum(["not_started", "in_progress", "done"]).nullable(),
  unitsExpected: z.number().int(),
  unitsIncluded: z.number().int(),
  unitsMissing: z.array(z.string()),
  unitsNotApplicable: z.array(z.string()),
  complete: z.boolean(),
  ytd: z.object({
    figure: z.number().nullable(),
    known: z.number().nullable(),
    complete: z.boolean(),
    gaps: z.array(z.string()),
    periods: z.number().int(),
  }),
  pace: Pace,
  change: z.object({ previous: Change, yearAgo: Change }),
});

export const SeriesResponse = z.object({
  targetId: z.string(),
  scope: z.enum(["city", "unit", "group"]),
  unit: z.string().nullable(),
  group: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  basis: z.enum(["latest", "accepted"]),
  unitCodes: z.array(z.string()).nullable(),
  points: z.array(SeriesPoint),
});

export type SeriesQuery = z.infer<typeof SeriesQuery>;
export type SeriesResponse = z.infer<typeof SeriesResponse>;
