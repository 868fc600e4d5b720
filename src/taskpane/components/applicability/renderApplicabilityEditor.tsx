import * as React from "react";
import {
  Button,
  Field,
  Input,
  Label,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle2,
  Text,
  mergeClasses,
} from "@fluentui/react-components";
import { APPLICABILITY_STATES } from "../../../domain/rules/applicability";
import { describeError } from "../../api/describe";
import type { ApplicabilityEditorState } from "./ApplicabilityEditor.types";
import { applicabilityEditorClassNames, type ApplicabilityEditorClasses } from "./useApplicabilityEditorStyles";
import "../../i18n/sections/applicability";

/** The unit search: an input and the matching units as buttons (Tab to one, Enter picks it). */
function renderSearch(state: ApplicabilityEditorState, classes: ApplicabilityEditorClasses): React.JSX.Element {
  const { t } = state.i18n;
  return (
    <div className={classes.section}>
      <Field label={t("applic.search")} hint={t("applic.searchHint")}>
        <Input value={state.query} onChange={state.handleQuery} autoComplete="off" type="search" />
      </Field>
      {state.query.trim() !== "" &&
        (state.matches.length === 0 ? (
          <Text role="status">{t("applic.noMatch")}</Text>
        ) : (
          <ul className={classes.list} aria-label={t("applic.matches", { count: state.matches.length })}>
            {state.matches.map((u) => (
              <li key={u.code}>
                <Button
                  className={classes.match}
                  appearance={state.unit?.code === u.code ? "primary" : "subtle"}
                  aria-pressed={state.unit?.code === u.code}
                  onClick={(ev) => state.handlePick(ev, { unitCode: u.code })}
                >
                  {`${u.code} · ${state.i18n.b(u.name)}`}
                </Button>
              </li>
            ))}
          </ul>
        ))}
    </div>
  );
}

/** The unit's targets: each with its state in force, where it comes from, and a select to change it. */
function renderTargets(state: ApplicabilityEditorState, classes: ApplicabilityEditorClasses): React.JSX.Element | null {
  const { t } = state.i18n;
  if (!state.unit) return null;
  if (state.loading && !state.model) return <Spinner size="tiny" label={t("applic.loading")} />;
  if (!state.model) return null;
  return (
    <section className={classes.section} aria-labelledby="ct-applic-unit">
      <Subtitle2 as="h4" id="ct-applic-unit">
        {t("applic.unitHeading", {
          unit: `${state.unit.code} · ${state.i18n.b(state.unit.name)}`,
          period: state.model.period,
        })}
      </Subtitle2>
      <ul className={classes.list}>
        {state.rows.map((r) => (
          <li
            key={r.targetId}
            className={mergeClasses(classes.row, r.changed && classes.changed)}
            data-target={r.targetId}
          >
            <Field
              label={r.title}
              hint={`${r.detail}${r.note ? ` — ${r.note}` : ""}${r.changed ? ` · ${t("applic.changed")}` : ""}`}
              size="small"
            >
              <Select
                className={classes.select}
                value={r.value}
                onChange={(ev, data) => state.handleState(ev, { targetId: r.targetId, value: data.value })}
              >
                {APPLICABILITY_STATES.map((s) => (
                  <option key={s} value={s}>
                    {t(`applic.state.${s}`)}
                  </option>
                ))}
              </Select>
            </Field>
          </li>
        ))}
      </ul>
      <Field
        label={t("applic.from")}
        hint={t("applic.fromHint")}
        validationState={state.fromError ? "error" : "none"}
        validationMessage={state.fromError}
      >
        <Input value={state.from} onChange={state.handleFrom} />
      </Field>
      <Field label={t("applic.note")}>
        <Input value={state.note} onChange={state.handleNote} />
      </Field>
      <div className={classes.actions}>
        <Button
          appearance="primary"
          disabled={state.busy || state.pending === 0 || state.fromError !== undefined}
          onClick={state.handleSave}
        >
          {t("applic.save", { count: state.pending })}
        </Button>
      </div>
    </section>
  );
}

/** Importing the table from a file: every bad row listed, or the valid rows ready to send. */
function renderImport(state: ApplicabilityEditorState, classes: ApplicabilityEditorClasses): React.JSX.Element {
  const { t } = state.i18n;
  const im = state.importState;
  const inputId = "ct-applic-file";
  return (
    <section className={classes.section} aria-labelledby="ct-applic-import">
      <Subtitle2 as="h4" id="ct-applic-import">
        {t("applic.importHeading")}
      </Subtitle2>
      <Label htmlFor={inputId}>{t("applic.importLabel")}</Label>
      <input id={inputId} type="file" accept=".csv,.xlsx,text/csv" onChange={state.handleFile} disabled={state.busy} />
      {im.kind === "reading" && <Spinner size="tiny" label={t("applic.loading")} />}
      {im.kind === "bad" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <Text weight="semibold">{t("applic.importBad", { count: new Set(im.issues.map((i) => i.row)).size })}</Text>
            <ul className={classes.issues}>
              {im.issues.map((i, n) => (
                <li key={n}>
                  {t("applic.importRow", { row: i.row, column: i.column, message: state.i18n.b(i.message) })}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {im.kind === "ready" && (
        <div className={classes.actions}>
          <Text role="status">{t("applic.importReady", { count: im.rows.length })}</Text>
          <Button appearance="primary" disabled={state.busy} onClick={state.handleImport}>
            {t("applic.importSend", { count: im.rows.length })}
          </Button>
        </div>
      )}
    </section>
  );
}

export function renderApplicabilityEditor(
  state: ApplicabilityEditorState,
  classes: ApplicabilityEditorClasses,
): React.JSX.Element {
  const { t } = state.i18n;
  return (
    <section
      className={mergeClasses(applicabilityEditorClassNames.root, classes.root)}
      aria-labelledby="ct-applic-heading"
    >
      <Subtitle2 as="h3" id="ct-applic-heading">
        {t("applic.heading")}
      </Subtitle2>
      <Text>{t("applic.intro")}</Text>
      <Field
        label={t("applic.period")}
        validationState={state.periodError ? "error" : "none"}
        validationMessage={state.periodError}
      >
        <Input value={state.period} onChange={state.handlePeriod} />
      </Field>
      {renderSearch(state, classes)}
      {state.message && (
        <MessageBar intent="success">
          <MessageBarBody role="status">{state.message}</MessageBarBody>
        </MessageBar>
      )}
      {state.error !== null && (
        <MessageBar intent="error">
          <MessageBarBody>{describeError(state.error, state.i18n)}</MessageBarBody>
        </MessageBar>
      )}
      {renderTargets(state, classes)}
      {renderImport(state, classes)}
    </section>
  );
}
