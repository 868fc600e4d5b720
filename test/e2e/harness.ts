/**
 * A small harness for the browser tests: the real endpoint (bin/chitieu.js serve on a fresh SQLite file, over HTTPS
 * with the development certificate or a throw-away one), Debian's chromium through playwright-core, axe-core, and a
 * sequential runner that prints each result and writes a JSON count for scripts/e2e.js.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

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

export function issueToken(db: string, unitCode: string): string {
  const r = spawnSync(process.execPath, [CLI, "token", "issue", "--unit", unitCode, "--db", db], {
    cwd: ROOT,
    env: CLI_ENV,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`token issue failed: ${r.stderr}`);
  return r.stdout.trim();
}

/** A (real-world) planner token for the endpoint's database. */
export function issuePlannerToken(db: string): string {
  const r = spawnSync(process.execPath, [CLI, "token", "issue", "--role", "planner", "--db", db], {
    cwd: ROOT,
    env: CLI_ENV,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`planner token issue failed: ${r.stderr}`);
  return r.stdout.trim();
}

/** Open the pane in Vietnamese and connect with a token (a unit's or a planner's). */
export async function connectPane(page: Page, url: string, token: string): Promise<void> {
  await page.goto(`${url}/taskpane.html?lang=vi`);
  await page.getByLabel("Mã truy cập của đơn vị").fill(token);
  await page.getByRole("button", { name: "Kết nối", exact: true }).click();
  await page.getByText(/Đã kết nối: /).waitFor();
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
