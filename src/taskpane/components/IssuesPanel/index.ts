export { IssuesPanel } from "./IssuesPanel";
export type { IssuesPanelProps, IssuesPanelState, IssueView, IssueGroupView } from "./IssuesPanel.types";
export { useIssuesPanel } from "./useIssuesPanel";
