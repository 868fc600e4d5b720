/**
 * A full disk is its own error: the SQLite file on a small tmpfs (mounted by the test, as root), the disk filled,
 * then a submission answers 507 CT_STORAGE_FULL (nothing stored), readiness says not ready, and once space is back
 * the same instance stores again and is ready — no restart.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/server/app";
import { issueToken } from "../../src/server/services/token-admin";
import { DEV_PEPPER } from "../../src/server/tokens";
import { body, expectProblem, NOW, submit, UNIT } from "./helpers";

jest.setTimeout(60_000);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-full-"));
const mounted =
  process.getuid?.() === 0 && spawnSync("mount", ["-t", "tmpfs", "-o", "size=24m", "tmpfs", dir]).status === 0;
if (!mounted) console.warn("disk-full test SKIPPED: mounting a tmpfs needs root");
const describeIf = mounted ? describe : describe.skip;

describeIf("a full disk under the SQLite file", () => {
  let app: FastifyInstance;
  let token: string;
  const filler = path.join(dir, "filler.bin");

  beforeAll(async () => {
    app = await buildApp({
      db: { sqlitePath: path.join(dir, "chitieu.sqlite") },
      now: () => NOW,
      tokenCacheMs: 0,
      referenceRefreshMs: 0,
      minFreeBytes: 1024 * 1024,
    });
    await app.ready();
    token = (await issueToken(app.store.db, DEV_PEPPER, { role: "unit", unitCode: UNIT }, NOW.toISOString())).token;
    expect((await submit(app, token, body(app, { period: "2026-Q1" }))).statusCode).toBe(201);
  });

  afterAll(async () => {
    await app?.close();
    spawnSync("umount", [dir]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("answers 507 CT_STORAGE_FULL and not ready while full, and recovers without a restart", async () => {
    // fill the disk to the last byte
    try {
      execFileSync("dd", ["if=/dev/zero", `of=${filler}`, "bs=64k"], { stdio: "ignore" });
    } catch {
      /* dd stops with ENOSPC: the disk is full */
    }
    const health = await app.inject({ method: "GET", url: "/api/v1/health/ready" });
    expect(health.statusCode).toBe(503);
    expect(health.json()).toMatchObject({ ready: false, checks: { disk: { ok: false } } });
    expect((await app.inject({ method: "GET", url: "/api/v1/health/live" })).statusCode).toBe(200);

    // revisions until the log cannot grow: the space left in SQLite's files takes a few
    let supersedes: string | null = null;
    let stored = 0;
    let full = await submit(app, token, body(app, { period: "2026-Q2" }, 1));
    for (let i = 0; i < 500 && full.statusCode === 201; i++) {
      stored += 1;
      supersedes = full.json().submissionId;
      full = await submit(app, token, body(app, { period: "2026-Q2", supersedes }, i + 2));
    }
    const problem = expectProblem(full, 507, "CT_STORAGE_FULL");
    expect(Number(full.headers["retry-after"])).toBeGreaterThan(0);
    expect(problem.message.vi).toContain("Ổ đĩa");
    expect(problem.message.en).toContain("disk is full");

    fs.rmSync(filler);
    expect((await app.inject({ method: "GET", url: "/api/v1/health/ready" })).statusCode).toBe(200);
    // the refused revision was not stored: the next one supersedes the last acknowledged
    const again = await submit(app, token, body(app, { period: "2026-Q2", supersedes }, 1));
    expect(again.statusCode).toBe(201);
    expect(again.json().revision).toBe(stored + 1);
    const report = await app.inject({
      method: "GET",
      url: `/api/v1/reports/${UNIT}/2026-Q2/history`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(report.statusCode).toBe(200);
  });
});
