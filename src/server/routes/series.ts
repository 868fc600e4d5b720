import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { SeriesQuery, SeriesResponse } from "../../api";
import { CT_UNIT_FORBIDDEN } from "../errors";
import { assertUnitAccess, requireAuth } from "../plugins/auth";
import { attachmentHeader } from "../attachment";
import { demoWorld } from "../demo-world";
import { seriesCsv, seriesOf } from "../services/series";

/**
 * A target's figure period by period for a unit, a group or the city (GET /series, JSON or CSV). A unit token sees
 * only its own unit's series; planners any unit, group or the city (neither unit nor group).
 */
export const seriesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/series",
    {
      schema: {
        summary: "A target's figure per period over a range, with year to date, pace and change (format=json|csv)",
        description:
          "unit=CODE or group=NAME (neither: the city); from/to of one kind (month, quarter, half, year), at most 120 periods. State value|missing|not_applicable|not_due: only value has a figure, never 0. CSV (format=csv or Accept: text/csv): UTF-8 with BOM, one row per period, the figure empty unless the state is value.",
        tags: ["planner"],
        querystring: SeriesQuery,
        response: { 200: SeriesResponse },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const auth = requireAuth(request);
      // access first: a unit token learns nothing about another unit, a group or the city
      if (auth.role === "unit" && !q.unit)
        throw CT_UNIT_FORBIDDEN({ tokenUnit: auth.unitCode ?? "?", unitCode: q.group ?? "city" });
      // a unit's series: its own for a unit token, a demo unit's for any demo token
      if (q.unit) assertUnitAccess(request, q.unit);
      const basis = q.basis ?? "latest";
      const series = await seriesOf(app, {
        targetId: q.target,
        from: q.from,
        to: q.to,
        basis,
        ...(q.unit ? { unit: q.unit } : {}),
        ...(q.group ? { group: q.group } : {}),
        onlyDemo: demoWorld(request, q.demo === true),
      });
      const csv = q.format === "csv" || (q.format === undefined && /\btext\/csv\b/i.test(request.headers.accept ?? ""));
      if (csv) {
        const stem = `chitieu-series-${series.targetId}-${q.unit ?? q.group ?? "city"}-${q.from}-${q.to}`;
        return reply
          .type("text/csv; charset=utf-8")
          .header("content-disposition", attachmentHeader(`${stem}.csv`))
          .send(seriesCsv(series, q.unit ?? q.group ?? null) as never);
      }
      return {
        targetId: series.targetId,
        scope: series.scope,
        unit: q.unit ?? null,
        group: q.group ?? null,
        from: q.from,
        to: q.to,
        basis,
        unitCodes: series.unitCodes,
        points: series.points,
      };
    },
  );
};
