/**
 * Tokens expire (365 days by default), /me says when (the pane warns before), and rotation has no downtime: the
 * successor works at once while the old token keeps working through the overlap, then expires.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { run } from "../../src/cli/token";
import { buildApp } from "../../src/server/app";
import { capture } from "../cli/cli-fixture";
import { auth, dialects, expectProblem, get, NOW, post, setup, type Fixture } from "./helpers";

const DAY = 86_400_000;

describe.each(dialects())("token expiry and rotation (%s)", (dialect) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await setup(dialect);
  });
  afterAll(async () => f?.close());
  afterEach(() => {
    f.now.value = NOW;
  });

  it("issues tokens that expire after 365 days by default, and says so in /me", async () => {
    const issued = await post(f.app, f.tokens.admin, "/tokens", { role: "unit", unitCode: "00008" });
    expect(issued.statusCode).toBe(201);
    const expiresAt = issued.json().expiresAt;
    expect(Date.parse(expiresAt) - NOW.getTime()).toBe(365 * DAY);
    expect((await get(f.app, issued.json().token, "/me")).json().expiresAt).toBe(expiresAt);
    const never = await post(f.app, f.tokens.admin, "/tokens", { role: "planner", expiresInDays: null });
    expect(never.json().expiresAt).toBeNull();
  });

  it("refuses an expired token with 401 CT_TOKEN_EXPIRED, in both languages", async () => {
    const issued = (
      await post(f.app, f.tokens.admin, "/tokens", { role: "unit", unitCode: "00008", expiresInDays: 2 })
    ).json();
    expect((await get(f.app, issued.token, "/me")).statusCode).toBe(200);
    f.now.value = new Date(NOW.getTime() + 2 * DAY);
    const problem = expectProblem(await get(f.app, issued.token, "/me"), 401, "CT_TOKEN_EXPIRED");
    expect(problem.message.vi).toContain("đã hết hạn");
    expect(problem.message.en).toContain("expired");
  });

  it("rotates without downtime: the successor works at once, the old one through the overlap, then not", async () => {
    const old = (
      await post(f.app, f.tokens.admin, "/tokens", { role: "unit", unitCode: "00008", label: "Ward 8" })
    ).json();
    const rotated = await post(f.app, f.tokens.admin, `/tokens/${old.id}/rotate`, { overlapDays: 3 });
    expect(rotated.statusCode).toBe(201);
    const { issued, old: before } = rotated.json();
    expect(issued).toMatchObject({ role: "unit", unitCode: "00008", label: "Ward 8" });
    expect(Date.parse(before.expiresAt) - NOW.getTime()).toBe(3 * DAY);
    expect((await get(f.app, issued.token, "/me")).statusCode).toBe(200);
    expect((await get(f.app, old.token, "/me")).statusCode).toBe(200);
    f.now.value = new Date(NOW.getTime() + 3 * DAY + 1);
    expectProblem(await get(f.app, old.token, "/me"), 401, "CT_TOKEN_EXPIRED");
    expect((await get(f.app, issued.token, "/me")).statusCode).toBe(200);
  });
});

describe("chitieu token issue --expires and rotate", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-token-expiry-"));
  const db = path.join(dir, "t.sqlite");
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("issues with --expires, rotates with --overlap, and the server accepts both tokens", async () => {
    const a = capture(dir);
    expect(await run(["issue", "--unit", "00004", "--expires", "30", "--db", db], a.io)).toBe(0);
    const first = a.out().trim();
    const b = capture(dir);
    expect(await run(["rotate", first.slice(3, 13), "--overlap", "2", "--db", db], b.io)).toBe(0);
    const second = b.out().trim();
    expect(second).toMatch(/^ct_[0-9a-f]{10}_/);
    expect(b.err()).toContain("keeps working until");
    const app = await buildApp({ db: { sqlitePath: db }, tokenCacheMs: 0, referenceRefreshMs: 0 });
    try {
      for (const t of [first, second]) {
        const res = await app.inject({ method: "GET", url: "/api/v1/me", headers: auth(t) });
        expect(res.statusCode).toBe(200);
      }
    } finally {
      await app.close();
    }
    const bad = capture(dir);
    expect(await run(["issue", "--unit", "00004", "--expires", "soon", "--db", db], bad.io)).toBe(2);
    expect(bad.err()).toContain("--expires takes a number of days");
  });
});
