import type * as React from "react";
import type { IssuesPanelProps } from "./IssuesPanel.types";
import { useIssuesPanel } from "./useIssuesPanel";
import { useIssuesPanelStyles } from "./useIssuesPanelStyles";
import { renderIssuesPanel } from "./renderIssuesPanel";

/** Every rule issue, grouped by target, errors first; a click selects the cell; warnings take a justification here. */
export function IssuesPanel(props: IssuesPanelProps): React.JSX.Element {
  const state = useIssuesPanel(props);
  const classes = useIssuesPanelStyles();
  return renderIssuesPanel(state, classes);
}
