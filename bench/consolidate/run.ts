/**
 * Consolidation benchmark (issue 6). Run: `npx tsx bench/consolidate/run.ts [count]` (or CONSOLIDATE_COUNT=…;
 * default 10000; OPENPYXL_SAMPLE=… files for openpyxl, default 500).
 *
 * 1. Generates filled unit workbooks into bench/out/consolidate/ (gitignored; reused when already there): the
 *    realistic case — the 126 wards and communes for 2026-Q1 — and `count` workbooks spread over the 80 months and
 *    quarters of 2026–2030 (126 units each), from one template written by the product's writer.
 * 2. Consolidates them with the product's reader and streaming consolidator, each run in a fresh process: time, and
 *    peak RSS sampled during the run, for 1,000 and for `count` workbooks (memory must stay flat); with one period
 *    kept, both with V8's default heap sizing and with the main thread's young generation pinned (PINNED_YOUNG), with
 *    process.memoryUsage() at the peak and the heap held after GC per extra file.
 * 3. Checks every city sum against the generator's own sums.
 * 4. Runs the openpyxl reader (bench/consolidate/openpyxl_reader.py, Debian's /usr/bin/python3) over a sample of the
 *    same files (OPENPYXL_SAMPLE=10000: all of them, ≈ 2 minutes), checks it found the same sums, and extrapolates its
 *    time to `count` files when it read a sample only.
 * 4b. Reads the same sample with the JavaScript peers, SheetJS (`xlsx`) and ExcelJS's reader, and prints the ratio
 *    (lib/peers.ts; alone: `npx tsx bench/consolidate/peers.ts [count]`).
 * 5. Writes the realistic consolidation with the Office.js writer against the office-addin-mock based fake Excel:
 *    sync count and time.
 * Prints `consolidate.<metric>=<n>` lines.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { defaultCatalog, defaultUnitRegistry, parsePeriod, type Period } from "../../src/domain";
import { createConsolidator, viewFromFiles } from "../../src/domain/scorecard";
import { buildConsolidatedSpec, fileReadFrom } from "../../src/workbook/consolidated";
import { TEMPLATE_VERSION } from "../../src/workbook/template";
import { readWorkbook } from "../../src/workbook/xlsx/node-inflate";
import { writeConsolidated } from "../../src/workbook/office/write-consolidated";
import { installConsolidatedExcel } from "../../test/workbook/consolidated-fake";
import { defaultWorkers } from "../../src/cli/consolidate-files";
import { benchPeriods, generateWorkbooks } from "./lib/generate";
import { comparePeers } from "./lib/peers";
import { printPeers } from "./peers";

const ROOT = path.join(__dirname, "..", "..");
const OUT = path.join(ROOT, "bench", "out", "consolidate");
const GENERATOR_VERSION = 2;
const count = Number(process.argv[2] ?? process.env.CONSOLIDATE_COUNT ?? 10_000);
const sampleSize = Math.min(Number(process.env.OPENPYXL_SAMPLE ?? 500), count);
const catalog = defaultCatalog();
const registry = defaultUnitRegistry();

function metric(name: string, value: number | string): void {
  process.stdout.write(`consolidate.${name}=${typeof value === "number" ? Math.round(value * 100) / 100 : value}\n`);
}
function say(line: string): void {
  process.stdout.write(`${line}\n`);
}
const mb = (b: number): number => b / 1024 / 1024;

interface Manifest {
  generator: number;
  count: number;
  catalogVersion: string;
  templateVersion: string;
  files: string[];
  sums: Record<string, { value: number; numerator: number; denominator: number; units: number }>;
  ms: number;
  bytes: number;
}

async function dataset(name: string, n: number, periods: Period[]): Promise<Manifest> {
  const dir = path.join(OUT, name);
  const manifestPath = path.join(dir, "manifest.json");
  if (fs.existsSync(manifestPath)) {
    const m = JSON.parse(fs.readFileSync(manifestPath, "utf8")) as Manifest;
    if (
      m.generator === GENERATOR_VERSION &&
      m.count === n &&
      m.catalogVersion === catalog.version &&
      m.templateVersion === TEMPLATE_VERSION &&
      m.files.every((f) => fs.existsSync(f))
    ) {
      say(`  ${name}: reusing ${n} workbooks generated earlier (${(m.ms / 1000).toFixed(1)} s then)`);
      return m;
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const g = await generateWorkbooks({ dir, count: n, catalog, registry, periods });
  const m: Manifest = {
    generator: GENERATOR_VERSION,
    count: n,
    catalogVersion: catalog.version,
    templateVersion: TEMPLATE_VERSION,
    files: g.files,
    sums: Object.fromEntries(g.sums),
    ms: g.ms,
    bytes: g.bytes,
  };
  fs.writeFileSync(manifestPath, JSON.stringify(m));
  say(
    `  ${name}: generated ${n} workbooks in ${(g.ms / 1000).toFixed(1)} s (${mb(g.bytes).toFixed(1)} MB, ${(g.bytes / n / 1024).toFixed(1)} KB each)`,
  );
  return m;
}

interface Memory {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

interface ChildResult {
  files: number;
  workers: number;
  heldHeap: number;
  heldBuffers: number;
  counts: { read: number; accepted: number; rejected: number };
  periods: number;
  readMs: number;
  consolidateMs: number;
  writeMs: number;
  outBytes: number;
  baseRss: number;
  peakRss: number;
  peakHeap: number;
  /** process.memoryUsage() when RSS peaked, and after the forced GC at the end */
  atPeak: Memory;
  held: Memory;
  /** the main thread's young generation at the end (both semi-spaces) */
  newSpace: number;
  sums: Record<string, [number | null, number | null, number | null, number]>;
}

/**
 * The main thread's young generation pinned at the size V8 grows it to by default (16 MB semi-spaces): left to its
 * heuristics V8 starts at 1 MB and doubles it as a run goes on, so a longer run has a bigger young generation — RSS
 * that is no data held. With it pinned, 1,000 and 10,000 files are compared like with like.
 */
const PINNED_YOUNG = ["--min-semi-space-size=16", "--max-semi-space-size=16"];

function child(
  files: string[],
  label: string,
  workers: number,
  extra: string[] = [],
  nodeFlags: string[] = [],
): ChildResult {
  const list = path.join(OUT, `list-${label}.txt`);
  fs.writeFileSync(list, files.join("\n"));
  const r = spawnSync(
    process.execPath,
    [
      "--expose-gc",
      ...nodeFlags,
      "--import",
      "tsx",
      path.join(__dirname, "lib", "consolidate-child.ts"),
      list,
      String(workers),
      ...extra,
    ],
    {
      cwd: ROOT,
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  if (r.status !== 0) throw new Error(`consolidation child failed (${label}): ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop() as string) as ChildResult;
}

/** Mismatches between consolidated city sums and the generator's (or another reader's) sums. */
function compare(got: ChildResult["sums"], expected: Manifest["sums"], keys: string[]): string[] {
  const bad: string[] = [];
  for (const k of keys) {
    const e = expected[k];
    const g = got[k];
    const id = k.split("|")[1];
    const t = catalog.targets.find((x) => x.id === id);
    if (!e || !g || !t) {
      bad.push(`${k}: missing`);
      continue;
    }
    const close = (a: number | null, b: number): boolean =>
      a !== null && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
    const ok =
      t.aggregation === "ratio_of_sums" ? close(g[1], e.numerator) && close(g[2], e.denominator) : close(g[0], e.value);
    if (!ok || g[3] !== e.units) bad.push(`${k}: got ${JSON.stringify(g)}, expected ${JSON.stringify(e)}`);
  }
  return bad;
}

/** Step 4: openpyxl (Debian's python3) over a sample of the same files, and ours on the same sample; the sums must agree. */
function openpyxl(sample: string[], single: ChildResult, best: ChildResult): string[] {
  const sampleList = path.join(OUT, "list-openpyxl.txt");
  fs.writeFileSync(sampleList, sample.join("\n"));
  const py = spawnSync("/usr/bin/python3", [path.join(__dirname, "openpyxl_reader.py"), sampleList], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (py.status !== 0) {
    say(
      `  openpyxl: not run (${(py.stderr || py.error?.message || "").trim().split("\n").pop()}); install python3-openpyxl`,
    );
    metric("openpyxl_run", 0);
    return [];
  } else {
    const pj = JSON.parse(py.stdout) as {
      files: number;
      failed: [string, string][];
      seconds: number;
      sums: Record<string, [number, number, number, number]>;
    };
    const rSample = child(sample, `sample${sampleSize}`, 0);
    // both readers must have found the same figures in the sample
    const theirs: Manifest["sums"] = {};
    for (const [k, [value, numerator, denominator, n]] of Object.entries(pj.sums))
      theirs[k] = { value, numerator, denominator, units: n };
    const disagree = compare(rSample.sums, theirs, Object.keys(rSample.sums));
    const perFile = (pj.seconds * 1000) / pj.files;
    const estimated = perFile * count;
    const full = pj.files === count;
    say(
      `  openpyxl (one thread): ${pj.files} files in ${pj.seconds.toFixed(1)} s (${perFile.toFixed(1)} ms each, ${pj.failed.length} failed)` +
        (full
          ? ` — every one of the ${count} files, measured`
          : ` → ${count} files ≈ ${(estimated / 1000).toFixed(0)} s (EXTRAPOLATED from the sample of ${pj.files})`) +
        `; it found the same sums as ours: ${disagree.length === 0 ? "yes" : `NO (${disagree.length})`}`,
    );
    say(
      `  ours on the same sample, one thread: ${rSample.consolidateMs.toFixed(0)} ms (${((rSample.consolidateMs * 1000) / sampleSize).toFixed(0)} µs each)`,
    );
    metric("openpyxl_sample_files", pj.files);
    metric("openpyxl_per_workbook_ms", perFile);
    metric(full ? `openpyxl_${count}_ms` : `openpyxl_${count}_extrapolated_ms`, estimated);
    metric("speedup_vs_openpyxl_one_thread_same_sample", (pj.seconds * 1000) / rSample.consolidateMs);
    metric("speedup_vs_openpyxl_one_thread", perFile / (single.consolidateMs / count));
    metric("speedup_vs_openpyxl", estimated / best.consolidateMs);
    metric("openpyxl_sum_disagreements", disagree.length);
    return disagree.slice(0, 5).map((d) => `openpyxl: ${d}`);
  }
}

/** Step 5: the planner-mode write of the realistic consolidation through Office.js against the fake Excel. */
async function officeWrite(files: string[]): Promise<{ syncs: number; chunks: number }> {
  const consolidator = createConsolidator({ catalog, units: registry, period: "2026-Q1" });
  for (const f of files)
    consolidator.add(fileReadFrom(f, null, readWorkbook(fs.readFileSync(f), { catalog, units: registry })));
  const view = viewFromFiles(consolidator.finish().periods[0], {
    catalog,
    units: registry,
    generatedAt: new Date().toISOString(),
  });
  const spec = buildConsolidatedSpec(view);
  // Excel.run is office-addin-mock's OfficeMockObject handing out the template helper's fake contexts
  const excel = installConsolidatedExcel(["Sheet1"]);
  const w0 = performance.now();
  const written = await writeConsolidated(spec, { pageLayout: true });
  const writeMs = performance.now() - w0;
  const r0 = performance.now();
  const refreshed = await writeConsolidated(spec, { pageLayout: true });
  const refreshMs = performance.now() - r0;
  const [first, second] = excel.contexts;
  const cells = spec.sheets.reduce(
    (n, s) => n + s.blocks.reduce((m, b) => m + b.values.reduce((k, r) => k + r.length, 0), 0),
    0,
  );
  say(
    `  Office.js write of ${view.units.length} units × ${catalog.targets.length} targets (${cells} cells, ${written.charts} charts): ${first.syncCount} syncs, ${written.chunks} chunk(s) of ≤ ${(Math.max(...written.chunkBytes) / 1024).toFixed(0)} KB, ${writeMs.toFixed(0)} ms against the mock; refresh: ${second.syncCount} syncs, ${refreshMs.toFixed(0)} ms, replaced ${refreshed.replaced.length} sheets`,
  );
  metric("office_write_syncs", first.syncCount);
  metric("office_write_chunks", written.chunks);
  metric("office_write_max_request_kb", Math.max(...written.chunkBytes) / 1024);
  metric("office_write_ms", writeMs);
  metric("office_refresh_syncs", second.syncCount);
  return { syncs: first.syncCount, chunks: written.chunks };
}

async function main(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  say(
    `Consolidation benchmark: ${count} workbooks (openpyxl on a sample of ${sampleSize}); machine: ${require("node:os").cpus().length} cores, Node ${process.version}`,
  );

  // 1. data
  const q1 = parsePeriod("2026-Q1") as Period;
  const realistic = await dataset("realistic-126", 126, [q1]);
  const big = await dataset(`n${count}`, count, benchPeriods());
  metric(`generate_${count}_ms`, big.ms);

  // 2. the realistic case: 126 workbooks → consolidated .xlsx
  const out126 = path.join(OUT, "consolidated-126.xlsx");
  const r126 = child(realistic.files, "126", 0, ["--write", out126]);
  say(
    `  126 workbooks: read + consolidate ${r126.consolidateMs.toFixed(0)} ms, write the consolidated .xlsx ${r126.writeMs.toFixed(0)} ms (${(r126.outBytes / 1024).toFixed(0)} KB) → ${path.relative(ROOT, out126)}`,
  );
  metric("realistic_126_consolidate_ms", r126.consolidateMs);
  metric("realistic_126_write_xlsx_ms", r126.writeMs);
  let mismatches = compare(r126.sums, realistic.sums, Object.keys(realistic.sums));

  // 3. the big case, one thread and on worker threads (what `chitieu consolidate` does by default), and 1,000 for memory
  const workers = defaultWorkers(count);
  const small = Math.max(1, Math.min(1000, Math.floor(count / 10)));
  const runs: { label: string; n: number; w: number; r: ChildResult }[] = [];
  for (const w of workers > 0 ? [0, workers] : [0]) {
    for (const n of [small, count]) {
      const r = child(big.files.slice(0, n), `n${n}-w${w}`, w);
      runs.push({ label: `${n} workbooks, ${w === 0 ? "1 thread" : `${w} worker threads`}`, n, w, r });
      if (n === count) {
        mismatches = mismatches.concat(compare(r.sums, big.sums, Object.keys(big.sums)));
        if (r.counts.accepted !== count) mismatches.push(`accepted ${r.counts.accepted} of ${count} (workers ${w})`);
      }
      say(
        `  ${runs[runs.length - 1].label}: ${(r.consolidateMs / 1000).toFixed(2)} s (${((r.consolidateMs * 1000) / n).toFixed(0)} µs per workbook), ` +
          `peak RSS ${mb(r.peakRss).toFixed(0)} MB (start ${mb(r.baseRss).toFixed(0)} MB), held after GC ${mb(r.heldHeap).toFixed(1)} MB`,
      );
      const tag = `${n}_w${w}`;
      metric(`time_${tag}_ms`, r.consolidateMs);
      metric(`per_workbook_${tag}_us`, (r.consolidateMs * 1000) / n);
      metric(`peak_rss_${tag}_mb`, mb(r.peakRss));
      metric(`held_heap_${tag}_mb`, mb(r.heldHeap));
    }
  }
  // the same reading with a constant result: every file read and checked, one period's reports kept. Memory that
  // still grew here would be workbooks held; above, the kept result itself grows with the count (one record per
  // unit × period: 10,000 files here are 10,000 different unit × periods). Run with V8's default heap sizing and with
  // the main thread's young generation pinned (like with like: see PINNED_YOUNG).
  const onePeriod = benchPeriods()[0].id;
  const flatRuns: Record<"default" | "pinned", { n: number; r: ChildResult }[]> = { default: [], pinned: [] };
  for (const variant of ["default", "pinned"] as const) {
    const flags = variant === "pinned" ? PINNED_YOUNG : [];
    for (const n of [small, count]) {
      const r = child(big.files.slice(0, n), `n${n}-w${workers}-${onePeriod}`, workers, ["--period", onePeriod], flags);
      flatRuns[variant].push({ n, r });
      const p = r.atPeak;
      say(
        `  ${n} workbooks read, ${onePeriod} kept (${r.counts.accepted} reports), ${workers === 0 ? "1 thread" : `${workers} worker threads`}, ${variant === "pinned" ? `young generation pinned (${PINNED_YOUNG.join(" ")})` : "default V8 flags"}: ` +
          `${(r.consolidateMs / 1000).toFixed(2)} s, peak RSS ${mb(r.peakRss).toFixed(0)} MB (start ${mb(r.baseRss).toFixed(0)} MB; at the peak: main heap ${mb(p.heapUsed).toFixed(1)} of ${mb(p.heapTotal).toFixed(1)} MB, external ${mb(p.external).toFixed(1)} MB, array buffers ${mb(p.arrayBuffers).toFixed(1)} MB), ` +
          `held after GC ${mb(r.heldHeap).toFixed(2)} MB (external ${mb(r.held.external).toFixed(1)} MB), young generation at the end ${mb(r.newSpace).toFixed(0)} MB`,
      );
      const tag = variant === "pinned" ? "one_period_pinned" : "one_period";
      metric(`${tag}_time_${n}_ms`, r.consolidateMs);
      metric(`${tag}_peak_rss_${n}_mb`, mb(r.peakRss));
      metric(`${tag}_held_heap_${n}_mb`, mb(r.heldHeap));
      metric(`${tag}_peak_heap_total_${n}_mb`, mb(p.heapTotal));
      metric(`${tag}_peak_external_${n}_mb`, mb(p.external));
    }
  }
  const growthOf = (v: "default" | "pinned"): { pct: number; perFile: number } => {
    const [a, b] = flatRuns[v];
    return {
      pct: (100 * (b.r.peakRss - a.r.peakRss)) / a.r.peakRss,
      // what the result still holds per extra file read (a verdict per file skipped, and the file list the child keeps)
      perFile: (b.r.heldHeap - a.r.heldHeap) / Math.max(1, b.n - a.n),
    };
  };
  const flatDefault = growthOf("default");
  const flatPinned = growthOf("pinned");
  const flat = flatRuns.pinned;
  const flatGrowth = flatPinned.pct;
  metric(`one_period_rss_growth_${small}_to_${count}_pct`, flatDefault.pct);
  metric(`one_period_held_per_extra_file_bytes`, flatDefault.perFile);
  metric(`one_period_pinned_rss_growth_${small}_to_${count}_pct`, flatPinned.pct);
  metric(`one_period_pinned_held_per_extra_file_bytes`, flatPinned.perFile);
  const bestBig = runs.filter((x) => x.n === count).sort((a, b) => a.r.consolidateMs - b.r.consolidateMs)[0];
  const single = runs.find((x) => x.n === count && x.w === 0) as (typeof runs)[number];
  const singleSmall = runs.find((x) => x.n === small && x.w === 0) as (typeof runs)[number];
  metric(`time_${count}_ms`, bestBig.r.consolidateMs);
  metric(`rss_growth_${small}_to_${count}_mb`, mb(single.r.peakRss - singleSmall.r.peakRss));
  metric(
    `rss_growth_${small}_to_${count}_pct`,
    (100 * (single.r.peakRss - singleSmall.r.peakRss)) / singleSmall.r.peakRss,
  );
  // how much of that growth is the kept result (records still held after a forced collection)
  const heldGrowth = single.r.heldHeap + single.r.heldBuffers - (singleSmall.r.heldHeap + singleSmall.r.heldBuffers);
  metric(`held_result_growth_${small}_to_${count}_mb`, mb(heldGrowth));
  const threaded = runs.filter((x) => x.w === workers);
  const threadedGrowth = threaded.length === 2 ? threaded[1].r.peakRss - threaded[0].r.peakRss : NaN;
  if (workers > 0) metric(`rss_growth_${small}_to_${count}_w${workers}_mb`, mb(threadedGrowth));

  // 4. openpyxl over a sample of the same files
  const sample = big.files.slice(0, sampleSize);
  mismatches.push(...openpyxl(sample, single.r, bestBig.r));

  // 4b. the JavaScript peers (SheetJS, ExcelJS's reader) on the same sample, one thread, in this process
  printPeers(await comparePeers(sample, catalog, registry), metric, say);

  // 5. the planner-mode write: 126 units × 43 targets through Office.js against the fake Excel
  const { syncs: firstSyncs, chunks } = await officeWrite(realistic.files);

  // verdicts
  metric("check_mismatches", mismatches.length);
  for (const m of mismatches.slice(0, 10)) say(`  ✖ ${m}`);
  const goalTime = bestBig.r.consolidateMs <= 10_000 * (count / 10_000);
  const os = require("node:os") as typeof import("node:os");
  say(
    `Goals: ${count} workbooks in ≤ ${((10 * count) / 10_000).toFixed(1)} s: ${goalTime ? "met" : "MISSED"} (${(bestBig.r.consolidateMs / 1000).toFixed(1)} s, ${bestBig.label}); ` +
      `peak RSS ${small} → ${count} workbooks (one thread): ${mb(singleSmall.r.peakRss).toFixed(0)} → ${mb(single.r.peakRss).toFixed(0)} MB, of which the kept result grew ${mb(heldGrowth).toFixed(0)} MB; ` +
      `with one period kept, young generation pinned: ${mb(flat[0].r.peakRss).toFixed(0)} → ${mb(flat[1].r.peakRss).toFixed(0)} MB (${flatGrowth >= 0 ? "+" : ""}${flatGrowth.toFixed(1)} %, flat if ≤ 5 %: ${flatGrowth <= 5 ? "met" : "MISSED"}; held ${flatPinned.perFile.toFixed(0)} bytes per extra file; default flags: ${flatDefault.pct >= 0 ? "+" : ""}${flatDefault.pct.toFixed(1)} %); ` +
      `syncs ≤ 3 + 1 per chunk: ${firstSyncs <= 3 + chunks ? "met" : "MISSED"}. ` +
      `Load average at the end: ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(" ")} on ${os.cpus().length} cores (other work on this machine slows every figure).`,
  );
  if (mismatches.length > 0) process.exitCode = 1;
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
