/**
 * bench/taskpane: the task pane's three claimed numbers.
 *   1. start-up JS (gzip): the entry chunks taskpane.html loads (dist/web), async chunks such as
 *      the ExcelJS writer excluded — goal ≤ 250 KB.
 *   2. time to the first screen in headless chromium: navigation start → the frame that paints the connect form's
 *      enabled address input, taken in the page (bench/taskpane/_browser.ts; median of 7 cold loads, each in a fresh
 *      browser context), with the main thread's CPU time up to then — goal ≤ 300 ms; also with ?office=load (the
 *      local office.js loaded, as a pane whose host is unknown would). first-screen.ts compares builds in turns.
 *   3. context.sync per user action against the Office port (src/workbook/office) on the Excel double of
 *      test/workbook/excel-double.ts, both profiles (bench/taskpane/syncs.ts) — goals: open ≤ 3, edit ≤ 2, no echo.
 * Prints `taskpane.<metric>=<n>` lines. Needs a production build (npm run build:web) and /usr/bin/chromium.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { firstScreen, launch, median, serve, type FirstScreen } from "./_browser";

const ROOT = path.resolve(__dirname, "..", "..");
const WEB = path.join(ROOT, "dist", "web");

function print(metric: string, value: number | string): void {
  console.log(`taskpane.${metric}=${value}`);
}

function entryScripts(html: string): string[] {
  return [...html.matchAll(/<script[^>]*\bsrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((src) => !/^https?:/.test(src) && !src.startsWith("office/"));
}

function startupSize(): void {
  let total = 0;
  let raw = 0;
  for (const page of ["taskpane.html"]) {
    const html = fs.readFileSync(path.join(WEB, page), "utf8");
    let pageGzip = 0;
    for (const src of entryScripts(html)) {
      const bytes = fs.readFileSync(path.join(WEB, src));
      raw += bytes.length;
      const gz = zlib.gzipSync(bytes, { level: 9 }).length;
      pageGzip += gz;
      total += gz;
    }
    print(`${page.replace(".html", "")}_entry_gzip_kb`, (pageGzip / 1024).toFixed(1));
    // the page itself carries the pre-rendered first screen (four templates and their styles)
    const htmlGz = zlib.gzipSync(Buffer.from(html), { level: 9 }).length;
    print(`${page.replace(".html", "")}_html_gzip_kb`, (htmlGz / 1024).toFixed(1));
    print("startup_html_and_js_gzip_kb", ((htmlGz + pageGzip) / 1024).toFixed(1));
  }
  print("startup_js_gzip_kb", (total / 1024).toFixed(1));
  print("startup_js_raw_kb", (raw / 1024).toFixed(1));
  const async = fs.readdirSync(WEB).filter((f) => f.endsWith(".js") && !/^(taskpane|shell)\./.test(f));
  const asyncGz = async.reduce((n, f) => n + gzipOf(f), 0);
  print("async_chunks_gzip_kb", (asyncGz / 1024).toFixed(1));
  // every chunk, by name (webpack's content hash stripped), gzip -9
  for (const f of fs
    .readdirSync(WEB)
    .filter((x) => x.endsWith(".js"))
    .sort())
    print(`chunk.${f.replace(/\.[0-9a-f]{8}\.js$/, "")}_gzip_kb`, (gzipOf(f) / 1024).toFixed(1));
}

function gzipOf(file: string): number {
  return zlib.gzipSync(fs.readFileSync(path.join(WEB, file)), { level: 9 }).length;
}

async function firstInteractive(query: string, label: string): Promise<void> {
  const { url, close } = await serve(WEB);
  const browser = await launch();
  const runs: FirstScreen[] = [];
  try {
    for (let i = 0; i < 7; i++) runs.push(await firstScreen(browser, url, query, WEB));
  } finally {
    await browser.close();
    await close();
  }
  // the JS the first screen needed (our chunks; office.js, when loaded, is Microsoft's)
  const ours = runs[0].chunks;
  print(`${label}_js_gzip_kb`, (ours.reduce((n, f) => n + gzipOf(f), 0) / 1024).toFixed(1));
  print(`${label}_chunks`, ours.map((f) => f.replace(/\.[0-9a-f]{8}\.js$/, "")).join(","));
  const times = runs.map((r) => r.ms).sort((a, b) => a - b);
  print(`${label}_ms_median`, Math.round(median(times)));
  print(`${label}_ms_max`, Math.round(times[times.length - 1]));
  // the pane's own first draw, which replaces the pre-rendered screen (typing kept; "Connect" works from here)
  print(`${label}_drawn_ms_median`, Math.round(median(runs.map((r) => r.drawnMs))));
  print(`${label}_cpu_ms_median`, Math.round(median(runs.map((r) => r.cpuMs))));
  print(`${label}_script_cpu_ms_median`, Math.round(median(runs.map((r) => r.scriptCpuMs))));
  print(`${label}_load_average`, os.loadavg()[0].toFixed(1));
}

async function syncsPerAction(): Promise<void> {
  // the sync budget per user action on the Excel double, both profiles (bench/taskpane/syncs.ts)
  const { syncBudget } = await import("./syncs");
  await syncBudget();
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(WEB, "taskpane.html"))) {
    console.error("dist/web is not built: run `npm run build:web` first");
    process.exit(1);
  }
  startupSize();
  // the preview as it starts in a plain browser, then with the local office.js loaded first (?office=load)
  await firstInteractive("", "first_screen");
  await firstInteractive("?office=load", "first_screen_with_office_js");
  await syncsPerAction();
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
