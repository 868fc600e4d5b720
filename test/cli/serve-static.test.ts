/**
 * The add-in's files as `chitieu serve` (a real process) serves them: security headers that Office hosts accept,
 * no source maps in production, and traversal or folder URLs answered 403/404 in the error format, with no stack
 * in the log. (@fastify/static cannot load inside jest, so these run against the process.)
 */
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { serveProcess, stopProcess, type ServeProcess } from "../server/serve-process";

jest.setTimeout(120_000);

let dir: string;
let web: string;

function serve(env: Record<string, string>, args: string[] = []): Promise<ServeProcess> {
  const db = path.join(dir, `${Date.now()}.sqlite`);
  return serveProcess(["--port", "0", "--db", db, "--static-root", web, ...args], { CHITIEU_LOG: "warn", ...env }, dir);
}

/** A GET that sends the path exactly as written (fetch would resolve the dots). */
function raw(
  url: string,
  pathAsIs: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, path: pathAsIs, method: "GET" }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-static-"));
  web = path.join(dir, "web");
  fs.mkdirSync(path.join(web, "assets"), { recursive: true });
  fs.writeFileSync(path.join(web, "taskpane.html"), "<!doctype html><title>pane</title>");
  fs.writeFileSync(path.join(web, "taskpane.js"), "console.log(1)\n//# sourceMappingURL=taskpane.js.map");
  fs.writeFileSync(path.join(web, "taskpane.js.map"), '{"version":3,"sources":["secret.ts"]}');
  fs.writeFileSync(path.join(web, "assets", "icon-32.png"), "png");
  fs.writeFileSync(path.join(dir, "outside.txt"), "must not leak");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("the add-in's files in development", () => {
  let s: ServeProcess;
  beforeAll(async () => {
    s = await serve({});
  });
  afterAll(async () => stopProcess(s));

  it("sends a CSP that lets Office frame the pane, nosniff and a referrer policy, and no X-Frame-Options", async () => {
    const r = await raw(s.url, "/taskpane.html");
    expect(r.status).toBe(200);
    const csp = String(r.headers["content-security-policy"]);
    expect(csp).toMatch(/frame-ancestors 'self' https:\/\/\*\.officeapps\.live\.com/);
    expect(csp).toContain("https://*.office.com");
    expect(csp).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com/);
    expect(csp).toContain("object-src 'none'");
    expect(r.headers["x-content-type-options"]).toBe("nosniff");
    expect(r.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(r.headers["x-frame-options"]).toBeUndefined();
    expect(r.headers["strict-transport-security"]).toBeUndefined(); // plain HTTP here
    const api = await raw(s.url, "/api/v1/health/live");
    expect(api.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("serves source maps outside production", async () => {
    expect((await raw(s.url, "/taskpane.js.map")).status).toBe(200);
  });

  it.each([
    ["/../outside.txt", [403, 404]],
    ["/%2e%2e/outside.txt", [403, 404]],
    ["/assets/../../outside.txt", [403, 404]],
    ["/assets/%2e%2e/%2e%2e/outside.txt", [403, 404]],
    ["/assets/", [403, 404]],
    ["/.env", [404]],
  ] as const)("answers %s with 403 or 404 in the error format, with no stack logged", async (url, statuses) => {
    const before = s.out().length;
    const r = await raw(s.url, url);
    expect(statuses).toContain(r.status);
    expect(String(r.headers["content-type"])).toMatch(/problem\+json/);
    expect(JSON.parse(r.body).code).toMatch(/^CT_(PATH_FORBIDDEN|ROUTE_NOT_FOUND)$/);
    expect(r.body).not.toContain("must not leak");
    await new Promise((res) => setTimeout(res, 100));
    expect(s.out().slice(before)).not.toMatch(/"level":50|\n\s+at /);
  });
});

describe("the add-in's files in production", () => {
  let s: ServeProcess;
  beforeAll(async () => {
    s = await serve(
      {
        CHITIEU_ENV: "production",
        CHITIEU_TOKEN_PEPPER: "a-production-pepper-of-more-than-32-bytes",
        CHITIEU_ALLOWED_ORIGIN: "https://chitieu.example.vn",
      },
      ["--behind-proxy"],
    );
  });
  afterAll(async () => stopProcess(s));

  it("serves no source map, and sends HSTS since the proxy in front speaks HTTPS", async () => {
    const map = await raw(s.url, "/taskpane.js.map");
    expect(map.status).toBe(404);
    expect(map.body).not.toContain("secret.ts");
    expect((await raw(s.url, "/taskpane.js")).status).toBe(200);
    const page = await raw(s.url, "/taskpane.html");
    expect(page.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
  });
});
