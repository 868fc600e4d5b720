import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { parseApplicabilityCsv, applicabilityToCsv } from "../../domain/rules/applicability-file";
import type { ApplicabilityEntry } from "../../domain/rules/applicability";
import { parseApplicabilityRows } from "../../domain/rules/applicability-file";
import { CT_APPLICABILITY_INVALID, CT_REQUEST_INVALID } from "../errors";
import { requireAuth } from "../plugins/auth";
import { assertDemoUnits, demoWorld } from "../demo-world";
import { ApplicabilityImportBody, ApplicabilityImportResponse, ApplicabilityResponse } from "../../api";
import { addApplicability } from "../db/applicability";
import { auditRow } from "../db/audit";

/**
 * Which units report which target (issue #14): the planners' unit × target table, each choice from a period on. A
 * file (CSV) or a list of choices is checked whole: one bad row and nothing is stored, every bad row is listed.
 */
export const applicabilityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/applicability",
    {
      config: { access: "planner" },
      schema: {
        summary: "The planners' unit × target applicability choices (JSON, or CSV with format=csv)",
        tags: ["planner"],
        querystring: z.object({ format: z.enum(["json", "csv"]).optional() }),
        response: { 200: ApplicabilityResponse.or(z.string()) },
      },
    },
    async (request, reply) => {
      // a list is its world's: the classroom's planner reads the demo units' choices, a real one the real units'
      const demo = demoWorld(request);
      const registry = app.reference.registry;
      const table = {
        entries: app.reference.applicability.entries.filter(
          (e) => (registry.byCode(e.unitCode)?.demo === true) === demo,
        ),
      };
      if (request.query.format === "csv") {
        const csv = applicabilityToCsv(table, app.reference.currentCatalog, app.reference.registry);
        return reply
          .type("text/csv; charset=utf-8")
          .header("content-disposition", 'attachment; filename="applicability.csv"')
          .send("\ufeff" + csv);
      }
      return { entries: table.entries.map((e) => ({ ...e, note: e.note ?? null })) };
    },
  );

  app.put(
    "/applicability",
    {
      config: { access: "planner" },
      schema: {
        summary: "Add applicability choices (CSV or JSON); a bad row refuses the whole request",
        tags: ["planner"],
        body: ApplicabilityImportBody,
        response: { 200: ApplicabilityImportResponse },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      const { csv, entries } = request.body;
      if ((csv === undefined) === (entries === undefined)) throw CT_REQUEST_INVALID({ part: "body", count: 1 });
      const catalog = app.reference.currentCatalog;
      const registry = app.reference.registry;
      const result =
        csv !== undefined
          ? parseApplicabilityCsv(csv, catalog, registry)
          : parseApplicabilityRows(
              [
                ["unit_code", "target_id", "state", "from", "note"],
                ...(entries as ApplicabilityEntry[]).map((e) => [
                  e.unitCode,
                  e.targetId,
                  e.state,
                  e.from,
                  e.note ?? "",
                ]),
              ],
              catalog,
              registry,
            );
      if (!result.ok)
        throw CT_APPLICABILITY_INVALID({ problems: result.issues.length }, { details: { issues: result.issues } });
      assertDemoUnits(
        request,
        result.rows.map((r) => r.unitCode),
      );
      const now = app.clock().toISOString();
      await app.writer.write(async (trx) => {
        await addApplicability(trx, result.rows, auth.tokenId, now);
        await trx
          .insertInto("audit_event")
          .values(auditRow("applicability.imported", now, auth.tokenId, {}, { rows: result.rows.length }))
          .execute();
      });
      await app.reference.reload();
      return { added: result.rows.length, total: app.reference.applicability.entries.length };
    },
  );
};
