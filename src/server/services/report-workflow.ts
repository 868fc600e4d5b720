/**
 * A planner's decisions on one report: return it to the unit with a comment, accept it (it becomes the accepted
 * revision and the report is locked), unlock it. Each is one conditional update — it applies only to the state its
 * checks saw, so a submission arriving at the same moment is never silently accepted or returned — plus its audit
 * event, in one transaction; a lost race is decided again on the new state (three tries).
 */
import type { FastifyInstance } from "fastify";
import type { Period, Unit } from "../../domain/types";
import { CT_INTERNAL, CT_OUT_OF_DATE, CT_REPORT_LOCKED, CT_REPORT_NOT_FOUND, CT_REPORT_NOT_LOCKED } from "../errors";
import type { AuthContext } from "../plugins/auth";
import { getReportState } from "../db/submissions";
import type { ReportStateRow } from "../db/schema";
import { auditRow, type AuditAction } from "../db/audit";

/** A unit's report for one period (both known). */
export interface ReportRef {
  unit: Unit;
  period: Period;
}

/** Who acts, and the request's id for an internal error. */
export interface Actor {
  auth: AuthContext;
  requestId: string;
}

type Change = Partial<Pick<ReportStateRow, "status" | "locked" | "comment" | "accepted_submission_id">>;

export async function requireState(app: FastifyInstance, ref: ReportRef): Promise<ReportStateRow> {
  const state = await getReportState(app.store.db, ref.unit.code, ref.period.id);
  if (!state) throw CT_REPORT_NOT_FOUND({ unitCode: ref.unit.code, period: ref.period.id });
  return state;
}

/** The report's state as the planner's actions answer it. */
export function actionResponse(state: ReportStateRow) {
  return {
    unitCode: state.unit_code,
    period: state.period,
    status: state.status as "submitted" | "returned" | "accepted",
    locked: state.locked === 1,
    comment: state.comment,
    latestSubmissionId: state.latest_submission_id,
    acceptedSubmissionId: state.accepted_submission_id,
  };
}

/** When the planner names the revision they looked at, it must still be the latest. */
function expectLatest(ref: ReportRef, state: ReportStateRow, seen: string | undefined): void {
  if (seen && seen.toLowerCase() !== state.latest_submission_id) {
    throw CT_OUT_OF_DATE({
      unitCode: ref.unit.code,
      period: ref.period.id,
      supersedes: seen,
      latestSubmissionId: state.latest_submission_id,
      latestRevision: state.latest_revision,
    });
  }
}

/** Decide on the current state, then apply the change only to that state, with its audit event. */
async function act(
  app: FastifyInstance,
  actor: Actor,
  ref: ReportRef,
  action: AuditAction,
  decide: (state: ReportStateRow) => Change,
  details: Record<string, unknown>,
) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const state = await requireState(app, ref);
    const change = decide(state);
    const now = app.clock().toISOString();
    const applied = await app.writer.write(async (trx) => {
      const r = await trx
        .updateTable("report_state")
        .set({ ...change, updated_at: now })
        .where("unit_code", "=", state.unit_code)
        .where("period", "=", state.period)
        .where("latest_submission_id", "=", state.latest_submission_id)
        .where("locked", "=", state.locked)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return false;
      await trx
        .insertInto("audit_event")
        .values(
          auditRow(
            action,
            now,
            actor.auth.tokenId,
            { unitCode: state.unit_code, period: state.period },
            { ...details, submissionId: state.latest_submission_id, revision: state.latest_revision },
          ),
        )
        .execute();
      return true;
    });
    if (applied) return actionResponse({ ...state, ...change } as ReportStateRow);
  }
  throw CT_INTERNAL({ requestId: actor.requestId });
}

/** Return the latest revision to the unit with a comment; not while locked. */
export function returnReport(
  app: FastifyInstance,
  actor: Actor,
  ref: ReportRef,
  body: { comment: string; submissionId?: string },
) {
  const comment = body.comment.normalize("NFC");
  return act(
    app,
    actor,
    ref,
    "report.returned",
    (state) => {
      if (state.locked === 1) throw CT_REPORT_LOCKED({ unitCode: ref.unit.code, period: ref.period.id });
      expectLatest(ref, state, body.submissionId);
      return { status: "returned", comment };
    },
    { comment },
  );
}

/** Accept the latest revision: it becomes the accepted one and the report is locked. */
export function acceptReport(
  app: FastifyInstance,
  actor: Actor,
  ref: ReportRef,
  body: { comment?: string | null; submissionId?: string } | undefined,
) {
  const comment = body?.comment?.normalize("NFC") || null;
  return act(
    app,
    actor,
    ref,
    "report.accepted",
    (state) => {
      expectLatest(ref, state, body?.submissionId);
      return { status: "accepted", locked: 1, comment, accepted_submission_id: state.latest_submission_id };
    },
    { comment },
  );
}

/** Unlock an accepted report so the unit can send a new revision; the reason is kept as the comment. */
export function unlockReport(app: FastifyInstance, actor: Actor, ref: ReportRef, body: { reason: string }) {
  const reason = body.reason.normalize("NFC");
  return act(
    app,
    actor,
    ref,
    "report.unlocked",
    (state) => {
      if (state.locked !== 1) throw CT_REPORT_NOT_LOCKED({ unitCode: ref.unit.code, period: ref.period.id });
      return { locked: 0, comment: reason };
    },
    { reason },
  );
}
