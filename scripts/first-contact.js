#!/usr/bin/env node
"use strict";
// First contact, as a new administrator meets the product: run the README's start command (`npm start`), wait until it
// is ready, fetch the manifest, the task pane and /api/v1/catalog over HTTPS, submit a demo report with the printed
// demo token through the CLI, then `npm stop`. State goes to a temporary folder so a running instance is not touched.
// Writes test-results/first-contact.json {passed, failed, checks, seconds}.
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const https = require("node:https");
const net = require("node:net");

const root = path.join(__dirname, "..");
const results = path.join(root, "test-results");
fs.mkdirSync(results, { recursive: true });
const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-first-contact-"));
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
function finish() {
  const passed = checks.filter((c) => c.ok).length;
  const failed = checks.length - passed;
  const seconds = (Date.now() - started) / 1000;
  fs.writeFileSync(path.join(results, "first-contact.json"), JSON.stringify({ passed, failed, checks, seconds }, null, 2));
  console.log(`first contact: ${passed} passed, ${failed} failed in ${seconds.toFixed(1)} s`);
  process.exit(failed ? 1 : 0);
}

(async () => {
  const port = await freePort();
  const env = { ...process.env, CHITIEU_PORT: String(port), CHITIEU_STATE_DIR: stateDir };
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const t0 = Date.now();
  const start = spawnSync(npm, ["start"], { cwd: root, env, encoding: "utf8", timeout: 600_000 });
  const startOut = `${start.stdout}\n${start.stderr}`;
  process.stdout.write(startOut.split("\n").map((l) => `  | ${l}`).join("\n") + "\n");
  if (!check("npm start reports the endpoint running", start.status === 0 && /running at https:\/\/localhost/.test(startOut), `${((Date.now() - t0) / 1000).toFixed(1)} s`)) {
    return finish();
  }
  try {
    check("npm start prints the browser preview address or sideloads", /taskpane\.html|Sideloading/.test(startOut));
    const tokenMatch = startOut.match(/demo[^\n]*DEMO-01[^\n]*:\s*(\S+)/i) || startOut.match(/demo[^\n]*token[^\n]*:\s*(\S+)/i);
    check("npm start prints a demo token", Boolean(tokenMatch));

    const manifest = await get(port, "/manifest.xml");
    check("GET /manifest.xml over HTTPS", manifest.status === 200 && manifest.body.includes("<OfficeApp"), `HTTP ${manifest.status}`);
    check("the served manifest points at this server", manifest.body.includes(`https://localhost:${port}/taskpane.html`) || manifest.body.includes("/taskpane.html"));
    const pane = await get(port, "/taskpane.html");
    check("GET /taskpane.html over HTTPS", pane.status === 200 && /<html/i.test(pane.body), `HTTP ${pane.status}`);
    const catalog = await get(port, "/api/v1/catalog");
    let n = 0;
    try {
      n = JSON.parse(catalog.body).targets.length;
    } catch {
      /* counted below */
    }
    check("GET /api/v1/catalog lists the 43 targets", catalog.status === 200 && n === 43, `HTTP ${catalog.status}, ${n} targets`);

    if (tokenMatch) {
      const file = path.join(stateDir, "demo-report.xlsx");
      const cli = (args) =>
        spawnSync(process.execPath, [path.join(root, "bin", "chitieu.js"), ...args], { cwd: root, env, encoding: "utf8" });
      const made = cli(["demo", "workbook", "--unit", "DEMO-01", "--period", "2026-Q1", "--clean", "-o", file]);
      check("chitieu demo workbook writes a filled demo report", made.status === 0 && fs.existsSync(file), (made.stderr || "").trim().slice(0, 300));
      const sent = cli(["submit", file, "--endpoint", `https://localhost:${port}`, "--token", tokenMatch[1], "--ca", ca]);
      process.stdout.write(`${sent.stdout}${sent.stderr}`.split("\n").map((l) => `  | ${l}`).join("\n") + "\n");
      check("chitieu submit sends the demo report with the printed token", sent.status === 0, `exit ${sent.status}`);
    }
  } finally {
    const stop = spawnSync(npm, ["stop"], { cwd: root, env, encoding: "utf8" });
    check("npm stop stops the endpoint", stop.status === 0 && /Stopped|Đã dừng/.test(stop.stdout), stop.stdout.trim());
    const after = await get(port, "/api/v1/health");
    check("nothing answers after npm stop", after.status === 0);
    finish();
  }
})();
