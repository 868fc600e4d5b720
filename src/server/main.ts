/**
 * Listening: configuration from flags and environment, the production safety check, TLS, demo tokens for a fresh
 * embedded database, graceful shutdown. `buildApp` (app.ts) does everything else.
 */
import cluster from "node:cluster";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import type { Bilingual } from "../domain/types";
import { buildApp, DEFAULT_ORIGIN } from "./app";
import {
  connect,
  migrateToLatest,
  resolveDbConfig,
  startWalCheckpointer,
  type DbConfig,
  type DbHandle,
} from "./db/connect";
import { seedReferenceData } from "./db/seed";
import { CT_CONFIG_INVALID, CT_UNSAFE_CONFIG } from "./errors";
import { issueToken } from "./services/token-admin";
import { DEV_PEPPER, resolvePepper } from "./tokens";

export interface ServeFlags {
  port?: string;
  host?: string;
  db?: string;
  tlsKey?: string;
  tlsCert?: string;
  staticRoot?: string;
  behindProxy?: boolean;
  /** processes answering on the one port (cluster); "auto" = one per CPU */
  workers?: string;
}

export interface ServeConfig {
  port: number;
  host: string;
  db: DbConfig;
  tls: { key: Buffer; cert: Buffer; keyFile: string; certFile: string } | null;
  staticRoot: string | null;
  allowedOrigins: string[];
  pepper: string;
  production: boolean;
  behindProxy: boolean;
  logLevel: string;
  workers: number;
}

/** The package root (where package.json is), found from this file whether it runs from src/ or dist/. */
export function packageRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    if (fs.existsSync(path.join(dir, "package.json"))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

function truthy(v: string | undefined): boolean {
  return v !== undefined && /^(1|true|yes|on)$/i.test(v.trim());
}

function readPem(file: string, setting: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch {
    throw CT_CONFIG_INVALID({ setting, value: file, expected: "a readable PEM file" });
  }
}

export function resolveServeConfig(flags: ServeFlags, env: NodeJS.ProcessEnv, cwd: string): ServeConfig {
  const portText = flags.port ?? env.CHITIEU_PORT ?? env.PORT ?? "3000";
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw CT_CONFIG_INVALID({ setting: "--port", value: portText, expected: "a whole number from 0 to 65535" });
  }
  const keyFile = flags.tlsKey ?? env.CHITIEU_TLS_KEY;
  const certFile = flags.tlsCert ?? env.CHITIEU_TLS_CERT;
  if (Boolean(keyFile) !== Boolean(certFile)) {
    throw CT_CONFIG_INVALID({
      setting: keyFile ? "--tls-cert / CHITIEU_TLS_CERT" : "--tls-key / CHITIEU_TLS_KEY",
      value: "",
      expected: "both the key and the certificate, or neither",
    });
  }
  const tls =
    keyFile && certFile
      ? {
          key: readPem(path.resolve(cwd, keyFile), "--tls-key"),
          cert: readPem(path.resolve(cwd, certFile), "--tls-cert"),
          keyFile: path.resolve(cwd, keyFile),
          certFile: path.resolve(cwd, certFile),
        }
      : null;
  const staticRoot = flags.staticRoot ?? env.CHITIEU_STATIC_ROOT ?? path.join(packageRoot(), "dist", "web");
  const origins = (env.CHITIEU_ALLOWED_ORIGIN ?? DEFAULT_ORIGIN)
    .split(",")
    .map((o) => o.trim())
    .filter(Boolean);
  return {
    port,
    host: flags.host ?? env.CHITIEU_HOST ?? "127.0.0.1",
    db: resolveDbConfig(env, { db: flags.db, cwd }),
    tls,
    staticRoot: path.resolve(cwd, staticRoot),
    allowedOrigins: origins,
    pepper: resolvePepper(env),
    production: env.CHITIEU_ENV === "production" || env.NODE_ENV === "production",
    behindProxy: flags.behindProxy === true || truthy(env.CHITIEU_BEHIND_PROXY),
    logLevel: env.CHITIEU_LOG ?? "warn",
    workers: resolveWorkers(flags.workers ?? env.CHITIEU_WORKERS),
  };
}

function resolveWorkers(text: string | undefined): number {
  if (!text) return 1;
  if (text === "auto") return Math.max(1, os.availableParallelism());
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    throw CT_CONFIG_INVALID({ setting: "--workers", value: text, expected: "a whole number from 1 to 64, or auto" });
  }
  return n;
}

/** Why this configuration is unsafe in production (empty when it is fine). */
export function productionProblems(cfg: ServeConfig): Bilingual[] {
  const problems: Bilingual[] = [];
  if (cfg.pepper === DEV_PEPPER) {
    problems.push({
      vi: "CHITIEU_TOKEN_PEPPER chưa đặt (đang dùng giá trị mặc định cho máy phát triển)",
      en: "CHITIEU_TOKEN_PEPPER is not set (the development default is in use)",
    });
  }
  if (!cfg.tls && !cfg.behindProxy) {
    problems.push({
      vi: "không có HTTPS: đặt CHITIEU_TLS_KEY và CHITIEU_TLS_CERT, hoặc CHITIEU_BEHIND_PROXY=1 khi proxy/cân bằng tải lo HTTPS",
      en: "no HTTPS: set CHITIEU_TLS_KEY and CHITIEU_TLS_CERT, or CHITIEU_BEHIND_PROXY=1 when a proxy / load balancer terminates HTTPS",
    });
  }
  if (cfg.allowedOrigins.some((o) => o === "*" || o.includes("*"))) {
    problems.push({
      vi: "CHITIEU_ALLOWED_ORIGIN chứa “*”: chỉ cho phép địa chỉ của add-in",
      en: "CHITIEU_ALLOWED_ORIGIN contains “*”: allow only the add-in's own origin",
    });
  }
  return problems;
}

export interface RunningServer {
  app: FastifyInstance;
  handle: DbHandle;
  url: string;
  /** demo tokens issued because the embedded database was created now (not in production) */
  demoTokens: { label: string; token: string; unitCode: string | null }[];
  close(): Promise<void>;
}

/** Migrate, seed, and (fresh database, not production) issue the demo tokens — once, before any worker starts. */
async function issueDemoTokens(handle: DbHandle, cfg: ServeConfig): Promise<RunningServer["demoTokens"]> {
  const demoTokens: RunningServer["demoTokens"] = [];
  if (handle.fresh && !cfg.production) {
    const now = new Date().toISOString();
    const unit = await issueToken(
      handle.db,
      cfg.pepper,
      { role: "unit", unitCode: "DEMO-01", label: "demo DEMO-01" },
      now,
    );
    const planner = await issueToken(handle.db, cfg.pepper, { role: "planner", label: "demo planner" }, now);
    demoTokens.push({ label: "demo token (unit DEMO-01)", token: unit.token, unitCode: "DEMO-01" });
    demoTokens.push({ label: "planner demo token", token: planner.token, unitCode: null });
  }
  return demoTokens;
}

function shownUrl(cfg: ServeConfig, port: number): string {
  const shownHost = cfg.host === "0.0.0.0" || cfg.host === "127.0.0.1" || cfg.host === "::" ? "localhost" : cfg.host;
  return `${cfg.tls ? "https" : "http"}://${shownHost}:${port}`;
}

/** One process: migrate, seed, demo tokens on a fresh database, listen. */
export async function startServer(cfg: ServeConfig, opts: { demoTokens?: boolean } = {}): Promise<RunningServer> {
  if (cfg.production) {
    const problems = productionProblems(cfg);
    if (problems.length > 0) throw CT_UNSAFE_CONFIG({ reasons: problems });
  }
  const handle = await connect(cfg.db);
  let app: FastifyInstance;
  try {
    app = await buildApp({
      db: handle,
      pepper: cfg.pepper,
      allowedOrigins: cfg.allowedOrigins,
      staticRoot: cfg.staticRoot,
      tls: cfg.tls,
      trustProxy: cfg.behindProxy,
      logger: { level: cfg.logLevel },
    });
    await app.ready();
  } catch (e) {
    await handle.close();
    throw e;
  }
  const demoTokens = opts.demoTokens === false ? [] : await issueDemoTokens(handle, cfg);
  try {
    await app.listen({ port: cfg.port, host: cfg.host });
  } catch (e) {
    await app.close();
    await handle.close();
    throw e;
  }
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : cfg.port;
  return {
    app,
    handle,
    url: shownUrl(cfg, port),
    demoTokens,
    async close() {
      await app.close();
      await handle.close();
    },
  };
}

export interface RunningCluster {
  url: string;
  engine: DbHandle["engine"];
  location: string;
  workers: number;
  demoTokens: RunningServer["demoTokens"];
  close(): Promise<void>;
}

/**
 * Several processes answering on one port (node:cluster), for machines with several cores. The primary migrates,
 * seeds and issues the demo tokens once, then forks the workers (each a full `startServer`); a worker that dies is
 * replaced. Safe on PostgreSQL and SQLite alike: the unique keys and conditional updates that make several
 * instances safe make several workers safe.
 */
export async function startCluster(cfg: ServeConfig): Promise<RunningCluster> {
  if (cfg.production) {
    const problems = productionProblems(cfg);
    if (problems.length > 0) throw CT_UNSAFE_CONFIG({ reasons: problems });
  }
  const handle = await connect(cfg.db);
  let demoTokens: RunningServer["demoTokens"];
  try {
    await migrateToLatest(handle);
    await seedReferenceData(handle.db, new Date().toISOString());
    demoTokens = await issueDemoTokens(handle, cfg);
  } finally {
    await handle.close();
  }
  // SQLite: the one WAL checkpointer of the deployment runs here, in the primary (the workers start none)
  const checkpointer =
    cfg.db.sqlitePath && cfg.db.sqlitePath !== ":memory:" && !cfg.db.url
      ? startWalCheckpointer(cfg.db.sqlitePath)
      : null;
  let stopping = false;
  // A larger young generation: each submission allocates ~100 KB that dies within the request; with V8's default
  // 16 MB semi-space, 200 requests in flight promote much of it to the old generation. Measured with the burst
  // (2 workers, SQLite): 0.81 → 0.73 ms CPU per submission. An operator's own setting wins.
  const execArgv = process.execArgv.some((a) => a.startsWith("--max-semi-space-size"))
    ? process.execArgv
    : [...process.execArgv, "--max-semi-space-size=32"];
  cluster.setupPrimary({ execArgv });
  const fork = () => cluster.fork({ CHITIEU_CLUSTER_WORKER: "1" });
  const port = await new Promise<number>((resolve, reject) => {
    let listening = 0;
    let firstPort = cfg.port;
    const onListening = (_w: unknown, address: { port: number }) => {
      firstPort = address.port;
      if (++listening === cfg.workers) {
        cluster.off("listening", onListening);
        resolve(firstPort);
      }
    };
    cluster.on("listening", onListening);
    cluster.on("exit", (worker, code, signal) => {
      if (stopping) return;
      if (listening < cfg.workers) {
        reject(new Error(`worker ${worker.id} exited with ${code ?? signal} while starting`));
        return;
      }
      fork();
    });
    for (let i = 0; i < cfg.workers; i++) fork();
  });
  return {
    url: shownUrl(cfg, port),
    engine: handle.engine,
    location: handle.location,
    workers: cfg.workers,
    demoTokens,
    close() {
      stopping = true;
      const alive = Object.values(cluster.workers ?? {}).filter((w) => w && !w.isDead());
      return Promise.all(
        alive.map(
          (w) =>
            new Promise<void>((resolve) => {
              w!.once("exit", () => resolve());
              w!.process.kill("SIGTERM");
            }),
        ),
      ).then(() => checkpointer?.stop());
    },
  };
}
