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

/** A progress bar on stderr: redrawn in place on a terminal, one closing line otherwise. */
export function progressBar(io: CliIo, total: number): { tick: (label: string) => void; done: () => void } {
  const tty = Boolean((io.stderr as NodeJS.WriteStream).isTTY);
  let n = 0;
  let last = 0;
  const draw = (label: string): void => {
    const width = 30;
    const filled = total === 0 ? width : Math.round((n / total) * width);
    const pct = total === 0 ? 100 : Math.floor((n / total) * 100);
    const name = label.length > 40 ? `…${label.slice(-39)}` : label;
    io.stderr.write(
      `\r[${"█".repeat(filled)}${"░".repeat(width - filled)}] ${String(pct).padStart(3)}% ${n}/${total} ${name}\x1b[K`,
    );
  };
  return {
    tick(label) {
      n += 1;
      const now = Date.now();
      if (tty && (now - last > 80 || n === total)) {
        last = now;
        draw(label);
      }
    },
    done() {
      if (tty) io.stderr.write("\n");
      else io.stderr.write(`[${"█".repeat(30)}] 100% ${n}/${total} — đã đọc / read\n`);
    },
  };
}
