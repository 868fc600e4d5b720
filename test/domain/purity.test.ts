/**
 * src/domain is pure TypeScript: this test reads every file under it and fails when one imports React, office-js,
 * Fastify, ExcelJS, Kysely, a database driver or a Node built-in, or calls Excel.run.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { join, relative } from "node:path";

const ROOT = join(__dirname, "..", "..", "src", "domain");

const FORBIDDEN_MODULES: RegExp[] = [
  /^react(-dom)?(\/|$)/,
  /^@fluentui\//,
  /^office-js/,
  /^@microsoft\/office-js/,
  /^office-addin-/,
  /^fastify/,
  /^@fastify\//,
  /^exceljs/,
  /^kysely/,
  /^better-sqlite3/,
  /^pg(\/|$)/,
  /^node:/,
  new RegExp(
    `^(${builtinModules
      .filter((m) => !m.startsWith("_"))
      .map((m) => m.replace(/[/]/g, "\\/"))
      .join("|")})(\\/|$)`,
  ),
];
const FORBIDDEN_TEXT: [RegExp, string][] = [
  [/\bExcel\.run\b/, "Excel.run"],
  [/\bOffice\.(onReady|context)\b/, "Office globals"],
];
const SPECIFIERS = [
  /\bfrom\s*["']([^"']+)["']/g,
  /\bimport\s*["']([^"']+)["']/g,
  /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
  /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g,
];

/** Every problem in one file's text: forbidden module specifiers and forbidden calls. */
export function impurities(text: string): string[] {
  const found: string[] = [];
  for (const re of SPECIFIERS) {
    for (const m of text.matchAll(re)) {
      const spec = m[1];
      if (FORBIDDEN_MODULES.some((f) => f.test(spec))) found.push(`imports "${spec}"`);
    }
  }
  for (const [re, what] of FORBIDDEN_TEXT) if (re.test(text)) found.push(`uses ${what}`);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(name) ? [path] : [];
  });
}

describe("src/domain purity", () => {
  it.each<[string, string]>([
    ["React", 'import { useState } from "react";'],
    ["react-dom", 'import { createRoot } from "react-dom/client";'],
    ["office-js", 'import "@microsoft/office-js";'],
    ["Fastify", "import Fastify from 'fastify';"],
    ["a Fastify plugin", 'import cors from "@fastify/cors";'],
    ["ExcelJS", 'import ExcelJS from "exceljs";'],
    ["Kysely", 'import { Kysely } from "kysely";'],
    ["better-sqlite3", 'const Database = require("better-sqlite3");'],
    ["pg", 'import { Pool } from "pg";'],
    ["node:fs", 'import { readFileSync } from "node:fs";'],
    ["fs", 'import * as fs from "fs";'],
    ["path", 'import { join } from "path";'],
    ["crypto (a built-in)", 'import { createHash } from "crypto";'],
    ["a dynamic import of a built-in", 'const os = await import("os");'],
    ["Excel.run", "await Excel.run(async (context) => context.sync());"],
  ])("would catch %s", (_label, text) => {
    expect(impurities(text)).not.toEqual([]);
  });

  it("lets relative imports and type-only imports of domain files through", () => {
    expect(impurities('import type { Target } from "../types";\nimport { parsePeriod } from "./periods";')).toEqual([]);
  });

  it("finds no forbidden import or call in any file under src/domain", () => {
    const files = sourceFiles(ROOT);
    expect(files.length).toBeGreaterThan(20);
    const problems = files.flatMap((f) => impurities(readFileSync(f, "utf8")).map((p) => `${relative(ROOT, f)} ${p}`));
    expect(problems).toEqual([]);
  });
});
