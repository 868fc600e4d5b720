/**
 * GET /consolidation/range: the consolidation over a range of periods — every target's series for the city, a group
 * or one unit, and every unit's own figures per period; a unit sees its own only. On SQLite and PostgreSQL.
 */
import type { ParsedEntry } from "../../src/domain/types";
import { TrendResponse } from "../../src/api";
import { body, dialects, expectProblem, get, OTHER, setup, submit, UNIT, type Fixture } from "./helpers";

/** U15 (food-poisoning incidents): wards and communes, monthly, a flow summed over months and units. */
const FLOW = "U15";

for (const dialect of dialects()) {
  describe(`${dialect}: GET /consolidation/range`, () => {
    let f: Fixture;
    const figure = new Map<string, number>();
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
        const r = await get(f.app, f.tokens.planner, `/reports/${unitCode}/${period}`);
        const e = (r.json().report.parsed as ParsedEntry[]).find((x) => x.targetId === FLOW);
        figure.set(`${unitCode}/${period}`, e?.value as number);
      }
    }, 60_000);
    afterAll(async () => {
      await f?.close();
    });

    const q = "/consolidation/range?from=2026-01&to=2026-03";

    it("gives a planner every target's city series and each unit's own figures, missing never 0", async () => {
      const res = await get(f.app, f.tokens.planner, q);
      expect(res.statusCode).toBe(200);
      const j = TrendResponse.parse(res.json());
      expect(j).toMatchObject({ from: "2026-01", to: "2026-03", scope: "city", unit: null, basis: "latest" });
      expect(j.periods).toEqual(["2026-01", "2026-02", "2026-03"]);
      expect(j.targets.map((t) => t.targetId)).toContain("U13");
      expect(j.targets).toHaveLength(43);
      const u15 = j.targets.find((t) => t.targetId === FLOW)!;
      expect(u15.points.map((p) => p.state)).toEqual(["value", "missing", "value"]);
      expect(u15.points[0]!.figure).toBe(figure.get(`${UNIT}/2026-01`)! + figure.get(`${OTHER}/2026-01`)!);
      expect(u15.points[1]!.figure).toBeNull();
      const mine = j.units.find((u) => u.unitCode === UNIT && u.targetId === FLOW)!;
      expect(mine.states).toEqual(["value", "missing", "value"]);
      expect(mine.figures).toEqual([figure.get(`${UNIT}/2026-01`), null, figure.get(`${UNIT}/2026-03`)]);
      const other = j.units.find((u) => u.unitCode === OTHER && u.targetId === FLOW)!;
      expect(other.figures).toEqual([figure.get(`${OTHER}/2026-01`), null, null]);
      // a unit that never reported is there, missing, with no figure at all
      const silent = j.units.filter((u) => u.targetId === FLOW && u.unitCode !== UNIT && u.unitCode !== OTHER);
      expect(silent.length).toBeGreaterThan(100);
      expect(silent.every((u) => u.figures.every((x) => x === null) && u.states.every((s) => s === "missing"))).toBe(
        true,
      );
      // without the units' figures
      const lean = await get(f.app, f.tokens.planner, `${q}&units=false`);
      expect(lean.json().units).toEqual([]);
    });

    it("gives a unit its own trend and refuses it another unit's, a group's or the city's", async () => {
      const own = await get(f.app, f.tokens.unit, `${q}&unit=${UNIT}`);
      expect(own.statusCode).toBe(200);
      const j = TrendResponse.parse(own.json());
      expect(j.scope).toBe("unit");
      expect(j.units).toEqual([]);
      const u15 = j.targets.find((t) => t.targetId === FLOW)!;
      expect(u15.points.map((p) => p.figure)).toEqual([
        figure.get(`${UNIT}/2026-01`),
        null,
        figure.get(`${UNIT}/2026-03`),
      ]);
      const other = expectProblem(await get(f.app, f.tokens.unit, `${q}&unit=${OTHER}`), 403, "CT_UNIT_FORBIDDEN");
      expect(other.details).toMatchObject({ tokenUnit: UNIT, unitCode: OTHER });
      expectProblem(await get(f.app, f.tokens.unit, `${q}&group=wards`), 403, "CT_UNIT_FORBIDDEN");
      expectProblem(await get(f.app, f.tokens.unit, q), 403, "CT_UNIT_FORBIDDEN");
      expectProblem(await get(f.app, null, q), 401, "CT_UNAUTHENTICATED");
    });

    it("gives a planner a group's trend with only its units", async () => {
      const res = await get(f.app, f.tokens.planner, `${q}&group=wards`);
      expect(res.statusCode).toBe(200);
      const j = TrendResponse.parse(res.json());
      expect(j.scope).toBe("group");
      const codes = new Set(j.targets[0]!.unitCodes);
      expect(j.units.every((u) => codes.has(u.unitCode))).toBe(true);
    });

    it("refuses a bad range or unit, naming the parameter", async () => {
      const from = expectProblem(
        await get(f.app, f.tokens.planner, "/consolidation/range?from=2026-13&to=2026-03"),
        400,
        "CT_SERIES_PERIOD",
      );
      expect(from.details).toMatchObject({ field: "from" });
      expectProblem(
        await get(f.app, f.tokens.planner, "/consolidation/range?from=2026-01&to=2026-Q1"),
        400,
        "CT_SERIES_RANGE",
      );
      const unit = expectProblem(await get(f.app, f.tokens.planner, `${q}&unit=99999`), 400, "CT_SERIES_QUERY");
      expect(unit.details).toMatchObject({ field: "unit" });
      expectProblem(await get(f.app, f.tokens.planner, "/consolidation/range?from=2026-01"), 400, "CT_REQUEST_INVALID");
    });
  });
}
