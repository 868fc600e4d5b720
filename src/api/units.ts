/** Who reports: the reporting units (GET /units, the admin's PUT /admin/units/:code), the periods (GET /periods)
 * and the caller's own token (GET /me). */
import { z } from "zod";
import { parsePeriod } from "../domain";
import { Bilingual, bilingualError, text } from "./text";

export const Unit = z.object({
  code: z.string(),
  kind: z.enum(["ward", "commune", "department", "city"]),
  name: Bilingual,
  targetIds: z.array(z.string()),
  toConfirm: z.boolean(),
  demo: z.boolean(),
  groups: z.array(z.string()),
  retiredFrom: z
    .string()
    .nullable()
    .describe("the first period the unit no longer reports for (retired, never deleted); null while it reports"),
});

/**
 * A period id ("2026-07", "2026-Q3", "2026-H2", "2027") for `retiredFrom`. Whatever is wrong with it (not text, too
 * long, not a period), the one message names the field and the forms it takes.
 */
function retiredFromError(issue: { input?: unknown }): string {
  const sent = ["string", "number", "boolean"].includes(typeof issue.input) ? String(issue.input) : "";
  return bilingualError({
    vi: `Trường retiredFrom (kỳ đầu tiên đơn vị thôi báo cáo) “${sent}” không phải là kỳ báo cáo: dùng dạng 2026-07 (tháng), 2026-Q3 (quý), 2026-H2 (6 tháng) hoặc 2027 (năm), hoặc null để đơn vị báo cáo trở lại`,
    en: `Field retiredFrom (the first period the unit no longer reports for) “${sent}” is not a reporting period: write 2026-07 (month), 2026-Q3 (quarter), 2026-H2 (half) or 2027 (year), or null to bring the unit back`,
  });
}

const RetiredFrom = z
  .string({ error: retiredFromError })
  .max(16, { error: retiredFromError })
  .refine((id) => parsePeriod(id) !== null, { error: retiredFromError });

export const UnitBody = z
  .object({
    kind: z.enum(["ward", "commune", "department", "city"]),
    name: z.object({ vi: text(200).min(1), en: text(200).min(1) }).strict(),
    targetIds: z.array(text(32).min(1)).max(100).default([]),
    toConfirm: z.boolean().default(false),
    demo: z.boolean().optional(),
    groups: z.array(text(64).min(1)).max(20).default([]),
    retiredFrom: RetiredFrom.nullable()
      .optional()
      .describe(
        "retire the unit from this period on (it is never deleted: its reports stay, earlier periods still expect it); null brings it back; absent keeps it as it is",
      ),
  })
  .strict();

export const UnitsQuery = z
  .object({
    group: z.string().max(64).optional(),
    q: z.string().max(100).optional().describe("search by name (tone-insensitive) or code"),
  })
  .strict();

export const UnitsResponse = z.object({ units: z.array(Unit.extend({ targetCount: z.number().int() })) });

export const PeriodsQuery = z
  .object({
    asOf: z.iso.datetime({ offset: true }).or(z.iso.date()).optional().describe("ISO date or date-time; default now"),
  })
  .strict();

export const PeriodInfo = z.object({
  id: z.string(),
  kind: z.enum(["month", "quarter", "half", "year"]),
  phase: z.enum(["upcoming", "open", "due", "late"]),
  label: Bilingual,
  dataStart: z.string(),
  dataEnd: z.string(),
  deadline: z.string(),
  demo: z.boolean(),
});

export const PeriodsResponse = z.object({ asOf: z.string(), periods: z.array(PeriodInfo) });

export const MeResponse = z.object({
  tokenId: z.string(),
  role: z.enum(["unit", "planner", "admin"]),
  label: z.string(),
  unit: Unit.nullable(),
  demo: z.boolean(),
  expiresAt: z.string().nullable().describe("when this token stops working (the pane warns before); null = never"),
  demoEpoch: z
    .number()
    .int()
    .optional()
    .describe(
      "demo tokens: the classroom's counter, changed by every reset and populate (a pane's receipts of an older one are gone)",
    ),
});

export type UnitWire = z.infer<typeof Unit>;
export type UnitBody = z.infer<typeof UnitBody>;
export type UnitsResponse = z.infer<typeof UnitsResponse>;
export type PeriodInfo = z.infer<typeof PeriodInfo>;
export type PeriodsResponse = z.infer<typeof PeriodsResponse>;
export type MeResponse = z.infer<typeof MeResponse>;
