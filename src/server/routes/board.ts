import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  BoardQuery,
  BoardResponse,
  BulkAcceptBody,
  BulkAcceptResponse,
  ReminderContact,
  ReminderContactBody,
  RemindersQuery,
  RemindersResponse,
} from "../../api";
import { attachmentHeader } from "../attachment";
import { CT_UNIT_UNKNOWN } from "../errors";
import { periodAtEdge } from "../periods";
import { assertUnitAccess, requireAuth } from "../plugins/auth";
import { demoWorld } from "../demo-world";
import { getReminderContact, listReminders, saveReminderContact } from "../db/reminders";
import { board, boardCsv, CSV_DEFAULT_STATES } from "../services/board";
import { bulkAccept } from "../services/bulk-accept";

const UnitParams = z.object({ code: z.string().min(1).max(32) });

/** The planner's review loop: the board and its CSV, bulk accept, reminder addresses and the reminders sent. */
export const boardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/board",
    {
      config: { access: "planner" },
      schema: {
        summary: "Every unit of a period with its review state, deadline, revision, last action and contact",
        description:
          "States in board order: missing, returned, submitted_late, submitted_on_time, accepted, not_applicable; counts over the period and group before the state filter. format=csv: the missing, returned and late units (or the states asked) with their contacts, UTF-8 with BOM, submitted-at in Hanoi time.",
        tags: ["planner"],
        querystring: BoardQuery,
        response: { 200: BoardResponse },
      },
    },
    async (request, reply) => {
      // the classroom is a world of its own: a demo token's board is the demo units' alone (demo-world.ts)
      const q = { ...request.query, demo: demoWorld(request, request.query.demo === true) };
      const period = periodAtEdge(q.period, null);
      const asOf = q.asOf ? new Date(q.asOf) : app.clock();
      if (q.format === "csv") {
        const b = await board(app, period, q, asOf, CSV_DEFAULT_STATES);
        const stem = `chitieu-board-${period.id}${q.group ? `-${q.group}` : ""}`;
        return reply
          .type("text/csv; charset=utf-8")
          .header("content-disposition", attachmentHeader(`${stem}.csv`))
          .send(boardCsv(b) as never);
      }
      return board(app, period, q, asOf);
    },
  );

  app.post(
    "/reports/accept",
    {
      config: { access: "planner" },
      schema: {
        summary: "Accept several reports at once; each item is answered on its own",
        description:
          "Each item names the revision the planner reviewed. accepted: it was the latest and is now accepted and locked; already_accepted: nothing to do; conflict: a newer revision arrived (nothing changed); not_found: no such unit, period or report.",
        tags: ["planner"],
        body: BulkAcceptBody,
        response: { 200: BulkAcceptResponse },
      },
    },
    async (request) => bulkAccept(app, { auth: requireAuth(request), requestId: String(request.id) }, request.body),
  );

  app.get(
    "/units/:code/reminder-contact",
    {
      config: { access: "planner" },
      schema: {
        summary: "Where a unit's reminder e-mails go",
        tags: ["planner"],
        params: UnitParams,
        response: { 200: ReminderContact },
      },
    },
    async (request) => {
      const unit = app.reference.registry.byCode(request.params.code);
      if (!unit) throw CT_UNIT_UNKNOWN({ unitCode: request.params.code });
      assertUnitAccess(request, unit.code);
      const c = await getReminderContact(app.store.db, unit.code);
      return {
        unitCode: unit.code,
        emails: c?.emails ?? [],
        locale: c?.locale ?? null,
        updatedAt: c?.updatedAt ?? null,
      };
    },
  );

  app.put(
    "/units/:code/reminder-contact",
    {
      config: { access: "planner" },
      schema: {
        summary: "Set where a unit's reminder e-mails go ([] stops them)",
        tags: ["planner"],
        params: UnitParams,
        body: ReminderContactBody,
        response: { 200: ReminderContact },
      },
    },
    async (request) => {
      const unit = app.reference.registry.byCode(request.params.code);
      if (!unit) throw CT_UNIT_UNKNOWN({ unitCode: request.params.code });
      assertUnitAccess(request, unit.code);
      const emails = [...new Set(request.body.emails.map((e) => e.trim().toLowerCase()))];
      const at = app.clock().toISOString();
      const locale = request.body.locale ?? null;
      await app.writer.write((trx) =>
        saveReminderContact(trx, { unitCode: unit.code, emails, locale, at, by: requireAuth(request).tokenId }),
      );
      return { unitCode: unit.code, emails, locale, updatedAt: at };
    },
  );

  app.get(
    "/reminders",
    {
      config: { access: "planner" },
      schema: {
        summary: "The reminder e-mails of a period: claimed, sent or failed, to whom",
        tags: ["planner"],
        querystring: RemindersQuery,
        response: { 200: RemindersResponse },
      },
    },
    async (request) => {
      const period = periodAtEdge(request.query.period, null);
      const demo = requireAuth(request).demo;
      const registry = app.reference.registry;
      // a demo token sees the classroom's reminders alone (none are ever sent to demo units), a real one the city's
      const rows = (await listReminders(app.store.db, period.id)).filter(
        (r) => (registry.byCode(r.unit_code)?.demo === true) === demo,
      );
      return {
        period: period.id,
        reminders: rows.map((r) => ({
          unitCode: r.unit_code,
          period: r.period,
          kind: r.kind as "before" | "after",
          state: r.state as "claimed" | "sent" | "failed",
          claimedAt: r.claimed_at,
          sentAt: r.sent_at,
          recipients: JSON.parse(r.recipients) as string[],
          error: r.error,
        })),
      };
    },
  );
};
