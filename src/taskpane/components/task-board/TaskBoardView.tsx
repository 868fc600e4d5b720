import type * as React from "react";
import type { TaskBoardViewProps } from "./TaskBoardView.types";
import { useTaskBoardView } from "./useTaskBoardView";
import { useTaskBoardViewStyles } from "./useTaskBoardViewStyles";
import { renderTaskBoardView } from "./renderTaskBoardView";

/** Planner mode's Tasks view: the key-task board of a period, grouped, with its watch lists (GET /tasks/board). */
export function TaskBoardView(props: TaskBoardViewProps): React.JSX.Element {
  const state = useTaskBoardView(props);
  return renderTaskBoardView(state, useTaskBoardViewStyles());
}
