import type * as React from "react";
import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Text,
  ToggleButton,
} from "@fluentui/react-components";
import type { Target } from "../../../domain/types";
import type { ReportResponse } from "../../api/board";
import { describeError } from "../../api/describe";
import type { MessageKey } from "../../i18n";
import { figureOf } from "./board-logic";
import { ConfirmDialog } from "./ConfirmDialog";
import { renderDiffParts, renderNarrative, renderTasks } from "./renderReportParts";
import type { BoardClasses } from "./useBoardStyles";
import type { ReportDetailState, ReviewAction } from "./useReportDetail";
import "../../i18n/sections/board";

type S = ReportDetailState;

function renderFigures(s: S, c: BoardClasses, report: ReportResponse): React.ReactNode {
  const { t, num, b } = s.i18n;
  const targets = new Map<string, Target>(s.props.catalog.targets.map((x) => [x.id, x]));
  const progress = new Map(report.assessments.map((a) => [a.targetId, a.progress]));
  return (
    <section className={c.section} aria-labelledby="ct-detail-figures">
      <Text as="h3" weight="semibold" id="ct-detail-figures">
        {t("board.detail.figures")}
      </Text>
      <table className={c.table}>
        <thead>
          <tr>
            <th className={c.cell}>{t("board.detail.target")}</th>
            <th className={c.cell}>{t("board.detail.figure")}</th>
            <th className={c.cell}>{t("board.detail.status")}</th>
          </tr>
        </thead>
        <tbody>
          {report.report.parsed.map((e) => {
            const target = targets.get(e.targetId);
            const p = progress.get(e.targetId);
            const figure = e.notApplicable ? t("board.detail.notApplicable") : (figureOf(e, (x) => num(x)) ?? "—");
            return (
              <tr key={e.targetId}>
                <th scope="row" className={c.cell}>
                  <abbr title={target ? b(target.name) : e.targetId}>{e.targetId}</abbr>
                </th>
                <td className={c.cell}>
                  {figure}
                  {e.justification && (
                    <div className={c.note}>
                      {t(e.notApplicable ? "board.detail.naReason" : "board.detail.justification", {
                        text: e.justification,
                      })}
                    </div>
                  )}
                </td>
                <td className={c.cell}>{p ? t(`status.${p}` as MessageKey) : "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function renderDiff(s: S, c: BoardClasses): React.ReactNode {
  const { t, num } = s.i18n;
  const d = s.diff;
  const changed = d ? d.targets.filter((x) => x.changed) : [];
  return (
    <section className={c.section} aria-labelledby="ct-detail-diff" data-testid="board-diff">
      <Text as="h3" weight="semibold" id="ct-detail-diff">
        {t("board.detail.diff")}
      </Text>
      <div className={c.actions} role="group" aria-label={t("board.detail.diff")}>
        <ToggleButton
          size="small"
          checked={s.against === "previous-revision"}
          onClick={() => s.setAgainst("previous-revision")}
        >
          {t("board.detail.diffRevision")}
        </ToggleButton>
        <ToggleButton
          size="small"
          checked={s.against === "previous-period"}
          onClick={() => s.setAgainst("previous-period")}
        >
          {t("board.detail.diffPeriod")}
        </ToggleButton>
      </div>
      {!d ? null : !d.from ? (
        <Text className={c.note}>{t("board.detail.diffNone")}</Text>
      ) : (
        <>
          <Text className={c.note}>
            {t("board.detail.diffFrom", { period: d.from.period, revision: d.from.revision })}
          </Text>
          {changed.length === 0 ? (
            <Text className={c.note}>{t("board.detail.diffSame")}</Text>
          ) : (
            <ul className={c.plain}>
              {changed.map((x) => (
                <li key={x.targetId}>
                  {t("board.detail.change", {
                    target: x.targetId,
                    from: figureOf(x.from, (v) => num(v)) ?? "—",
                    to: figureOf(x.to, (v) => num(v)) ?? "—",
                  })}
                </li>
              ))}
            </ul>
          )}
          {renderDiffParts(s.i18n, c, d)}
        </>
      )}
    </section>
  );
}

function eventText(s: S, action: string, details: Record<string, unknown>): string {
  const known = ["returned", "accepted", "unlocked", "submitted"].find((a) => action.includes(a.slice(0, 5)));
  const label = known ? s.i18n.t(`board.action.${known}` as MessageKey) : action;
  const note = details.comment ?? details.reason;
  return typeof note === "string" && note ? `${label}: ${note}` : label;
}

function renderHistory(s: S, c: BoardClasses): React.ReactNode {
  const { t, dateTime } = s.i18n;
  const h = s.history;
  if (!h) return null;
  const items = [
    ...h.revisions.map((r) => ({
      at: r.receivedAt,
      text: t("board.detail.revision", {
        revision: r.revision,
        time: dateTime(r.receivedAt),
        timeliness: t(r.onTime ? "board.detail.onTime" : "board.detail.late"),
        client: r.client ?? t("board.detail.unknownClient"),
      }),
    })),
    ...h.events.map((e) => ({
      at: e.at,
      text: t("board.detail.event", { time: dateTime(e.at), action: eventText(s, e.action, e.details) }),
    })),
  ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return (
    <section className={c.section} aria-labelledby="ct-detail-history" data-testid="board-history">
      <Text as="h3" weight="semibold" id="ct-detail-history">
        {t("board.detail.history")}
      </Text>
      <ul className={c.plain}>
        {items.map((x, i) => (
          <li key={i} className={c.note}>
            {x.text}
          </li>
        ))}
      </ul>
    </section>
  );
}

function renderActions(s: S, c: BoardClasses, report: ReportResponse): React.ReactNode {
  const { t } = s.i18n;
  const unit = s.props.unitName;
  const dialogs: Record<
    ReviewAction,
    { title: string; body: string; label: string; text: { label: string; required: boolean } }
  > = {
    return: {
      title: t("board.confirm.return", { unit }),
      body: t("board.confirm.returnBody"),
      label: t("board.action.return"),
      text: { label: t("board.confirm.comment"), required: true },
    },
    accept: {
      title: t("board.confirm.accept", { unit }),
      body: t("board.confirm.acceptBody", { revision: report.latest.revision }),
      label: t("board.action.accept"),
      text: { label: t("board.confirm.commentOptional"), required: false },
    },
    unlock: {
      title: t("board.confirm.unlock", { unit }),
      body: t("board.confirm.unlockBody"),
      label: t("board.action.unlock"),
      text: { label: t("board.confirm.reason"), required: true },
    },
  };
  const d = s.dialog ? dialogs[s.dialog] : null;
  return (
    <>
      <div className={c.actions}>
        {report.locked ? (
          <Button onClick={() => s.setDialog("unlock")}>{t("board.action.unlock")}</Button>
        ) : (
          <>
            <Button appearance="primary" onClick={() => s.setDialog("accept")} data-tour="review-accept">
              {t("board.action.accept")}
            </Button>
            {report.status !== "returned" && (
              <Button onClick={() => s.setDialog("return")} data-tour="review-return">
                {t("board.action.return")}
              </Button>
            )}
          </>
        )}
      </div>
      <ConfirmDialog
        open={d !== null}
        title={d?.title ?? ""}
        body={d?.body ?? ""}
        confirmLabel={d?.label ?? ""}
        text={d?.text}
        busy={s.busy}
        onConfirm={(_ev, data) => s.dialog && void s.act(s.dialog, data.text)}
        onCancel={() => s.setDialog(null)}
      />
    </>
  );
}

export function renderReportDetail(s: S, c: BoardClasses): React.JSX.Element {
  const { t, dateTime } = s.i18n;
  const { unit, unitName, period } = s.props;
  const r = s.report;
  return (
    <section className={c.root} aria-labelledby="ct-detail-heading" data-testid="board-detail">
      <div>
        <Button appearance="subtle" onClick={s.props.onBack}>
          {t("board.detail.back")}
        </Button>
      </div>
      <Subtitle2 as="h2" id="ct-detail-heading">
        {t("board.detail.heading", { unit: unitName, period })}
      </Subtitle2>
      {s.loading && <Spinner size="tiny" label={t("board.detail.loading")} />}
      {s.error ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{t("board.actionFailed", { detail: describeError(s.error, s.i18n) })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {unit.revision === null && <Text>{t("board.notReceived")}</Text>}
      {r && (
        <>
          <div className={c.actions}>
            <Badge appearance="tint" color={r.locked ? "success" : r.status === "returned" ? "warning" : "informative"}>
              {t(
                r.locked
                  ? "board.detail.locked"
                  : `board.state.${r.status === "returned" ? "returned" : r.onTime ? "submitted_on_time" : "submitted_late"}`,
              )}
            </Badge>
            <Text size={200}>
              {t("board.detail.summary", {
                revision: r.latest.revision,
                time: dateTime(r.lastReceivedAt),
                timeliness: t(r.onTime ? "board.detail.onTime" : "board.detail.late"),
              })}
            </Text>
          </div>
          {r.comment && <Text className={c.note}>{t("board.detail.comment", { comment: r.comment })}</Text>}
          {renderActions(s, c, r)}
          {renderDiff(s, c)}
          {renderFigures(s, c, r)}
          {renderTasks(s.i18n, c, r)}
          {renderNarrative(s.i18n, c, r)}
          {renderHistory(s, c)}
        </>
      )}
    </section>
  );
}
