import { parseArgs } from "node:util";
import { invalidFlags } from "./flags";
import { printBilingual, type CliIo } from "./io";
import cluster from "node:cluster";
import { isAppError } from "../domain/errors";
import { resolveServeConfig, type ServeFlags } from "../server/config";
import { restartPolicyFromEnv, startCluster, startServer } from "../server/main";

const HELP = `chitieu serve [--port 3000] [--host 127.0.0.1] [--db chitieu.sqlite] [--tls-key file --tls-cert file]
              [--static-root dist/web] [--behind-proxy [addresses|hops]] [--workers N|auto]

Starts the endpoint (/api/v1) and serves the built add-in. SQLite file by default; PostgreSQL when DATABASE_URL is set.
Environment: CHITIEU_PORT, CHITIEU_HOST, CHITIEU_DB, DATABASE_URL, CHITIEU_TLS_KEY, CHITIEU_TLS_CERT,
CHITIEU_STATIC_ROOT, CHITIEU_ALLOWED_ORIGIN, CHITIEU_TOKEN_PEPPER, CHITIEU_BEHIND_PROXY, CHITIEU_TRUSTED_PROXIES
(the proxies whose X-Forwarded-For is believed: addresses/CIDRs or a hop count), CHITIEU_ENV, CHITIEU_LOG,
CHITIEU_WORKERS (processes answering on the one port; default 1), CHITIEU_RESTART_LIMIT (quick worker failures in a
row before serve gives up and exits 1; default 6), CHITIEU_MIN_FREE_MB (free disk below which /health says not
ready; default 16).
`;

export function parseServeFlags(argv: string[]): ServeFlags & { help: boolean } {
  // a bare --behind-proxy (no list after it) trusts a proxy on this machine
  const args = argv.flatMap((a, i) =>
    a === "--behind-proxy" && (i === argv.length - 1 || argv[i + 1]!.startsWith("-"))
      ? ["--behind-proxy=loopback"]
      : [a],
  );
  const { values } = parseArgs({
    args,
    options: {
      port: { type: "string", short: "p" },
      host: { type: "string" },
      db: { type: "string" },
      "tls-key": { type: "string" },
      "tls-cert": { type: "string" },
      "static-root": { type: "string" },
      "behind-proxy": { type: "string" },
      workers: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  return {
    port: values.port,
    host: values.host,
    db: values.db,
    tlsKey: values["tls-key"],
    tlsCert: values["tls-cert"],
    staticRoot: values["static-root"],
    behindProxy: values["behind-proxy"],
    workers: values.workers,
    help: values.help === true,
  };
}

/** Runs until SIGINT or SIGTERM, then closes the server and the database and returns 0. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  let flags;
  try {
    flags = parseServeFlags(argv);
  } catch (e) {
    return invalidFlags(io, e, HELP);
  }
  if (flags.help) {
    io.stdout.write(HELP);
    return 0;
  }
  try {
    return await serve(flags, io);
  } catch (e) {
    // a refused configuration or a database away at start: one bilingual line each, led by the code, exit 1
    if (!isAppError(e)) throw e;
    printBilingual(io.stderr, e.messages, `✖ ${e.code}: `);
    return 1;
  }
}

async function serve(flags: ServeFlags, io: CliIo): Promise<number> {
  const cfg = resolveServeConfig(flags, io.env, io.cwd);
  // a cluster worker leaves the WAL checkpoints to the primary (one checkpointer for the file)
  if (cluster.isWorker && io.env.CHITIEU_CLUSTER_WORKER === "1")
    return runWorker({ ...cfg, db: { ...cfg.db, checkpointer: false } }, io);
  // Always a supervisor (the primary) and N worker processes, N = 1 unless told otherwise: the primary restarts a
  // worker that dies and runs the SQLite WAL checkpointer; workers start with a 64 MB young generation, which a
  // process cannot give itself once started (measured with bench/server/burst.ts on one worker: p99 at 1,500
  // submissions/s 219–245 ms in one process, 85–88 ms as primary + worker, the same throughput).
  return runCluster(cfg, io);
}

function announce(
  io: CliIo,
  url: string,
  where: string,
  demoTokens: { label: string; token: string }[],
  workers: number,
): void {
  const procs = workers > 1 ? `, ${workers} processes` : "";
  printBilingual(io.stdout, {
    vi: `Chỉ tiêu đang chạy tại ${url} (dữ liệu: ${where}${workers > 1 ? `, ${workers} tiến trình` : ""})`,
    en: `Chỉ tiêu is listening at ${url} (data: ${where}${procs})`,
  });
  io.stdout.write(`API: ${url}/api/v1 — OpenAPI: ${url}/api/v1/openapi.json\n`);
  if (demoTokens.length > 0) {
    printBilingual(io.stdout, {
      vi: "Cơ sở dữ liệu mới được tạo; mã truy cập trình diễn (chỉ hiện một lần):",
      en: "A fresh database was created; demo tokens (shown once):",
    });
    for (const t of demoTokens) io.stdout.write(`${t.label}: ${t.token}\n`);
  }
}

/** Resolves with 0 after SIGINT or SIGTERM once `close` finished (1 if it failed). */
function untilSignal(close: () => Promise<void>): Promise<number> {
  return new Promise<number>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      close().then(
        () => resolve(0),
        () => resolve(1),
      );
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

async function runCluster(cfg: ReturnType<typeof resolveServeConfig>, io: CliIo): Promise<number> {
  const running = await startCluster(cfg, restartPolicyFromEnv(io.env));
  const where = running.engine === "sqlite" ? `SQLite ${running.location}` : `PostgreSQL ${running.location}`;
  announce(io, running.url, where, running.demoTokens, running.workers);
  return Promise.race([
    untilSignal(() => running.close()),
    // the supervisor gave up restarting a worker that keeps failing: say so and exit non-zero
    running.gaveUp.then((e) => {
      if (isAppError(e)) printBilingual(io.stderr, e.messages, `✖ ${e.code}: `);
      return 1;
    }),
  ]);
}

/**
 * A worker that cannot start says why (bilingual when it is one of ours) and exits non-zero, letting go of the
 * primary's channel, which would otherwise keep it alive; the supervisor then restarts it with a delay.
 */
function failWorker(e: unknown, io: CliIo): number {
  if (isAppError(e)) printBilingual(io.stderr, e.messages, `✖ ${e.code}: `);
  else io.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  const code = isAppError(e) ? 1 : 70;
  process.exitCode = code;
  if (process.connected) process.disconnect();
  // whatever else still holds the event loop (a half-open pool), the process ends
  setTimeout(() => process.exit(code), 2_000).unref();
  return code;
}

/** A cluster worker: serves until told to stop, or until the primary goes away. */
async function runWorker(cfg: ReturnType<typeof resolveServeConfig>, io: CliIo): Promise<number> {
  let server;
  try {
    server = await startServer(cfg, { demoTokens: false });
  } catch (e) {
    return failWorker(e, io);
  }
  return new Promise<number>((resolve) => {
    let closing = false;
    const stop = () => {
      if (closing) return;
      closing = true;
      const done = (code: number) => {
        // let go of the primary's channel, or this process would stay alive after its server closed
        if (process.connected) process.disconnect();
        resolve(code);
      };
      server.close().then(
        () => done(0),
        () => done(1),
      );
    };
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
    process.on("disconnect", stop);
  });
}
