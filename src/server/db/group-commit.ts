/**
 * Durable writes. Each job runs inside a transaction and its promise resolves only after COMMIT returned.
 *
 * Where the engine has one writer connection (capability `groupCommit`, SQLite), jobs that arrive while a commit is
 * being prepared share it: one BEGIN … COMMIT (one fsync) carries many submissions. A job that refuses (it throws
 * `NothingWritten`, after checking its conditions and before writing) simply gets its refusal; a job that fails
 * any other way rolls the whole batch back, gets its error, and the other jobs of the batch run again in the next
 * commit (jobs re-check their conditions, so running one again is safe). Elsewhere (PostgreSQL) every job is its
 * own transaction on the pool, and the database groups the commits itself.
 */
import type { Kysely } from "kysely";
import type { Database } from "./schema";

/** What the writer needs of a database handle (connect.ts DbHandle). */
export interface WriterHandle {
  db: Kysely<Database>;
  caps: { groupCommit: boolean };
}

export type WriteJob<T> = (trx: Kysely<Database>) => Promise<T>;

/** Thrown by a job that refused before writing anything. */
export class NothingWritten extends Error {}

interface Pending {
  job: WriteJob<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  attempts: number;
}

/**
 * At most this many jobs share a commit, and the event loop gets a turn between two commits: with 200 clients a
 * batch of every waiting job held the loop for hundreds of milliseconds (measured with monitorEventLoopDelay),
 * delaying the reading of new requests; 64 keeps one fsync for many jobs and the loop responsive.
 */
const MAX_BATCH = 64;

export class Writer {
  readonly #handle: WriterHandle;
  #queue: Pending[] = [];
  #flushing = false;
  /** commits, jobs committed (not refused) and batches rolled back, for the benchmarks */
  readonly stats = { commits: 0, jobs: 0, rollbacks: 0 };

  constructor(handle: WriterHandle) {
    this.#handle = handle;
  }

  write<T>(job: WriteJob<T>): Promise<T> {
    if (!this.#handle.caps.groupCommit) {
      return this.#handle.db
        .transaction()
        .execute(job)
        .then((v) => {
          this.stats.commits += 1;
          this.stats.jobs += 1;
          return v;
        });
    }
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({
        job: job as WriteJob<unknown>,
        resolve: resolve as (v: unknown) => void,
        reject,
        attempts: 0,
      });
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
        if (this.#queue.length > 0) await new Promise<void>((resolve) => setImmediate(resolve));
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
    let failed: { index: number; error: unknown } | null = null;
    for (let i = 0; i < batch.length; i++) {
      const p = batch[i] as Pending;
      try {
        outcomes.push({ ok: true, value: await p.job(trx) });
      } catch (error) {
        if (error instanceof NothingWritten) {
          outcomes.push({ ok: false, error });
        } else {
          failed = { index: i, error };
          break;
        }
      }
    }
    if (failed) {
      await trx
        .rollback()
        .execute()
        .catch(() => undefined);
      this.stats.rollbacks += 1;
      batch[failed.index]!.reject(failed.error);
      // the others run again in a fresh transaction (each at most 3 times)
      const again = batch.filter((p, i) => i !== failed!.index && ++p.attempts < 3);
      for (const p of batch) if (p.attempts >= 3 && p !== batch[failed.index]) p.reject(failed.error);
      this.#queue.unshift(...again);
      return;
    }
    try {
      await trx.commit().execute();
    } catch (error) {
      // the commit failed: nothing of this batch is stored
      await trx
        .rollback()
        .execute()
        .catch(() => undefined);
      for (const p of batch) p.reject(error);
      return;
    }
    this.stats.commits += 1;
    this.stats.jobs += outcomes.filter((o) => o.ok).length;
    batch.forEach((p, i) => {
      const o = outcomes[i]!;
      if (o.ok) p.resolve(o.value);
      else p.reject(o.error);
    });
  }
}
