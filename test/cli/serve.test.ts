/**
 * `chitieu serve` as the product runs: a real process (node bin/chitieu.js serve, from the sources), real HTTPS,
 * the built add-in served from the same origin, demo tokens on a fresh database, `chitieu submit` as a process
 * trusting the certificate with --ca, a clean stop on SIGTERM, and the production refusal.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import https from "node:https";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { buildTemplateSpec } from "../../src/workbook/template";
import { writeTemplateXlsx } from "../../src/workbook/xlsx/write-template";
import { createUnitRegistry, defaultCatalog, defaultUnits, parsePeriod } from "../../src/domain";
import { validEntriesFor } from "../server/report-fixture";
import { opensslCertificate } from "../helpers";

jest.setTimeout(120_000);

const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "chitieu.js");

let dir: string;
let key: string;
let cert: string;
let web: string;

function makeCertificate(): void {
  key = path.join(dir, "key.pem");
  cert = path.join(dir, "cert.pem");
  opensslCertificate(key, cert);
}

interface Served {
  child: ChildProcess;
  url: string;
  out: () => string;
}

function serve(args: string[], env: Record<string, string> = {}): Promise<Served> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, "serve", "--port", "0", ...args], {
      cwd: dir,
      env: { ...process.env, CHITIEU_FROM_SOURCE: "1", CHITIEU_LOG: "error", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    const onData = (c: Buffer) => {
      out += c.toString();
      const m = /is listening at (https?:\/\/\S+)/.exec(out);
      if (m) resolve({ child, url: m[1] as string, out: () => out });
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", (code) => reject(new Error(`serve exited with ${code}:\n${out}`)));
  });
}

function stop(s: Served): Promise<number | null> {
  return new Promise((resolve) => {
    s.child.removeAllListeners("exit");
    s.child.once("exit", (code) => resolve(code));
    s.child.kill("SIGTERM");
  });
}

function get(url: string): Promise<{ status: number; type: string; body: string; location?: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca: fs.readFileSync(cert) }, (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c.toString()));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers["content-type"] ?? ""),
            body,
            location: res.headers.location,
          }),
        );
      })
      .on("error", reject);
  });
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-cli-serve-"));
  makeCertificate();
  web = path.join(dir, "web");
  fs.mkdirSync(web);
  fs.writeFileSync(path.join(web, "taskpane.html"), "<!doctype html><html><body>Chỉ tiêu</body></html>");
  fs.writeFileSync(path.join(web, "manifest.xml"), '<?xml version="1.0"?><OfficeApp/>');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("chitieu serve", () => {
  let s: Served;
  let demoToken = "";

  it("starts over HTTPS on a fresh database, says where it listens and prints the demo tokens once", async () => {
    s = await serve(["--db", "fresh.sqlite", "--tls-key", key, "--tls-cert", cert, "--static-root", web]);
    expect(s.url).toMatch(/^https:\/\/localhost:\d+$/);
    await new Promise((r) => setTimeout(r, 200));
    expect(s.out()).toContain("Chỉ tiêu đang chạy tại https://localhost:");
    expect(s.out()).toContain(`(data: SQLite ${path.join(dir, "fresh.sqlite")})`);
    // the lines scripts/start.js reads
    const tokens = [...s.out().matchAll(/^(?:demo|planner)[^\n]*token[^\n]*:\s*(\S+)\s*$/gim)].map((m) => m[1]);
    expect(tokens).toHaveLength(2);
    expect(s.out()).toMatch(/^demo token \(unit DEMO-01\): ct_[0-9a-f]{10}_\S{43}$/m);
    demoToken = tokens[0] as string;
  });

  it("serves the add-in and the API from the same origin", async () => {
    const pane = await get(`${s.url.replace("localhost", "127.0.0.1")}/taskpane.html`);
    expect(pane.status).toBe(200);
    expect(pane.type).toMatch(/text\/html/);
    expect(pane.body).toContain("Chỉ tiêu");
    expect((await get(`${s.url}/manifest.xml`)).body).toContain("<OfficeApp/>");
    const root = await get(`${s.url}/`);
    expect([301, 302]).toContain(root.status);
    expect(root.location).toBe("/taskpane.html");
    const catalog = await get(`${s.url}/api/v1/catalog`);
    expect(JSON.parse(catalog.body).targets).toHaveLength(43);
    const missing = await get(`${s.url}/nothing-here.js`);
    expect(missing.status).toBe(404);
    expect(missing.type).toMatch(/problem\+json/);
    const openapi = JSON.parse((await get(`${s.url}/api/v1/openapi.json`)).body);
    expect(openapi.openapi).toBe("3.1.0");
    expect(Object.keys(openapi.paths)).toContain("/api/v1/submissions");
  });

  it("accepts a demo report sent by `chitieu submit` as a process, trusting the certificate with --ca", async () => {
    const catalog = defaultCatalog();
    const registry = createUnitRegistry(defaultUnits());
    const spec = buildTemplateSpec({
      catalog,
      unit: registry.byCode("DEMO-01")!,
      period: parsePeriod("2026-Q1")!,
      values: validEntriesFor(catalog, registry, "DEMO-01"),
    });
    const file = path.join(dir, "demo.xlsx");
    fs.writeFileSync(file, await writeTemplateXlsx(spec));
    const r = spawnSync(
      process.execPath,
      [BIN, "submit", file, "--endpoint", s.url, "--token", demoToken, "--ca", cert],
      {
        cwd: dir,
        env: { ...process.env, CHITIEU_FROM_SOURCE: "1" },
        encoding: "utf8",
      },
    );
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Stored: DEMO-01 for 2026-Q1, revision 1");
    const without = spawnSync(process.execPath, [BIN, "submit", file, "--endpoint", s.url, "--token", demoToken], {
      cwd: dir,
      env: { ...process.env, CHITIEU_FROM_SOURCE: "1", NODE_EXTRA_CA_CERTS: "" },
      encoding: "utf8",
    });
    expect(without.status).toBe(3);
    expect(without.stderr).toContain("is not trusted");
  });

  it("stops cleanly on SIGTERM and, started again on the same database, prints no demo token", async () => {
    expect(await stop(s)).toBe(0);
    const again = await serve(["--db", "fresh.sqlite", "--tls-key", key, "--tls-cert", cert, "--static-root", web]);
    try {
      await new Promise((r) => setTimeout(r, 200));
      expect(again.out()).not.toMatch(/demo token/);
      const report = await get(`${again.url}/api/v1/health`);
      expect(report.status).toBe(200);
    } finally {
      expect(await stop(again)).toBe(0);
    }
  });

  it("runs several processes on one port with --workers, prints the demo tokens once, and stops them all on SIGTERM", async () => {
    const w = await serve([
      "--db",
      "workers.sqlite",
      "--tls-key",
      key,
      "--tls-cert",
      cert,
      "--static-root",
      web,
      "--workers",
      "2",
    ]);
    let workers: string[] = [];
    try {
      await new Promise((r) => setTimeout(r, 300));
      expect(w.out()).toContain("2 processes)");
      expect(w.out().match(/^demo token \(unit DEMO-01\): /gm)).toHaveLength(1);
      const answers = await Promise.all(Array.from({ length: 8 }, () => get(`${w.url}/api/v1/health`)));
      expect(answers.every((a) => a.status === 200)).toBe(true);
      workers = spawnSync("pgrep", ["-P", String(w.child.pid)], { encoding: "utf8" })
        .stdout.trim()
        .split("\n")
        .filter(Boolean);
      expect(workers).toHaveLength(2);
    } finally {
      expect(await stop(w)).toBe(0);
    }
    await new Promise((r) => setTimeout(r, 300));
    for (const pid of workers) expect(fs.existsSync(`/proc/${pid}`)).toBe(false);
  });

  it("runs one worker under a supervisor by default: a dead worker is replaced, and a killed supervisor leaves none behind", async () => {
    // a fixed port (with --port 0 a worker started anew would listen on another random port)
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, "127.0.0.1", () => {
        const p = (probe.address() as net.AddressInfo).port;
        probe.close(() => resolve(p));
      });
    });
    const s = await serve([
      "--db",
      "supervised.sqlite",
      "--tls-key",
      key,
      "--tls-cert",
      cert,
      "--static-root",
      web,
      "--port",
      String(port),
    ]);
    const workersOf = (pid: number) =>
      spawnSync("pgrep", ["-P", String(pid)], { encoding: "utf8" })
        .stdout.trim()
        .split("\n")
        .filter(Boolean);
    const primary = s.child.pid as number;
    let first: string[] = [];
    try {
      first = workersOf(primary);
      expect(first).toHaveLength(1);
      expect(s.out()).not.toContain("processes)");
      process.kill(Number(first[0]), "SIGKILL");
      // the supervisor forks a new worker, which answers on the same port
      let next: string[] = [];
      for (let i = 0; i < 100 && (next.length !== 1 || next[0] === first[0]); i++) {
        await new Promise((r) => setTimeout(r, 100));
        next = workersOf(primary);
      }
      expect(next).toHaveLength(1);
      expect(next[0]).not.toBe(first[0]);
      let health = 0;
      let why = "";
      for (let i = 0; i < 300 && health !== 200; i++) {
        health = await get(`${s.url}/api/v1/health`).then(
          (r) => r.status,
          (e: Error) => ((why = e.message), 0),
        );
        if (health !== 200) await new Promise((r) => setTimeout(r, 100));
      }
      if (health !== 200) throw new Error(`no health answer after the restart: ${why}\n${s.out()}`);
      expect(health).toBe(200);
      first = next;
    } finally {
      s.child.removeAllListeners("exit");
      s.child.kill("SIGKILL");
    }
    // the worker notices its supervisor is gone and stops (a zombie left for the reaper counts as stopped)
    const running = (pid: string) => {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
        return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
      } catch {
        return false;
      }
    };
    let alive = true;
    for (let i = 0; i < 50 && alive; i++) {
      await new Promise((r) => setTimeout(r, 100));
      alive = running(first[0] as string);
    }
    expect(alive).toBe(false);
  });

  it("refuses to start in production with unsafe defaults, saying why in Vietnamese and English (exit 1)", () => {
    const r = spawnSync(process.execPath, [BIN, "serve", "--port", "0", "--db", "prod.sqlite"], {
      cwd: dir,
      env: {
        ...process.env,
        CHITIEU_FROM_SOURCE: "1",
        CHITIEU_ENV: "production",
        CHITIEU_TOKEN_PEPPER: "",
        CHITIEU_ALLOWED_ORIGIN: "*",
      },
      encoding: "utf8",
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("Không khởi động ở chế độ production");
    expect(r.stderr).toContain("Refusing to start in production mode");
    expect(r.stderr).toContain("CHITIEU_TOKEN_PEPPER");
    expect(r.stderr).toContain("HTTPS");
    expect(r.stderr).toContain("“*”");
    expect(fs.existsSync(path.join(dir, "prod.sqlite"))).toBe(false);
  });

  it("refuses a port it cannot use with exit 1 and the setting named", () => {
    const r = spawnSync(process.execPath, [BIN, "serve", "--port", "http"], {
      cwd: dir,
      env: { ...process.env, CHITIEU_FROM_SOURCE: "1" },
      encoding: "utf8",
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("Setting --port = “http” is not valid");
  });
});
