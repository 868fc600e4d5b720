/**
 * Durable writes. Each job runs inside a transaction and its promise resolves only after COMMIT returned.
 *
 * Where the engine has one writer connection (capability `groupCommit`, SQLite), jobs that arrive while a commit is
 * being prepared share it: one BEGIN … COMMIT (one fsync) carries many submissions, each inside its own SAVEPOINT so
 * that one refused job rolls back alone. Elsewhere (PostgreSQL) every job is its own transaction on the pool, and the
 * database groups the commits itself.
 */
import type { Kysely } from "kysely";
import type { DbHandle } from "../db/connect";
import type { Database } from "../db/schema";

export type WriteJob<T> = (trx: Kysely<Database>) => Promise<T>;

interface Pending {
  job: WriteJob<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

const MAX_BATCH = 256;

export class Writer {
  readonly #handle: DbHandle;
  #queue: Pending[] = [];
  #flushing = false;
  /** number of commits and jobs, for the benchmark's report */
  readonly stats = { commits: 0, jobs: 0 };

  constructor(handle: DbHandle) {
    this.#handle = handle;
  }

  write<T>(job: WriteJob<T>): Promise<T> {
    if (!this.#handle.caps.groupCommit) {
      this.stats.jobs += 1;
      this.stats.commits += 1;
      return this.#handle.db.transaction().execute(job);
    }
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ job: job as WriteJob<unknown>, resolve: resolve as (v: unknown) => void, reject });
      if (!this.#flushing) {
        this.#flushing = true;
        setImmediate(() => void this.#drain());
      }
    });
  }

  async #drain(): Promise<void> {
    try {
      while (this.#queue.length > 0) {
        const batch = this.#queue.splice(0, MAX_BATCH);
        await this.#runBatch(batch);
      }
    } finally {
      this.#flushing = false;
    }
  }

  async #runBatch(batch: Pending[]): Promise<void> {
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    let trx;
    try {
      trx = await this.#handle.db.startTransaction().execute();
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    try {
      for (const p of batch) {
        const sp = await trx.savepoint("job").execute();
        try {
          const value = await p.job(sp);
          await sp.releaseSavepoint("job").execute();
          outcomes.push({ ok: true, value });
        } catch (error) {
          await sp.rollbackToSavepoint("job").execute();
          await sp.releaseSavepoint("job").execute();
          outcomes.push({ ok: false, error });
        }
      }
      await trx.commit().execute();
    } catch (error) {
      // The commit (or the transaction itself) failed: nothing of this batch is stored.
      try {
        await trx.rollback().execute();
      } catch {
        /* the connection already rolled back */
      }
      for (const p of batch) p.reject(error);
      return;
    }
    this.stats.commits += 1;
    this.stats.jobs += batch.length;
    batch.forEach((p, i) => {
      const o = outcomes[i]!;
      if (o.ok) p.resolve(o.value);
      else p.reject(o.error);
    });
  }
}
