/**
 * The one place that knows which database engine runs. Everything else gets a `DbHandle` and asks its `caps`.
 * SQLite (default): a file through better-sqlite3 in WAL mode with synchronous=FULL, so a COMMIT that returned is on
 * disk. PostgreSQL: when a postgres:// URL is given (DATABASE_URL), through a pg Pool.
 */
import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import BetterSqlite3 from "better-sqlite3";
import {
  CompiledQuery,
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  type SqliteDatabase,
  type SqliteDialectConfig,
} from "kysely";
import type { Pool, PoolClient } from "pg";
import type { PostgresPool, PostgresPoolClient } from "kysely";
import type { Database } from "./schema";
import { InCodeMigrationProvider } from "./migrations";
import { WriterThread } from "./writer-thread";
import { SqliteReadBatcher, type ReadBatcher } from "./read-batch";
import { FifoMutex } from "./fifo-mutex";
import { Writer } from "./group-commit";
import { SubmissionStatements } from "./submissions";
import type { CheckThread } from "./check-thread";
import { isUniqueViolation, type SubmissionStore } from "./submission-store/port";
import { GroupCommitStore } from "./submission-store/group-commit-store";
import { OneStatementStore } from "./submission-store/one-statement-store";
import { WriterThreadStore } from "./submission-store/writer-thread-store";

export { isUniqueViolation };

export interface DbConfig {
  /** postgres://… — when set, PostgreSQL is used. */
  url?: string;
  /** SQLite file, or ":memory:". Default ./chitieu.sqlite. */
  sqlitePath?: string;
  /** PostgreSQL only: put every table in this schema (set as search_path on each connection). */
  pgSchema?: string;
  /** PostgreSQL pool size (default 10). */
  poolSize?: number;
  /**
   * SQLite file: false when another process of the same deployment checkpoints the WAL (the supervising process of
   * `chitieu serve` runs the one checkpointer for its workers; several would copy the same frames and stall each
   * other's writers). Default true.
   */
  checkpointer?: boolean;
}

export interface DbCapabilities {
  /** One writer connection whose commits can carry several submissions at once (group commit). */
  groupCommit: boolean;
  /** Data-modifying common table expressions: a conditional update and an insert as one atomic statement. */
  writeCte: boolean;
}

export interface DbHandle {
  db: Kysely<Database>;
  caps: DbCapabilities;
  /**
   * SQLite file: the thread that carries the submission writes (group commit off the event loop); null elsewhere,
   * for ":memory:", or when CHITIEU_SQLITE_WRITER=inline.
   */
  writerThread: WriterThread | null;
  /** SQLite: the submission path's reads, batched per turn of the event loop (read-batch.ts); null elsewhere. */
  reads: ReadBatcher | null;
  /** the submission path's statements, compiled once */
  statements: SubmissionStatements;
  /** durable writes in transactions, sharing commits where the engine has one writer (group-commit.ts) */
  writer: Writer;
  /** how a submission is checked and stored: the one implementation these capabilities call for */
  submissions: SubmissionStore;
  /** PostgreSQL: the thread the rules run on, once the submission service has named its checker; else null */
  readonly checkThread: CheckThread | null;
  /** "sqlite" or "postgresql" — for messages and logs only, never for branching. */
  engine: "sqlite" | "postgresql";
  /** Where the data lives, without any password: for messages. */
  location: string;
  /** The folder holding the data files on this machine (SQLite file), for the free-space check; null elsewhere. */
  dataDir: string | null;
  /** Nothing existed before this connection (SQLite file created now, or PostgreSQL had no tables). Set by migrate. */
  fresh: boolean;
  /**
   * PostgreSQL: the schema the tables live in, when one is configured. Kysely's migrator looks for its own tables in
   * every schema of the database unless told which: a migration table in another schema made it skip creating its
   * own, and the lock query then failed with "relation kysely_migration_lock does not exist".
   */
  pgSchema?: string;
  close(): Promise<void>;
}

export const DEFAULT_SQLITE_FILE = "chitieu.sqlite";

export function resolveDbConfig(env: NodeJS.ProcessEnv, flags: { db?: string; cwd?: string } = {}): DbConfig {
  const url = env.DATABASE_URL?.trim();
  if (url && !flags.db) {
    return { url, poolSize: env.CHITIEU_PG_POOL ? Number(env.CHITIEU_PG_POOL) : undefined };
  }
  const file = flags.db ?? env.CHITIEU_DB ?? DEFAULT_SQLITE_FILE;
  return { sqlitePath: file === ":memory:" ? file : path.resolve(flags.cwd ?? process.cwd(), file) };
}

/** better-sqlite3 statements prepared once per SQL text and reused (kysely would prepare on every call). */
function withStatementCache(raw: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => raw.close(),
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (!stmt) {
        stmt = raw.prepare(sql);
        if (cache.size >= 512) cache.clear();
        cache.set(sql, stmt);
      }
      return stmt;
    },
  };
}

/**
 * SQLite as several processes may share one file (`chitieu serve` and `chitieu token issue`, or two instances):
 * write transactions begin IMMEDIATE (the write lock is taken at BEGIN, waiting up to busy_timeout, so a transaction
 * never fails half-way on a lock upgrade), and migrations run inside one such transaction — SQLite's DDL is
 * transactional, although kysely's adapter does not claim it — so two processes that migrate at once run them once.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  readonly #queue: FifoMutex;

  constructor(config: SqliteDialectConfig, queue: FifoMutex) {
    super(config);
    this.#queue = queue;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }

  // kysely's own mutex wakes every waiter on each release (each waiter re-checks and waits again): with 200
  // requests waiting, every query costs 200 wake-ups and the order is not kept — the deadline burst showed it as
  // CPU growing with concurrency and a tail of several seconds. Waiters here queue once, first come first served,
  // so kysely's mutex below is always free when reached.
  override async acquireConnection(): Promise<DatabaseConnection> {
    await this.#queue.lock();
    return super.acquireConnection();
  }

  override async releaseConnection(): Promise<void> {
    await super.releaseConnection();
    this.#queue.unlock();
  }
}

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class ChitieuSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  readonly #queue: FifoMutex;
  constructor(config: SqliteDialectConfig, queue: FifoMutex) {
    super(config);
    this.#config = Object.freeze({ ...config });
    this.#queue = queue;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config, this.#queue);
  }
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

/**
 * PostgreSQL: every parameterised query runs as a named prepared statement (one name per SQL text), so each pooled
 * connection parses and plans a statement once and then only binds and executes it.
 */
function namedStatementPool(pool: Pool): PostgresPool {
  const names = new Map<string, string>();
  const nameOf = (sql: string): string | undefined => {
    let name = names.get(sql);
    if (!name && names.size < 2000) {
      name = `ct_${names.size.toString(36)}`;
      names.set(sql, name);
    }
    return name;
  };
  const wrapped = new WeakMap<PoolClient, PostgresPoolClient>();
  return {
    async connect() {
      const client = await pool.connect();
      let w = wrapped.get(client);
      if (!w) {
        const c = client;
        // a connection that breaks while checked out (PostgreSQL restarted mid-transaction) errors the query in
        // flight; without a listener the same error raised on the client would end the process
        c.on("error", () => {});
        w = {
          query: ((sql: unknown, values?: unknown[]) => {
            if (typeof sql === "string" && values && values.length > 0) {
              const name = nameOf(sql);
              if (name) return c.query({ name, text: sql, values });
            }
            return c.query(sql as string, values);
          }) as unknown as PostgresPoolClient["query"],
          release: () => c.release(),
        };
        wrapped.set(client, w);
      }
      return w;
    },
    end: () => pool.end(),
  };
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgresql";
  }
}

let poolErrorLogged = 0;
function onPoolError(err: Error): void {
  // one line per minute at most: a restart closes every idle connection at once
  const now = Date.now();
  if (now - poolErrorLogged < 60_000) return;
  poolErrorLogged = now;
  process.stderr.write(`chitieu: a PostgreSQL connection closed (${err.message}); reconnecting on the next query\n`);
}

export async function connect(config: DbConfig): Promise<DbHandle> {
  if (config.url) {
    // pg is loaded only here, so a SQLite deployment never holds it (bench/README.md, "What the served worker loads")
    const { Pool } = require("pg") as typeof import("pg");
    const pool = new Pool({
      connectionString: config.url,
      max: config.poolSize ?? 10,
      // while PostgreSQL is away a request waits at most this long for a connection, then answers 503
      connectionTimeoutMillis: 5_000,
      ...(config.pgSchema ? { options: `-c search_path=${config.pgSchema}` } : {}),
    });
    // An idle connection that PostgreSQL closes (restart, failover, idle timeout) is an `error` on the pool: the pool
    // drops that connection and opens a new one on the next query. Without this listener the process dies.
    pool.on("error", (err) => onPoolError(err));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: namedStatementPool(pool) }) });
    const caps: DbCapabilities = { groupCommit: false, writeCte: true };
    const parts = submissionParts(db, caps, null, null);
    return {
      db,
      caps,
      writerThread: null,
      reads: null,
      ...parts,
      get checkThread() {
        return parts.submissions instanceof OneStatementStore ? parts.submissions.checkThread : null;
      },
      engine: "postgresql",
      location: redactUrl(config.url) + (config.pgSchema ? ` (schema ${config.pgSchema})` : ""),
      dataDir: null,
      fresh: false,
      ...(config.pgSchema ? { pgSchema: config.pgSchema } : {}),
      close: async () => {
        await parts.submissions.close();
        await db.destroy();
      },
    };
  }
  const file = config.sqlitePath ?? DEFAULT_SQLITE_FILE;
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const raw = new BetterSqlite3(file);
  raw.pragma("journal_mode = WAL");
  raw.pragma("synchronous = FULL");
  raw.pragma("busy_timeout = 5000");
  raw.pragma("journal_size_limit = 67108864");
  let checkpointer: { stop(): Promise<void> } | null = null;
  if (file !== ":memory:") {
    raw.pragma("wal_autocheckpoint = 0");
    if (config.checkpointer !== false) checkpointer = startWalCheckpointer(file, () => fallBackToAutoCheckpoints(raw));
  }
  raw.pragma("foreign_keys = ON");
  // one queue for the connection: kysely's queries and the batched reads take their turns on it
  const queue = new FifoMutex();
  const statements = withStatementCache(raw);
  const db = new Kysely<Database>({ dialect: new ChitieuSqliteDialect({ database: statements }, queue) });
  const reads = new SqliteReadBatcher(
    raw,
    (sql) => statements.prepare(sql) as unknown as BetterSqlite3.Statement,
    queue,
  );
  const writerThread =
    file === ":memory:" || process.env.CHITIEU_SQLITE_WRITER === "inline" ? null : new WriterThread(file);
  const caps: DbCapabilities = { groupCommit: true, writeCte: false };
  const parts = submissionParts(db, caps, writerThread, reads);
  return {
    db,
    caps,
    writerThread,
    reads,
    ...parts,
    checkThread: null,
    engine: "sqlite",
    location: file,
    dataDir: file === ":memory:" ? null : path.dirname(path.resolve(file)),
    fresh: false,
    close: async () => {
      await parts.submissions.close();
      await checkpointer?.stop();
      await db.destroy();
    },
  };
}

/**
 * The submission path's parts, and the one SubmissionStore the engine calls for — chosen here, once:
 * - a SQLite writer thread: the writes and their rules on that thread (the group-commit writer if it fails);
 * - data-modifying CTEs (`writeCte`, PostgreSQL): one statement per submission, the rules on a check thread;
 * - otherwise the group-commit writer on the event loop, the rules there too.
 */
function submissionParts(
  db: Kysely<Database>,
  caps: DbCapabilities,
  writerThread: WriterThread | null,
  reads: ReadBatcher | null,
): { statements: SubmissionStatements; writer: Writer; submissions: SubmissionStore } {
  const statements = new SubmissionStatements(db, reads);
  const writer = new Writer({ db, caps });
  const groupCommit = () => new GroupCommitStore(writer, statements, caps.groupCommit);
  const submissions = writerThread
    ? new WriterThreadStore(writerThread, statements, groupCommit())
    : caps.writeCte
      ? new OneStatementStore(db, statements)
      : groupCommit();
  return { statements, writer, submissions };
}

/**
 * Copying the WAL back into the database file (a checkpoint, with its fsync) is taken off the request path: SQLite's
 * automatic checkpoint runs inside the COMMIT that crosses the threshold and, with better-sqlite3, blocks the event
 * loop — the deadline burst showed stalls of several seconds once the WAL held tens of megabytes. Here a worker
 * thread with its own connection checkpoints (PASSIVE: never blocking writers) every 200 ms. A PASSIVE checkpoint
 * never starts the log over while writes keep coming: under the deadline burst the WAL grew to 250 MB in 10 s (each
 * submission dirties ~4 pages: random UUID keys). So once every frame is copied and the log is past 4,096 frames
 * (16 MB), a RESTART checkpoint starts it over — writers wait the moment it takes (at most 20 ms), readers do not. If
 * the thread fails, the connection falls back to SQLite's automatic checkpoints.
 */
export function startWalCheckpointer(file: string, fallBack: () => void = () => {}): { stop(): Promise<void> } {
  const worker = new Worker(CHECKPOINT_WORKER, {
    eval: true,
    workerData: { module: require.resolve("better-sqlite3"), file, intervalMs: 200, restartFrames: 4096 },
  });
  worker.unref();
  worker.on("error", fallBack);
  worker.on("exit", (code) => {
    if (code !== 0) fallBack();
  });
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        worker.once("exit", () => resolve());
        worker.ref(); // keep this process alive until the last checkpoint is done
        worker.postMessage("stop");
      }),
  };
}

function fallBackToAutoCheckpoints(raw: BetterSqlite3.Database): void {
  try {
    raw.pragma("wal_autocheckpoint = 1000");
  } catch {
    /* already closed */
  }
}

// RESTART holds the write lock while it waits for the readers of the old log: with SQLite's busy handler at 1 s that
// stalled every writer for up to ~100 ms under the burst. It now gives up after 20 ms and tries again at the next tick.
const CHECKPOINT_WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.module);
const db = new Database(workerData.file);
db.pragma("busy_timeout = 20");
const timer = setInterval(() => {
  try {
    const r = db.pragma("wal_checkpoint(PASSIVE)")[0];
    // every frame copied but the log still long: start it over (writers wait meanwhile; readers do not)
    if (r && r.log > workerData.restartFrames && r.checkpointed === r.log) db.pragma("wal_checkpoint(RESTART)");
  } catch (e) { /* busy: the next tick tries again */ }
}, workerData.intervalMs);
parentPort.on("message", (m) => {
  if (m !== "stop") return;
  clearInterval(timer);
  db.pragma("busy_timeout = 1000");
  try { db.pragma("wal_checkpoint(TRUNCATE)"); } catch (e) { /* another connection still writes */ }
  db.close();
  parentPort.close();
});
`;

/** Run every pending migration; marks the handle `fresh` when the first one ran now. Throws on failure. */
export async function migrateToLatest(handle: DbHandle): Promise<string[]> {
  const migrator = new Migrator({
    db: handle.db,
    provider: new InCodeMigrationProvider(),
    ...(handle.pgSchema ? { migrationTableSchema: handle.pgSchema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  const applied = (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
  if (applied.some((name) => name.startsWith("2026_11_22_001_"))) handle.fresh = true;
  return applied;
}
