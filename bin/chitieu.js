#!/usr/bin/env node
"use strict";
// Runs the compiled CLI when `npm run build` has produced it, else the TypeScript sources through tsx.
const path = require("node:path");
const fs = require("node:fs");
const compiled = path.join(__dirname, "..", "dist", "node", "cli", "main.js");
// `chitieu … | head` closes the pipe early: stop quietly instead of crashing on EPIPE
process.stdout.on("error", (e) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});
let mod;
if (fs.existsSync(compiled) && !process.env.CHITIEU_FROM_SOURCE) {
  mod = require(compiled);
} else {
  require("tsx/cjs");
  mod = require(path.join(__dirname, "..", "src", "cli", "main.ts"));
}
mod.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`${(e && e.stack) || String(e)}\n`);
    process.exitCode = 70;
  },
);
