import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { CT_CATALOG_NOT_FOUND } from "../errors";
import { Catalog, CatalogVersionParams } from "../../api";

/** The target catalog: the current one, and any stored version (templates name the version they were made with). */
export const catalogRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/catalog",
    {
      config: { access: "public" },
      schema: { summary: "The current target catalog", tags: ["catalog"], response: { 200: Catalog } },
    },
    async () => app.reference.currentCatalog,
  );

  app.get(
    "/catalog/:version",
    {
      config: { access: "public" },
      schema: {
        summary: "A target catalog by version",
        tags: ["catalog"],
        params: CatalogVersionParams,
        response: { 200: Catalog },
      },
    },
    async (request) => {
      const catalog = await app.reference.catalog(request.params.version);
      if (!catalog)
        throw CT_CATALOG_NOT_FOUND({ version: request.params.version, current: app.reference.currentCatalog.version });
      return catalog;
    },
  );
};
