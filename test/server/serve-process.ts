/**
 * `chitieu serve` as a real process for tests (node bin/chitieu.js, from the sources): resolves once it says where
 * it listens — and, when `until` is given, once its output also matches that (the demo tokens come just after).
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const BIN = path.join(__dirname, "..", "..", "bin", "chitieu.js");

export interface ServeProcess {
  child: ChildProcess;
  /** http(s)://127.0.0.1:<port> */
  url: string;
  /** everything it printed so far, stdout and stderr */
  out: () => string;
}

export function serveProcess(
  args: string[],
  env: Record<string, string>,
  cwd: string,
  until?: RegExp,
): Promise<ServeProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, "serve", ...args], {
      cwd,
      env: { ...process.env, CHITIEU_FROM_SOURCE: "1", CHITIEU_LOG: "error", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    const onData = (c: Buffer) => {
      out += c.toString();
      const m = /is listening at (https?:\/\/\S+)/.exec(out);
      if (m && (!until || until.test(out)))
        resolve({ child, url: m[1]!.replace("localhost", "127.0.0.1"), out: () => out });
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", (code) => reject(new Error(`serve exited with ${code}:\n${out}`)));
  });
}

/** SIGTERM, and wait for the process to end. */
export async function stopProcess(s: ServeProcess | undefined): Promise<void> {
  if (!s) return;
  s.child.removeAllListeners("exit");
  if (s.child.exitCode !== null) return;
  const exited = new Promise((r) => s.child.once("exit", r));
  s.child.kill("SIGTERM");
  await exited;
}
