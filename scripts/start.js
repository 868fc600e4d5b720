#!/usr/bin/env node
"use strict";
// `npm start`: the whole product on the embedded default, from a fresh clone after `npm ci`.
//   1. builds the add-in (webpack production → dist/web) when the sources are newer than the build
//   2. makes the development certificate (office-addin-dev-certs → ~/.office-addin-dev-certs)
//   3. starts the endpoint over HTTPS on the embedded SQLite file .chitieu/chitieu.sqlite (catalog, 126 units and the
//      demo units seeded by its migrations), serving the task pane, the ribbon commands and the manifest
//   4. prints the demo tokens, then sideloads the add-in into desktop Excel where there is one (Windows, macOS);
//      on Linux it says so in one line and prints the address of the browser preview instead.
// `npm stop` stops what this started. Options: --port N (default 3000, or CHITIEU_PORT), --no-build.
const { spawn, spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const https = require("node:https");
const os = require("node:os");

const root = path.join(__dirname, "..");
const state = path.resolve(process.env.CHITIEU_STATE_DIR || path.join(root, ".chitieu"));
const args = process.argv.slice(2);
const portArg = args.indexOf("--port");
const port = Number(portArg >= 0 ? args[portArg + 1] : process.env.CHITIEU_PORT || 3000);
const noBuild = args.includes("--no-build");
fs.mkdirSync(state, { recursive: true });

function say(vi, en) {
  console.log(`${vi}\n  ${en}`);
}
function fail(vi, en) {
  console.error(`✖ ${vi}\n  ${en}`);
  process.exit(1);
}
function newestMtime(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

// 0. already running?
const pidFile = path.join(state, "server.pid");
if (fs.existsSync(pidFile)) {
  const pid = Number(fs.readFileSync(pidFile, "utf8"));
  try {
    process.kill(pid, 0);
    fail(
      `Chỉ tiêu đang chạy (tiến trình ${pid}). Dừng bằng: npm stop`,
      `Chỉ tiêu is already running (pid ${pid}). Stop it with: npm stop`,
    );
  } catch {
    fs.rmSync(pidFile, { force: true });
  }
}

// 1. build the add-in
const built = path.join(root, "dist", "web", "taskpane.html");
const sourcesNewer =
  !fs.existsSync(built) ||
  Math.max(newestMtime(path.join(root, "src")), fs.statSync(path.join(root, "manifest.xml")).mtimeMs) >
    fs.statSync(built).mtimeMs;
if (!noBuild && sourcesNewer) {
  say("Đang đóng gói add-in (webpack)…", "Building the add-in (webpack)…");
  const r = spawnSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, CHITIEU_PUBLIC_URL: process.env.CHITIEU_PUBLIC_URL || `https://localhost:${port}/` },
  });
  if (r.status !== 0)
    fail("Đóng gói add-in thất bại (xem lỗi ở trên).", "Building the add-in failed (see the errors above).");
}

// 2. development certificate
const certDir = path.join(os.homedir(), ".office-addin-dev-certs");
const cert = path.join(certDir, "localhost.crt");
const key = path.join(certDir, "localhost.key");
const ca = path.join(certDir, "ca.crt");
if (!fs.existsSync(cert) || !fs.existsSync(key)) {
  const r = spawnSync(process.execPath, [require.resolve("office-addin-dev-certs/cli.js"), "install"], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (!fs.existsSync(cert))
    fail("Không tạo được chứng chỉ phát triển.", `Could not make the development certificate: ${r.stderr || r.stdout}`);
  if (/Unable to install the CA/.test(`${r.stdout}${r.stderr}`)) {
    say(
      "Chứng chỉ đã tạo; chưa thêm được CA vào kho tin cậy của máy (cần quyền quản trị). Trình duyệt sẽ cảnh báo.",
      `Certificate made; its CA could not be added to the trust store (needs admin rights): trust ${ca} or accept the browser's warning.`,
    );
  }
}

// 3. the endpoint
const db = path.join(state, "chitieu.sqlite");
const log = path.join(state, "server.log");
const out = fs.openSync(log, "w");
const child = spawn(
  process.execPath,
  [path.join(root, "bin", "chitieu.js"), "serve", "--port", String(port), "--db", db],
  {
    cwd: root,
    detached: true,
    stdio: ["ignore", out, out],
    env: {
      ...process.env,
      CHITIEU_TLS_KEY: process.env.CHITIEU_TLS_KEY || key,
      CHITIEU_TLS_CERT: process.env.CHITIEU_TLS_CERT || cert,
      CHITIEU_STATIC_ROOT: process.env.CHITIEU_STATIC_ROOT || path.join(root, "dist", "web"),
      CHITIEU_ALLOWED_ORIGIN: process.env.CHITIEU_ALLOWED_ORIGIN || `https://localhost:${port}`,
    },
  },
);
fs.writeFileSync(pidFile, String(child.pid));
child.unref();

function ping() {
  return new Promise((resolve) => {
    const req = https.get(
      {
        host: "127.0.0.1",
        port,
        path: "/api/v1/health",
        ca: fs.readFileSync(ca),
        servername: "localhost",
        timeout: 2000,
      },
      (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      },
    );
    req.on("error", () => resolve(false));
    req.on("timeout", () => {
      req.destroy();
      resolve(false);
    });
  });
}

(async () => {
  const deadline = Date.now() + 60_000;
  let ready = false;
  while (!ready && Date.now() < deadline) {
    let alive = true;
    try {
      process.kill(child.pid, 0);
    } catch {
      alive = false;
    }
    if (!alive) break;
    ready = await ping();
    if (!ready) await new Promise((r) => setTimeout(r, 300));
  }
  const text = fs.readFileSync(log, "utf8");
  if (!ready) {
    process.stderr.write(text);
    fs.rmSync(pidFile, { force: true });
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
    fail(
      "Máy chủ không khởi động được (nhật ký ở trên, và trong .chitieu/server.log).",
      "The endpoint did not start (log above, and in .chitieu/server.log).",
    );
  }
  // The server prints demo tokens when it creates a fresh database; keep them for later starts.
  const tokenFile = path.join(state, "demo-tokens.txt");
  const tokens = [...text.matchAll(/^(?:demo|planner)[^\n]*token[^\n]*:\s*(\S+)\s*$/gim)].map((m) => m[0].trim());
  if (tokens.length) fs.writeFileSync(tokenFile, tokens.join("\n") + "\n");
  const base = `https://localhost:${port}`;
  console.log("");
  say(`Chỉ tiêu đang chạy tại ${base}`, `Chỉ tiêu is running at ${base}`);
  console.log(`  API:        ${base}/api/v1/catalog`);
  console.log(`  manifest:   ${base}/manifest.xml`);
  if (fs.existsSync(tokenFile)) console.log(fs.readFileSync(tokenFile, "utf8").replace(/^/gm, "  ").trimEnd());
  if (process.platform === "win32" || process.platform === "darwin") {
    say("Đang nạp add-in vào Excel trên máy…", "Sideloading the add-in into desktop Excel…");
    spawnSync(
      "npx",
      [
        "--yes",
        "office-addin-debugging@7.0.0",
        "start",
        "manifest.xml",
        "desktop",
        "--no-debug",
        "--dev-server-port",
        String(port),
      ],
      {
        cwd: root,
        stdio: "inherit",
        shell: process.platform === "win32",
      },
    );
  } else {
    console.log(`No desktop Excel on ${process.platform}: open the browser preview at ${base}/taskpane.html`);
  }
  say("Dừng bằng: npm stop", "Stop with: npm stop");
})();
