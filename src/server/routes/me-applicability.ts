import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { MeApplicabilityQuery, MeApplicabilityResponse } from "../../api";
import { unitApplicability } from "../../domain/rules/applicability-view";
import { CT_REQUEST_INVALID, CT_UNIT_UNKNOWN } from "../errors";
import { assertUnitAccess, requireAuth } from "../plugins/auth";
import { periodAtEdge } from "../periods";

/**
 * The calling unit's reporting model for a period (issue #14): which targets apply and from where, "always required",
 * what the period's report asks for, and the target its figure is held against. A unit token sees only its own unit;
 * a planner names one (`unit=`), as the planner's applicability editor does.
 */
export const meApplicabilityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/me/applicability",
    {
      schema: {
        summary:
          "The unit's targets for a period: applies or not, from where, always required, the target that applies",
        tags: ["access"],
        querystring: MeApplicabilityQuery,
        response: { 200: MeApplicabilityResponse },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      const q = request.query;
      const unitCode = q.unit ?? auth.unitCode;
      if (!unitCode) throw CT_REQUEST_INVALID({ part: "querystring (unit)", count: 1 });
      assertUnitAccess(request, unitCode);
      const period = periodAtEdge(q.period, null);
      const ref = app.reference;
      const unit = ref.registry.byCode(unitCode);
      if (!unit) throw CT_UNIT_UNKNOWN({ unitCode });
      const catalog = ref.currentCatalog;
      const table = ref.applicability;
      return {
        unitCode: unit.code,
        period: period.id,
        catalogVersion: catalog.version,
        targets: unitApplicability(catalog, unit, period, table, ref.unitTargets),
        choices: table.entries.filter((e) => e.unitCode === unit.code).map((e) => ({ ...e, note: e.note ?? null })),
        assigned: ref.unitTargets.entries.filter((e) => e.unitCode === unit.code && e.year === period.year),
      };
    },
  );
};
