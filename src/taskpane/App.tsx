import type * as React from "react";
import type { AppProps } from "./App.types";
import { useApp } from "./useApp";
import { useAppStyles } from "./useAppStyles";
import { renderApp } from "./renderApp";

export type { AppProps, AppTiming, PlannerSlotData } from "./App.types";

/** The task pane: connect, then the unit's report (loaded after the connect screen) or the planner's slot. */
export function App(props: AppProps): React.JSX.Element {
  const state = useApp(props);
  const classes = useAppStyles();
  return renderApp(state, classes);
}
