import type * as React from "react";
import type { TourRole, TourStep } from "../../../domain/tour/steps";
import type { I18n } from "../../i18n";
import type { TourState } from "./machine";

export interface ClassroomTourProps {
  role: TourRole;
  /** the trainee closed the tour */
  onClose: () => void;
  /** the clerk's tour: puts the training workbook back to its starting sheet (offered once the tour is finished) */
  onResetWorkbook?: () => Promise<void>;
}

export type ResetState = "idle" | "busy" | "done" | "failed";

export interface ClassroomTourState {
  i18n: I18n;
  props: ClassroomTourProps;
  tour: TourState;
  step: TourStep | null;
  count: number;
  /** the control the step points at, when it is on the pane */
  anchor: HTMLElement | null;
  /** the coach mark's element, placed beside the anchor by Fluent's positioning */
  containerRef: React.MutableRefObject<HTMLElement | null>;
  reset: ResetState;
  resetError: string | null;
  handleNext: () => void;
  handleBack: () => void;
  handleRestart: () => void;
  handleClose: () => void;
  handleReset: () => void;
}
