import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireAuth } from "../plugins/auth";
import { DemoPopulateBody, DemoPopulateResponse, DemoResetResponse } from "../../api";
import { populateClassroom, resetClassroom } from "../services/classroom";

/**
 * Training: the demo classroom (services/classroom.ts). Reset deletes the demo units' reports; populate resets,
 * then fills a dozen demo units with a realistic quarter. Real units are never touched (test/server/demo-world).
 */
export const demoRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/demo/reset",
    {
      config: { access: "planner" },
      schema: {
        summary: "Delete the demo units' reports (never a real unit's)",
        tags: ["demo"],
        response: { 200: DemoResetResponse },
      },
    },
    async (request) => resetClassroom(app, requireAuth(request).tokenId),
  );

  app.post(
    "/demo/populate",
    {
      config: { access: "planner" },
      schema: {
        summary:
          "Reset the classroom, then fill a dozen demo units with a realistic quarter (same seed, same classroom)",
        tags: ["demo"],
        body: DemoPopulateBody.optional(),
        response: { 200: DemoPopulateResponse },
      },
    },
    async (request) =>
      populateClassroom(app, requireAuth(request), { ...(request.body ?? {}), requestId: String(request.id) }),
  );
};
