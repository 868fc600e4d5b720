/** The demo classroom (issue 20): populate it with a realistic quarter (POST /demo/populate). */
import { z } from "zod";

export const DemoPopulateBody = z
  .object({
    units: z.number().int().min(2).max(30).optional().describe("how many demo units (default 12)"),
    seed: z.number().int().min(0).max(2_147_483_647).optional().describe("the same seed gives the same classroom"),
    period: z
      .string()
      .max(16)
      .optional()
      .describe("the quarter under review (default: the latest ended); the quarter before is filled too"),
  })
  .strict();

export const ClassroomFate = z.enum(["on_time", "late", "missing", "returned", "accepted"]);

export const DemoPopulateResponse = z.object({
  unitCodes: z.array(z.string()),
  periods: z.array(z.string()),
  seed: z.number().int(),
  /** the classroom's counter: it changes at every reset and populate, so a pane knows its receipts are gone */
  epoch: z.number().int(),
  reports: z.array(
    z.object({
      unitCode: z.string(),
      period: z.string(),
      fate: ClassroomFate,
      onTime: z.boolean().nullable(),
      shows: z.array(z.string()),
    }),
  ),
});

export type DemoPopulateBody = z.infer<typeof DemoPopulateBody>;
export type DemoPopulateResponse = z.infer<typeof DemoPopulateResponse>;
