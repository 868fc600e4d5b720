import * as React from "react";
import type { EntryInput, Locale, ValidationIssue, ValidationResult } from "../../domain/types";
import type { QueuedSubmission, UnitSheetContact, WorkbookPort } from "../../workbook/port";
import { buildSubmission } from "../../workbook/submission";
import { cellProblemsError } from "../../workbook/cell-problems";
import type { Narrative } from "../../domain/report/narrative";
import { canonicalTaskProgress } from "../../domain/report/task-progress";
import type { TaskProgress } from "../../domain/tasks/types";
import {
  isApiError,
  type ApiClient,
  type Connection,
  type Receipt,
  type ReportState,
  type SubmissionBody,
} from "../api";
import { entriesFingerprint, newSubmissionId, SETTINGS } from "../util";
import { canonicalContent } from "./report-content";
import type { OfflineQueueState, QueueRejectedData, QueueSentData } from "./useOfflineQueue";

/** A report's state as the clerk sees it. */
export type SubmissionState = "draft" | "queued" | "sent" | "returned" | "accepted";

/** Why the last attempt ended the way it did (each has its own message). */
export type SubmissionOutcome = "queued" | "refused" | "outOfDate" | "conflict" | "locked" | "failed" | null;

export interface StoredReceipt {
  receipt: Receipt;
  /** entriesFingerprint of the entries as sent (kept for receipts stored before `content`) */
  fingerprint: string;
  /** canonicalContent of what was sent: compared with what the workbook holds now */
  content?: string;
  /** the task progress as sent (canonical rows as JSON); absent when none was sent */
  tasks?: string;
}

export interface ServerVerdict {
  ok: boolean;
  /** the endpoint's verdict differs from the pane's own validate() */
  differs: boolean;
  issues: ValidationIssue[];
}

export interface SubmissionSession {
  state: SubmissionState;
  phase: "idle" | "checking" | "sending";
  receipt: Receipt | null;
  /** the figures changed since the last receipt */
  changedSinceReceipt: boolean;
  server: ReportState | null;
  verdict: ServerVerdict | null;
  outcome: SubmissionOutcome;
  error: unknown;
  /** this report's submissions waiting in the workbook */
  waiting: QueuedSubmission[];
  canSubmit: boolean;
  submit: (ev: React.SyntheticEvent | null) => Promise<void>;
  refresh: () => Promise<void>;
  /** wire to useOfflineQueue's onSent / onRejected */
  handleQueueSent: (data: QueueSentData) => void;
  handleQueueRejected: (data: QueueRejectedData) => void;
}

export interface UseSubmissionOptions {
  workbook: WorkbookPort;
  api: ApiClient;
  connection: Connection | null;
  unitCode: string | null;
  period: string | null;
  catalogVersion: string | null;
  locale: Locale;
  entries: EntryInput[];
  result: ValidationResult | null;
  queue: OfflineQueueState;
  /** writes pending cells before the report is read for sending */
  flush: () => Promise<void>;
  /** the progress on the unit's key tasks (the Tasks tab), sent in the same submission; undefined: none (no sheet) */
  tasks?: TaskProgress[];
  /** false while the task progress has an error: the report cannot be sent (the Tasks tab says why) */
  tasksOk?: boolean;
}

/** The task progress as a submission carries it, as one comparable text. */
export function tasksKey(tasks: readonly TaskProgress[]): string {
  return JSON.stringify(tasks.map(canonicalTaskProgress));
}

/** The issues that block a submission, as comparable keys. */
function blockingKeys(issues: ValidationIssue[]): string[] {
  return issues
    .filter((i) => i.severity === "error" || (i.severity === "warning" && !i.justified))
    .map((i) => `${i.code}|${i.targetId ?? ""}|${i.path.join(".")}`)
    .sort();
}

export function compareVerdicts(local: ValidationResult, server: { ok: boolean; issues: ValidationIssue[] }): boolean {
  if (local.ok !== server.ok) return true;
  const a = blockingKeys(local.issues);
  const b = blockingKeys(server.issues);
  return a.length !== b.length || a.some((k, i) => k !== b[i]);
}

/** The report's state as the clerk sees it, from the endpoint's view, the queue and the receipt kept in the workbook. */
export function submissionState(
  locked: boolean,
  waiting: boolean,
  server: ReportState | null,
  receipt: Receipt | null,
): SubmissionState {
  if (locked) return "accepted";
  if (waiting) return "queued";
  if (
    server?.status === "returned" &&
    (!receipt || server.latest?.submissionId === receipt.submissionId || !server.latest)
  )
    return "returned";
  return receipt ? "sent" : "draft";
}

/** What a failed submission means for the clerk: queue it (the network), or say why and maybe fetch the state again. */
export function failureOutcome(e: unknown): { outcome: Exclude<SubmissionOutcome, null>; refresh: boolean } {
  if (isApiError(e) && e.retryable) return { outcome: "queued", refresh: false };
  if (isApiError(e) && e.code === "CT_OUT_OF_DATE") return { outcome: "outOfDate", refresh: true };
  if (isApiError(e) && e.code === "CT_SUBMISSION_CONFLICT") return { outcome: "conflict", refresh: false };
  if (isApiError(e) && e.code === "CT_REPORT_LOCKED") return { outcome: "locked", refresh: true };
  if (isApiError(e) && e.status === 422 && e.issues.length > 0) return { outcome: "refused", refresh: false };
  return { outcome: "failed", refresh: false };
}

/** A 409 saying the report has no revision at all while this submission superseded one: the chain was reset. */
export function chainGone(e: unknown, body: SubmissionBody): boolean {
  return isApiError(e) && e.code === "CT_OUT_OF_DATE" && body.supersedes !== null && !e.details.latestSubmissionId;
}

/**
 * Submit; when the endpoint has no revision of this report although the workbook kept one (its demo data was reset),
 * start a fresh revision chain at once — never a 409 for the clerk.
 */
async function submitOrRestart(
  api: ApiClient,
  connection: Connection,
  body: SubmissionBody,
): Promise<{ receipt: Receipt; body: SubmissionBody }> {
  try {
    return { receipt: await api.submit(connection, { ...body, dryRun: false }), body };
  } catch (e) {
    if (!chainGone(e, body)) throw e;
    const fresh = { ...body, supersedes: null };
    return { receipt: await api.submit(connection, { ...fresh, dryRun: false }), body: fresh };
  }
}

type Current = React.RefObject<{ unitCode: string | null; period: string | null }>;

/** The endpoint's view of the report and the receipt kept in the workbook, read again whenever the report changes. */
function useReportState(options: UseSubmissionOptions, current: Current, reset: () => void) {
  const { workbook, api, connection, unitCode, period } = options;
  const [stored, setStored] = React.useState<StoredReceipt | null>(null);
  const [server, setServer] = React.useState<ReportState | null>(null);
  // the endpoint answered that it has no report: a receipt kept in the workbook is gone with it (a classroom reset)
  const [gone, setGone] = React.useState(false);

  const refresh = React.useCallback(async () => {
    if (!connection || !unitCode || !period) return;
    try {
      const state = await api.report(connection, unitCode, period);
      if (current.current.unitCode === unitCode && current.current.period === period) {
        setServer(state);
        setGone(state === null);
      }
    } catch {
      // offline: the stored receipt and the queue still tell the state
    }
  }, [api, connection, unitCode, period, current]);

  React.useEffect(() => {
    setStored(null);
    setServer(null);
    setGone(false);
    reset();
    if (!unitCode || !period) return;
    let live = true;
    void workbook
      .loadSetting<StoredReceipt>(SETTINGS.receipt(unitCode, period))
      .catch(() => null)
      .then((r) => {
        if (live) setStored(r);
      });
    void refresh();
    return () => {
      live = false;
    };
  }, [workbook, unitCode, period, refresh, reset]);

  const remember = React.useCallback(
    async (receipt: Receipt, body: SubmissionBody) => {
      const value: StoredReceipt = {
        receipt,
        fingerprint: entriesFingerprint(body.entries),
        content: canonicalContent(body.entries, body.locale),
        ...(body.tasks ? { tasks: tasksKey(body.tasks) } : {}),
      };
      await workbook.saveSetting(SETTINGS.receipt(body.unitCode, body.period), value);
      if (current.current.unitCode === body.unitCode && current.current.period === body.period) {
        setStored(value);
        setGone(false);
      }
    },
    [workbook, current],
  );
  // a receipt the endpoint no longer has (its demo data was reset) is forgotten: the next submission starts a fresh
  // revision chain instead of superseding a revision that no longer exists (409 CT_OUT_OF_DATE)
  React.useEffect(() => {
    if (gone && stored && unitCode && period) void workbook.saveSetting(SETTINGS.receipt(unitCode, period), null);
  }, [gone, stored, unitCode, period, workbook]);
  return { stored: gone ? null : stored, server, refresh, remember };
}

/**
 * What travels with the figures: the unit sheet's people and the narrative (ThuyetMinh); an over-long or otherwise
 * bad narrative part is refused here, naming its cell, before anything is sent.
 */
async function readPeopleAndNarrative(
  workbook: WorkbookPort,
): Promise<{ contact: UnitSheetContact; narrative: Narrative | null }> {
  const contact = await workbook.readContact();
  const told = workbook.readNarrative ? await workbook.readNarrative() : null;
  if (told && told.problems.length > 0) throw cellProblemsError(told.problems);
  return { contact, narrative: told?.narrative ?? null };
}

/**
 * Whether what the workbook holds differs from what was last sent, by canonical content (never by a reload stamp or
 * how a number was typed): against the endpoint's latest revision when it is the one this workbook knows (or the
 * workbook knows none), else against the content kept with the receipt; a receipt stored before contents were kept
 * is compared by its fingerprint.
 */
export function changedSinceLast(
  stored: StoredReceipt | null,
  server: ReportState | null,
  entries: EntryInput[],
  locale: Locale,
): boolean {
  const now = canonicalContent(entries, locale);
  const latest = server?.latest ?? null;
  if (latest && server?.entries && (!stored || stored.receipt.submissionId === latest.submissionId)) {
    // only the targets this form holds (a template of another catalog cadence may hold fewer)
    const ids = new Set(entries.map((e) => e.targetId));
    const sent = server.entries.filter((e) => ids.has(e.targetId));
    return canonicalContent(sent, server.entriesLocale ?? locale) !== now;
  }
  if (!stored) return false;
  if (stored.content !== undefined) return stored.content !== now;
  return stored.fingerprint !== entriesFingerprint(entries);
}

function useChangedSince(
  stored: StoredReceipt | null,
  server: ReportState | null,
  entries: EntryInput[],
  locale: Locale,
  tasks: TaskProgress[] | undefined,
): boolean {
  const now = React.useMemo(() => (tasks ? tasksKey(tasks) : undefined), [tasks]);
  const figures = React.useMemo(
    () => changedSinceLast(stored, server, entries, locale),
    [stored, server, entries, locale],
  );
  // the task progress as sent is kept with the receipt: a change of it is a change of the report
  return figures || (stored?.tasks !== undefined && now !== undefined && stored.tasks !== now);
}

/** The submissions of this report waiting in the offline queue. */
function useWaiting<T extends { unitCode: string; period: string }>(
  items: readonly T[],
  unitCode: string | null | undefined,
  period: string | null | undefined,
): T[] {
  return React.useMemo(
    () => items.filter((q) => q.unitCode === unitCode && q.period === period),
    [items, unitCode, period],
  );
}

/** Everything a submission needs is there (and the caller's own conditions hold). */
function canSend(o: UseSubmissionOptions, also: boolean): boolean {
  return Boolean(o.connection && o.unitCode && o.period && o.catalogVersion && o.result?.ok && also);
}

export function useSubmission(options: UseSubmissionOptions): SubmissionSession {
  const { workbook, api, connection, unitCode, period, catalogVersion, locale, entries, result, queue, flush } =
    options;
  const [phase, setPhase] = React.useState<SubmissionSession["phase"]>("idle");
  const [verdict, setVerdict] = React.useState<ServerVerdict | null>(null);
  const [outcome, setOutcome] = React.useState<SubmissionOutcome>(null);
  const [error, setError] = React.useState<unknown>(null);
  const current = React.useRef({ unitCode, period });
  current.current = { unitCode, period };
  const reset = React.useCallback(() => {
    setVerdict(null);
    setOutcome(null);
    setError(null);
  }, []);
  const { stored, server, refresh, remember } = useReportState(options, current, reset);
  const waiting = useWaiting(queue.items, unitCode, period);

  const handleFailure = React.useCallback(
    async (e: unknown, body: SubmissionBody): Promise<void> => {
      const failure = failureOutcome(e);
      if (failure.outcome === "queued") await queue.enqueue(body, e);
      else setError(e);
      if (failure.outcome === "refused" && isApiError(e)) setVerdict({ ok: false, differs: true, issues: e.issues });
      setOutcome(failure.outcome);
      if (failure.refresh) await refresh();
    },
    [queue, refresh],
  );

  const locked = Boolean(server?.locked || server?.status === "accepted");
  const { tasks, tasksOk = true } = options;
  const canSubmit = canSend(options, tasksOk && phase === "idle" && !locked);

  const submit = React.useCallback(async () => {
    if (!connection || !unitCode || !period || !catalogVersion || !result) return;
    await flush();
    reset();
    if (!result.ok || !tasksOk) return;
    // the unit sheet's people travel with the report (the planner's completeness sheet lists them)
    let contact: UnitSheetContact;
    let narrative: Narrative | null;
    try {
      ({ contact, narrative } = await readPeopleAndNarrative(workbook));
    } catch (e) {
      setError(e);
      setOutcome("failed");
      return;
    }
    const lastQueued = waiting.length > 0 ? waiting[waiting.length - 1].submissionId : null;
    let body: SubmissionBody = buildSubmission({
      identity: { unitCode, period, catalogVersion },
      entries,
      contact,
      narrative,
      tasks,
      submissionId: newSubmissionId(),
      supersedes: lastQueued ?? server?.latest?.submissionId ?? stored?.receipt.submissionId ?? null,
      locale,
      dryRun: true,
    });
    if (lastQueued) {
      // an earlier submission of this report is still waiting: this one follows it, in order
      await queue.enqueue(body, null);
      setOutcome("queued");
      return;
    }
    setPhase("checking");
    try {
      const dry = await api.dryRun(connection, body);
      const differs = compareVerdicts(result, dry);
      setVerdict(differs ? { ok: dry.ok, differs, issues: dry.issues } : null);
      if (!dry.ok) {
        setOutcome("refused");
        return;
      }
      setPhase("sending");
      let receipt: Receipt;
      ({ receipt, body } = await submitOrRestart(api, connection, body));
      await remember(receipt, body);
      await refresh();
    } catch (e) {
      await handleFailure(e, { ...body, dryRun: false });
    } finally {
      setPhase("idle");
    }
  }, [
    connection,
    unitCode,
    period,
    catalogVersion,
    result,
    tasksOk,
    tasks,
    flush,
    reset,
    workbook,
    waiting,
    server,
    stored,
    locale,
    entries,
    queue,
    api,
    remember,
    refresh,
    handleFailure,
  ]);

  const handleQueueSent = React.useCallback(
    (data: QueueSentData) => {
      void remember(data.receipt, data.item.body as SubmissionBody).then(() => {
        if (current.current.unitCode === data.item.unitCode && current.current.period === data.item.period) {
          setOutcome(null);
          void refresh();
        }
      });
    },
    [remember, refresh],
  );

  const handleQueueRejected = React.useCallback(
    (data: QueueRejectedData) => {
      if (current.current.unitCode === data.item.unitCode && current.current.period === data.item.period) {
        void handleFailure(data.error, data.item.body as SubmissionBody);
      }
    },
    [handleFailure],
  );

  // a workbook that never sent this report (a new one, another computer's) still knows the endpoint's latest revision
  const receipt = stored?.receipt ?? server?.latest ?? null;
  const changedSinceReceipt = useChangedSince(stored, server, entries, locale, tasks);
  const state = submissionState(locked, waiting.length > 0, server, receipt);
  return {
    state,
    phase,
    receipt,
    changedSinceReceipt,
    server,
    verdict,
    outcome,
    error,
    waiting,
    canSubmit,
    submit,
    refresh,
    handleQueueSent,
    handleQueueRejected,
  };
}
