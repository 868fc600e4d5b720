/** How a target is described in a cell: "≥ 11", "trước 31/12/2028", "Chưa có chỉ tiêu / no target set". */
import {
  directionFor,
  formatNumber,
  type Bilingual,
  type Locale,
  type Target,
  type TargetValue,
  type YearTarget,
} from "../../domain";
import { NOT_APPLICABLE, NO_TARGET } from "./texts";

// ------------------------------------------------------------------------------------------------------------------
// Builder
// ------------------------------------------------------------------------------------------------------------------

export function bi(b: Bilingual): string {
  return `${b.vi} / ${b.en}`;
}

function directionSymbol(t: Target, year: number): string {
  return ({ ">=": "≥", ">": ">", "<=": "≤", "<": "<", done_by: "" } as const)[directionFor(t, year)];
}

function dateLabel(iso: string, locale: Locale): string {
  const [y, m, d] = iso.split("-");
  return locale === "vi" ? `${d}/${m}/${y}` : iso;
}

/** "≥ 11", "< 4,5", "trước 31/12/2028", or "Chưa có chỉ tiêu / no target set" — never a number the catalog lacks. */
export function describeYearTarget(t: Target, yt: YearTarget, locale: Locale = "vi"): string {
  if (yt.kind === "value") return `${directionSymbol(t, yt.year)} ${formatNumber(yt.value, locale)}`;
  if (yt.kind === "date") return locale === "vi" ? `trước ${dateLabel(yt.date, "vi")}` : `by ${yt.date}`;
  return bi(NO_TARGET);
}

export function describeTerm(t: Target, v: TargetValue | undefined, locale: Locale): string {
  if (v === undefined) return NOT_APPLICABLE;
  if (typeof v === "number") return `${directionSymbol(t, 2030)} ${formatNumber(v, locale)}`;
  return locale === "vi" ? `trước ${dateLabel(v, "vi")}` : `by ${v}`;
}
