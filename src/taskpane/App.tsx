import * as React from "react";
import {
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Button,
  Text,
  tokens,
} from "@fluentui/react-components";
import { createUnitRegistry, defaultUnits, type EntryField, type Locale, type ValidationIssue } from "../domain";
import { describeError } from "./api";
import { ConnectPanel } from "./components/ConnectPanel";
import { DemoBanner } from "./components/DemoBanner";
import { TokenExpiryBanner } from "./components/TokenExpiryBanner";
import { Header } from "./components/Header";
import { PeriodPicker, sortPeriods } from "./components/PeriodPicker";
import { ReportTabs, type TabId } from "./components/ReportTabs";
import { StatusSummary } from "./components/StatusSummary";
import { useConnection } from "./hooks/useConnection";
import { useOfflineQueue, type QueueCallbacks } from "./hooks/useOfflineQueue";
import { useReport } from "./hooks/useReport";
import { useSubmission } from "./hooks/useSubmission";
import { I18nProvider, makeI18n, type I18n } from "./i18n";
import type { AppProps } from "./App.types";
import { lazyView } from "./lazy-view";

/** The in-browser sheet beside the pane, loaded only outside Excel. */
const PreviewSheet = React.lazy(() =>
  import(/* webpackChunkName: "preview-sheet" */ "../workbook/preview/PreviewSheet").then((m) => ({
    default: m.PreviewSheet,
  })),
);

/** The report's views and the upload form are not on the first (connect) screen: fetched right after it. */
const entryForm = lazyView(() =>
  import(/* webpackChunkName: "report-views" */ "./components/EntryForm").then((m) => m.EntryForm),
);
const issuesPanel = lazyView(() =>
  import(/* webpackChunkName: "report-views" */ "./components/IssuesPanel").then((m) => m.IssuesPanel),
);
const submitPanel = lazyView(() =>
  import(/* webpackChunkName: "report-views" */ "./components/SubmitPanel").then((m) => m.SubmitPanel),
);
const uploadWorkbook = lazyView(() =>
  import(/* webpackChunkName: "upload-workbook" */ "./components/UploadWorkbook").then((m) => m.UploadWorkbook),
);
const EntryForm = entryForm.View;
const IssuesPanel = issuesPanel.View;
const SubmitPanel = submitPanel.View;
const UploadWorkbook = uploadWorkbook.View;

export type { AppProps, AppTiming, PlannerSlotData } from "./App.types";

const useStyles = makeStyles({
  previewLayout: {
    display: "flex",
    flexDirection: "row",
    alignItems: "stretch",
    minHeight: "100vh",
    "@media (max-width: 760px)": { flexDirection: "column-reverse" },
  },
  hostLayout: {
    display: "flex",
    minHeight: "100vh",
  },
  pane: {
    boxSizing: "border-box",
    width: "100%",
    minWidth: "320px",
    maxWidth: "450px",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalXXL,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  previewPane: {
    flexShrink: 0,
    width: "380px",
    borderLeftWidth: tokens.strokeWidthThin,
    borderLeftStyle: "solid",
    borderLeftColor: tokens.colorNeutralStroke1,
    "@media (max-width: 760px)": { width: "100%", borderLeftWidth: 0 },
  },
  muted: {
    color: tokens.colorNeutralForeground3,
  },
  tabpanel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
});

export function App(props: AppProps): React.JSX.Element {
  const { workbook, api, preview, timing } = props;
  const styles = useStyles();
  const [locale, setLocale] = React.useState<Locale>(props.initialLocale);
  const i18n = React.useMemo(() => makeI18n(locale), [locale]);
  const [tab, setTab] = React.useState<TabId>("form");
  const [periodChoice, setPeriodChoice] = React.useState("");
  const [uiError, setUiError] = React.useState<unknown>(null);

  const connection = useConnection(workbook, api, {
    defaultEndpoint: props.defaultEndpoint,
    pageOrigin: props.pageOrigin ?? null,
  });
  const unit = connection.me?.role === "unit" ? connection.me.unit : null;
  const registry = React.useMemo(() => {
    const units = defaultUnits();
    if (unit && !units.some((u) => u.code === unit.code)) units.push(unit);
    return createUnitRegistry(units);
  }, [unit]);

  const periods = React.useMemo(() => sortPeriods(connection.periods), [connection.periods]);
  const periodDemo = periods.find((p) => p.id === periodChoice)?.demo ?? false;
  const demo = Boolean(connection.me?.demo || unit?.demo || periodDemo);

  const report = useReport(workbook, {
    catalog: connection.catalog,
    unit,
    registry,
    locale,
    demo,
    writeDelayMs: timing?.writeDelayMs,
    markDelayMs: timing?.markDelayMs,
  });

  const queueCallbacks = React.useRef<QueueCallbacks | null>(null);
  const queue = useOfflineQueue(workbook, api, connection.connection, {
    delayMs: timing?.retryDelayMs,
    onSent: (d) => queueCallbacks.current?.sent(d),
    onRejected: (d) => queueCallbacks.current?.rejected(d),
  });

  const submission = useSubmission({
    workbook,
    api,
    connection: connection.connection,
    unitCode: report.status === "ready" && unit ? unit.code : null,
    period: report.status === "ready" ? (report.period?.id ?? null) : null,
    catalogVersion: connection.catalog?.version ?? null,
    locale,
    entries: report.entries,
    result: report.result,
    queue,
    flush: report.flush,
  });

  const connectionStatus = connection.status;
  const retryConnection = connection.retry;
  queueCallbacks.current = {
    sent: (d) => {
      submission.handleQueueSent(d);
      if (connectionStatus === "offline") void retryConnection();
    },
    rejected: submission.handleQueueRejected,
  };

  // after the first screen is drawn, fetch the views it does not show (the report's tabs; the upload form outside Excel)
  const previewing = preview !== null && preview !== undefined;
  React.useEffect(() => {
    const views = [entryForm, issuesPanel, submitPanel, ...(previewing ? [uploadWorkbook] : [])];
    const fetchViews = () => void Promise.all(views.map((v) => v.preload())).catch(() => undefined);
    // when the browser is idle after drawing the connect screen (at once where it cannot tell)
    if (typeof window.requestIdleCallback !== "function") return fetchViews();
    const idle = window.requestIdleCallback(fetchViews, { timeout: 1500 });
    return () => window.cancelIdleCallback(idle);
  }, [previewing]);

  // the browser says the network is back: try the endpoint again
  React.useEffect(() => {
    if (connectionStatus !== "offline") return;
    const handleOnline = () => void retryConnection();
    window.addEventListener("online", handleOnline);
    return () => window.removeEventListener("online", handleOnline);
  }, [connectionStatus, retryConnection]);

  // once connected: reopen the report this workbook already holds, or preselect the first open period
  const reportOpen = report.open;
  const autoOpened = React.useRef(false);
  React.useEffect(() => {
    if (!unit || !connection.catalog || autoOpened.current) return;
    if (connectionStatus !== "connected" && connectionStatus !== "offline") return;
    autoOpened.current = true;
    let live = true;
    void workbook
      .readIdentity()
      .catch(() => null)
      .then((identity) => {
        if (!live) return;
        if (identity && identity.unitCode === unit.code) {
          setPeriodChoice(identity.period);
          void reportOpen(null, { period: identity.period });
        } else {
          setPeriodChoice((current) => current || periods[0]?.id || "");
        }
      });
    return () => {
      live = false;
    };
  }, [unit, connection.catalog, connectionStatus, periods, workbook, reportOpen]);

  const handleLocaleChange = React.useCallback(
    (ev: React.SyntheticEvent | null, data: { locale: Locale }) => {
      setLocale(data.locale);
      props.onLocaleChange?.(ev, data);
    },
    [props.onLocaleChange],
  );

  const handleSelectCell = React.useCallback(
    (_ev: React.SyntheticEvent, data: { cell: string; issue?: ValidationIssue }) => {
      workbook.selectCell(data.cell).catch((e: unknown) => setUiError(e));
    },
    [workbook],
  );

  const setField = report.setField;
  const commit = report.commit;
  const handleJustify = React.useCallback(
    (ev: React.SyntheticEvent | null, data: { targetId: string; text: string }) =>
      setField(ev, { targetId: data.targetId, field: "justification", raw: data.text }),
    [setField],
  );
  const handleJustifyCommit = React.useCallback(
    (ev: React.SyntheticEvent | null, data: { targetId: string }) =>
      commit(ev, { targetId: data.targetId, field: "justification" as EntryField }),
    [commit],
  );

  const handlePeriodOpen = React.useCallback(
    (ev: React.SyntheticEvent, data: { period: string }) => {
      setTab("form");
      void reportOpen(ev, data);
    },
    [reportOpen],
  );

  const ready = report.status === "ready" && report.period !== null && report.result !== null;
  const result = report.result;
  const locked = submission.state === "accepted";
  const filled = report.entries.filter((e) =>
    [e.value, e.numerator, e.denominator, e.milestone].some(
      (v) => v !== null && v !== undefined && String(v).trim() !== "",
    ),
  ).length;
  const issueCount = result ? result.counts.errors + result.counts.warnings + result.counts.infos : 0;
  const unitName = unit ? `${i18n.b(unit.name)} (${unit.code})` : null;
  const workbookError = report.error ?? uiError;
  const sheetLabels = React.useMemo(() => previewLabels(i18n.t), [i18n]);

  const pane = (
    <main className={`${styles.pane} ${preview ? styles.previewPane : ""}`} aria-label={i18n.t("app.title")}>
      <Header unitName={unitName} onLocaleChange={handleLocaleChange} />
      {demo && <DemoBanner tour={props.tour} />}
      <TokenExpiryBanner expiresAt={connection.me?.expiresAt} />
      {preview && (
        <Text size={200} className={styles.muted}>
          {i18n.t("app.previewNotice")}
        </Text>
      )}
      {props.hostProblem && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{i18n.b(props.hostProblem)}</MessageBarBody>
        </MessageBar>
      )}
      {connection.tokenRemoved && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{i18n.t("connect.tokenRemoved")}</MessageBarBody>
        </MessageBar>
      )}
      <ConnectPanel
        status={connection.status}
        defaults={connection.defaults}
        error={connection.error}
        unitName={unitName}
        onConnect={(ev, data) => void connection.connect(ev, data)}
        onEdit={() => connection.edit()}
        onRetry={() => void connection.retry()}
      />
      {connection.me &&
        connection.me.role !== "unit" &&
        connection.connection &&
        connection.catalog &&
        (connectionStatus === "connected" || connectionStatus === "offline") &&
        (props.planner ? (
          props.planner({
            connection: connection.connection,
            me: connection.me,
            catalog: connection.catalog,
            periods,
            offline: connectionStatus === "offline",
          })
        ) : (
          <MessageBar intent="info">
            <MessageBarBody>{i18n.t("app.plannerToken")}</MessageBarBody>
          </MessageBar>
        ))}
      {unit && (connectionStatus === "connected" || connectionStatus === "offline") && (
        <PeriodPicker
          periods={periods}
          value={periodChoice}
          busy={report.status === "opening"}
          onChange={(_ev, data) => setPeriodChoice(data.period)}
          onOpen={handlePeriodOpen}
        />
      )}
      {preview && unit && connection.catalog && (
        <UploadWorkbook
          preview={preview}
          catalog={connection.catalog}
          unit={unit}
          units={registry}
          onLoaded={(period) => {
            setPeriodChoice(period);
            void reportOpen(null, { period });
          }}
        />
      )}
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
                  void reportOpen(null, { period: periodChoice });
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
            {report.notice.repaired.length > 0
              ? ` ${i18n.t("report.repaired", { what: report.notice.repaired.join(", ") })}`
              : ""}
          </MessageBarBody>
        </MessageBar>
      )}
      {ready && result && report.period && (
        <>
          <StatusSummary result={result} filled={filled} total={report.targets.length} waiting={queue.items.length} />
          <ReportTabs
            tabs={[
              { id: "form", label: i18n.t("tabs.form") },
              { id: "issues", label: i18n.t("tabs.issues", { count: issueCount }) },
              { id: "submit", label: i18n.t("tabs.submit") },
            ]}
            selected={tab}
            label={i18n.t("tabs.label")}
            panelId="ct-panel"
            onSelect={(_ev, data) => setTab(data.value)}
          />
          <div role="tabpanel" id="ct-panel" aria-labelledby={`ct-tab-${tab}`} className={styles.tabpanel}>
            {tab === "form" && (
              <EntryForm
                targets={report.targets}
                entries={report.entries}
                period={report.period}
                result={result}
                readOnly={locked}
                onEntryChange={report.setField}
                onEntryCommit={report.commit}
              />
            )}
            {tab === "issues" && (
              <IssuesPanel
                result={result}
                targets={report.targets}
                entries={report.entries}
                readOnly={locked}
                onSelectCell={handleSelectCell}
                onJustify={handleJustify}
                onJustifyCommit={handleJustifyCommit}
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
                canSubmit={submission.canSubmit}
                waiting={queue.items}
                nextRetryAt={queue.nextRetryAt}
                queueSending={queue.sending}
                onSubmit={(ev) => void submission.submit(ev)}
                onRetryNow={() => queue.retryNow()}
                onSelectCell={handleSelectCell}
              />
            )}
          </div>
        </>
      )}
    </main>
  );

  return (
    <I18nProvider locale={locale}>
      {preview ? (
        <div className={styles.previewLayout} lang={locale}>
          <React.Suspense fallback={null}>
            <PreviewSheet workbook={preview} locale={locale} labels={sheetLabels} />
          </React.Suspense>
          {pane}
        </div>
      ) : (
        <div className={styles.hostLayout} lang={locale}>
          {pane}
        </div>
      )}
    </I18nProvider>
  );
}

function previewLabels(t: I18n["t"]) {
  return {
    sheet: t("preview.sheet"),
    download: t("preview.download"),
    downloading: t("preview.downloading"),
    downloadFailed: (detail: string) => t("preview.downloadFailed", { detail }),
    empty: t("preview.empty"),
    cell: (cell: string) => t("preview.cell", { cell }),
  };
}
