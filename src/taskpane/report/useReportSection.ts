import * as React from "react";
import { createUnitRegistry, defaultUnits, type EntryField, type ValidationIssue } from "../../domain";
import { useReport, type ReportSession, type StoredReport } from "../hooks/useReport";
import { usePeriodStates, type PeriodMark } from "../hooks/usePeriodStates";
import { useUnitHistory, type UnitHistory } from "../hooks/useUnitHistory";
import { cellMap } from "../../workbook/template";
import { useSubmission, type SubmissionSession } from "../hooks/useSubmission";
import { useTaskProgress, type TaskProgressSession } from "../hooks/useTaskProgress";
import type { TabId } from "../components/ReportTabs";
import { useI18n, type I18n } from "../i18n";
import { useReportTour } from "./useReportTour";
import type { ReportSectionProps } from "./ReportSection.types";

type Handler<D> = (ev: React.SyntheticEvent | null, data: D) => void;

export interface ReportSectionState {
  props: ReportSectionProps;
  i18n: I18n;
  report: ReportSession;
  submission: SubmissionSession;
  /** the unit's progress on its key tasks (the Tasks tab) */
  tasks: TaskProgressSession;
  registry: ReturnType<typeof createUnitRegistry>;
  tab: TabId;
  setTab: (tab: TabId) => void;
  /** a workbook failure of the report, or of selecting a cell */
  workbookError: unknown;
  live: boolean;
  handleSelectCell: (ev: React.SyntheticEvent, data: { cell: string; issue?: ValidationIssue }) => void;
  handleJustify: Handler<{ targetId: string; text: string }>;
  handleJustifyCommit: Handler<{ targetId: string }>;
  handlePeriodOpen: (ev: React.SyntheticEvent, data: { period: string }) => void;
  /** a reminder's period: chosen in the picker and opened */
  handleChooseReminder: (ev: React.SyntheticEvent, data: { period: string }) => void;
  /** where the unit's report stands for each listed period (null while unknown) */
  periodMarks: Record<string, PeriodMark> | null;
  cellOf: (targetId: string, field: EntryField) => string | undefined;
  /** the unit's own last periods beside each figure (issue #21), read once the form is on screen; null until then */
  history: UnitHistory | null;
}

/** The endpoint's latest revision of the unit's report, to fill a workbook that holds none of it (null: none). */
function useLoadStored(props: ReportSectionProps): (period: string) => Promise<StoredReport | null> {
  const { api, connection, unit } = props;
  return React.useCallback(
    async (period: string) => {
      if (!connection || !unit) return null;
      const state = await api.report(connection, unit.code, period);
      if (!state?.entries || state.entries.length === 0) return null;
      return { entries: state.entries, locale: state.entriesLocale ?? "vi", revision: state.latest?.revision ?? null };
    },
    [api, connection, unit],
  );
}

/** Once connected: reopen the report this workbook already holds, or preselect the first open period. */
function useAutoOpen(props: ReportSectionProps, reportOpen: ReportSession["open"]): void {
  const { unit, catalog, connectionStatus, periods, workbook, onPeriodChoice } = props;
  const autoOpened = React.useRef(false);
  const firstPeriod = periods[0]?.id;
  React.useEffect(() => {
    if (!unit || !catalog || autoOpened.current) return;
    if (connectionStatus !== "connected" && connectionStatus !== "offline") return;
    autoOpened.current = true;
    let live = true;
    void workbook
      .readIdentity()
      .catch(() => null)
      .then((identity) => {
        if (!live) return;
        if (identity && identity.unitCode === unit.code) {
          onPeriodChoice(identity.period);
          void reportOpen(null, { period: identity.period });
        } else {
          onPeriodChoice((current) => current || firstPeriod || "");
        }
      });
    return () => {
      live = false;
    };
  }, [unit, catalog, connectionStatus, firstPeriod, workbook, reportOpen, onPeriodChoice]);
}

/** The report's state: the workbook session (useReport), its submission (useSubmission), the tab and the handlers. */
export function useReportSection(props: ReportSectionProps): ReportSectionState {
  const { workbook, api, unit, timing, locale, queue } = props;
  const i18n = useI18n();
  const [tab, setTab] = React.useState<TabId>("form");
  const [uiError, setUiError] = React.useState<unknown>(null);
  const registry = React.useMemo(() => {
    const units = defaultUnits();
    if (unit && !units.some((u) => u.code === unit.code)) units.push(unit);
    return createUnitRegistry(units);
  }, [unit]);

  const { connection } = props;
  // the unit's planner choices and assigned targets for the period, so the template and the form follow them
  const loadModel = React.useMemo(
    () => (connection && api.applicability ? (period: string) => api.applicability!(connection, period) : undefined),
    [api, connection],
  );
  // the unit's key tasks for the period (the template's task sheet and the Tasks tab)
  const loadTasks = React.useMemo(
    () => (connection && unit && api.tasks ? (period: string) => api.tasks!(connection, unit.code, period) : undefined),
    [api, connection, unit],
  );
  const report = useReport(workbook, {
    loadModel,
    loadTasks,
    catalog: props.catalog,
    unit,
    registry,
    locale,
    demo: props.demo,
    writeDelayMs: timing?.writeDelayMs,
    markDelayMs: timing?.markDelayMs,
    loadStored: useLoadStored(props),
  });
  const tasks = useTaskProgress(workbook, {
    ready: report.status === "ready",
    unitCode: unit?.code ?? null,
    period: report.period,
    unitTasks: report.unitTasks,
    locale,
    writeDelayMs: timing?.writeDelayMs,
  });
  const { flush: flushEntries } = report;
  const { flush: flushTasks } = tasks;
  const flush = React.useCallback(async () => {
    await Promise.all([flushEntries(), flushTasks()]);
  }, [flushEntries, flushTasks]);
  const submission = useSubmission({
    workbook,
    api,
    connection: props.connection,
    unitCode: report.status === "ready" && unit ? unit.code : null,
    period: report.status === "ready" ? (report.period?.id ?? null) : null,
    catalogVersion: props.catalogVersion,
    locale,
    entries: report.entries,
    result: report.result,
    queue,
    flush,
    tasks: tasks.progress,
    tasksOk: tasks.ok,
  });
  useQueueEvents(props, submission);
  useReportTour(report, submission, tab);
  useAutoOpen(props, report.open);
  const ready = report.status === "ready" && report.period !== null;
  const history = useUnitHistory(api, props.connection, unit?.code ?? null, ready ? report.period : null, ready);
  const periodMarks = usePeriodStates(api, props.connection, unit?.code ?? null, props.periods, submission.server);
  const { spec } = report;
  const cellOf = React.useMemo(() => (spec ? cellMap(spec) : () => undefined), [spec]);

  const handleSelectCell = React.useCallback(
    (_ev: React.SyntheticEvent, data: { cell: string; issue?: ValidationIssue }) => {
      workbook.selectCell(data.cell).catch((e: unknown) => setUiError(e));
    },
    [workbook],
  );
  const { setField, commit, open: reportOpen } = report;
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
  const { onPeriodChoice } = props;
  const handleChooseReminder = React.useCallback(
    (ev: React.SyntheticEvent, data: { period: string }) => {
      onPeriodChoice(data.period);
      handlePeriodOpen(ev, data);
    },
    [onPeriodChoice, handlePeriodOpen],
  );

  return {
    props,
    i18n,
    report,
    submission,
    tasks,
    registry,
    tab,
    setTab,
    workbookError: report.error ?? uiError,
    live: props.connectionStatus === "connected" || props.connectionStatus === "offline",
    handleSelectCell,
    handleJustify,
    handleJustifyCommit,
    handlePeriodOpen,
    handleChooseReminder,
    periodMarks,
    cellOf,
    history,
  };
}

/** The offline queue (kept by the App) tells the submission what it sent or what the endpoint refused. */
function useQueueEvents(props: ReportSectionProps, submission: SubmissionSession): void {
  const { queueCallbacks, missed } = props;
  const { handleQueueSent, handleQueueRejected } = submission;
  queueCallbacks.current = { sent: handleQueueSent, rejected: handleQueueRejected };
  React.useEffect(() => {
    // events from before this section was loaded, in the order they came
    const events = missed.current.splice(0);
    for (const e of events) {
      if (e.kind === "sent") handleQueueSent(e.data);
      else handleQueueRejected(e.data);
    }
  }, [missed, handleQueueSent, handleQueueRejected]);
}
