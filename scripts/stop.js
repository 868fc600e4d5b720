#!/usr/bin/env node
"use strict";
// `npm stop`: stops what `npm start` started (the endpoint, and the Excel sideload where there was one).
const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const pidFile = path.join(
  path.resolve(process.env.CHITIEU_STATE_DIR || path.join(__dirname, "..", ".chitieu")),
  "server.pid",
);
if (!fs.existsSync(pidFile)) {
  console.log("Chỉ tiêu không chạy. / Chỉ tiêu is not running.");
  process.exit(0);
}
const pid = Number(fs.readFileSync(pidFile, "utf8"));
let stopped = false;
for (const target of [-pid, pid]) {
  try {
    process.kill(target, "SIGTERM");
    stopped = true;
    break;
  } catch {
    /* try the next form */
  }
}
const deadline = Date.now() + 10_000;
while (stopped && Date.now() < deadline) {
  try {
    process.kill(pid, 0);
    spawnSync("sleep", ["0.2"]);
  } catch {
    break;
  }
}
fs.rmSync(pidFile, { force: true });
if (process.platform === "win32" || process.platform === "darwin") {
  spawnSync("npx", ["--yes", "office-addin-debugging", "stop", "manifest.xml"], {
    cwd: path.join(__dirname, ".."),
    stdio: "inherit",
    shell: process.platform === "win32",
  });
}
console.log(
  stopped
    ? `Đã dừng Chỉ tiêu (tiến trình ${pid}). / Stopped Chỉ tiêu (pid ${pid}).`
    : "Chỉ tiêu không chạy. / Chỉ tiêu is not running.",
);
