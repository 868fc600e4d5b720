/**
 * What bench/taskpane's browser figures share: a static server for a built dist/web, Debian's chromium, and one cold
 * load of the pane measured to its first screen — the connect form's address input, enabled, painted.
 *
 * Since the first screen is pre-rendered into taskpane.html (src/taskpane/shell/), that input is first the shell's;
 * the time the pane's own form replaces it (`<html data-boot="drawn">`, set right after the pane's first draw) is
 * taken too, the same way: until then typing is kept but "Connect" only notes the press.
 *
 * The time is taken inside the page (a MutationObserver installed before any script, then the next animation frame:
 * the frame that paints the form), so the driver's own round trips under load do not count. The main thread's CPU
 * time up to then comes from chromium's trace (the `tdur` thread time of each top-level task): it moves much less
 * with the machine's load than the wall time does.
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import type { Browser } from "playwright-core";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
};

export function serve(web: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const p = path.join(web, decodeURIComponent((req.url ?? "/").split("?")[0]));
    if (!p.startsWith(web) || !fs.existsSync(p) || fs.statSync(p).isDirectory()) {
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

/** Debian's chromium, launched as the browser tests launch it. */
export { launch } from "../../test/e2e/harness";

/** Runs in the page before its scripts: notes when the enabled address input is there, then when it is painted. */
const WATCH_FIRST_SCREEN = `(() => {
  const w = window;
  const check = () => {
    if (w.__drawn === undefined && document.documentElement.dataset.boot) {
      w.__drawn = -1;
      requestAnimationFrame(() => { w.__drawn = performance.now(); });
    }
    if (w.__firstScreenDom !== undefined) return;
    const input = document.querySelector("input[type=url]:not([disabled])");
    if (!input) return;
    w.__firstScreenDom = performance.now();
    requestAnimationFrame(() => { w.__firstScreen = performance.now(); });
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
})();`;

export interface FirstScreen {
  /** navigation start → the frame that paints the enabled address input (ms) */
  ms: number;
  /** navigation start → the frame that paints the pane's own first draw, which replaces the pre-rendered one (ms) */
  drawnMs: number;
  /** the main thread's CPU time over the same span (ms, trace thread time) */
  cpuMs: number;
  /** of which compiling and evaluating scripts (ms CPU) */
  scriptCpuMs: number;
  /** our chunks requested before the first screen */
  chunks: string[];
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { url?: string } };
}

function cpuUpTo(events: TraceEvent[], navStartTs: number, endTs: number) {
  const main = events.find(
    (e) => e.name === "thread_name" && e.args?.name === "CrRendererMain" && e.pid === mainPid(events),
  );
  const mine = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === "X");
  const within = (e: TraceEvent) => e.ts >= navStartTs && e.ts <= endTs;
  const tasks = mine.filter((e) => (e.name === "RunTask" || e.name === "ThreadControllerImpl::RunTask") && within(e));
  const scripts = mine.filter((e) => (e.name === "EvaluateScript" || e.name === "v8.compile") && within(e));
  const sum = (list: TraceEvent[]) => list.reduce((n, e) => n + (e.tdur ?? 0), 0) / 1000;
  return { cpuMs: sum(tasks), scriptCpuMs: sum(scripts) };
}

/** The renderer that ran the page: the one whose main thread evaluated a script with a URL. */
function mainPid(events: TraceEvent[]): number | undefined {
  return events.find((e) => e.name === "EvaluateScript" && e.args?.data?.url)?.pid;
}

/** One cold load in a fresh context (empty cache, empty storage) of `${url}/taskpane.html${query}`. */
export async function firstScreen(browser: Browser, url: string, query: string, web: string): Promise<FirstScreen> {
  const context = await browser.newContext({ viewport: { width: 350, height: 800 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(WATCH_FIRST_SCREEN);
    await browser.startTracing(page, {
      categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "blink.user_timing", "loading"],
    });
    await page.goto(`${url}/taskpane.html${query}`, { waitUntil: "commit" });
    await page.waitForFunction(
      () => {
        const w = window as { __firstScreen?: number; __drawn?: number };
        return w.__firstScreen !== undefined && w.__drawn !== undefined && w.__drawn > 0;
      },
      null,
      { timeout: 30_000, polling: 50 },
    );
    const [ms, drawnMs] = await page.evaluate(() => {
      const w = window as unknown as { __firstScreen: number; __drawn: number };
      return [w.__firstScreen, w.__drawn];
    });
    // the scripts fetched before the first screen was there (resource timing, in the page)
    const before = await page.evaluate(() => {
      const at = (window as unknown as { __firstScreenDom: number }).__firstScreenDom;
      return performance
        .getEntriesByType("resource")
        .filter((r) => r.startTime <= at)
        .map((r) => new URL(r.name).pathname.slice(1));
    });
    const requested = before.filter(
      (f) => f.endsWith(".js") && !f.startsWith("office/") && fs.existsSync(path.join(web, f)),
    );
    const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents;
    const pid = mainPid(events);
    const navStart = events.find((e) => e.name === "navigationStart" && e.pid === pid)?.ts ?? 0;
    return { ms, drawnMs, ...cpuUpTo(events, navStart, navStart + ms * 1000), chunks: requested };
  } finally {
    await context.close();
  }
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
