/**
 * A helper thread's own young generation. `chitieu serve` starts its workers with `--max-semi-space-size=32` for the
 * event loop's request bursts (src/server/main.ts). That V8 flag is process-wide: it overrides a Worker's
 * `resourceLimits`, so every helper thread got the same 2 × 32 MB young generation, and the export thread, which
 * allocates fast, grew into all of it (heap statistics of the thread during four 30 MB exports: new space 64 MB of
 * a 100–110 MB heap).
 *
 * `startThread()` clears the flag while the thread's isolate is configured, so the thread's `resourceLimits` apply,
 * and sets it back once the thread is online. The event loop's heap was configured at start-up and keeps its size.
 */
import v8 from "node:v8";
import type { Worker } from "node:worker_threads";

/**
 * The young generation (MB) of the SQLite writer thread and the PostgreSQL check thread. Each job is one
 * submission's steps or figures (a few kB, up to ~200 kB with long texts), dead once answered; under the process's
 * flag each thread had grown a 2 × 8–32 MB new space that stayed resident after a burst.
 */
export const HELPER_THREAD_YOUNG_MB = 8;

/**
 * The SQLite writer thread's young generation (MB): it runs the rules of every submission of a deadline burst, and
 * with 8 MB it spent far more of its time in the garbage collector (a CPU profile of the burst: 32 % of the thread's
 * samples against 7 % at 631e026, when it had the process's 2 × 32 MB). In process (bench/server/submit-cpu.ts,
 * load 17–20): 1.80–2.05 ms CPU per stored submission at 8 MB, 1.52–1.59 ms at 48 MB, 1.46 ms at 631e026. The cost:
 * up to ~30 MB more resident after a burst (its new space grows to at most 2 × 16 MB); see bench/README.md.
 */
export const WRITER_THREAD_YOUNG_MB = 48;

/** The semi-space (MB) of a `chitieu serve` worker's event loop, unless the command line or NODE_OPTIONS sets one. */
export const WORKER_SEMI_SPACE_MB = 32;

/** The process's own `--max-semi-space-size` (MB) from its command line or NODE_OPTIONS; 0 (V8's default) if none. */
export function processSemiSpaceMb(execArgv = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ""): number {
  let mb = 0;
  for (const arg of [...nodeOptions.split(/\s+/), ...execArgv]) {
    const m = /^--max[-_]semi[-_]space[-_]size=(\d+)$/.exec(arg);
    if (m) mb = Number(m[1]);
  }
  return mb;
}

/**
 * The command-line flags of a `chitieu serve` worker: the primary's own, plus `--max-semi-space-size` at
 * WORKER_SEMI_SPACE_MB unless the operator set one on the command line or in NODE_OPTIONS (theirs wins).
 */
export function workerExecArgv(execArgv = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ""): string[] {
  return processSemiSpaceMb(execArgv, nodeOptions) > 0
    ? execArgv
    : [...execArgv, `--max-semi-space-size=${WORKER_SEMI_SPACE_MB}`];
}

/**
 * Start a Worker (`make` calls `new Worker(…)` with its `resourceLimits`) so that those limits, not the process's
 * semi-space flag, size its young generation.
 */
export function startThread(make: () => Worker): Worker {
  const inherited = processSemiSpaceMb();
  if (inherited === 0) return make();
  v8.setFlagsFromString("--max-semi-space-size=0");
  let worker: Worker;
  try {
    worker = make();
  } catch (e) {
    v8.setFlagsFromString(`--max-semi-space-size=${inherited}`);
    throw e;
  }
  // the thread's isolate is configured before it is online; a thread that never gets there restores it as well
  const restore = (): void => {
    worker.off("online", restore);
    worker.off("error", restore);
    worker.off("exit", restore);
    v8.setFlagsFromString(`--max-semi-space-size=${inherited}`);
  };
  worker.on("online", restore);
  worker.on("error", restore);
  worker.on("exit", restore);
  return worker;
}
