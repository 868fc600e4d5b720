export { ConnectPanel } from "./ConnectPanel";
export type { ConnectPanelProps, ConnectPanelState } from "./ConnectPanel.types";
export { useConnectPanel } from "./useConnectPanel";
