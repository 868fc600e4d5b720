import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { periodAtEdge } from "../periods";
import { attachmentHeader } from "../attachment";
import { CompletenessQuery, CompletenessResponse, ConsolidationQuery, ConsolidationResponse } from "../../api";
import { completeness, planConsolidation } from "../services/consolidation";
import { exportStream } from "../services/consolidation-stream";
import { worldSelection } from "../demo-world";

/** Planner views over all units: completeness and timeliness, and consolidation with its exports. */
export const plannerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/completeness",
    {
      config: { access: "planner" },
      schema: {
        summary: "Expected, submitted, on time, late, missing, returned and accepted units for a period",
        tags: ["planner"],
        querystring: CompletenessQuery,
        response: { 200: CompletenessResponse },
      },
    },
    async (request) => {
      const period = periodAtEdge(request.query.period, null);
      const asOf = request.query.asOf ? new Date(request.query.asOf) : app.clock();
      const world = worldSelection(request, request.query.demo === true);
      return completeness(app, period, { group: request.query.group, ...world }, asOf);
    },
  );

  app.get(
    "/consolidation",
    {
      config: { access: "planner" },
      schema: {
        summary: "Unit × target matrix and city figures for a period (format=json|csv|dhis2)",
        description:
          "basis=latest (default) uses each unit's latest revision; basis=accepted only accepted revisions. format=csv: UTF-8 with BOM, one row per unit × target then one city row per target, formula-looking text neutralised with a leading apostrophe. format=dhis2: a DHIS2 dataValueSets document.",
        tags: ["planner"],
        querystring: ConsolidationQuery,
        response: { 200: ConsolidationResponse },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const period = periodAtEdge(q.period, null);
      const plan = await planConsolidation(
        app,
        period,
        { group: q.group, ...worldSelection(request, q.demo === true) },
        q.basis ?? "latest",
      );
      // streamed one unit at a time, with the event loop handed back between units (consolidation-stream.ts)
      const body = exportStream(plan, q.format ?? "json", app.reference.currentCatalog, period);
      const stem = `chitieu-${period.id}${q.group ? `-${q.group}` : ""}`;
      if (q.format === "csv") {
        return reply
          .type("text/csv; charset=utf-8")
          .header("content-disposition", attachmentHeader(`${stem}.csv`))
          .send(body as never);
      }
      if (q.format === "dhis2") {
        return reply
          .type("application/json; charset=utf-8")
          .header("content-disposition", attachmentHeader(`${stem}-dhis2.json`))
          .send(body as never);
      }
      return reply.type("application/json; charset=utf-8").send(body as never);
    },
  );
};
