/**
 * A small harness for the browser tests: the real endpoint (bin/chitieu.js serve on a fresh SQLite file, over HTTPS
 * with the development certificate or a throw-away one), Debian's chromium through playwright-core, axe-core, and a
 * sequential runner that prints each result and writes a JSON count for scripts/e2e.js. `startSuite()` is the
 * start-up every suite shares (folder, database, endpoint, browser, stopped after the last test); `Audits` collects
 * axe-core's findings over a suite; `Screenshots` clears a suite's screenshots first and checks them last;
 * `connectPane()` and `chooseQuarter()` are the first steps in the pane.
 */
import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { parsePeriod, targetForPeriod, type Target } from "../../src/domain";

export const ROOT = path.resolve(__dirname, "..", "..");
export const RESULTS = path.join(ROOT, "test-results");
export const SCREENS = path.join(ROOT, "docs", "screens");
export const CHROMIUM = process.env.CHITIEU_CHROMIUM ?? "/usr/bin/chromium";

// ---------------------------------------------------------------------------------------------------------------
// runner
// ---------------------------------------------------------------------------------------------------------------

interface Case {
  name: string;
  fn: () => Promise<void>;
}
const cases: Case[] = [];
const hooks: { after: (() => Promise<void>)[] } = { after: [] };

export function test(name: string, fn: () => Promise<void>): void {
  cases.push({ name, fn });
}

export function after(fn: () => Promise<void>): void {
  hooks.after.push(fn);
}

/** Runs the registered tests in order; a failed test does not stop the ones after it. */
export async function run(suite: string): Promise<void> {
  let passed = 0;
  let failed = 0;
  const results: { name: string; ok: boolean; ms: number; error?: string }[] = [];
  for (const c of cases) {
    const started = Date.now();
    try {
      await c.fn();
      passed++;
      results.push({ name: c.name, ok: true, ms: Date.now() - started });
      console.log(`  ✔ ${c.name} (${Date.now() - started} ms)`);
    } catch (e) {
      failed++;
      const error = e instanceof Error ? (e.stack ?? e.message) : String(e);
      results.push({ name: c.name, ok: false, ms: Date.now() - started, error });
      console.log(`  ✖ ${c.name}\n${error.replace(/^/gm, "      ")}`);
    }
  }
  for (const h of hooks.after) await h().catch((e: unknown) => console.error("after:", e));
  fs.mkdirSync(RESULTS, { recursive: true });
  const out = process.env.CHITIEU_E2E_RESULT ?? path.join(RESULTS, `e2e-${suite}.json`);
  fs.writeFileSync(out, JSON.stringify({ suite, passed, failed, results }, null, 2));
  console.log(`${suite}: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

// ---------------------------------------------------------------------------------------------------------------
// the endpoint
// ---------------------------------------------------------------------------------------------------------------

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** The office-addin-dev-certs certificate when it exists, else a throw-away self-signed one for localhost. */
export function tlsFiles(dir: string): { key: string; cert: string } | null {
  const dev = path.join(os.homedir(), ".office-addin-dev-certs");
  const key = path.join(dev, "localhost.key");
  const cert = path.join(dev, "localhost.crt");
  if (fs.existsSync(key) && fs.existsSync(cert)) return { key, cert };
  const k = path.join(dir, "key.pem");
  const c = path.join(dir, "cert.pem");
  const r = spawnSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-keyout",
      k,
      "-out",
      c,
      "-days",
      "2",
      "-subj",
      "/CN=localhost",
      "-addext",
      "subjectAltName=DNS:localhost,IP:127.0.0.1",
    ],
    {
      stdio: "ignore",
    },
  );
  return r.status === 0 ? { key: k, cert: c } : null;
}

const CLI = path.join(ROOT, "bin", "chitieu.js");
const CLI_ENV = { ...process.env, CHITIEU_FROM_SOURCE: "1", CHITIEU_LOG: "silent" };

function tokenIssue(db: string, who: string[]): string {
  const r = spawnSync(process.execPath, [CLI, "token", "issue", ...who, "--db", db], {
    cwd: ROOT,
    env: CLI_ENV,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`token issue (${who.join(" ")}) failed: ${r.stderr}`);
  return r.stdout.trim();
}

/** A unit's token, issued by the CLI on the suite's database. */
export function issueToken(db: string, unitCode: string): string {
  return tokenIssue(db, ["--unit", unitCode]);
}

/** A planner's token, issued by the CLI on the suite's database: a real planner's, or the classroom's with `demo`. */
export function issuePlannerToken(db: string, opts: { demo?: boolean } = {}): string {
  return tokenIssue(db, ["--role", "planner", ...(opts.demo ? ["--demo"] : [])]);
}

export class Endpoint {
  readonly url: string;
  private child: ChildProcess | null = null;
  private log = "";

  constructor(
    readonly port: number,
    readonly db: string,
    private readonly tls: { key: string; cert: string } | null,
  ) {
    this.url = `${tls ? "https" : "http"}://localhost:${port}`;
  }

  async start(): Promise<void> {
    const args = [
      CLI,
      "serve",
      "--db",
      this.db,
      "--port",
      String(this.port),
      "--host",
      "127.0.0.1",
      "--static-root",
      path.join(ROOT, "dist", "web"),
    ];
    if (this.tls) args.push("--tls-key", this.tls.key, "--tls-cert", this.tls.cert);
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...CLI_ENV, CHITIEU_ALLOWED_ORIGIN: this.url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    child.stdout?.on("data", (d: Buffer) => (this.log += d.toString()));
    child.stderr?.on("data", (d: Buffer) => (this.log += d.toString()));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`the endpoint exited (${child.exitCode}):\n${this.log}`);
      if (await this.healthy()) return;
      await sleep(200);
    }
    throw new Error(`the endpoint did not answer within 60 s:\n${this.log}`);
  }

  /** Stops the process (SIGTERM, then SIGKILL) and waits until the port is closed. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
    this.child = null;
  }

  /** A request to the endpoint from node, accepting its development certificate. */
  request(
    p: string,
    init: { method?: string; token?: string; body?: unknown } = {},
  ): Promise<{ status: number; ok: boolean; text: string }> {
    const url = new URL(`${this.url}${p}`);
    const payload = init.body !== undefined ? JSON.stringify(init.body) : undefined;
    const mod = url.protocol === "https:" ? https : http;
    return new Promise((resolve, reject) => {
      const req = mod.request(
        url,
        {
          method: init.method ?? "GET",
          rejectUnauthorized: false,
          headers: {
            ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
            ...(payload !== undefined
              ? { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(payload) }
              : {}),
          },
          timeout: 5_000,
        },
        (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (d: string) => (text += d));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, ok: (res.statusCode ?? 0) < 400, text }));
        },
      );
      req.on("timeout", () => req.destroy(new Error("timeout")));
      req.on("error", reject);
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }

  async healthy(): Promise<boolean> {
    try {
      return (await this.request("/api/v1/health")).ok;
    } catch {
      return false;
    }
  }

  async json<T>(p: string, token: string): Promise<T> {
    const res = await this.request(p, { token });
    if (!res.ok) throw new Error(`GET ${p} → ${res.status} ${res.text}`);
    return JSON.parse(res.text) as T;
  }

  get output(): string {
    return this.log;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// the browser
// ---------------------------------------------------------------------------------------------------------------

/** Debian's chromium; playwright-core gives every launch a fresh temporary profile (its own --user-data-dir). */
export async function launch(): Promise<Browser> {
  return chromium.launch({
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
}

export async function newPage(
  browser: Browser,
  width = 1280,
  height = 900,
  colorScheme: "light" | "dark" = "light",
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    colorScheme,
    ignoreHTTPSErrors: true,
    viewport: { width, height },
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error(`    [page error] ${e.message}`));
  return { context, page };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe-core's violations of impact serious or critical on the page as it is now. */
export async function seriousViolations(page: Page, include?: string): Promise<AxeViolation[]> {
  const axePath = require.resolve("axe-core/axe.min.js");
  if (!(await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== "undefined"))) {
    // evaluated, not added as a <script>: the endpoint's Content-Security-Policy refuses inline scripts, as it should
    await page.evaluate(fs.readFileSync(axePath, "utf8"));
  }
  const violations = (await page.evaluate(async (sel) => {
    const axe = (
      window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const r = await axe.run(sel ? { include: [sel] } : document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, include ?? null)) as AxeViolation[];
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

export function formatViolations(vs: AxeViolation[]): string {
  return vs
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `   ${n.target.join(" ")} — ${n.failureSummary ?? ""}`).join("\n")}`,
    )
    .join("\n");
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export function tmpDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

// ---------------------------------------------------------------------------------------------------------------
// what every suite does first
// ---------------------------------------------------------------------------------------------------------------

export interface Suite {
  /** the suite's temporary folder (the database, a throw-away certificate, files the test writes) */
  readonly dir: string;
  readonly db: string;
  /** once the first test ran */
  readonly endpoint: Endpoint;
  readonly browser: Browser;
  /** axe-core's findings over the suite: `suite.audits.test(n)` is its closing check */
  readonly audits: Audits;
  /** the suite's screenshots, cleared now: `suite.screens.test()` is its closing check */
  readonly screens: Screenshots;
}

/**
 * Registers the suite's first test — a fresh SQLite file in a new temporary folder, the real endpoint on a free
 * port, Debian's chromium — and stops both after the last test. `ready` runs at the end of that first test (tokens).
 * The suite also collects its axe-core findings and clears its screenshots; each has a closing test to register.
 */
export function startSuite(
  prefix: string,
  opts: {
    dbName?: string;
    title?: string;
    ready?: (suite: Suite) => Promise<void> | void;
    /** the files it writes into docs/screens */
    screens?: readonly string[];
  } = {},
): Suite {
  const dir = tmpDir(`chitieu-e2e-${prefix}-`);
  const db = path.join(dir, opts.dbName ?? "e2e.sqlite");
  let endpoint: Endpoint | null = null;
  let browser: Browser | null = null;
  const suite: Suite = {
    dir,
    db,
    audits: new Audits(),
    screens: new Screenshots(opts.screens ?? []),
    get endpoint(): Endpoint {
      if (!endpoint) throw new Error("the endpoint is not started: startSuite's first test did not run");
      return endpoint;
    },
    get browser(): Browser {
      if (!browser) throw new Error("the browser is not started: startSuite's first test did not run");
      return browser;
    },
  };
  test(opts.title ?? "starts the endpoint and the browser", async () => {
    endpoint = new Endpoint(await freePort(), db, tlsFiles(dir));
    await endpoint.start();
    browser = await launch();
    await opts.ready?.(suite);
  });
  after(async () => {
    await browser?.close();
    await endpoint?.stop();
  });
  return suite;
}

/** axe-core's serious and critical findings, collected state by state over a suite. */
export class Audits {
  private readonly found: { state: string; list: AxeViolation[] }[] = [];

  /** Audits the page as it is now (or only the part `include` selects). */
  async audit(page: Page, state: string, include?: string): Promise<void> {
    this.found.push({ state, list: await seriousViolations(page, include) });
  }

  /** Registers the test that fails on any finding, or when fewer than `minStates` states were audited. */
  test(minStates: number, title = "axe-core finds no serious or critical violation"): void {
    test(title, async () => {
      assert.ok(this.found.length >= minStates, `audited in ${this.found.length} states (at least ${minStates})`);
      const bad = this.found.filter((v) => v.list.length > 0);
      assert.equal(bad.length, 0, bad.map((v) => `${v.state}:\n${formatViolations(v.list)}`).join("\n"));
    });
  }
}

/** The screenshots a suite takes into docs/screens: removed when the suite starts, checked by its last test. */
export class Screenshots {
  constructor(private readonly files: readonly string[]) {
    fs.mkdirSync(SCREENS, { recursive: true });
    for (const f of files) fs.rmSync(path.join(SCREENS, f), { force: true });
  }

  /** Where the screenshot `file` goes. */
  path(file: string): string {
    return path.join(SCREENS, file);
  }

  /** Registers the test that fails unless every screenshot was taken. */
  test(title = "the screenshots were taken"): void {
    test(title, async () => {
      for (const f of this.files) assert.ok(fs.statSync(path.join(SCREENS, f)).size > 1000, `${f} exists`);
    });
  }
}

/** Opens the pane served by the endpoint and connects with a token (Vietnamese texts unless `lang` is en). */
export async function connectPane(page: Page, url: string, token: string, lang: "vi" | "en" = "vi"): Promise<void> {
  const en = lang === "en";
  await page.goto(`${url}/taskpane.html?lang=${lang}`);
  await page.getByLabel(en ? "Unit access token" : "Mã truy cập của đơn vị").fill(token);
  await page.getByRole("button", { name: en ? "Connect" : "Kết nối", exact: true }).click();
  await page.getByText(en ? /Connected: / : /Đã kết nối: /).waitFor();
}

/** Chooses the first quarter the period picker offers (a month asks a ward for no ratio target); its id. */
export async function chooseQuarter(page: Page, label = "Chọn kỳ báo cáo"): Promise<string> {
  const picker = page.getByLabel(label);
  const values = await picker.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  const quarter = values.find((v) => /^\d{4}-Q\d$/.test(v));
  assert.ok(quarter, `a quarter can be chosen (${values.join(", ")})`);
  await picker.selectOption(quarter);
  return quarter;
}

/** What a clean figure is for a target in a period (no error, no warning), as a person types it in the form. */
export function cleanFigures(t: Target, periodId: string): Record<string, string> {
  const yt = targetForPeriod(t, parsePeriod(periodId)!);
  if (t.aggregation === "ratio_of_sums")
    return t.measure === "percent"
      ? { numerator: "100", denominator: "100" }
      : { numerator: "2000", denominator: "100" };
  if (t.direction === "<=" || t.direction === "<") return { value: "0" };
  return { value: yt.kind === "value" ? String(yt.value) : "10" };
}
