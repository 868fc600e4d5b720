/**
 * One unit's reporting model for a period (GET /me/applicability, issue #14): per target, whether it applies and from
 * where, "always required", whether the period's report asks for it, and the target the unit's figure is held
 * against (its own assigned one with the decision, the city's, or none). Also the unit's own planner choices and
 * assigned targets, so a client builds the same template and checks as the endpoint (domain reportScope/validate).
 */
import { z } from "zod";
import { Bilingual } from "./text";
import { ApplicabilityEntry } from "./admin";

export const MeApplicabilityQuery = z
  .object({
    period: z.string().min(1).max(16).describe("2026-01, 2026-Q1, 2026-H1 or 2026"),
    unit: z.string().min(1).max(32).optional().describe("planners: the unit to show; a unit token sees only itself"),
  })
  .strict();

const Direction = z.enum([">=", ">", "<=", "<", "done_by"]);

export const AppliedTarget = z.object({
  source: z.enum(["assigned", "city", "none"]).describe("the unit's own target, the city's, or no target set"),
  value: z.union([z.number(), z.string()]).nullable().describe("a number, or an ISO date for a milestone"),
  direction: Direction.nullable(),
  decision: z.string().nullable().describe("the decision assigning the unit's own target (5969/QĐ-UBND)"),
  judged: z.boolean().describe("false: a count without its own target, judged only in the city total"),
  text: Bilingual,
});

export const TargetApplicabilityRow = z.object({
  targetId: z.string(),
  applies: z.boolean(),
  due: z.boolean().describe("applies and due in the period: the report asks for it"),
  source: z.enum(["catalog", "planner"]).describe("the catalog's applies_to by unit kind, or a planner's choice"),
  alwaysRequired: z.boolean().describe('"not applicable" is refused'),
  from: z.string().nullable().describe("the planner choice's first period"),
  note: z.string().nullable(),
  target: AppliedTarget,
});

export const AssignedTargetRow = z.object({
  unitCode: z.string(),
  targetId: z.string(),
  year: z.number().int(),
  value: z.union([z.number(), z.string()]),
  direction: Direction.nullable(),
  decision: z.string(),
});

export const MeApplicabilityResponse = z.object({
  unitCode: z.string(),
  period: z.string(),
  catalogVersion: z.string(),
  targets: z.array(TargetApplicabilityRow),
  choices: z.array(ApplicabilityEntry).describe("the unit's planner choices, every period"),
  assigned: z.array(AssignedTargetRow).describe("the unit's assigned targets for the period's year"),
});

export type MeApplicabilityQuery = z.infer<typeof MeApplicabilityQuery>;
export type MeApplicabilityResponse = z.infer<typeof MeApplicabilityResponse>;
export type TargetApplicabilityRow = z.infer<typeof TargetApplicabilityRow>;
