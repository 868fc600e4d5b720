import type { RecentItem, RecentView } from "./recent-view";

export interface RecentValuesProps {
  view: RecentView;
}

export interface SparkDot {
  x: number;
  y: number;
}

export interface RecentValuesState {
  view: RecentView;
  width: number;
  height: number;
  /** one dot per period with a figure (none for N/A, missing or not due: they are gaps, never 0) */
  dots: SparkDot[];
  /** lines between figures of adjacent periods only */
  segments: [SparkDot, SparkDot][];
  arrow: string | null;
}

const WIDTH = 44;
const HEIGHT = 14;
const PAD = 2;

function sparkline(items: readonly RecentItem[]): { dots: (SparkDot | null)[] } {
  const figures = items.map((i) => i.figure);
  const known = figures.filter((f): f is number => f !== null);
  const lo = Math.min(...known);
  const hi = Math.max(...known);
  const step = items.length > 1 ? (WIDTH - 2 * PAD) / (items.length - 1) : 0;
  const dots = figures.map((f, i) => {
    if (f === null) return null;
    const share = hi === lo ? 0.5 : (f - lo) / (hi - lo);
    return { x: PAD + i * step, y: HEIGHT - PAD - share * (HEIGHT - 2 * PAD) };
  });
  return { dots };
}

export function useRecentValues(props: RecentValuesProps): RecentValuesState {
  const { view } = props;
  const { dots } = sparkline(view.items);
  const segments: [SparkDot, SparkDot][] = [];
  for (let i = 1; i < dots.length; i++) {
    const a = dots[i - 1];
    const b = dots[i];
    if (a && b) segments.push([a, b]);
  }
  return {
    view,
    width: WIDTH,
    height: HEIGHT,
    dots: dots.filter((d): d is SparkDot => d !== null),
    segments,
    arrow: view.trend === "up" ? "↑" : view.trend === "down" ? "↓" : view.trend === "flat" ? "→" : null,
  };
}
