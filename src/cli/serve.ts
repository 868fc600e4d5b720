import { parseArgs } from "node:util";
import { printBilingual, type CliIo } from "./io";
import cluster from "node:cluster";
import { resolveServeConfig, startCluster, startServer, type ServeFlags } from "../server/main";

const HELP = `chitieu serve [--port 3000] [--host 127.0.0.1] [--db chitieu.sqlite] [--tls-key file --tls-cert file]
              [--static-root dist/web] [--behind-proxy] [--workers N|auto]

Starts the endpoint (/api/v1) and serves the built add-in. SQLite file by default; PostgreSQL when DATABASE_URL is set.
Environment: CHITIEU_PORT, CHITIEU_HOST, CHITIEU_DB, DATABASE_URL, CHITIEU_TLS_KEY, CHITIEU_TLS_CERT,
CHITIEU_STATIC_ROOT, CHITIEU_ALLOWED_ORIGIN, CHITIEU_TOKEN_PEPPER, CHITIEU_BEHIND_PROXY, CHITIEU_ENV, CHITIEU_LOG,
CHITIEU_WORKERS (processes answering on the one port; default 1).
`;

export function parseServeFlags(argv: string[]): ServeFlags & { help: boolean } {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: "string", short: "p" },
      host: { type: "string" },
      db: { type: "string" },
      "tls-key": { type: "string" },
      "tls-cert": { type: "string" },
      "static-root": { type: "string" },
      "behind-proxy": { type: "boolean" },
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
    printBilingual(
      io.stderr,
      { vi: `Tuỳ chọn không hợp lệ: ${(e as Error).message}`, en: `Invalid option: ${(e as Error).message}` },
      "✖ ",
    );
    io.stderr.write(HELP);
    return 2;
  }
  if (flags.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const cfg = resolveServeConfig(flags, io.env, io.cwd);
  // a cluster worker leaves the WAL checkpoints to the primary (one checkpointer for the file)
  if (cluster.isWorker && io.env.CHITIEU_CLUSTER_WORKER === "1")
    return runWorker({ ...cfg, db: { ...cfg.db, checkpointer: false } });
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
  const running = await startCluster(cfg);
  const where = running.engine === "sqlite" ? `SQLite ${running.location}` : `PostgreSQL ${running.location}`;
  announce(io, running.url, where, running.demoTokens, running.workers);
  return untilSignal(() => running.close());
}

/** A cluster worker: serves until told to stop, or until the primary goes away. */
async function runWorker(cfg: ReturnType<typeof resolveServeConfig>): Promise<number> {
  const server = await startServer(cfg, { demoTokens: false });
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
