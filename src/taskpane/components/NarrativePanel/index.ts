export { NarrativePanel } from "./NarrativePanel";
export type { NarrativePanelProps } from "./NarrativePanel.types";
