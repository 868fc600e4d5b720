import * as React from "react";
import type { ApiClient, Connection, PeriodInfo, ReportState } from "../api";

/** Where a unit's report for a period stands, as the period picker and the reminders show it. */
export type PeriodMark = "missing" | "submitted" | "returned" | "accepted";

export function markOf(state: ReportState | null): PeriodMark {
  if (!state || !state.status) return "missing";
  if (state.locked || state.status === "accepted") return "accepted";
  return state.status === "returned" ? "returned" : "submitted";
}

/**
 * The unit's report state for every listed period, read once when the unit connects (when the client can), and kept
 * up to date with the state of the report that is open (`current`). Null while unknown (offline, or not read yet).
 */
export function usePeriodStates(
  api: ApiClient,
  connection: Connection | null,
  unitCode: string | null,
  periods: PeriodInfo[],
  current: ReportState | null,
): Record<string, PeriodMark> | null {
  const [marks, setMarks] = React.useState<Record<string, PeriodMark> | null>(null);
  const ids = periods.map((p) => p.id).join(",");
  React.useEffect(() => {
    setMarks(null);
    if (!connection || !unitCode || !ids || !api.reportStates) return;
    let live = true;
    api.reportStates(connection, unitCode, ids.split(",")).then(
      (states) => {
        if (!live) return;
        const next: Record<string, PeriodMark> = {};
        for (const [p, s] of Object.entries(states)) next[p] = markOf(s);
        setMarks(next);
      },
      () => undefined, // offline: no marks rather than wrong ones
    );
    return () => {
      live = false;
    };
  }, [api, connection, unitCode, ids]);
  React.useEffect(() => {
    if (!current || current.unitCode !== unitCode) return;
    const mark = markOf(current);
    setMarks((prev) => (prev && prev[current.period] !== mark ? { ...prev, [current.period]: mark } : prev));
  }, [current, unitCode]);
  return marks;
}
