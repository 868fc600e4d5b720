import { parseArgs } from "node:util";
import { printBilingual, type CliIo } from "./io";
import { resolveServeConfig, startServer, type ServeFlags } from "../server/main";

const HELP = `chitieu serve [--port 3000] [--host 127.0.0.1] [--db chitieu.sqlite] [--tls-key file --tls-cert file]
              [--static-root dist/web] [--behind-proxy]

Starts the endpoint (/api/v1) and serves the built add-in. SQLite file by default; PostgreSQL when DATABASE_URL is set.
Environment: CHITIEU_PORT, CHITIEU_HOST, CHITIEU_DB, DATABASE_URL, CHITIEU_TLS_KEY, CHITIEU_TLS_CERT,
CHITIEU_STATIC_ROOT, CHITIEU_ALLOWED_ORIGIN, CHITIEU_TOKEN_PEPPER, CHITIEU_BEHIND_PROXY, CHITIEU_ENV, CHITIEU_LOG.
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
  const server = await startServer(cfg);
  const where =
    server.handle.engine === "sqlite" ? `SQLite ${server.handle.location}` : `PostgreSQL ${server.handle.location}`;
  printBilingual(io.stdout, {
    vi: `Chỉ tiêu đang chạy tại ${server.url} (dữ liệu: ${where})`,
    en: `Chỉ tiêu is listening at ${server.url} (data: ${where})`,
  });
  io.stdout.write(`API: ${server.url}/api/v1 — OpenAPI: ${server.url}/api/v1/openapi.json\n`);
  if (server.demoTokens.length > 0) {
    printBilingual(io.stdout, {
      vi: "Cơ sở dữ liệu mới được tạo; mã truy cập trình diễn (chỉ hiện một lần):",
      en: "A fresh database was created; demo tokens (shown once):",
    });
    for (const t of server.demoTokens) io.stdout.write(`${t.label}: ${t.token}\n`);
  }
  return new Promise<number>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      server.close().then(
        () => resolve(0),
        () => resolve(1),
      );
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
