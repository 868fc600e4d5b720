import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { describeError } from "../api";
import { EntryForm } from "../components/EntryForm";
import { IssuesPanel } from "../components/IssuesPanel";
import { NarrativePanel } from "../components/NarrativePanel";
import { TaskProgressPanel } from "../components/TaskProgress";
import { PeriodPicker } from "../components/PeriodPicker";
import { ReportTabs } from "../components/ReportTabs";
import { StatusSummary } from "../components/StatusSummary";
import { SubmitPanel } from "../components/SubmitPanel";
import { DueReminders, ReviewBanner } from "../components/clerk-review";
import type { I18n } from "../i18n";
import { lazyView } from "../lazy-view";
import type { ReportSectionState } from "./useReportSection";
import type { ReportSectionClasses } from "./useReportSectionStyles";
import "../i18n/sections/narrative";
import "../i18n/sections/tasks";

/** The upload form (outside Excel only) is fetched after the connect screen, with this section. */
export const uploadWorkbook = lazyView(() =>
  import(/* webpackChunkName: "upload-workbook" */ "../components/UploadWorkbook").then((m) => m.UploadWorkbook),
);
const UploadWorkbook = uploadWorkbook.View;

function renderMessages(state: ReportSectionState, i18n: I18n): React.ReactNode {
  const { report, props, workbookError } = state;
  const { preview } = props;
  return (
    <>
      {report.status === "blocked" && report.blockedBy && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {i18n.t("report.otherReport", { unit: report.blockedBy.unitCode, period: report.blockedBy.period })}
          </MessageBarBody>
          {preview && (
            <MessageBarActions>
              <Button
                size="small"
                onClick={() => {
                  preview.reset();
                  void report.open(null, { period: props.periodChoice });
                }}
              >
                {i18n.t("preview.newWorkbook")}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {workbookError ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {i18n.t("report.workbookError", { detail: describeError(workbookError, i18n) })}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {report.notice && report.status === "ready" && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            {i18n.t(report.notice.kind === "created" ? "report.created" : "report.recognised", {
              period: report.notice.period,
            })}
            {report.notice.loadedRevision !== undefined
              ? ` ${i18n.t(state.submission.state === "accepted" ? "report.loadedLocked" : "report.loaded", {
                  revision: report.notice.loadedRevision ?? "?",
                })}`
              : ""}
            {report.notice.repaired.length > 0
              ? ` ${i18n.t("report.repaired", { what: report.notice.repaired.join(", ") })}`
              : ""}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

function countFilled(entries: ReportSectionState["report"]["entries"]): number {
  return entries.filter((e) =>
    [e.value, e.numerator, e.denominator, e.milestone].some(
      (v) => v !== null && v !== undefined && String(v).trim() !== "",
    ),
  ).length;
}

/** The task errors that stop a submission (the rules' and a percent that is not a number). */
function taskErrors(state: ReportSectionState): number {
  const { check, badPercent } = state.tasks;
  return (check?.issues.filter((i) => i.severity === "error").length ?? 0) + badPercent.length;
}

function renderTabs(state: ReportSectionState, classes: ReportSectionClasses, i18n: I18n): React.ReactNode {
  const { report, submission, tab, props } = state;
  const { result, period } = report;
  if (report.status !== "ready" || !period || !result) return null;
  const { queue } = props;
  const locked = submission.state === "accepted";
  // what needs the clerk: errors and warnings still to justify (notes and justified warnings are not problems)
  const issueCount = result.counts.errors + result.counts.unjustifiedWarnings;
  return (
    <>
      <StatusSummary
        result={result}
        filled={countFilled(report.entries)}
        total={report.targets.length}
        waiting={queue.items.length}
        locked={locked}
      />
      <ReviewBanner
        server={submission.server}
        targets={report.targets}
        entries={report.entries}
        cellOf={state.cellOf}
        onSelectCell={state.handleSelectCell}
      />
      <ReportTabs
        tabs={[
          { id: "form", label: i18n.t("tabs.form") },
          { id: "issues", label: i18n.t("tabs.issues", { count: issueCount }), tour: "issues" },
          { id: "narrative", label: i18n.t("tabs.narrative") },
          // a unit with no key task has no Tasks tab: the report holds only what applies to it
          ...(state.tasks.tasks.length > 0
            ? [{ id: "tasks" as const, label: i18n.t("tabs.tasks", { count: taskErrors(state) }), tour: "tasks" }]
            : []),
          { id: "submit", label: i18n.t("tabs.submit"), tour: "submit" },
        ]}
        selected={tab}
        label={i18n.t("tabs.label")}
        panelId="ct-panel"
        onSelect={(_ev, data) => state.setTab(data.value)}
      />
      <div role="tabpanel" id="ct-panel" aria-labelledby={`ct-tab-${tab}`} className={classes.tabpanel}>
        {tab === "form" && (
          <EntryForm
            targets={report.targets}
            entries={report.entries}
            period={period}
            result={result}
            readOnly={locked}
            onEntryChange={report.setField}
            onEntryCommit={report.commit}
            unit={props.unit}
            tables={report.tables}
            history={state.history}
          />
        )}
        {tab === "issues" && (
          <IssuesPanel
            result={result}
            targets={report.targets}
            entries={report.entries}
            readOnly={locked}
            onSelectCell={state.handleSelectCell}
            onJustify={state.handleJustify}
            onJustifyCommit={state.handleJustifyCommit}
          />
        )}
        {tab === "narrative" && <NarrativePanel workbook={props.workbook} readOnly={locked} />}
        {tab === "tasks" && (
          <TaskProgressPanel
            session={state.tasks}
            readOnly={locked}
            period={period}
            refused={submission.verdict?.issues ?? []}
            onSelectCell={state.handleSelectCell}
          />
        )}
        {tab === "submit" && (
          <SubmitPanel
            state={submission.state}
            phase={submission.phase}
            receipt={submission.receipt}
            changedSinceReceipt={submission.changedSinceReceipt}
            comment={submission.server?.comment ?? null}
            verdict={submission.verdict}
            outcome={submission.outcome}
            error={submission.error}
            counts={{ errors: result.counts.errors, unjustifiedWarnings: result.counts.unjustifiedWarnings }}
            taskErrors={taskErrors(state)}
            canSubmit={submission.canSubmit}
            waiting={queue.items}
            nextRetryAt={queue.nextRetryAt}
            queueSending={queue.sending}
            onSubmit={(ev) => void submission.submit(ev)}
            onRetryNow={() => queue.retryNow()}
            onSelectCell={state.handleSelectCell}
          />
        )}
      </div>
    </>
  );
}

export function renderReportSection(state: ReportSectionState, classes: ReportSectionClasses): React.JSX.Element {
  const { report, props: p, live, i18n } = state;
  const { unit, preview, catalog } = p;
  return (
    <>
      {unit && live && (
        <DueReminders periods={p.periods} marks={state.periodMarks} onChoose={state.handleChooseReminder} />
      )}
      {unit && live && (
        <PeriodPicker
          periods={p.periods}
          marks={state.periodMarks}
          value={p.periodChoice}
          busy={report.status === "opening"}
          onChange={(_ev, data) => p.onPeriodChoice(data.period)}
          onOpen={state.handlePeriodOpen}
        />
      )}
      {preview && unit && catalog && (
        <UploadWorkbook
          preview={preview}
          catalog={catalog}
          unit={unit}
          units={state.registry}
          onLoaded={(period) => {
            p.onPeriodChoice(period);
            void report.open(null, { period });
          }}
        />
      )}
      {renderMessages(state, i18n)}
      {renderTabs(state, classes, i18n)}
    </>
  );
}
