/** Applicability through the endpoint (issue #14): the planners' table, N/A answers, completeness and consolidation. */
import { addUnitTargets } from "../../src/server/db/unit-targets";
import { auth, body, dialects, expectProblem, get, setup, submit, UNIT, validEntries, type Fixture } from "./helpers";

async function put(f: Fixture, token: string, payload: object) {
  return f.app.inject({ method: "PUT", url: "/api/v1/applicability", headers: auth(token), payload });
}

for (const dialect of dialects()) {
  describe(`${dialect}: applicability`, () => {
    let f: Fixture;
    beforeAll(async () => {
      f = await setup(dialect);
    }, 60_000);
    afterAll(async () => f?.close());

    it("Ward 00004 submits its 2026 report with E10 marked `không áp dụng` and a reason; planners see it apart", async () => {
      const entries = validEntries(f.app, UNIT).map((e) =>
        e.targetId === "E10"
          ? { targetId: "E10", numerator: "không áp dụng", justification: "Phường không có đất nông nghiệp" }
          : e,
      );
      const res = await submit(f.app, f.tokens.unit, body(f.app, { period: "2026", entries }));
      expect(res.statusCode).toBe(201);
      const c = (await get(f.app, f.tokens.planner, "/consolidation?period=2026&group=wards")).json();
      const e10 = c.figures.find((x: { targetId: string }) => x.targetId === "E10");
      expect(e10.unitsNotApplicable).toEqual([UNIT]);
      expect(e10.unitsMissing).not.toContain(UNIT);
      const row = c.matrix.find((m: { unitCode: string }) => m.unitCode === UNIT);
      expect(row.entries.find((e: { targetId: string }) => e.targetId === "E10")).toMatchObject({
        notApplicable: true,
        numerator: null,
        justification: "Phường không có đất nông nghiệp",
      });
    });

    it("refuses N/A without a reason, naming the field", async () => {
      const entries = validEntries(f.app, UNIT).map((e) =>
        e.targetId === "E10" ? { targetId: "E10", numerator: "N/A" } : e,
      );
      const p = expectProblem(
        await submit(f.app, f.tokens.unit, body(f.app, { period: "2026-H1", entries })),
        422,
        "CT_REPORT_INVALID",
      );
      expect(JSON.stringify(p)).toContain("not_applicable_without_reason");
    });

    it("judges the ward against a target assigned to it (5969/QĐ-UBND) once stored", async () => {
      const entries = validEntries(f.app, UNIT).map((e) => (e.targetId === "S02" ? { targetId: "S02", value: 5 } : e));
      const dry = async () =>
        (await submit(f.app, f.tokens.unit, body(f.app, { period: "2026-Q3", entries, dryRun: true }))).json();
      expect((await dry()).ok).toBe(true); // a count: judged only at city level without an assigned target
      await f.app.writer.write((trx) =>
        addUnitTargets(
          trx,
          [{ unitCode: UNIT, targetId: "S02", year: 2026, value: 60, direction: null, decision: "5969/QĐ-UBND" }],
          "2026-04-05T00:00:00.000Z",
        ),
      );
      await f.app.reference.reload();
      const j = await dry();
      expect(j.ok).toBe(false);
      const issue = j.issues.find(
        (i: { code: string; targetId: string }) => i.code === "off_track" && i.targetId === "S02",
      );
      expect(issue).toMatchObject({ severity: "warning", justified: false });
      expect(issue.message.vi).toContain("5969/QĐ-UBND");
    });

    it("refuses a bad table whole, listing every bad row, and stores nothing", async () => {
      const csv = [
        "unit_code,target_id,state,from,note",
        "00004,E10,không áp dụng,2026-Q1,không có đất nông nghiệp",
        "99999,E10,not_applicable,2026-Q1,",
        "00004,Z99,applies,2026-13,",
      ].join("\n");
      const p = expectProblem(await put(f, f.tokens.planner, { csv }), 422, "CT_APPLICABILITY_INVALID");
      const issues = p.issues ?? p.details?.issues;
      expect(issues.map((i: { row: number; column: string }) => `${i.row}:${i.column}`)).toEqual([
        "3:unit_code",
        "4:target_id",
        "4:from",
      ]);
      expect((await get(f.app, f.tokens.planner, "/applicability")).json()).toEqual({ entries: [] });
      expectProblem(await put(f, f.tokens.unit, { csv }), 403, "CT_ROLE_FORBIDDEN");
    });

    it("takes E10 out of the ward's reports from the period a planner set it not applicable, and not before", async () => {
      const csv = "unit_code,target_id,state,from,note\n00004,E10,không áp dụng,2026-Q2,không có đất nông nghiệp\n";
      expect((await put(f, f.tokens.planner, { csv })).json()).toEqual({ added: 1, total: 1 });
      const table = (await get(f.app, f.tokens.planner, "/applicability")).json();
      expect(table.entries).toEqual([
        { unitCode: UNIT, targetId: "E10", state: "not_applicable", from: "2026-Q2", note: "không có đất nông nghiệp" },
      ]);
      const exported = await get(f.app, f.tokens.planner, "/applicability?format=csv");
      expect(exported.body).toContain("00004,Phường Ba Đình,E10,");
      // 2026-H2 (after 2026-Q2): E10 is not in the report and may not be sent
      const p = expectProblem(
        await submit(f.app, f.tokens.unit, body(f.app, { period: "2026-H2", entries: validEntries(f.app, UNIT) })),
        422,
        "CT_REPORT_INVALID",
      );
      expect(JSON.stringify(p)).toContain("target_not_for_unit");
      const h2 = validEntries(f.app, UNIT).filter((e) => e.targetId !== "E10");
      expect((await submit(f.app, f.tokens.unit, body(f.app, { period: "2026-H2", entries: h2 }))).statusCode).toBe(
        201,
      );
      // 2026-Q1 started before the choice: E10 is still asked of the ward there (its own figure, or N/A with a reason)
      const q1 = (await get(f.app, f.tokens.planner, "/consolidation?period=2026&group=wards")).json();
      expect(q1.figures.find((x: { targetId: string }) => x.targetId === "E10").unitsExpected).toContain(UNIT);
      const c = (await get(f.app, f.tokens.planner, "/consolidation?period=2026-H2&group=wards")).json();
      const e10 = c.figures.find((x: { targetId: string }) => x.targetId === "E10");
      expect(e10?.unitsExpected ?? []).not.toContain(UNIT);
    });
  });
}
