/**
 * A private PostgreSQL cluster for tests that must stop or restart a database — never the shared server on 5432.
 * initdb and pg_ctl run as the `postgres` user when the test runs as root (PostgreSQL refuses root), as the
 * current user otherwise. See ../shared/TOOLING.md.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

function pgBin(): string | null {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], "bin") : null;
}

/** Why a private cluster cannot run here (null when it can). */
export function privateClusterUnavailable(): string | null {
  if (!pgBin()) return "no PostgreSQL binaries under /usr/lib/postgresql/<version>/bin";
  if (process.getuid?.() === 0 && spawnSync("id", ["postgres"]).status !== 0) return "no `postgres` user";
  return null;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export interface PrivateCluster {
  port: number;
  url: string;
  /** pg_ctl start, waiting until it accepts connections */
  start(): void;
  /** pg_ctl stop with the given mode (immediate: no shutdown checkpoint, connections cut as by a crash) */
  stop(mode?: "immediate" | "fast"): void;
  /** stop if running and delete the cluster's folder */
  destroy(): void;
}

export async function createPrivateCluster(): Promise<PrivateCluster> {
  const bin = pgBin();
  if (!bin) throw new Error(privateClusterUnavailable() ?? "no PostgreSQL");
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-pg-"));
  const data = path.join(dir, "data");
  const log = path.join(dir, "server.log");
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync("chown", ["-R", "postgres:postgres", dir]);
  const run = (tool: string, args: string[]) => {
    const cmd = [path.join(bin, tool), ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
    const r = asRoot
      ? spawnSync("su", ["postgres", "-s", "/bin/sh", "-c", cmd], { encoding: "utf8" })
      : spawnSync("/bin/sh", ["-c", cmd], { encoding: "utf8" });
    if (r.status !== 0) {
      const tail = fs.existsSync(log) ? fs.readFileSync(log, "utf8").slice(-2000) : "";
      throw new Error(`${tool} ${args.join(" ")} failed (${r.status}): ${r.stderr}${r.stdout}\n${tail}`);
    }
  };
  run("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "--no-sync"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`;
  let running = false;
  const cluster: PrivateCluster = {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start() {
      run("pg_ctl", ["-D", data, "-l", log, "-o", options, "-w", "-t", "30", "start"]);
      running = true;
    },
    stop(mode = "immediate") {
      run("pg_ctl", ["-D", data, "-m", mode, "-w", "stop"]);
      running = false;
    },
    destroy() {
      try {
        if (running) cluster.stop("immediate");
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  cluster.start();
  return cluster;
}
