/**
 * The CPU one stored submission costs the endpoint's process (event loop and writer or check thread together), in
 * process, without HTTP or a load generator: `app.inject` posts first revisions of one unit's reports, month after
 * month and then the quarters, halves and years (so from the second period on each has its full history: 12
 * earlier months, 8 quarters and their months), `--concurrency` at a time, and `process.cpuUsage()` (every thread
 * of the process) is divided by the submissions stored, and so is the event loop's own CPU (the thread that limits
 * the burst, read from /proc). Best of `--rounds` rounds of `--count` submissions.
 *
 *   npx tsx bench/server/submit-cpu.ts [--dialect sqlite|postgres|both] [--count 600] [--rounds 5] [--concurrency 50]
 *
 * Why besides burst.ts: on a machine shared with other work the burst's server gets a fifth of a core, its 200
 * clients time out, and its CPU per submission moves by ±50 % from run to run. Here the batches (group commit,
 * batched reads) are the same on every run, and the best round is the least disturbed. It measures the submission
 * path's own cost (the framework's routing, the token check, the reads, the rules, the write), not HTTP parsing.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { buildApp } from "../../src/server/app";
import { freshBenchDb, numberArg, periodIds, prepare, runPerDialect, type Dialect } from "./_shared";

const argv = process.argv.slice(2);
const count = numberArg(argv, "--count", 600);
const rounds = numberArg(argv, "--rounds", 5);
const concurrency = numberArg(argv, "--concurrency", 50);

/** The event loop's own CPU so far, in 10 ms ticks (Linux: the main thread's task, whose id is the process id). */
function eventLoopTicks(): number {
  const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

async function run(dialect: Dialect): Promise<boolean> {
  const db = await freshBenchDb(dialect);
  // the burst's units (wards reporting all 43 targets, each with its token and a valid body): the next one when
  // the first has reported every period
  const units = (await prepare(db.config)).units;
  const app = await buildApp({ db: db.config, planYears: { from: 2026, to: 2105 }, referenceRefreshMs: 0 });
  await app.ready();
  try {
    const periods = periodIds(80);
    let next = 0;
    const post = async (): Promise<number> => {
      const unit = units[Math.floor(next / periods.length) % units.length]!;
      const period = periods[next++ % periods.length] as string;
      const res = await app.inject({
        method: "POST",
        url: "/api/v1/submissions",
        headers: { authorization: `Bearer ${unit.token}`, "content-type": "application/json" },
        payload: unit.template.replace("__ID__", randomUUID()).replace("__PERIOD__", period),
      });
      return res.statusCode;
    };
    // warm-up: the JIT, the statement caches, the first periods' history
    for (let i = 0; i < 200; i += concurrency) await Promise.all(Array.from({ length: concurrency }, post));
    let best = Infinity;
    let bestLoop = Infinity;
    let refused = 0;
    for (let round = 0; round < rounds; round++) {
      const c0 = process.cpuUsage();
      const loop0 = eventLoopTicks();
      let stored = 0;
      for (let i = 0; i < count; i += concurrency) {
        const statuses = await Promise.all(Array.from({ length: concurrency }, post));
        for (const s of statuses) if (s === 201) stored++;
      }
      const c = process.cpuUsage(c0);
      const loop = eventLoopTicks() - loop0;
      refused += count - stored;
      const ms = (c.user + c.system) / 1000 / stored;
      const loopMs = (loop * 10) / stored;
      if (ms < best) [best, bestLoop] = [ms, loopMs];
      console.log(
        `${dialect}: round ${round + 1}: ${ms.toFixed(3)} ms CPU per stored submission, ${loopMs.toFixed(3)} ms of it on the event loop (${stored} stored)`,
      );
    }
    console.log(
      `${dialect}: best of ${rounds}: ${best.toFixed(3)} ms CPU per stored submission, ${bestLoop.toFixed(3)} ms on the event loop`,
    );
    console.log(`server.${dialect}.inprocess_cpu_ms_per_submission=${best.toFixed(3)}`);
    console.log(`server.${dialect}.inprocess_event_loop_cpu_ms_per_submission=${bestLoop.toFixed(3)}`);
    return refused === 0;
  } finally {
    await app.close();
    await db.drop();
  }
}

runPerDialect(argv, run);
