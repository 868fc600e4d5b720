/**
 * A helper thread's young generation follows its own resourceLimits even when the process runs with
 * --max-semi-space-size (as `chitieu serve`'s workers do), and the process's flag is read from its command line and
 * NODE_OPTIONS.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { processSemiSpaceMb, WORKER_SEMI_SPACE_MB, workerExecArgv } from "../../src/server/services/thread-heap";

const HELPER = path.join(__dirname, "..", "..", "src", "server", "services", "thread-heap.ts");

// a thread that allocates fast (as the export thread does), then prints its new space's size in MB
const THREAD = `
const v8 = require("node:v8"); const keep = [];
for (let i = 0; i < 3000; i++) { const a = []; for (let j = 0; j < 2000; j++) a.push({ j, s: "x" + j });
  keep.push(a); if (keep.length > 20) keep.shift(); }
require("node:worker_threads").parentPort.postMessage(
  v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_size / 1048576);
`;

function threadNewSpaceMb(useHelper: boolean): number {
  const script = `
    const { Worker } = require("node:worker_threads");
    const { startThread } = require(${JSON.stringify(HELPER)});
    const make = () => new Worker(${JSON.stringify(THREAD)}, { eval: true, resourceLimits: { maxYoungGenerationSizeMb: 6 } });
    const w = ${useHelper ? "startThread(make)" : "make()"};
    w.on("message", (mb) => { console.log(mb); w.terminate(); });
  `;
  const out = execFileSync(process.execPath, ["--max-semi-space-size=32", "-r", "tsx/cjs", "-e", script], {
    encoding: "utf8",
    env: { ...process.env, NODE_OPTIONS: "" },
  });
  return Number(out.trim());
}

describe("thread-heap", () => {
  it("reads --max-semi-space-size from the command line, then NODE_OPTIONS, else 0", () => {
    expect(processSemiSpaceMb(["--max-semi-space-size=32"], "")).toBe(32);
    expect(processSemiSpaceMb([], "--max-old-space-size=512 --max_semi_space_size=16")).toBe(16);
    expect(processSemiSpaceMb(["--max-semi-space-size=8"], "--max-semi-space-size=16")).toBe(8);
    expect(processSemiSpaceMb(["--inspect"], "")).toBe(0);
  });

  it("gives a worker the default semi-space unless the command line or NODE_OPTIONS sets one", () => {
    expect(workerExecArgv(["--enable-source-maps"], "")).toEqual([
      "--enable-source-maps",
      `--max-semi-space-size=${WORKER_SEMI_SPACE_MB}`,
    ]);
    expect(workerExecArgv(["--max-semi-space-size=8"], "")).toEqual(["--max-semi-space-size=8"]);
    expect(workerExecArgv([], "--max-semi-space-size=24")).toEqual([]);
  });

  it("gives a thread its own small young generation under the process's --max-semi-space-size=32", () => {
    // without the helper the process-wide flag wins over resourceLimits: 2 × 32 MB
    expect(threadNewSpaceMb(false)).toBeGreaterThanOrEqual(32);
    expect(threadNewSpaceMb(true)).toBeLessThanOrEqual(8);
  }, 60_000);
});
