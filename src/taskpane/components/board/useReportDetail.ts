import * as React from "react";
import type { BoardUnit, DiffAgainst, DiffResponse, HistoryResponse, ReportResponse } from "../../api/board";
import { describeError } from "../../api/describe";
import { useI18n, type I18n } from "../../i18n";
import { signalTour } from "../../tour-signal";
import type { ReportDetailProps } from "./ReportDetail.types";
import "../../i18n/sections/board";

export type ReviewAction = "return" | "accept" | "unlock";

export interface ReportDetailState {
  i18n: I18n;
  props: ReportDetailProps;
  report: ReportResponse | null;
  history: HistoryResponse | null;
  diff: DiffResponse | null;
  against: DiffAgainst;
  loading: boolean;
  error: unknown;
  dialog: ReviewAction | null;
  busy: boolean;
  setAgainst: (a: DiffAgainst) => void;
  setDialog: (a: ReviewAction | null) => void;
  act: (action: ReviewAction, text: string) => Promise<void>;
}

/** The unit's latest report, its history and a diff, read together; read again after each action. */
export function useReportDetail(props: ReportDetailProps): ReportDetailState {
  const i18n = useI18n();
  const { client, connection, unit, period, onDone } = props;
  const [report, setReport] = React.useState<ReportResponse | null>(null);
  const [history, setHistory] = React.useState<HistoryResponse | null>(null);
  const [diff, setDiff] = React.useState<DiffResponse | null>(null);
  const [against, setAgainst] = React.useState<DiffAgainst>("previous-revision");
  const [loading, setLoading] = React.useState(unit.revision !== null);
  const [error, setError] = React.useState<unknown>(null);
  const [dialog, setDialog] = React.useState<ReviewAction | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [nonce, setNonce] = React.useState(0);
  const code = unit.unitCode;
  const sent = unit.revision !== null;

  React.useEffect(() => {
    if (!sent) return;
    let live = true;
    setLoading(true);
    Promise.all([client.report(connection, code, period), client.history(connection, code, period)]).then(
      ([r, h]) => {
        if (!live) return;
        setReport(r);
        setHistory(h);
        setLoading(false);
        signalTour("report-opened");
      },
      (e: unknown) => {
        if (!live) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [client, connection, code, period, sent, nonce]);

  React.useEffect(() => {
    if (!sent) return;
    let live = true;
    setDiff(null);
    client.diff(connection, code, period, against).then(
      (d) => live && setDiff(d),
      () => live && setDiff(null),
    );
    return () => {
      live = false;
    };
  }, [client, connection, code, period, against, sent, nonce]);

  const act = React.useCallback(
    async (action: ReviewAction, text: string) => {
      const seen = report?.latest.submissionId ?? null;
      setBusy(true);
      try {
        if (action === "return") await client.returnReport(connection, code, period, text, seen);
        else if (action === "accept") await client.accept(connection, code, period, text, seen);
        else await client.unlock(connection, code, period, text);
        onDone(null, {
          message: { intent: "success", text: i18n.t(`board.done.${action}`, { unit: props.unitName }) },
        });
        if (action !== "unlock") signalTour(action === "return" ? "report-returned" : "report-accepted");
        setDialog(null);
        setNonce((n) => n + 1);
      } catch (e) {
        onDone(null, {
          message: { intent: "error", text: i18n.t("board.actionFailed", { detail: describeError(e, i18n) }) },
        });
        setDialog(null);
        setNonce((n) => n + 1);
      } finally {
        setBusy(false);
      }
    },
    [report, client, connection, code, period, onDone, i18n, props.unitName],
  );

  return { i18n, props, report, history, diff, against, loading, error, dialog, busy, setAgainst, setDialog, act };
}

export type { BoardUnit };
