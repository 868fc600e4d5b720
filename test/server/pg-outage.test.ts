/**
 * A PostgreSQL outage under load, as an operator meets it: `chitieu serve` (a real process, supervisor + worker) on a
 * private PostgreSQL cluster; a burst of submissions from clients that retry as the task pane does; the cluster
 * stopped with `-m immediate` mid-burst, kept down 5 s, started again. The service must answer 503
 * CT_DB_UNAVAILABLE with Retry-After meanwhile, be ready again within 10 s of PostgreSQL's return without a restart,
 * and hold every acknowledged submission exactly once.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { createUnitRegistry, defaultCatalog, defaultUnits } from "../../src/domain";
import { validEntriesFor } from "./report-fixture";
import { serveProcess, stopProcess, type ServeProcess } from "./serve-process";
import { createPrivateCluster, freePort, privateClusterUnavailable, type PrivateCluster } from "./private-pg";

jest.setTimeout(180_000);

const unavailable = privateClusterUnavailable();
const describeIf = unavailable ? describe.skip : describe;
if (unavailable) console.warn(`PostgreSQL outage test SKIPPED: ${unavailable}`);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Answer {
  status: number;
  code?: string;
  retryAfter?: string | null;
}

async function send(url: string, token: string, body: unknown): Promise<Answer> {
  try {
    const res = await fetch(`${url}/api/v1/submissions`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const json = (await res.json().catch(() => ({}))) as { code?: string };
    return { status: res.status, code: json.code, retryAfter: res.headers.get("retry-after") };
  } catch {
    return { status: 0 }; // connection refused or reset: the client retries
  }
}

describeIf("a PostgreSQL restart under a burst of submissions", () => {
  let pg: PrivateCluster;
  let served: ServeProcess;
  let dir: string;
  let token: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-outage-"));
    pg = await createPrivateCluster();
    served = await serveProcess(
      ["--port", String(await freePort())],
      { DATABASE_URL: pg.url, CHITIEU_PG_POOL: "4" },
      dir,
      /demo token \(unit DEMO-01\)/,
    );
    token = /^demo token \(unit DEMO-01\): (\S+)$/m.exec(served.out())![1] as string;
  });

  afterAll(async () => {
    await stopProcess(served);
    pg?.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("answers 503 with Retry-After while it is down, is ready within 10 s of its return, and loses nothing", async () => {
    const catalog = defaultCatalog();
    const entries = validEntriesFor(catalog, createUnitRegistry(defaultUnits()), "DEMO-01");
    const periods = ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2027-Q1", "2027-Q2"];
    const acknowledged = new Map<string, string[]>(periods.map((p) => [p, []]));
    const seen: Answer[] = [];
    let stopBurst = false;

    // each client revises one report again and again; a failed send is retried with the same id and content
    const client = async (period: string) => {
      let supersedes: string | null = null;
      while (!stopBurst) {
        const submission: Record<string, unknown> & { submissionId: string } = {
          submissionId: crypto.randomUUID(),
          supersedes,
          unitCode: "DEMO-01",
          period,
          catalogVersion: catalog.version,
          locale: "vi",
          entries,
        };
        for (;;) {
          const a = await send(served.url, token, submission);
          seen.push(a);
          if (a.status === 201 || a.status === 200) break;
          if (a.status !== 0 && a.status !== 503) throw new Error(`unexpected answer ${a.status} ${a.code}`);
          await sleep(200);
        }
        acknowledged.get(period)!.push(submission.submissionId);
        supersedes = submission.submissionId;
      }
    };
    const burst = Promise.all(periods.map(client));

    await sleep(1_500);
    const before = seen.filter((a) => a.status === 201).length;
    expect(before).toBeGreaterThan(0);
    pg.stop("immediate");
    await sleep(5_000);
    pg.start();
    const back = Date.now();
    let readyAfterMs = -1;
    while (Date.now() - back < 30_000) {
      const r = await fetch(`${served.url}/api/v1/health/ready`).catch(() => null);
      if (r?.status === 200) {
        readyAfterMs = Date.now() - back;
        break;
      }
      await sleep(100);
    }
    // let the clients go through again after the return, then stop them
    const atReturn = seen.filter((a) => a.status === 201).length;
    await sleep(1_500);
    stopBurst = true;
    await burst;

    expect(readyAfterMs).toBeGreaterThanOrEqual(0);
    expect(readyAfterMs).toBeLessThanOrEqual(10_000);
    // while PostgreSQL was away the answers were 503 CT_DB_UNAVAILABLE with Retry-After, never a 500
    const outage = seen.filter((a) => a.status === 503);
    expect(outage.length).toBeGreaterThan(0);
    expect(outage.every((a) => a.code === "CT_DB_UNAVAILABLE" && Number(a.retryAfter) > 0)).toBe(true);
    expect(seen.filter((a) => a.status >= 500 && a.status !== 503)).toEqual([]);
    expect(seen.filter((a) => a.status === 201).length).toBeGreaterThan(atReturn);
    // the worker was never replaced: the supervisor logged no restart and the process still serves
    expect(served.child.exitCode).toBeNull();

    const db = new Client({ connectionString: pg.url });
    await db.connect();
    try {
      for (const period of periods) {
        const ids = acknowledged.get(period)!;
        const rows = (
          await db.query<{ id: string; revision: number }>(
            "select id, revision from submission where unit_code = $1 and period = $2 order by revision",
            ["DEMO-01", period],
          )
        ).rows;
        // each acknowledged submission is stored once, in order, with no revision missing or doubled
        expect(rows.map((r) => r.id)).toEqual(ids);
        expect(rows.map((r) => Number(r.revision))).toEqual(ids.map((_, i) => i + 1));
      }
    } finally {
      await db.end();
    }
  });
});
