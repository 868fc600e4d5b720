import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  mergeClasses,
  type BadgeProps,
} from "@fluentui/react-components";
import { MILESTONE_STATES, type TargetProgress } from "../../../domain";
import type { MessageKey } from "../../i18n";
import type { EntryFieldView, EntryFormState, EntryRowContext, EntryRowView } from "./EntryForm.types";
import { entryFormClassNames, type EntryFormClasses } from "./useEntryFormStyles";
import { RecentValues } from "../recent-values/RecentValues";

export const PROGRESS_COLORS: Record<TargetProgress, NonNullable<BadgeProps["color"]>> = {
  met: "success",
  on_track: "brand",
  at_risk: "warning",
  off_track: "danger",
  no_target: "informative",
  no_data: "subtle",
};

function renderField(
  state: EntryRowContext,
  classes: EntryFormClasses,
  row: EntryRowView,
  f: EntryFieldView,
): React.JSX.Element {
  const { t } = state.i18n;
  const targetId = row.target.id;
  const onBlur = (ev: React.FocusEvent) => state.handleBlur(ev, { targetId, field: f.field });
  return (
    <Field
      key={f.field}
      label={f.label}
      validationState={f.validationState}
      validationMessage={f.validationMessage}
      hint={f.hint}
      size="small"
    >
      {f.kind === "milestone" ? (
        <Select
          className={classes.select}
          value={f.value}
          disabled={state.readOnly}
          onChange={(ev, data) => state.handleInput(ev, { targetId, field: f.field, value: data.value })}
          onBlur={onBlur}
        >
          <option value="">{t("form.milestone.choose")}</option>
          {MILESTONE_STATES.map((m) => (
            <option key={m} value={m}>
              {t(`form.milestone.${m}` as MessageKey)}
            </option>
          ))}
        </Select>
      ) : (
        <Input
          value={f.value}
          readOnly={state.readOnly}
          inputMode={f.kind === "number" ? "decimal" : "text"}
          autoComplete="off"
          onChange={(ev, data) => state.handleInput(ev, { targetId, field: f.field, value: data.value })}
          onBlur={onBlur}
        />
      )}
    </Field>
  );
}

/** The "not applicable" answer: a checkbox and the reason where the unit may give it, a note where it may not. */
function renderNotApplicable(
  state: EntryRowContext,
  classes: EntryFormClasses,
  row: EntryRowView,
): React.JSX.Element | null {
  const na = row.notApplicable;
  const targetId = row.target.id;
  return (
    <>
      {na.allowed && (
        <Checkbox
          checked={na.checked}
          disabled={state.readOnly}
          label={na.toggleLabel}
          data-na={targetId}
          data-tour={state.tourNotApplicable === targetId ? "not-applicable" : undefined}
          onChange={(ev, data) => state.handleNotApplicable(ev, { targetId, checked: data.checked === true })}
        />
      )}
      {na.reason && <div className={classes.fields}>{renderField(state, classes, row, na.reason)}</div>}
      {na.note && (
        <Text size={200} className={classes.muted}>
          {na.note}
        </Text>
      )}
    </>
  );
}

function renderRow(state: EntryRowContext, classes: EntryFormClasses, row: EntryRowView): React.JSX.Element {
  const { t } = state.i18n;
  const detailsId = `ct-details-${row.target.id}`;
  return (
    <section
      key={row.target.id}
      className={mergeClasses(entryFormClassNames.row, classes.row)}
      aria-labelledby={row.headingId}
      data-target={row.target.id}
    >
      <h4 id={row.headingId} className={classes.title}>
        {row.title}
      </h4>
      <div className={classes.badges}>
        <Badge appearance="filled" color={PROGRESS_COLORS[row.progress]}>
          {row.progressLabel}
        </Badge>
        {row.provisional && (
          <Badge appearance="outline" color="warning">
            {t("status.provisional")}
          </Badge>
        )}
      </div>
      <Text size={200} className={classes.meta}>
        {row.targetText}
      </Text>
      {row.appliedText && (
        <Text size={200} className={classes.muted} data-applied={row.target.id}>
          {row.appliedText}
        </Text>
      )}
      <Text size={200} className={classes.meta}>
        {row.unitOfMeasure}
      </Text>
      <Text size={200} className={classes.muted}>
        {row.sourceStatus}
      </Text>
      <div className={classes.fields}>{row.fields.map((f) => renderField(state, classes, row, f))}</div>
      {row.recent && <RecentValues view={row.recent} />}
      {renderNotApplicable(state, classes, row)}
      {row.details.length > 0 && (
        <>
          <Button
            className={classes.toggle}
            appearance="transparent"
            size="small"
            aria-expanded={row.detailsOpen}
            aria-controls={detailsId}
            onClick={(ev) => state.handleToggleDetails(ev, { targetId: row.target.id })}
          >
            {`${row.target.id} · ${t("form.evidence")}, ${t("form.responsible").toLowerCase()}`}
          </Button>
          {row.detailsOpen && (
            <div id={detailsId} className={classes.fields}>
              {row.details.map((f) => renderField(state, classes, row, f))}
            </div>
          )}
        </>
      )}
    </section>
  );
}

interface EntryRowProps {
  context: EntryRowContext;
  classes: EntryFormClasses;
  row: EntryRowView;
}

/** One target; rendered again only when its view, the context or the classes change. */
const EntryRow = React.memo(function EntryRow(props: EntryRowProps): React.JSX.Element {
  return renderRow(props.context, props.classes, props.row);
});

export function renderEntryForm(state: EntryFormState, classes: EntryFormClasses): React.JSX.Element {
  const { t } = state.i18n;
  return (
    <div className={mergeClasses(entryFormClassNames.root, classes.root)}>
      {state.readOnly && (
        <MessageBar intent="info" className={classes.readOnly}>
          <MessageBarBody>{t("form.readOnly")}</MessageBarBody>
        </MessageBar>
      )}
      <Accordion multiple collapsible openItems={state.openGroups} onToggle={state.handleToggleGroup}>
        {state.groups.map((g, i) => (
          <AccordionItem key={g.group} value={g.group}>
            <AccordionHeader as="h3" size="medium" data-tour={i === 0 ? "entry-form" : undefined}>
              {`${g.title} (${g.rows.length})`}
            </AccordionHeader>
            <AccordionPanel className={classes.panel}>
              {g.rows.map((row) => (
                <EntryRow key={row.target.id} context={state.rowContext} classes={classes} row={row} />
              ))}
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </div>
  );
}
