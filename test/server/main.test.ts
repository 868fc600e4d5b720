import fs from "node:fs";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { createEndpointClient } from "../../src/cli/client";
import { productionProblems, resolveServeConfig } from "../../src/server/config";
import { HISTORY_THRESHOLDS } from "../../src/domain/rules/history";
import { startServer, type RunningServer } from "../../src/server/main";
import { DEV_PEPPER } from "../../src/server/tokens";
import { opensslCertificate } from "../helpers";

const NO_STATIC = path.join(os.tmpdir(), "chitieu-no-static-here");

/** A certificate for localhost: the office-addin-dev-certs files when present, else one made with openssl now. */
function certificate(dir: string): { key: string; cert: string; ca: string; source: string } {
  const dev = path.join(os.homedir(), ".office-addin-dev-certs");
  if (fs.existsSync(path.join(dev, "localhost.key")) && fs.existsSync(path.join(dev, "ca.crt"))) {
    return {
      key: path.join(dev, "localhost.key"),
      cert: path.join(dev, "localhost.crt"),
      ca: path.join(dev, "ca.crt"),
      source: "office-addin-dev-certs",
    };
  }
  const key = path.join(dir, "key.pem");
  const cert = path.join(dir, "cert.pem");
  opensslCertificate(key, cert);
  return { key, cert, ca: cert, source: "openssl" };
}

function get(url: string, ca?: Buffer): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = https.get(url, { ca, servername: "localhost" }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on("error", reject);
  });
}

describe("chitieu serve over real HTTPS", () => {
  let dir: string;
  let server: RunningServer;
  let tls: ReturnType<typeof certificate>;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-https-"));
    tls = certificate(dir);
    const cfg = resolveServeConfig(
      { port: "0", db: path.join(dir, "fresh.sqlite"), tlsKey: tls.key, tlsCert: tls.cert, staticRoot: NO_STATIC },
      { CHITIEU_LOG: "silent" },
      dir,
    );
    server = await startServer(cfg);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("answers over HTTPS with the certificate's CA and prints where it listens", async () => {
    expect(server.url).toMatch(/^https:\/\/localhost:\d+$/);
    const port = new URL(server.url).port;
    const res = await get(`https://127.0.0.1:${port}/api/v1/health`, fs.readFileSync(tls.ca));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, database: "sqlite" });
  });

  it("is refused by a client that does not trust the certificate (CT_TLS_UNTRUSTED), and accepted with --ca", async () => {
    const port = new URL(server.url).port;
    const untrusting = createEndpointClient({ endpoint: `https://localhost:${port}` });
    await expect(untrusting.request("GET", "/health")).rejects.toMatchObject({ code: "CT_TLS_UNTRUSTED" });
    const trusting = createEndpointClient({
      endpoint: `https://localhost:${port}/api/v1/`,
      ca: fs.readFileSync(tls.ca),
    });
    const res = await trusting.request("GET", "/catalog");
    expect(res.status).toBe(200);
    expect((res.json as { targets: unknown[] }).targets).toHaveLength(43);
  });

  it("issued a demo unit token and a planner demo token because it created the database", async () => {
    expect(server.demoTokens.map((t) => t.label)).toEqual(["demo token (unit DEMO-01)", "planner demo token"]);
    const port = new URL(server.url).port;
    const client = createEndpointClient({
      endpoint: `https://localhost:${port}`,
      ca: fs.readFileSync(tls.ca),
      token: server.demoTokens[0]!.token,
    });
    const me = await client.request("GET", "/me");
    expect(me.json).toMatchObject({ role: "unit", unit: { code: "DEMO-01" }, demo: true });
  });

  it("reports an endpoint that does not answer as CT_ENDPOINT_UNREACHABLE", async () => {
    const client = createEndpointClient({ endpoint: "https://127.0.0.1:9" });
    await expect(client.request("GET", "/health")).rejects.toMatchObject({ code: "CT_ENDPOINT_UNREACHABLE" });
  });
});

describe("chitieu serve configuration", () => {
  it("reads flags before environment variables and environment before defaults", () => {
    const cfg = resolveServeConfig(
      { port: "4000" },
      { CHITIEU_PORT: "5000", CHITIEU_ALLOWED_ORIGIN: "https://a.vn, https://b.vn" },
      "/tmp",
    );
    expect(cfg.port).toBe(4000);
    expect(cfg.allowedOrigins).toEqual(["https://a.vn", "https://b.vn"]);
    expect(cfg.db).toEqual({ sqlitePath: "/tmp/chitieu.sqlite" });
    expect(resolveServeConfig({}, { DATABASE_URL: "postgres://u:p@db/x" }, "/tmp").db).toEqual({
      url: "postgres://u:p@db/x",
      poolSize: undefined,
    });
    expect(resolveServeConfig({ db: "x.sqlite" }, { DATABASE_URL: "postgres://u:p@db/x" }, "/tmp").db).toEqual({
      sqlitePath: "/tmp/x.sqlite",
    });
  });

  it.each([
    [{ port: "http" }, {}, "CT_CONFIG_INVALID", "--port"],
    [{ port: "70000" }, {}, "CT_CONFIG_INVALID", "--port"],
    [{ tlsKey: "/nope/key.pem" }, {}, "CT_CONFIG_INVALID", "--tls-cert"],
    [{ tlsKey: "/nope/key.pem", tlsCert: "/nope/cert.pem" }, {}, "CT_CONFIG_INVALID", "--tls-key"],
  ])("refuses %j with %s naming %s", (flags, env, code, setting) => {
    let thrown: unknown;
    try {
      resolveServeConfig(flags, env, "/tmp");
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toMatchObject({ code, details: { setting: expect.stringContaining(setting) } });
  });

  it("reads the history checks' thresholds from CHITIEU_HISTORY_THRESHOLDS and refuses a bad one naming it", () => {
    expect(resolveServeConfig({}, {}, "/tmp").historyThresholds).toEqual(HISTORY_THRESHOLDS);
    expect(resolveServeConfig({}, { CHITIEU_HISTORY_THRESHOLDS: "maxZ=5" }, "/tmp").historyThresholds).toEqual({
      ...HISTORY_THRESHOLDS,
      maxZ: 5,
    });
    expect(() => resolveServeConfig({}, { CHITIEU_HISTORY_THRESHOLDS: "maxZ=high" }, "/tmp")).toThrow(
      expect.objectContaining({
        code: "CT_CONFIG_INVALID",
        details: expect.objectContaining({ setting: "CHITIEU_HISTORY_THRESHOLDS" }),
      }),
    );
  });

  it("lists every unsafe production default, in Vietnamese and English", () => {
    const cfg = resolveServeConfig({}, { CHITIEU_ENV: "production", CHITIEU_ALLOWED_ORIGIN: "*" }, "/tmp");
    expect(cfg.production).toBe(true);
    const problems = productionProblems(cfg);
    expect(problems).toHaveLength(3);
    expect(problems.map((p) => p.en).join(" ")).toMatch(/CHITIEU_TOKEN_PEPPER.*HTTPS.*CHITIEU_ALLOWED_ORIGIN/);
    expect(problems.every((p) => p.vi.length > 20)).toBe(true);
    const safe = resolveServeConfig(
      { behindProxy: true },
      {
        CHITIEU_ENV: "production",
        CHITIEU_TOKEN_PEPPER: "s3cret-pepper-of-at-least-32-bytes!",
        CHITIEU_ALLOWED_ORIGIN: "https://chitieu.hanoi.gov.vn",
      },
      "/tmp",
    );
    expect(productionProblems(safe)).toEqual([]);
    expect(safe.pepper).not.toBe(DEV_PEPPER);
  });

  it("refuses to start in production with unsafe defaults, saying why (CT_UNSAFE_CONFIG), before touching any database", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-prod-"));
    try {
      const cfg = resolveServeConfig(
        { port: "0", db: path.join(dir, "prod.sqlite") },
        { CHITIEU_ENV: "production" },
        dir,
      );
      await expect(startServer(cfg)).rejects.toMatchObject({
        code: "CT_UNSAFE_CONFIG",
        messages: { vi: expect.stringContaining("production"), en: expect.stringContaining("CHITIEU_TOKEN_PEPPER") },
      });
      expect(fs.existsSync(path.join(dir, "prod.sqlite"))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("prints no demo token in production, even on a fresh database", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-prod-"));
    try {
      const cfg = resolveServeConfig(
        { port: "0", db: path.join(dir, "prod.sqlite"), behindProxy: true, staticRoot: NO_STATIC },
        {
          CHITIEU_ENV: "production",
          CHITIEU_TOKEN_PEPPER: "s3cret-pepper-of-at-least-32-bytes!",
          CHITIEU_ALLOWED_ORIGIN: "https://chitieu.hanoi.gov.vn",
          CHITIEU_LOG: "silent",
        },
        dir,
      );
      const server = await startServer(cfg);
      try {
        expect(server.handle.fresh).toBe(true);
        expect(server.demoTokens).toEqual([]);
      } finally {
        await server.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
