import type * as React from "react";
import { Badge, Button, Field, MessageBar, MessageBarBody, Select, Spinner, Text } from "@fluentui/react-components";
import { TASK_SOURCE_STATUS_LABELS, TASK_STATE_LABELS, formatDeadline, type TaskState } from "../../../domain";
import type { TaskBoardRow } from "../../api/task-board";
import { describeError } from "../../api/describe";
import { periodName } from "../clerk-review";
import type { I18n } from "../../i18n/types";
import type { TaskBoardViewState } from "./TaskBoardView.types";
import type { TaskBoardViewClasses } from "./useTaskBoardViewStyles";
import { COUNT_ORDER, TASK_GROUPINGS, groupedRows, watchLists, type TaskGrouping } from "./task-board-logic";
import "../../i18n/sections/tasks";

const BADGE: Record<
  TaskState | "no_report",
  "danger" | "warning" | "important" | "informative" | "success" | "subtle"
> = {
  late: "danger",
  blocked: "danger",
  at_risk: "warning",
  no_report: "important",
  not_started: "subtle",
  on_track: "informative",
  done: "success",
};

function stateLabel(s: TaskState | "no_report" | null, i18n: I18n): string {
  return s === null || s === "no_report" ? i18n.t("taskBoard.noReport") : i18n.b(TASK_STATE_LABELS[s]);
}

function renderRow(r: TaskBoardRow, c: TaskBoardViewClasses, i18n: I18n): React.ReactNode {
  const t = r.task;
  const delivered = r.progress?.productDelivered;
  const lead = r.leadUnitName ? i18n.b(r.leadUnitName) : (t.leadText ?? i18n.t("taskBoard.noLead"));
  return (
    <li key={t.id} className={c.row} data-testid={`task-row-${t.id}`}>
      <div className={c.rowHead}>
        <Text as="h4" weight="semibold" className={c.rowTitle}>
          {t.id} · {i18n.b(t.name)}
        </Text>
        <Badge appearance="filled" color={BADGE[r.state ?? "no_report"]} className={c.badge}>
          {stateLabel(r.state, i18n)}
        </Badge>
      </div>
      <Text size={200} className={c.facts}>
        {i18n.t("taskBoard.lead", { unit: lead })}
        {t.focalPerson ? ` · ${i18n.t("taskBoard.focal", { person: t.focalPerson })}` : ""}
      </Text>
      <Text size={200} className={c.facts}>
        {i18n.t("tasks.deadline", { deadline: formatDeadline(t.deadline, i18n.locale) })}
        {r.progress?.percent !== null && r.progress?.percent !== undefined
          ? ` · ${i18n.num(r.progress.percent)} %`
          : ""}
      </Text>
      <Text size={200}>
        {delivered
          ? i18n.t("taskBoard.delivered", { product: delivered })
          : i18n.t("taskBoard.product", { product: t.product ?? "—" })}
      </Text>
      <Text size={200} className={c.facts}>
        {r.lastUpdate
          ? i18n.t("taskBoard.lastUpdate", {
              unit: r.lastUpdate.unitCode,
              period: r.lastUpdate.period,
              at: i18n.dateTime(r.lastUpdate.receivedAt),
            })
          : i18n.t("taskBoard.never")}
      </Text>
      {t.status !== "official" && (
        <Text size={100} className={c.facts}>
          {i18n.b(TASK_SOURCE_STATUS_LABELS[t.status])}
        </Text>
      )}
    </li>
  );
}

function renderWatch(s: TaskBoardViewState, c: TaskBoardViewClasses): React.ReactNode {
  if (!s.data) return null;
  const { i18n } = s;
  const lists = watchLists(s.data);
  const parts = [
    { key: "overdue", title: i18n.t("taskBoard.overdue", { count: lists.overdue.length }), rows: lists.overdue },
    { key: "noUpdate", title: i18n.t("taskBoard.noUpdate", { count: lists.noUpdate.length }), rows: lists.noUpdate },
    {
      key: "disagree",
      title: i18n.t("taskBoard.disagree", { count: lists.disagreements.length }),
      rows: lists.disagreements,
    },
  ];
  return parts.map((p) => (
    <section key={p.key} aria-labelledby={`ct-taskboard-${p.key}`} data-testid={`task-list-${p.key}`}>
      <Text as="h3" weight="semibold" id={`ct-taskboard-${p.key}`} className={c.groupTitle}>
        {p.title}
      </Text>
      {p.rows.length > 0 && (
        <ul className={c.list}>
          {p.rows.map((r) => (
            <li key={r.task.id}>
              {r.task.id} · {i18n.b(r.task.name)}
              {p.key === "disagree"
                ? ` — ${r.unitStates.map((u) => `${u.unitCode}: ${stateLabel(u.state, i18n)}`).join("; ")}`
                : ""}
            </li>
          ))}
        </ul>
      )}
    </section>
  ));
}

function renderGroups(s: TaskBoardViewState, c: TaskBoardViewClasses): React.ReactNode {
  if (!s.data) return null;
  const { i18n } = s;
  if (s.data.rows.length === 0) return <Text>{i18n.t("taskBoard.empty")}</Text>;
  return groupedRows(s.data, s.grouping).map((g) => (
    <section key={g.key} className={c.group} aria-labelledby={`ct-taskgroup-${g.key}`}>
      <Text as="h3" weight="semibold" id={`ct-taskgroup-${g.key}`} className={c.groupTitle}>
        {i18n.b(g.label)} ({g.rows.length})
      </Text>
      <ul className={c.list}>{g.rows.map((r) => renderRow(r, c, i18n))}</ul>
    </section>
  ));
}

export function renderTaskBoardView(s: TaskBoardViewState, c: TaskBoardViewClasses): React.JSX.Element {
  const { i18n } = s;
  const { t } = i18n;
  return (
    <section className={c.root} aria-labelledby="ct-taskboard-heading" data-testid="task-board">
      <Text as="h2" weight="semibold" id="ct-taskboard-heading">
        {t("taskBoard.heading")}
      </Text>
      <div className={c.filters}>
        <Field label={t("taskBoard.period")}>
          <Select className={c.select} value={s.period} onChange={(_ev, d) => s.setPeriod(d.value)}>
            {s.props.periods.map((p) => (
              <option key={p.id} value={p.id}>
                {periodName(p, i18n)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("taskBoard.grouping")}>
          <Select className={c.select} value={s.grouping} onChange={(_ev, d) => s.setGrouping(d.value as TaskGrouping)}>
            {TASK_GROUPINGS.map((g) => (
              <option key={g} value={g}>
                {t(`taskBoard.by.${g}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Button onClick={s.reload} disabled={s.loading}>
          {t("taskBoard.reload")}
        </Button>
      </div>
      {s.loading && <Spinner size="tiny" label={t("app.loading")} />}
      {s.error !== null && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{describeError(s.error, i18n)}</MessageBarBody>
        </MessageBar>
      )}
      {s.data && (
        <div className={c.counts} data-testid="task-counts">
          {COUNT_ORDER.map((k) => (
            <Badge key={k} appearance="tint" color={BADGE[k]}>
              {stateLabel(k, i18n)}: {s.data?.counts[k] ?? 0}
            </Badge>
          ))}
        </div>
      )}
      {renderWatch(s, c)}
      {renderGroups(s, c)}
    </section>
  );
}
