/**
 * Test helpers shared across test folders: a CLI command's captured output streams, and a self-signed certificate
 * made with openssl. (Folder-specific fixtures stay in their folder: test/server/helpers.ts, test/cli/*-fixture.ts.)
 */
import { execFileSync } from "node:child_process";
import { PassThrough } from "node:stream";
import type { CliIo } from "../src/cli/io";

export interface Captured {
  io: CliIo;
  out(): string;
  err(): string;
}

/** A CliIo whose stdout and stderr are kept as text, for a command run in `cwd` with `env`. */
export function capture(cwd: string, env: NodeJS.ProcessEnv = {}): Captured {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (c: Buffer) => (out += c.toString("utf8")));
  stderr.on("data", (c: Buffer) => (err += c.toString("utf8")));
  return { io: { stdout, stderr, env, cwd }, out: () => out, err: () => err };
}

/**
 * A self-signed RSA key and certificate for CN=localhost, valid one day, written to `key` and `cert` (relative to
 * `cwd` when given). With `localhostNames` (the default) the certificate also names DNS:localhost and IP:127.0.0.1.
 */
export function opensslCertificate(
  key: string,
  cert: string,
  opts: { localhostNames?: boolean; cwd?: string } = {},
): void {
  const args = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert];
  args.push("-days", "1", "-subj", "/CN=localhost");
  if (opts.localhostNames !== false) args.push("-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1");
  execFileSync("openssl", args, { stdio: "ignore", ...(opts.cwd ? { cwd: opts.cwd } : {}) });
}
