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

// --- in the planner's report view and the review diff ----------------------------------------------------------

const Progress = {
  percent: z.number().nullable(),
  milestone: z.string().nullable(),
  productDelivered: z.string().nullable(),
  evidence: z.string().nullable(),
  evidenceRef: z.string().nullable(),
  obstacles: z.string().nullable(),
  proposals: z.string().nullable(),
  completedOn: z.string().nullable(),
  justification: z.string().nullable(),
};

/** One task as sent with a revision: the fields the clerk typed (blank as null); also a task board row's progress. */
export const TaskProgressSide = z.object({
  taskId: z.string(),
  state: z.enum(STATES).nullable(),
  ...Progress,
});

/** One task of the unit's in the report the planner reads: the register's facts beside what the unit reported. */
export const ReportTaskProgress = z.object({
  taskId: z.string(),
  name: z
    .object({ vi: z.string(), en: z.string() })
    .nullable()
    .describe("null: the task is no longer in the register for this period"),
  role: z.enum(["lead", "co"]).nullable().describe("how the unit stands toward the task (null: not its own now)"),
  deadline: z.string().nullable().describe('"2026", "2026-06" or "2026-06-30", as the register gives it'),
  product: z.string().nullable().describe("the deliverable the register names"),
  reported: z.boolean().describe("the revision carries a row for the task"),
  reportedState: z.enum(STATES).nullable().describe("the state as typed"),
  state: z
    .enum(STATES)
    .nullable()
    .describe("the state that counts: late for a task past its deadline at the period's end and not done"),
  late: z.boolean().describe("past its deadline at the period's end and not done"),
  ...Progress,
});

export const TaskProgressChange = z.object({
  taskId: z.string(),
  fields: z.array(z.string()).describe("the fields that changed (state, percent, milestone, …)"),
  from: TaskProgressSide.nullable().describe("null: the task was not in the older report"),
  to: TaskProgressSide.nullable().describe("null: the task is not in the newer report"),
});

export type ReportTaskProgress = z.infer<typeof ReportTaskProgress>;
export type TaskProgressSide = z.infer<typeof TaskProgressSide>;
export type TaskProgressChange = z.infer<typeof TaskProgressChange>;
