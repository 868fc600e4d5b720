/**
 * Deadline burst: 200 concurrent clients post distinct submissions (126 units reporting all 43 targets, a fresh
 * UUID each) to a real `chitieu serve` process, for SQLite and PostgreSQL. Prints submissions/s, p50 and p99 and
 * checks afterwards that every 2xx answer is one stored row.
 *
 *   npx tsx bench/server/burst.ts [--dialect sqlite|postgres|both] [--duration 10] [--connections 200] [--rate N]
 *                                 [--workers N|auto]   (processes of `chitieu serve --workers`; default 1)
 *
 * After the saturating run (closed loop: 200 clients that always wait for an answer, so the mean latency is
 * 200 / throughput whatever the server does), submissions arrive evenly at the goal's rate (or --rate), open loop,
 * and the latency at that arrival rate is printed too; then a line says which goals were met.
 *
 * CHITIEU_BENCH_SERVER_NODE_OPTIONS is passed to the server process as NODE_OPTIONS (e.g. `--require ./profile-hook.js`
 * to record a CPU profile of the server under the burst).
 *
 * Goal on the 2-core development machine: ≥ 2,000/s SQLite, ≥ 1,000/s PostgreSQL, p99 ≤ 50 ms. The load generator
 * runs on the same two cores as the server.
 */
import fs from "node:fs";
import http from "node:http";
import autocannon from "autocannon";
import {
  countRows,
  cpuSeconds,
  freePort,
  freshBenchDb,
  GOAL,
  numberArg,
  periodIds,
  postSubmission,
  prepare,
  runPerDialect,
  startServerProcess,
  stopServerProcess,
  submissionStream,
  type Dialect,
  type Run,
  summarise,
  pacedClient,
} from "./_shared";

const argv = process.argv.slice(2);
const duration = numberArg(argv, "--duration", 10);
const connections = numberArg(argv, "--connections", 200);
const warmup = numberArg(argv, "--warmup", 3);
const workers = argv.includes("--workers") ? String(argv[argv.indexOf("--workers") + 1]) : "1";
const rateArg = argv.includes("--rate") ? numberArg(argv, "--rate", 0) : undefined;

function fire(url: string, next: ReturnType<typeof submissionStream>, seconds: number, rate?: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        pipelining: 1,
        timeout: 10,
        ...(rate ? { overallRate: rate } : {}),
        requests: [
          {
            method: "POST",
            path: "/api/v1/submissions",
            setupRequest: (req) => {
              const s = next();
              return {
                ...req,
                headers: {
                  "content-type": "application/json",
                  authorization: `Bearer ${s.unit.token}`,
                  "x-chitieu-client": "bench/burst",
                },
                body: s.body,
              };
            },
          },
        ],
      },
      (err, result) => {
        if (err) return reject(err);
        const ok = result["2xx"];
        resolve({
          requests: result.requests.total,
          ok,
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          perSecond: ok / seconds,
          p50: result.latency.p50,
          p90: result.latency.p90,
          p99: result.latency.p99,
          max: result.latency.max,
        });
      },
    );
    autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
  });
}

/**
 * The same closed loop with Node's own HTTP client (one keep-alive socket per client): a cross-check of
 * autocannon's latency distribution, whose tail under overload comes from the load generator (see README).
 */
async function nodeClient(port: number, next: ReturnType<typeof submissionStream>, seconds: number): Promise<Run> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let errors = 0;
  let running = true;
  const timer = setTimeout(() => (running = false), seconds * 1000);
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (running) {
        const s = next();
        const t0 = performance.now();
        const status = await postSubmission(agent, port, s.unit.token, s.body);
        if (status === 201) latencies.push(performance.now() - t0);
        else errors++;
      }
    }),
  );
  clearTimeout(timer);
  agent.destroy();
  return summarise(latencies, errors, latencies.length + errors, seconds);
}

async function runDialect(dialect: Dialect): Promise<boolean> {
  const db = await freshBenchDb(dialect);
  const p = await prepare(db.config);
  const port = await freePort();
  const server = await startServerProcess(
    db,
    port,
    process.env.CHITIEU_BENCH_SERVER_NODE_OPTIONS
      ? { NODE_OPTIONS: process.env.CHITIEU_BENCH_SERVER_NODE_OPTIONS }
      : {},
    ["--workers", workers],
  );
  // metric names carry the process count when it is not 1: server.sqlite.submissions_per_s, server.sqlite_w2.…
  const key = workers === "1" ? dialect : `${dialect}_w${workers}`;
  try {
    const periods = periodIds(80);
    console.log(
      `${dialect}: ${workers} server process(es), ${p.units.length} units × ${p.targets} targets (${p.figures} figures, ${p.bodyBytes} bytes a body), ${connections} connections, ${duration} s after a ${warmup} s warm-up`,
    );
    const next = submissionStream(p, periods);
    const pause = () => new Promise((r) => setTimeout(r, 1000));
    // Node's own client first, while this process has run no autocannon yet: under overload an autocannon instance
    // that has just finished keeps this process busy long enough to delay the next run's first requests by seconds
    if (warmup > 0) await nodeClient(port, next, warmup);
    const own = await nodeClient(port, next, duration);
    console.log(
      `${dialect}: Node's http client, ${connections} keep-alive clients: ${own.perSecond.toFixed(0)} submissions/s, p50 ${own.p50} ms, p90 ${own.p90} ms, p99 ${own.p99} ms, max ${own.max} ms, ${own.non2xx} refused`,
    );
    console.log(`server.${key}.node_client_submissions_per_s=${own.perSecond.toFixed(0)}`);
    console.log(`server.${key}.node_client_p50_ms=${own.p50}`);
    console.log(`server.${key}.node_client_p99_ms=${own.p99}`);
    await pause();
    const before = await countRows(db.config);
    const cpu0 = cpuSeconds(server.child.pid as number);
    const self0 = process.cpuUsage();
    // SQLite: the largest the write-ahead log got during the run (the checkpointer keeps it near 16 MB)
    let walPeak = 0;
    const wal = db.config.sqlitePath ? `${db.config.sqlitePath}-wal` : null;
    const walTimer = wal
      ? setInterval(() => {
          try {
            walPeak = Math.max(walPeak, fs.statSync(wal).size);
          } catch {
            /* not created yet */
          }
        }, 100)
      : null;
    const r = await fire(server.url, next, duration);
    if (walTimer) clearInterval(walTimer);
    const self = process.cpuUsage(self0);
    const cpu1 = cpuSeconds(server.child.pid as number);
    const after = await countRows(db.config);
    const stored = after.submissions - before.submissions;
    console.log(
      `${dialect}: ${r.perSecond.toFixed(0)} submissions/s, p50 ${r.p50} ms, p90 ${r.p90} ms, p99 ${r.p99} ms, max ${r.max} ms; ` +
        `${r.ok} stored answers, ${r.non2xx} refused, ${r.errors} errors (${r.timeouts} timeouts); rows added ${stored}`,
    );
    // CPU time of the server process per stored submission: what the load of other programs on the machine
    // does not change much (wall-clock figures above depend on it)
    const cpuMs = cpu0 !== null && cpu1 !== null && r.ok > 0 ? ((cpu1 - cpu0) * 1000) / r.ok : null;
    if (cpuMs !== null)
      console.log(
        `${dialect}: server CPU ${cpuMs.toFixed(2)} ms per submission (the ceiling on one core: ${(1000 / cpuMs).toFixed(0)}/s)`,
      );
    console.log(
      `${dialect}: CPU use during the run — server ${cpu0 !== null && cpu1 !== null ? (((cpu1 - cpu0) / duration) * 100).toFixed(0) : "?"}% of a core, load generator ${(((self.user + self.system) / 1e6 / duration) * 100).toFixed(0)}%`,
    );
    if (wal) {
      console.log(`${dialect}: write-ahead log at most ${(walPeak / 1048576).toFixed(0)} MB during the run`);
      console.log(`server.${key}.wal_peak_mb=${(walPeak / 1048576).toFixed(1)}`);
    }
    console.log(`server.${key}.submissions_per_s=${r.perSecond.toFixed(0)}`);
    if (cpuMs !== null) console.log(`server.${key}.server_cpu_ms_per_submission=${cpuMs.toFixed(3)}`);
    console.log(`server.${key}.p50_ms=${r.p50}`);
    console.log(`server.${key}.p99_ms=${r.p99}`);
    console.log(`server.${key}.refused=${r.non2xx + r.errors}`);
    console.log(`server.${key}.figures_per_submission=${p.figures}`);
    // Closed loop, 200 clients always waiting: the mean latency is 200 / throughput (Little's law) whatever the
    // server does. Latency at a given arrival rate below capacity says more: the same 200 clients, throttled.
    const rate = Math.max(50, Math.round(rateArg ?? GOAL[dialect]));
    await pause();
    const pacedCpu0 = cpuSeconds(server.child.pid as number);
    const paced = await pacedClient(server.port, next, duration, rate, connections);
    const pacedCpu1 = cpuSeconds(server.child.pid as number);
    console.log(
      `${dialect}: at ${rate} submissions/s arriving evenly (open loop, up to ${connections} connections): ${paced.perSecond.toFixed(0)}/s stored, p50 ${paced.p50} ms, p90 ${paced.p90} ms, p99 ${paced.p99} ms, max ${paced.max} ms`,
    );
    console.log(`server.${key}.paced_rate=${rate}`);
    // below saturation the server's batches (group commit, batched reads) are alike from run to run, so this CPU
    // figure moves less with the machine's load than the saturating run's
    if (pacedCpu0 !== null && pacedCpu1 !== null && paced.ok > 0) {
      const pacedCpuMs = ((pacedCpu1 - pacedCpu0) * 1000) / paced.ok;
      console.log(`${dialect}: server CPU ${pacedCpuMs.toFixed(2)} ms per submission at ${rate}/s arriving`);
      console.log(`server.${key}.paced_server_cpu_ms_per_submission=${pacedCpuMs.toFixed(3)}`);
    }
    console.log(`server.${key}.paced_p50_ms=${paced.p50}`);
    console.log(`server.${key}.paced_p99_ms=${paced.p99}`);
    const verdict = (met: boolean) => (met ? "met" : "NOT met");
    console.log(
      `${dialect}: goals — ≥ ${GOAL[dialect]}/s: ${verdict(r.perSecond >= GOAL[dialect])} (${r.perSecond.toFixed(0)}/s); ` +
        (rate === GOAL[dialect]
          ? `p99 ≤ 50 ms at ${rate}/s arriving: ${verdict(paced.p99 <= 50)} (${paced.p99} ms); `
          : "") +
        `p99 ≤ 50 ms with ${connections} clients always waiting: ${verdict(r.p99 <= 50)} (${r.p99} ms; their mean wait is ${connections} ÷ throughput, so it needs ≥ ${Math.round(connections / 0.05)}/s)`,
    );
    // every acknowledged submission is a row; beyond those only the requests in flight when the run stopped (at most
    // one per client) and those whose answer timed out may have been stored
    const consistent = stored >= r.ok && stored <= r.ok + connections + r.errors;
    if (!consistent) console.log(`✖ ${dialect}: ${stored} rows for ${r.ok} acknowledged submissions`);
    return consistent && r.non2xx === 0 && own.non2xx === 0 && paced.non2xx === 0;
  } finally {
    await stopServerProcess(server);
    await db.drop();
  }
}

runPerDialect(argv, runDialect);
