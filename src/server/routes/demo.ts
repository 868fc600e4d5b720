import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireAuth } from "../plugins/auth";
import { DemoResetResponse } from "../../api";
import { auditRow } from "../db/audit";

/**
 * Training: put the demo units back to their starting state. Only rows of units flagged demo in the unit table are
 * deleted (submissions, report states, their audit events); real units are never touched.
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
    async (request) => {
      const auth = requireAuth(request);
      const now = app.clock().toISOString();
      return app.writer.write(async (trx) => {
        const demoUnits = (await trx.selectFrom("unit").select("code").where("demo", "=", 1).execute()).map(
          (r) => r.code,
        );
        if (demoUnits.length === 0) return { unitCodes: [], deleted: { submissions: 0, reports: 0, events: 0 } };
        const reports = await trx.deleteFrom("report_state").where("unit_code", "in", demoUnits).executeTakeFirst();
        const submissions = await trx.deleteFrom("submission").where("unit_code", "in", demoUnits).executeTakeFirst();
        const events = await trx
          .deleteFrom("audit_event")
          .where("unit_code", "in", demoUnits)
          .where("period", "is not", null)
          .executeTakeFirst();
        await trx
          .insertInto("audit_event")
          .values(
            auditRow(
              "demo.reset",
              now,
              auth.tokenId,
              {},
              { unitCodes: demoUnits, submissions: Number(submissions.numDeletedRows) },
            ),
          )
          .execute();
        return {
          unitCodes: demoUnits,
          deleted: {
            submissions: Number(submissions.numDeletedRows),
            reports: Number(reports.numDeletedRows),
            events: Number(events.numDeletedRows),
          },
        };
      });
    },
  );
};
