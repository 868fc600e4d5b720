/**
 * What one submission costs, step by step, in this process (no HTTP, no database): the request's JSON parse, the
 * request schema, the canonical text and its hash, the domain rules, the stored text and its compression. A bare
 * Fastify route that parses the same body and answers is measured too, over real HTTP, for the framework's share.
 *
 *   npx tsx bench/server/steps.ts
 *
 * These are the floor under the burst's "server CPU per submission" (burst.ts): the rest is the framework, the
 * token check, the report's state read, the hand-over to the writer thread, SQLite's inserts and the garbage
 * collector.
 */
import { randomUUID } from "node:crypto";
import autocannon from "autocannon";
import Fastify from "fastify";
import { createUnitRegistry, defaultCatalog, defaultUnits, validate } from "../../src/domain";
import { fastPath } from "../../src/server/plugins/zod-fast";
import { SubmissionRequest } from "../../src/api";
import { canonicalContent, deflatePacked, packText } from "../../src/server/services/content";
import { validEntriesFor } from "../../test/server/report-fixture";

const catalog = defaultCatalog();
const allTargets = catalog.targets.map((t) => t.id);
// as in the burst: the wards and communes report all 43 targets
const units = defaultUnits().map((u) =>
  u.kind === "ward" || u.kind === "commune" ? { ...u, targetIds: allTargets } : u,
);
const registry = createUnitRegistry(units);
const code = units.find((u) => u.kind === "ward")!.code;
const entries = validEntriesFor(catalog, registry, code);
const bodyText = JSON.stringify({
  submissionId: randomUUID(),
  supersedes: null,
  unitCode: code,
  period: "2026-03",
  catalogVersion: catalog.version,
  locale: "vi",
  entries,
});

const ROUNDS = 5000;
function perCall(f: () => unknown): number {
  for (let i = 0; i < 500; i++) f();
  const t = process.hrtime.bigint();
  for (let i = 0; i < ROUNDS; i++) f();
  return Number(process.hrtime.bigint() - t) / ROUNDS / 1000;
}

const body = JSON.parse(bodyText) as unknown;
const request = SubmissionRequest.parse(body);
const content = canonicalContent({ ...request, supersedes: null });
const rules = () =>
  validate(
    { unitCode: code, period: "2026-03", catalogVersion: catalog.version, locale: "vi", entries: content.entries },
    { catalog, units: registry, ytd: {} },
  );
const result = rules();
if (!result.ok) throw new Error("the bench report does not pass the rules");
const stored = packText(content.text, result.entries);

const steps: [string, string, () => unknown][] = [
  ["json_parse", "JSON.parse of the body", () => JSON.parse(bodyText)],
  ["schema_zod", "request schema (zod itself)", () => SubmissionRequest.safeParse(body)],
  ["schema", "request schema (as served)", () => fastPath(SubmissionRequest)(body)],
  ["canonical", "canonical text + sha256", () => canonicalContent({ ...request, supersedes: null })],
  ["rules", "domain rules (validate)", rules],
  ["pack", "stored text", () => packText(content.text, result.entries)],
  ["deflate", "compression (writer thread)", () => deflatePacked(stored)],
];
console.log(
  `one report: ${entries.length} targets, a ${Buffer.byteLength(bodyText)}-byte body, ${stored.length} characters stored`,
);
let sum = 0;
for (const [key, label, f] of steps) {
  const us = perCall(f);
  if (key !== "schema_zod") sum += us; // the served path is the fast one; zod itself is shown for comparison
  console.log(`${label.padEnd(30)} ${us.toFixed(1).padStart(6)} µs`);
  console.log(`server.steps.${key}_us=${us.toFixed(1)}`);
}
console.log(`${"sum of the steps".padEnd(30)} ${sum.toFixed(1).padStart(6)} µs`);
console.log(`server.steps.sum_us=${sum.toFixed(1)}`);

/** A bare Fastify route over real HTTP with the same body (parsed, answered with a small JSON): the framework. */
async function bareFastify(): Promise<void> {
  const app = Fastify({ logger: false, bodyLimit: 1 << 20 });
  app.post("/api/v1/submissions", async (req, reply) => {
    reply.code(201);
    return { submissionId: (req.body as { submissionId: string }).submissionId, revision: 1 };
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const port = (app.server.address() as { port: number }).port;
  const r = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: 200,
    duration: 5,
    requests: [
      { method: "POST", path: "/api/v1/submissions", headers: { "content-type": "application/json" }, body: bodyText },
    ],
  });
  await app.close();
  console.log(
    `bare Fastify route, same body, 200 connections: ${Math.round(r.requests.average)} requests/s, p99 ${r.latency.p99} ms (load generator in this process)`,
  );
  console.log(`server.steps.bare_fastify_per_s=${Math.round(r.requests.average)}`);
}
bareFastify().catch((e) => {
  console.error(e);
  process.exit(1);
});
