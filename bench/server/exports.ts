/**
 * Large consolidation exports against a real `chitieu serve` process: 126 wards and communes each submit a report
 * whose every row carries long Vietnamese justification and evidence text (a ~30 MB CSV export for the period),
 * then four planners download the export at once while /health/live is probed every few milliseconds.
 *
 *   npx tsx bench/server/exports.ts [--dialect sqlite|postgres|both] [--format csv|json|dhis2] [--clients 4]
 *                                   [--chars 2600] [--probe-ms 5]
 *
 * Prints the export size, each export's seconds, the p50/p99/max wait of /health/live while the exports ran, the
 * peak RSS of the worker process (the largest process of the server's tree, sampled every 20 ms) and whether the
 * issue's goals were met: /health p99 ≤ 50 ms and the worker under 300 MB. With CHITIEU_BENCH_SMAPS=1 it also prints,
 * once seeding is done, the worker's resident memory by mapping (anonymous, node's code, glibc's heap, …).
 */
import fs from "node:fs";
import http from "node:http";
import { randomUUID } from "node:crypto";
import { connect } from "../../src/server/db/connect";
import { issueToken } from "../../src/server/services/token-admin";
import { DEV_PEPPER } from "../../src/server/tokens";
import {
  freePort,
  freshBenchDb,
  numberArg,
  prepare,
  runPerDialect,
  startServerProcess,
  stopServerProcess,
  type Dialect,
} from "./_shared";

const argv = process.argv.slice(2);
const clients = numberArg(argv, "--clients", 4);
const chars = numberArg(argv, "--chars", 2600);
const probeMs = numberArg(argv, "--probe-ms", 5);
const format = argv.includes("--format") ? String(argv[argv.indexOf("--format") + 1]) : "csv";
const PERIOD = "2026-Q1";
const GOAL_P99_MS = 50;
const GOAL_RSS_MB = 300;

function longText(prefix: string, n: number): string {
  const piece = 'Số liệu đã đối chiếu với "sổ theo dõi" của đơn vị, kèm biên bản kiểm tra; ';
  return `${prefix}${piece.repeat(Math.ceil(n / piece.length))}`.slice(0, n).trimEnd();
}

function request(
  port: number,
  method: string,
  path: string,
  token: string | null,
  payload?: string,
): Promise<{ status: number; bytes: number; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    if (payload) headers["content-type"] = "application/json";
    const req = http.request({ host: "127.0.0.1", port, method, path, headers }, (res) => {
      let bytes = 0;
      res.on("data", (c: Buffer) => (bytes += c.length));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, bytes, ms: performance.now() - t0 }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(payload);
  });
}

/** Resident set size in kB of each process in the tree rooted at pid (Linux /proc). */
function treeRss(pid: number): number[] {
  const kids = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      kids.set(ppid, [...(kids.get(ppid) ?? []), Number(entry)]);
    } catch {
      /* ended meanwhile */
    }
  }
  const out: number[] = [];
  const todo = [pid];
  while (todo.length > 0) {
    const p = todo.pop() as number;
    try {
      const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"));
      if (m) out.push(Number(m[1]));
    } catch {
      /* ended meanwhile */
    }
    todo.push(...(kids.get(p) ?? []));
  }
  return out;
}

/** The worker's resident memory by kind (anonymous, file-backed, by mapping) from /proc/<pid>/smaps. */
function rssParts(rootPid: number): string {
  const kb = treeRss(rootPid);
  const all = fs.readdirSync("/proc").filter((e) => /^\d+$/.test(e));
  const pid = all.find((e) => {
    try {
      return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${e}/status`, "utf8"))?.[1]) === Math.max(...kb);
    } catch {
      return false;
    }
  });
  if (!pid) return "";
  const by = new Map<string, number>();
  let name = "";
  for (const line of fs.readFileSync(`/proc/${pid}/smaps`, "utf8").split("\n")) {
    const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) name = head[1] || "[anon]";
    const m = /^Rss:\s+(\d+)/.exec(line);
    if (m) by.set(name, (by.get(name) ?? 0) + Number(m[1]));
  }
  return [...by]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([n, k]) => `  ${(k / 1024).toFixed(1)} MB ${n}`)
    .join("\n");
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function runDialect(dialect: Dialect): Promise<boolean> {
  const db = await freshBenchDb(dialect);
  const p = await prepare(db.config);
  const handle = await connect(db.config);
  const planner = (
    await issueToken(handle.db, DEV_PEPPER, { role: "planner", label: "bench" }, new Date().toISOString())
  ).token;
  await handle.close();
  const port = await freePort();
  const env: Record<string, string> = process.env.CHITIEU_BENCH_SERVER_NODE_OPTIONS
    ? { NODE_OPTIONS: process.env.CHITIEU_BENCH_SERVER_NODE_OPTIONS }
    : {};
  const server = await startServerProcess(db, port, env);
  try {
    const startRss = Math.max(...treeRss(server.child.pid as number));
    // seed: one report per unit for the period, every row with long text
    for (const u of p.units) {
      const b = JSON.parse(u.template) as { entries: Record<string, unknown>[] } & Record<string, unknown>;
      b.submissionId = randomUUID();
      b.period = PERIOD;
      b.entries = b.entries.map((e, j) => ({
        ...e,
        justification: longText(j % 4 === 0 ? "=" : "", chars),
        evidence: longText("", Math.floor(chars / 2)),
      }));
      const r = await request(port, "POST", "/api/v1/submissions", u.token, JSON.stringify(b));
      if (r.status !== 201) throw new Error(`seeding ${u.code}: HTTP ${r.status}`);
    }
    const seededRss = Math.max(...treeRss(server.child.pid as number));
    if (process.env.CHITIEU_BENCH_SMAPS) console.log(rssParts(server.child.pid as number));
    const url = `/api/v1/consolidation?period=${PERIOD}&format=${format}`;
    const warm = await request(port, "GET", url, planner);
    const mb = warm.bytes / 1e6;
    console.log(
      `${dialect}: ${p.units.length} units, ${format} export of ${mb.toFixed(1)} MB (one alone: ${(warm.ms / 1000).toFixed(2)} s); ${clients} at once, /health/live every ${probeMs} ms`,
    );
    await new Promise((r) => setTimeout(r, 500));
    const baseRss = Math.max(...treeRss(server.child.pid as number));
    let peakKb = baseRss;
    const sampler = setInterval(() => {
      peakKb = Math.max(peakKb, ...treeRss(server.child.pid as number));
    }, 20);
    let running = true;
    const t0 = performance.now();
    const exports = Promise.all(Array.from({ length: clients }, () => request(port, "GET", url, planner))).finally(
      () => {
        running = false;
      },
    );
    const waits: number[] = [];
    while (running) {
      const r = await request(port, "GET", "/api/v1/health/live", null);
      if (r.status !== 200) throw new Error(`/health/live answered ${r.status}`);
      if (running) waits.push(r.ms);
      await new Promise((res) => setTimeout(res, probeMs));
    }
    const done = await exports;
    const wall = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    if (done.some((d) => d.status !== 200 || d.bytes !== warm.bytes)) throw new Error("an export failed or differed");
    waits.sort((a, b) => a - b);
    const p50 = percentile(waits, 50);
    const p99 = percentile(waits, 99);
    const max = waits[waits.length - 1] ?? NaN;
    const peakMb = peakKb / 1024;
    const okHealth = p99 <= GOAL_P99_MS;
    const okRss = peakMb < GOAL_RSS_MB;
    console.log(
      `${dialect}: ${clients} exports in ${wall.toFixed(2)} s (each ${done.map((d) => (d.ms / 1000).toFixed(2)).join(", ")} s); /health/live ${waits.length} probes: p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${max.toFixed(1)} ms — ${okHealth ? "goal met" : "goal NOT met"} (p99 ≤ ${GOAL_P99_MS} ms)`,
    );
    console.log(
      `${dialect}: worker RSS ${(startRss / 1024).toFixed(0)} MB at start, ${(seededRss / 1024).toFixed(0)} MB after seeding, ${(baseRss / 1024).toFixed(0)} MB after one export, peak ${peakMb.toFixed(0)} MB — ${okRss ? "goal met" : "goal NOT met"} (< ${GOAL_RSS_MB} MB); load average ${(await import("node:os")).loadavg()[0]!.toFixed(1)}`,
    );
    console.log(`server.exports_${dialect}_${format}_mb=${mb.toFixed(1)}`);
    console.log(`server.exports_${dialect}_${format}_seconds=${wall.toFixed(2)}`);
    console.log(`server.exports_${dialect}_${format}_health_p99_ms=${p99.toFixed(1)}`);
    console.log(`server.exports_${dialect}_${format}_peak_rss_mb=${peakMb.toFixed(0)}`);
    if (process.env.CHITIEU_BENCH_SERVER_NODE_OPTIONS) console.log(server.output());
    return okHealth && okRss;
  } finally {
    await stopServerProcess(server);
    await db.drop();
  }
}

runPerDialect(argv, runDialect);
