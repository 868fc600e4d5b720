import type * as React from "react";
import { useI18n } from "../../i18n";
import type { NarrativePanelProps } from "./NarrativePanel.types";
import { useNarrativePanel } from "./useNarrativePanel";
import { useNarrativePanelStyles } from "./useNarrativePanelStyles";
import { renderNarrativePanel } from "./renderNarrativePanel";

/** The narrative tab: key results, shortcomings and causes, tasks for the next period, proposals (ThuyetMinh). */
export function NarrativePanel(props: NarrativePanelProps): React.JSX.Element {
  const state = useNarrativePanel(props);
  const classes = useNarrativePanelStyles();
  return renderNarrativePanel(state, classes, useI18n());
}
