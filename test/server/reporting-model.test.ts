/**
 * Issue #14's "Done when", through the endpoint on both engines: Ward 00004's 2026-Q1 report is valid with E10 left
 * out by a planner or answered `không áp dụng` with a reason by its clerk, and the 2026-02 report does not ask for
 * yearly targets, and U13's year to date is its last month's.
 */
import { auth, body, dialects, setup, submit, UNIT, validEntries, type Fixture } from "./helpers";

for (const dialect of dialects()) {
  describe(`${dialect}: the reporting model of issue #14 through POST /submissions`, () => {
    let f: Fixture;
    /** the clerk's 2026-Q1 revision (with E10 answered N/A) */
    let firstQ1 = "";
    beforeAll(async () => {
      f = await setup(dialect);
    }, 60_000);
    afterAll(async () => f?.close());

    it("Ward 00004 submits a valid 2026-Q1 report with E10 marked `không áp dụng` and a reason", async () => {
      const entries = validEntries(f.app, UNIT).map((e) =>
        e.targetId === "E10"
          ? { targetId: "E10", numerator: "Không áp dụng", justification: "Phường trung tâm, không có đất nông nghiệp" }
          : e,
      );
      const res = await submit(f.app, f.tokens.unit, body(f.app, { period: "2026-Q1", entries }));
      expect(res.statusCode).toBe(201);
      firstQ1 = res.json().submissionId;
      const view = (
        await f.app.inject({ method: "GET", url: `/api/v1/reports/${UNIT}/2026-Q1`, headers: auth(f.tokens.unit) })
      ).json();
      expect(view.report.parsed.find((e: { targetId: string }) => e.targetId === "E10")).toMatchObject({
        notApplicable: true,
        numerator: null,
        denominator: null,
        justification: "Phường trung tâm, không có đất nông nghiệp",
      });
    });

    it("Ward 00004 submits a valid 2026-Q1 report without E10 once a planner set it not applicable", async () => {
      const csv = "unit_code,target_id,state,from,note\n00004,E10,không áp dụng,2026-Q1,không có đất nông nghiệp\n";
      const put = await f.app.inject({
        method: "PUT",
        url: "/api/v1/applicability",
        headers: auth(f.tokens.planner),
        payload: { csv },
      });
      expect(put.statusCode).toBe(200);
      const entries = validEntries(f.app, UNIT).filter((e) => e.targetId !== "E10");
      const next = { period: "2026-Q1", entries, supersedes: firstQ1 };
      const dry = (await submit(f.app, f.tokens.unit, body(f.app, { ...next, dryRun: true }))).json();
      const blocking = (i: { severity: string; justified?: boolean }) =>
        i.severity === "error" || (i.severity === "warning" && !i.justified);
      expect(dry.issues.filter(blocking)).toEqual([]);
      expect(dry.ok).toBe(true);
      expect(dry.issues.filter((i: { targetId: string }) => i.targetId === "E10")).toEqual([]);
      expect((await submit(f.app, f.tokens.unit, body(f.app, next))).statusCode).toBe(201);
      // the year report does not ask for it either (E10 is due once a year)
      const year = (await submit(f.app, f.tokens.unit, body(f.app, { period: "2026", entries, dryRun: true }))).json();
      expect(year.issues.filter((i: { code: string }) => i.code === "required")).toEqual([]);
      expect(year.ok).toBe(true);
    });

    it("does not ask the 2026-02 report for yearly targets", async () => {
      const catalog = f.app.reference.currentCatalog;
      const monthly = new Set(catalog.targets.filter((t) => t.frequency === "month").map((t) => t.id));
      const yearly = catalog.targets.filter((t) => t.frequency === "year").map((t) => t.id);
      const all = validEntries(f.app, UNIT);
      expect(all.some((e) => yearly.includes(e.targetId))).toBe(true); // the ward reports yearly targets
      const entries = all.filter((e) => monthly.has(e.targetId));
      expect(entries.length).toBeGreaterThan(0);
      const feb = (
        await submit(f.app, f.tokens.unit, body(f.app, { period: "2026-02", entries, dryRun: true }))
      ).json();
      expect(feb.issues.filter((i: { code: string }) => i.code === "required")).toEqual([]);
      expect(feb.ok).toBe(true);
      // the year report asks for them: leaving them out is an error naming each
      const year = (await submit(f.app, f.tokens.unit, body(f.app, { period: "2026", entries, dryRun: true }))).json();
      const required = year.issues
        .filter((i: { code: string }) => i.code === "required")
        .map((i: { targetId: string }) => i.targetId);
      // (E10 is no longer the ward's: the planner's choice above)
      const asked = yearly.filter((id) => id !== "E10" && all.some((e) => e.targetId === id));
      expect(asked.length).toBeGreaterThan(0);
      expect(required).toEqual(expect.arrayContaining(asked));
      expect(year.ok).toBe(false);
    });

    it("gives U13's year to date as its last month's figure, never the sum of its months", async () => {
      // congestion points are a stock: 7, 9, then 4 points — the year to date at March is 4, not 20
      for (const [period, value] of [
        ["2026-01", 7],
        ["2026-02", 9],
        ["2026-03", 4],
      ] as const) {
        const entries = validEntries(f.app, UNIT)
          .filter((e) => e.targetId !== "E10") // the planner's choice above
          .map((e) => (e.targetId === "U13" ? { ...e, value } : e));
        expect((await submit(f.app, f.tokens.unit, body(f.app, { period, entries }))).statusCode).toBe(201);
      }
      const res = await f.app.inject({
        method: "GET",
        url: `/api/v1/series?target=U13&from=2026-01&to=2026-03&unit=${UNIT}`,
        headers: auth(f.tokens.unit),
      });
      expect(res.statusCode).toBe(200);
      const march = res.json().points[2];
      expect(march).toMatchObject({ periodId: "2026-03", figure: 4 });
      expect(march.ytd.figure).toBe(4);
    });
  });
}
