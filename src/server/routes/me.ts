import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireAuth } from "../plugins/auth";
import { MeResponse } from "../../api";
import { demoEpoch } from "../services/classroom";

/** Who the token is: its role and, for a unit token, the unit with its name. */
export const meRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/me",
    { schema: { summary: "The calling token", tags: ["access"], response: { 200: MeResponse } } },
    async (request) => {
      const auth = requireAuth(request);
      const unit = auth.unitCode ? (app.reference.registry.byCode(auth.unitCode) ?? null) : null;
      return {
        tokenId: auth.tokenId,
        role: auth.role,
        label: auth.label,
        unit: unit ? { ...unit, retiredFrom: unit.retiredFrom ?? null } : null,
        // a demo unit's token, or the classroom's planner token: the pane shows its demo banner
        demo: auth.demo,
        expiresAt: auth.expiresAt,
        ...(auth.demo ? { demoEpoch: await demoEpoch(app.store.db) } : {}),
      };
    },
  );
};
