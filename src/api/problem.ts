/**
 * How every refusal leaves the endpoint: application/problem+json with a catalogue code (src/server/errors.ts) and a
 * message in Vietnamese and English; `issues` for a refused request or report, `details` for the code's parameters.
 */
import { z } from "zod";
import { Bilingual } from "./text";

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  code: z.string(),
  status: z.number().int(),
  message: Bilingual,
  issues: z.array(z.unknown()).optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});

export type Problem = z.infer<typeof Problem>;

/**
 * What a client needs from a refusal: its code and message. Looser than `Problem` (type, title and status may be
 * absent), so a proxy's or an older endpoint's problem answer still reads.
 */
export const ProblemAnswer = z.object({
  code: z.string(),
  message: Bilingual,
  issues: z.array(z.unknown()).optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});

export type ProblemAnswer = z.infer<typeof ProblemAnswer>;
