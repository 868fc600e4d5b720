#!/usr/bin/env node
"use strict";
// `npm run bench [name…]`: runs every benchmark script (bench/<name>/*.ts, one script per claimed number) with tsx
// and collects their `area.metric=value` lines into bench/out/results.txt. Benchmarks are scripts, never tests.
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const benchDir = path.join(root, "bench");
const wanted = process.argv.slice(2);
const scripts = [];
for (const dir of fs.readdirSync(benchDir).sort()) {
  const full = path.join(benchDir, dir);
  if (!fs.statSync(full).isDirectory() || dir === "out") continue;
  if (wanted.length && !wanted.includes(dir)) continue;
  for (const f of fs.readdirSync(full).sort())
    if (/^[a-z][\w-]*\.ts$/.test(f)) scripts.push(path.join("bench", dir, f));
}
fs.mkdirSync(path.join(benchDir, "out"), { recursive: true });
const lines = [];
let failures = 0;
for (const s of scripts) {
  console.log(`\n━━ ${s} ━━`);
  const r = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", s], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, CHITIEU_FROM_SOURCE: "1" },
  });
  process.stdout.write(r.stdout || "");
  for (const l of (r.stdout || "").split("\n")) if (/^[a-z][\w.]*=/.test(l)) lines.push(l);
  if (r.status !== 0) {
    failures++;
    console.error(`✖ ${s} exited with ${r.status}`);
  }
}
fs.writeFileSync(path.join(benchDir, "out", "results.txt"), lines.join("\n") + "\n");
console.log(
  `\n${lines.length} figures written to bench/out/results.txt${failures ? `; ${failures} script(s) failed` : ""}`,
);
process.exit(failures ? 1 : 0);
