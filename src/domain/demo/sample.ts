/**
 * Sample data for training: a filled report for a demo unit, generated from the catalog so every kind of issue can be
 * shown — mostly on target, a few off target (warnings that need a justification), and a few errors (a numerator above
 * its denominator, a value typed as text). Deterministic for a seed, so a trainer's "reset" always gives the same sheet.
 * Only demo units may receive sample data: generating it for a real unit is refused.
 */
import { AppError } from "../errors";
import type { Catalog, EntryInput, Period, Target, Unit } from "../types";
import { targetForPeriod } from "../catalog";
import { seededRandom } from "../random";

export type DemoVariant =
  /** what the guided tour starts from: issues of every kind, no justification yet */
  | "training"
  /** a report that passes every rule (warnings justified): what `chitieu demo workbook --clean` submits */
  | "clean";

export interface DemoSampleOptions {
  variant?: DemoVariant;
  seed?: number;
  /** typing locale of the numbers written as text ("12,5" in vi) */
  locale?: "vi" | "en";
}

/** Targets the training variant puts off track, and the one whose numerator exceeds its denominator. */
export const DEMO_OFF_TRACK = ["S01", "U06"] as const;
export const DEMO_AT_RISK = "U04";
export const DEMO_RATIO_ERROR = "U09";
export const DEMO_TEXT_ERROR = "S02";

const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** A rate that meets the target with a small margin in the target's direction. */
function onTargetLevel(t: Target, target: number, rnd: () => number): number {
  const margin = Math.max(Math.abs(target) * 0.02, 0.1) * (1 + rnd());
  const up = t.direction === ">=" || t.direction === ">";
  return round(up ? target + margin : target - margin, 1);
}

function writeNumber(x: number, locale: "vi" | "en"): string {
  return locale === "vi" ? String(x).replace(".", ",") : String(x);
}

const OFF_TRACK_JUSTIFICATION =
  "Tiến độ chậm do nguồn vốn giải ngân muộn; đơn vị đã có kế hoạch khắc phục trong quý sau.";

export function generateDemoEntries(
  catalog: Catalog,
  unit: Unit,
  period: Period,
  targets: Target[],
  opts: DemoSampleOptions = {},
): EntryInput[] {
  if (!unit.demo) {
    throw new AppError("CT_DEMO_REAL_UNIT", 403, {
      vi: `Chỉ tạo dữ liệu trình diễn cho đơn vị trình diễn; "${unit.code}" là đơn vị thật.`,
      en: `Sample data is only generated for demo units; "${unit.code}" is a real unit.`,
    });
  }
  const variant = opts.variant ?? "training";
  const locale = opts.locale ?? "vi";
  const rnd = seededRandom(opts.seed ?? 2026);
  const population = 20_000 + Math.round(rnd() * 40_000);
  const entries: EntryInput[] = [];
  for (const t of targets) {
    if (!catalog.targets.includes(t)) continue;
    const yt = targetForPeriod(t, period);
    const goal = yt.kind === "value" ? yt.value : null;
    const offTrack = variant === "training" && (DEMO_OFF_TRACK as readonly string[]).includes(t.id);
    const justifiedOff = variant === "clean" && (DEMO_OFF_TRACK as readonly string[]).includes(t.id);
    const entry: EntryInput = { targetId: t.id, responsible: "Nguyễn Văn A (cán bộ thống kê)" };
    if (t.measure === "milestone") {
      entry.milestone = "in_progress";
    } else if (t.aggregation === "ratio_of_sums") {
      const perCapita = t.measure !== "percent";
      const den = t.denominatorLabel === "Dân số" ? population : 50 + Math.round(rnd() * 450);
      let rate = goal ?? (perCapita ? 8 + rnd() * 4 : 70 + rnd() * 25);
      if (goal !== null) rate = onTargetLevel(t, goal, rnd);
      if (offTrack || justifiedOff) rate = goal !== null ? goal * 0.7 : rate * 0.7;
      else if (t.id === DEMO_AT_RISK && goal !== null) rate = goal * 0.97;
      if (!perCapita) rate = Math.min(rate, 100);
      const num = perCapita ? round(den * rate, 0) : Math.round((den * rate) / 100);
      entry.numerator = variant === "training" && t.id === DEMO_RATIO_ERROR ? den + 37 : num;
      entry.denominator = den;
    } else if (t.measure === "count") {
      const n = 1 + Math.round(rnd() * 20);
      entry.value = variant === "training" && t.id === DEMO_TEXT_ERROR ? "mười hai" : n;
    } else {
      const base = goal !== null ? onTargetLevel(t, goal, rnd) : round(10 + rnd() * 50, 1);
      const v = offTrack || justifiedOff ? round((goal ?? base) * 0.7, 1) : base;
      entry.value = writeNumber(v, locale);
    }
    if (justifiedOff) entry.justification = OFF_TRACK_JUSTIFICATION;
    entry.evidence = "Báo cáo thống kê của đơn vị, số liệu đến hết kỳ";
    entries.push(entry);
  }
  return entries;
}
