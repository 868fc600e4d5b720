/**
 * What the trainee did, told to the classroom tour (issue 20). The views that see it happen call `signalTour` (a
 * one-shot action: a value typed, a report returned) or `useTourCondition` (a state that holds for a while: connected,
 * a period open, the board shown). The tour's coach marks (components/tour, a lazy chunk) listen through
 * `onTourSignal` and read `tourHeld` when a step starts, so a step whose state already holds moves on at once.
 * Tiny on purpose: it is in the entry chunk, and nothing happens unless a tour listens.
 */
import * as React from "react";
import type { TourEvent } from "../domain/tour/steps";

const EVENT = "chitieu:tour";
const held = new Set<TourEvent>();

/** Tell the tour that the trainee did `event` (a no-op unless a tour is listening). */
export function signalTour(event: TourEvent): void {
  if (typeof window !== "undefined") window.dispatchEvent(new CustomEvent<TourEvent>(EVENT, { detail: event }));
}

/** A state such as "connected": held while true, signalled each time it becomes true. */
export function setTourCondition(event: TourEvent, on: boolean): void {
  if (!on) {
    held.delete(event);
    return;
  }
  if (held.has(event)) return;
  held.add(event);
  signalTour(event);
}

/** The states that hold now. */
export function tourHeld(): ReadonlySet<TourEvent> {
  return new Set(held);
}

export function onTourSignal(listener: (event: TourEvent) => void): () => void {
  if (typeof window === "undefined") return () => undefined;
  const handle = (ev: Event) => listener((ev as CustomEvent<TourEvent>).detail);
  window.addEventListener(EVENT, handle);
  return () => window.removeEventListener(EVENT, handle);
}

/** Hold `event` while `on` is true (released when the view goes away). */
export function useTourCondition(event: TourEvent, on: boolean): void {
  React.useEffect(() => {
    setTourCondition(event, on);
  }, [event, on]);
  React.useEffect(() => () => setTourCondition(event, false), [event]);
}
