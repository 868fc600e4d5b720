/**
 * bench/taskpane: the task pane's three claimed numbers.
 *   1. start-up JS (gzip): the entry chunks taskpane.html and commands.html load (dist/web), async chunks such as
 *      the ExcelJS writer excluded — goal ≤ 250 KB.
 *   2. time to first interactive render in headless chromium: navigation start → the connect form's address input
 *      is on screen and enabled (median of 7 cold loads, each in a fresh browser context) — goal ≤ 1 s; also with
 *      the local office.js loaded first (?office=load), as a pane whose host is unknown would.
 *   3. context.sync per user action against the Office port (src/workbook/office) on the fake Excel of
 *      test/workbook/fake-excel.ts, following the calls the pane's hooks make for each action — goal ≤ 2.
 * Prints `taskpane.<metric>=<n>` lines. Needs a production build (npm run build:web) and /usr/bin/chromium.
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { chromium } from "playwright-core";
import type { EntryInput } from "../../src/domain/types";
import type { EntryChange } from "../../src/workbook/port";

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
  for (const page of ["taskpane.html", "commands.html"]) {
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
  const async = fs.readdirSync(WEB).filter((f) => f.endsWith(".js") && !/^(taskpane|commands)\./.test(f));
  const asyncGz = async.reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(path.join(WEB, f)), { level: 9 }).length, 0);
  print("async_chunks_gzip_kb", (asyncGz / 1024).toFixed(1));
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
  try {
    for (let i = 0; i < 7; i++) {
      const context = await browser.newContext({ viewport: { width: 350, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${url}/taskpane.html${query}`, { waitUntil: "commit" });
      await page.waitForSelector("input[type=url]:not([disabled])", { timeout: 20_000 });
      times.push(await page.evaluate(() => performance.now()));
      await context.close();
    }
  } finally {
    await browser.close();
    await close();
  }
  times.sort((a, b) => a - b);
  print(`${label}_ms_median`, Math.round(times[Math.floor(times.length / 2)]));
  print(`${label}_ms_max`, Math.round(times[times.length - 1]));
}

async function syncsPerAction(): Promise<void> {
  const fakePath = path.join(ROOT, "test", "workbook", "fake-excel.ts");
  if (!fs.existsSync(fakePath)) {
    console.log("# the fake Excel (test/workbook/fake-excel.ts) is not there: sync counts not measured");
    return;
  }
  const { installExcel, fireChanged } = await import("../../test/workbook/excel-double");
  const { createOfficeWorkbookPort } = await import("../../src/workbook/office/port");
  const { defaultCatalog, defaultUnitRegistry, parsePeriod, validate } = await import("../../src/domain");
  const { buildTemplateSpec, cellMap, columnIndex, splitAddress } = await import("../../src/workbook/template");
  // Office.context.document.settings for the settings and the queue (no context.sync there)
  const store = new Map<string, unknown>();
  (globalThis as unknown as { Office: unknown }).Office = {
    context: {
      requirements: { isSetSupported: () => true },
      document: {
        settings: {
          get: (k: string) => store.get(k) ?? null,
          set: (k: string, v: unknown) => void store.set(k, v),
          remove: (k: string) => void store.delete(k),
          saveAsync: (cb?: (r: { status: string }) => void) => cb?.({ status: "succeeded" }),
        },
      },
    },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  };
  const excel = installExcel();
  const catalog = defaultCatalog();
  const units = defaultUnitRegistry();
  const unit = units.byCode("00004")!;
  const period = parsePeriod("2026-Q1")!;
  const spec = buildTemplateSpec({ catalog, unit, period });
  const port = createOfficeWorkbookPort({ catalog, units });
  // like the pane: the entries live in its state (filled by readEntries when the report opens, then by the form's
  // writes and the sheet's change events), and validate() runs on that state — not on a new read of the sheet
  let state: EntryInput[] = [];
  const apply = (changes: EntryChange[]) => {
    state = state.map((e) => {
      const mine = changes.filter((c) => c.targetId === e.targetId);
      return mine.reduce((acc, c) => ({ ...acc, [c.field]: c.raw }), e);
    });
  };
  const check = async () =>
    validate(
      { unitCode: unit.code, period: period.id, catalogVersion: catalog.version, locale: "vi", entries: state },
      { catalog, units, cellOf: cellMap(spec) },
    );
  async function measure(action: string, fn: () => Promise<void>): Promise<void> {
    const before = excel.contexts.length;
    await fn();
    const runs = excel.contexts.slice(before);
    const syncs = runs.reduce((n, c) => n + c.syncCount, 0);
    print(`syncs.${action}`, syncs);
    print(`runs.${action}`, runs.length);
  }
  // open a report in an empty workbook: readIdentity, ensureTemplate, readEntries, onEntriesChanged, markIssues
  await measure("open_report_new", async () => {
    await port.readIdentity();
    await port.ensureTemplate(spec);
    state = await port.readEntries();
    await port.onEntriesChanged(apply);
    const r = await check();
    await port.markIssues(r.issues, r.assessments);
  });
  // typing a figure in the form: one write, then the marks of the new validation
  await measure("type_value", async () => {
    const change: EntryChange = { targetId: "S02", field: "value", raw: 12000 };
    apply([change]);
    await port.writeEntries([change]);
    const r = await check();
    await port.markIssues(r.issues, r.assessments);
  });
  await measure("write_only", async () => {
    await port.writeEntries([{ targetId: "S02", field: "value", raw: 12001 }]);
  });
  await measure("mark_only", async () => {
    const r = await check();
    await port.markIssues(r.issues, r.assessments);
  });
  // typing or pasting in the sheet: the change event reads the touched inputs (one sync), then the marks
  await measure("sheet_change", async () => {
    const address = (cellMap(spec)("S01", "numerator") as string).split("!")[1];
    const { column, row } = splitAddress(address);
    excel.model.sheet(spec.entry.sheet)!.cell(row, columnIndex(column))!.value = 95;
    await fireChanged(excel.model, spec.entry.sheet, address);
    if (state.find((e) => e.targetId === "S01")?.numerator !== 95)
      throw new Error("the change event did not reach the pane's state");
    const r = await check();
    await port.markIssues(r.issues, r.assessments);
  });
  // clicking an issue
  await measure("select_issue_cell", async () => {
    await port.selectCell(cellMap(spec)("S01", "numerator") as string);
  });
  // the workbook already holds the report: recognise it (and repair nothing)
  await measure("open_report_existing", async () => {
    await port.readIdentity();
    await port.ensureTemplate(spec);
    await port.readEntries();
  });
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
