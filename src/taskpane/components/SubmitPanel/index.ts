export { SubmitPanel } from "./SubmitPanel";
export type { SubmitPanelProps, SubmitPanelState } from "./SubmitPanel.types";
export { useSubmitPanel } from "./useSubmitPanel";
