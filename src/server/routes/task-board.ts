import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { queryFlag } from "../../api";
import { boardTable } from "../../domain";
import { toCsv } from "../../domain/catalog/csv";
import { TaskBoardResponse } from "../../api";
import { demoWorld } from "../demo-world";
import { periodAtEdge } from "../periods";
import { attachmentHeader } from "../attachment";
import { boardFor } from "../services/tasks";
import { neutraliseCell } from "../services/export-format";

/** The planner's task board of a period (issue #19): JSON, or CSV with one row per task. */
export const taskBoardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/tasks/board",
    {
      config: { access: "planner" },
      schema: {
        summary: "The task board of a period: state, product, last update; groups; overdue, not updated, disagreeing",
        tags: ["tasks"],
        querystring: z
          .object({
            period: z.string().min(1).max(16),
            basis: z.enum(["latest", "accepted"]).optional(),
            demo: queryFlag().optional(),
            format: z.enum(["json", "csv"]).optional(),
            lang: z.enum(["vi", "en"]).optional(),
          })
          .strict(),
        response: { 200: TaskBoardResponse.or(z.string()) },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const period = periodAtEdge(q.period, null);
      const board = await boardFor(app.store.db, app.reference, period, {
        basis: q.basis ?? "latest",
        // the classroom is a world of its own: a demo token, or demo=true, gives the demo tasks and units alone
        includeDemo: false,
        onlyDemo: demoWorld(request, q.demo === true),
        fromYear: app.plan.from,
      });
      if (q.format === "csv") {
        const { header, rows } = boardTable(board, q.lang ?? "vi");
        const text = toCsv([
          header,
          ...rows.map((r) => r.map((c) => (typeof c === "number" ? String(c) : neutraliseCell(c ?? "")))),
        ]);
        const name = `bang-nhiem-vu-${period.id}.csv`;
        const body = "\ufeff" + text;
        return reply.type("text/csv; charset=utf-8").header("content-disposition", attachmentHeader(name)).send(body);
      }
      return board;
    },
  );
};
