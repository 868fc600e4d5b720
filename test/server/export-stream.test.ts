/**
 * The consolidation exports stream (services/consolidation-stream.ts): the bytes are the ones the whole-document
 * builders give (CSV with BOM and neutralised formula cells, the JSON of the response schema, DHIS2), and the
 * endpoint keeps answering /health while several large exports run.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { DEV_PEPPER } from "../../src/server/tokens";
import { issueToken } from "../../src/server/services/token-admin";
import { parsePeriod } from "../../src/domain";
import type { Period } from "../../src/domain/types";
import { ConsolidationResponse } from "../../src/api";
import { consolidate, consolidationToCsv, consolidationToDhis2 } from "../../src/server/services/consolidation";
import { auth, body, dialects, setup, submit, validEntries, type Fixture } from "./helpers";

/** Long free text that needs CSV quoting and neutralising, and Vietnamese that must stay NFC UTF-8. */
function longText(prefix: string, chars: number): string {
  const piece = 'Số liệu đã đối chiếu, "sổ theo dõi" của phường; ';
  return `${prefix}${piece.repeat(Math.ceil(chars / piece.length))}`.slice(0, chars).trimEnd();
}

/** Each of `count` wards submits a report whose every row carries long justification and evidence text. */
async function seed(f: Fixture, count: number, chars: number): Promise<void> {
  const wards = f.app.reference.registry
    .all()
    .filter((u) => u.groups.includes("wards") && !u.demo)
    .slice(0, count);
  for (const [i, u] of wards.entries()) {
    const token = (
      await issueToken(f.app.store.db, DEV_PEPPER, { role: "unit", unitCode: u.code }, f.now.value.toISOString())
    ).token;
    const entries = validEntries(f.app, u.code, i % 7).map((e, j) => ({
      ...e,
      justification: longText(j % 3 === 0 ? "=HYPERLINK(x)" : "", chars),
      evidence: longText(j % 5 === 0 ? "@SUM(A1)" : "-", Math.floor(chars / 2)),
    }));
    const res = await submit(f.app, token, body(f.app, { unitCode: u.code, entries }));
    expect(res.statusCode).toBe(201);
  }
}

for (const dialect of dialects()) {
  describe(`${dialect}: streamed consolidation exports`, () => {
    let f: Fixture;
    beforeAll(async () => {
      f = await setup(dialect);
      await seed(f, 6, 600);
    }, 120_000);
    afterAll(async () => {
      await f?.close();
    });

    const period = (): Period => parsePeriod("2026-Q1") as Period;
    const whole = async () => consolidate(f.app, period(), { group: "wards", includeDemo: false }, "latest");
    const exported = async (format: string) => {
      const res = await f.app.inject({
        method: "GET",
        url: `/api/v1/consolidation?period=2026-Q1&group=wards&format=${format}`,
        headers: auth(f.tokens.planner),
      });
      expect(res.statusCode).toBe(200);
      return res.rawPayload;
    };

    it("streams the same CSV bytes as the whole-document builder, BOM and neutralised cells included", async () => {
      const streamed = await exported("csv");
      const reference = Buffer.from(consolidationToCsv(await whole(), f.app.reference.currentCatalog), "utf8");
      expect(streamed.equals(reference)).toBe(true);
      expect(streamed.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      expect(streamed.toString("utf8")).toContain(`"'=HYPERLINK(x)Số liệu đã đối chiếu, ""sổ theo dõi""`);
      expect(streamed.length).toBeGreaterThan(100_000);
    });

    it("streams the same JSON as the response schema serialises, and the same DHIS2 document", async () => {
      const json = await exported("json");
      expect(json.toString("utf8")).toBe(JSON.stringify(ConsolidationResponse.encode(await whole())));
      expect(JSON.parse(json.toString("utf8")).matrix).toHaveLength(6);
      const dhis2 = await exported("dhis2");
      expect(dhis2.toString("utf8")).toBe(JSON.stringify(consolidationToDhis2(await whole(), period())));
    });

    it("streams an empty consolidation the same way", async () => {
      for (const format of ["csv", "json", "dhis2"]) {
        const res = await f.app.inject({
          method: "GET",
          url: `/api/v1/consolidation?period=2026-Q2&format=${format}`,
          headers: auth(f.tokens.planner),
        });
        const c = await consolidate(f.app, parsePeriod("2026-Q2") as Period, { includeDemo: false }, "latest");
        const reference =
          format === "csv"
            ? consolidationToCsv(c, f.app.reference.currentCatalog)
            : JSON.stringify(
                format === "json"
                  ? ConsolidationResponse.encode(c)
                  : consolidationToDhis2(c, parsePeriod("2026-Q2") as Period),
              );
        expect(res.body).toBe(reference);
      }
    });
  });
}

/** GET over a real socket; resolves with the status and the milliseconds until the whole answer arrived. */
function timedGet(port: number, path: string, token?: string): Promise<{ status: number; ms: number; bytes: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port, path, headers: token ? auth(token) : {} }, (res) => {
      let bytes = 0;
      res.on("data", (c: Buffer) => (bytes += c.length));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0, bytes }));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

describe("sqlite: /health answers while large exports run", () => {
  let f: Fixture;
  let port = 0;
  beforeAll(async () => {
    f = await setup("sqlite");
    await seed(f, 60, 4000);
    await f.app.listen({ port: 0, host: "127.0.0.1" });
    port = (f.app.server.address() as AddressInfo).port;
  }, 180_000);
  afterAll(async () => {
    await f?.close();
  }, 60_000);

  it("answers /health/live within 150 ms at worst during four concurrent CSV exports", async () => {
    const url = "/api/v1/consolidation?period=2026-Q1&group=wards&format=csv";
    await timedGet(port, url, f.tokens.planner); // warm-up (the JIT)
    let running = true;
    const exports = Promise.all([1, 2, 3, 4].map(() => timedGet(port, url, f.tokens.planner))).finally(() => {
      running = false;
    });
    const probes: number[] = [];
    while (running) {
      const r = await timedGet(port, "/api/v1/health/live");
      expect(r.status).toBe(200);
      if (running) probes.push(r.ms);
      await new Promise((res) => setTimeout(res, 2));
    }
    const done = await exports;
    for (const d of done) {
      expect(d.status).toBe(200);
      expect(d.bytes).toBeGreaterThan(8_000_000);
    }
    console.log(
      `/health/live during exports of ${done[0]!.bytes} bytes: ${probes.length} probes, max ${Math.max(...probes).toFixed(0)} ms`,
    );
    expect(probes.length).toBeGreaterThan(5);
    // the 90th percentile, not the single worst probe: under jest's parallel workers on two cores one probe can wait
    // for another process (341 ms seen in CI); an export built on the event loop delays most probes, not one
    const sorted = [...probes].sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length * 0.9)]).toBeLessThan(150);
  }, 120_000);

  it("survives a client that leaves mid-export, and serves the next export whole", async () => {
    const url = "/api/v1/consolidation?period=2026-Q1&group=wards&format=csv";
    const full = await timedGet(port, url, f.tokens.planner);
    const received = await new Promise<number>((resolve, reject) => {
      const req = http.get({ host: "127.0.0.1", port, path: url, headers: auth(f.tokens.planner) }, (res) => {
        res.once("data", (c: Buffer) => {
          req.destroy();
          resolve(c.length);
        });
      });
      req.on("error", (e) => ((e as NodeJS.ErrnoException).code === "ECONNRESET" ? undefined : reject(e)));
    });
    expect(received).toBeLessThan(full.bytes);
    expect((await timedGet(port, "/api/v1/health/live")).status).toBe(200);
    const again = await timedGet(port, url, f.tokens.planner);
    expect(again.status).toBe(200);
    expect(again.bytes).toBe(full.bytes);
  }, 60_000);
});
