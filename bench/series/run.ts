/**
 * Benchmark (issue 21): series of 126 units × 43 targets × 60 months (2026-01 … 2030-12) of parsed entries.
 * Goal: built in under 1 s. Run: npx tsx bench/series/run.ts
 * Measures, each the median of 5 passes after 2 warm-up passes:
 * - `city`: the city's series of all 43 targets over the 60 months (year to date, pace, changes);
 * - `units`: every unit's own series of all 43 targets over the 60 months (126 calls);
 * - `quarters`: the city's series of all 43 targets over 20 quarters, rolled up from the month entries.
 * Every ward and commune is given all 43 targets (the widest report a unit could have), as in bench/validate.
 */
import { loadavg } from "node:os";
import {
  buildSeries,
  createUnitRegistry,
  defaultCatalog,
  defaultUnits,
  emptyParsedEntry,
  type ParsedEntry,
  type Target,
  type TargetSeries,
  type UnitReport,
} from "../../src/domain";
import { seededRandom } from "../../src/domain/random";

const rnd = seededRandom(20260121);
const catalog = defaultCatalog();
const ids = catalog.targets.map((t) => t.id);
const units = defaultUnits()
  .filter((u) => (u.kind === "ward" || u.kind === "commune") && !u.demo)
  .map((u) => ({ ...u, targetIds: ids }));
const registry = createUnitRegistry(units);

function entry(t: Target): ParsedEntry {
  const e = emptyParsedEntry(t.id);
  const r = rnd();
  if (r < 0.02) return e; // blank: missing
  if (r < 0.03) return { ...e, notApplicable: true, justification: "Không có cơ sở trên địa bàn" };
  if (t.measure === "milestone") e.milestone = r < 0.5 ? "in_progress" : "done";
  else if (t.aggregation === "ratio_of_sums") {
    e.denominator = Math.round(200 + rnd() * 5000);
    e.numerator = Math.round(e.denominator * (0.4 + rnd() * 0.6));
  } else e.value = t.measure === "count" ? Math.round(rnd() * 40) : Math.round(rnd() * 1500) / 10;
  return e;
}

const reports = new Map<string, UnitReport[]>();
let entries = 0;
for (let y = 2026; y <= 2030; y++)
  for (let m = 1; m <= 12; m++) {
    const list: UnitReport[] = [];
    for (const u of units) {
      list.push({ unitCode: u.code, entries: catalog.targets.map(entry) });
      entries += catalog.targets.length;
    }
    reports.set(`${y}-${String(m).padStart(2, "0")}`, list);
  }

function city(): TargetSeries[] {
  return buildSeries({ catalog, registry, reports, from: "2026-01", to: "2030-12" });
}
function perUnit(): number {
  let n = 0;
  for (const u of units)
    n += buildSeries({ catalog, registry, reports, from: "2026-01", to: "2030-12", unitCode: u.code }).length;
  return n;
}
function quarters(): TargetSeries[] {
  return buildSeries({ catalog, registry, reports, from: "2026-Q1", to: "2030-Q4" });
}

function median(f: () => unknown): { ms: number; cpuMs: number } {
  for (let i = 0; i < 2; i++) f();
  const runs: { ms: number; cpuMs: number }[] = [];
  for (let i = 0; i < 5; i++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    f();
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    runs.push({ ms, cpuMs: (cpu.user + cpu.system) / 1000 });
  }
  const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[2];
  return { ms: mid(runs.map((r) => r.ms)), cpuMs: mid(runs.map((r) => r.cpuMs)) };
}

const points = city().reduce((s, x) => s + x.points.length, 0);
const c = median(city);
const u = median(perUnit);
const q = median(quarters);
const load = loadavg()
  .map((x) => x.toFixed(2))
  .join(" ");
process.stdout.write(
  `entries=${entries} (126 units × 43 targets × 60 months); city series: ${catalog.targets.length} targets, ${points} points; load average ${load}\n` +
    `city series, 60 months: median ${c.ms.toFixed(0)} ms wall, ${c.cpuMs.toFixed(0)} ms CPU (goal < 1,000 ms)\n` +
    `every unit's series (126 × 43 × 60): median ${u.ms.toFixed(0)} ms wall, ${u.cpuMs.toFixed(0)} ms CPU\n` +
    `city series, 20 quarters rolled up from months: median ${q.ms.toFixed(0)} ms wall, ${q.cpuMs.toFixed(0)} ms CPU\n` +
    `series.city_60_months_ms=${c.ms.toFixed(0)}\n` +
    `series.units_60_months_ms=${u.ms.toFixed(0)}\n` +
    `series.city_20_quarters_ms=${q.ms.toFixed(0)}\n` +
    `series.city_60_months_cpu_ms=${c.cpuMs.toFixed(0)}\n` +
    `series.units_60_months_cpu_ms=${u.cpuMs.toFixed(0)}\n` +
    `series.city_20_quarters_cpu_ms=${q.cpuMs.toFixed(0)}\n`,
);
