/**
 * Benchmark (issue 21, the clerk's pane): what one opened period costs the endpoint beside the form — one unit's
 * series of every target over the three months before it (GET /consolidation/range?unit=…&units=false), built by
 * buildTrend from 126 wards' and communes' entries of two years (the range and the year read before it), and the
 * size of its JSON answer. The database read is not timed here (bench/server times the endpoint's reads).
 * Run: npx tsx bench/series/unit-history.ts — median of 9 passes after 2 warm-up passes.
 */
import { loadavg } from "node:os";
import { gzipSync } from "node:zlib";
import { buildTrend } from "../../src/domain";
import { benchWorld } from "./_world";

const { catalog, registry, reports, units } = benchWorld([2026, 2027]);
const unitCode = units[0]!.code;

function once(): string {
  const data = buildTrend({ catalog, registry, reports, from: "2027-02", to: "2027-04", unitCode, units: false });
  return JSON.stringify({ ...data, unit: unitCode, basis: "latest", catalogVersion: catalog.version });
}

for (let i = 0; i < 2; i++) once();
const runs: { ms: number; cpuMs: number }[] = [];
let json = "";
for (let i = 0; i < 9; i++) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  json = once();
  const cpu = process.cpuUsage(cpu0);
  runs.push({ ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 });
}
const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[4]!;
const load = loadavg()
  .map((x) => x.toFixed(2))
  .join(" ");
process.stdout.write(
  `one unit's last 3 months, every target (${catalog.targets.length}), from 126 units × 24 months; load average ${load}\n` +
    `build + JSON: median ${mid(runs.map((r) => r.ms)).toFixed(1)} ms wall, ${mid(runs.map((r) => r.cpuMs)).toFixed(1)} ms CPU\n` +
    `answer: ${(json.length / 1024).toFixed(1)} KB JSON, ${(gzipSync(json).length / 1024).toFixed(1)} KB gzip\n` +
    `series.unit_history_ms=${mid(runs.map((r) => r.ms)).toFixed(1)}\n`,
);
