import { defaultCatalog } from "../../src/domain";
import { dialects, expectProblem, get, setup, type Fixture } from "./helpers";

for (const dialect of dialects()) {
  describe(`${dialect}: reference data — catalog, units, periods, health, OpenAPI`, () => {
    let f: Fixture;
    beforeAll(async () => {
      f = await setup(dialect);
    }, 60_000);
    afterAll(async () => {
      await f?.close();
    });

    it("serves the current catalog and any stored version; an unknown version is 404 naming the current one", async () => {
      const current = (await get(f.app, null, "/catalog")).json();
      expect(current.version).toBe(defaultCatalog().version);
      expect(current.targets).toHaveLength(43);
      expect(current.targets[0]).toMatchObject({
        id: expect.any(String),
        name: { vi: expect.any(String), en: expect.any(String) },
        status: expect.any(String),
        source: expect.any(String),
      });
      expect((await get(f.app, null, `/catalog/${current.version}`)).json()).toEqual(current);
      const j = expectProblem(await get(f.app, null, "/catalog/ffffffffffffffff"), 404, "CT_CATALOG_NOT_FOUND");
      expect(j.details.current).toBe(current.version);
    });

    it("lists units by group with how many targets each reports", async () => {
      const wards = (await get(f.app, null, "/units?group=wards")).json().units;
      const communes = (await get(f.app, null, "/units?group=communes")).json().units;
      expect(wards.length + communes.length).toBe(126);
      expect(wards.every((u: { kind: string; targetCount: number }) => u.kind === "ward" && u.targetCount > 0)).toBe(
        true,
      );
      const all = (await get(f.app, null, "/units")).json().units;
      expect(
        all
          .filter((u: { demo: boolean }) => u.demo)
          .map((u: { code: string }) => u.code)
          .sort(),
      ).toEqual(["DEMO-01", "DEMO-02"]);
    });

    it("finds units by name whatever the tone placement (Hoà = Hòa) and by code", async () => {
      const a = (await get(f.app, null, `/units?q=${encodeURIComponent("Hoà")}`))
        .json()
        .units.map((u: { code: string }) => u.code);
      const b = (await get(f.app, null, `/units?q=${encodeURIComponent("Hòa")}`))
        .json()
        .units.map((u: { code: string }) => u.code);
      expect(a.length).toBeGreaterThan(0);
      expect(a).toEqual(b);
      expect((await get(f.app, null, "/units?q=00004")).json().units[0].code).toBe("00004");
    });

    it("lists the periods open, due and late on a day, due first, with their deadlines", async () => {
      const j = (await get(f.app, null, "/periods?asOf=2026-04-05T03:00:00Z")).json();
      expect(j.asOf).toBe("2026-04-05T03:00:00.000Z");
      const first = j.periods[0];
      expect(first.phase).toBe("due");
      expect(j.periods.find((p: { id: string }) => p.id === "2026-Q1")).toMatchObject({
        kind: "quarter",
        phase: "due",
        deadline: "2026-04-10",
        dataStart: "2026-01-01",
        dataEnd: "2026-03-31",
        label: { vi: expect.stringContaining("2026"), en: expect.stringContaining("2026") },
      });
      expect(j.periods.find((p: { id: string }) => p.id === "2026-01")).toMatchObject({ phase: "late" });
      const phases = j.periods.map((p: { phase: string }) => p.phase);
      expect(phases.indexOf("due")).toBeLessThan(phases.indexOf("late"));
      expect((await get(f.app, null, "/periods?asOf=2026-04-05")).statusCode).toBe(200);
      expectProblem(await get(f.app, null, "/periods?asOf=yesterday"), 400, "CT_REQUEST_INVALID");
    });

    it("answers the health check once the database answers", async () => {
      expect((await get(f.app, null, "/health")).json()).toMatchObject({
        ok: true,
        live: true,
        ready: true,
        database: dialect === "sqlite" ? "sqlite" : "postgresql",
        catalogVersion: defaultCatalog().version,
        checks: { database: { ok: true }, disk: { ok: true } },
      });
      expect((await get(f.app, null, "/health/live")).json()).toMatchObject({ ok: true, live: true });
    });

    it("publishes an OpenAPI 3.1 document of every route, with the request schemas", async () => {
      const doc = (await get(f.app, null, "/openapi.json")).json();
      expect(doc.openapi).toBe("3.1.0");
      const paths = Object.keys(doc.paths);
      for (const p of [
        "/api/v1/submissions",
        "/api/v1/reports/{unit}/{period}/diff",
        "/api/v1/consolidation",
        "/api/v1/demo/reset",
        "/api/v1/units/{code}",
      ]) {
        expect(paths).toContain(p);
      }
      const body = doc.paths["/api/v1/submissions"].post.requestBody.content["application/json"].schema;
      expect(body.required).toEqual(
        expect.arrayContaining([
          "submissionId",
          "supersedes",
          "unitCode",
          "period",
          "catalogVersion",
          "locale",
          "entries",
        ]),
      );
      expect(body.additionalProperties).toBe(false);
    });

    it("answers an unknown route with 404 problem+json", async () => {
      const j = expectProblem(await get(f.app, null, "/nothing"), 404, "CT_ROUTE_NOT_FOUND");
      expect(j.details).toEqual({ method: "GET", url: "/api/v1/nothing" });
    });
  });
}
