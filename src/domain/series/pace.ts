/**
 * The pace toward the year's target and the change against another period. The pacing rule is the one of
 * src/domain/README.md ("Combining periods and pacing"), judged by the same `assess()` through aggregate().
 */
import { monthsElapsed } from "../periods/periods";
import { isFlow, yearInfo } from "../rules/assess";
import type { CityFigure, Direction, Period, Target } from "../types";
import type { BasePoint } from "./points";
import type { SeriesChange, SeriesPace, SeriesYtd } from "./types";

export function pace(
  target: Target,
  period: Period,
  scope: "city" | "unit" | "group",
  p: BasePoint,
  ytd: SeriesYtd,
  cf: CityFigure,
): SeriesPace {
  const info = yearInfo(target, period.year);
  const yt = info.yt;
  const year = period.year;
  const judged = p.state === "value" ? cf.progress : null;
  if (yt.kind === "date") return { kind: "deadline", year, date: yt.date, progress: judged };
  if (scope !== "city" && target.aggregation === "sum") return { kind: "city_total", year };
  if (yt.kind === "none") return { kind: "no_target", year, termTarget: yt.termTarget };
  const flow = isFlow(target);
  const months = monthsElapsed(period);
  const compared = flow ? ytd.figure : p.state === "value" ? p.figure : null;
  return {
    kind: "value",
    year,
    target: yt.value,
    direction: info.direction,
    basis: flow ? "ytd" : "level",
    months,
    expected: flow ? (yt.value * months) / 12 : yt.value,
    compared,
    progress: compared === null ? null : judged,
  };
}

function better(direction: Direction, delta: number): boolean | null {
  if (delta === 0) return null;
  if (direction === ">=" || direction === ">") return delta > 0;
  if (direction === "<=" || direction === "<") return delta < 0;
  return null;
}

/** The change of `p` against `other` (another period of the same series); `other` undefined: outside the data. */
export function change(
  target: Target,
  period: Period,
  p: BasePoint,
  otherId: string,
  other: BasePoint | undefined,
): SeriesChange {
  const both = p.state === "value" && other?.state === "value" && p.figure !== null && other.figure !== null;
  const out: SeriesChange = {
    periodId: otherId,
    state: other ? other.state : "outside",
    delta: null,
    percent: null,
    better: null,
    complete: p.complete && (other?.complete ?? false),
  };
  if (!both) return out;
  const a = p.figure as number;
  const b = other.figure as number;
  out.delta = a - b;
  out.percent = b !== 0 ? ((a - b) / Math.abs(b)) * 100 : null;
  out.better = better(yearInfo(target, period.year).direction, out.delta);
  return out;
}
