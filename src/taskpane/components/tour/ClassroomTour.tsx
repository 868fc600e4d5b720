import type * as React from "react";
import type { ClassroomTourProps } from "./ClassroomTour.types";
import { useClassroomTour } from "./useClassroomTour";
import { useClassroomTourStyles } from "./useClassroomTourStyles";
import { renderClassroomTour } from "./renderClassroomTour";

export type { ClassroomTourProps };

/** One classroom tour (clerk or planner): coach marks on the pane's real controls, moved on by what the trainee does. */
export function ClassroomTour(props: ClassroomTourProps): React.JSX.Element | null {
  const state = useClassroomTour(props);
  const classes = useClassroomTourStyles();
  return renderClassroomTour(state, classes);
}
