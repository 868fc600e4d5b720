import type { ParsedEntry } from "../../src/domain/types";
import { auth, body, dialects, expectProblem, get, OTHER, setup, submit, UNIT, type Fixture } from "./helpers";

/** U15 (food-poisoning incidents): wards and communes, monthly, a flow summed over months and units. */
const FLOW = "U15";

async function reported(f: Fixture, unit: string, period: string): Promise<number> {
  const res = await get(f.app, f.tokens.planner, `/reports/${unit}/${period}`);
  expect(res.statusCode).toBe(200);
  const e = (res.json().report.parsed as ParsedEntry[]).find((x) => x.targetId === FLOW);
  expect(typeof e?.value).toBe("number");
  return e?.value as number;
}

for (const dialect of dialects()) {
  describe(`${dialect}: GET /series`, () => {
    let f: Fixture;
    beforeAll(async () => {
      f = await setup(dialect);
      // 00004 reports January and March, not February; 00008 reports January only
      for (const [token, unitCode, period, seed] of [
        [f.tokens.unit, UNIT, "2026-01", 1],
        [f.tokens.unit, UNIT, "2026-03", 2],
        [f.tokens.other, OTHER, "2026-01", 3],
      ] as const) {
        const res = await submit(f.app, token, body(f.app, { unitCode, period }, seed));
        expect(res.statusCode).toBe(201);
      }
    }, 60_000);
    afterAll(async () => {
      await f?.close();
    });

    const q = `/series?target=${FLOW}&from=2026-01&to=2026-03`;

    it("gives a planner the city's series with the month nobody reported as missing, not 0", async () => {
      const res = await get(f.app, f.tokens.planner, q);
      expect(res.statusCode).toBe(200);
      const j = res.json();
      expect(j).toMatchObject({
        targetId: FLOW,
        scope: "city",
        unit: null,
        group: null,
        from: "2026-01",
        to: "2026-03",
      });
      expect(j.points.map((p: { periodId: string }) => p.periodId)).toEqual(["2026-01", "2026-02", "2026-03"]);
      const [jan, feb, mar] = j.points;
      expect(jan.state).toBe("value");
      expect(jan.figure).toBe((await reported(f, UNIT, "2026-01")) + (await reported(f, OTHER, "2026-01")));
      expect(jan.unitsIncluded).toBe(2);
      expect(jan.complete).toBe(false);
      expect(feb).toMatchObject({ state: "missing", figure: null, unitsIncluded: 0 });
      expect(mar.state).toBe("value");
      expect(mar.figure).toBe(await reported(f, UNIT, "2026-03"));
      // a flow's year to date has a gap in February: no figure, the known sum beside it
      expect(mar.ytd.figure).toBeNull();
      expect(mar.ytd.gaps).toContain("2026-02");
    });

    it("gives a unit its own series", async () => {
      const res = await get(f.app, f.tokens.unit, `${q}&unit=${UNIT}`);
      expect(res.statusCode).toBe(200);
      const j = res.json();
      expect(j).toMatchObject({ scope: "unit", unit: UNIT });
      expect(j.points.map((p: { state: string }) => p.state)).toEqual(["value", "missing", "value"]);
      expect(j.points[0].figure).toBe(await reported(f, UNIT, "2026-01"));
      expect(j.points[1].figure).toBeNull();
      expect(j.points[2].figure).toBe(await reported(f, UNIT, "2026-03"));
    });

    it("refuses a unit token another unit's series, a group's or the city's", async () => {
      const other = expectProblem(await get(f.app, f.tokens.unit, `${q}&unit=${OTHER}`), 403, "CT_UNIT_FORBIDDEN");
      expect(other.details).toMatchObject({ tokenUnit: UNIT, unitCode: OTHER });
      expectProblem(await get(f.app, f.tokens.unit, `${q}&group=wards`), 403, "CT_UNIT_FORBIDDEN");
      expectProblem(await get(f.app, f.tokens.unit, q), 403, "CT_UNIT_FORBIDDEN");
      expectProblem(await get(f.app, null, q), 401, "CT_UNAUTHENTICATED");
    });

    it("lets a planner read any unit's or a group's series", async () => {
      const unit = await get(f.app, f.tokens.planner, `${q}&unit=${OTHER}`);
      expect(unit.statusCode).toBe(200);
      expect(unit.json().points.map((p: { state: string }) => p.state)).toEqual(["value", "missing", "missing"]);
      const group = await get(f.app, f.tokens.planner, `${q}&group=wards`);
      expect(group.statusCode).toBe(200);
      expect(group.json().scope).toBe("group");
    });

    it("answers CSV with its header and the states, the figure empty unless there is one", async () => {
      const janFigure = (await get(f.app, f.tokens.planner, q)).json().points[0].figure as number;
      expect(typeof janFigure).toBe("number");
      const byFormat = await get(f.app, f.tokens.planner, `${q}&format=csv`);
      const byAccept = await f.app.inject({
        method: "GET",
        url: `/api/v1${q}`,
        headers: { ...auth(f.tokens.planner), accept: "text/csv" },
      });
      for (const res of [byFormat, byAccept]) {
        expect(res.statusCode).toBe(200);
        expect(res.headers["content-type"]).toMatch(/^text\/csv/);
        expect(res.headers["content-disposition"]).toMatch(/attachment/);
        const lines = res.body
          .replace(/^\uFEFF/, "")
          .trimEnd()
          .split("\r\n");
        const header = lines[0]!.split(",");
        expect(header.slice(0, 7)).toEqual([
          "target_id",
          "scope",
          "unit_or_group",
          "period",
          "state",
          "not_due",
          "figure",
        ]);
        const rows = lines.slice(1).map((l) => l.split(","));
        expect(rows.map((r) => [r[3], r[4]])).toEqual([
          ["2026-01", "value"],
          ["2026-02", "missing"],
          ["2026-03", "value"],
        ]);
        expect(rows[1]![6]).toBe("");
        expect(Number(rows[0]![6])).toBe(janFigure);
      }
    });

    it("refuses bad queries, naming the parameter and how to fix it", async () => {
      const target = expectProblem(
        await get(f.app, f.tokens.planner, "/series?target=Z99&from=2026-01&to=2026-03"),
        400,
        "CT_SERIES_QUERY",
      );
      expect(target.details).toMatchObject({ field: "target", value: "Z99" });
      expect(target.message.en).toMatch(/Parameter “target”/);
      const both = expectProblem(
        await get(f.app, f.tokens.planner, `${q}&unit=${UNIT}&group=wards`),
        400,
        "CT_SERIES_QUERY",
      );
      expect(both.message.en).toMatch(/not both/);
      expect(both.message.vi).toMatch(/không cho cả hai/);
      const from = expectProblem(
        await get(f.app, f.tokens.planner, `/series?target=${FLOW}&from=2026-13&to=2026-03`),
        400,
        "CT_SERIES_PERIOD",
      );
      expect(from.details).toMatchObject({ field: "from" });
      const long = expectProblem(
        await get(f.app, f.tokens.planner, `/series?target=${FLOW}&from=2020-01&to=2030-12`),
        400,
        "CT_SERIES_RANGE",
      );
      expect(long.message.en).toMatch(/at most 120 periods/);
      expectProblem(
        await get(f.app, f.tokens.planner, `/series?target=${FLOW}&from=2026-01&to=2026-Q1`),
        400,
        "CT_SERIES_RANGE",
      );
      expectProblem(await get(f.app, f.tokens.planner, `/series?from=2026-01&to=2026-03`), 400, "CT_REQUEST_INVALID");
    });
  });
}
