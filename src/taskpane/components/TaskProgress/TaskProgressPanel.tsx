import type * as React from "react";
import { useI18n } from "../../i18n";
import type { TaskProgressPanelProps } from "./TaskProgressPanel.types";
import { useTaskProgressPanel } from "./useTaskProgressPanel";
import { useTaskProgressPanelStyles } from "./useTaskProgressPanelStyles";
import { renderTaskProgressPanel } from "./renderTaskProgressPanel";

/** The Tasks tab: the unit's progress on every key task it leads or co-owns in the period (TienDoNV). */
export function TaskProgressPanel(props: TaskProgressPanelProps): React.JSX.Element {
  const i18n = useI18n();
  const state = useTaskProgressPanel(props, i18n);
  const classes = useTaskProgressPanelStyles();
  return renderTaskProgressPanel(state, classes, i18n);
}
