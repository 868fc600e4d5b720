/**
 * Latency at the deadline's arrival rates: submissions arrive evenly at each rate in turn (open loop, on up to 200
 * keep-alive connections), each latency counted from when its request was due, against a real `chitieu serve`
 * process on a fresh database. Prints p50/p90/p99/max and the CPU the server used at each rate.
 *
 *   npx tsx bench/server/latency.ts [--dialect sqlite|postgres|both] [--workers N|auto] [--rates 1000,2000]
 *                                   [--duration 8] [--connections 200]
 *
 * The goal rates are the issue's: 2,000 submissions/s on SQLite and 1,000/s on PostgreSQL with p99 ≤ 50 ms. A
 * closed loop of 200 clients that always wait (burst.ts) cannot show that at any server speed below 4,000/s: its
 * mean latency is 200 ÷ throughput (Little's law).
 */
import {
  cpuSeconds,
  freePort,
  freshBenchDb,
  GOAL,
  numberArg,
  pacedClient,
  periodIds,
  prepare,
  runPerDialect,
  startServerProcess,
  stopServerProcess,
  submissionStream,
  type Dialect,
} from "./_shared";

const argv = process.argv.slice(2);
const duration = numberArg(argv, "--duration", 8);
const connections = numberArg(argv, "--connections", 200);
const workers = argv.includes("--workers") ? String(argv[argv.indexOf("--workers") + 1]) : "1";
const ratesArg = argv.includes("--rates") ? String(argv[argv.indexOf("--rates") + 1]) : null;

async function runDialect(dialect: Dialect): Promise<boolean> {
  const rates = ratesArg ? ratesArg.split(",").map(Number) : [GOAL[dialect] / 2, GOAL[dialect]];
  const db = await freshBenchDb(dialect);
  const p = await prepare(db.config);
  const port = await freePort();
  const env: Record<string, string> = process.env.CHITIEU_BENCH_SERVER_NODE_OPTIONS
    ? { NODE_OPTIONS: process.env.CHITIEU_BENCH_SERVER_NODE_OPTIONS }
    : {};
  const server = await startServerProcess(db, port, env, ["--workers", workers]);
  const key = workers === "1" ? dialect : `${dialect}_w${workers}`;
  let ok = true;
  try {
    const next = submissionStream(p, periodIds(80));
    console.log(
      `${dialect}: ${workers} server process(es), ${p.bodyBytes}-byte bodies, ${connections} connections, ${duration} s per rate`,
    );
    await pacedClient(server.port, next, 5, Math.min(...rates), connections); // warm-up (the JIT, the caches)
    for (const rate of rates) {
      const cpu0 = cpuSeconds(server.child.pid as number);
      const r = await pacedClient(server.port, next, duration, rate, connections);
      const cpu1 = cpuSeconds(server.child.pid as number);
      const share = cpu0 !== null && cpu1 !== null ? `${(((cpu1 - cpu0) / duration) * 100).toFixed(0)}%` : "?";
      const goal = rate === GOAL[dialect] ? (r.p99 <= 50 ? " — goal met (p99 ≤ 50 ms)" : " — goal NOT met") : "";
      console.log(
        `${dialect}: ${rate}/s arriving: ${r.perSecond.toFixed(0)}/s stored, p50 ${r.p50} ms, p90 ${r.p90} ms, p99 ${r.p99} ms, max ${r.max} ms, ${r.non2xx} refused; server CPU ${share} of a core${goal}`,
      );
      console.log(`server.${key}.at_${rate}_p50_ms=${r.p50}`);
      console.log(`server.${key}.at_${rate}_p99_ms=${r.p99}`);
      if (r.non2xx > 0) ok = false;
      await new Promise((res) => setTimeout(res, 500));
    }
  } finally {
    await stopServerProcess(server);
    await db.drop();
  }
  return ok;
}

runPerDialect(argv, runDialect);
