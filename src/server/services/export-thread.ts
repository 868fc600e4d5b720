/**
 * The CPU work of the consolidation exports on a thread of its own: inflating and parsing each unit's stored
 * revision, and writing its CSV lines, JSON or DHIS2 values. The event loop only hands over the stored bytes and
 * writes the answers to the socket, so four 30 MB exports at once leave it free for /health and submissions.
 *
 * One thread for every export of the process, started on the first export and unref'd while idle. If it fails,
 * each job runs on the event loop instead (the same function), so an export never fails because of the thread.
 */
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import type { ParsedEntry, Target } from "../../domain/types";
import { csvUnitLines, dhis2Values, matrixRow, type IncludedUnit, type MatrixRow } from "./export-format";
import { unpackContent } from "./content";
import { startThread } from "./thread-heap";

export type ExportFormat = "json" | "csv" | "dhis2";

export type Job =
  | { kind: "sums"; content: Uint8Array }
  | { kind: "chunk"; format: ExportFormat; unit: IncludedUnit; targets: Target[]; pe: string };

/**
 * The thread's young generation. One job at a time allocates a unit's unpacked text and its answer (~1–2 MB), all
 * dead when the job ends; a larger young generation only kept more of it resident (see thread-heap.ts).
 */
const EXPORT_THREAD_YOUNG_MB = 8;

type Schemas = typeof import("../../api/planner");
let matrixRowSchema: Schemas["ConsolidationResponse"]["shape"]["matrix"]["element"] | undefined;

/**
 * A matrix row as the response schema encodes it. The API's zod schemas are loaded on the first JSON job only: zod
 * is most of what this thread's heap would otherwise hold (11 of 17 MB), and CSV and DHIS2 exports never need it.
 */
function encodeMatrixRow(row: MatrixRow): unknown {
  matrixRowSchema ??= (require("../../api/planner") as Schemas).ConsolidationResponse.shape.matrix.element;
  return matrixRowSchema.encode(row);
}

/**
 * A unit's figures without their text, for the city sums ("sums"); or its part of an export as UTF-8 ("chunk": the
 * CSV lines, the JSON matrix row, or the DHIS2 values without the enclosing brackets; empty when it has none).
 */
export function runJob(job: Job): ParsedEntry[] | Uint8Array {
  if (job.kind === "sums") {
    return unpackContent(job.content).parsed.map((e) => ({
      ...e,
      justification: null,
      evidence: null,
      responsible: null,
    }));
  }
  const row = matrixRow(job.unit);
  let text: string;
  if (job.format === "csv") text = csvUnitLines(row, new Map(job.targets.map((t) => [t.id, t])));
  else if (job.format === "dhis2") text = JSON.stringify(dhis2Values(row, job.pe)).slice(1, -1);
  else text = JSON.stringify(encodeMatrixRow(row));
  // its own ArrayBuffer (never a slice of Buffer's shared pool), so the thread can hand it over without a copy
  return UTF8.encode(text);
}

const UTF8 = new TextEncoder();

interface Answer {
  id: number;
  result?: ParsedEntry[] | Uint8Array;
  error?: string;
}

class ExportThread {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (a: unknown) => void; reject: (e: Error) => void }>();
  #next = 1;
  failed = false;

  constructor() {
    const options = {
      workerData: { chitieuExportThread: true },
      resourceLimits: { maxYoungGenerationSizeMb: EXPORT_THREAD_YOUNG_MB },
    };
    this.#worker = startThread(() =>
      __filename.endsWith(".ts")
        ? new Worker(`require("tsx/cjs"); require(${JSON.stringify(__filename)});`, { ...options, eval: true })
        : new Worker(__filename, options),
    );
    this.#worker.unref();
    this.#worker.on("message", (a: Answer) => {
      const p = this.#pending.get(a.id);
      if (!p) return;
      this.#pending.delete(a.id);
      if (a.error !== undefined) p.reject(new Error(a.error));
      else p.resolve(a.result);
      if (this.#pending.size === 0) this.#worker.unref();
    });
    const fail = (e: Error): void => {
      this.failed = true;
      for (const p of this.#pending.values()) p.reject(e);
      this.#pending.clear();
    };
    this.#worker.on("error", fail);
    this.#worker.on("exit", (code) => fail(new Error(`the export thread stopped (exit code ${code})`)));
  }

  run(job: Job): Promise<unknown> {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      if (this.#pending.size === 1) this.#worker.ref();
      this.#worker.postMessage({ id, job });
    });
  }
}

let thread: ExportThread | null = null;

type JobResult<J extends Job> = J extends { kind: "sums" } ? ParsedEntry[] : Uint8Array;

/** Run a job on the export thread; on the event loop when the thread cannot run it. */
export async function onExportThread<J extends Job>(job: J): Promise<JobResult<J>> {
  try {
    thread ??= new ExportThread();
    if (!thread.failed) return (await thread.run(job)) as JobResult<J>;
  } catch {
    // the thread could not start or stopped: this job, and the ones after it, run on the event loop
  }
  return runJob(job) as JobResult<J>;
}

if (!isMainThread && (workerData as { chitieuExportThread?: boolean } | null)?.chitieuExportThread) {
  parentPort?.on("message", (m: { id: number; job: Job }) => {
    let answer: Answer;
    try {
      answer = { id: m.id, result: runJob(m.job) };
    } catch (e) {
      answer = { id: m.id, error: e instanceof Error ? e.message : String(e) };
    }
    // the answer's bytes move to the event loop (transferred, not copied): the thread keeps no copy of a 30 MB export
    const moved = answer.result instanceof Uint8Array ? [answer.result.buffer as ArrayBuffer] : [];
    parentPort?.postMessage(answer, moved);
  });
}
