/**
 * The rules and the compression of a submission on a thread of their own, for the engines whose writes do not go
 * through the SQLite writer thread (PostgreSQL). Under a deadline burst the event loop is what limits the endpoint;
 * validate(), the stored text and its deflate are a fifth of its work per submission and need nothing from it but
 * data. The same checker module as on the SQLite writer thread runs here (submission-check.ts), with the same
 * numbered reference contexts, so the answer is the one the event loop's own validate() would give.
 *
 * Checks asked for in one turn of the event loop cross in one message, and their answers come back in one.
 */
import { deflateRawSync } from "node:zlib";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { HELPER_THREAD_YOUNG_MB, startThread } from "../services/thread-heap";
import { PACK_OPTIONS, type CheckSlots, type StepParam, type WriteChecker } from "./writer-thread";

/** A check's answer: the rules' verdict (nothing to store), or the flows and the deflated stored content. */
export type CheckAnswer = { verdict: unknown } | { flows: string; figures: string; content: Uint8Array; hash: string };

interface Job {
  id: number;
  context: number;
  payload: unknown;
}
type Control = { checker: string } | { context: { version: number; data: unknown } };
interface Answer {
  id: number;
  verdict?: unknown;
  flows?: string;
  figures?: string;
  content?: Uint8Array;
  hash?: string;
  error?: string;
}

export class CheckThread {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (a: CheckAnswer) => void; reject: (e: Error) => void }>();
  #next = 1;
  #outbox: Job[] = [];
  #failed: Error | null = null;
  /** checks answered (for the tests and benchmarks) */
  readonly stats = { checked: 0, verdicts: 0 };

  constructor() {
    const setup = { chitieuCheckThread: true };
    // its own small young generation, not the event loop's 2 × 32 MB (services/thread-heap.ts)
    const options = { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: HELPER_THREAD_YOUNG_MB } };
    this.#worker = startThread(() =>
      __filename.endsWith(".ts")
        ? new Worker(`require("tsx/cjs"); require(${JSON.stringify(__filename)});`, { ...options, eval: true })
        : new Worker(__filename, options),
    );
    this.#worker.unref();
    this.#worker.on("message", (answers: Answer[]) => {
      for (const a of answers) {
        const p = this.#pending.get(a.id);
        if (!p) continue;
        this.#pending.delete(a.id);
        this.stats.checked++;
        if (a.error !== undefined) p.reject(new Error(a.error));
        else if (a.verdict !== undefined) {
          this.stats.verdicts++;
          p.resolve({ verdict: a.verdict });
        } else
          p.resolve({
            flows: a.flows as string,
            figures: a.figures as string,
            content: a.content as Uint8Array,
            hash: a.hash as string,
          });
      }
      if (this.#pending.size === 0) this.#worker.unref();
    });
    const fail = (e: Error): void => {
      this.#failed ??= e;
      for (const p of this.#pending.values()) p.reject(e);
      this.#pending.clear();
    };
    this.#worker.on("error", fail);
    this.#worker.on("exit", (code) => fail(new Error(`the check thread stopped (exit code ${code})`)));
  }

  /** False once the thread failed: callers then check on the event loop. */
  get available(): boolean {
    return this.#failed === null;
  }

  useChecker(modulePath: string): void {
    this.#worker.postMessage({ checker: modulePath } satisfies Control);
  }

  setContext(version: number, data: unknown): void {
    this.#handOver();
    this.#worker.postMessage({ context: { version, data } } satisfies Control);
  }

  check(context: number, payload: unknown): Promise<CheckAnswer> {
    if (this.#failed) return Promise.reject(this.#failed);
    const id = this.#next++;
    return new Promise<CheckAnswer>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      if (this.#pending.size === 1) this.#worker.ref();
      if (this.#outbox.length === 0) setImmediate(() => this.#handOver());
      this.#outbox.push({ id, context, payload });
    });
  }

  #handOver(): void {
    const jobs = this.#outbox;
    this.#outbox = [];
    if (jobs.length > 0) this.#worker.postMessage(jobs);
  }

  async close(): Promise<void> {
    this.#failed ??= new Error("the check thread is closed");
    await this.#worker.terminate();
  }
}

/**
 * Where the checker puts the flows, the stored text, the hash and the figures here: one parameter list
 * [flows, text, hash, figures].
 */
export const CHECK_SLOTS: CheckSlots = {
  flowsAt: [[0, 0]],
  contentAt: [0, 1],
  hashAt: [0, 2],
  figuresAt: [[0, 3]],
};

function threadMain(): void {
  let checker: WriteChecker | null = null;
  const contexts = new Map<number, unknown>();
  const run = (job: Job): Answer => {
    try {
      if (!checker) throw new Error("a check reached the check thread before its checker");
      if (!contexts.has(job.context)) throw new Error(`context ${job.context} unknown to the check thread`);
      const params: StepParam[][] = [[null, null, null, null]];
      const verdict = checker.check(job.payload, contexts.get(job.context), params);
      if (verdict !== undefined) return { id: job.id, verdict };
      const [flows, text, hash, figures] = params[0] as [string, string, string, string];
      return { id: job.id, flows, figures, hash, content: deflateRawSync(Buffer.from(text, "utf8"), PACK_OPTIONS) };
    } catch (e) {
      return { id: job.id, error: e instanceof Error ? e.message : String(e) };
    }
  };
  parentPort?.on("message", (m: Job[] | Control) => {
    if (Array.isArray(m)) {
      // copied, not transferred: a small Buffer may share its memory with others (Node's pool)
      parentPort?.postMessage(m.map(run));
    } else if ("checker" in m) checker = require(m.checker) as WriteChecker;
    else {
      contexts.set(m.context.version, m.context.data);
      for (const v of contexts.keys()) if (v < m.context.version - 3) contexts.delete(v);
    }
  });
}

if (!isMainThread && (workerData as { chitieuCheckThread?: boolean } | null)?.chitieuCheckThread) threadMain();
