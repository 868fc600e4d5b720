/**
 * POST /reports/accept: several reports accepted at once, each item on its own. An item names the revision the
 * planner reviewed; it is accepted only if that revision is still the latest (the same conditional update as one
 * accept, with its audit event, in one transaction — services/report-workflow.ts), so an item is either wholly
 * accepted or left as it was, and a failing item never stops the others.
 */
import type { FastifyInstance } from "fastify";
import { isAppError } from "../../domain";
import type { BulkAcceptBody, BulkAcceptResponse, BulkAcceptResult } from "../../api";
import { getReportState } from "../db/submissions";
import { CT_DEMO_FORBIDDEN, CT_REPORT_NOT_FOUND, CT_REVIEW_OUT_OF_DATE, CT_UNIT_UNKNOWN } from "../errors";
import { periodAtEdge } from "../periods";
import { acceptReport, type Actor } from "./report-workflow";

type Item = BulkAcceptBody["items"][number];

function refused(item: Item, outcome: BulkAcceptResult["outcome"], e: unknown, latest: number | null) {
  const error = isAppError(e) ? { code: e.code, message: e.messages } : null;
  return {
    unit: item.unit,
    period: item.period,
    revision: item.revision,
    outcome,
    latestRevision: latest,
    status: null,
    locked: null,
    error,
  } satisfies BulkAcceptResult;
}

async function acceptOne(app: FastifyInstance, actor: Actor, item: Item, comment: string | undefined) {
  const unit = app.reference.registry.byCode(item.unit);
  if (!unit) return refused(item, "not_found", CT_UNIT_UNKNOWN({ unitCode: item.unit }), null);
  // the classroom is a world of its own: a demo token never accepts a real unit's report (demo-world.ts)
  if (actor.auth.demo && !unit.demo)
    return refused(item, "forbidden", CT_DEMO_FORBIDDEN({ unitCode: unit.code }), null);
  let period;
  try {
    period = periodAtEdge(item.period, null);
  } catch (e) {
    return refused(item, "not_found", e, null);
  }
  const state = await getReportState(app.store.db, unit.code, period.id);
  if (!state) return refused(item, "not_found", CT_REPORT_NOT_FOUND({ unitCode: unit.code, period: period.id }), null);
  const base = { unit: unit.code, period: period.id, revision: item.revision, latestRevision: state.latest_revision };
  if (state.latest_revision !== item.revision) {
    const e = CT_REVIEW_OUT_OF_DATE({
      unitCode: unit.code,
      period: period.id,
      revision: item.revision,
      latestRevision: state.latest_revision,
    });
    return refused({ ...item, unit: unit.code, period: period.id }, "conflict", e, state.latest_revision);
  }
  if (
    state.status === "accepted" &&
    state.locked === 1 &&
    state.accepted_submission_id === state.latest_submission_id
  ) {
    return { ...base, outcome: "already_accepted" as const, status: "accepted" as const, locked: true, error: null };
  }
  try {
    const done = await acceptReport(
      app,
      actor,
      { unit, period },
      { comment, submissionId: state.latest_submission_id },
    );
    return { ...base, outcome: "accepted" as const, status: done.status, locked: done.locked, error: null };
  } catch (e) {
    // a new revision arrived between the read and the accept: nothing was changed
    if (isAppError(e) && e.code === "CT_OUT_OF_DATE") {
      const latest = Number(e.details.latestRevision);
      const refusal = CT_REVIEW_OUT_OF_DATE({
        unitCode: unit.code,
        period: period.id,
        revision: item.revision,
        latestRevision: latest,
      });
      return refused({ ...item, unit: unit.code, period: period.id }, "conflict", refusal, latest);
    }
    throw e;
  }
}

export async function bulkAccept(
  app: FastifyInstance,
  actor: Actor,
  body: BulkAcceptBody,
): Promise<BulkAcceptResponse> {
  const results: BulkAcceptResult[] = [];
  // one after another: each is its own short transaction, and a planner's batch is at most a few hundred
  for (const item of body.items) results.push(await acceptOne(app, actor, item, body.comment));
  const counts = { accepted: 0, already_accepted: 0, conflict: 0, not_found: 0, forbidden: 0 };
  for (const r of results) counts[r.outcome]++;
  return { counts, results };
}
