import type { FastifyInstance, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { CT_REPORT_NOT_FOUND, CT_UNIT_UNKNOWN } from "../errors";
import { assertUnitAccess, requireAuth } from "../plugins/auth";
import { periodAtEdge } from "../periods";
import {
  AcceptBody,
  DiffQuery,
  DiffResponse,
  HistoryResponse,
  ReportActionResponse,
  ReportParams,
  ReportResponse,
  ReturnBody,
  UnlockBody,
} from "../../api";
import { getSubmission } from "../db/submissions";
import type { SubmissionRow } from "../db/schema";
import { canonicalContact, unpackContent } from "../services/content";
import { assessStored, reportHistory, reviewDiff } from "../services/review";
import { reportTasks } from "../services/review-parts";
import { receiptOf } from "../services/submissions";
import { figureContext, readCurrent } from "../services/report-context";
import { canonicalNarrative } from "../../domain/report/narrative";
import {
  acceptReport,
  requireState,
  returnReport,
  unlockReport,
  type Actor,
  type ReportRef,
} from "../services/report-workflow";

/** The planner acting, for the workflow (services/report-workflow.ts). */
function actor(request: FastifyRequest): Actor {
  return { auth: requireAuth(request), requestId: String(request.id) };
}

/** Access first (a unit token never learns anything about another unit), then the unit and period must exist. */
function resolveReport(
  app: FastifyInstance,
  request: FastifyRequest,
  params: { unit: string; period: string },
): ReportRef {
  assertUnitAccess(request, params.unit);
  const unit = app.reference.registry.byCode(params.unit);
  if (!unit) throw CT_UNIT_UNKNOWN({ unitCode: params.unit });
  const period = periodAtEdge(params.period, null);
  return { unit, period };
}

/** A report's state, planner comment and latest revision, with its narrative and the unit's key-task progress. */
async function reportView(app: FastifyInstance, ref: ReportRef) {
  const state = await requireState(app, ref);
  const latest = (await getSubmission(app.store.db, state.latest_submission_id)) as SubmissionRow;
  const stored = unpackContent(latest.content);
  // the catalog the rules judge with now (the history and months are figures, whichever catalog they came with)
  const current = await readCurrent(app, ref.unit.code, ref.period);
  return {
    unitCode: ref.unit.code,
    unitName: ref.unit.name,
    period: ref.period.id,
    status: state.status as "submitted" | "returned" | "accepted",
    locked: state.locked === 1,
    comment: state.comment,
    onTime: state.first_on_time === 1,
    firstReceivedAt: state.first_received_at,
    lastReceivedAt: state.last_received_at,
    revisions: state.latest_revision,
    acceptedSubmissionId: state.accepted_submission_id,
    latest: receiptOf(latest, state, false),
    report: {
      catalogVersion: stored.report.catalogVersion,
      locale: stored.report.locale,
      contact: canonicalContact(stored.report.contact),
      narrative: canonicalNarrative(stored.report.narrative),
      entries: stored.report.entries,
      parsed: stored.parsed,
    },
    ytd: current.ytd,
    assessments: (await assessStored(app, ref, stored, current.ytd)).map((a) => ({
      targetId: a.targetId,
      progress: a.progress,
      figure: a.figure,
    })),
    history: await reportHistory(app, ref),
    figureContext: figureContext(
      app.reference.currentCatalog,
      ref.period,
      current,
      stored.parsed,
      app.historyThresholds,
    ),
    tasks: await reportTasks(app, ref.unit.code, ref.period, stored.report),
  };
}

/** One report (unit × period): its state and latest revision, its history, diffs, and the planner's actions. */
export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/reports/:unit/:period",
    {
      schema: {
        summary: "A report's state, planner comment and latest revision",
        tags: ["reports"],
        params: ReportParams,
        response: { 200: ReportResponse },
      },
    },
    async (request) => reportView(app, resolveReport(app, request, request.params)),
  );

  app.get(
    "/reports/:unit/:period/history",
    {
      schema: {
        summary: "Every stored revision (who, when, from which client) and every planner action",
        tags: ["reports"],
        params: ReportParams,
        response: { 200: HistoryResponse },
      },
    },
    async (request) => {
      const ref = resolveReport(app, request, request.params);
      const history = await reportHistory(app, ref);
      if (history.revisions.length === 0) throw CT_REPORT_NOT_FOUND({ unitCode: ref.unit.code, period: ref.period.id });
      return { unitCode: ref.unit.code, period: ref.period.id, ...history };
    },
  );

  app.get(
    "/reports/:unit/:period/diff",
    {
      schema: {
        summary: "What changed, field by field and per target (old and new figure and status)",
        tags: ["reports"],
        params: ReportParams,
        description:
          "against=previous-revision (the default) compares the latest revision (or `to`) with the one before it; against=previous-period with the previous period's latest (basis=accepted: accepted) revision; revision=N or from=N|id with that revision. `from` is null when there is nothing to compare with.",
        querystring: DiffQuery,
        response: { 200: DiffResponse },
      },
    },
    async (request) => reviewDiff(app, resolveReport(app, request, request.params), request.query),
  );

  app.post(
    "/reports/:unit/:period/return",
    {
      config: { access: "planner" },
      schema: {
        summary: "Return the latest revision to the unit with a comment (the unit sees it)",
        tags: ["planner"],
        params: ReportParams,
        body: ReturnBody,
        response: { 200: ReportActionResponse },
      },
    },
    async (request) => returnReport(app, actor(request), resolveReport(app, request, request.params), request.body),
  );

  app.post(
    "/reports/:unit/:period/accept",
    {
      config: { access: "planner" },
      schema: {
        summary: "Accept the latest revision: it becomes the accepted one and the report is locked",
        tags: ["planner"],
        params: ReportParams,
        body: AcceptBody,
        response: { 200: ReportActionResponse },
      },
    },
    async (request) => acceptReport(app, actor(request), resolveReport(app, request, request.params), request.body),
  );

  app.post(
    "/reports/:unit/:period/unlock",
    {
      config: { access: "planner" },
      schema: {
        summary: "Unlock an accepted report so the unit can send a new revision (the reason is kept and shown)",
        tags: ["planner"],
        params: ReportParams,
        body: UnlockBody,
        response: { 200: ReportActionResponse },
      },
    },
    async (request) => unlockReport(app, actor(request), resolveReport(app, request, request.params), request.body),
  );
};
