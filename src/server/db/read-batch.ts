/**
 * SQLite reads of the submission path, batched: the reads asked for in one turn of the event loop run together in
 * one read transaction on the event loop's connection.
 *
 * Why: in WAL mode a connection throws its page cache away whenever another connection has committed since its
 * last read — and under a deadline burst the writer thread commits every millisecond or two, so every lone read
 * started from an empty cache (its pages read again from the file and the log: ~10 % of the event loop's time in
 * the burst). Reads that share one transaction pay for that once, and see one snapshot, as each lone read did.
 *
 * The batch waits its turn on the connection's mutex like any other query (a transaction in progress on the
 * connection keeps it), so it never runs inside someone else's transaction.
 */
import type BetterSqlite3 from "better-sqlite3";
import type { FifoMutex } from "./fifo-mutex";

export interface ReadBatcher {
  /** The rows of one SELECT (positional parameters), run with the others asked for in this turn. */
  all<Row>(sql: string, params: readonly unknown[]): Promise<Row[]>;
}

interface Pending {
  sql: string;
  params: readonly unknown[];
  resolve: (rows: never[]) => void;
  reject: (e: unknown) => void;
}

export class SqliteReadBatcher implements ReadBatcher {
  readonly #raw: BetterSqlite3.Database;
  readonly #prepare: (sql: string) => BetterSqlite3.Statement;
  readonly #queue: FifoMutex;
  #pending: Pending[] = [];
  #scheduled = false;
  /** batches run and reads answered (for the tests and benchmarks) */
  readonly stats = { batches: 0, reads: 0 };

  constructor(raw: BetterSqlite3.Database, prepare: (sql: string) => BetterSqlite3.Statement, queue: FifoMutex) {
    this.#raw = raw;
    this.#prepare = prepare;
    this.#queue = queue;
  }

  all<Row>(sql: string, params: readonly unknown[]): Promise<Row[]> {
    return new Promise<Row[]>((resolve, reject) => {
      this.#pending.push({ sql, params, resolve: resolve as (rows: never[]) => void, reject });
      if (!this.#scheduled) {
        this.#scheduled = true;
        setImmediate(() => void this.#flush());
      }
    });
  }

  async #flush(): Promise<void> {
    await this.#queue.lock();
    const batch = this.#pending;
    this.#pending = [];
    this.#scheduled = false;
    const raw = this.#raw;
    const own = batch.length > 1 && !raw.inTransaction;
    try {
      if (own) raw.exec("BEGIN");
      for (const q of batch) {
        try {
          q.resolve(this.#prepare(q.sql).all(q.params as unknown[]) as never[]);
        } catch (e) {
          q.reject(e);
        }
      }
    } catch (e) {
      for (const q of batch) q.reject(e);
    } finally {
      if (own && raw.inTransaction) raw.exec("COMMIT");
      this.stats.batches++;
      this.stats.reads += batch.length;
      this.#queue.unlock();
    }
  }
}
