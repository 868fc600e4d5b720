import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { DEMO_PERIOD_ID, periodLabel, reportablePeriods } from "../../domain";
import { PeriodsQuery, PeriodsResponse } from "../../api";

/** The periods a unit may report on a day: due first, then open, late, upcoming — with their deadlines. */
export const periodRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/periods",
    {
      config: { access: "public" },
      schema: {
        summary: "Open, due and late reporting periods",
        tags: ["periods"],
        querystring: PeriodsQuery,
        response: { 200: PeriodsResponse },
      },
    },
    async (request) => {
      const asOf = request.query.asOf ? new Date(request.query.asOf) : app.clock();
      return {
        asOf: asOf.toISOString(),
        periods: reportablePeriods(asOf).map(({ period, phase, window }) => ({
          id: period.id,
          kind: period.kind,
          phase,
          label: { vi: periodLabel(period, "vi"), en: periodLabel(period, "en") },
          dataStart: window.dataStart,
          dataEnd: window.dataEnd,
          deadline: window.deadline,
          demo: period.id === DEMO_PERIOD_ID,
        })),
      };
    },
  );
};
