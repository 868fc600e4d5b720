/** The admin's resources: access tokens (/admin/tokens), the demo classroom's reset (POST /demo/reset) and the
 * applicability table (issue #14, /applicability). */
import { z } from "zod";
import { text } from "./text";

export const TokenInfo = z.object({
  id: z.string(),
  role: z.enum(["unit", "planner", "admin"]),
  unitCode: z.string().nullable(),
  label: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  expiresAt: z.string().nullable().describe("refused from this time on; null = never"),
  demo: z.boolean().optional().describe("a demo token (the classroom's): it reaches demo units only"),
});

export const IssueTokenBody = z
  .object({
    role: z.enum(["unit", "planner", "admin"]),
    unitCode: text(32).min(1).optional(),
    label: text(200).optional(),
    expiresInDays: z
      .number()
      .int()
      .min(1)
      .max(3650)
      .nullable()
      .optional()
      .describe("days until the token expires (default 365); null = never"),
    demo: z.boolean().optional().describe("a demo (classroom) planner token: it reaches demo units only"),
  })
  .strict();

export const IssuedToken = TokenInfo.extend({ token: z.string().describe("shown once; only its hash is stored") });

export const DemoResetResponse = z.object({
  unitCodes: z.array(z.string()),
  deleted: z.object({ submissions: z.number().int(), reports: z.number().int(), events: z.number().int() }),
  epoch: z.number().int().optional().describe("the classroom's counter after the reset (a pane compares it)"),
});

export const ApplicabilityEntry = z.object({
  unitCode: z.string(),
  targetId: z.string(),
  state: z.enum(["applies", "not_applicable", "always_required"]),
  from: z.string().describe("the first period the choice holds for: 2026-01, 2026-Q1, 2026-H1, 2026"),
  note: z.string().nullable().optional(),
});

export const ApplicabilityResponse = z.object({ entries: z.array(ApplicabilityEntry) });

export const ApplicabilityImportBody = z
  .object({
    csv: text(2_000_000)
      .min(1)
      .optional()
      .describe("the table as CSV: unit_code, target_id, state, from, note (as `chitieu applicability export`)"),
    entries: z.array(ApplicabilityEntry).max(20_000).optional().describe("or the choices as JSON"),
  })
  .strict();

export const ApplicabilityImportResponse = z.object({ added: z.number().int(), total: z.number().int() });

export type TokenInfo = z.infer<typeof TokenInfo>;
export type IssuedToken = z.infer<typeof IssuedToken>;
export type DemoResetResponse = z.infer<typeof DemoResetResponse>;
export type ApplicabilityResponse = z.infer<typeof ApplicabilityResponse>;
export type ApplicabilityImportResponse = z.infer<typeof ApplicabilityImportResponse>;
