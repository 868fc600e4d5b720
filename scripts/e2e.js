#!/usr/bin/env node
"use strict";
// `npm run test:e2e`: the browser end-to-end tests (test/e2e/*.e2e.ts) with playwright-core on Debian's chromium.
//   1. installs chromium with apt-get when it is missing (root only; never a downloaded browser)
//   2. builds the add-in (webpack production → dist/web) when a source is newer than the build
//   3. runs each test/e2e/*.e2e.ts with tsx; each starts the real endpoint (bin/chitieu.js serve, SQLite, HTTPS) that
//      serves dist/web, drives the pane, and writes its counts
//   4. writes test-results/e2e.json and ends with one line "N passed, N failed"
// Options: --no-build, a list of suite names (e.g. `node scripts/e2e.js taskpane`).
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const results = path.join(root, "test-results");
const args = process.argv.slice(2);
const noBuild = args.includes("--no-build");
const wanted = args.filter((a) => !a.startsWith("--"));
const chromium = process.env.CHITIEU_CHROMIUM || "/usr/bin/chromium";
fs.mkdirSync(results, { recursive: true });

function finish(passed, failed, suites) {
  fs.writeFileSync(path.join(results, "e2e.json"), JSON.stringify({ passed, failed, suites }, null, 2));
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

// 1. the browser
if (!fs.existsSync(chromium)) {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot) {
    console.log("e2e: installing chromium (apt-get)…");
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  }
  if (!fs.existsSync(chromium)) {
    console.error(
      `✖ Không tìm thấy chromium tại ${chromium}. Cài bằng: apt-get install -y chromium\n  Chromium not found at ${chromium}. Install it with: apt-get install -y chromium`,
    );
    finish(0, 1, []);
  }
}

// 2. the build
function newest(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let n = 0;
  for (const e of fs.readdirSync(p)) n = Math.max(n, newest(path.join(p, e)));
  return n;
}
const built = path.join(root, "dist", "web", "taskpane.html");
const sources = Math.max(
  newest(path.join(root, "src")),
  newest(path.join(root, "webpack.config.js")),
  newest(path.join(root, "manifest.xml")),
  newest(path.join(root, "assets")),
);
if (!noBuild && (!fs.existsSync(built) || sources > fs.statSync(built).mtimeMs)) {
  console.log("e2e: building the add-in (webpack --mode production)…");
  const started = Date.now();
  const r = spawnSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (r.status !== 0) {
    console.error("✖ Đóng gói add-in thất bại. / Building the add-in failed.");
    finish(0, 1, []);
  }
  console.log(`e2e: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

// 3. the suites
const dir = path.join(root, "test", "e2e");
const suites = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".e2e.ts"))
  .map((f) => f.replace(/\.e2e\.ts$/, ""))
  .filter((s) => wanted.length === 0 || wanted.includes(s))
  .sort();
let passed = 0;
let failed = 0;
const summary = [];
for (const suite of suites) {
  console.log(`\n━━ e2e: ${suite} ━━`);
  const out = path.join(results, `e2e-${suite}.json`);
  fs.rmSync(out, { force: true });
  const r = spawnSync(process.execPath, ["--import", "tsx", path.join(dir, `${suite}.e2e.ts`)], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, CHITIEU_FROM_SOURCE: "1", CHITIEU_E2E_RESULT: out },
    timeout: 15 * 60 * 1000,
  });
  let counts = null;
  try {
    counts = JSON.parse(fs.readFileSync(out, "utf8"));
  } catch {
    counts = null;
  }
  if (counts) {
    passed += counts.passed;
    failed += counts.failed;
    if (r.status !== 0 && counts.failed === 0) failed += 1;
  } else {
    failed += 1; // crashed before counting
  }
  summary.push({ suite, status: r.status, passed: counts ? counts.passed : 0, failed: counts ? counts.failed : 1 });
}
finish(passed, failed, summary);
