/**
 * Benchmark (issue 21): series of 126 units × 43 targets × 60 months (2026-01 … 2030-12) of parsed entries.
 * Goal: built in under 1 s. Run: npx tsx bench/series/run.ts
 * Measures, each the median of 5 passes after 2 warm-up passes:
 * - `city`: the city's series of all 43 targets over the 60 months (year to date, pace, changes);
 * - `units`: every unit's own series of all 43 targets over the 60 months (126 calls);
 * - `quarters`: the city's series of all 43 targets over 20 quarters, rolled up from the month entries.
 * The world (units, entries) is ./_world.ts's, shared with bench/trend.
 */
import { loadavg } from "node:os";
import { buildSeries, type TargetSeries } from "../../src/domain";
import { benchWorld } from "./_world";

const { catalog, units, registry, reports, entries } = benchWorld([2026, 2027, 2028, 2029, 2030]);

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
