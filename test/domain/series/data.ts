/** Shared builders for the series tests: reports per period of real units and the real catalog. */
import {
  buildSeries,
  type ParsedEntry,
  type SeriesRequest,
  type TargetSeries,
  type UnitReport,
} from "../../../src/domain";
import { catalog, parsed, units } from "../helpers";

export const BA_DINH = "00004";
export const NGOC_HA = "00008";
export const GIANG_VO = "00025";
export const CITY = "HN";

/** A growing set of reports: `add("2026-01", "00004", entry)` puts one entry in the unit's report of the period. */
export class Reports {
  readonly byPeriod = new Map<string, UnitReport[]>();

  add(periodId: string, unitCode: string, entry: ParsedEntry): this {
    let list = this.byPeriod.get(periodId);
    if (!list) this.byPeriod.set(periodId, (list = []));
    let r = list.find((x) => x.unitCode === unitCode);
    if (!r) list.push((r = { unitCode, entries: [] }));
    r.entries.push(entry);
    return this;
  }

  value(periodId: string, unitCode: string, targetId: string, value: number): this {
    return this.add(periodId, unitCode, parsed(targetId, { value }));
  }

  ratio(periodId: string, unitCode: string, targetId: string, numerator: number, denominator: number): this {
    return this.add(periodId, unitCode, parsed(targetId, { numerator, denominator }));
  }

  notApplicable(periodId: string, unitCode: string, targetId: string): this {
    return this.add(periodId, unitCode, parsed(targetId, { notApplicable: true, justification: "Không có cơ sở" }));
  }
}

/** The one series of `targetId` for the request. */
export function seriesOf(
  reports: Reports,
  targetId: string,
  req: Omit<SeriesRequest, "catalog" | "registry" | "reports" | "targetIds">,
): TargetSeries {
  const all = buildSeries({ catalog, registry: units, reports: reports.byPeriod, targetIds: [targetId], ...req });
  expect(all).toHaveLength(1);
  return all[0];
}

/** Month ids "2026-01" … of a year. */
export function months(year: number, first = 1, last = 12): string[] {
  const out: string[] = [];
  for (let m = first; m <= last; m++) out.push(`${year}-${String(m).padStart(2, "0")}`);
  return out;
}

/** Every ward and commune (not demo) of the registry: the units that report P03 by default. */
export function localUnits(): string[] {
  return units
    .all()
    .filter((u) => !u.demo && (u.kind === "ward" || u.kind === "commune"))
    .map((u) => u.code);
}
