/**
 * SQLite's submission writes on a thread of their own. better-sqlite3 is synchronous: on the event loop, every
 * INSERT, the content's compression and the COMMIT's fsync would hold up the reading of new requests. Here the
 * event loop hands each write over as data — a few SQL steps with their parameters — and gets back, after the
 * durable COMMIT, whether it was stored.
 *
 * Group commit: writes that arrive while the thread is busy share the next transaction (one fsync for many). Each
 * write runs inside its own SAVEPOINT, so a write whose condition fails (its id already stored, its report moved on)
 * or whose statement fails leaves the others of the batch untouched. A write is acknowledged only after the COMMIT
 * that carries it returned.
 *
 * The steps are generic (the submission service decides what they are); a step's `expect` says when the write is
 * refused: "noRow" — the query must find nothing; "changes" — the statement must change a row.
 *
 * A write may also carry a check, so that CPU work the write depends on runs on this thread rather than on the event
 * loop: a checker module (named once with `useChecker`) is loaded here and, before the batch's transaction begins,
 * either fills in the open parameters of the write's steps or answers with a verdict (nothing written). The checker
 * sees the context the event loop last set for the version the write names (`setContext`), e.g. reference data.
 */
import { deflateRawSync } from "node:zlib";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { startThread, WRITER_THREAD_YOUNG_MB } from "../services/thread-heap";

export type StepParam = string | number | bigint | null | Uint8Array;

export interface WriteStep {
  sql: string;
  params: StepParam[];
  expect: "noRow" | "changes" | "any";
  /** index of a text parameter stored compressed: it is deflated (raw) on the thread before binding */
  deflateParam?: number;
}

/**
 * "stored": committed; "refused": a step's expectation failed, nothing of this write is stored; a verdict: the
 * write's check answered instead (nothing written).
 */
export type WriteOutcome = "stored" | "refused" | { verdict: unknown };

/** A check that runs on the thread before the write: the context version it needs and what it checks. */
export interface WriteCheck {
  context: number;
  payload: unknown;
}

/** A read on the writer thread's own connection (outside the batch's transaction): the rows of one SELECT. */
export type ThreadRead = (sql: string, params: readonly unknown[]) => unknown[];

/**
 * What a checker module exports. `check` may fill in `params` (one parameter list per step, in step order) and
 * returns undefined to go on with the write, or a verdict to send back instead of writing. On the writer thread it
 * is also given `read`, to read what it needs on the thread rather than have the event loop read and send it.
 */
export interface WriteChecker {
  check(payload: unknown, context: unknown, params: StepParam[][], read?: ThreadRead): unknown;
}

/**
 * Where a checker puts what it derives from the figures it parsed: [list, index] pairs into the parameter lists it
 * is given (the flows' JSON may go to several places, the stored text and its hash to one each).
 */
export interface CheckSlots {
  flowsAt: [number, number][];
  /** the figures' JSON (report_state.latest_figures) */
  figuresAt: [number, number][];
  contentAt: [number, number];
  hashAt: [number, number];
}

/** Deflate options of stored content (a report's rows repeat within a few hundred bytes: a 4 KB window is enough). */
export const PACK_OPTIONS = { level: 3, windowBits: 12, memLevel: 5 } as const;

export class WriterThreadError extends Error {
  readonly code: string | undefined;
  constructor(message: string, code?: string) {
    super(message);
    this.name = "WriterThreadError";
    this.code = code;
  }
}

/** A step as sent to the thread: its SQL text only the first time, then the number the thread knows it by. */
interface WireStep {
  q: number;
  sql?: string;
  params: StepParam[];
  expect: WriteStep["expect"];
  deflateParam?: number;
}
interface Request {
  id: number;
  steps: WireStep[];
  check?: WriteCheck;
}
/** Messages to the thread besides the writes. */
type Control = "stop" | { checker: string } | { context: { version: number; data: unknown } };
interface Reply {
  id: number;
  outcome?: "stored" | "refused";
  verdict?: unknown;
  error?: { message: string; code?: string };
}
/** The answers to one batch, in one message (with the commit count after a commit). */
interface Replies {
  replies: Reply[];
  commits?: number;
}

interface Setup {
  chitieuWriterThread: true;
  module: string;
  file: string;
  synchronous: string;
}

/** The event loop's side: a thread with its own connection to the same SQLite file. */
export class WriterThread {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (o: WriteOutcome) => void; reject: (e: Error) => void }>();
  #next = 1;
  readonly #sqlIds = new Map<string, number>();
  /** writes asked for in this turn of the event loop: handed over together, in one message */
  #outbox: Request[] = [];
  #failed: Error | null = null;
  #closing: Promise<void> | null = null;
  /** writes stored, refused, answered by their check instead, and commits (for the tests and benchmarks) */
  readonly stats = { stored: 0, refused: 0, verdicts: 0, commits: 0 };

  constructor(file: string, synchronous = "FULL") {
    const setup: Setup = {
      chitieuWriterThread: true,
      module: require.resolve("better-sqlite3"),
      file,
      synchronous,
    };
    // from the TypeScript sources (tests, CHITIEU_FROM_SOURCE) the thread loads this file through tsx
    // its own young generation, not the event loop's 2 × 32 MB (services/thread-heap.ts)
    const options = { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: WRITER_THREAD_YOUNG_MB } };
    this.#worker = startThread(() =>
      __filename.endsWith(".ts")
        ? new Worker(`require("tsx/cjs"); require(${JSON.stringify(__filename)});`, { ...options, eval: true })
        : new Worker(__filename, options),
    );
    this.#worker.unref();
    this.#worker.on("message", (m: Replies) => {
      if (m.commits !== undefined) this.stats.commits = m.commits;
      for (const r of m.replies) {
        const p = this.#pending.get(r.id);
        if (!p) continue;
        this.#pending.delete(r.id);
        if (r.outcome) {
          if (r.outcome === "stored") this.stats.stored++;
          else this.stats.refused++;
          p.resolve(r.outcome);
        } else if (r.verdict !== undefined) {
          this.stats.verdicts++;
          p.resolve({ verdict: r.verdict });
        } else p.reject(new WriterThreadError(r.error?.message ?? "write failed", r.error?.code));
      }
      if (this.#pending.size === 0) this.#worker.unref();
    });
    const fail = (e: Error): void => {
      this.#failed ??= e;
      for (const p of this.#pending.values()) p.reject(e);
      this.#pending.clear();
    };
    this.#worker.on("error", fail);
    this.#worker.on("exit", (code) => {
      if (!this.#closing) fail(new WriterThreadError(`the writer thread stopped (exit code ${code})`));
    });
  }

  /** False once the thread failed: callers then write on the event loop. */
  get available(): boolean {
    return this.#failed === null && this.#closing === null;
  }

  /** Load a checker module on the thread (see WriteChecker); writes with a `check` need one. */
  useChecker(modulePath: string): void {
    this.#worker.postMessage({ checker: modulePath } satisfies Control);
  }

  /** The context a checker sees for writes that name this version (the thread keeps the last few). */
  setContext(version: number, data: unknown): void {
    this.#handOver(); // writes asked for before this keep the context they were made for
    this.#worker.postMessage({ context: { version, data } } satisfies Control);
  }

  write(steps: WriteStep[], check?: WriteCheck): Promise<WriteOutcome> {
    if (this.#failed) return Promise.reject(this.#failed);
    if (this.#closing) return Promise.reject(new WriterThreadError("the writer thread is closing"));
    const id = this.#next++;
    return new Promise<WriteOutcome>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      if (this.#pending.size === 1) this.#worker.ref();
      const wire = steps.map((step): WireStep => {
        let q = this.#sqlIds.get(step.sql);
        if (q !== undefined) return { q, params: step.params, expect: step.expect, deflateParam: step.deflateParam };
        q = this.#sqlIds.size;
        this.#sqlIds.set(step.sql, q);
        return { q, sql: step.sql, params: step.params, expect: step.expect, deflateParam: step.deflateParam };
      });
      if (this.#outbox.length === 0) setImmediate(() => this.#handOver());
      this.#outbox.push(check ? { id, steps: wire, check } : { id, steps: wire });
    });
  }

  #handOver(): void {
    const batch = this.#outbox;
    this.#outbox = [];
    if (batch.length > 0) this.#worker.postMessage(batch);
  }

  /** Finishes the writes already handed over, then closes the thread's connection. */
  close(): Promise<void> {
    this.#closing ??= new Promise<void>((resolve) => {
      if (this.#failed) {
        void this.#worker.terminate().then(() => resolve());
        return;
      }
      this.#worker.ref();
      this.#worker.once("exit", () => resolve());
      this.#handOver();
      this.#worker.postMessage("stop");
    });
    return this.#closing;
  }
}

// ------------------------------------------------------------------------------------------------------------------
// The thread's side
// ------------------------------------------------------------------------------------------------------------------

/** How long a write waits for another process's write lock before it fails (as busy_timeout did on the loop). */
const BUSY_LIMIT_MS = 5000;

/** At most this many writes share a commit (a batch's results go back together). */
const MAX_BATCH = 256;

/** The thread's connection: its statements, one write inside a savepoint, and BEGIN IMMEDIATE that polls. */
function openConnection(setup: Setup) {
  const Database = require(setup.module) as typeof import("better-sqlite3");
  const db = new Database(setup.file);
  // Another process may hold the write lock (`chitieu serve --workers N`, or a CLI command): SQLite's own busy
  // handler sleeps 1, 2, 5 … up to 100 ms between tries, which gave deadline bursts on two processes a tail of a
  // second. This thread may block, so it polls every 0.2 ms instead (see beginWrite), up to BUSY_LIMIT_MS.
  db.pragma("busy_timeout = 0");
  db.pragma(`synchronous = ${setup.synchronous}`);
  db.pragma("foreign_keys = ON");
  // checkpoints are the checkpointer thread's job (connect.ts); none inside this thread's commits
  db.pragma("wal_autocheckpoint = 0");
  // statements by the number the event loop gave their SQL (messages arrive in order: the text comes first)
  const statements: import("better-sqlite3").Statement[] = [];
  const statement = (step: WireStep) => {
    if (step.sql !== undefined && statements[step.q] === undefined) statements[step.q] = db.prepare(step.sql);
    const s = statements[step.q];
    if (!s) throw new Error(`statement ${step.q} unknown to the writer thread`);
    return s;
  };
  const begin = db.prepare("BEGIN IMMEDIATE");
  const commit = db.prepare("COMMIT");
  const rollback = db.prepare("ROLLBACK");
  const savepoint = db.prepare("SAVEPOINT w");
  const release = db.prepare("RELEASE w");
  const rollbackTo = db.prepare("ROLLBACK TO w");
  /** One write inside the open transaction: "stored", "refused", or throws (its savepoint undone). */
  const runOne = (steps: WireStep[]): "stored" | "refused" => {
    savepoint.run();
    try {
      for (const step of steps) {
        const params = step.params.slice();
        if (step.deflateParam !== undefined) {
          params[step.deflateParam] = deflateRawSync(
            Buffer.from(String(params[step.deflateParam]), "utf8"),
            PACK_OPTIONS,
          );
        }
        const s = statement(step);
        if (step.expect === "noRow") {
          if (s.get(params) !== undefined) {
            rollbackTo.run();
            release.run();
            return "refused";
          }
        } else if (s.run(params).changes === 0 && step.expect === "changes") {
          rollbackTo.run();
          release.run();
          return "refused";
        }
      }
      release.run();
      return "stored";
    } catch (e) {
      if (db.inTransaction) {
        rollbackTo.run();
        release.run();
      }
      throw e;
    }
  };

  const pause = new Int32Array(new SharedArrayBuffer(4));
  const beginWrite = (): void => {
    const deadline = Date.now() + BUSY_LIMIT_MS;
    for (;;) {
      try {
        begin.run();
        return;
      } catch (e) {
        if ((e as { code?: string }).code !== "SQLITE_BUSY" || Date.now() > deadline) throw e;
        Atomics.wait(pause, 0, 0, 0.2);
      }
    }
  };
  return { db, statement, runOne, beginWrite, commit, rollback };
}

function threadMain(setup: Setup): void {
  const { db, statement, runOne, beginWrite, commit, rollback } = openConnection(setup);
  let commits = 0;
  let checker: WriteChecker | null = null;
  const contexts = new Map<number, unknown>();
  const reads = new Map<string, import("better-sqlite3").Statement>();
  const read: ThreadRead = (sql, params) => {
    let s = reads.get(sql);
    if (!s) reads.set(sql, (s = db.prepare(sql)));
    return s.all(params as unknown[]);
  };

  /** Runs the write's check (before the transaction): a verdict to send back, or undefined to write. */
  const checkFirst = (r: Request): unknown => {
    if (!r.check) return undefined;
    if (!checker) throw new Error("a write with a check reached the writer thread before its checker");
    if (!contexts.has(r.check.context)) throw new Error(`context ${r.check.context} unknown to the writer thread`);
    return checker.check(
      r.check.payload,
      contexts.get(r.check.context),
      r.steps.map((st) => st.params),
      read,
    );
  };

  const queue: Request[] = [];
  let scheduled = false;
  let stopping = false;

  const errorOf = (e: unknown) => ({
    message: e instanceof Error ? e.message : String(e),
    ...(typeof (e as { code?: unknown })?.code === "string" ? { code: (e as { code: string }).code } : {}),
  });

  const runBatch = (all: Request[]): void => {
    const replies: Reply[] = [];
    const send = (m: Replies): void => parentPort?.postMessage(m);
    // the checks first, outside the transaction (no write lock held meanwhile)
    const answered: Reply[] = [];
    const batch: Request[] = [];
    for (const r of all) {
      try {
        const verdict = checkFirst(r);
        if (verdict === undefined) batch.push(r);
        else answered.push({ id: r.id, verdict });
      } catch (e) {
        answered.push({ id: r.id, error: errorOf(e) });
      }
    }
    if (answered.length > 0) send({ replies: answered });
    if (batch.length === 0) return;
    const failAll = (e: unknown): void => send({ replies: batch.map((r) => ({ id: r.id, error: errorOf(e) })) });
    try {
      beginWrite();
    } catch (e) {
      failAll(e);
      return;
    }
    for (const r of batch) {
      try {
        replies.push({ id: r.id, outcome: runOne(r.steps) });
      } catch (e) {
        const code = (e as { code?: string }).code;
        // a unique key: another write took this id or revision first — the same as a failed condition
        if (code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "SQLITE_CONSTRAINT_UNIQUE")
          replies.push({ id: r.id, outcome: "refused" });
        else replies.push({ id: r.id, error: errorOf(e) });
        if (!db.inTransaction) {
          // SQLite rolled the whole transaction back (disk full, I/O error): nothing of this batch is stored
          for (const x of replies) if (x.outcome === "stored") x.outcome = undefined;
          for (const x of replies) if (!x.outcome && !x.error) x.error = errorOf(e);
          for (const rest of batch.slice(replies.length)) replies.push({ id: rest.id, error: errorOf(e) });
          send({ replies });
          return;
        }
      }
    }
    try {
      commit.run();
      commits++;
    } catch (e) {
      try {
        if (db.inTransaction) rollback.run();
      } catch {
        /* already rolled back */
      }
      failAll(e);
      return;
    }
    send({ replies, commits });
  };

  const drain = (): void => {
    scheduled = false;
    while (queue.length > 0) runBatch(queue.splice(0, MAX_BATCH));
    if (stopping) {
      db.close();
      parentPort?.close();
    }
  };

  parentPort?.on("message", (m: Request[] | Control) => {
    if (m === "stop") stopping = true;
    else if (Array.isArray(m))
      for (const r of m) {
        // a statement's text comes once, with the first write that uses it, whatever becomes of that write
        for (const st of r.steps) if (st.sql !== undefined) statement(st);
        queue.push(r);
      }
    else if ("checker" in m) {
      checker = require(m.checker) as WriteChecker;
      return;
    } else {
      contexts.set(m.context.version, m.context.data);
      for (const v of contexts.keys()) if (v < m.context.version - 3) contexts.delete(v);
      return;
    }
    if (!scheduled) {
      scheduled = true;
      // the messages already waiting are received before this runs: they share the commit
      setImmediate(drain);
    }
  });
}

if (!isMainThread && (workerData as Setup | null)?.chitieuWriterThread) threadMain(workerData as Setup);
