import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { parseCatalogCsv, parsePeriod } from "../../domain";
import type { Period, Unit as DomainUnit } from "../../domain/types";
import { CT_CATALOG_INVALID, CT_DEMO_FORBIDDEN, CT_REQUEST_INVALID, CT_UNIT_DEMO_FLAG } from "../errors";
import { requireAuth } from "../plugins/auth";
import { assertRealWorld } from "../demo-world";
import { CatalogImportBody, CatalogImportResponse, Unit, UnitBody } from "../../api";
import { setCurrentCatalog, storeCatalog } from "../db/catalogs";
import { upsertUnit } from "../db/units";
import { auditRow, type AuditAction } from "../db/audit";

/**
 * What planners maintain without a code change: the target catalog (replaced by the official appendix, as CSV with
 * the catalog's columns) and the units (departments are a starter list to confirm). Units are never deleted: one that
 * does not exist or was merged is retired from a period on (`retiredFrom`), its reports kept. Other instances pick
 * the change up within their reference refresh (10 s).
 */
export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/catalog",
    {
      config: { access: "planner" },
      schema: {
        summary: "Upload a replacement target catalog (CSV with the catalog's columns); every bad row is reported",
        tags: ["catalog"],
        body: CatalogImportBody,
        response: { 201: CatalogImportResponse, 200: CatalogImportResponse },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      assertRealWorld(request, "catalog");
      const result = parseCatalogCsv(request.body.csv);
      if (!result.ok)
        throw CT_CATALOG_INVALID({ problems: result.issues.length }, { details: { issues: result.issues } });
      const catalog = result.catalog;
      const now = app.clock().toISOString();
      const before = app.reference.currentCatalog.version;
      const makeCurrent = request.body.makeCurrent !== false;
      await app.writer.write(async (trx) => {
        await storeCatalog(trx, catalog, `import:${request.body.source ?? "upload"}`, now);
        if (makeCurrent) await setCurrentCatalog(trx, catalog.version);
        await trx
          .insertInto("audit_event")
          .values(
            auditRow(
              "catalog.imported",
              now,
              auth.tokenId,
              {},
              { version: catalog.version, previous: before, makeCurrent, targets: catalog.targets.length },
            ),
          )
          .execute();
      });
      await app.reference.reload();
      return reply.code(catalog.version === before ? 200 : 201).send({
        version: catalog.version,
        targets: catalog.targets.length,
        current: app.reference.currentCatalog.version,
        previous: before,
      });
    },
  );

  app.put(
    "/units/:code",
    {
      config: { access: "planner" },
      schema: {
        summary:
          "Add or edit a unit (name, kind, targets it reports, groups, to-confirm flag), or retire it from a period on (retiredFrom; null brings it back)",
        tags: ["units"],
        params: z.object({ code: z.string().min(1).max(32) }),
        body: UnitBody,
        response: { 200: Unit },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      const code = request.params.code;
      const existing = app.reference.registry.byCode(code);
      // the classroom's planner edits demo units, and adds only demo ones
      if (auth.demo && (existing ? !existing.demo : request.body.demo !== true))
        throw CT_DEMO_FORBIDDEN({ unitCode: code });
      const demo = request.body.demo ?? existing?.demo ?? false;
      if (existing ? existing.demo !== demo : demo) throw CT_UNIT_DEMO_FLAG({ unitCode: code });
      const known = new Set(app.reference.currentCatalog.targets.map((t) => t.id));
      const issues = request.body.targetIds.flatMap((id, i) =>
        known.has(id)
          ? []
          : [
              {
                path: ["body", "targetIds", i],
                code: "unknown_target",
                message: {
                  vi: `Chỉ tiêu “${id}” không có trong danh mục hiện hành.`,
                  en: `Target “${id}” is not in the current catalog.`,
                },
              },
            ],
      );
      if (issues.length > 0)
        throw CT_REQUEST_INVALID({ part: "body", count: issues.length }, { issues: issues as never });
      // retiring: absent keeps the unit as it is (a rename never brings a retired unit back), null un-retires it;
      // the schema accepted only period ids, written here in their canonical form ("2026-q3" → "2026-Q3")
      const previous = existing?.retiredFrom ?? null;
      const sent = request.body.retiredFrom;
      const retiredFrom = sent === undefined ? previous : sent === null ? null : (parsePeriod(sent) as Period).id;
      const unit: DomainUnit = {
        code,
        kind: request.body.kind,
        name: { vi: request.body.name.vi.normalize("NFC"), en: request.body.name.en },
        targetIds: request.body.targetIds,
        toConfirm: request.body.toConfirm,
        demo,
        groups: request.body.groups,
        retiredFrom,
      };
      const action: AuditAction =
        retiredFrom === previous ? "unit.saved" : retiredFrom === null ? "unit.reinstated" : "unit.retired";
      const now = app.clock().toISOString();
      await app.writer.write(async (trx) => {
        await upsertUnit(trx, unit, now);
        await trx
          .insertInto("audit_event")
          .values(auditRow(action, now, auth.tokenId, { unitCode: code }, { unit, previousRetiredFrom: previous }))
          .execute();
      });
      await app.reference.reload();
      return { ...unit, retiredFrom };
    },
  );
};
