import * as React from "react";
import { MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { ConnectPanel } from "./components/ConnectPanel";
import { DemoBanner } from "./components/DemoBanner";
import { ClassroomActions } from "./components/ClassroomActions";
import { Header } from "./components/Header";
import { HelpLinks } from "./components/HelpLinks/HelpLinks";
import { TokenExpiryBanner } from "./components/TokenExpiryBanner";
import { I18nProvider, type I18n } from "./i18n";
import { TourStart } from "./components/TourStart";
import { classroomTour, reportSection, type AppState } from "./useApp";
import type { AppClasses } from "./useAppStyles";

/** The in-browser sheet beside the pane, loaded only outside Excel. */
const PreviewSheet = React.lazy(() =>
  import(/* webpackChunkName: "preview-sheet" */ "../workbook/preview/PreviewSheet").then((m) => ({
    default: m.PreviewSheet,
  })),
);
const ReportSection = reportSection.View;
const ClassroomTour = classroomTour.View;

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

/** A planner's or admin's token: the planner slot (issue 6), or a note that the entry form needs a unit's token. */
function renderPlanner(state: AppState): React.ReactNode {
  const { connection, props, i18n, periods, live } = state;
  const { me, catalog } = connection;
  if (!me || me.role === "unit" || !connection.connection || !catalog || !live) return null;
  if (!props.planner)
    return (
      <MessageBar intent="info">
        <MessageBarBody>{i18n.t("app.plannerToken")}</MessageBarBody>
      </MessageBar>
    );
  return props.planner({
    connection: connection.connection,
    me,
    catalog,
    periods,
    offline: connection.status === "offline",
  });
}

/** Outside Excel: the preview's layout, from the first screen on (its workbook may still be loading). */
function previewing(props: AppState["props"]): boolean {
  return props.previewing ?? Boolean(props.preview);
}

function renderPane(state: AppState, classes: AppClasses): React.JSX.Element {
  const { props, i18n, connection, unit } = state;
  const preview = previewing(props);
  const unitName = unit ? `${i18n.b(unit.name)} (${unit.code})` : null;
  return (
    <main className={`${classes.pane} ${preview ? classes.previewPane : ""}`} aria-label={i18n.t("app.title")}>
      <Header unitName={unitName} onLocaleChange={state.handleLocaleChange} />
      {state.demo && (
        <DemoBanner
          tour={
            state.tourRole ? (
              <TourStart role={state.tourRole} running={state.tourRunning !== null} onStart={state.handleTourStart} />
            ) : undefined
          }
          classroom={
            connection.me?.demo && connection.me.role !== "unit" && connection.connection ? (
              <ClassroomActions connection={connection.connection} />
            ) : undefined
          }
        />
      )}
      {state.tourRunning && (
        <ClassroomTour
          key={state.tourRunning}
          role={state.tourRunning}
          onClose={state.handleTourClose}
          onResetWorkbook={state.tourRunning === "clerk" ? state.handleResetWorkbook : undefined}
        />
      )}
      <TokenExpiryBanner expiresAt={connection.me?.expiresAt} />
      {preview && (
        <Text size={200} className={classes.muted}>
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
        onInput={connection.touch}
      />
      {renderPlanner(state)}
      {state.reportWanted && <ReportSection {...state.reportProps} />}
      <HelpLinks endpoint={connection.connection?.endpoint ?? null} role={connection.me?.role ?? null} />
    </main>
  );
}

function PreviewSheetSlot(props: { state: AppState }): React.JSX.Element | null {
  const { state } = props;
  const labels = React.useMemo(() => previewLabels(state.i18n.t), [state.i18n]);
  if (!state.props.preview) return null;
  return (
    <React.Suspense fallback={null}>
      <PreviewSheet workbook={state.props.preview} locale={state.locale} labels={labels} />
    </React.Suspense>
  );
}

export function renderApp(state: AppState, classes: AppClasses): React.JSX.Element {
  const { locale, props } = state;
  // one tree in both layouts, the pane always second: binding the host never remounts the pane (its state stays)
  return (
    <I18nProvider locale={locale}>
      <div className={previewing(props) ? classes.previewLayout : classes.hostLayout} lang={locale}>
        <PreviewSheetSlot state={state} />
        {renderPane(state, classes)}
      </div>
    </I18nProvider>
  );
}
