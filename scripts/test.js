#!/usr/bin/env node
"use strict";
// `npm test`: every check the project has, in order, continuing past a failure so one run shows everything.
//   1. type check (tsc; the domain and api also with noUncheckedIndexedAccess)
//   2. lint (office-addin-lint: typescript-eslint, react-hooks and the Office rules over src, test, bench, scripts)
//   3. format (prettier --check)   and then the manifest (xmllint + our checks)
//   4. unit, integration and component tests (jest, SQLite and PostgreSQL)
//   5. production build of the add-in, then browser end-to-end tests (playwright-core + Debian chromium)
//   6. first contact: `npm start` from this tree, fetch manifest / task pane / catalog over HTTPS, submit, `npm stop`
// It ends with one line "N passed, N failed" counting every test and check that ran.
// Options: --only=jest,e2e (comma list of step names) to run a subset.
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const results = path.join(root, "test-results");
fs.mkdirSync(results, { recursive: true });
const onlyArg = process.argv.find((a) => a.startsWith("--only="));
const only = onlyArg ? new Set(onlyArg.slice(7).split(",")) : null;

const bin = (name) => path.join(root, "node_modules", ".bin", name);
function run(cmd, args, extraEnv = {}) {
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...extraEnv } });
  return { ok: r.status === 0, seconds: (Date.now() - started) / 1000, status: r.status ?? r.signal };
}
/** Two checks run as one step: it passes when both do, and takes their time together. */
function both(a, b) {
  return { ok: a.ok && b.ok, seconds: a.seconds + b.seconds, status: a.ok ? b.status : a.status };
}
const LINTED = "{src,test,bench,scripts}/**/*.{ts,tsx}";
const FORMATTED = "{src,test,bench,scripts}/**/*.{ts,tsx,js}";
function readCounts(file) {
  try {
    const j = JSON.parse(fs.readFileSync(file, "utf8"));
    return { passed: j.passed ?? j.numPassedTests ?? 0, failed: j.failed ?? j.numFailedTests ?? 0 };
  } catch {
    return null;
  }
}

/**
 * Which database engines the jest run exercised, from its own results: the passed tests whose titles name the
 * engine (the server suites run once per engine, named by it). PostgreSQL's are absent when it did not answer.
 */
function engines(file) {
  try {
    const j = JSON.parse(fs.readFileSync(file, "utf8"));
    const n = { sqlite: 0, postgres: 0 };
    for (const f of j.testResults ?? [])
      for (const a of f.assertionResults ?? []) {
        if (a.status !== "passed") continue;
        const title = [...a.ancestorTitles, a.title].join(" ").toLowerCase();
        for (const k of Object.keys(n)) if (new RegExp(`\\b${k}\\b`).test(title)) n[k]++;
      }
    return `database tests: ${n.sqlite} on SQLite, ${n.postgres === 0 ? "none on PostgreSQL (it did not answer: skipped)" : `${n.postgres} on PostgreSQL`}`;
  } catch {
    return null;
  }
}

const steps = [
  {
    name: "typecheck",
    run: () =>
      both(run(bin("tsc"), ["-p", "tsconfig.json", "--noEmit"]), run(bin("tsc"), ["-p", "tsconfig.strict.json"])),
  },
  { name: "lint", run: () => run(bin("office-addin-lint"), ["check", "--files", LINTED]) },
  { name: "format", run: () => run(bin("prettier"), ["--check", "--log-level=warn", FORMATTED]) },
  { name: "manifest", run: () => run(process.execPath, ["scripts/validate-manifest.js"]) },
  {
    name: "jest",
    counts: path.join(results, "jest.json"),
    detail: engines,
    run: () =>
      run(bin("jest"), ["--ci", "--json", `--outputFile=${path.join(results, "jest.json")}`], {
        CHITIEU_FROM_SOURCE: "1",
      }),
  },
  {
    name: "e2e",
    counts: path.join(results, "e2e.json"),
    run: () => run(process.execPath, ["scripts/e2e.js"], { CHITIEU_FROM_SOURCE: "1" }),
  },
  {
    name: "first-contact",
    counts: path.join(results, "first-contact.json"),
    run: () => run(process.execPath, ["scripts/first-contact.js"]),
  },
];

let passed = 0;
let failed = 0;
const summary = [];
for (const step of steps) {
  if (only && !only.has(step.name)) continue;
  if (step.counts) fs.rmSync(step.counts, { force: true });
  console.log(`\n━━ ${step.name} ━━`);
  const r = step.run();
  const counts = step.counts ? readCounts(step.counts) : null;
  if (counts) {
    passed += counts.passed;
    failed += counts.failed;
    // a runner that crashed before counting, or failed without a failing test, still fails the run
    if (!r.ok && counts.failed === 0) failed += 1;
  } else if (r.ok) passed += 1;
  else failed += 1;
  const detail = step.detail ? step.detail(step.counts) : null;
  summary.push(
    `${r.ok ? "✔" : "✖"} ${step.name} (${r.seconds.toFixed(1)} s)${counts ? ` — ${counts.passed} passed, ${counts.failed} failed` : ""}${detail ? `; ${detail}` : ""}`,
  );
}
console.log(`\n━━ summary ━━\n${summary.join("\n")}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
