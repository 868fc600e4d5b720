/**
 * The populated classroom (issue 20 item 2) and its reset (item 3), on both engines: a dozen demo units with a
 * realistic quarter through the ordinary rules, the same seed giving the same classroom, real data untouched.
 */
import { issueToken } from "../../src/server/services/token-admin";
import { DEV_PEPPER } from "../../src/server/tokens";
import { body, dialects, get, post, setup, submit, UNIT, type Fixture } from "./helpers";

interface Unit {
  unitCode: string;
  state: string;
  late: boolean;
  onTime: boolean | null;
  comment: string | null;
  demo: boolean;
}

jest.setTimeout(60_000);

for (const dialect of dialects()) {
  describe(`${dialect}: the populated classroom`, () => {
    let f: Fixture;
    let demoPlanner: string;
    beforeAll(async () => {
      f = await setup(dialect);
      // 1 August 2026: 2026-Q2 is under review (deadline 10 July passed), 2026-Q1 before it
      f.now.value = new Date("2026-08-01T03:00:00.000Z");
      const at = f.now.value.toISOString();
      demoPlanner = (await issueToken(f.app.store.db, DEV_PEPPER, { role: "planner", demo: true }, at)).token;
      expect((await submit(f.app, f.tokens.unit, body(f.app, { period: "2026-Q2" }))).statusCode).toBe(201);
    }, 60_000);
    afterAll(async () => {
      await f?.close();
    });

    const board = async (period: string): Promise<Unit[]> =>
      (await get(f.app, demoPlanner, `/completeness?period=${period}`)).json().units;

    it("fills a dozen demo wards, communes and departments with a realistic spread, through the ordinary rules", async () => {
      const res = await post(f.app, demoPlanner, "/demo/populate", { seed: 7 });
      expect(res.statusCode).toBe(200);
      const j = res.json();
      expect(j.unitCodes).toHaveLength(12);
      expect(j.periods).toEqual(["2026-Q1", "2026-Q2"]);
      const kinds = new Set(j.unitCodes.map((c: string) => f.app.reference.registry.byCode(c)?.kind));
      expect([...kinds].sort()).toEqual(["commune", "department", "ward"]);
      const q2 = await board("2026-Q2");
      expect(q2.every((u) => u.demo)).toBe(true);
      const states = new Set(q2.map((u) => u.state));
      for (const s of ["submitted", "missing", "returned", "accepted"]) expect(states).toContain(s);
      expect(q2.some((u) => u.state !== "missing" && u.onTime === false)).toBe(true); // late
      expect(q2.some((u) => u.state !== "missing" && u.onTime === true)).toBe(true); // on time
      expect(q2.find((u) => u.state === "returned")?.comment).toMatch(/U09/);
      const shows = j.reports.flatMap((r: { shows: string[] }) => r.shows);
      for (const s of ["not_applicable", "off_target_justified", "outlier"]) expect(shows).toContain(s);
      // the consolidation and the scorecard have something to show at once
      const k = (await get(f.app, demoPlanner, "/consolidation?period=2026-Q2")).json();
      expect(k.unitsIncluded.length).toBeGreaterThanOrEqual(6);
      expect(k.unitsMissing.length).toBeGreaterThanOrEqual(1);
      const na = k.figures.find((x: { unitsNotApplicable?: string[] }) => (x.unitsNotApplicable ?? []).length > 0);
      expect(na).toBeDefined();
      const q1 = await board("2026-Q1");
      expect(q1.filter((u) => u.state === "accepted").length).toBeGreaterThan(q1.length / 2);
    });

    it("gives the same classroom for the same seed, and another for another seed", async () => {
      const snapshot = async () => ({
        board: (await board("2026-Q2")).map((u) => [u.unitCode, u.state, u.onTime, u.comment]),
        figures: (await get(f.app, demoPlanner, "/consolidation?period=2026-Q2")).json().figures,
      });
      const first = await snapshot();
      expect((await post(f.app, demoPlanner, "/demo/populate", { seed: 7 })).statusCode).toBe(200);
      expect(await snapshot()).toEqual(first);
      expect((await post(f.app, demoPlanner, "/demo/populate", { seed: 8 })).statusCode).toBe(200);
      expect(await snapshot()).not.toEqual(first);
    });

    it("resets the classroom's reports, changes its epoch, and keeps the real report", async () => {
      const before = (await get(f.app, f.tokens.demo, "/me")).json().demoEpoch;
      const reset = await post(f.app, demoPlanner, "/demo/reset");
      expect(reset.statusCode).toBe(200);
      expect(reset.json().epoch).toBeGreaterThan(before);
      expect((await get(f.app, f.tokens.demo, "/me")).json().demoEpoch).toBe(reset.json().epoch);
      expect((await board("2026-Q2")).every((u) => u.state === "missing")).toBe(true);
      const real = await get(f.app, f.tokens.planner, `/reports/${UNIT}/2026-Q2`);
      expect(real.statusCode).toBe(200);
      expect(real.json()).toMatchObject({ unitCode: UNIT, status: "submitted" });
      const realBoard = (await get(f.app, f.tokens.planner, "/completeness?period=2026-Q2")).json();
      expect(realBoard.units.some((u: Unit) => u.demo)).toBe(false);
    });
  });
}
