/**
 * The tour's step machine, pure: which step is shown, and how events, "next", "back", "restart" and "close" move it.
 * An event moves the tour on only when it is the current step's `until`; a step whose state already holds (`held`:
 * connected, a period open, …) is passed at once, so a tour started on a connected pane begins where there is
 * something to do.
 */
import { tourSteps, type TourEvent, type TourRole, type TourStep } from "../../../domain/tour/steps";

export interface TourState {
  role: TourRole;
  /** the current step; `steps.length` once the tour is finished */
  index: number;
  /** the steps the trainee did (their event happened), as opposed to skipped with "next" */
  done: readonly string[];
  /** false once closed */
  open: boolean;
}

export type TourAction =
  | { type: "event"; event: TourEvent; held: ReadonlySet<TourEvent> }
  | { type: "next"; held: ReadonlySet<TourEvent> }
  | { type: "back" }
  | { type: "restart"; held: ReadonlySet<TourEvent> }
  | { type: "close" };

export function stepsOf(state: TourState): readonly TourStep[] {
  return tourSteps(state.role);
}

export function currentStep(state: TourState): TourStep | null {
  return stepsOf(state)[state.index] ?? null;
}

export function finished(state: TourState): boolean {
  return state.index >= stepsOf(state).length;
}

/** Pass the steps whose state already holds. */
function settle(state: TourState, held: ReadonlySet<TourEvent>): TourState {
  let s = state;
  for (let step = currentStep(s); step && held.has(step.until); step = currentStep(s))
    s = { ...s, index: s.index + 1, done: [...s.done, step.id] };
  return s;
}

export function startTour(role: TourRole, held: ReadonlySet<TourEvent>): TourState {
  return settle({ role, index: 0, done: [], open: true }, held);
}

export function tourReducer(state: TourState, action: TourAction): TourState {
  const step = currentStep(state);
  switch (action.type) {
    case "event":
      if (!state.open || !step || step.until !== action.event) return state;
      return settle({ ...state, index: state.index + 1, done: [...state.done, step.id] }, action.held);
    case "next":
      return step ? settle({ ...state, index: state.index + 1 }, action.held) : state;
    case "back":
      // going back shows the earlier step again, even when it was done: the trainee may want to read it
      return state.index > 0 ? { ...state, index: state.index - 1 } : state;
    case "restart":
      return startTour(state.role, action.held);
    case "close":
      return { ...state, open: false };
  }
}
