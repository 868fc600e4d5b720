/**
 * The clerk's tour (issue 20) hears from the report what the trainee did: a period opened, a figure typed (in the
 * form or in the sheet: both change the entries), an error shown and fixed, a justification, a "not applicable", a
 * submission's receipt. Read from the report's state, so the sheet and the form count alike; nothing is signalled for
 * what a period's opening loads.
 */
import * as React from "react";
import { isNotApplicableText } from "../../domain/rules/entry";
import type { EntryInput } from "../../domain/types";
import type { TabId } from "../components/ReportTabs";
import type { ReportSession } from "../hooks/useReport";
import type { SubmissionSession } from "../hooks/useSubmission";
import { signalTour, useTourCondition } from "../tour-signal";
import type { TourEvent } from "../../domain/tour/steps";

const FIGURES = ["value", "numerator", "denominator", "milestone"] as const;
/** the justification rule's shortest reason (the step's text says so too) */
const JUSTIFIED_LENGTH = 10;

const text = (v: unknown): string => (v === null || v === undefined ? "" : String(v).trim());

/** What changed from one set of entries to the next, as the tour's events. */
export function entryEvents(before: readonly EntryInput[], after: readonly EntryInput[]): TourEvent[] {
  const old = new Map(before.map((e) => [e.targetId, e]));
  const events = new Set<TourEvent>();
  for (const e of after) {
    const o: Partial<EntryInput> = old.get(e.targetId) ?? {};
    for (const f of FIGURES) {
      const now = e[f] ?? null;
      if (text(now) === text(o[f])) continue;
      if (isNotApplicableText(now)) events.add("marked-not-applicable");
      else if (text(now) !== "") events.add("value-typed");
    }
    const reason = text(e.justification);
    if (reason !== text(o.justification) && reason.length >= JUSTIFIED_LENGTH) events.add("justified");
  }
  return [...events];
}

export function useReportTour(report: ReportSession, submission: SubmissionSession, tab: TabId): void {
  const ready = report.status === "ready" && report.period !== null && report.result !== null;
  const session = ready ? (report.period?.id ?? null) : null;
  const errors = report.result?.counts.errors ?? 0;
  useTourCondition("period-opened", ready);
  useTourCondition("error-shown", ready && tab === "issues" && errors > 0);

  const seen = React.useRef<{ session: string | null; entries: readonly EntryInput[]; errors: number }>({
    session: null,
    entries: [],
    errors: 0,
  });
  const { entries } = report;
  React.useEffect(() => {
    const prev = seen.current;
    seen.current = { session, entries, errors };
    // a period (re)opened: its entries are what the workbook holds, not something typed
    if (session === null || prev.session !== session) return;
    for (const event of entryEvents(prev.entries, entries)) signalTour(event);
    if (errors < prev.errors) signalTour("error-fixed");
  }, [session, entries, errors]);

  // a receipt that follows a submission the trainee sent (not one the workbook or the endpoint already held)
  const receiptId = submission.receipt?.submissionId ?? null;
  const sending = React.useRef(false);
  const { phase } = submission;
  React.useEffect(() => {
    if (phase !== "idle") sending.current = true;
  }, [phase]);
  const lastReceipt = React.useRef<string | null>(null);
  React.useEffect(() => {
    const prev = lastReceipt.current;
    lastReceipt.current = receiptId;
    if (!receiptId || receiptId === prev || !sending.current) return;
    sending.current = false;
    signalTour("submitted");
  }, [receiptId]);
}
