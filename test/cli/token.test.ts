import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { run } from "../../src/cli/token";
import { buildApp } from "../../src/server/app";
import { auth, expectProblem, PG_URL, postgresStatus } from "../server/helpers";
import { capture } from "./cli-fixture";

jest.setTimeout(60_000);

let dir: string;
let db: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-cli-token-"));
  db = path.join(dir, "tokens.sqlite");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function me(dbConfig: { sqlitePath?: string; url?: string }, token: string) {
  const app = await buildApp({ db: dbConfig, tokenCacheMs: 0, referenceRefreshMs: 0 });
  try {
    return await app.inject({ method: "GET", url: "/api/v1/me", headers: auth(token) });
  } finally {
    await app.close();
  }
}

describe("chitieu token (SQLite file)", () => {
  let unitToken = "";

  it("issues a unit token and prints only the token on stdout", async () => {
    const c = capture(dir);
    expect(
      await run(["issue", "--unit", "00004", "--db", "tokens.sqlite", "--label", "Phường Ba Đình — chị Lan"], c.io),
    ).toBe(0);
    expect(c.out()).toMatch(/^ct_[0-9a-f]{10}_[A-Za-z0-9_-]{43}\n$/);
    unitToken = c.out().trim();
    expect(c.err()).toContain("Issued token");
    const res = await me({ sqlitePath: db }, unitToken);
    expect(res.json()).toMatchObject({ role: "unit", unit: { code: "00004" }, label: "Phường Ba Đình — chị Lan" });
  });

  it("issues a planner token with --role planner", async () => {
    const c = capture(dir);
    expect(await run(["issue", "--role", "planner", "--db", db], c.io)).toBe(0);
    expect((await me({ sqlitePath: db }, c.out().trim())).json()).toMatchObject({ role: "planner", unit: null });
  });

  it("lists tokens without their text", async () => {
    const c = capture(dir);
    expect(await run(["list", "--db", db], c.io)).toBe(0);
    expect(c.out()).toMatch(/^id +role +unit/);
    expect(c.out()).toContain("00004");
    expect(c.out()).not.toContain(unitToken);
    const j = capture(dir);
    expect(await run(["list", "--db", db, "--json"], j.io)).toBe(0);
    expect(JSON.parse(j.out()).map((t: { role: string }) => t.role)).toEqual(["unit", "planner"]);
  });

  it("revokes a token by a prefix of its text, after which the endpoint refuses it", async () => {
    const c = capture(dir);
    expect(await run(["revoke", unitToken.slice(0, 9), "--db", db], c.io)).toBe(0);
    expect(c.out()).toContain("Revoked token");
    expectProblem(await me({ sqlitePath: db }, unitToken), 401, "CT_TOKEN_REVOKED");
  });

  it.each([
    [["issue", "--unit", "99999"], 1, "CT_UNIT_UNKNOWN", "There is no unit with code “99999”"],
    [["issue", "--role", "planner", "--unit", "00004"], 1, "", "belongs to no unit"],
    [["issue", "--role", "king"], 2, "", "Unknown role “king”"],
    [["revoke", "fffffffff0"], 1, "", "No access token “fffffffff0”"],
    [["revoke"], 2, "", "Give the id of the token to revoke."],
    [["renew"], 2, "", "chitieu token issue"],
  ])("refuses %j (exit %i)", async (argv, code, _c, message) => {
    const c = capture(dir);
    expect(await run([...(argv as string[]), "--db", db], c.io)).toBe(code);
    expect(c.err()).toContain(message);
  });

  it("refuses to guess the database", async () => {
    const c = capture(dir);
    expect(await run(["issue", "--unit", "00004"], c.io)).toBe(2);
    expect(c.err()).toContain("Add --db <sqlite file> or set DATABASE_URL");
  });

  it("uses the pepper from CHITIEU_TOKEN_PEPPER: a token issued with another pepper is unknown to the server", async () => {
    const c = capture(dir, { CHITIEU_TOKEN_PEPPER: "another-pepper" });
    expect(await run(["issue", "--unit", "00004", "--db", db], c.io)).toBe(0);
    expectProblem(await me({ sqlitePath: db }, c.out().trim()), 401, "CT_TOKEN_INVALID");
  });
});

describe("chitieu token (PostgreSQL through DATABASE_URL)", () => {
  const pg = postgresStatus();
  if (!pg.ok) {
    it("needs PostgreSQL", () => {
      if (process.env.CHITIEU_REQUIRE_PG === "1") throw new Error(`PostgreSQL did not answer: ${pg.reason}`);
      console.warn(`PostgreSQL token test SKIPPED: ${pg.reason}`);
    });
    return;
  }
  const name = `chitieu_token_${process.pid}`;
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  beforeAll(async () => {
    const c = new Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.query(`create database ${name}`);
    await c.end();
  });
  afterAll(async () => {
    const c = new Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  });

  it("migrates a fresh database, issues a token that the endpoint on that database accepts, and revokes it", async () => {
    const c = capture(dir, { DATABASE_URL: url.toString() });
    expect(await run(["issue", "--unit", "00008"], c.io)).toBe(0);
    const token = c.out().trim();
    expect((await me({ url: url.toString() }, token)).json()).toMatchObject({ role: "unit", unit: { code: "00008" } });
    const r = capture(dir, { DATABASE_URL: url.toString() });
    expect(await run(["revoke", token], r.io)).toBe(0);
    expectProblem(await me({ url: url.toString() }, token), 401, "CT_TOKEN_REVOKED");
  });
});
