import type * as React from "react";
import {
  Badge,
  Button,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle2,
  Text,
  ToggleButton,
} from "@fluentui/react-components";
import { unitGroupName } from "../../../domain/scorecard";
import type { BoardState, BoardUnit } from "../../api/board";
import { describeError } from "../../api/describe";
import { periodName } from "../clerk-review";
import { acceptable, STATE_ORDER } from "./board-logic";
import { ConfirmDialog } from "./ConfirmDialog";
import { ReportDetail } from "./ReportDetail";
import type { BoardViewState } from "./useBoard";
import type { BoardClasses } from "./useBoardStyles";
import "../../i18n/sections/board";

const BADGE: Record<BoardState, "danger" | "warning" | "important" | "informative" | "success" | "subtle"> = {
  missing: "danger",
  returned: "warning",
  submitted_late: "important",
  submitted_on_time: "informative",
  accepted: "success",
  not_applicable: "subtle",
};

function renderFilters(s: BoardViewState, c: BoardClasses): React.ReactNode {
  const { t } = s.i18n;
  return (
    <div className={c.filters}>
      <Field label={t("board.period")} className={c.wide}>
        <Select className={c.select} value={s.period} onChange={(_ev, d) => s.setPeriod(d.value)}>
          {s.props.periods.map((p) => (
            <option key={p.id} value={p.id}>
              {periodName(p, s.i18n)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("board.group")}>
        <Select className={c.select} value={s.group} onChange={(_ev, d) => s.setGroup(d.value)}>
          <option value="">{t("board.allGroups")}</option>
          {s.groups.map((g) => (
            <option key={g} value={g}>
              {s.i18n.b(unitGroupName(g))}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("board.stateFilter")}>
        <Select
          className={c.select}
          value={s.stateFilter}
          onChange={(_ev, d) => s.setStateFilter(d.value as BoardState | "")}
        >
          <option value="">{t("board.allStates")}</option>
          {STATE_ORDER.map((st) => (
            <option key={st} value={st}>
              {s.stateLabel(st)}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}

function renderCounts(s: BoardViewState, c: BoardClasses): React.ReactNode {
  const { data, i18n } = s;
  if (!data) return null;
  return (
    <>
      <Text size={200}>
        {i18n.t("board.deadline", { date: i18n.date(data.deadline) })} ·{" "}
        {i18n.t("board.expected", { count: data.counts.expected })}
      </Text>
      <div role="group" aria-label={i18n.t("board.countsLabel")} className={c.counts} data-testid="board-counts">
        {STATE_ORDER.map((st) => (
          <ToggleButton
            key={st}
            size="small"
            checked={s.stateFilter === st}
            onClick={() => s.setStateFilter(s.stateFilter === st ? "" : st)}
          >
            {i18n.t("board.count", { label: s.stateLabel(st), count: data.counts[st] })}
          </ToggleButton>
        ))}
      </div>
    </>
  );
}

function meta(u: BoardUnit, s: BoardViewState): string[] {
  const { t, dateTime } = s.i18n;
  const lines = [
    u.revision !== null && u.lastReceivedAt
      ? t("board.received", { revision: u.revision, time: dateTime(u.lastReceivedAt) })
      : t("board.notReceived"),
  ];
  const c = u.contact;
  if (c && (c.preparer || c.approver || c.phone)) {
    const earlier = u.contactSource === "earlier_period" && u.contactPeriod;
    lines.push(
      `${t("board.contact", { person: c.preparer ?? c.approver ?? "—", phone: c.phone ?? "—" })}${
        earlier ? ` ${t("board.contactEarlier", { period: u.contactPeriod ?? "" })}` : ""
      }`,
    );
  } else lines.push(t("board.noContact"));
  return lines;
}

function renderRow(u: BoardUnit, s: BoardViewState, c: BoardClasses, tour: boolean): React.ReactNode {
  const name = s.unitName(u);
  return (
    <li key={u.unitCode} className={c.row} data-testid={`board-row-${u.unitCode}`}>
      {acceptable(u) ? (
        <Checkbox
          checked={s.selected.has(u.unitCode)}
          onChange={() => s.toggle(u.unitCode)}
          aria-label={s.i18n.t("board.select", { unit: name })}
        />
      ) : (
        <span className={c.spacer} />
      )}
      <Button
        appearance="transparent"
        className={c.unitButton}
        onClick={() => s.setOpen(u)}
        title={s.i18n.t("board.open", { unit: name })}
        data-tour={tour ? "board-unit" : undefined}
      >
        <span className={c.unitText}>
          <Text weight="semibold">{name}</Text>
          <Badge appearance="tint" color={BADGE[u.state]}>
            {s.stateLabel(u.state)}
          </Badge>
          {meta(u, s).map((line) => (
            <span key={line} className={c.meta}>
              {line}
            </span>
          ))}
        </span>
      </Button>
    </li>
  );
}

function renderList(s: BoardViewState, c: BoardClasses): React.ReactNode {
  const { t } = s.i18n;
  const chosen = s.units.filter((u) => s.selected.has(u.unitCode) && acceptable(u));
  // the classroom tour points at the first unit that has sent a report
  const tourUnit = s.units.find((u) => u.revision !== null)?.unitCode;
  return (
    <>
      <div className={c.actions}>
        <Button size="small" onClick={() => void s.copyChase()}>
          {t("board.copy")}
        </Button>
        <Button size="small" onClick={s.exportChase}>
          {t("board.export")}
        </Button>
        <Button size="small" appearance="primary" disabled={chosen.length === 0} onClick={() => s.setConfirmMany(true)}>
          {t("board.acceptSelected", { count: chosen.length })}
        </Button>
      </div>
      {s.units.length === 0 ? (
        <Text>{t("board.empty")}</Text>
      ) : (
        <ul className={c.list} aria-label={t("board.listLabel")}>
          {s.units.map((u) => renderRow(u, s, c, u.unitCode === tourUnit))}
        </ul>
      )}
      <ConfirmDialog
        open={s.confirmMany}
        title={t("board.acceptMany.title", { count: chosen.length })}
        body={t("board.acceptMany.body", { units: chosen.map((u) => u.unitCode).join(", ") })}
        confirmLabel={t("board.action.accept")}
        text={{ label: t("board.confirm.commentOptional"), required: false }}
        busy={s.busy}
        onConfirm={(_ev, d) => void s.acceptSelected(d.text)}
        onCancel={() => s.setConfirmMany(false)}
      />
    </>
  );
}

function renderMessage(s: BoardViewState): React.ReactNode {
  if (!s.message) return null;
  return (
    <MessageBar intent={s.message.intent} layout="multiline" data-testid="board-message">
      <MessageBarBody>
        {s.message.text}
        {s.message.lines?.map((l) => (
          <div key={l}>{l}</div>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}

export function renderBoard(s: BoardViewState, c: BoardClasses): React.JSX.Element {
  const { t } = s.i18n;
  if (s.open) {
    return (
      <div className={c.root}>
        {renderMessage(s)}
        <ReportDetail
          client={s.props.client!}
          connection={s.props.connection}
          catalog={s.props.catalog}
          unit={s.open}
          period={s.period}
          unitName={s.unitName(s.open)}
          onBack={() => {
            s.setOpen(null);
            s.reload();
          }}
          onDone={(_ev, d) => s.setMessage(d.message)}
        />
      </div>
    );
  }
  return (
    <section className={c.root} aria-labelledby="ct-board-heading" data-testid="board" data-tour="board">
      <Subtitle2 as="h2" id="ct-board-heading">
        {t("board.heading")}
      </Subtitle2>
      {renderFilters(s, c)}
      <div className={c.actions}>
        <Button size="small" onClick={s.reload} disabled={s.loading}>
          {t("board.refresh")}
        </Button>
        {s.loading && <Spinner size="tiny" label={t("board.loading")} />}
      </div>
      {s.error ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{t("board.failed", { detail: describeError(s.error, s.i18n) })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {renderCounts(s, c)}
      {renderMessage(s)}
      {s.data && renderList(s, c)}
    </section>
  );
}
