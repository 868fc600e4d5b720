/**
 * Backups round-trip as docs/operations.md tells an operator: `sqlite3 .backup` taken while the app holds the
 * database open, and `pg_dump --format=custom` / `pg_restore` on a private PostgreSQL cluster. The restored database
 * serves the same report history and the same consolidation.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { Client } from "pg";
import { buildApp } from "../../src/server/app";
import type { DbConfig } from "../../src/server/db/connect";
import { issueToken } from "../../src/server/services/token-admin";
import { DEV_PEPPER } from "../../src/server/tokens";
import { body, get, NOW, post, submit, UNIT } from "./helpers";
import { createPrivateCluster, privateClusterUnavailable, type PrivateCluster } from "./private-pg";

jest.setTimeout(120_000);

async function open(db: DbConfig): Promise<FastifyInstance> {
  const app = await buildApp({ db, now: () => NOW, tokenCacheMs: 0, referenceRefreshMs: 0 });
  await app.ready();
  return app;
}

/** Some history: three revisions, a return and an acceptance on one report, one revision on another. */
async function fill(app: FastifyInstance): Promise<{ unit: string; planner: string }> {
  const at = NOW.toISOString();
  const unit = (await issueToken(app.store.db, DEV_PEPPER, { role: "unit", unitCode: UNIT }, at)).token;
  const planner = (await issueToken(app.store.db, DEV_PEPPER, { role: "planner" }, at)).token;
  let supersedes: string | null = null;
  for (let i = 0; i < 3; i++) {
    const res = await submit(app, unit, body(app, { period: "2026-Q1", supersedes }, i));
    expect(res.statusCode).toBe(201);
    supersedes = res.json().submissionId;
    if (i === 1)
      expect((await post(app, planner, `/reports/${UNIT}/2026-Q1/return`, { comment: "Xem lại" })).statusCode).toBe(
        200,
      );
  }
  expect((await post(app, planner, `/reports/${UNIT}/2026-Q1/accept`, {})).statusCode).toBe(200);
  expect((await submit(app, unit, body(app, { period: "2026-Q2" }))).statusCode).toBe(201);
  return { unit, planner };
}

async function snapshot(app: FastifyInstance, planner: string): Promise<unknown[]> {
  return Promise.all(
    [
      `/reports/${UNIT}/2026-Q1/history`,
      `/reports/${UNIT}/2026-Q1`,
      "/consolidation?period=2026-Q1",
      "/consolidation?period=2026-Q1&format=csv",
      "/completeness?period=2026-Q2",
    ].map(async (url) => {
      const res = await get(app, planner, url);
      expect(res.statusCode).toBe(200);
      return url.includes("csv") ? res.body : res.json();
    }),
  );
}

describe("SQLite: .backup while the app holds the file, then serve the copy", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-backup-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("restores the same history and consolidation", async () => {
    const live = await open({ sqlitePath: path.join(dir, "live.sqlite") });
    let before: unknown[];
    let tokens: { unit: string; planner: string };
    try {
      tokens = await fill(live);
      before = await snapshot(live, tokens.planner);
      // taken while the app still holds the database open, as the docs say
      execFileSync("sqlite3", [path.join(dir, "live.sqlite"), `.backup ${path.join(dir, "copy.sqlite")}`]);
    } finally {
      await live.close();
    }
    const restored = await open({ sqlitePath: path.join(dir, "copy.sqlite") });
    try {
      expect(await snapshot(restored, tokens.planner)).toEqual(before);
      expect((await get(restored, tokens.unit, "/me")).statusCode).toBe(200);
    } finally {
      await restored.close();
    }
  });
});

const unavailable =
  privateClusterUnavailable() ?? (spawnSync("pg_dump", ["--version"]).status === 0 ? null : "no pg_dump");
const describePg = unavailable ? describe.skip : describe;
if (unavailable) console.warn(`PostgreSQL backup test SKIPPED: ${unavailable}`);

describePg("PostgreSQL: pg_dump --format=custom, pg_restore into an empty database", () => {
  let pg: PrivateCluster;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-pgdump-"));
  beforeAll(async () => {
    pg = await createPrivateCluster();
  });
  afterAll(() => {
    pg?.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("restores the same history and consolidation", async () => {
    const live = await open({ url: pg.url });
    let before: unknown[];
    let tokens: { unit: string; planner: string };
    const dump = path.join(dir, "chitieu.dump");
    try {
      tokens = await fill(live);
      before = await snapshot(live, tokens.planner);
      execFileSync("pg_dump", ["--format=custom", `--file=${dump}`, pg.url]);
    } finally {
      await live.close();
    }
    const admin = new Client({ connectionString: pg.url });
    await admin.connect();
    await admin.query("create database chitieu_restored");
    await admin.end();
    const restoredUrl = pg.url.replace(/\/postgres$/, "/chitieu_restored");
    execFileSync("pg_restore", ["--no-owner", `--dbname=${restoredUrl}`, dump]);
    const restored = await open({ url: restoredUrl });
    try {
      expect(await snapshot(restored, tokens.planner)).toEqual(before);
    } finally {
      await restored.close();
    }
  });
});
