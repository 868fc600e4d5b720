import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Label,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Subtitle2,
  Text,
  mergeClasses,
} from "@fluentui/react-components";
import { describeError } from "../../api/describe";
import type { FileVerdict } from "../../../domain/scorecard";
import type { PlannerPaneState } from "./PlannerPane.types";
import { ScorecardSummary } from "./ScorecardSummary";
import { plannerPaneClassNames, type PlannerPaneClasses } from "./usePlannerPaneStyles";

function progress(state: PlannerPaneState): { label: string; value: number | undefined } | null {
  const { phase, text } = state;
  if (phase.kind === "fetching") return { label: text("fetching"), value: undefined };
  if (phase.kind === "reading")
    return {
      label: text("reading", { done: phase.done, total: phase.total }),
      value: phase.total ? phase.done / phase.total : 0,
    };
  if (phase.kind === "writing")
    return {
      label: text("writing", { done: phase.done, total: phase.total }),
      value: phase.total ? phase.done / phase.total : 0,
    };
  return null;
}

function VerdictList(props: {
  state: PlannerPaneState;
  classes: PlannerPaneClasses;
  items: FileVerdict[];
  title: string;
}): React.JSX.Element | null {
  const { state, classes, items, title } = props;
  if (items.length === 0) return null;
  return (
    <section className={classes.section} aria-label={title}>
      <Text weight="semibold">
        {title} ({items.length})
      </Text>
      <ul className={classes.list}>
        {items.map((f) => (
          <li key={`${f.source}|${f.period ?? ""}|${f.unitCode ?? ""}`}>
            <span className={classes.file}>{f.source}</span>
            {f.reasons.map((r, i) => (
              <div key={i} className={classes.reason}>
                {r.targetId ? `${r.targetId} — ` : ""}
                {state.i18n.b(r.message)}
                {r.cell ? ` (${state.text("cell", { cell: r.cell })})` : ""}
              </div>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Consolidating the workbooks received by e-mail: the file input, the verdicts, the duplicates and the write. */
function renderFilesSection(state: PlannerPaneState, classes: PlannerPaneClasses): React.JSX.Element {
  const { text } = state;
  const fileInputId = "ct-planner-files";
  return (
    <section className={classes.section} aria-labelledby="ct-planner-files-heading">
      <Subtitle2 as="h3" id="ct-planner-files-heading">
        {text("filesHeading")}
      </Subtitle2>
      <Label htmlFor={fileInputId}>{text("filesLabel")}</Label>
      <input
        id={fileInputId}
        type="file"
        multiple
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={state.handleFilesChange}
        disabled={state.busy}
      />
      {state.files && (
        <Text role="status">
          {text("filesSummary", {
            read: state.files.counts.read,
            accepted: state.files.counts.accepted,
            rejected: state.files.counts.rejected,
            skipped: state.files.counts.skipped,
            conflict: state.files.counts.conflict,
          })}
        </Text>
      )}
      <VerdictList state={state} classes={classes} items={state.rejected} title={text("rejectedHeading")} />
      <VerdictList state={state} classes={classes} items={state.skipped} title={text("skippedHeading")} />
      {state.conflicts.length > 0 && (
        <section className={classes.section} aria-label={text("duplicatesHeading")}>
          <Text weight="semibold">
            {text("duplicatesHeading")} ({state.conflicts.length})
          </Text>
          <Text>{text("duplicatesExplain")}</Text>
          <ul className={classes.list}>
            {state.conflicts.map((d) => (
              <li key={`${d.unitCode}|${d.period}`}>
                <span className={classes.file}>
                  {d.unitCode} · {d.period}
                </span>
                :{" "}
                {d.files
                  .map((f) => `${f.source}${f.savedAt ? ` (${state.i18n.dateTime(f.savedAt)})` : ""}`)
                  .join(" / ")}
              </li>
            ))}
          </ul>
          <div className={classes.actions}>
            <Button onClick={state.handlePreferNewer} disabled={state.busy}>
              {text("preferNewer")}
            </Button>
          </div>
        </section>
      )}
      {state.files && (
        <div className={classes.actions}>
          <Button appearance="primary" onClick={state.handleWriteFiles} disabled={!state.canWriteFiles}>
            {text("writeFiles")}
          </Button>
        </div>
      )}
    </section>
  );
}

export function renderPlannerPane(state: PlannerPaneState, classes: PlannerPaneClasses): React.JSX.Element {
  const { text, phase } = state;
  const bar = progress(state);
  return (
    <section className={mergeClasses(plannerPaneClassNames.root, classes.root)} aria-labelledby="ct-planner-heading">
      <Subtitle2 as="h2" id="ct-planner-heading">
        {text("heading")}
      </Subtitle2>
      <Field
        label={text("period")}
        hint={text("periodHint")}
        validationState={state.periodError ? "error" : "none"}
        validationMessage={state.periodError}
        required
      >
        <Input value={state.period} onChange={state.handlePeriodChange} />
      </Field>
      <Field label={text("group")}>
        <Select value={state.group} onChange={state.handleGroupChange}>
          <option value="">{text("allUnits")}</option>
          {state.groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={text("basis")}>
        <Select value={state.basis} onChange={state.handleBasisChange}>
          <option value="latest">{text("basisLatest")}</option>
          <option value="accepted">{text("basisAccepted")}</option>
        </Select>
      </Field>
      <Field label={text("spreadTarget")} hint={text("spreadTargetHint")}>
        <Select value={state.spreadTarget} onChange={state.handleSpreadTargetChange}>
          <option value="">{text("spreadTargetDefault")}</option>
          {state.spreadTargets.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </Select>
      </Field>
      <div className={classes.actions}>
        <Button appearance="primary" onClick={state.handleConsolidate} disabled={state.busy} data-tour="consolidate">
          {text("fromEndpoint")}
        </Button>
      </div>
      {bar && (
        <Field validationMessage={bar.label} validationState="none">
          <ProgressBar value={bar.value} thickness="large" aria-label={bar.label} />
        </Field>
      )}
      {phase.kind === "done" && (
        <MessageBar intent="success">
          <MessageBarBody>
            {text("done", {
              sheets: phase.result.sheets.length,
              syncs: phase.result.syncs,
              submitted: phase.totals.submitted,
              expected: phase.totals.expected,
              missing: phase.totals.missing,
            })}
            {phase.result.replaced.length > 0
              ? ` ${text("replaced", { names: phase.result.replaced.join(", ") })}`
              : ""}
          </MessageBarBody>
        </MessageBar>
      )}
      {phase.kind === "done" && <ScorecardSummary counts={phase.scorecard} />}
      {phase.kind === "error" && (
        <MessageBar intent="error">
          <MessageBarBody>{describeError(phase.error, state.i18n)}</MessageBarBody>
        </MessageBar>
      )}

      {renderFilesSection(state, classes)}

      <Dialog open={state.confirmOpen} modalType="alert">
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{text("duplicatesHeading")}</DialogTitle>
            <DialogContent>{text("preferNewerConfirm", { count: state.conflicts.length })}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={state.handleConfirm}>
                {text("confirm")}
              </Button>
              <Button onClick={state.handleCancel}>{text("cancel")}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
