/**
 * The parts of one report beside its figures, as the planner reads them on the board (issue 18): the narrative's
 * four parts, the unit's key-task progress (the state that counts, late marked), and what of both changed in the
 * diff. Markup only; the texts are in i18n/sections/board-review.ts.
 */
import type * as React from "react";
import { Badge, Text, mergeClasses } from "@fluentui/react-components";
import { NARRATIVE_LABELS, NARRATIVE_PARTS } from "../../../domain/report/narrative";
import { formatDeadline } from "../../../domain/tasks/deadline";
import { TASK_STATE_LABELS } from "../../../domain/tasks/labels";
import { TASK_PROGRESS_FIELDS, type TaskState } from "../../../domain/tasks/types";
import type { DiffResponse, ReportResponse } from "../../api/board";
import type { I18n, MessageKey } from "../../i18n";
import type { BoardClasses } from "./useBoardStyles";
import "../../i18n/sections/board";
import "../../i18n/sections/board-review";

type TaskRow = NonNullable<ReportResponse["tasks"]>[number];
type TaskChange = DiffResponse["tasks"][number];

/** The progress fields shown under a task, in the template's order (TienDoNV); state is the badge. */
const TASK_LINES = TASK_PROGRESS_FIELDS.filter((f) => f !== "state");

function fieldLabel(i18n: I18n, field: string): string {
  return i18n.t(`board.review.field.${field}` as MessageKey);
}

function stateText(i18n: I18n, state: TaskState | null): string {
  return state ? i18n.b(TASK_STATE_LABELS[state]) : i18n.t("board.review.notReported");
}

/** A field's value as text: a number in the locale, a text as written, blank as "(blank)". */
function valueText(i18n: I18n, field: string, v: unknown): string {
  if (v === null || v === undefined || v === "") return i18n.t("board.review.blank");
  if (field === "state") return stateText(i18n, v as TaskState);
  if (typeof v === "number") return i18n.num(v);
  return String(v);
}

/** The narrative's four parts, each under its label; one line when the report carries none. */
export function renderNarrative(i18n: I18n, c: BoardClasses, report: ReportResponse): React.ReactNode {
  const n = report.report.narrative ?? null;
  const written = n !== null && NARRATIVE_PARTS.some((p) => (n[p] ?? "").trim() !== "");
  return (
    <section className={c.section} aria-labelledby="ct-detail-narrative" data-testid="board-narrative">
      <Text as="h3" weight="semibold" id="ct-detail-narrative">
        {i18n.t("board.detail.narrative")}
      </Text>
      {!written ? (
        <Text className={c.note}>{i18n.t("board.detail.noNarrative")}</Text>
      ) : (
        <dl className={c.pairs}>
          {NARRATIVE_PARTS.map((p) => (
            <div key={p}>
              <dt className={c.term}>{i18n.b(NARRATIVE_LABELS[p])}</dt>
              <dd className={c.answer}>{n?.[p] ?? i18n.t("board.review.narrativeEmpty")}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

function renderTask(i18n: I18n, c: BoardClasses, row: TaskRow): React.ReactNode {
  const { t, b } = i18n;
  const role = t(`board.review.role.${row.role ?? "none"}` as MessageKey);
  const lines = TASK_LINES.filter((f) => row[f] !== null);
  return (
    <li key={row.taskId} className={c.taskItem} data-testid={`board-task-${row.taskId}`}>
      <Text weight="semibold">
        {t("board.review.taskHeading", { id: row.taskId, name: row.name ? b(row.name) : row.taskId })}
      </Text>
      <div className={c.actions}>
        <Badge
          appearance="tint"
          color={row.late ? "danger" : row.state === "done" ? "success" : row.state ? "informative" : "warning"}
        >
          {stateText(i18n, row.state)}
        </Badge>
        <Text size={200}>{role}</Text>
        {row.deadline !== null && (
          <Text size={200}>{t("board.review.deadline", { deadline: formatDeadline(row.deadline, i18n.locale) })}</Text>
        )}
      </div>
      {row.late && (
        <Text className={c.note}>
          {t("board.review.lateMark")}
          {row.reportedState && row.reportedState !== "late"
            ? ` ${t("board.review.typed", { state: stateText(i18n, row.reportedState) })}`
            : ""}
        </Text>
      )}
      {row.product && <Text className={c.note}>{t("board.review.expected", { text: row.product })}</Text>}
      {lines.map((f) => (
        <Text key={f} className={c.note}>
          {t("board.review.line", { label: fieldLabel(i18n, f), text: valueText(i18n, f, row[f]) })}
        </Text>
      ))}
    </li>
  );
}

/** The unit's key tasks in the period with their progress; nothing where the unit has none (no register rows). */
export function renderTasks(i18n: I18n, c: BoardClasses, report: ReportResponse): React.ReactNode {
  const rows = report.tasks ?? null;
  if (rows === null) return null;
  return (
    <section className={c.section} aria-labelledby="ct-detail-tasks" data-testid="board-tasks">
      <Text as="h3" weight="semibold" id="ct-detail-tasks">
        {i18n.t("board.review.tasks")}
      </Text>
      <Text className={c.note}>
        {i18n.t("board.review.tasksCount", {
          count: rows.length,
          late: rows.filter((r) => r.late).length,
          missing: rows.filter((r) => !r.reported).length,
        })}
      </Text>
      <ul className={c.list}>{rows.map((r) => renderTask(i18n, c, r))}</ul>
    </section>
  );
}

function renderTaskChange(i18n: I18n, x: TaskChange): React.ReactNode {
  return (
    <li key={x.taskId}>
      <strong>{x.taskId}</strong>
      {x.fields.map((f) => (
        <div key={f}>
          {i18n.t("board.review.taskChange", {
            label: fieldLabel(i18n, f),
            from: valueText(i18n, f, (x.from as Record<string, unknown> | null)?.[f]),
            to: valueText(i18n, f, (x.to as Record<string, unknown> | null)?.[f]),
          })}
        </div>
      ))}
    </li>
  );
}

/** The narrative parts and task rows that changed (a diff against nothing lists none). */
export function renderDiffParts(i18n: I18n, c: BoardClasses, d: DiffResponse): React.ReactNode {
  const narrative = d.narrative ?? [];
  const tasks = d.tasks ?? [];
  const blank = i18n.t("board.review.blank");
  return (
    <>
      {narrative.length === 0 ? (
        <Text className={c.note}>{i18n.t("board.review.diffNarrativeSame")}</Text>
      ) : (
        <div data-testid="board-diff-narrative">
          <Text weight="semibold" size={200}>
            {i18n.t("board.review.diffNarrative")}
          </Text>
          <ul className={c.plain}>
            {narrative.map((n) => (
              <li key={n.part} className={c.note}>
                <strong>{i18n.b(NARRATIVE_LABELS[n.part])}</strong>
                <div>{i18n.t("board.review.before", { text: n.from ?? blank })}</div>
                <div>{i18n.t("board.review.after", { text: n.to ?? blank })}</div>
              </li>
            ))}
          </ul>
        </div>
      )}
      {tasks.length > 0 && (
        <div data-testid="board-diff-tasks">
          <Text weight="semibold" size={200}>
            {i18n.t("board.review.diffTasks")}
          </Text>
          <ul className={mergeClasses(c.plain, c.note)}>{tasks.map((x) => renderTaskChange(i18n, x))}</ul>
        </div>
      )}
    </>
  );
}
