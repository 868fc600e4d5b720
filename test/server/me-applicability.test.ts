/** GET /me/applicability (issue #14): the calling unit's targets for a period, on both engines. */
import { addUnitTargets } from "../../src/server/db/unit-targets";
import { auth, dialects, expectProblem, get, OTHER, setup, UNIT, type Fixture } from "./helpers";

interface Row {
  targetId: string;
  applies: boolean;
  due: boolean;
  source: string;
  alwaysRequired: boolean;
  from: string | null;
  note: string | null;
  target: { source: string; value: number | string | null; decision: string | null; judged: boolean };
}

for (const dialect of dialects()) {
  describe(`${dialect}: GET /me/applicability`, () => {
    let f: Fixture;
    beforeAll(async () => {
      f = await setup(dialect);
    }, 60_000);
    afterAll(async () => f?.close());

    const rows = async (token: string, query: string) => {
      const res = await get(f.app, token, `/me/applicability?${query}`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      return { body, byId: new Map<string, Row>(body.targets.map((r: Row) => [r.targetId, r])) };
    };

    it("gives the ward's catalog defaults, cadence and the city's targets before any planner choice", async () => {
      const { body, byId } = await rows(f.tokens.unit, "period=2026-q1");
      expect(body).toMatchObject({ unitCode: UNIT, period: "2026-Q1", choices: [], assigned: [] });
      expect(body.targets).toHaveLength(43);
      // E10: wards (planner selects) — expected until a planner chooses; yearly, so not asked in a quarter
      expect(byId.get("E10")).toMatchObject({ applies: true, due: false, source: "catalog", alwaysRequired: false });
      expect(byId.get("E01")).toMatchObject({ applies: false, due: false }); // the city reports it
      expect(byId.get("S01")).toMatchObject({ applies: true, due: true, target: { source: "city", value: 100 } });
      // a count without its own target: shown with the city's, judged only in the city total
      expect(byId.get("S02")?.target).toMatchObject({ source: "city", value: 18000, judged: false });
      expect(byId.get("S06")?.target).toMatchObject({ source: "none", value: null, judged: false });
      const monthly = await rows(f.tokens.unit, "period=2026-02");
      expect(monthly.byId.get("S01")).toMatchObject({ applies: true, due: false });
      expect(monthly.byId.get("U14")).toMatchObject({ applies: true, due: true });
    });

    it("follows a planner's choices from their period on, and the unit's assigned target with its decision", async () => {
      const csv = [
        "unit_code,target_id,state,from,note",
        "00004,E10,không áp dụng,2026-Q2,không có đất nông nghiệp",
        "00004,S09,bắt buộc,2026-Q1,",
      ].join("\n");
      const put = await f.app.inject({
        method: "PUT",
        url: "/api/v1/applicability",
        headers: auth(f.tokens.planner),
        payload: { csv },
      });
      expect(put.statusCode).toBe(200);
      await f.app.writer.write((trx) =>
        addUnitTargets(
          trx,
          [{ unitCode: UNIT, targetId: "S02", year: 2026, value: 60, direction: null, decision: "5969/QĐ-UBND" }],
          "2026-04-05T00:00:00.000Z",
        ),
      );
      await f.app.reference.reload();
      const before = await rows(f.tokens.unit, "period=2026-Q1");
      expect(before.byId.get("E10")).toMatchObject({ applies: true, source: "catalog", from: null });
      // the year 2026 started before 2026-Q2, so it still asks for E10: a later period shows the choice
      const after = await rows(f.tokens.unit, "period=2026-H2");
      expect(after.byId.get("E10")).toMatchObject({
        applies: false,
        due: false,
        source: "planner",
        from: "2026-Q2",
        note: "không có đất nông nghiệp",
      });
      expect(after.byId.get("S09")).toMatchObject({ applies: true, alwaysRequired: true, source: "planner" });
      expect(after.byId.get("S02")?.target).toMatchObject({
        source: "assigned",
        value: 60,
        decision: "5969/QĐ-UBND",
        judged: true,
      });
      expect(after.body.choices).toHaveLength(2);
      expect(after.body.assigned).toEqual([
        { unitCode: UNIT, targetId: "S02", year: 2026, value: 60, direction: null, decision: "5969/QĐ-UBND" },
      ]);
      // another year: the assignment for 2026 is not sent, the city's target is back
      const y2027 = await rows(f.tokens.unit, "period=2027");
      expect(y2027.body.assigned).toEqual([]);
      expect(y2027.byId.get("S02")?.target.source).not.toBe("assigned");
      // the other ward is untouched
      const other = await rows(f.tokens.other, "period=2026");
      expect(other.byId.get("E10")).toMatchObject({ applies: true, source: "catalog" });
      expect(other.body.choices).toEqual([]);
    });

    it("lets a unit see only itself; a planner names the unit", async () => {
      expectProblem(
        await get(f.app, f.tokens.unit, `/me/applicability?period=2026&unit=${OTHER}`),
        403,
        "CT_UNIT_FORBIDDEN",
      );
      const { body } = await rows(f.tokens.unit, `period=2026&unit=${UNIT}`);
      expect(body.unitCode).toBe(UNIT);
      expect((await rows(f.tokens.planner, `period=2026&unit=${OTHER}`)).body.unitCode).toBe(OTHER);
      expectProblem(await get(f.app, f.tokens.planner, "/me/applicability?period=2026"), 400, "CT_REQUEST_INVALID");
      expectProblem(
        await get(f.app, f.tokens.planner, "/me/applicability?period=2026&unit=99999"),
        404,
        "CT_UNIT_UNKNOWN",
      );
      expectProblem(await get(f.app, f.tokens.unit, "/me/applicability?period=2026-Q5"), 400, "CT_PERIOD_INVALID");
      expectProblem(await get(f.app, null, "/me/applicability?period=2026"), 401, "CT_UNAUTHENTICATED");
    });
  });
}
