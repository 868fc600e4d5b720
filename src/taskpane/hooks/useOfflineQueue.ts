import * as React from "react";
import type { QueuedSubmission, WorkbookPort } from "../../workbook/port";
import { isApiError, type ApiClient, type Connection, type Receipt, type SubmissionBody } from "../api";
import { retryDelayMs } from "../util";

/**
 * The offline queue: submissions that could not be sent are kept in the workbook itself (port.saveQueue), sent in
 * order, each with its own submissionId — so a retry of a request that did reach the endpoint gets the stored receipt,
 * never a second row. Retries back off (2 s, 4 s, … 60 s) and start at once on the browser's `online` event.
 */
export interface QueueSentData {
  item: QueuedSubmission;
  receipt: Receipt;
}

export interface QueueRejectedData {
  item: QueuedSubmission;
  error: unknown;
}

export interface QueueCallbacks {
  sent: (data: QueueSentData) => void;
  rejected: (data: QueueRejectedData) => void;
}

export interface OfflineQueueOptions {
  onSent?: (data: QueueSentData) => void;
  /** the endpoint refused a queued submission for good (out of date, conflict, invalid): it leaves the queue */
  onRejected?: (data: QueueRejectedData) => void;
  delayMs?: (attempt: number) => number;
  now?: () => Date;
}

export interface OfflineQueueState {
  items: QueuedSubmission[];
  loaded: boolean;
  sending: boolean;
  /** when the next automatic try happens (ms since epoch), null when none is planned */
  nextRetryAt: number | null;
  enqueue: (body: SubmissionBody, error: unknown) => Promise<void>;
  retryNow: () => void;
}

function errorText(e: unknown): string {
  if (isApiError(e)) return `${e.kind}${e.code ? ` ${e.code}` : ""}${e.status ? ` HTTP ${e.status}` : ""}`;
  return e instanceof Error ? e.message : String(e);
}

export function useOfflineQueue(
  workbook: WorkbookPort,
  api: ApiClient,
  connection: Connection | null,
  options: OfflineQueueOptions = {},
): OfflineQueueState {
  const [items, setItems] = React.useState<QueuedSubmission[]>([]);
  const [loaded, setLoaded] = React.useState(false);
  const [sending, setSending] = React.useState(false);
  const [nextRetryAt, setNextRetryAt] = React.useState<number | null>(null);
  const itemsRef = React.useRef<QueuedSubmission[]>([]);
  const busy = React.useRef(false);
  const timer = React.useRef<ReturnType<typeof setTimeout> | null>(null);
  const opts = React.useRef(options);
  opts.current = options;
  const connRef = React.useRef(connection);
  connRef.current = connection;

  const persist = React.useCallback(
    async (next: QueuedSubmission[]) => {
      itemsRef.current = next;
      setItems(next);
      await workbook.saveQueue(next);
    },
    [workbook],
  );

  const clearTimer = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    setNextRetryAt(null);
  };

  const drain = React.useCallback(async (): Promise<void> => {
    if (busy.current) return;
    const conn = connRef.current;
    if (!conn || itemsRef.current.length === 0) return;
    busy.current = true;
    setSending(true);
    clearTimer();
    let retryAfter: number | null = null;
    try {
      while (itemsRef.current.length > 0) {
        const item = itemsRef.current[0];
        try {
          const receipt = await api.submit(conn, { ...(item.body as SubmissionBody), dryRun: false });
          await persist(itemsRef.current.filter((q) => q.submissionId !== item.submissionId));
          opts.current.onSent?.({ item, receipt });
        } catch (e) {
          if (isApiError(e) && (e.retryable || e.kind === "unauthorized")) {
            const attempts = item.attempts + 1;
            const updated = { ...item, attempts, lastError: errorText(e) };
            await persist(itemsRef.current.map((q) => (q.submissionId === item.submissionId ? updated : q)));
            retryAfter = (opts.current.delayMs ?? retryDelayMs)(attempts);
            break;
          }
          await persist(itemsRef.current.filter((q) => q.submissionId !== item.submissionId));
          opts.current.onRejected?.({ item, error: e });
        }
      }
    } finally {
      busy.current = false;
      setSending(false);
    }
    if (retryAfter !== null) {
      setNextRetryAt(Date.now() + retryAfter);
      timer.current = setTimeout(() => {
        timer.current = null;
        void drain();
      }, retryAfter);
    }
  }, [api, persist]);

  // load what a previous session left in the workbook, then try to send it
  React.useEffect(() => {
    let live = true;
    void workbook
      .loadQueue()
      .catch(() => [] as QueuedSubmission[])
      .then((q) => {
        if (!live) return;
        itemsRef.current = q;
        setItems(q);
        setLoaded(true);
      });
    return () => {
      live = false;
    };
  }, [workbook]);

  React.useEffect(() => {
    if (loaded && connection && itemsRef.current.length > 0) void drain();
  }, [loaded, connection, drain]);

  React.useEffect(() => {
    const handleOnline = () => void drain();
    window.addEventListener("online", handleOnline);
    return () => {
      window.removeEventListener("online", handleOnline);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [drain]);

  const enqueue = React.useCallback(
    async (body: SubmissionBody, error: unknown) => {
      const now = (opts.current.now ?? (() => new Date()))();
      const item: QueuedSubmission = {
        submissionId: body.submissionId,
        supersedes: body.supersedes,
        unitCode: body.unitCode,
        period: body.period,
        body: { ...body, dryRun: false },
        queuedAt: now.toISOString(),
        attempts: 1,
        lastError: errorText(error),
      };
      const next = [...itemsRef.current.filter((q) => q.submissionId !== item.submissionId), item];
      await persist(next);
      if (!busy.current && !timer.current) {
        const wait = (opts.current.delayMs ?? retryDelayMs)(1);
        setNextRetryAt(Date.now() + wait);
        timer.current = setTimeout(() => {
          timer.current = null;
          void drain();
        }, wait);
      }
    },
    [persist, drain],
  );

  const retryNow = React.useCallback(() => {
    void drain();
  }, [drain]);

  return { items, loaded, sending, nextRetryAt, enqueue, retryNow };
}
