/**
 * What a served worker loads. A fresh process runs `startServer` (what each `chitieu serve` worker runs) on a new
 * SQLite file and answers real HTTP; it must still validate and serialize through zod, and it must not have loaded
 * the modules only other set-ups need: Ajv and fast-json-stringify (Fastify's own compilers, unused: zod compiles
 * every route), pg (PostgreSQL only) and nodemailer (the reminders run in the supervisor). Each held megabytes of the
 * worker's memory (bench/README.md, "What the served worker loads").
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const SRC = path.join(__dirname, "..", "..", "src");

const SCRIPT = `
const path = require("node:path");
const { resolveServeConfig } = require(${JSON.stringify(path.join(SRC, "server", "config.ts"))});
const { startServer } = require(${JSON.stringify(path.join(SRC, "server", "main.ts"))});
(async () => {
  const cfg = resolveServeConfig({ port: "0", db: process.argv[1] }, { CHITIEU_LOG: "error" }, process.cwd());
  const server = await startServer(cfg);
  const address = server.app.server.address();
  const base = "http://127.0.0.1:" + address.port + "/api/v1";
  const token = server.demoTokens.find((t) => t.unitCode === "DEMO-01").token;
  const catalog = await fetch(base + "/catalog");
  const bad = await fetch(base + "/submissions", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer " + token },
    body: JSON.stringify({ submissionId: "not-a-uuid" }),
  });
  const loaded = Object.keys(require.cache).map((f) => path.relative(process.cwd(), f));
  console.log(JSON.stringify({
    catalog: { status: catalog.status, targets: (await catalog.json()).targets.length },
    bad: { status: bad.status, problem: await bad.json() },
    loaded,
  }));
  await server.close();
})().catch((e) => { console.error(e); process.exit(1); });
`;

interface Outcome {
  catalog: { status: number; targets: number };
  bad: { status: number; problem: { code: string; title: string; errors?: { path: string }[] } };
  loaded: string[];
}

describe("a served worker's modules", () => {
  let outcome: Outcome;
  let dir: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-worker-modules-"));
    const out = execFileSync(process.execPath, ["-r", "tsx/cjs", "-e", SCRIPT, path.join(dir, "w.sqlite")], {
      cwd: path.join(__dirname, "..", ".."),
      encoding: "utf8",
      env: { ...process.env, NODE_OPTIONS: "", DATABASE_URL: "" },
    });
    outcome = JSON.parse(out.trim().split("\n").pop()!) as Outcome;
  }, 60_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("still answers through zod: the catalog, and a bilingual 400 naming the bad field", () => {
    expect(outcome.catalog.status).toBe(200);
    expect(outcome.catalog.targets).toBeGreaterThan(0);
    expect(outcome.bad.status).toBe(400);
    expect(outcome.bad.problem.code).toBe("CT_REQUEST_INVALID");
    expect(JSON.stringify(outcome.bad.problem)).toContain("submissionId");
  });

  it("loads neither Fastify's own compilers, nor pg, nor nodemailer", () => {
    const unneeded = outcome.loaded.filter((f) =>
      /node_modules\/(ajv|@fastify\/ajv-compiler|@fastify\/fast-json-stringify-compiler|pg|nodemailer)\//.test(f),
    );
    expect(unneeded).toEqual([]);
  });
});
