/**
 * Reminders from a real `chitieu serve` (issue #18), on both engines: a real SMTP server in-process receives exactly
 * one mail per unit × period × kind across a restart of the endpoint, and none for the period a unit submitted.
 * The first process runs with reminders off (they are off by default: nothing arrives); then two processes on the same
 * database at once (two instances, each with its scheduler) send; a third, started after them, sends only what
 * became due since (a unit given an address meanwhile).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { Client } from "pg";
import {
  createUnitRegistry,
  defaultCatalog,
  defaultUnits,
  expectedUnits,
  hanoiDate,
  parsePeriod,
} from "../../src/domain";
import { connect, type DbConfig } from "../../src/server/db/connect";
import { dueSlots } from "../../src/server/services/reminders";
import { issueToken } from "../../src/server/services/token-admin";
import { DEV_PEPPER } from "../../src/server/tokens";
import { dialects, OTHER, PG_URL, UNIT } from "./helpers";
import { freePort } from "./private-pg";
import { validEntriesFor } from "./report-fixture";
import { serveProcess, stopProcess, type ServeProcess } from "./serve-process";
import { startSmtp, type TestSmtp } from "./smtp";

jest.setTimeout(180_000);

const THIRD = "00025";
const FOURTH = "00070";
const ADDRESS: Record<string, string> = {
  [UNIT]: "vanthu@badinh.hanoi.test",
  [OTHER]: "vanthu@ngocha.hanoi.test",
  [THIRD]: "vanthu@giangvo.hanoi.test",
  [FOURTH]: "vanthu@hoankiem.hanoi.test",
};

async function call(url: string, token: string, method: string, route: string, payload?: unknown) {
  const res = await fetch(`${url}/api/v1${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(payload ? { "content-type": "application/json" } : {}) },
    body: payload ? JSON.stringify(payload) : undefined,
  });
  return { status: res.status, json: (await res.json().catch(() => ({}))) as Record<string, unknown> };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await sleep(100);
}

for (const dialect of dialects()) {
  describe(`${dialect}: reminders across a restart of chitieu serve`, () => {
    let smtp: TestSmtp;
    let dir: string;
    let db: DbConfig;
    let dbArgs: string[] = [];
    let dbEnv: Record<string, string> = {};
    let pgName = "";
    let running: ServeProcess | undefined;
    let twin: ServeProcess | undefined;
    const year = Number(hanoiDate(new Date()).slice(0, 4));

    beforeAll(async () => {
      smtp = await startSmtp();
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-remind-"));
      if (dialect === "sqlite") {
        const file = path.join(dir, "chitieu.sqlite");
        db = { sqlitePath: file };
        dbArgs = ["--db", file];
      } else {
        pgName = `ct_remind_${randomUUID().slice(0, 8)}`;
        const admin = new Client({ connectionString: PG_URL });
        await admin.connect();
        await admin.query(`create database ${pgName}`);
        await admin.end();
        const url = new URL(PG_URL);
        url.pathname = `/${pgName}`;
        db = { url: url.toString() };
        dbEnv = { DATABASE_URL: url.toString(), CHITIEU_PG_POOL: "3" };
      }
    });

    afterAll(async () => {
      await stopProcess(running);
      await stopProcess(twin);
      await smtp?.close();
      fs.rmSync(dir, { recursive: true, force: true });
      if (pgName) {
        const admin = new Client({ connectionString: PG_URL });
        await admin.connect();
        await admin.query(`drop database if exists ${pgName} with (force)`);
        await admin.end();
      }
    });

    const env = (reminders: boolean) => ({
      ...dbEnv,
      CHITIEU_PLAN_YEARS: `${year - 1}-${year}`,
      ...(reminders
        ? {
            CHITIEU_SMTP_URL: smtp.url,
            CHITIEU_MAIL_FROM: "Chỉ tiêu <chitieu@hanoi.test>",
            CHITIEU_REMIND_BEFORE_DAYS: "366",
            CHITIEU_REMIND_AFTER_DAYS: "off",
            CHITIEU_REMIND_INTERVAL_S: "1",
          }
        : {}),
    });
    const start = async (reminders: boolean, demoTokens = false) =>
      serveProcess(
        ["--port", String(await freePort()), ...dbArgs],
        env(reminders),
        dir,
        demoTokens ? /^planner demo token: \S+$/m : undefined,
      );

    it("sends exactly one mail per unit × period × kind across instances and a restart, none for a submitted period", async () => {
      // 1. reminders off: set the addresses, OTHER submits the current quarter
      running = await start(false, true);
      const handle = await connect(db);
      // a real planner's token: the printed one is the classroom's, which never reaches a real unit (issue 20)
      const planner = (await issueToken(handle.db, DEV_PEPPER, { role: "planner" }, new Date().toISOString())).token;
      for (const code of [UNIT, OTHER, THIRD]) {
        const r = await call(running.url, planner, "PUT", `/units/${code}/reminder-contact`, {
          emails: [ADDRESS[code]],
        });
        expect(r.status).toBe(200);
      }
      const other = await issueToken(
        handle.db,
        DEV_PEPPER,
        { role: "unit", unitCode: OTHER },
        new Date().toISOString(),
      );
      await handle.close();
      const today = hanoiDate(new Date());
      const quarter = `${year}-Q${Math.ceil(Number(today.slice(5, 7)) / 3)}`;
      const catalog = defaultCatalog();
      const registry = createUnitRegistry(defaultUnits());
      const submitted = await call(running.url, other.token, "POST", "/submissions", {
        submissionId: randomUUID(),
        supersedes: null,
        unitCode: OTHER,
        period: quarter,
        catalogVersion: catalog.version,
        locale: "vi",
        entries: validEntriesFor(catalog, registry, OTHER),
      });
      expect(submitted.status).toBe(201);
      await sleep(1500);
      await stopProcess(running);
      expect(smtp.mails).toHaveLength(0);

      // what is due today, by the same rule the scheduler follows
      const slots = dueSlots(new Date(), { beforeDays: 366, afterDays: null }, { from: year - 1, to: year });
      expect(slots.map((s) => s.period.id)).toContain(quarter);
      const expectedFor = (codes: string[]) =>
        slots.flatMap((s) =>
          expectedUnits(catalog, registry, s.period)
            .filter((u) => codes.includes(u.code) && !(u.code === OTHER && s.period.id === quarter))
            .map((u) => `${ADDRESS[u.code]} ${s.period.id} ${s.kind}`),
        );
      const key = (m: { to: string[]; subject: string }) => {
        const period = /báo cáo (\S+)/.exec(m.subject)?.[1];
        return `${m.to.join(",")} ${period} before`;
      };
      const wanted = expectedFor([UNIT, OTHER, THIRD]).sort();
      expect(wanted.length).toBeGreaterThan(2);

      // 2. reminders on, two instances on the one database at once: each due reminder arrives once
      // started together, so their schedulers' first ticks race for the same claims
      [running, twin] = await Promise.all([start(true), start(true)]);
      await until(() => smtp.mails.length >= wanted.length, 30_000);
      await sleep(2500); // two more ticks of each: nothing more
      await stopProcess(twin);
      twin = undefined;
      await stopProcess(running);
      expect(smtp.mails.map(key).sort()).toEqual(wanted);
      expect(smtp.mails.some((m) => m.to.includes(ADDRESS[OTHER]!) && m.subject.includes(quarter))).toBe(false);

      // 3. restarted on the same database: nothing is sent again; a unit given an address meanwhile gets its own
      running = await start(true);
      const r = await call(running.url, planner, "PUT", `/units/${FOURTH}/reminder-contact`, {
        emails: [ADDRESS[FOURTH]],
      });
      expect(r.status).toBe(200);
      const more = expectedFor([FOURTH]);
      expect(more.length).toBeGreaterThan(0);
      await until(() => smtp.mails.length >= wanted.length + more.length, 30_000);
      await sleep(2500);
      const listed = await call(running.url, planner, "GET", `/reminders?period=${quarter}`);
      await stopProcess(running);
      running = undefined;
      expect(smtp.mails.map(key).sort()).toEqual([...wanted, ...more].sort());
      const states = (listed.json.reminders as { unitCode: string; state: string }[]).map(
        (x) => `${x.unitCode}:${x.state}`,
      );
      expect(states.sort()).toEqual([`${FOURTH}:sent`, `${UNIT}:sent`, `${THIRD}:sent`].sort());
      expect(parsePeriod(quarter)).not.toBeNull();
    });
  });
}
