import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { TrendQuery, TrendResponse } from "../../api";
import { CT_UNIT_FORBIDDEN } from "../errors";
import { assertUnitAccess, requireAuth } from "../plugins/auth";
import { trendOf } from "../services/trends";

/**
 * The consolidation over a range of periods (GET /consolidation/range): every target's series for the city, a group
 * or one unit, and every unit's own figures per period. A unit token sees only its own unit's (unit=its code); planners
 * any unit, group or the city.
 */
export const trendRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/consolidation/range",
    {
      schema: {
        summary: "Every target's series over a range for the city, a group or a unit, with each unit's own figures",
        description:
          "from/to of one kind (month, quarter, half, year), at most 120 periods; unit=CODE or group=NAME (neither: the city). Each target's points are those of GET /series (state value|missing|not_applicable|not_due: only value has a figure, never 0). units=false leaves out the units' own figures.",
        tags: ["planner"],
        querystring: TrendQuery,
        response: { 200: TrendResponse },
      },
    },
    async (request) => {
      const q = request.query;
      const auth = requireAuth(request);
      // access first: a unit token learns nothing about another unit, a group or the city
      if (auth.role === "unit") {
        if (!q.unit) throw CT_UNIT_FORBIDDEN({ tokenUnit: auth.unitCode ?? "?", unitCode: q.group ?? "city" });
        assertUnitAccess(request, q.unit);
      }
      const basis = q.basis ?? "latest";
      const trend = await trendOf(app, {
        from: q.from,
        to: q.to,
        basis,
        units: q.units !== false,
        includeDemo: q.demo === true,
        ...(q.unit ? { unit: q.unit } : {}),
        ...(q.group ? { group: q.group } : {}),
      });
      return {
        ...trend,
        unit: q.unit ?? null,
        basis,
        catalogVersion: app.reference.currentCatalog.version,
      };
    },
  );
};
