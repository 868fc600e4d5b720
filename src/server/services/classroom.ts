/**
 * The demo classroom on the endpoint (issue 20): reset it (the demo units' reports deleted, nothing else) and
 * populate it (a dozen demo units with a realistic quarter, planned by the domain's planClassroom()). Every report
 * goes through the ordinary submission rules and the planners' workflow, so what the classroom shows is what real
 * data would show; only the arrival times are then set to the plan's (before or after the deadline), on demo rows.
 *
 * The classroom's epoch (setting `demo_epoch`) changes at every reset and populate: GET /me gives it to demo
 * tokens, and a pane that kept a receipt from an older epoch starts a fresh revision chain.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { FastifyInstance } from "fastify";
import {
  classroomUnits,
  currentQuarter,
  isOnTime,
  parsePeriod,
  planClassroom,
  previousQuarter,
  type ClassroomReport,
} from "../../domain";
import type { Period } from "../../domain/types";
import type { Database } from "../db/schema";
import { auditRow } from "../db/audit";
import { upsertUnit } from "../db/units";
import { CT_PERIOD_INVALID } from "../errors";
import type { AuthContext } from "../plugins/auth";
import type { DemoPopulateResponse } from "../../api";
import { SubmissionService } from "./submissions";
import { acceptReport, returnReport, type Actor } from "./report-workflow";

const EPOCH_KEY = "demo_epoch";

/** The classroom's counter (0 before any reset or populate). */
export async function demoEpoch(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom("setting").select("value").where("key", "=", EPOCH_KEY).executeTakeFirst();
  return row ? Number(row.value) || 0 : 0;
}

async function bumpEpoch(trx: Kysely<Database>): Promise<number> {
  const next = (await demoEpoch(trx)) + 1;
  await trx
    .insertInto("setting")
    .values({ key: EPOCH_KEY, value: String(next) })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value: String(next) }))
    .execute();
  return next;
}

export interface ResetOutcome {
  unitCodes: string[];
  deleted: { submissions: number; reports: number; events: number };
  epoch: number;
}

/** Delete the demo units' reports (submissions, states, their audit events) — never a real unit's row. */
export async function resetClassroom(app: FastifyInstance, tokenId: string): Promise<ResetOutcome> {
  const now = app.clock().toISOString();
  return app.writer.write(async (trx) => {
    const demoUnits = (await trx.selectFrom("unit").select("code").where("demo", "=", 1).execute()).map((r) => r.code);
    const epoch = await bumpEpoch(trx);
    if (demoUnits.length === 0) return { unitCodes: [], deleted: { submissions: 0, reports: 0, events: 0 }, epoch };
    const reports = await trx.deleteFrom("report_state").where("unit_code", "in", demoUnits).executeTakeFirst();
    const submissions = await trx.deleteFrom("submission").where("unit_code", "in", demoUnits).executeTakeFirst();
    const events = await trx
      .deleteFrom("audit_event")
      .where("unit_code", "in", demoUnits)
      .where("period", "is not", null)
      .executeTakeFirst();
    const deleted = {
      submissions: Number(submissions.numDeletedRows),
      reports: Number(reports.numDeletedRows),
      events: Number(events.numDeletedRows),
    };
    await trx
      .insertInto("audit_event")
      .values(
        auditRow("demo.reset", now, tokenId, {}, { unitCodes: demoUnits, submissions: deleted.submissions, epoch }),
      )
      .execute();
    return { unitCodes: demoUnits, deleted, epoch };
  });
}

let service: SubmissionService | null = null;
let serviceOf: FastifyInstance | null = null;

/** One submission service per app, made when the classroom is first populated (never at start-up). */
function submissions(app: FastifyInstance): SubmissionService {
  if (!service || serviceOf !== app) {
    service = new SubmissionService(app);
    serviceOf = app;
  }
  return service;
}

function quarterOf(app: FastifyInstance, id: string | undefined): Period {
  if (id === undefined) return currentQuarter(app.clock(), app.plan.from);
  const p = parsePeriod(id);
  if (!p || p.kind !== "quarter") throw CT_PERIOD_INVALID({ period: id });
  return p;
}

/** Store one planned report as its clerk would, then set its arrival time to the plan's. */
async function storeReport(app: FastifyInstance, auth: AuthContext, r: ClassroomReport, period: Period) {
  const clerk: AuthContext = { ...auth, role: "unit", unitCode: r.unitCode, demo: true };
  const outcome = await submissions(app).submit(
    {
      submissionId: randomUUID(),
      supersedes: null,
      unitCode: r.unitCode,
      period: r.periodId,
      catalogVersion: app.reference.currentCatalog.version,
      locale: "vi",
      entries: r.entries,
      contact: { preparer: "Nguyễn Văn A", approver: "Trần Thị B", phone: "024 3825 0000" },
    },
    clerk,
    "chitieu classroom",
  );
  if (outcome.kind !== "stored") throw new Error(`classroom report ${r.unitCode} ${r.periodId} was not stored`);
  const at = r.receivedAt as string;
  const onTime = isOnTime(period, new Date(at)) ? 1 : 0;
  await app.writer.write(async (trx) => {
    await trx
      .updateTable("submission")
      .set({ received_at: at, on_time: onTime })
      .where("id", "=", outcome.receipt.submissionId)
      .where("demo", "=", 1)
      .execute();
    await trx
      .updateTable("report_state")
      .set({ first_received_at: at, last_received_at: at, first_on_time: onTime, updated_at: at })
      .where("unit_code", "=", r.unitCode)
      .where("period", "=", r.periodId)
      .where("demo", "=", 1)
      .execute();
  });
  return onTime === 1;
}

/**
 * Reset the classroom, then fill it: the demo units (added to the unit table when missing), their reports for the
 * quarter under review and the one before (when it is in the plan), and the planner's returns and accepts.
 */
export async function populateClassroom(
  app: FastifyInstance,
  auth: AuthContext,
  opts: { units?: number; seed?: number; period?: string; requestId: string },
): Promise<DemoPopulateResponse> {
  const seed = opts.seed ?? 2026;
  const current = quarterOf(app, opts.period);
  const withPrevious = previousQuarter(current).year >= app.plan.from;
  const units = classroomUnits(app.reference.registry, opts.units);
  const now = app.clock().toISOString();
  await app.writer.write(async (trx) => {
    for (const u of units) if (!app.reference.registry.byCode(u.code)) await upsertUnit(trx, u, now);
  });
  await app.reference.reload();
  await resetClassroom(app, auth.tokenId);
  const registry = app.reference.registry;
  const catalog = app.reference.currentCatalog;
  const plan = planClassroom(catalog, units, (u) => registry.targetsFor(catalog, u.code), {
    seed,
    current,
    previous: withPrevious,
    now: app.clock(),
  });
  const actor: Actor = { auth, requestId: opts.requestId };
  const reports: DemoPopulateResponse["reports"] = [];
  for (const r of plan) {
    const period = parsePeriod(r.periodId) as Period;
    const unit = registry.byCode(r.unitCode);
    let onTime: boolean | null = null;
    if (r.fate !== "missing" && unit) {
      onTime = await storeReport(app, auth, r, period);
      const ref = { unit, period };
      if (r.fate === "returned") await returnReport(app, actor, ref, { comment: r.comment ?? "" });
      if (r.fate === "accepted") await acceptReport(app, actor, ref, { comment: r.comment });
    }
    reports.push({ unitCode: r.unitCode, period: r.periodId, fate: r.fate, onTime, shows: r.shows });
  }
  const epoch = await app.writer.write(async (trx) => {
    const next = await bumpEpoch(trx);
    await trx
      .insertInto("audit_event")
      .values(
        auditRow(
          "demo.populated",
          app.clock().toISOString(),
          auth.tokenId,
          {},
          { seed, units: units.length, epoch: next },
        ),
      )
      .execute();
    return next;
  });
  return {
    unitCodes: units.map((u) => u.code),
    periods: [...new Set(plan.map((r) => r.periodId))],
    seed,
    epoch,
    reports,
  };
}
