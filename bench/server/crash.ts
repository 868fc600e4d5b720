/**
 * Crash run and retry storm, for SQLite and PostgreSQL, against real `chitieu serve` processes.
 *
 *  1. Crash run: senders post distinct submissions while the server is killed with SIGKILL (kill -9) several times
 *     mid-burst and started again on the same database. Afterwards every submission that got a 2xx answer must be
 *     stored, exactly once.
 *  2. Retry storm: every submission ever attempted (answered or cut off by a kill) is sent 5 more times, all at
 *     once. Each must be answered 200/201, and the database must then hold exactly one row per submission.
 *
 *   npx tsx bench/server/crash.ts [--dialect sqlite|postgres|both] [--kills 5] [--senders 64]
 */
import http from "node:http";
import {
  countRows,
  freePort,
  freshBenchDb,
  numberArg,
  periodIds,
  postSubmission,
  prepare,
  runPerDialect,
  startServerProcess,
  stopServerProcess,
  submissionStream,
  type Dialect,
} from "./_shared";

const argv = process.argv.slice(2);
const kills = numberArg(argv, "--kills", 5);
const senders = numberArg(argv, "--senders", 64);

interface Attempt {
  id: string;
  token: string;
  body: string;
  acked: boolean;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

async function runDialect(dialect: Dialect): Promise<boolean> {
  const db = await freshBenchDb(dialect);
  const p = await prepare(db.config);
  const next = submissionStream(p, periodIds(80));
  const attempts: Attempt[] = [];
  let refused = 0;
  try {
    // 1. crash run
    for (let round = 0; round < kills; round++) {
      const port = await freePort();
      const server = await startServerProcess(db, port);
      const agent = new http.Agent({ keepAlive: true, maxSockets: senders });
      let running = true;
      const loops = Array.from({ length: senders }, async () => {
        while (running) {
          const s = next();
          const a: Attempt = { id: s.id, token: s.unit.token, body: s.body, acked: false };
          attempts.push(a);
          const status = await postSubmission(agent, port, a.token, a.body);
          if (status === 200 || status === 201) a.acked = true;
          else if (status !== 0) refused++;
          else if (!running) break;
        }
      });
      await sleep(800 + Math.random() * 1200);
      server.child.kill("SIGKILL");
      await new Promise((r) => server.child.once("exit", r));
      running = false;
      await Promise.all(loops);
      agent.destroy();
      const acked = attempts.filter((a) => a.acked).length;
      console.log(`${dialect}: kill -9 #${round + 1} — ${attempts.length} attempted, ${acked} acknowledged so far`);
    }

    const port = await freePort();
    const server = await startServerProcess(db, port);
    try {
      const ids = attempts.map((a) => a.id);
      const after = await countRows(db.config, ids);
      const acked = attempts.filter((a) => a.acked);
      const lost = acked.filter((a) => after.found.get(a.id) !== 1).length;
      const duplicates = [...after.found.values()].filter((n) => n > 1).length;
      const unackedStored = attempts.filter((a) => !a.acked && after.found.get(a.id) === 1).length;
      console.log(
        `${dialect}: after ${kills} kills: ${acked.length} acknowledged, ${lost} of them missing, ${duplicates} duplicated; ` +
          `${unackedStored} stored whose answer the kill cut off; ${after.submissions} rows`,
      );

      // 2. retry storm: every attempt 5 more times, concurrently
      const agent = new http.Agent({ keepAlive: true, maxSockets: senders });
      const queue: Attempt[] = [];
      for (const a of attempts) for (let i = 0; i < 5; i++) queue.push(a);
      for (let i = queue.length - 1; i > 0; i--) {
        const j = Math.floor(Math.random() * (i + 1));
        [queue[i], queue[j]] = [queue[j] as Attempt, queue[i] as Attempt];
      }
      const statuses = new Map<number, number>();
      const t0 = Date.now();
      let k = 0;
      await Promise.all(
        Array.from({ length: senders }, async () => {
          while (k < queue.length) {
            const a = queue[k++] as Attempt;
            const status = await postSubmission(agent, port, a.token, a.body);
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
          }
        }),
      );
      agent.destroy();
      const seconds = (Date.now() - t0) / 1000;
      const final = await countRows(db.config, ids);
      const missing = ids.filter((id) => final.found.get(id) !== 1).length;
      const storm = `${queue.length} requests in ${seconds.toFixed(1)} s, answers ${JSON.stringify(Object.fromEntries(statuses))}`;
      console.log(
        `${dialect}: retry storm (each submission 5 times): ${storm}; ${final.submissions} rows for ${ids.length} submissions, ${missing} missing`,
      );

      console.log(`server.${dialect}.crash_kills=${kills}`);
      console.log(`server.${dialect}.crash_acknowledged=${acked.length}`);
      console.log(`server.${dialect}.crash_acknowledged_lost=${lost}`);
      console.log(`server.${dialect}.crash_duplicates=${duplicates}`);
      console.log(`server.${dialect}.retry_storm_requests=${queue.length}`);
      console.log(`server.${dialect}.retry_storm_rows_per_submission=${(final.submissions / ids.length).toFixed(3)}`);
      const ok =
        lost === 0 &&
        duplicates === 0 &&
        refused === 0 &&
        missing === 0 &&
        final.submissions === ids.length &&
        [...statuses.keys()].every((s) => s === 200 || s === 201);
      if (!ok) console.log(`✖ ${dialect}: crash/retry guarantees broken (refused during the crash run: ${refused})`);
      return ok;
    } finally {
      await stopServerProcess(server);
    }
  } finally {
    await db.drop();
  }
}

runPerDialect(argv, runDialect);
