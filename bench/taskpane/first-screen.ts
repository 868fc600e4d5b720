/**
 * bench/taskpane/first-screen.ts: the task pane's first screen in headless chromium, and where its time goes.
 *   npx tsx bench/taskpane/first-screen.ts [--runs 9] [--query "?office=load"] [DIR …]
 * Each DIR is a built dist/web (default: this tree's). With two or more, the builds are loaded in turns (A, B, A, B …)
 * so the machine's load falls on each alike. Per build: the median time from navigation to the frame that paints the
 * connect form's enabled address input, the main thread's CPU time up to then and the part of it spent compiling and
 * evaluating scripts (both from chromium's trace, less sensitive to load), and the chunks fetched before it.
 * Prints `taskpane.first_screen.<label>.<metric>=<n>` lines and the load average before and after.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { firstScreen, launch, median, serve, type FirstScreen } from "./_browser";

const ROOT = path.resolve(__dirname, "..", "..");

function args() {
  const argv = process.argv.slice(2);
  let runs = 9;
  let query = "";
  const dirs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--runs") runs = Number(argv[++i]);
    else if (argv[i] === "--query") query = argv[++i];
    else dirs.push(path.resolve(argv[i]));
  }
  if (dirs.length === 0) dirs.push(path.join(ROOT, "dist", "web"));
  return { runs, query, dirs };
}

function label(i: number, all: string[]): string {
  return all.length === 1 ? "this" : String.fromCharCode(65 + i);
}

function gzipKb(dir: string, files: string[]): number {
  const bytes = files.reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(path.join(dir, f)), { level: 9 }).length, 0);
  return bytes / 1024;
}

async function main(): Promise<void> {
  const { runs, query, dirs } = args();
  for (const d of dirs)
    if (!fs.existsSync(path.join(d, "taskpane.html"))) {
      console.error(`${d} is not a built dist/web: run \`npm run build:web\` first`);
      process.exit(1);
    }
  const load = () =>
    os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(" ");
  console.log(`# load average before: ${load()} (${os.cpus().length} cores); query "${query}"; ${runs} loads each`);
  const servers = await Promise.all(dirs.map((d) => serve(d)));
  const browser = await launch();
  const results: FirstScreen[][] = dirs.map(() => []);
  try {
    // one warm-up of each (the browser's own start-up), then the builds in turns
    for (let d = 0; d < dirs.length; d++) await firstScreen(browser, servers[d].url, query, dirs[d]);
    for (let r = 0; r < runs; r++)
      for (let d = 0; d < dirs.length; d++) results[d].push(await firstScreen(browser, servers[d].url, query, dirs[d]));
  } finally {
    await browser.close();
    await Promise.all(servers.map((s) => s.close()));
  }
  dirs.forEach((dir, d) => {
    const l = label(d, dirs);
    const rs = results[d];
    const print = (metric: string, v: number | string) => console.log(`taskpane.first_screen.${l}.${metric}=${v}`);
    if (dirs.length > 1) console.log(`# ${l}: ${dir}`);
    print("ms_median", Math.round(median(rs.map((x) => x.ms))));
    print("ms_min", Math.round(Math.min(...rs.map((x) => x.ms))));
    print("ms_max", Math.round(Math.max(...rs.map((x) => x.ms))));
    print("drawn_ms_median", Math.round(median(rs.map((x) => x.drawnMs))));
    print("drawn_ms_max", Math.round(Math.max(...rs.map((x) => x.drawnMs))));
    print("cpu_ms_median", Math.round(median(rs.map((x) => x.cpuMs))));
    print("script_cpu_ms_median", Math.round(median(rs.map((x) => x.scriptCpuMs))));
    const chunks = rs[0].chunks;
    print("chunks", chunks.map((f) => f.replace(/\.[0-9a-f]{8}\.js$/, "")).join(","));
    print("js_gzip_kb", gzipKb(dir, chunks).toFixed(1));
  });
  console.log(`# load average after: ${load()}`);
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
