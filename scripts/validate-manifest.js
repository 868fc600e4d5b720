#!/usr/bin/env node
"use strict";
// Checks manifest.xml offline: the XML schema (xmllint + ../shared/office-manifest-xsd when present) and our own
// expectations (vi-VN default, en-US overrides, ExcelApi 1.8, icons that exist in assets/).
// Usage: node scripts/validate-manifest.js [manifest.xml]   (exit 1 on any problem)
const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const root = path.join(__dirname, "..");
const file = path.resolve(process.argv[2] || path.join(root, "manifest.xml"));
const xml = fs.readFileSync(file, "utf8");
const problems = [];

const xsd = path.join(root, "..", "shared", "office-manifest-xsd", "OfficeAppManifestV1_1.xsd");
if (fs.existsSync(xsd)) {
  const r = spawnSync("xmllint", ["--noout", "--nonet", "--schema", xsd, file], { encoding: "utf8" });
  if (r.error) problems.push(`xmllint could not run (${r.error.message}): apt-get install -y libxml2-utils`);
  else if (r.status !== 0) problems.push(`schema: ${r.stderr.trim()}`);
  else console.log(`schema: ${path.basename(file)} validates against OfficeAppManifestV1_1.xsd`);
} else {
  console.log("schema: ../shared/office-manifest-xsd not present, XSD check not run");
}

const expect = (cond, what) => {
  if (!cond) problems.push(what);
};
expect(/<DefaultLocale>vi-VN<\/DefaultLocale>/.test(xml), "DefaultLocale must be vi-VN");
expect(
  (xml.match(/Locale="en-US"/g) || []).length >= 5,
  "en-US overrides expected for name, description and ribbon labels",
);
expect(/<Set Name="ExcelApi" MinVersion="1\.8"\/>/.test(xml), "requirement ExcelApi 1.8 missing");
expect(/<OfficeTab id="TabHome">/.test(xml), "the button must be on the Home tab");
for (const m of xml.matchAll(/\/assets\/(icon-\d+\.png)/g)) {
  expect(fs.existsSync(path.join(root, "assets", m[1])), `icon ${m[1]} referenced but missing in assets/`);
}
for (const size of [16, 32, 64, 80, 128])
  expect(fs.existsSync(path.join(root, "assets", `icon-${size}.png`)), `assets/icon-${size}.png missing`);

if (problems.length) {
  for (const p of problems) console.error(`✖ ${p}`);
  process.exit(1);
}
console.log("manifest: ok");
