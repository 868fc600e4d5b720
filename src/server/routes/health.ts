import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";

/** Liveness and readiness: answers 200 once migrations ran and the database answers. */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/health",
    {
      config: { access: "public" },
      schema: {
        summary: "Health check",
        tags: ["ops"],
        response: { 200: z.object({ ok: z.literal(true), database: z.string(), catalogVersion: z.string() }) },
      },
    },
    async () => {
      await app.store.db.selectFrom("setting").select("key").limit(1).execute();
      return { ok: true as const, database: app.store.engine, catalogVersion: app.reference.currentCatalog.version };
    },
  );
};
