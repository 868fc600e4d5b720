/**
 * What a planner reads to review one report: each target's status as the rules judge it (the same validate() that
 * judged the submission, over the stored entries and the year-to-date sums of earlier periods), and the review diff —
 * the latest revision against the one before it, against a named revision, or against the previous period's report —
 * field by field and per target (old and new figure and status), and the narrative parts and task progress that
 * changed (services/review-parts.ts).
 */
import type { FastifyInstance } from "fastify";
import { makePeriod, validate } from "../../domain";
import type { ParsedEntry, Period, TargetAssessment } from "../../domain/types";
import type { ReviewDiffQuery, TargetDiff, TargetSide } from "../../api";
import type { SubmissionRow } from "../db/schema";
import { getRevision, getReportState, getSubmission, listRevisionHeads } from "../db/submissions";
import { CT_REVISION_NOT_FOUND } from "../errors";
import { diffEntries, unpackContent, type StoredContent } from "./content";
import { yearToDate } from "./submissions";
import { requireState, type ReportRef } from "./report-workflow";
import { narrativeChanges, taskChanges } from "./review-parts";

/** The period just before (2026-01 → 2025-12, 2026-Q1 → 2025-Q4, 2026 → 2025). */
export function previousPeriod(period: Period): Period {
  if (period.index > 1) return makePeriod(period.kind, period.year, period.index - 1);
  const last = { month: 12, quarter: 4, half: 2, year: 1 }[period.kind];
  return makePeriod(period.kind, period.year - 1, last);
}

/** Each target's progress and figure, as the current rules judge a stored revision. */
export async function assessStored(
  app: FastifyInstance,
  ref: ReportRef,
  stored: StoredContent,
  ytd?: Record<string, number>,
): Promise<TargetAssessment[]> {
  const catalog = (await app.reference.catalog(stored.report.catalogVersion)) ?? app.reference.currentCatalog;
  const result = validate(
    {
      unitCode: ref.unit.code,
      period: ref.period.id,
      catalogVersion: catalog.version,
      locale: stored.report.locale,
      entries: stored.report.entries,
    },
    {
      catalog,
      units: app.reference.registry,
      ytd: ytd ?? (await yearToDate(app, ref.unit.code, ref.period)),
      applicability: app.reference.applicability,
      unitTargets: app.reference.unitTargets,
    },
  );
  return result.assessments;
}

function sides(parsed: readonly ParsedEntry[], assessed: readonly TargetAssessment[]): Map<string, TargetSide> {
  const byId = new Map(assessed.map((a) => [a.targetId, a]));
  const out = new Map<string, TargetSide>();
  for (const e of parsed) {
    const a = byId.get(e.targetId);
    out.set(e.targetId, {
      figure: a?.figure ?? null,
      value: e.value,
      numerator: e.numerator,
      denominator: e.denominator,
      milestone: e.milestone,
      progress: a?.progress ?? null,
      notApplicable: e.notApplicable === true,
      justification: e.justification,
    });
  }
  return out;
}

function sameSide(a: TargetSide | null, b: TargetSide | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Per target (the newer report's order, then the targets only the older one has): old and new side. */
export function targetDiffs(from: Map<string, TargetSide> | null, to: Map<string, TargetSide>): TargetDiff[] {
  const before = from ?? new Map<string, TargetSide>();
  const ids = [...to.keys(), ...[...before.keys()].filter((id) => !to.has(id))];
  return ids.map((targetId) => {
    const a = before.get(targetId) ?? null;
    const b = to.get(targetId) ?? null;
    return { targetId, from: a, to: b, changed: !sameSide(a, b) };
  });
}

interface Side {
  row: SubmissionRow;
  ref: ReportRef;
}

async function sideView(app: FastifyInstance, side: Side) {
  const stored = unpackContent(side.row.content);
  const assessed = await assessStored(app, side.ref, stored);
  return { stored, sides: sides(stored.parsed, assessed) };
}

function refOf(row: SubmissionRow) {
  return { submissionId: row.id, period: row.period, revision: row.revision, receivedAt: row.received_at };
}

/** The older side of the review diff: null when there is none (a first revision, no report for the period before). */
async function olderSide(
  app: FastifyInstance,
  ref: ReportRef,
  q: ReviewDiffQuery,
  to: SubmissionRow,
  find: (key: string) => Promise<SubmissionRow>,
): Promise<{ against: "previous-revision" | "previous-period" | "revision"; side: Side | null }> {
  if (q.against === "previous-period") {
    const prev = previousPeriod(ref.period);
    const state = await getReportState(app.store.db, ref.unit.code, prev.id);
    const id = state ? (q.basis === "accepted" ? state.accepted_submission_id : state.latest_submission_id) : null;
    const row = id ? await getSubmission(app.store.db, id) : undefined;
    return { against: "previous-period", side: row ? { row, ref: { unit: ref.unit, period: prev } } : null };
  }
  const key = q.revision ?? q.from;
  if (key !== undefined) return { against: "revision", side: { row: await find(key), ref } };
  if (to.revision <= 1) return { against: "previous-revision", side: null };
  return { against: "previous-revision", side: { row: await find(String(to.revision - 1)), ref } };
}

/** GET /reports/:unit/:period/diff. */
export async function reviewDiff(app: FastifyInstance, ref: ReportRef, q: ReviewDiffQuery) {
  const state = await requireState(app, ref);
  const find = async (key: string): Promise<SubmissionRow> => {
    const row = /^\d+$/.test(key)
      ? await getRevision(app.store.db, ref.unit.code, ref.period.id, Number(key))
      : await getSubmission(app.store.db, key.toLowerCase());
    if (!row || row.unit_code !== ref.unit.code || row.period !== ref.period.id) {
      throw CT_REVISION_NOT_FOUND({
        unitCode: ref.unit.code,
        period: ref.period.id,
        revision: key,
        latestRevision: state.latest_revision,
      });
    }
    return row;
  };
  const to = await find(q.to ?? String(state.latest_revision));
  const older = await olderSide(app, ref, q, to, find);
  const newer = await sideView(app, { row: to, ref });
  const old = older.side ? await sideView(app, older.side) : null;
  return {
    unitCode: ref.unit.code,
    period: ref.period.id,
    against: older.against,
    from: older.side ? refOf(older.side.row) : null,
    to: refOf(to),
    changes: old ? diffEntries(old.stored.parsed, newer.stored.parsed) : [],
    targets: targetDiffs(old?.sides ?? null, newer.sides),
    narrative: old ? narrativeChanges(old.stored.report, newer.stored.report) : [],
    tasks: old ? taskChanges(old.stored.report, newer.stored.report) : [],
  };
}

/** Every revision (who — token id, label and role —, when, from which client) and every event of one report. */
export async function reportHistory(app: FastifyInstance, ref: ReportRef) {
  const db = app.store.db;
  const heads = await listRevisionHeads(db, ref.unit.code, ref.period.id);
  const events = await db
    .selectFrom("audit_event")
    .selectAll()
    .where("unit_code", "=", ref.unit.code)
    .where("period", "=", ref.period.id)
    .orderBy("at")
    .execute();
  const ids = [...new Set([...heads.map((h) => h.token_id), ...events.map((e) => e.token_id)])].filter(
    (id): id is string => typeof id === "string",
  );
  const tokens = ids.length
    ? await db.selectFrom("token").select(["id", "label", "role"]).where("id", "in", ids).execute()
    : [];
  const who = new Map(tokens.map((t) => [t.id, t]));
  return {
    revisions: heads.map((h) => ({
      submissionId: h.id,
      revision: h.revision,
      supersedes: h.supersedes,
      receivedAt: h.received_at,
      onTime: h.on_time === 1,
      catalogVersion: h.catalog_version,
      client: h.client,
      tokenId: h.token_id,
      tokenLabel: who.get(h.token_id)?.label ?? null,
      tokenRole: who.get(h.token_id)?.role ?? null,
      contentHash: h.content_hash,
    })),
    events: events.map((e) => ({
      at: e.at,
      action: e.action,
      tokenId: e.token_id,
      tokenLabel: e.token_id ? (who.get(e.token_id)?.label ?? null) : null,
      details: JSON.parse(e.details) as Record<string, unknown>,
    })),
  };
}
