/**
 * bench/taskpane: the task pane's three claimed numbers.
 *   1. start-up JS (gzip): the entry chunks taskpane.html loads (dist/web), async chunks such as
 *      the ExcelJS writer excluded — goal ≤ 250 KB.
 *   2. time to first interactive render in headless chromium: navigation start → the connect form's address input
 *      is on screen and enabled (median of 7 cold loads, each in a fresh browser context) — goal ≤ 1 s; also with
 *      the local office.js loaded first (?office=load), as a pane whose host is unknown would.
 *   3. context.sync per user action against the Office port (src/workbook/office) on the Excel double of
 *      test/workbook/excel-double.ts, both profiles (bench/taskpane/syncs.ts) — goals: open ≤ 3, edit ≤ 2, no echo.
 * Prints `taskpane.<metric>=<n>` lines. Needs a production build (npm run build:web) and /usr/bin/chromium.
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { chromium } from "playwright-core";

const ROOT = path.resolve(__dirname, "..", "..");
const WEB = path.join(ROOT, "dist", "web");
const CHROMIUM = process.env.CHITIEU_CHROMIUM ?? "/usr/bin/chromium";

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
  }
  print("startup_js_gzip_kb", (total / 1024).toFixed(1));
  print("startup_js_raw_kb", (raw / 1024).toFixed(1));
  const async = fs.readdirSync(WEB).filter((f) => f.endsWith(".js") && !/^taskpane\./.test(f));
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

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
};

function serve(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const p = path.join(WEB, decodeURIComponent((req.url ?? "/").split("?")[0]));
    if (!p.startsWith(WEB) || !fs.existsSync(p) || fs.statSync(p).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(p)] ?? "application/octet-stream" });
    fs.createReadStream(p).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      resolve({ url: `http://localhost:${port}`, close: () => new Promise((r) => server.close(() => r())) });
    }),
  );
}

async function firstInteractive(query: string, label: string): Promise<void> {
  const { url, close } = await serve();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const times: number[] = [];
  const loaded = new Set<string>();
  try {
    for (let i = 0; i < 7; i++) {
      const context = await browser.newContext({ viewport: { width: 350, height: 800 } });
      const page = await context.newPage();
      if (i === 0)
        page.on("request", (r) => {
          const m = /\/([^/?]+\.js)(\?|$)/.exec(r.url());
          if (m && r.url().startsWith(url) && fs.existsSync(path.join(WEB, m[1]))) loaded.add(m[1]);
        });
      await page.goto(`${url}/taskpane.html${query}`, { waitUntil: "commit" });
      await page.waitForSelector("input[type=url]:not([disabled])", { timeout: 20_000 });
      times.push(await page.evaluate(() => performance.now()));
      await context.close();
    }
  } finally {
    await browser.close();
    await close();
  }
  // the JS the first screen needed (our chunks; office.js, when loaded, is Microsoft's)
  const ours = [...loaded].filter((f) => !f.startsWith("office/") && fs.existsSync(path.join(WEB, f)));
  print(`${label}_js_gzip_kb`, (ours.reduce((n, f) => n + gzipOf(f), 0) / 1024).toFixed(1));
  print(`${label}_chunks`, ours.map((f) => f.replace(/\.[0-9a-f]{8}\.js$/, "")).join(","));
  times.sort((a, b) => a - b);
  print(`${label}_ms_median`, Math.round(times[Math.floor(times.length / 2)]));
  print(`${label}_ms_max`, Math.round(times[times.length - 1]));
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
  await firstInteractive("", "first_interactive");
  await firstInteractive("?office=load", "first_interactive_with_office_js");
  await syncsPerAction();
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
