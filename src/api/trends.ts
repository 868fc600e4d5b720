/**
 * The consolidation over a range of periods: GET /consolidation/range — the series of every target for the city, a
 * unit group or one unit, and (for the city and a group) every unit's own figures per period. What the trend workbook
 * and the monthly brief are built from, on the endpoint and from files alike.
 */
import { z } from "zod";
import { queryFlag } from "./text";
import { SeriesPoint } from "./series";

const Flag = queryFlag();

export const TrendQuery = z
  .object({
    from: z.string().min(1).max(16).describe("first period: 2026-01, 2026-Q1, 2026-H1 or 2026"),
    to: z.string().min(1).max(16).describe("last period, of the same kind as from; at most 120 periods"),
    unit: z.string().max(32).optional().describe("one unit's trend (a unit token may only ask for its own)"),
    group: z.string().max(64).optional().describe("a unit group (wards, communes, departments…); planners only"),
    basis: z.enum(["latest", "accepted"]).optional(),
    units: Flag.optional().describe("every unit's own figures per period too (default true; city and group only)"),
    demo: Flag.optional().describe("include demo units (training); default false"),
  })
  .strict();

const PointState = z.enum(["value", "missing", "not_applicable", "not_due"]);

export const TrendTarget = z.object({
  targetId: z.string(),
  scope: z.enum(["city", "unit", "group"]),
  unitCodes: z.array(z.string()).nullable(),
  points: z.array(SeriesPoint),
});

export const UnitTrack = z.object({
  unitCode: z.string(),
  targetId: z.string(),
  states: z.array(PointState).describe("one per period of `periods`"),
  figures: z.array(z.number().nullable()).describe("one per period; null unless the state is value — never 0"),
});

export const TrendResponse = z.object({
  from: z.string(),
  to: z.string(),
  periods: z.array(z.string()),
  scope: z.enum(["city", "unit", "group"]),
  unit: z.string().nullable(),
  group: z.string().nullable(),
  basis: z.enum(["latest", "accepted"]),
  catalogVersion: z.string(),
  targets: z.array(TrendTarget),
  units: z.array(UnitTrack),
});

export type TrendQuery = z.infer<typeof TrendQuery>;
export type TrendResponse = z.infer<typeof TrendResponse>;
