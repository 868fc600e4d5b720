import { promises as fs } from "node:fs";
import path from "node:path";
import { parseCatalogCsv, parseCatalogRows } from "../domain";
import type { Bilingual, CatalogLoadResult } from "../domain/types";

/** What a CLI command may touch; tests pass their own streams. */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export type CliCommand = (argv: string[], io: CliIo) => Promise<number>;

/** Print a bilingual message: Vietnamese first, English beneath. */
export function printBilingual(stream: NodeJS.WritableStream, message: Bilingual, prefix = ""): void {
  stream.write(`${prefix}${message.vi}\n${prefix}${message.en}\n`);
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}

/** Load a catalog from a CSV or .xlsx file (first sheet, same columns as the CSV). */
export async function loadCatalogFile(file: string): Promise<CatalogLoadResult> {
  const data = await fs.readFile(file);
  if (path.extname(file).toLowerCase() === ".xlsx") {
    const { readSheetRows } = require("../workbook/xlsx/sheet-rows") as typeof import("../workbook/xlsx/sheet-rows");
    return parseCatalogRows(await readSheetRows(data));
  }
  return parseCatalogCsv(data.toString("utf8"));
}
