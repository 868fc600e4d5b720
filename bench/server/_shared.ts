/**
 * Shared by the server benchmarks (the leading underscore keeps scripts/bench.js from running it): a fresh database
 * for a dialect, bench units that report all 43 targets with one token each, valid report bodies, and a real
 * endpoint process (`chitieu serve`) listening on a free port.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import http from "node:http";
import { Client } from "pg";
import { createUnitRegistry, defaultCatalog, makePeriod, PERIOD_KINDS } from "../../src/domain";
import type { Catalog, UnitRegistry } from "../../src/domain/types";
import { connect, migrateToLatest, type DbConfig } from "../../src/server/db/connect";
import { seedReferenceData } from "../../src/server/db/seed";
import { listUnits, upsertUnit } from "../../src/server/db/units";
import { issueToken } from "../../src/server/services/token-admin";
import { DEV_PEPPER } from "../../src/server/tokens";
import { figureCount, validEntriesFor } from "../../test/server/report-fixture";

export const ROOT = path.join(__dirname, "..", "..");
export const PG_URL =
  process.env.CHITIEU_BENCH_PG_URL ?? process.env.CHITIEU_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";
export type Dialect = "sqlite" | "postgres";

/** The issue's goals on the 2-core development machine: submissions/s per engine, with p99 ≤ 50 ms at that rate. */
export const GOAL: Record<Dialect, number> = { sqlite: 2000, postgres: 1000 };

export function dialectsFromArgs(argv: string[]): Dialect[] {
  const i = argv.indexOf("--dialect");
  const v = i >= 0 ? argv[i + 1] : "both";
  return v === "sqlite" ? ["sqlite"] : v === "postgres" ? ["postgres"] : ["sqlite", "postgres"];
}

export function numberArg(argv: string[], name: string, fallback: number): number {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
}

/**
 * Run a benchmark for each dialect the arguments name (PostgreSQL skipped, and said so, when it does not answer),
 * then exit: 0 when every run passed its own checks.
 */
export function runPerDialect(argv: string[], run: (dialect: Dialect) => Promise<boolean>): void {
  (async () => {
    let ok = true;
    for (const dialect of dialectsFromArgs(argv)) {
      if (dialect === "postgres") {
        const why = await postgresReachable();
        if (why) {
          console.log(`postgres: SKIPPED — PostgreSQL did not answer (${why})`);
          continue;
        }
      }
      ok = (await run(dialect)) && ok;
    }
    process.exit(ok ? 0 : 1);
  })().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

export async function postgresReachable(): Promise<string | null> {
  const c = new Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query("select 1");
    await c.end();
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

export interface BenchDb {
  config: DbConfig;
  /** environment for a `chitieu serve` child using this database */
  env: Record<string, string>;
  /** flags for `chitieu serve` */
  flags: string[];
  drop(): Promise<void>;
}

export async function freshBenchDb(dialect: Dialect): Promise<BenchDb> {
  if (dialect === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-bench-"));
    const file = path.join(dir, "bench.sqlite");
    return {
      config: { sqlitePath: file },
      env: {},
      flags: ["--db", file],
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  // a database of its own (not a schema): `chitieu serve` takes DATABASE_URL as an operator would give it
  const name = `chitieu_bench_${process.pid}_${Date.now() % 100000}`;
  const admin = new Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    config: { url: url.toString() },
    env: { DATABASE_URL: url.toString(), CHITIEU_PG_POOL: process.env.CHITIEU_PG_POOL ?? "16" },
    flags: [],
    drop: async () => {
      const c = new Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface BenchUnit {
  code: string;
  token: string;
  /** a valid body with __ID__ and __PERIOD__ placeholders */
  template: string;
}

export interface Prepared {
  catalog: Catalog;
  registry: UnitRegistry;
  units: BenchUnit[];
  targets: number;
  figures: number;
  bodyBytes: number;
}

/** Migrate and seed, make the 126 wards/communes report all 43 targets, and issue one token per unit. */
export async function prepare(config: DbConfig): Promise<Prepared> {
  const handle = await connect(config);
  try {
    await migrateToLatest(handle);
    const now = new Date().toISOString();
    await seedReferenceData(handle.db, now);
    const catalog = defaultCatalog();
    const all = await listUnits(handle.db);
    const communes = all.filter((u) => (u.kind === "ward" || u.kind === "commune") && !u.demo);
    for (const u of communes) await upsertUnit(handle.db, { ...u, targetIds: catalog.targets.map((t) => t.id) }, now);
    const registry = createUnitRegistry(await listUnits(handle.db));
    const units: BenchUnit[] = [];
    let figures = 0;
    let bodyBytes = 0;
    for (const u of communes) {
      const issued = await issueToken(handle.db, DEV_PEPPER, { role: "unit", unitCode: u.code, label: "bench" }, now);
      const entries = validEntriesFor(catalog, registry, u.code);
      figures = figureCount(entries);
      const template = JSON.stringify({
        submissionId: "__ID__",
        supersedes: null,
        unitCode: u.code,
        period: "__PERIOD__",
        catalogVersion: catalog.version,
        locale: "vi",
        entries,
      });
      bodyBytes = Buffer.byteLength(template);
      units.push({ code: u.code, token: issued.token, template });
    }
    return {
      catalog,
      registry,
      units,
      targets: registry.targetsFor(catalog, communes[0]!.code).length,
      figures,
      bodyBytes,
    };
  } finally {
    await handle.close();
  }
}

/** Every period id from 2026 on, months first, so distinct (unit, period) pairs never run out. */
export function periodIds(years: number): string[] {
  const ids: string[] = [];
  for (let y = 2026; y < 2026 + years; y++) {
    for (const kind of PERIOD_KINDS) {
      const n = kind === "month" ? 12 : kind === "quarter" ? 4 : kind === "half" ? 2 : 1;
      for (let i = 1; i <= n; i++) ids.push(makePeriod(kind, y, i).id);
    }
  }
  return ids;
}

/** A stream of distinct first submissions: unit varies fastest, then the period. */
export function submissionStream(
  p: Prepared,
  periods: string[],
  offset = 0,
): () => { unit: BenchUnit; id: string; body: string } {
  let n = offset;
  return () => {
    const unit = p.units[n % p.units.length]!;
    const period = periods[Math.floor(n / p.units.length) % periods.length]!;
    n++;
    const id = randomUUID();
    return { unit, id, body: unit.template.replace("__ID__", id).replace("__PERIOD__", period) };
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const a = s.address() as net.AddressInfo;
      s.close(() => resolve(a.port));
    });
    s.on("error", reject);
  });
}

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  url: string;
  output(): string;
}

/** Start `chitieu serve` as its own process (the product as deployed) and wait until /api/v1/health answers. */
export async function startServerProcess(
  db: BenchDb,
  port: number,
  extraEnv: Record<string, string> = {},
  extraArgs: string[] = [],
): Promise<ServerProcess> {
  let out = "";
  const child = spawn(
    process.execPath,
    [path.join(ROOT, "bin", "chitieu.js"), "serve", "--port", String(port), ...db.flags, ...extraArgs],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        CHITIEU_FROM_SOURCE: process.env.CHITIEU_FROM_SOURCE ?? "1",
        CHITIEU_STATIC_ROOT: path.join(os.tmpdir(), "chitieu-no-static"),
        CHITIEU_LOG: "error",
        // a burst needs more distinct (unit, period) pairs than the 2026–2030 plan holds (126 × 19 × 5 = 11,970):
        // without this, every submission after them is refused as outside the plan and the run measures refusals
        CHITIEU_PLAN_YEARS: "2026-2105",
        ...db.env,
        ...extraEnv,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout!.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (out += c.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${out}`);
    const ok = await new Promise<boolean>((resolve) => {
      const req = http.get(`${url}/api/v1/health`, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      });
      req.on("error", () => resolve(false));
      req.setTimeout(1000, () => {
        req.destroy();
        resolve(false);
      });
    });
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`server did not answer in 60 s:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, port, url, output: () => out };
}

export async function stopServerProcess(p: ServerProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    p.child.once("exit", () => resolve());
    p.child.kill(signal);
  });
}

/** CPU seconds (user + system) used so far by a process and its descendants (cluster workers), from /proc (Linux). */
export function cpuSeconds(pid: number): number | null {
  try {
    const stats = new Map<number, { ppid: number; ticks: number }>();
    for (const entry of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        stats.set(Number(entry), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
      } catch {
        /* the process ended meanwhile */
      }
    }
    if (!stats.has(pid)) return null;
    let ticks = 0;
    const todo = [pid];
    while (todo.length > 0) {
      const p = todo.pop() as number;
      ticks += stats.get(p)?.ticks ?? 0;
      for (const [child, s] of stats) if (s.ppid === p) todo.push(child);
    }
    return ticks / 100;
  } catch {
    return null;
  }
}

/** Rows per table in the bench database. */
export async function countRows(
  config: DbConfig,
  ids?: string[],
): Promise<{ submissions: number; distinctIds: number; found: Map<string, number> }> {
  const handle = await connect(config);
  try {
    const all = await handle.db.selectFrom("submission").select(["id"]).execute();
    const found = new Map<string, number>();
    for (const r of all) found.set(r.id, (found.get(r.id) ?? 0) + 1);
    if (ids) for (const id of ids) if (!found.has(id)) found.set(id, 0);
    return { submissions: all.length, distinctIds: new Set(all.map((r) => r.id)).size, found };
  } finally {
    await handle.close();
  }
}

/** POST one submission over a keep-alive agent; resolves with the status (0 when the connection failed). */
export function postSubmission(agent: http.Agent, port: number, token: string, body: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        path: "/api/v1/submissions",
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${token}`,
          "content-length": Buffer.byteLength(body),
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", () => resolve(0));
      },
    );
    req.on("error", () => resolve(0));
    req.setTimeout(15_000, () => req.destroy());
    req.end(body);
  });
}

/** What one load run measured (latencies of the successful answers, in ms). */
export interface Run {
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  perSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/** A run of Node's own client: its successful latencies (ms), its failures, and the requests it made. */
export function summarise(latencies: number[], errors: number, requests: number, seconds: number): Run {
  latencies.sort((a, b) => a - b);
  const q = (x: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * x))] ?? 0);
  return {
    requests,
    ok: latencies.length,
    non2xx: errors,
    errors: 0,
    timeouts: 0,
    perSecond: latencies.length / seconds,
    p50: q(0.5),
    p90: q(0.9),
    p99: q(0.99),
    max: Math.round(latencies[latencies.length - 1] ?? 0),
  };
}

/**
 * Open loop at a steady arrival rate: request i is due at start + i / rate, whatever the answers to earlier ones
 * (sent on up to `connections` keep-alive sockets; beyond that they wait for a free socket), and its latency is
 * counted from when it was due, so a stall of the server counts against every request it delayed. autocannon's
 * `overallRate` sends each second's requests together at the start of the second, which measures the queue of
 * that burst rather than the latency at the rate.
 */
export async function pacedClient(
  port: number,
  next: ReturnType<typeof submissionStream>,
  seconds: number,
  rate: number,
  connections: number,
): Promise<Run> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let errors = 0;
  const inFlight: Promise<void>[] = [];
  const total = Math.round(rate * seconds);
  const start = performance.now();
  let sent = 0;
  const send = async (due: number): Promise<void> => {
    const s = next();
    const status = await postSubmission(agent, port, s.unit.token, s.body);
    if (status === 201) latencies.push(performance.now() - due);
    else errors++;
  };
  await new Promise<void>((resolve) => {
    const tick = (): void => {
      const now = performance.now();
      while (sent < total && start + (sent * 1000) / rate <= now) {
        inFlight.push(send(start + (sent * 1000) / rate));
        sent++;
      }
      if (sent < total) setTimeout(tick, 1);
      else resolve();
    };
    tick();
  });
  await Promise.all(inFlight);
  agent.destroy();
  return summarise(latencies, errors, total, seconds);
}
