/**
 * Consolidation of workbook files, the library half of `chitieu consolidate` (the benchmarks use it too): each file is
 * read with the template reader, prepared by the domain (validated, compacted to a ~1 KB record) and dropped, on the
 * main thread or on bounded reading threads (consolidate-worker.ts), then merged in the order given.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import {
  defaultCatalog,
  createUnitRegistry,
  defaultUnitRegistry,
  defaultUnits,
  taskUnits,
  type Bilingual,
  type Catalog,
  type TaskRegister,
  type UnitRegistry,
} from "../domain";
import {
  createConsolidator,
  createPreparer,
  type ConsolidationResult,
  type FileRead,
  type PreparedFile,
} from "../domain/scorecard";
import { fileReadFailure, fileReadFrom } from "../workbook/consolidated";
import { readWorkbook } from "../workbook/xlsx/node-inflate";

const WORKBOOK_EXT = /\.(xlsx|xlsm|xls|ods)$/i;

interface Inputs {
  files: string[];
  /** Excel lock files (~$name.xlsx) and files that are not spreadsheets, found in folders: listed, not read */
  ignored: { file: string; reason: Bilingual }[];
  missing: string[];
}

/** Files as given, and spreadsheet files inside folders (recursively, in name order). */
export function collectInputs(args: string[], cwd: string, exclude: string[] = []): Inputs {
  const out: Inputs = { files: [], ignored: [], missing: [] };
  // the output of an earlier run, written into the folder being consolidated, is not a unit's report
  const seen = new Set<string>(exclude.map((f) => path.resolve(cwd, f)));
  const add = (f: string): void => {
    const real = path.resolve(f);
    if (!seen.has(real)) {
      seen.add(real);
      out.files.push(f);
    }
  };
  const walk = (dir: string): void => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.startsWith("~$"))
        out.ignored.push({ file: full, reason: { vi: "tệp khoá tạm của Excel", en: "an Excel lock file" } });
      else if (WORKBOOK_EXT.test(e.name)) add(full);
      else out.ignored.push({ file: full, reason: { vi: "không phải bảng tính", en: "not a spreadsheet" } });
    }
  };
  for (const a of args) {
    const full = path.resolve(cwd, a);
    let st: fs.Stats;
    try {
      st = fs.statSync(full);
    } catch {
      out.missing.push(a);
      continue;
    }
    if (st.isDirectory()) walk(full);
    else add(full);
  }
  return out;
}

export interface FileJob {
  path: string;
  /** the name shown to the planner */
  source: string;
}

export interface ConsolidateFilesOptions {
  period?: string;
  unitCodes?: string[];
  preferNewer?: boolean;
  includeDemo?: boolean;
  /** one bad figure rejects the whole file (default: figure by figure) */
  wholeFile?: boolean;
  /** the key-task register the files' task progress is checked against (see ConsolidateOptions.taskRegister) */
  taskRegister?: TaskRegister;
  /** worker threads; default one per core (up to 4) from 200 files on, else none */
  workers?: number;
  /** called once per file, in the order of `jobs` */
  onFile?: (source: string) => void;
  /** a reading thread ended (out of its bounded heap): its files are read again on the main thread */
  onThreadLost?: (error: unknown) => void;
  /** heap bounds of each reading thread (default READER_HEAP_LIMITS); null: unbounded */
  workerHeap?: { maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb: number } | null;
}

export interface WorkerSetup {
  chitieuConsolidate: true;
  period?: string;
  unitCodes?: string[];
  includeDemo?: boolean;
  wholeFile?: boolean;
  /** plain data: sent to each thread once */
  taskRegister?: TaskRegister;
}

/**
 * One read buffer per thread, grown to the largest file seen and reused: reading 10,000 files allocates no
 * 20 KB buffer per file for the collector to sweep. Safe because nothing read from a file outlives its
 * `prepare` (the record keeps numbers and copied texts only).
 */
let readBuffer = Buffer.alloc(256 * 1024);

/** The whole file into the thread's read buffer; returns the filled view and the file's modification time. */
function readIntoBuffer(file: string): { bytes: Buffer; mtime: Date } {
  const fd = fs.openSync(file, "r");
  try {
    const st = fs.fstatSync(fd);
    // a file larger than the reader accepts is still read whole: the reader refuses it with its own message
    if (st.size > readBuffer.length) readBuffer = Buffer.alloc(st.size);
    let n = 0;
    while (n < st.size) {
      const got = fs.readSync(fd, readBuffer, n, st.size - n, n);
      if (got === 0) break;
      n += got;
    }
    return { bytes: readBuffer.subarray(0, n), mtime: st.mtime };
  } finally {
    fs.closeSync(fd);
  }
}

/** Read one workbook with the template reader and prepare it for consolidation (validated, compacted). */
export function readAndPrepare(
  prepare: (f: FileRead) => PreparedFile,
  catalog: Catalog,
  units: UnitRegistry,
  job: FileJob,
): PreparedFile {
  let savedAt: string | null = null;
  try {
    const { bytes, mtime } = readIntoBuffer(job.path);
    savedAt = mtime.toISOString();
    return prepare(fileReadFrom(job.source, savedAt, readWorkbook(bytes, { catalog, units })));
  } catch (e) {
    return prepare(fileReadFailure(job.source, e));
  }
}

export function defaultWorkers(files: number): number {
  if (files < 200) return 0;
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  return Math.max(0, Math.min(cores, 4));
}

/**
 * A reading thread keeps nothing between files, so its heap is bounded: without a bound V8 lets each thread's heap
 * grow with the run (10,000 files: +70 MB of process memory, none of it live). A file too big to read within the
 * bound ends that thread (ERR_WORKER_OUT_OF_MEMORY); its files are then read on the main thread, unbounded.
 */
export const READER_HEAP_LIMITS = { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 4 };

function spawnWorker(data: WorkerSetup, resourceLimits: ConsolidateFilesOptions["workerHeap"]): Worker {
  const limits = resourceLimits ? { resourceLimits } : {};
  const entry = path.join(__dirname, `consolidate-worker${path.extname(__filename)}`);
  // from the TypeScript sources (tests, CHITIEU_FROM_SOURCE) the worker loads them through tsx, as bin/chitieu.js does
  if (__filename.endsWith(".ts")) {
    return new Worker(`require("tsx/cjs"); require(${JSON.stringify(entry)});`, {
      eval: true,
      workerData: data,
      ...limits,
    });
  }
  return new Worker(entry, { workerData: data, ...limits });
}

/**
 * Consolidate files: each is read, validated and reduced to a ~1 KB record, then dropped, so memory does not grow
 * with the workbooks. With workers, files are read in parallel and their records merged in the order of `jobs`
 * (at most 64 files ahead of the slowest), so the result is the same as reading them one by one.
 */
export async function consolidateFiles(
  jobs: FileJob[],
  opts: ConsolidateFilesOptions = {},
): Promise<ConsolidationResult> {
  const catalog = defaultCatalog();
  // with a task register, the city units it adds (to be confirmed) report on their tasks, as on the endpoint
  const units = opts.taskRegister ? createUnitRegistry([...defaultUnits(), ...taskUnits()]) : defaultUnitRegistry();
  const copts = {
    catalog,
    units,
    ...(opts.period ? { period: opts.period } : {}),
    ...(opts.unitCodes ? { unitCodes: opts.unitCodes } : {}),
    preferNewer: opts.preferNewer === true,
    includeDemo: opts.includeDemo === true,
    wholeFile: opts.wholeFile === true,
    ...(opts.taskRegister ? { taskRegister: opts.taskRegister } : {}),
  };
  const consolidator = createConsolidator(copts);
  const workers = Math.min(opts.workers ?? defaultWorkers(jobs.length), jobs.length);
  if (workers <= 0) {
    const prepare = createPreparer(copts);
    for (const job of jobs) {
      consolidator.addPrepared(readAndPrepare(prepare, catalog, units, job));
      opts.onFile?.(job.source);
    }
    return consolidator.finish();
  }
  const setup: WorkerSetup = {
    chitieuConsolidate: true,
    ...(opts.period ? { period: opts.period } : {}),
    ...(opts.unitCodes ? { unitCodes: opts.unitCodes } : {}),
    includeDemo: opts.includeDemo === true,
    wholeFile: opts.wholeFile === true,
    ...(opts.taskRegister ? { taskRegister: opts.taskRegister } : {}),
  };
  const AHEAD = 64;
  const heap = opts.workerHeap === undefined ? READER_HEAP_LIMITS : opts.workerHeap;
  let mainPrepare: ((f: FileRead) => PreparedFile) | null = null;
  /** a file a lost thread was reading, read again here */
  const readHere = (id: number): PreparedFile => {
    mainPrepare ??= createPreparer(copts);
    return readAndPrepare(mainPrepare, catalog, units, jobs[id]);
  };
  return new Promise<ConsolidationResult>((resolve, reject) => {
    const pool = Array.from({ length: workers }, () => spawnWorker(setup, heap));
    const alive = new Set(pool);
    const inFlight = new Map<Worker, Set<number>>(pool.map((w) => [w, new Set<number>()]));
    const idle: Worker[] = [];
    const done = new Map<number, PreparedFile>();
    let next = 0;
    let flushed = 0;
    let settled = false;
    const stop = (): void => {
      settled = true;
      for (const w of pool) void w.terminate();
    };
    const flush = (): boolean => {
      while (done.has(flushed)) {
        const p = done.get(flushed) as PreparedFile;
        // a record or verdict that came from a thread names its file with the job's own string, not a copy of it
        const source = jobs[flushed].source;
        p.verdict.source = source;
        if (p.held) p.held.source = source;
        consolidator.addPrepared(p);
        done.delete(flushed);
        opts.onFile?.(jobs[flushed].source);
        flushed++;
      }
      if (flushed === jobs.length) {
        stop();
        resolve(consolidator.finish());
        return true;
      }
      return false;
    };
    const feed = (w: Worker): void => {
      if (next < jobs.length && next - flushed < AHEAD) {
        inFlight.get(w)?.add(next);
        w.postMessage({ id: next, job: jobs[next] });
        next++;
      } else idle.push(w);
    };
    const feedIdle = (): void => {
      while (idle.length > 0 && next < jobs.length && next - flushed < AHEAD) feed(idle.shift() as Worker);
    };
    /** A thread ended (out of its heap, or crashed): its files are read here, and the rest too if none is left. */
    const lost = (w: Worker, error: unknown): void => {
      if (settled || !alive.delete(w)) return;
      const idleAt = idle.indexOf(w);
      if (idleAt >= 0) idle.splice(idleAt, 1);
      const outOfMemory = (error as { code?: string } | null)?.code === "ERR_WORKER_OUT_OF_MEMORY";
      if (!outOfMemory && error !== null) {
        stop();
        reject(error);
        return;
      }
      opts.onThreadLost?.(error);
      try {
        for (const id of inFlight.get(w) ?? []) done.set(id, readHere(id));
        inFlight.delete(w);
        if (alive.size === 0) while (next < jobs.length) done.set(next, readHere(next++));
      } catch (e) {
        stop();
        reject(e);
        return;
      }
      if (!flush()) feedIdle();
    };
    for (const w of pool) {
      w.on("message", (m: { id: number; prepared: PreparedFile }) => {
        inFlight.get(w)?.delete(m.id);
        done.set(m.id, m.prepared);
        if (flush()) return;
        feed(w);
        feedIdle();
      });
      w.on("error", (e) => lost(w, e));
      w.on("exit", () => lost(w, null));
    }
    // two files in flight per worker: one being read while the other's result travels back
    for (const w of pool) feed(w);
    for (const w of pool) feed(w);
  });
}
