import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { UnitsQuery, UnitsResponse } from "../../api";

/**
 * The reporting units (wards, communes, departments, the city unit, demo units), by group or by search — retired
 * units too, with the period they are retired from (their earlier reports stay readable).
 */
export const unitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/units",
    {
      config: { access: "public" },
      schema: {
        summary: "Reporting units",
        tags: ["units"],
        querystring: UnitsQuery,
        response: { 200: UnitsResponse },
      },
    },
    async (request) => {
      const { group, q } = request.query;
      const registry = app.reference.registry;
      const catalog = app.reference.currentCatalog;
      let units = q ? registry.search(q) : registry.all();
      if (group) units = units.filter((u) => u.groups.includes(group));
      return {
        units: units.map((u) => ({
          ...u,
          retiredFrom: u.retiredFrom ?? null,
          targetCount: registry.targetsFor(catalog, u.code).length,
        })),
      };
    },
  );
};
