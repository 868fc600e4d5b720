export { TaskProgressPanel } from "./TaskProgressPanel";
export type { TaskProgressPanelProps } from "./TaskProgressPanel.types";
export { taskViews } from "./useTaskProgressPanel";
