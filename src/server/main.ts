/**
 * Listening: configuration from flags and environment, the production safety check, TLS, demo tokens for a fresh
 * embedded database, graceful shutdown. `buildApp` (app.ts) does everything else.
 */
import cluster from "node:cluster";
import type { FastifyInstance } from "fastify";
import { buildApp } from "./app";
import { connect, migrateToLatest, startWalCheckpointer, type DbHandle } from "./db/connect";
import { seedReferenceData } from "./db/seed";
import { CT_CONFIG_INVALID, CT_DB_START_FAILED, CT_UNSAFE_CONFIG, CT_WORKER_FAILED } from "./errors";
import { failureReason, isDbUnavailable } from "./db/failures";
import { issueToken } from "./services/token-admin";
import { productionProblems, type ServeConfig } from "./config";
import { workerExecArgv } from "./services/thread-heap";

/** The reminders (and nodemailer under them) are loaded by the supervisor only, never by a worker. */
type Reminders = typeof import("./services/reminders");

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
    const planner = await issueToken(
      handle.db,
      cfg.pepper,
      { role: "planner", label: "demo planner", demo: true },
      now,
    );
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
      trustProxy: cfg.trustedProxies ?? false,
      logger: { level: cfg.logLevel },
      minFreeBytes: cfg.minFreeBytes,
      planYears: cfg.planYears,
      historyThresholds: cfg.historyThresholds,
      hsts: Boolean(cfg.tls) || (cfg.production && cfg.behindProxy),
      sourceMaps: !cfg.production,
    });
    await app.ready();
  } catch (e) {
    await handle.close().catch(() => undefined);
    throw isDbUnavailable(e) ? CT_DB_START_FAILED({ location: handle.location, reason: failureReason(e) }) : e;
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
  /** settles when the supervisor gave up restarting workers (the workers are stopped by then) */
  gaveUp: Promise<Error>;
  close(): Promise<void>;
}

/** How the supervisor restarts a worker that died: doubling delays, and when to give up. */
export interface RestartPolicy {
  /** first delay, ms (then doubled at each quick failure, up to maxDelayMs) */
  firstDelayMs: number;
  maxDelayMs: number;
  /** a worker that dies sooner than this after it was started counts as a quick failure */
  quickMs: number;
  /** give up after this many quick failures in a row */
  maxQuickFailures: number;
}

export const DEFAULT_RESTART: RestartPolicy = {
  firstDelayMs: 250,
  maxDelayMs: 8_000,
  quickMs: 10_000,
  maxQuickFailures: 6,
};

export function restartPolicyFromEnv(env: NodeJS.ProcessEnv): RestartPolicy {
  const n = env.CHITIEU_RESTART_LIMIT;
  if (n === undefined) return DEFAULT_RESTART;
  const v = Number(n);
  if (!Number.isInteger(v) || v < 1 || v > 1000) {
    throw CT_CONFIG_INVALID({ setting: "CHITIEU_RESTART_LIMIT", value: n, expected: "a whole number from 1 to 1000" });
  }
  return { ...DEFAULT_RESTART, maxQuickFailures: v };
}

/** Migrate, seed and issue demo tokens, saying clearly when the database is not there. */
async function prepareDatabase(
  cfg: ServeConfig,
): Promise<{ handle: DbHandle; demoTokens: RunningServer["demoTokens"] }> {
  const handle = await connect(cfg.db);
  try {
    await migrateToLatest(handle);
    await seedReferenceData(handle.db, new Date().toISOString());
    return { handle, demoTokens: await issueDemoTokens(handle, cfg) };
  } catch (e) {
    throw isDbUnavailable(e) ? CT_DB_START_FAILED({ location: handle.location, reason: failureReason(e) }) : e;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * Several processes answering on one port (node:cluster). The primary migrates, seeds and issues the demo tokens
 * once, then forks the workers (each a full `startServer`). A worker that dies is replaced after a delay that doubles
 * with each quick failure (250 ms … 8 s); after `maxQuickFailures` quick failures in a row the supervisor stops every
 * worker and `gaveUp` settles, so `chitieu serve` exits non-zero and a service manager sees it. Safe on PostgreSQL and
 * SQLite alike: the unique keys and conditional updates that make several instances safe make several workers safe.
 */
export async function startCluster(cfg: ServeConfig, policy: RestartPolicy = DEFAULT_RESTART): Promise<RunningCluster> {
  if (cfg.production) {
    const problems = productionProblems(cfg);
    if (problems.length > 0) throw CT_UNSAFE_CONFIG({ reasons: problems });
  }
  const { handle, demoTokens } = await prepareDatabase(cfg);
  // SQLite: the one WAL checkpointer of the deployment runs here, in the primary (the workers start none)
  const checkpointer =
    cfg.db.sqlitePath && cfg.db.sqlitePath !== ":memory:" && !cfg.db.url
      ? startWalCheckpointer(cfg.db.sqlitePath)
      : null;
  // e-mail reminders: one scheduler for the deployment, here in the supervisor (services/reminders.ts)
  const reminders = cfg.reminders
    ? await (require("./services/reminders") as Reminders).startDeploymentReminders(cfg.db, cfg.reminders, {
        plan: cfg.planYears,
        log: (line) => process.stderr.write(`${line}\n`),
      })
    : null;
  let stopping = false;
  // A larger young generation: each submission allocates ~100 KB that dies within the request; with V8's default
  // 16 MB semi-space, 200 requests in flight promote much of it to the old generation. Measured with the burst
  // (2 workers, SQLite): 0.81 → 0.73 ms CPU per submission; 16 MB again lowered the export bench's peak by ~30 MB but
  // cost the burst ~10 % CPU (bench/README.md). An operator's own setting, on the command line or in NODE_OPTIONS, wins.
  cluster.setupPrimary({ execArgv: workerExecArgv() });
  const startedAt = new Map<number, number>();
  const fork = () => {
    const w = cluster.fork({ CHITIEU_CLUSTER_WORKER: "1" });
    startedAt.set(w.id, Date.now());
  };
  const stopWorkers = (): Promise<void> => {
    const alive = Object.values(cluster.workers ?? {}).filter((w) => w && !w.isDead());
    return Promise.all(
      alive.map(
        (w) =>
          new Promise<void>((resolve) => {
            w!.once("exit", () => resolve());
            w!.process.kill("SIGTERM");
          }),
      ),
    ).then(() => undefined);
  };
  let giveUp!: (e: Error) => void;
  const gaveUp = new Promise<Error>((resolve) => (giveUp = resolve));
  let quickFailures = 0;
  let firstQuickAt = 0;
  const port = await new Promise<number>((resolve, reject) => {
    let listening = 0;
    let firstPort = cfg.port;
    let started = false;
    const onListening = (_w: unknown, address: { port: number }) => {
      firstPort = address.port;
      if (!started && ++listening === cfg.workers) {
        started = true;
        resolve(firstPort);
      }
    };
    cluster.on("listening", onListening);
    cluster.on("exit", (worker, code, signal) => {
      if (stopping) return;
      const lived = Date.now() - (startedAt.get(worker.id) ?? 0);
      startedAt.delete(worker.id);
      if (lived < policy.quickMs) {
        if (quickFailures === 0) firstQuickAt = Date.now() - lived;
        quickFailures += 1;
      } else quickFailures = 0;
      if (quickFailures >= policy.maxQuickFailures) {
        stopping = true;
        const error = CT_WORKER_FAILED({
          failures: quickFailures,
          seconds: Math.round((Date.now() - firstQuickAt) / 1000),
          last: signal ? `signal ${signal}` : `exit code ${code}`,
        });
        void stopWorkers()
          .then(() => reminders?.stop())
          .then(() => checkpointer?.stop())
          .then(() => (started ? giveUp(error) : reject(error)));
        return;
      }
      const delay = Math.min(policy.firstDelayMs * 2 ** Math.max(0, quickFailures - 1), policy.maxDelayMs);
      setTimeout(() => {
        if (!stopping) fork();
      }, delay);
    });
    for (let i = 0; i < cfg.workers; i++) fork();
  });
  return {
    url: shownUrl(cfg, port),
    engine: handle.engine,
    location: handle.location,
    workers: cfg.workers,
    demoTokens,
    gaveUp,
    close() {
      stopping = true;
      return stopWorkers()
        .then(() => reminders?.stop())
        .then(() => checkpointer?.stop());
    },
  };
}
