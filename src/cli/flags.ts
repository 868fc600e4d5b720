/**
 * The CLI's flag handling, once: parsing a command's flags with its bilingual usage error, and the flags several
 * commands share (the endpoint client's --endpoint/--token/--ca, the --catalog file). Commands import these helpers
 * from here (and io.ts), never from each other.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { defaultCatalog } from "../domain";
import type { Catalog } from "../domain/types";
import type { EndpointClient } from "./client";
import { loadCatalogFile, printBilingual, type CliIo } from "./io";

/**
 * The flags of the commands that read the units' reports over a range or a period — `chitieu consolidate --from/--to`
 * and `chitieu brief` — defined once: where the reports come from (files, or --from-endpoint with --token/--ca and
 * --basis), which units (--group, --include-demo), the output and the exit rule (--allow-rejected); parseCommand adds
 * --help.
 */
export const REPORT_SOURCE_OPTIONS = {
  output: { type: "string", short: "o" },
  group: { type: "string" },
  "from-endpoint": { type: "string" },
  token: { type: "string" },
  ca: { type: "string" },
  basis: { type: "string" },
  "include-demo": { type: "boolean" },
  "allow-rejected": { type: "boolean" },
} as const satisfies ParseArgsConfig["options"];

/** Print a usage error (✖, Vietnamese then English) and the command's help to stderr; returns exit code 2. */
export function usageError(io: CliIo, vi: string, en: string, help: string): number {
  printBilingual(io.stderr, { vi, en }, "✖ ");
  io.stderr.write(help);
  return 2;
}

type Parsed<T extends ParseArgsConfig> = ReturnType<typeof parseArgs<T>>;

/**
 * node:util's parseArgs over `argv`, with the one usage error every command gives for an unknown or malformed flag.
 * Returns the parsed flags, or exit code 2 once the error and the help are printed.
 */
export function parseFlags<T extends Omit<ParseArgsConfig, "args">>(
  argv: string[],
  io: CliIo,
  help: string,
  config: T,
): Parsed<T & { args: string[] }> | number {
  try {
    return parseArgs({ ...config, args: argv });
  } catch (e) {
    return invalidFlags(io, e, help);
  }
}

const HELP_OPTION = { help: { type: "boolean", short: "h" } } as const;

/**
 * What every command does first: parseFlags with --help/-h added, and on --help its help on stdout. Returns the
 * parsed flags, or the exit code to return at once: 0 after the help, 2 after a usage error.
 */
export function parseCommand<T extends Omit<ParseArgsConfig, "args">>(
  argv: string[],
  io: CliIo,
  help: string,
  config: T,
): Parsed<T & { args: string[] }> | number {
  const parsed = parseFlags(argv, io, help, { ...config, options: { ...config.options, ...HELP_OPTION } });
  if (typeof parsed === "number") return parsed;
  if ((parsed.values as { help?: boolean }).help) {
    io.stdout.write(help);
    return 0;
  }
  return parsed as Parsed<T & { args: string[] }>;
}

/** The usage error for flags parseArgs refused (unknown, missing its value…); returns exit code 2. */
export function invalidFlags(io: CliIo, e: unknown, help: string): number {
  const why = e instanceof Error ? e.message : String(e);
  return usageError(io, `Tuỳ chọn không hợp lệ: ${why}`, `Invalid option: ${why}`, help);
}

export interface ClientFlags {
  endpoint?: string;
  token?: string;
  ca?: string;
}

/** The endpoint client from --endpoint/--token/--ca (or their environment variables); null after a usage error. */
export function clientFromFlags(
  flags: ClientFlags,
  io: CliIo,
  help: string,
  clientName: string,
): EndpointClient | null {
  const endpoint = flags.endpoint ?? io.env.CHITIEU_ENDPOINT;
  const token = flags.token ?? io.env.CHITIEU_TOKEN;
  if (!endpoint) {
    usageError(
      io,
      "Thiếu địa chỉ máy chủ: --endpoint https://…",
      "The endpoint address is missing: --endpoint https://…",
      help,
    );
    return null;
  }
  if (!token) {
    usageError(io, "Thiếu mã truy cập: --token <mã>", "The access token is missing: --token <token>", help);
    return null;
  }
  let ca: Buffer | undefined;
  if (flags.ca) {
    try {
      ca = fs.readFileSync(path.resolve(io.cwd, flags.ca));
    } catch {
      usageError(
        io,
        `Không đọc được tệp chứng chỉ ${flags.ca}.`,
        `Cannot read the certificate file ${flags.ca}.`,
        help,
      );
      return null;
    }
  }
  // loaded when needed: a reading thread that loads the flags never loads the HTTP client
  const { createEndpointClient } = require("./client") as typeof import("./client");
  return createEndpointClient({ endpoint, token, ca, clientName });
}

/** The catalog of --catalog (a CSV or .xlsx file), or the default one; null after printing every bad row. */
export async function catalogFromFlag(file: string | undefined, io: CliIo): Promise<Catalog | null> {
  if (!file) return defaultCatalog();
  const result = await loadCatalogFile(path.resolve(io.cwd, file));
  if (result.ok) return result.catalog;
  for (const i of result.issues)
    printBilingual(
      io.stderr,
      {
        vi: `dòng ${i.row}, cột ${i.column} — ${i.message.vi}`,
        en: `row ${i.row}, column ${i.column} — ${i.message.en}`,
      },
      "✖ ",
    );
  return null;
}
