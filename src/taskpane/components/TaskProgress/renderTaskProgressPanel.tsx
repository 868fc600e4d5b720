import * as React from "react";
import {
  Badge,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  Textarea,
  mergeClasses,
} from "@fluentui/react-components";
import {
  TASK_PROGRESS_FIELDS,
  TASK_STATES,
  TASK_STATE_LABELS,
  formatDeadline,
  type TaskProgressField,
} from "../../../domain";
import { describeError } from "../../api";
import type { I18n } from "../../i18n/types";
import type { TaskMessage, TaskProgressPanelState, TaskView } from "./TaskProgressPanel.types";
import type { TaskProgressPanelClasses } from "./useTaskProgressPanelStyles";
import { refusedAt } from "./useTaskProgressPanel";
import "../../i18n/sections/tasks";

const LONG: ReadonlySet<TaskProgressField> = new Set([
  "productDelivered",
  "evidence",
  "obstacles",
  "proposals",
  "justification",
]);
const HINTS: Partial<
  Record<TaskProgressField, "tasks.hint.completedOn" | "tasks.hint.justification" | "tasks.hint.productDelivered">
> = {
  completedOn: "tasks.hint.completedOn",
  justification: "tasks.hint.justification",
  productDelivered: "tasks.hint.productDelivered",
};

function validation(list: TaskMessage[] | undefined): { state: "error" | "warning" | "none"; text?: string } {
  if (!list || list.length === 0) return { state: "none" };
  const state = list.some((m) => m.severity === "error")
    ? "error"
    : list.some((m) => m.severity === "warning")
      ? "warning"
      : "none";
  return { state, text: list.map((m) => m.text).join(" ") };
}

function renderField(
  state: TaskProgressPanelState,
  view: TaskView,
  field: TaskProgressField,
  classes: TaskProgressPanelClasses,
  i18n: I18n,
): React.ReactNode {
  const { session, readOnly } = state.props;
  const id = view.unitTask.task.id;
  const value = session.drafts[id]?.[field] ?? "";
  const v = validation(view.messages[field]);
  const label = `${id} · ${i18n.t(`tasks.field.${field}`)}`;
  const hint = HINTS[field];
  const common = {
    value,
    readOnly,
    "data-task": id,
    "data-field": field,
    onBlur: () => session.commit(),
  };
  const control =
    field === "state" ? (
      <Select
        value={value}
        disabled={readOnly}
        data-task={id}
        data-field={field}
        onChange={(_ev, data) => {
          session.setField(id, field, data.value);
          session.commit();
        }}
      >
        <option value="">{i18n.t("tasks.stateNone")}</option>
        {TASK_STATES.map((s) => (
          <option key={s} value={s}>
            {i18n.b(TASK_STATE_LABELS[s])}
          </option>
        ))}
      </Select>
    ) : LONG.has(field) ? (
      <Textarea
        {...common}
        className={classes.area}
        resize="vertical"
        onChange={(_ev, data) => session.setField(id, field, data.value)}
      />
    ) : (
      <Input
        {...common}
        inputMode={field === "percent" ? "decimal" : undefined}
        onChange={(_ev, data) => session.setField(id, field, data.value)}
      />
    );
  return (
    <Field
      key={field}
      label={label}
      validationState={v.state}
      validationMessage={v.text}
      hint={hint && !v.text ? i18n.t(hint) : undefined}
    >
      {control}
    </Field>
  );
}

function renderTask(
  state: TaskProgressPanelState,
  view: TaskView,
  classes: TaskProgressPanelClasses,
  i18n: I18n,
): React.ReactNode {
  const { task, role } = view.unitTask;
  const open = state.open.has(task.id);
  const headingId = `ct-task-${task.id}`;
  const whole = validation(view.messages[""]);
  return (
    <section
      key={task.id}
      aria-labelledby={headingId}
      data-testid={`task-${task.id}`}
      className={mergeClasses(classes.task, view.errors > 0 && classes.taskError)}
    >
      <div className={classes.head}>
        <Text as="h3" weight="semibold" id={headingId} className={classes.title}>
          {task.id} · {i18n.b(task.name)}
        </Text>
        <Badge appearance="outline" color={role === "lead" ? "brand" : "informative"} className={classes.badge}>
          {i18n.t(role === "lead" ? "tasks.role.lead" : "tasks.role.co")}
        </Badge>
      </div>
      <Text size={200} className={classes.facts}>
        {i18n.t("tasks.deadline", { deadline: formatDeadline(task.deadline, i18n.locale) })}
        {task.product ? ` · ${i18n.t("tasks.product", { product: task.product })}` : ""}
      </Text>
      {view.pastDeadline && (
        <Text size={200} className={classes.facts}>
          {i18n.t("tasks.countsLate")}
        </Text>
      )}
      {!view.onSheet && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{i18n.t("tasks.notOnSheet")}</MessageBarBody>
        </MessageBar>
      )}
      {whole.text && (
        <MessageBar intent={whole.state === "error" ? "error" : "info"} layout="multiline">
          <MessageBarBody>{whole.text}</MessageBarBody>
        </MessageBar>
      )}
      <Button
        size="small"
        appearance="subtle"
        aria-expanded={open}
        aria-controls={`${headingId}-fields`}
        onClick={() => state.toggle(task.id)}
      >
        {i18n.t(open ? "tasks.hide" : "tasks.show", { task: task.id })}
      </Button>
      <div id={`${headingId}-fields`} hidden={!open}>
        {open && TASK_PROGRESS_FIELDS.map((f) => renderField(state, view, f, classes, i18n))}
      </div>
    </section>
  );
}

function renderRefused(state: TaskProgressPanelState, classes: TaskProgressPanelClasses, i18n: I18n): React.ReactNode {
  const { refused, onSelectCell } = state.props;
  const items = refused.map((i) => ({ issue: i, at: refusedAt(i) })).filter((x) => x.at !== null);
  if (items.length === 0) return null;
  return (
    <MessageBar intent="error" layout="multiline" data-testid="tasks-refused">
      <MessageBarBody>
        {i18n.t("tasks.refused")}
        <ul className={classes.list}>
          {items.map(({ issue, at }, n) => {
            const cell = at && at.field ? state.cellOf(at.taskId, at.field) : undefined;
            return (
              <li key={n}>
                {i18n.b(issue.message)}
                {cell && (
                  <>
                    {" "}
                    <Button size="small" appearance="transparent" onClick={(ev) => onSelectCell(ev, { cell })}>
                      {i18n.t("tasks.inCell", { cell })}
                    </Button>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

export function renderTaskProgressPanel(
  state: TaskProgressPanelState,
  classes: TaskProgressPanelClasses,
  i18n: I18n,
): React.JSX.Element {
  const { session, readOnly } = state.props;
  const count = state.views.length;
  return (
    <section className={classes.root} aria-labelledby="ct-tasks-heading">
      <Text as="h2" weight="semibold" id="ct-tasks-heading">
        {i18n.t("tasks.heading")}
      </Text>
      <Text className={classes.hint}>{i18n.t("tasks.hint")}</Text>
      {readOnly && <Text className={classes.hint}>{i18n.t("tasks.readOnly")}</Text>}
      {!session.available && (
        <MessageBar intent="warning">
          <MessageBarBody>{i18n.t("tasks.unavailable")}</MessageBarBody>
        </MessageBar>
      )}
      {session.available && session.source === "sheet" && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{i18n.t("tasks.fromSheet")}</MessageBarBody>
        </MessageBar>
      )}
      {session.error !== null && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{describeError(session.error, i18n)}</MessageBarBody>
        </MessageBar>
      )}
      {renderRefused(state, classes, i18n)}
      {session.available && count === 0 && <Text>{i18n.t("tasks.none")}</Text>}
      {count > 0 && (
        <Text role="status" data-testid="tasks-summary">
          {state.errors > 0
            ? i18n.t("tasks.summaryErrors", { count, errors: state.errors })
            : i18n.t("tasks.summaryOk", { count })}
        </Text>
      )}
      {session.available && state.views.map((v) => renderTask(state, v, classes, i18n))}
    </section>
  );
}
