/**
 * Issue #14 through the endpoint: the server gives validate() the unit's earlier figures (a history outlier is a
 * warning that shows them, confirmed by a note) and a quarter's months (the figure computed from them is shown
 * beside the typed one and warns when they disagree) — on a dry run, a submission and GET /reports, on both engines.
 */
import type { Target } from "../../src/domain/types";
import { HISTORY_THRESHOLDS } from "../../src/domain/rules/history";
import { body, dialects, expectProblem, get, setup, submit, UNIT, type Fixture } from "./helpers";

for (const dialect of dialects()) {
  describe(`${dialect}: history and months in the rules of POST /submissions`, () => {
    let f: Fixture;
    let count: Target;
    let flow: Target;
    let stock: Target;
    beforeAll(async () => {
      f = await setup(dialect);
      const ids = new Set(body(f.app).entries.map((e) => e.targetId));
      const counts = f.app.reference.currentCatalog.targets.filter((t) => ids.has(t.id) && t.measure === "count");
      count = counts[0]!;
      flow = counts.find((t) => t.timeAggregation === "sum")!;
      stock = counts.find((t) => t.timeAggregation === "last")!;
      // four months, each with the fixture's figures (every count is 5)
      for (const period of ["2026-01", "2026-02", "2026-03", "2026-04"])
        expect((await submit(f.app, f.tokens.unit, body(f.app, { period }))).statusCode).toBe(201);
    }, 60_000);
    afterAll(async () => {
      await f?.close();
    });

    const withFigure = (period: string, target: Target, value: number, justified = true) => {
      const b = body(f.app, { period });
      const e = b.entries.find((x) => x.targetId === target.id)!;
      e.value = value;
      if (!justified) e.justification = null;
      return b;
    };

    it("warns on a figure far outside the unit's earlier months, showing them, and stores it once confirmed", async () => {
      const dry = await submit(f.app, f.tokens.unit, { ...withFigure("2026-05", count, 80), dryRun: true });
      expect(dry.statusCode).toBe(200);
      const d = dry.json();
      const warning = d.issues.find((i: { code: string; targetId: string }) => i.code === "history_outlier");
      expect(warning).toMatchObject({ targetId: count.id, severity: "warning", justified: true });
      expect(warning.params.earlier).toBe("2026-01: 5; 2026-02: 5; 2026-03: 5; 2026-04: 5");
      expect(warning.message.en).toContain("2026-04: 5");
      expect(d.figureContext.history[count.id]).toEqual({
        earlier: ["2026-01", "2026-02", "2026-03", "2026-04"].map((period) => ({ period, figure: 5 })),
        yearBefore: null,
        outlier: "earlier_periods",
      });
      // the same figure without a note is refused with the warning; with it, stored
      const refused = expectProblem(
        await submit(f.app, f.tokens.unit, withFigure("2026-05", count, 80, false)),
        422,
        "CT_JUSTIFICATION_REQUIRED",
      );
      expect(refused.issues.map((i: { code: string }) => i.code)).toContain("history_outlier");
      expect((await submit(f.app, f.tokens.unit, withFigure("2026-05", count, 80))).statusCode).toBe(201);
      const view = (await get(f.app, f.tokens.unit, `/reports/${UNIT}/2026-05`)).json();
      expect(view.figureContext.history[count.id].outlier).toBe("earlier_periods");
      expect(view.figureContext.history[count.id].earlier).toHaveLength(4);
    });

    it("does not warn on a figure within the unit's history", async () => {
      const d = (
        await submit(f.app, f.tokens.unit, { ...withFigure("2026-06", count, 6, false), dryRun: true })
      ).json();
      expect(d.issues.filter((i: { code: string }) => i.code === "history_outlier")).toEqual([]);
      expect(d.figureContext.history[count.id].outlier).toBeNull();
    });

    it("shows a quarter's figure beside the one from its months and warns when they disagree", async () => {
      // Q1's months hold 5 each: a flow sums to 15, a stock is its last month's 5
      const typedLikeAMonth = (
        await submit(f.app, f.tokens.unit, { ...withFigure("2026-Q1", flow, 5), dryRun: true })
      ).json();
      expect(typedLikeAMonth.figureContext.fromMonths[flow.id]).toEqual({
        figure: 5,
        computed: 15,
        months: 3,
        timeAggregation: "sum",
        disagrees: true,
      });
      const w = typedLikeAMonth.issues.find(
        (i: { code: string; targetId: string }) => i.code === "disagrees_with_months" && i.targetId === flow.id,
      );
      expect(w).toMatchObject({ severity: "warning", params: { figure: 5, computed: 15, months: 3 } });
      expect(typedLikeAMonth.figureContext.fromMonths[stock.id]).toMatchObject({ computed: 5, disagrees: false });

      const agreeing = (
        await submit(f.app, f.tokens.unit, { ...withFigure("2026-Q1", flow, 15, false), dryRun: true })
      ).json();
      expect(agreeing.figureContext.fromMonths[flow.id]).toMatchObject({ figure: 15, computed: 15, disagrees: false });
      const flowIssues = agreeing.issues.filter((i: { targetId: string }) => i.targetId === flow.id);
      expect(flowIssues.map((i: { code: string }) => i.code)).not.toContain("disagrees_with_months");

      // a submission: the disagreement needs a note, as any warning
      const refused = expectProblem(
        await submit(f.app, f.tokens.unit, withFigure("2026-Q1", flow, 5, false)),
        422,
        "CT_JUSTIFICATION_REQUIRED",
      );
      expect(refused.issues.map((i: { code: string }) => i.code)).toContain("disagrees_with_months");
      expect((await submit(f.app, f.tokens.unit, withFigure("2026-Q1", flow, 15, false))).statusCode).toBe(201);
      const view = (await get(f.app, f.tokens.unit, `/reports/${UNIT}/2026-Q1`)).json();
      expect(view.figureContext.fromMonths[flow.id]).toMatchObject({ figure: 15, computed: 15, months: 3 });
    });

    it("reads the figures of reports stored before report_state.latest_figures existed from their content", async () => {
      await f.app.store.db
        .updateTable("report_state")
        .set({ latest_figures: null })
        .where("unit_code", "=", UNIT)
        .execute();
      const d = (await submit(f.app, f.tokens.unit, { ...withFigure("2026-07", count, 80), dryRun: true })).json();
      const warning = d.issues.find((i: { code: string; targetId: string }) => i.code === "history_outlier");
      expect(warning).toMatchObject({ targetId: count.id, severity: "warning" });
      expect(warning.params.earlier).toMatch(/^2026-01: 5; 2026-02: 5; 2026-03: 5; 2026-04: 5; 2026-05: 80/);
    });

    it("refuses an unconfirmed outlier against those older reports where the rules run (writer or check thread)", async () => {
      // the submission path reads the history where it checks: on SQLite the writer thread reads it itself
      const j = expectProblem(
        await submit(f.app, f.tokens.unit, withFigure("2026-07", count, 80, false)),
        422,
        "CT_JUSTIFICATION_REQUIRED",
      );
      const warning = j.issues.find((i: { code: string }) => i.code === "history_outlier");
      expect(warning).toMatchObject({ targetId: count.id, severity: "warning" });
      expect(warning.params.earlier).toMatch(/^2026-01: 5; 2026-02: 5; 2026-03: 5; 2026-04: 5; 2026-05: 80/);
    });

    it("judges against the same month a year before", async () => {
      // 2027-04 has no earlier 2027 months, but 2026-04 held 5: 40 is more than 3 times it
      const d = (await submit(f.app, f.tokens.unit, { ...withFigure("2027-04", count, 40), dryRun: true })).json();
      const warning = d.issues.find((i: { code: string; targetId: string }) => i.code === "history_outlier");
      expect(warning).toMatchObject({ targetId: count.id, ruleId: "history.year_before" });
      expect(d.figureContext.history[count.id].yearBefore).toEqual({ period: "2026-04", figure: 5 });
    });
  });
}

for (const dialect of dialects()) {
  describe(`${dialect}: the history checks' thresholds an administrator sets (CHITIEU_HISTORY_THRESHOLDS)`, () => {
    let f: Fixture;
    beforeAll(async () => {
      // a change under 100 is never an outlier here
      f = await setup(dialect, { historyThresholds: { ...HISTORY_THRESHOLDS, minChange: 100 } });
      for (const period of ["2026-01", "2026-02", "2026-03"])
        expect((await submit(f.app, f.tokens.unit, body(f.app, { period }))).statusCode).toBe(201);
    }, 60_000);
    afterAll(async () => {
      await f?.close();
    });

    it("judges with them on a dry run, a submission and GET /reports", async () => {
      const b = body(f.app, { period: "2026-04" });
      const ids = new Set(b.entries.map((e) => e.targetId));
      const count = f.app.reference.currentCatalog.targets.find((t) => ids.has(t.id) && t.measure === "count")!;
      const e = b.entries.find((x) => x.targetId === count.id)!;
      e.value = 80; // 75 above the months' 5: an outlier with the default thresholds, not with these
      e.justification = null;
      const dry = (await submit(f.app, f.tokens.unit, { ...b, dryRun: true })).json();
      expect(dry.issues.filter((i: { code: string }) => i.code === "history_outlier")).toEqual([]);
      expect(dry.figureContext.history[count.id]).toMatchObject({ outlier: null });
      expect((await submit(f.app, f.tokens.unit, b)).statusCode).toBe(201);
      const view = (await get(f.app, f.tokens.unit, `/reports/${UNIT}/2026-04`)).json();
      expect(view.figureContext.history[count.id].outlier).toBeNull();
    });
  });
}
