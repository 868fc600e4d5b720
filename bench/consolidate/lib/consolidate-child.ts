/**
 * One consolidation run in a fresh process (so peak memory is this run's own), through the product's own path:
 * `consolidateFiles` of `chitieu consolidate` (template reader → domain validation → ~1 KB record per file, the file
 * dropped), on worker threads or not, then the city figures of every period by the domain's aggregate(). Prints one
 * JSON line: time, peak RSS (sampled every 20 ms and per file) with process.memoryUsage() at that peak, the heap still
 * held after a forced GC (and the whole memoryUsage() then), the main thread's young generation (new space) at the
 * end, counts and the city sums per period × target (for the benchmark to check against the generator).
 *
 * Usage: node --expose-gc [V8 heap flags] --import tsx bench/consolidate/lib/consolidate-child.ts <file list> <workers> [--write <out.xlsx>]
 *        [--period P]   (every file is read and checked; only the reports of period P are kept)
 */
import fs from "node:fs";
import v8 from "node:v8";
import { defaultCatalog, defaultUnitRegistry } from "../../../src/domain";
import { periodFigures, viewFromFiles } from "../../../src/domain/scorecard";
import { consolidateFiles } from "../../../src/cli/consolidate-files";
import { buildConsolidatedSpec } from "../../../src/workbook/consolidated";
import { readWorkbook } from "../../../src/workbook/xlsx/node-inflate";
import { writeConsolidatedXlsx } from "../../../src/workbook/xlsx/write-consolidated";

async function main(): Promise<void> {
  const list = fs.readFileSync(process.argv[2], "utf8").split("\n").filter(Boolean);
  const workers = Number(process.argv[3] ?? 0);
  const writeAt = process.argv.indexOf("--write");
  const out = writeAt > 0 ? process.argv[writeAt + 1] : null;
  const periodAt = process.argv.indexOf("--period");
  const period = periodAt > 0 ? process.argv[periodAt + 1] : undefined;
  const catalog = defaultCatalog();
  const units = defaultUnitRegistry();
  // warm-up outside the timing: module loading and the catalog's caches
  readWorkbook(fs.readFileSync(list[0]), { catalog, units });
  global.gc?.();
  const base = process.memoryUsage();
  const baseRss = base.rss;
  let peakRss = baseRss;
  let peakHeap = base.heapUsed;
  /** process.memoryUsage() when RSS peaked: what the peak is made of (main thread's heap, external, buffers) */
  let atPeak = base;
  const sample = (): void => {
    const m = process.memoryUsage();
    if (m.rss > peakRss) {
      peakRss = m.rss;
      atPeak = m;
    }
    if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
  };
  const timer = setInterval(sample, 20);
  let n = 0;
  const t0 = performance.now();
  const result = await consolidateFiles(
    list.map((f) => ({ path: f, source: f })),
    { workers, ...(period ? { period } : {}), onFile: () => (++n % 50 === 0 ? sample() : undefined) },
  );
  const readMs = performance.now() - t0;
  const sums: Record<string, [number | null, number | null, number | null, number]> = {};
  for (const pc of result.periods) {
    const { figures } = periodFigures(pc, { catalog, units });
    for (const f of figures) {
      if (f.unitsIncluded.length === 0) continue;
      sums[`${pc.period.id}|${f.targetId}`] = [f.value, f.numeratorSum, f.denominatorSum, f.unitsIncluded.length];
    }
  }
  const consolidateMs = performance.now() - t0;
  clearInterval(timer);
  sample();
  global.gc?.();
  const held = process.memoryUsage();
  const heldHeap = held.heapUsed; // what the consolidation still holds (records, verdicts, figures)
  const heldBuffers = held.arrayBuffers; // the record arena's typed arrays
  const newSpace = v8.getHeapSpaceStatistics().find((x) => x.space_name === "new_space")?.space_size ?? 0;
  let writeMs = 0;
  let outBytes = 0;
  if (out && result.periods.length > 0) {
    const w0 = performance.now();
    const view = viewFromFiles(result.periods[0], { catalog, units, generatedAt: new Date().toISOString() });
    const bytes = await writeConsolidatedXlsx(buildConsolidatedSpec(view));
    fs.writeFileSync(out, bytes);
    outBytes = bytes.length;
    writeMs = performance.now() - w0;
  }
  process.stdout.write(
    `${JSON.stringify({ files: list.length, workers, counts: result.counts, periods: result.periods.length, readMs, consolidateMs, writeMs, outBytes, baseRss, peakRss, peakHeap, heldHeap, heldBuffers, atPeak, held, newSpace, sums })}\n`,
  );
  // keep `result` alive until heldHeap was measured
  if (result.files.length < 0) process.stdout.write("");
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
