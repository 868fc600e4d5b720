import * as React from "react";
import type { Locale } from "../domain/types";
import { sortPeriods } from "./components/PeriodPicker";
import { useConnection, type ConnectionState } from "./hooks/useConnection";
import { useOfflineQueue, type OfflineQueueState, type QueueCallbacks } from "./hooks/useOfflineQueue";
import { makeI18n, type I18n } from "./i18n";
import { lazyView } from "./lazy-view";
import type { AppProps } from "./App.types";
import type { MissedQueueEvent, ReportSectionProps } from "./report/ReportSection.types";
import type { PeriodInfo } from "./api";
import type { TourRole } from "../domain/tour/steps";
import type { ClassroomTourProps } from "./components/tour";
import { useTourCondition } from "./tour-signal";

/** The classroom tours' coach marks (issue 20): a chunk of their own, fetched when a trainee starts a tour. */
export const classroomTour = lazyView<ClassroomTourProps>(() =>
  import(/* webpackChunkName: "tour" */ "./components/tour").then((m) => m.ClassroomTour),
);

/** The unit's report (its hooks, the domain rules, the template spec, the tabs) is fetched after the connect screen. */
export const reportSection = lazyView<ReportSectionProps>(() =>
  import(/* webpackChunkName: "report" */ "./report/ReportSection").then((m) => m.ReportSection),
);

export interface AppState {
  props: AppProps;
  locale: Locale;
  i18n: I18n;
  connection: ConnectionState;
  /** the connected unit (null for a planner token or while connecting) */
  unit: ReportSectionProps["unit"];
  periods: PeriodInfo[];
  demo: boolean;
  /** connected, or working offline from the stored session */
  live: boolean;
  /** the report section is mounted from the first time a unit connects on */
  reportWanted: boolean;
  reportProps: ReportSectionProps;
  /** the tour a demo token may take (null for a real token), and the one running */
  tourRole: TourRole | null;
  tourRunning: TourRole | null;
  handleTourStart: (ev: React.SyntheticEvent | null, data: { role: TourRole }) => void;
  handleTourClose: () => void;
  /** the clerk's tour, once finished: the training sample written back into the open workbook */
  handleResetWorkbook: () => Promise<void>;
  handleLocaleChange: (ev: React.SyntheticEvent | null, data: { locale: Locale }) => void;
}

/** The offline queue lives as long as the pane; what it sent or had refused goes to the report section. */
function useQueue(props: AppProps, connection: ConnectionState) {
  const queueCallbacks = React.useRef<QueueCallbacks | null>(null);
  const missed = React.useRef<MissedQueueEvent[]>([]);
  const { status, retry } = connection;
  const queue: OfflineQueueState = useOfflineQueue(props.workbook, props.api, connection.connection, {
    delayMs: props.timing?.retryDelayMs,
    onSent: (data) => {
      if (queueCallbacks.current) queueCallbacks.current.sent(data);
      else missed.current.push({ kind: "sent", data });
      if (status === "offline") void retry();
    },
    onRejected: (data) => {
      if (queueCallbacks.current) queueCallbacks.current.rejected(data);
      else missed.current.push({ kind: "rejected", data });
    },
  });
  return { queue, queueCallbacks, missed };
}

/** After the first screen is drawn, fetch what it does not show: the report section, and the upload form outside Excel. */
function usePreloadViews(previewing: boolean): void {
  React.useEffect(() => {
    const fetchViews = () =>
      void import(/* webpackChunkName: "report" */ "./report/renderReportSection")
        .then((m) => Promise.all([reportSection.preload(), ...(previewing ? [m.uploadWorkbook.preload()] : [])]))
        .catch(() => undefined);
    // when the browser is idle after drawing the connect screen (at once where it cannot tell)
    if (typeof window.requestIdleCallback !== "function") return fetchViews();
    const idle = window.requestIdleCallback(fetchViews, { timeout: 1500 });
    return () => window.cancelIdleCallback(idle);
  }, [previewing]);
}

export function useApp(props: AppProps): AppState {
  const { workbook, api, preview, onLocaleChange } = props;
  const [locale, setLocale] = React.useState<Locale>(props.initialLocale);
  // the start-up language changes once the host is bound (Office's display language): take it
  const [startLocale, setStartLocale] = React.useState<Locale>(props.initialLocale);
  if (props.initialLocale !== startLocale) {
    setStartLocale(props.initialLocale);
    setLocale(props.initialLocale);
  }
  const i18n = React.useMemo(() => makeI18n(locale), [locale]);
  const [periodChoice, setPeriodChoice] = React.useState("");
  const connection = useConnection(workbook, api, {
    defaultEndpoint: props.defaultEndpoint,
    typed: props.typed ?? null,
    pageOrigin: props.pageOrigin ?? null,
  });
  const unit = connection.me?.role === "unit" ? connection.me.unit : null;
  const periods = React.useMemo(() => sortPeriods(connection.periods), [connection.periods]);
  const periodDemo = periods.find((p) => p.id === periodChoice)?.demo ?? false;
  const demo = Boolean(connection.me?.demo || unit?.demo || periodDemo);
  const { queue, queueCallbacks, missed } = useQueue(props, connection);
  // mounted once a unit connects, and kept: its report survives editing the connection, as before the split
  const [reportWanted, setReportWanted] = React.useState(false);
  if (unit && !reportWanted) setReportWanted(true);
  usePreloadViews(props.previewing ?? (preview !== null && preview !== undefined));
  const me = connection.me;
  // a demo token only: the clerk's tour on a demo unit's, the planner's on the demo planner's
  const tourRole: TourRole | null = !me?.demo && !unit?.demo ? null : me?.role === "unit" ? "clerk" : "planner";
  const [tourRunning, setTourRunning] = React.useState<TourRole | null>(null);
  if (tourRunning && tourRunning !== tourRole) setTourRunning(null);
  useTourCondition("connected", connection.status === "connected");

  // the browser says the network is back: try the endpoint again
  const { status: connectionStatus, retry: retryConnection } = connection;
  React.useEffect(() => {
    if (connectionStatus !== "offline") return;
    const handleOnline = () => void retryConnection();
    window.addEventListener("online", handleOnline);
    return () => window.removeEventListener("online", handleOnline);
  }, [connectionStatus, retryConnection]);

  const handleLocaleChange = React.useCallback(
    (ev: React.SyntheticEvent | null, data: { locale: Locale }) => {
      setLocale(data.locale);
      onLocaleChange?.(ev, data);
    },
    [onLocaleChange],
  );

  const reportProps: ReportSectionProps = {
    workbook,
    api,
    preview: preview ?? null,
    timing: props.timing,
    locale,
    unit,
    connection: connection.connection,
    connectionStatus,
    catalog: connection.catalog,
    catalogVersion: connection.catalog?.version ?? null,
    periods,
    demo,
    periodChoice,
    onPeriodChoice: setPeriodChoice,
    queue,
    queueCallbacks,
    missed,
  };
  return {
    props,
    locale,
    i18n,
    connection,
    unit,
    periods,
    demo,
    live: connectionStatus === "connected" || connectionStatus === "offline",
    reportWanted,
    reportProps,
    tourRole,
    tourRunning,
    handleTourStart: (_ev, data) => {
      setTourRunning(null);
      // a fresh tour each time the button is chosen (the chunk is fetched the first time)
      void classroomTour.preload().then(() => setTourRunning(data.role));
    },
    handleTourClose: () => setTourRunning(null),
    handleResetWorkbook: () =>
      // the training sample (the catalog's targets, the demo unit) is loaded only when a trainee resets
      import(/* webpackChunkName: "tour" */ "./demo-reset").then((m) =>
        m.resetDemoWorkbook(workbook, unit?.code, periodChoice || undefined),
      ),
    handleLocaleChange,
  };
}
