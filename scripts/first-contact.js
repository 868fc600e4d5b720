#!/usr/bin/env node
"use strict";
// First contact, as a newcomer meets the product: in a fresh clone of this repository, run every command of the
// README's code blocks, in the README's order, exactly as written — `npm start` first, then the CLI and curl examples —
// and check each one works: no crash, no usage error, the exit code the README promises. Between the commands it checks
// what `npm start` promises (manifest, task pane and catalog over HTTPS) and ends with `npm stop`.
//
// What stands in for the newcomer's hands, and nothing else:
//   - the clone gets this checkout's node_modules (a symlink) instead of its own `npm ci` — .ci/run runs the real
//     `npm ci` on a fresh machine; nothing is built beforehand (no dist/), so the CLI runs from the sources;
//   - the endpoint listens on a free port instead of 3000 (`localhost:3000` in commands becomes that port) and keeps
//     its state in a temporary folder, so a running instance is not touched;
//   - TOKEN and PLANNER_TOKEN are set from the two demo tokens `npm start` printed, as the README says to.
// `npm test` is not run (it is what runs this). Writes test-results/first-contact.json {passed, failed, checks, seconds}.
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const https = require("node:https");
const net = require("node:net");

const root = path.join(__dirname, "..");
const results = path.join(root, "test-results");
fs.mkdirSync(results, { recursive: true });
const work = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-first-contact-"));
const stateDir = path.join(work, "state");
const clone = path.join(work, "clone");
const ca = path.join(os.homedir(), ".office-addin-dev-certs", "ca.crt");
const checks = [];
const started = Date.now();

function check(name, ok, detail = "") {
  checks.push({ name, ok, detail });
  console.log(`${ok ? "✔" : "✖"} ${name}${detail ? ` — ${detail}` : ""}`);
  return ok;
}
function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}
function get(port, urlPath) {
  return new Promise((resolve) => {
    const req = https.get(
      { host: "127.0.0.1", port, path: urlPath, servername: "localhost", ca: fs.readFileSync(ca), timeout: 10_000 },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode, type: res.headers["content-type"] || "", body }));
      },
    );
    req.on("error", (e) => resolve({ status: 0, type: "", body: String(e) }));
  });
}
function indent(text) {
  return text
    .trimEnd()
    .split("\n")
    .map((l) => `  | ${l}`)
    .join("\n");
}
function finish() {
  const passed = checks.filter((c) => c.ok).length;
  const failed = checks.length - passed;
  const seconds = (Date.now() - started) / 1000;
  fs.writeFileSync(
    path.join(results, "first-contact.json"),
    JSON.stringify({ passed, failed, checks, seconds }, null, 2),
  );
  console.log(`first contact: ${passed} passed, ${failed} failed in ${seconds.toFixed(1)} s`);
  fs.rmSync(work, { recursive: true, force: true });
  process.exit(failed ? 1 : 0);
}

/** Every command of the README's code blocks, in order: continuation lines joined, blank lines dropped. */
function readmeCommands(readme) {
  const out = [];
  let inBlock = false;
  let pending = "";
  for (const line of readme.split("\n")) {
    if (/^```/.test(line)) {
      inBlock = !inBlock;
      continue;
    }
    if (!inBlock || (!pending && line.trim() === "")) continue;
    if (/\\\s*$/.test(line)) {
      pending += line.replace(/\\\s*$/, " ");
      continue;
    }
    out.push((pending + line).trim());
    pending = "";
  }
  return out;
}

/** The exit codes a command may end with: 0, or 0 and 1 where the README says it exits 1 (on errors, if any). */
function allowedExits(command) {
  return /exit 1/.test(command) ? [0, 1] : [0];
}

(async () => {
  const port = await freePort();
  const cloned = spawnSync("git", ["clone", "--quiet", root, clone], { encoding: "utf8" });
  if (!check("a fresh clone of this repository", cloned.status === 0, cloned.stderr.trim())) return finish();
  fs.symlinkSync(path.join(root, "node_modules"), path.join(clone, "node_modules"), "dir");
  check("the clone has nothing built (no dist/)", !fs.existsSync(path.join(clone, "dist")));

  const commands = readmeCommands(fs.readFileSync(path.join(clone, "README.md"), "utf8"));
  check("the README's code blocks hold commands", commands.length >= 10, `${commands.length} commands`);
  const env = { ...process.env, CHITIEU_PORT: String(port), CHITIEU_STATE_DIR: stateDir };
  delete env.CHITIEU_FROM_SOURCE;
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  let serverStarted = false;
  try {
    for (const written of commands) {
      if (/^npm test\b/.test(written)) continue; // it is what runs this script
      const command = written.replace(/^npm ci && /, "").replace(/localhost:3000/g, `localhost:${port}`);
      const t0 = Date.now();
      const r = spawnSync("bash", ["-c", command], { cwd: clone, env, encoding: "utf8", timeout: 600_000 });
      const output = `${r.stdout}\n${r.stderr}`;
      process.stdout.write(`$ ${written}\n${indent(output)}\n`);
      const crashed = /ERR_[A-Z_]{4,}|^\s+at .+:\d+:\d+\)?$/m.test(r.stderr);
      const allowed = allowedExits(written);
      check(
        `README: ${written.length > 110 ? `${written.slice(0, 107)}…` : written}`,
        allowed.includes(r.status) && !crashed,
        `exit ${r.status}${allowed.length > 1 ? " (0 or 1 allowed)" : ""}${crashed ? ", crashed" : ""}, ${((Date.now() - t0) / 1000).toFixed(1)} s`,
      );
      if (/^npm ci && npm start|^npm start/.test(written)) {
        serverStarted = r.status === 0;
        if (
          !check(
            "npm start reports the endpoint running",
            serverStarted && /running at https:\/\/localhost/.test(output),
          )
        )
          return;
        check("npm start prints the browser preview address or sideloads", /taskpane\.html|Sideloading/.test(output));
        const unit = output.match(/^\s*demo token \(unit DEMO-01\):\s*(\S+)/m);
        const planner = output.match(/^\s*planner demo token:\s*(\S+)/m);
        check("npm start prints a demo unit token and a demo planner token", Boolean(unit && planner));
        if (unit) env.TOKEN = unit[1];
        if (planner) env.PLANNER_TOKEN = planner[1];
        const manifest = await get(port, "/manifest.xml");
        check(
          "GET /manifest.xml over HTTPS",
          manifest.status === 200 && manifest.body.includes("<OfficeApp"),
          `HTTP ${manifest.status}`,
        );
        const pane = await get(port, "/taskpane.html");
        check("GET /taskpane.html over HTTPS", pane.status === 200 && /<html/i.test(pane.body), `HTTP ${pane.status}`);
        const catalog = await get(port, "/api/v1/catalog");
        let n = 0;
        try {
          n = JSON.parse(catalog.body).targets.length;
        } catch {
          /* counted below */
        }
        check(
          "GET /api/v1/catalog lists the 43 targets",
          catalog.status === 200 && n === 43,
          `HTTP ${catalog.status}, ${n} targets`,
        );
      }
    }
    check(
      "the README's examples left their files in the clone",
      ["bao-cao.xlsx", "demo.xlsx", "tong-hop.xlsx"].every((f) => fs.existsSync(path.join(clone, f))),
    );
  } finally {
    if (serverStarted) {
      const stop = spawnSync(npm, ["stop"], { cwd: clone, env, encoding: "utf8" });
      check(
        "npm stop stops the endpoint",
        stop.status === 0 && /Stopped|Đã dừng/.test(stop.stdout),
        stop.stdout.trim(),
      );
      const after = await get(port, "/api/v1/health");
      check("nothing answers after npm stop", after.status === 0);
    }
    finish();
  }
})();
