import { catalogToCsv, cloneTarget, defaultCatalog, makeCatalog } from "../../src/domain";
import { body, count, dialects, expectProblem, get, setup, submit, UNIT, type Fixture } from "./helpers";

function put(f: Fixture, token: string, url: string, payload: object) {
  return f.app.inject({ method: "PUT", url: `/api/v1${url}`, headers: { authorization: `Bearer ${token}` }, payload });
}

for (const dialect of dialects()) {
  describe(`${dialect}: planners maintain the catalog and the units`, () => {
    let f: Fixture;
    beforeAll(async () => {
      f = await setup(dialect);
    }, 60_000);
    afterAll(async () => {
      await f?.close();
    });

    it("accepts the current catalog again as a no-op (200, same version)", async () => {
      const csv = catalogToCsv(defaultCatalog());
      const res = await f.app.inject({
        method: "POST",
        url: "/api/v1/catalog",
        headers: { authorization: `Bearer ${f.tokens.planner}` },
        payload: { csv },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        version: defaultCatalog().version,
        targets: 43,
        current: defaultCatalog().version,
      });
    });

    it("replaces the catalog with a changed one: new version current, old templates refused with the version to use", async () => {
      const old = body(f.app, { period: "2026-Q1" });
      const targets = defaultCatalog().targets.map(cloneTarget);
      const t = targets.find((x) => x.reportedBy === "communes" && typeof x.targetByYear[2026] === "number")!;
      t.targetByYear = { ...t.targetByYear, 2027: 99 };
      const next = makeCatalog(targets);
      const res = await f.app.inject({
        method: "POST",
        url: "/api/v1/catalog",
        headers: { authorization: `Bearer ${f.tokens.planner}` },
        payload: { csv: catalogToCsv(next), source: "phu-luc-chinh-thuc.csv" },
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toEqual({
        version: next.version,
        targets: 43,
        current: next.version,
        previous: defaultCatalog().version,
      });
      expect((await get(f.app, null, "/catalog")).json().version).toBe(next.version);
      expect((await get(f.app, null, `/catalog/${defaultCatalog().version}`)).statusCode).toBe(200);
      const j = expectProblem(await submit(f.app, f.tokens.unit, old), 409, "CT_CATALOG_VERSION");
      expect(j.details).toEqual({ sent: defaultCatalog().version, current: next.version, known: true });
      expect((await submit(f.app, f.tokens.unit, body(f.app, { period: "2026-Q1" }))).statusCode).toBe(201);
      const source = await f.app.store.db
        .selectFrom("catalog_version")
        .select("source")
        .where("version", "=", next.version)
        .executeTakeFirstOrThrow();
      expect(source.source).toBe("import:phu-luc-chinh-thuc.csv");
    });

    it("refuses a catalog with bad rows, listing each with row and column, and changes nothing", async () => {
      const lines = catalogToCsv(defaultCatalog()).split(/\r?\n/);
      lines[3] = lines[3]!.replace(/,(economy|society|urban_environment|party_building),/, ",tourism,");
      const before = await count(f.app, "audit_event");
      const versions = await f.app.store.db.selectFrom("catalog_version").select("version").execute();
      const res = await f.app.inject({
        method: "POST",
        url: "/api/v1/catalog",
        headers: { authorization: `Bearer ${f.tokens.planner}` },
        payload: { csv: lines.join("\n") },
      });
      const j = expectProblem(res, 422, "CT_CATALOG_INVALID");
      expect(j.details.issues[0]).toMatchObject({
        row: 4,
        column: expect.any(String),
        message: { vi: expect.any(String), en: expect.any(String) },
      });
      expect(await f.app.store.db.selectFrom("catalog_version").select("version").execute()).toEqual(versions);
      expect(await count(f.app, "audit_event")).toBe(before);
    });

    it("adds a department that reports two targets; it becomes an expected unit at once", async () => {
      const ids = f.app.reference.currentCatalog.targets
        .filter((t) => t.reportedBy === "departments")
        .slice(0, 2)
        .map((t) => t.id);
      const res = await put(f, f.tokens.planner, "/units/S-TEST", {
        kind: "department",
        name: { vi: "Sở Thử Nghiệm", en: "Test Department" },
        targetIds: ids,
        groups: ["departments"],
        toConfirm: true,
      });
      expect(res.statusCode).toBe(200);
      const units = (await get(f.app, null, "/units?group=departments")).json().units;
      expect(units.find((u: { code: string }) => u.code === "S-TEST")).toMatchObject({
        targetCount: 2,
        toConfirm: true,
      });
      const c = (await get(f.app, f.tokens.planner, "/completeness?period=2026-Q1&group=departments")).json();
      expect(c.units.map((u: { unitCode: string }) => u.unitCode)).toContain("S-TEST");
    });

    it("renames a ward, keeping it a real unit", async () => {
      const res = await put(f, f.tokens.admin, `/units/${UNIT}`, {
        kind: "ward",
        name: { vi: "Phường Ba Đình", en: "Ba Dinh" },
        groups: ["wards"],
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().demo).toBe(false);
    });

    it.each([
      [
        "a real unit made a demo unit",
        UNIT,
        { kind: "ward", name: { vi: "x", en: "x" }, demo: true },
        409,
        "CT_UNIT_DEMO_FLAG",
      ],
      [
        "a new demo unit",
        "DEMO-99",
        { kind: "ward", name: { vi: "x", en: "x" }, demo: true },
        409,
        "CT_UNIT_DEMO_FLAG",
      ],
      [
        "a demo unit made real",
        "DEMO-01",
        { kind: "ward", name: { vi: "x", en: "x" }, demo: false },
        409,
        "CT_UNIT_DEMO_FLAG",
      ],
      [
        "an unknown target",
        "S-X2",
        { kind: "department", name: { vi: "x", en: "x" }, targetIds: ["Z99"] },
        400,
        "CT_REQUEST_INVALID",
      ],
      [
        "a unit kind that does not exist",
        "S-X3",
        { kind: "district", name: { vi: "x", en: "x" } },
        400,
        "CT_REQUEST_INVALID",
      ],
    ])("refuses %s", async (_name, code, payload, status, problem) => {
      expectProblem(await put(f, f.tokens.planner, `/units/${code}`, payload), status, problem);
    });

    it("refuses catalog and unit changes from a unit token", async () => {
      expectProblem(
        await put(f, f.tokens.unit, `/units/${UNIT}`, { kind: "ward", name: { vi: "x", en: "x" } }),
        403,
        "CT_ROLE_FORBIDDEN",
      );
      expectProblem(
        await f.app.inject({
          method: "POST",
          url: "/api/v1/catalog",
          headers: { authorization: `Bearer ${f.tokens.unit}` },
          payload: { csv: "x" },
        }),
        403,
        "CT_ROLE_FORBIDDEN",
      );
    });
  });
}
