/**
 * The key-task register and board (issue #19): /tasks (list, import, edit one task, assign units) and /tasks/board.
 * A task's progress travels inside a unit's submission (`tasks`, see submissions.ts); these routes are the planners'.
 */
import { z } from "zod";
import { Bilingual, text } from "./text";
import { TaskProgressSide } from "./task-progress";

const TaskState = z.enum(["not_started", "on_track", "at_risk", "late", "done", "blocked"]);
const Bottleneck = z.enum(["traffic", "urban_order", "flooding", "pollution", "food_safety"]);

export const TaskSchema = z.object({
  id: z.string(),
  list: z.string(),
  group: z.string(),
  name: Bilingual,
  kind: z.enum(["project", "work", "scheme", "task"]),
  leadUnitCode: z.string().nullable(),
  coUnitCodes: z.array(z.string()),
  leadText: z.string().nullable(),
  focalPerson: z.string().nullable(),
  product: z.string().nullable(),
  deadline: z.string().nullable().describe("2030, 2026-06 or 2026-06-30"),
  milestones: z.array(z.object({ label: z.string(), due: z.string() })),
  linkedTargets: z.array(z.string()),
  bottleneck: Bottleneck.nullable(),
  source: z.string(),
  status: z.enum(["official", "stated", "inferred", "demo"]),
  effectiveFrom: z.string(),
  retiredFrom: z.string().nullable(),
});

export const TaskListResponse = z.object({
  period: z.string().describe("the period whose versions are listed"),
  tasks: z.array(TaskSchema.extend({ statusLabel: Bilingual })),
});

export const TaskImportBody = z
  .object({
    csv: text(5_000_000).min(1).optional().describe("the list as CSV (columns as `chitieu tasks export`)"),
    rows: z
      .array(z.array(text(20_000)).max(60))
      .max(5_000)
      .optional()
      .describe("or the rows of a sheet, header first (an .xlsx read by the client)"),
    from: z.string().describe("the first period the rows hold for, unless a row has its own `from`"),
    list: text(100)
      .min(1)
      .optional()
      .describe("the list the rows belong to unless a row names one (default: official)"),
    retireMissing: z
      .boolean()
      .optional()
      .describe("retire from `from` every task in force that the file does not hold (replace the register)"),
    dryRun: z.boolean().optional().describe("check only: nothing is stored"),
  })
  .strict();

export const TaskImportResponse = z.object({
  added: z.number().int(),
  retired: z.array(z.string()),
  total: z.number().int().describe("tasks followed from `from` on"),
  dryRun: z.boolean(),
});

export const TaskEditBody = z
  .object({
    from: z.string().describe("the first period the change holds for; earlier periods keep the version before"),
    group: text(500).min(1).optional(),
    name: z.object({ vi: text(2000).min(1), en: text(2000) }).optional(),
    kind: z.enum(["project", "work", "scheme", "task"]).optional(),
    focalPerson: text(500).nullable().optional(),
    product: text(4000).nullable().optional(),
    deadline: text(20).nullable().optional(),
    milestones: z
      .array(z.object({ label: text(500).min(1), due: text(20) }))
      .max(50)
      .optional(),
    linkedTargets: z.array(text(16)).max(50).optional(),
    bottleneck: Bottleneck.nullable().optional(),
    leadUnitCode: text(32).nullable().optional(),
    coUnitCodes: z.array(text(32)).max(200).optional(),
    retiredFrom: text(10).nullable().optional(),
  })
  .strict();

export const TaskUnitsBody = z
  .object({
    from: z.string(),
    leadUnitCode: text(32).nullable(),
    coUnitCodes: z.array(text(32)).max(200),
  })
  .strict();

const Counts = z.record(z.string(), z.number().int());
const BoardGroup = z.object({ key: z.string(), label: Bilingual, counts: Counts, taskIds: z.array(z.string()) });

export const TaskBoardResponse = z.object({
  period: z.string(),
  counts: Counts,
  rows: z.array(
    z.object({
      task: TaskSchema,
      leadUnitName: Bilingual.nullable(),
      state: TaskState.nullable(),
      reportedState: TaskState.nullable(),
      progress: TaskProgressSide.nullable(),
      lastUpdate: z.object({ unitCode: z.string(), period: z.string(), receivedAt: z.string() }).nullable(),
      updatedThisPeriod: z.boolean(),
      overdue: z.boolean(),
      unitStates: z.array(
        z.object({ unitCode: z.string(), role: z.enum(["lead", "co"]), state: TaskState.nullable() }),
      ),
      disagreement: z.boolean(),
    }),
  ),
  byGroup: z.array(BoardGroup),
  byLeadUnit: z.array(BoardGroup),
  byBottleneck: z.array(BoardGroup),
  overdue: z.array(z.string()),
  noUpdate: z.array(z.string()),
  disagreements: z.array(z.string()),
  byTarget: z.array(z.object({ targetId: z.string(), name: Bilingual, taskIds: z.array(z.string()) })),
});

export type TaskListResponse = z.infer<typeof TaskListResponse>;
export type TaskImportResponse = z.infer<typeof TaskImportResponse>;
export type TaskBoardResponse = z.infer<typeof TaskBoardResponse>;
