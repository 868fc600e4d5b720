/**
 * The unit's own figures of the periods just before the open one (issue #21, item 4): what a planner will see of the
 * unit, shown beside each figure of the form. One request per opened period (GET /consolidation/range for the unit,
 * every target at once), sent after the form is on screen and kept for the session; offline, or with a client that
 * cannot ask, there is simply no history.
 */
import * as React from "react";
import { CATALOG_YEARS, periodsBefore, type Period } from "../../domain";
import type { ApiClient, Connection, UnitTrend } from "../api";

/** How many earlier periods are shown beside a figure. */
export const HISTORY_PERIODS = 3;

type SeriesPoint = UnitTrend["targets"][number]["points"][number];

/** The unit's earlier periods (oldest first) and, per target id, its point in each of them. */
export interface UnitHistory {
  periods: string[];
  byTarget: ReadonlyMap<string, readonly SeriesPoint[]>;
}

export type HistoryPoint = SeriesPoint;

/**
 * Answers read (or being read) this session, by endpoint, unit and range: reopening a period, or the form drawn again
 * while the answer is on its way, asks nothing again. A failed read is forgotten, so a later opening may ask anew.
 */
const cache = new Map<string, Promise<UnitHistory>>();

export function historyOf(trend: UnitTrend): UnitHistory {
  return { periods: trend.periods, byTarget: new Map(trend.targets.map((t) => [t.targetId, t.points])) };
}

/** Forgets every answer (tests, and a pane that connects to another endpoint keeps its own keys anyway). */
export function clearUnitHistory(): void {
  cache.clear();
}

/** The wait before asking, so the form's first paint and the workbook's writes go first. */
const AFTER_FORM_MS = 50;

export function useUnitHistory(
  api: ApiClient,
  connection: Connection | null,
  unitCode: string | null,
  period: Period | null,
  /** false while the form is not on screen yet */
  formShown: boolean,
): UnitHistory | null {
  const earlier = period ? periodsBefore(period, HISTORY_PERIODS, CATALOG_YEARS[0]) : [];
  const from = earlier[0]?.id ?? null;
  const to = earlier[earlier.length - 1]?.id ?? null;
  const key = connection && unitCode && from && to ? `${connection.endpoint}|${unitCode}|${from}|${to}` : null;
  const [state, setState] = React.useState<{ key: string; history: UnitHistory } | null>(null);
  React.useEffect(() => {
    if (!key || !formShown || !connection || !unitCode || !from || !to || !api.unitTrend) return;
    let live = true;
    const ask = api.unitTrend.bind(api);
    const show = (pending: Promise<UnitHistory>): void => {
      pending.then(
        (history) => {
          if (live) setState({ key, history });
        },
        () => undefined, // offline or refused: the form shows no history rather than a wrong one
      );
    };
    const known = cache.get(key);
    if (known) {
      show(known);
      return () => {
        live = false;
      };
    }
    const timer = setTimeout(() => {
      const pending = ask(connection, unitCode, from, to).then(historyOf);
      cache.set(key, pending);
      pending.catch(() => cache.delete(key));
      show(pending);
    }, AFTER_FORM_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, connection, unitCode, from, to, key, formShown]);
  return state && state.key === key ? state.history : null;
}
