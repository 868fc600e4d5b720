/**
 * What one figure's earlier periods look like in the form: a short text per period (the figure in the pane's
 * language, or N/A, missing, not due — never a 0), the direction of the last change and whether it is better by the
 * year's direction (the domain's `change.previous.better`), and one sentence that says it all for a screen reader.
 */
import { periodLabel, parsePeriod, type Period, type Target } from "../../../domain";
import type { HistoryPoint } from "../../hooks/useUnitHistory";
import type { I18n, MessageKey } from "../../i18n";
import "../../i18n/sections/recent-values";

export type RecentState = HistoryPoint["state"];

export interface RecentItem {
  periodId: string;
  /** "T08", "Quý II", "Aug", "Q2" */
  short: string;
  /** what is shown: "12,5", "N/A", "thiếu", "chưa đến hạn", a milestone's state */
  text: string;
  state: RecentState;
  /** the figure (only in the state value), for the small chart */
  figure: number | null;
}

export interface RecentView {
  targetId: string;
  items: RecentItem[];
  /** the last figure against the one before it (both values, adjacent or not); null when there are not two */
  trend: "up" | "down" | "flat" | null;
  /** by the year's direction, for the last change between adjacent periods; null when unknown */
  better: boolean | null;
  /** the screen reader's sentence */
  label: string;
}

const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const ROMAN = ["I", "II", "III", "IV"];

export function shortPeriod(p: Period, i18n: I18n): string {
  switch (p.kind) {
    case "month":
      return i18n.t("recent.month", { month: String(p.index).padStart(2, "0"), monthName: MONTHS_EN[p.index - 1]! });
    case "quarter":
      return i18n.t("recent.quarter", { roman: ROMAN[p.index - 1]!, index: p.index });
    case "half":
      return i18n.t(p.index === 1 ? "recent.half1" : "recent.half2", { year: p.year });
    default:
      return i18n.t("recent.year", { year: p.year });
  }
}

const STATE_TEXT: Record<Exclude<RecentState, "value">, { short: MessageKey; long: MessageKey }> = {
  not_applicable: { short: "recent.na", long: "recent.na.long" },
  missing: { short: "recent.missing", long: "recent.missing.long" },
  not_due: { short: "recent.notDue", long: "recent.notDue.long" },
};

function valueText(point: HistoryPoint, i18n: I18n): string | null {
  if (point.state !== "value") return null;
  if (point.milestone) return i18n.t(`form.milestone.${point.milestone}` as MessageKey);
  return point.figure === null ? null : i18n.num(point.figure);
}

function trendOf(values: HistoryPoint[]): RecentView["trend"] {
  const [a, b] = values.slice(-2);
  if (!a || !b || a.figure === null || b.figure === null) return null;
  return b.figure > a.figure ? "up" : b.figure < a.figure ? "down" : "flat";
}

/** The view of a target's earlier points (oldest first); null when there is no point to show. */
export function recentView(target: Target, points: readonly HistoryPoint[], i18n: I18n): RecentView | null {
  if (points.length === 0) return null;
  const items: RecentItem[] = [];
  const spoken: string[] = [];
  for (const point of points) {
    const period = parsePeriod(point.periodId);
    if (!period) continue;
    const shown = valueText(point, i18n);
    const words = point.state === "value" ? null : STATE_TEXT[point.state];
    // a value without a usable figure is said as missing: never a 0
    const text = shown ?? i18n.t(words?.short ?? "recent.missing");
    items.push({
      periodId: point.periodId,
      short: shortPeriod(period, i18n),
      text,
      state: shown === null && point.state === "value" ? "missing" : point.state,
      figure: shown !== null && point.milestone === null ? point.figure : null,
    });
    const long = shown ?? i18n.t(words?.long ?? "recent.missing.long");
    spoken.push(i18n.t("recent.item", { period: periodLabel(period, i18n.locale), value: long }));
  }
  if (items.length === 0) return null;
  const values = points.filter((p) => p.state === "value" && p.figure !== null && p.milestone === null);
  const trend = trendOf(values);
  const last = values[values.length - 1];
  const before = values[values.length - 2];
  // the domain's verdict only where the last change is against the value just before it
  const better =
    trend && trend !== "flat" && last && before && last.change.previous.periodId === before.periodId
      ? last.change.previous.better
      : null;
  const sentence = [
    i18n.t("recent.label", { target: target.id, count: items.length, items: spoken.join("; ") }),
    trend ? i18n.t(trend === "up" ? "recent.up" : trend === "down" ? "recent.down" : "recent.flat") : "",
    better === null ? "" : i18n.t(better ? "recent.better" : "recent.worse"),
  ];
  return { targetId: target.id, items, trend, better, label: sentence.filter(Boolean).join(" ") };
}
