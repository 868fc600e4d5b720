/**
 * Benchmark (issue 21): a year's trend workbook — 126 wards and communes × 43 targets × 12 months (2026-01 … 2026-12)
 * of parsed entries → buildTrend (every target's city series and every unit's own figures) → the four sheets →
 * .xlsx with its native line charts. Goal: written in under 2 s. Run: npx tsx bench/trend/run.ts [--out FILE]
 * Median of 5 passes after 1 warm-up; the parts are timed apart (trend data, sheets, .xlsx). TREND_FROM / TREND_TO
 * time another range (e.g. TREND_TO=2026-03).
 * The world (units, entries) is bench/series/_world.ts's, shared with bench/series.
 */
import fs from "node:fs";
import { loadavg } from "node:os";
import { buildTrend } from "../../src/domain";
import { buildTrendSpec } from "../../src/workbook/trend";
import { writeConsolidatedXlsx } from "../../src/workbook/xlsx/write-consolidated";
import { benchWorld } from "../series/_world";

// ratios drift month by month, so the charts have a trend to draw
const { catalog, registry, reports } = benchWorld([2026], { drift: true });

const generatedAt = "2027-01-05T02:00:00.000Z";
async function once(): Promise<{ data: number; sheets: number; xlsx: number; total: number; bytes: Uint8Array }> {
  const t0 = performance.now();
  const data = buildTrend({
    catalog,
    registry,
    reports,
    from: process.env.TREND_FROM ?? "2026-01",
    to: process.env.TREND_TO ?? "2026-12",
  });
  const t1 = performance.now();
  const spec = buildTrendSpec(data, catalog, registry, { source: "files", generatedAt });
  const t2 = performance.now();
  const bytes = await writeConsolidatedXlsx(spec);
  const t3 = performance.now();
  return { data: t1 - t0, sheets: t2 - t1, xlsx: t3 - t2, total: t3 - t0, bytes };
}

async function main(): Promise<void> {
  await once();
  const runs: Awaited<ReturnType<typeof once>>[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < 5; i++) runs.push(await once());
  const cpu = process.cpuUsage(cpu0);
  const mid = (k: "data" | "sheets" | "xlsx" | "total"): number => [...runs.map((x) => x[k])].sort((a, b) => a - b)[2]!;
  const out = process.argv.indexOf("--out");
  if (out > 0 && process.argv[out + 1]) fs.writeFileSync(process.argv[out + 1]!, runs[0]!.bytes);
  const load = loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");
  process.stdout.write(
    `a year's trend workbook: 126 units × 43 targets × 12 months; ${(runs[0]!.bytes.length / 1024).toFixed(0)} KB; load average ${load}\n` +
      `trend data (city series + every unit's own): median ${mid("data").toFixed(0)} ms\n` +
      `four sheets: median ${mid("sheets").toFixed(0)} ms\n` +
      `.xlsx with charts: median ${mid("xlsx").toFixed(0)} ms\n` +
      `total: median ${mid("total").toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 5000).toFixed(0)} ms CPU per pass (goal < 2,000 ms)\n` +
      `trend.year_workbook_ms=${mid("total").toFixed(0)}\n`,
  );
}

void main();
