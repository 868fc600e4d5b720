import * as React from "react";
import { describeError } from "../../api";
import { useI18n } from "../../i18n";
import type { PanelMessage, SubmitPanelProps, SubmitPanelState } from "./SubmitPanel.types";
import "../../i18n/sections/tasks";

const STATE_COLORS: Record<SubmitPanelProps["state"], SubmitPanelState["stateColor"]> = {
  draft: "informative",
  queued: "warning",
  sent: "brand",
  returned: "danger",
  accepted: "success",
};

/** Seconds until the next automatic try, refreshed every second while something waits. */
function useCountdown(at: number | null): number | null {
  const [now, setNow] = React.useState(() => Date.now());
  React.useEffect(() => {
    if (at === null) return;
    setNow(Date.now());
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [at]);
  return at === null ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

export function useSubmitPanel(props: SubmitPanelProps): SubmitPanelState {
  const i18n = useI18n();
  const { t } = i18n;
  const seconds = useCountdown(props.waiting.length > 0 ? props.nextRetryAt : null);
  const messages: PanelMessage[] = [];

  if (props.state === "accepted") messages.push({ key: "accepted", intent: "success", text: t("submit.locked") });
  if (props.state === "returned") {
    messages.push({
      key: "returned",
      intent: "warning",
      title: t("submit.plannerComment"),
      text: props.comment ?? "—",
    });
  }
  if (props.state !== "accepted" && (props.counts.errors > 0 || props.counts.unjustifiedWarnings > 0)) {
    messages.push({
      key: "blocked",
      intent: "warning",
      text: t("submit.blocked", { errors: props.counts.errors, warnings: props.counts.unjustifiedWarnings }),
    });
  }
  if (props.state !== "accepted" && (props.taskErrors ?? 0) > 0)
    messages.push({ key: "tasks", intent: "warning", text: t("tasks.blocked", { count: props.taskErrors ?? 0 }) });
  if (props.receipt && props.changedSinceReceipt && props.state !== "accepted" && props.state !== "queued") {
    messages.push({ key: "changed", intent: "info", text: t("submit.changedSince") });
  }
  switch (props.outcome) {
    case "queued":
      messages.push({ key: "queued", intent: "info", text: t("submit.queued") });
      break;
    case "refused":
      messages.push({ key: "refused", intent: "error", text: t("submit.serverRefused") });
      break;
    case "outOfDate":
      messages.push({ key: "outOfDate", intent: "warning", text: t("submit.outOfDate") });
      break;
    case "conflict":
      messages.push({
        key: "conflict",
        intent: "error",
        text: t("submit.conflict", { id: props.receipt?.submissionId ?? "" }),
      });
      break;
    case "locked":
      messages.push({ key: "locked", intent: "warning", text: t("submit.locked") });
      break;
    case "failed":
      messages.push({
        key: "failed",
        intent: "error",
        text: t("submit.failed", { detail: describeError(props.error, i18n) }),
      });
      break;
    default:
      break;
  }
  if (props.verdict?.differs && props.verdict.ok) {
    messages.push({ key: "differs", intent: "info", text: t("submit.serverDiffers") });
  }

  const serverIssues = props.verdict?.differs
    ? props.verdict.issues.map((issue, n) => ({
        key: `${n}-${issue.code}`,
        text: i18n.b(issue.message),
        cell: issue.cell ?? null,
        issue,
      }))
    : [];

  return {
    i18n,
    stateLabel: t(`submit.state.${props.state}`),
    stateColor: STATE_COLORS[props.state],
    messages,
    serverIssues,
    buttonLabel: props.receipt ? t("submit.resubmit") : t("submit.button"),
    canSubmit: props.canSubmit,
    busyLabel:
      props.phase === "checking"
        ? t("submit.checking")
        : props.phase === "sending" || props.queueSending
          ? t("submit.sending")
          : null,
    receipt: props.receipt
      ? {
          id: props.receipt.submissionId,
          revision: props.receipt.revision === null ? null : String(props.receipt.revision),
          time: i18n.dateTime(props.receipt.receivedAt),
        }
      : null,
    waiting: props.waiting.map((q) => ({
      id: q.submissionId,
      text: t("queue.item", {
        period: q.period,
        id: q.submissionId.slice(0, 8),
        time: i18n.dateTime(q.queuedAt),
        attempts: q.attempts,
      }),
    })),
    retryText:
      props.waiting.length > 0 && seconds !== null && !props.queueSending ? t("queue.nextRetry", { seconds }) : null,
    showRetry: props.waiting.length > 0,
    onSubmit: props.onSubmit,
    onRetryNow: props.onRetryNow,
    onSelectCell: props.onSelectCell,
  };
}
