/**
 * Two `chitieu serve` instances (real processes, started together, so they migrate at the same moment) on one
 * private PostgreSQL: the same submissions, their retries and planner returns go to both in parallel. Each
 * submission is stored once, revisions have no gap or double, and every report's state names its latest revision.
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
if (unavailable) console.warn(`two-instance test SKIPPED: ${unavailable}`);

async function call(url: string, token: string, method: string, route: string, payload?: unknown) {
  const res = await fetch(`${url}/api/v1${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(payload ? { "content-type": "application/json" } : {}) },
    body: payload ? JSON.stringify(payload) : undefined,
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- an answer's JSON body, read field by field below
  return { status: res.status, json: (await res.json().catch(() => ({}))) as Record<string, any> };
}

describeIf("two instances on one PostgreSQL", () => {
  let pg: PrivateCluster;
  let dir: string;
  const instances: ServeProcess[] = [];
  let unitToken: string;
  let plannerToken: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-two-"));
    pg = await createPrivateCluster();
    // started together: both run the migrations at once, under the lock
    instances.push(
      ...(await Promise.all(
        [await freePort(), await freePort()].map((port) =>
          serveProcess(["--port", String(port)], { DATABASE_URL: pg.url, CHITIEU_PG_POOL: "4" }, dir),
        ),
      )),
    );
    // the demo tokens are printed just after the "listening" line, by the instance that created the database
    let all = "";
    for (let i = 0; i < 100 && !/^planner demo token: /m.test(all); i++) {
      await new Promise((r) => setTimeout(r, 50));
      all = instances.map((x) => x.out()).join("\n");
    }
    unitToken = /^demo token \(unit DEMO-01\): (\S+)$/m.exec(all)![1] as string;
    plannerToken = /^planner demo token: (\S+)$/m.exec(all)![1] as string;
  });

  afterAll(async () => {
    for (const i of instances) await stopProcess(i);
    pg?.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("stores each submission once with a consistent state, whichever instance gets it", async () => {
    expect(
      instances
        .map((i) => i.out())
        .join("")
        .match(/demo token \(unit DEMO-01\)/g),
    ).toHaveLength(1);
    const catalog = defaultCatalog();
    const entries = validEntriesFor(catalog, createUnitRegistry(defaultUnits()), "DEMO-01");
    const periods = ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"];
    const [a, b] = instances.map((i) => i.url) as [string, string];
    await Promise.all(
      periods.map(async (period) => {
        let supersedes: string | null = null;
        for (let r = 0; r < 6; r++) {
          const s: Record<string, unknown> & { submissionId: string } = {
            submissionId: crypto.randomUUID(),
            supersedes,
            unitCode: "DEMO-01",
            period,
            catalogVersion: catalog.version,
            locale: "vi",
            entries,
          };
          // the same submission to both instances at once, plus a retry to each
          const answers = await Promise.all([a, b, a, b].map((u) => call(u, unitToken, "POST", "/submissions", s)));
          const statuses = answers.map((x) => x.status).sort();
          expect(statuses.filter((x) => x === 201)).toHaveLength(1);
          expect(statuses.filter((x) => x === 200)).toHaveLength(3);
          expect(new Set(answers.map((x) => x.json.revision))).toEqual(new Set([r + 1]));
          supersedes = s.submissionId;
          if (r === 2) {
            // a return sent to both instances: one succeeds, the other finds the report already returned or succeeds
            const returns = await Promise.all(
              [a, b].map((u) =>
                call(u, plannerToken, "POST", `/reports/DEMO-01/${period}/return`, { comment: "Xem lại" }),
              ),
            );
            expect(returns.some((x) => x.status === 200)).toBe(true);
            expect(returns.every((x) => x.status === 200 || x.status === 409)).toBe(true);
          }
        }
      }),
    );

    const db = new Client({ connectionString: pg.url });
    await db.connect();
    try {
      for (const period of periods) {
        const revs = (
          await db.query<{ revision: number }>(
            "select revision from submission where unit_code = 'DEMO-01' and period = $1 order by revision",
            [period],
          )
        ).rows.map((r) => Number(r.revision));
        expect(revs).toEqual([1, 2, 3, 4, 5, 6]);
        const state = (
          await db.query<{ latest_revision: number; latest_submission_id: string }>(
            "select latest_revision, latest_submission_id from report_state where unit_code = 'DEMO-01' and period = $1",
            [period],
          )
        ).rows[0]!;
        expect(Number(state.latest_revision)).toBe(6);
        const latest = (
          await db.query<{ id: string }>(
            "select id from submission where unit_code = 'DEMO-01' and period = $1 and revision = 6",
            [period],
          )
        ).rows[0]!;
        expect(state.latest_submission_id).toBe(latest.id);
      }
    } finally {
      await db.end();
    }
  });
});
