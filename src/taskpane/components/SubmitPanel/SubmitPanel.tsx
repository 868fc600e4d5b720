import type * as React from "react";
import type { SubmitPanelProps } from "./SubmitPanel.types";
import { useSubmitPanel } from "./useSubmitPanel";
import { useSubmitPanelStyles } from "./useSubmitPanelStyles";
import { renderSubmitPanel } from "./renderSubmitPanel";

/** The report's state, the dry run and submission, the receipt, and what waits in the offline queue. */
export function SubmitPanel(props: SubmitPanelProps): React.JSX.Element {
  const state = useSubmitPanel(props);
  const classes = useSubmitPanelStyles();
  return renderSubmitPanel(state, classes);
}
