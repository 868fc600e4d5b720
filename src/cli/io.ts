import type { Bilingual } from "../domain/types";

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
