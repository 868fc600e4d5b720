import type * as React from "react";
import type { ConnectPanelProps } from "./ConnectPanel.types";
import { useConnectPanel } from "./useConnectPanel";
import { useConnectPanelStyles } from "./useConnectPanelStyles";
import { renderConnectPanel } from "./renderConnectPanel";

/** Endpoint address and unit token; once connected, one line with the unit's name. */
export function ConnectPanel(props: ConnectPanelProps): React.JSX.Element {
  const state = useConnectPanel(props);
  const classes = useConnectPanelStyles();
  return renderConnectPanel(state, classes);
}
