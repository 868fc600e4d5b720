import * as React from "react";
import { usePositioning } from "@fluentui/react-components";
import { onTourSignal, tourHeld } from "../../tour-signal";
import { useI18n } from "../../i18n";
import { describeError } from "../../api/describe";
import { useAnchor } from "./anchor";
import { currentStep, startTour, stepsOf, tourReducer } from "./machine";
import type { ClassroomTourProps, ClassroomTourState, ResetState } from "./ClassroomTour.types";

/** The tour's steps, moved on by what the trainee does (tour-signal.ts) and by the coach mark's buttons. */
export function useClassroomTour(props: ClassroomTourProps): ClassroomTourState {
  const i18n = useI18n();
  const { role, onClose, onResetWorkbook } = props;
  const [tour, dispatch] = React.useReducer(tourReducer, role, (r) => startTour(r, tourHeld()));
  const [reset, setReset] = React.useState<ResetState>("idle");
  const [resetError, setResetError] = React.useState<string | null>(null);
  React.useEffect(() => onTourSignal((event) => dispatch({ type: "event", event, held: tourHeld() })), []);
  // the parent keys this view by role: another role is another tour from its start
  const step = currentStep(tour);
  const anchor = useAnchor(step?.anchor ?? null);
  const { containerRef } = usePositioning({
    enabled: anchor !== null,
    target: anchor,
    position: "below",
    align: "start",
    offset: 8,
  });

  const handleReset = React.useCallback(() => {
    if (!onResetWorkbook) return;
    setReset("busy");
    setResetError(null);
    onResetWorkbook().then(
      () => setReset("done"),
      (e: unknown) => {
        setReset("failed");
        setResetError(describeError(e, i18n));
      },
    );
  }, [onResetWorkbook, i18n]);

  return {
    i18n,
    props,
    tour,
    step,
    count: stepsOf(tour).length,
    anchor,
    containerRef: containerRef as React.MutableRefObject<HTMLElement | null>,
    reset,
    resetError,
    handleNext: () => dispatch({ type: "next", held: tourHeld() }),
    handleBack: () => dispatch({ type: "back" }),
    handleRestart: () => {
      setReset("idle");
      dispatch({ type: "restart", held: tourHeld() });
    },
    handleClose: () => {
      dispatch({ type: "close" });
      onClose();
    },
    handleReset,
  };
}
