import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { TASK_SOURCE_STATUS_LABELS, tasksAt, tasksForUnit, tasksToCsv, type Task } from "../../domain";
import {
  queryFlag,
  TaskEditBody,
  TaskImportBody,
  TaskImportResponse,
  TaskListResponse,
  TaskUnitsBody,
} from "../../api";
import { CT_REQUEST_INVALID, CT_TASK_NOT_FOUND, CT_TASKS_INVALID } from "../errors";
import { assertUnitAccess, requireAuth } from "../plugins/auth";
import { assertRealWorld, demoWorld } from "../demo-world";
import { periodAtEdge } from "../periods";
import { attachmentHeader } from "../attachment";
import { auditRow } from "../db/audit";
import { loadTaskRegister } from "../db/tasks";
import { editTaskFrom, planImport, storeVersions } from "../services/tasks";

const Format = z.enum(["json", "csv"]).optional();

/** The key-task register (issue #19): list and export, import from a period on, edit one task, assign units; board. */
export const taskRoutes: FastifyPluginAsyncZod = async (app) => {
  const csvReply = (name: string, csv: string) => ({ name, body: "\ufeff" + csv });

  app.get(
    "/tasks",
    {
      config: { access: "any" },
      schema: {
        summary: "The task register in force in a period (a unit token: its own tasks, with unit=its code)",
        tags: ["tasks"],
        querystring: z
          .object({
            period: z.string().min(1).max(16),
            unit: z.string().max(32).optional(),
            demo: queryFlag().optional(),
            format: Format,
          })
          .strict(),
        response: { 200: TaskListResponse.or(z.string()) },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const q = request.query;
      const period = periodAtEdge(q.period, null);
      if (auth.role === "unit") assertUnitAccess(request, q.unit ?? "");
      const register = await loadTaskRegister(app.store.db);
      if (q.unit && auth.demo) assertUnitAccess(request, q.unit);
      // the classroom's tasks for a demo token, the city's for a real one: the two lists never mix
      const demo = demoWorld(request, q.demo === true);
      const inWorld = (t: Task) => (t.status === "demo") === demo;
      const tasks: Task[] = (
        q.unit ? tasksForUnit(register, q.unit, period).map((t) => t.task) : tasksAt(register, period)
      ).filter(inWorld);
      if (q.format === "csv") {
        const { name, body } = csvReply(`nhiem-vu-${period.id}.csv`, tasksToCsv(tasks, app.reference.registry));
        return reply.type("text/csv; charset=utf-8").header("content-disposition", attachmentHeader(name)).send(body);
      }
      return {
        period: period.id,
        tasks: tasks.map((t) => ({ ...t, statusLabel: TASK_SOURCE_STATUS_LABELS[t.status] })),
      };
    },
  );

  app.put(
    "/tasks",
    {
      config: { access: "planner" },
      schema: {
        summary: "Import a task list (CSV or sheet rows) from a period on; a bad row refuses the whole list",
        tags: ["tasks"],
        body: TaskImportBody,
        response: { 200: TaskImportResponse },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      assertRealWorld(request, "import the task register");
      const body = request.body;
      if ((body.csv === undefined) === (body.rows === undefined)) throw CT_REQUEST_INVALID({ part: "body", count: 1 });
      const period = periodAtEdge(body.from, app.plan);
      const register = await loadTaskRegister(app.store.db);
      const plan = planImport(body, register, app.reference, period);
      if (!plan.result.ok)
        throw CT_TASKS_INVALID({ problems: plan.result.issues.length }, { details: { issues: plan.result.issues } });
      const added = plan.result.rows.length;
      if (body.dryRun) return { added, retired: plan.retired, total: plan.total, dryRun: true };
      const now = app.clock().toISOString();
      await app.writer.write(async (trx) => {
        await storeVersions(trx, plan.versions, auth.tokenId, now);
        await trx
          .insertInto("audit_event")
          .values(
            auditRow("tasks.imported", now, auth.tokenId, { period: period.id }, { added, retired: plan.retired }),
          )
          .execute();
      });
      return { added, retired: plan.retired, total: plan.total, dryRun: false };
    },
  );

  const editOne = async (taskId: string, from: string, changes: Partial<Task>, tokenId: string) => {
    const period = periodAtEdge(from, app.plan);
    const outcome = await editTaskFrom(app.store.db, (work) => app.writer.write(work), app.reference, {
      taskId,
      period,
      changes,
      tokenId,
      now: app.clock().toISOString(),
    });
    if (outcome.kind === "not_found") throw CT_TASK_NOT_FOUND({ taskId, period: period.id });
    if (outcome.kind === "invalid")
      throw CT_TASKS_INVALID({ problems: outcome.issues.length }, { details: { issues: outcome.issues } });
    return { ...outcome.task, statusLabel: TASK_SOURCE_STATUS_LABELS[outcome.task.status] };
  };
  const TaskAnswer = TaskListResponse.shape.tasks.element;

  app.put(
    "/tasks/:id",
    {
      config: { access: "planner" },
      schema: {
        summary: "Edit one task from a period on (a new version; earlier periods keep the one before)",
        tags: ["tasks"],
        params: z.object({ id: z.string().min(1).max(64) }),
        body: TaskEditBody,
        response: { 200: TaskAnswer },
      },
    },
    async (request) => {
      assertRealWorld(request, "edit the task register");
      const { from, ...changes } = request.body;
      return editOne(request.params.id, from, changes as Partial<Task>, requireAuth(request).tokenId);
    },
  );

  app.put(
    "/tasks/:id/units",
    {
      config: { access: "planner" },
      schema: {
        summary: "Assign a task's lead unit and co-units from a period on",
        tags: ["tasks"],
        params: z.object({ id: z.string().min(1).max(64) }),
        body: TaskUnitsBody,
        response: { 200: TaskAnswer },
      },
    },
    async (request) => {
      assertRealWorld(request, "assign a task's units");
      const { from, leadUnitCode, coUnitCodes } = request.body;
      return editOne(request.params.id, from, { leadUnitCode, coUnitCodes }, requireAuth(request).tokenId);
    },
  );
};
