/** A unit's progress on its key tasks as it travels in a submission (`tasks`): one row per task, blank as null. */
import { z } from "zod";
import { TASK_TEXT_LIMIT, type TaskState } from "../domain";
import { text } from "./text";

const STATES = [
  "not_started",
  "on_track",
  "at_risk",
  "late",
  "done",
  "blocked",
] as const satisfies readonly TaskState[];
// the same six as the domain's, in its order (a test compares them)
export const TASK_STATE_CODES: readonly TaskState[] = STATES;

const Text = text(TASK_TEXT_LIMIT).nullable().optional();

export const TaskProgressInput = z
  .object({
    taskId: text(32).min(1),
    state: z.enum(STATES).nullable().optional(),
    percent: z.number().finite().nullable().optional(),
    milestone: Text,
    productDelivered: Text,
    evidence: Text,
    evidenceRef: Text,
    obstacles: Text,
    proposals: Text,
    completedOn: text(32).nullable().optional(),
    justification: Text,
  })
  .strict();

export const TaskProgressList = z
  .array(TaskProgressInput)
  .max(400)
  .describe(
    "progress on every key task the unit leads or co-owns in the period (state, %, milestone, product and evidence, obstacles, proposals, completion date, why late); checked with the register's rules; part of the content",
  );

export type TaskProgressWire = z.infer<typeof TaskProgressInput>;
