/**
 * Server test fixtures: one database per test file and dialect (a SQLite file in a temp folder, or a fresh
 * PostgreSQL schema dropped afterwards), an app built on it, tokens of every role, and valid reports.
 */
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { buildApp, type AppOptions } from "../../src/server/app";
import type { DbConfig } from "../../src/server/db/connect";
import { issueToken } from "../../src/server/services/token-admin";
import { DEV_PEPPER } from "../../src/server/tokens";
import type { EntryInput } from "../../src/domain/types";
import { validEntriesFor } from "./report-fixture";

// light-my-request (behind app.inject) requires the ESM-only `cookie` 2 package, which jest 30 on Node 20 cannot
// load. It calls it only to encode `options.cookies` for a request, which these tests never pass.
jest.mock("cookie", () => ({
  stringifySetCookie: () => {
    throw new Error("cookies are not used by the Chỉ tiêu endpoint tests");
  },
}));

export const PG_URL = process.env.CHITIEU_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";
export type Dialect = "sqlite" | "postgres";

let pgChecked: { ok: boolean; reason: string } | null = null;

/** Whether PostgreSQL answers (checked once per test file, synchronously, so `describe` can be chosen). */
export function postgresStatus(): { ok: boolean; reason: string } {
  if (pgChecked) return pgChecked;
  const probe = spawnSync(
    process.execPath,
    [
      "-e",
      `const {Client}=require("pg");const c=new Client({connectionString:${JSON.stringify(PG_URL)},connectionTimeoutMillis:3000});` +
        `c.connect().then(()=>c.query("select 1")).then(()=>{process.stdout.write("ok");return c.end()}).catch(e=>{process.stdout.write(String(e.message));process.exit(0)})`,
    ],
    { cwd: path.join(__dirname, "..", ".."), encoding: "utf8", timeout: 10_000 },
  );
  const out = (probe.stdout ?? "").trim();
  pgChecked =
    out === "ok" ? { ok: true, reason: "" } : { ok: false, reason: out || probe.error?.message || "no answer" };
  return pgChecked;
}

/** The dialects to run: SQLite always; PostgreSQL when it answers (said loudly when it does not). */
export function dialects(): Dialect[] {
  const pg = postgresStatus();
  if (!pg.ok) {
    const message = `PostgreSQL tests SKIPPED: ${PG_URL} did not answer (${pg.reason}). Set CHITIEU_TEST_PG_URL or start PostgreSQL.`;
    if (process.env.CHITIEU_REQUIRE_PG === "1") throw new Error(message);
    console.warn(message);
    return ["sqlite"];
  }
  return ["sqlite", "postgres"];
}

export interface TestDb {
  config: DbConfig;
  drop(): Promise<void>;
}

/** A fresh, empty database for one dialect. */
export async function freshDb(dialect: Dialect): Promise<TestDb> {
  if (dialect === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-test-"));
    return {
      config: { sqlitePath: path.join(dir, "test.sqlite") },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const schema = `ct_${process.pid}_${randomUUID().slice(0, 8)}`;
  const admin = new Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create schema "${schema}"`);
  await admin.end();
  return {
    config: { url: PG_URL, pgSchema: schema, poolSize: 5 },
    drop: async () => {
      const c = new Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop schema if exists "${schema}" cascade`);
      await c.end();
    },
  };
}

/** 10:00 in Hanoi on 5 April 2026: 2026-Q1 is due (deadline 10 April), 2026-03 is late. */
export const NOW = new Date("2026-04-05T03:00:00.000Z");

export interface Fixture {
  app: FastifyInstance;
  db: TestDb;
  now: { value: Date };
  tokens: { unit: string; other: string; demo: string; planner: string; admin: string; revoked: string };
  tokenIds: Record<string, string>;
  close(): Promise<void>;
}

export const UNIT = "00004";
export const OTHER = "00008";
export const DEMO = "DEMO-01";

export async function setup(dialect: Dialect, opts: Partial<AppOptions> = {}): Promise<Fixture> {
  const db = await freshDb(dialect);
  const now = { value: NOW };
  const app = await buildApp({
    db: db.config,
    now: () => now.value,
    tokenCacheMs: 0,
    referenceRefreshMs: 0,
    // the access matrix sends many refused requests from one address; the limiter has its own test
    authFailures: { max: 100_000, windowMs: 60_000 },
    ...opts,
  });
  await app.ready();
  const at = NOW.toISOString();
  const store = app.store.db;
  const unit = await issueToken(store, DEV_PEPPER, { role: "unit", unitCode: UNIT, label: "test unit" }, at);
  const other = await issueToken(store, DEV_PEPPER, { role: "unit", unitCode: OTHER }, at);
  const demo = await issueToken(store, DEV_PEPPER, { role: "unit", unitCode: DEMO }, at);
  const planner = await issueToken(store, DEV_PEPPER, { role: "planner" }, at);
  const admin = await issueToken(store, DEV_PEPPER, { role: "admin" }, at);
  const revoked = await issueToken(store, DEV_PEPPER, { role: "unit", unitCode: UNIT }, at);
  await store.updateTable("token").set({ revoked_at: at }).where("id", "=", revoked.id).execute();
  return {
    app,
    db,
    now,
    tokens: {
      unit: unit.token,
      other: other.token,
      demo: demo.token,
      planner: planner.token,
      admin: admin.token,
      revoked: revoked.token,
    },
    tokenIds: {
      unit: unit.id,
      other: other.id,
      demo: demo.id,
      planner: planner.id,
      admin: admin.id,
      revoked: revoked.id,
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

export { JUSTIFICATION } from "./report-fixture";

/** A report that passes every rule for the unit (see report-fixture.ts). */
export function validEntries(app: FastifyInstance, unitCode: string, seed = 0): EntryInput[] {
  return validEntriesFor(app.reference.currentCatalog, app.reference.registry, unitCode, seed);
}

export interface SubmissionBody {
  submissionId: string;
  supersedes: string | null;
  unitCode: string;
  period: string;
  catalogVersion: string;
  locale: "vi" | "en";
  entries: EntryInput[];
  dryRun?: boolean;
}

export function body(app: FastifyInstance, over: Partial<SubmissionBody> = {}, seed = 0): SubmissionBody {
  const unitCode = over.unitCode ?? UNIT;
  return {
    submissionId: randomUUID(),
    supersedes: null,
    unitCode,
    period: "2026-Q1",
    catalogVersion: app.reference.currentCatalog.version,
    locale: "vi",
    entries: validEntries(app, unitCode, seed),
    ...over,
  };
}

export function auth(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

export async function post(
  app: FastifyInstance,
  token: string,
  url: string,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: "POST",
    url: `/api/v1${url}`,
    headers: auth(token),
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

export async function get(app: FastifyInstance, token: string | null, url: string): Promise<LightMyRequestResponse> {
  return app.inject({ method: "GET", url: `/api/v1${url}`, headers: token ? auth(token) : {} });
}

export async function submit(app: FastifyInstance, token: string, b: SubmissionBody): Promise<LightMyRequestResponse> {
  return post(app, token, "/submissions", b);
}

export async function count(
  app: FastifyInstance,
  table: "submission" | "report_state" | "audit_event" | "token",
): Promise<number> {
  const r = await app.store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Assert a problem+json answer with the given status and code; returns the parsed body. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a problem+json body, read field by field by each test
export function expectProblem(res: LightMyRequestResponse, status: number, code: string): Record<string, any> {
  if (res.statusCode !== status)
    throw new Error(`expected ${status} ${code}, got ${res.statusCode}: ${res.body.slice(0, 600)}`);
  expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
  const j = res.json();
  expect(j.code).toBe(code);
  expect(j.status).toBe(status);
  expect(typeof j.message.vi).toBe("string");
  expect(typeof j.message.en).toBe("string");
  expect(j.message.vi.length).toBeGreaterThan(10);
  expect(j.message.en.length).toBeGreaterThan(10);
  return j;
}
