/**
 * `chitieu serve` when it cannot serve: a configuration it refuses at once (CT_CONFIG_INVALID, exit 1), PostgreSQL
 * away at the first start (a bilingual message, no stack, exit 1), a worker that fails at every start (restarted with
 * backoff, then the supervisor gives up with CT_WORKER_FAILED and exit 1 — never a process that hangs), and the
 * production checks. Each runs the real command as a process.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { freePort } from "../server/private-pg";
import { opensslCertificate } from "../helpers";

jest.setTimeout(120_000);

const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "chitieu.js");
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-serve-fail-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function serveSync(args: string[], env: Record<string, string>) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [BIN, "serve", ...args], {
    cwd: dir,
    env: { ...process.env, CHITIEU_FROM_SOURCE: "1", CHITIEU_LOG: "error", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { ...r, seconds: (Date.now() - started) / 1000 };
}

/** A key and a certificate, both valid, that do not belong together. */
function mismatchedPair(): { key: string; cert: string } {
  const make = (name: string) => {
    opensslCertificate(`${name}.key`, `${name}.crt`, { localhostNames: false, cwd: dir });
  };
  make("a");
  make("b");
  return { key: path.join(dir, "a.key"), cert: path.join(dir, "b.crt") };
}

describe("chitieu serve refuses what it cannot serve, and says so", () => {
  it("exits at once with CT_CONFIG_INVALID for a key and certificate that do not match, or swapped", () => {
    const pair = mismatchedPair();
    for (const [key, cert] of [
      [pair.key, pair.cert],
      [path.join(dir, "a.crt"), path.join(dir, "a.key")],
    ]) {
      const r = serveSync(["--port", "0", "--db", "x.sqlite", "--tls-key", key!, "--tls-cert", cert!], {});
      expect(r.status).toBe(1);
      expect(r.stderr).toContain("CT_CONFIG_INVALID");
      expect(r.stderr).toMatch(/Cấu hình --tls-key \/ --tls-cert/);
      expect(r.stderr).toMatch(/Setting --tls-key \/ --tls-cert/);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack
      expect(r.seconds).toBeLessThan(20);
    }
  });

  it("refuses unknown CHITIEU_ENV values, a pool size that is not a number and a URL that is not PostgreSQL's", () => {
    const cases: [Record<string, string>, string][] = [
      [{ CHITIEU_ENV: "prod" }, "CHITIEU_ENV"],
      [{ CHITIEU_PG_POOL: "lots", DATABASE_URL: "postgres://127.0.0.1:1/x" }, "CHITIEU_PG_POOL"],
      [{ DATABASE_URL: "mysql://root:secret@db/x" }, "DATABASE_URL"],
      [{ CHITIEU_RESTART_LIMIT: "0" }, "CHITIEU_RESTART_LIMIT"],
      [{ CHITIEU_PLAN_YEARS: "2030-2026" }, "CHITIEU_PLAN_YEARS"],
    ];
    for (const [env, setting] of cases) {
      // no --db: a --db flag would win over DATABASE_URL
      const r = serveSync(["--port", "0"], { CHITIEU_DB: "y.sqlite", ...env });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`CT_CONFIG_INVALID: Setting ${setting}`);
      expect(r.stderr).toContain(`CT_CONFIG_INVALID: Cấu hình ${setting}`);
      expect(r.stderr).not.toContain("secret");
    }
  });

  it("with PostgreSQL away at the first start, says so in both languages without a stack and exits 1", async () => {
    const port = await freePort(); // nothing listens there
    const r = serveSync(["--port", "0"], { DATABASE_URL: `postgres://postgres:pw@127.0.0.1:${port}/chitieu` });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("CT_DB_START_FAILED: Không khởi động được: cơ sở dữ liệu");
    expect(r.stderr).toContain("CT_DB_START_FAILED: Cannot start: the database");
    expect(r.stderr).toContain("ECONNREFUSED");
    expect(r.stderr).not.toContain(":pw@");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("restarts a worker that cannot listen with growing delays, then gives up with exit 1 (never hangs)", async () => {
    // another process holds the port: every worker fails to listen
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", r));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const started = Date.now();
      const child = spawn(process.execPath, [BIN, "serve", "--port", String(port), "--db", "busy.sqlite"], {
        cwd: dir,
        env: { ...process.env, CHITIEU_FROM_SOURCE: "1", CHITIEU_LOG: "error", CHITIEU_RESTART_LIMIT: "4" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let err = "";
      child.stderr!.on("data", (c: Buffer) => (err += c.toString()));
      const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
      const seconds = (Date.now() - started) / 1000;
      expect(code).toBe(1);
      expect(err).toContain("CT_WORKER_FAILED: Dừng máy chủ: tiến trình phục vụ hỏng 4 lần liên tiếp");
      expect(err).toContain("CT_WORKER_FAILED: Stopping: the serving process failed 4 times in a row");
      // the delays 250 + 500 + 1000 ms passed between the four attempts
      expect(seconds).toBeGreaterThan(1.7);
      expect(seconds).toBeLessThan(60);
    } finally {
      blocker.close();
    }
  });
});

describe("production mode refuses weak settings, naming each", () => {
  const base = {
    CHITIEU_ENV: "production",
    CHITIEU_BEHIND_PROXY: "1",
    CHITIEU_TOKEN_PEPPER: "x".repeat(40),
    CHITIEU_ALLOWED_ORIGIN: "https://chitieu.hanoi.gov.vn",
  };

  it("refuses a pepper under 32 bytes", () => {
    const r = serveSync(["--port", "0", "--db", "p1.sqlite"], { ...base, CHITIEU_TOKEN_PEPPER: "k" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("CT_UNSAFE_CONFIG");
    expect(r.stderr).toContain("CHITIEU_TOKEN_PEPPER is too short (1 bytes)");
    expect(fs.existsSync(path.join(dir, "p1.sqlite"))).toBe(false);
  });

  it.each(["null", "http://chitieu.hanoi.gov.vn", "https://chitieu.hanoi.gov.vn,null"])(
    "refuses the origin list %s",
    (origins) => {
      const r = serveSync(["--port", "0", "--db", "p2.sqlite"], { ...base, CHITIEU_ALLOWED_ORIGIN: origins });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain("CHITIEU_ALLOWED_ORIGIN takes only the add-in's https:// origins");
    },
  );
});
