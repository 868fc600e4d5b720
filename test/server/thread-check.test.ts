/**
 * The rules run off the event loop: on SQLite on the writer thread, right before the write they decide; on
 * PostgreSQL on the check thread, before the statement (services/submission-check.ts, db/check-thread.ts).
 * Whatever runs them, the answer must be the one the event loop's own validate() gives: the same issues, the same
 * stored figures and flows, and the catalog and units as they are now.
 */
import { validate } from "../../src/domain";
import { flowsOf, unpackContent } from "../../src/server/services/content";
import { body, count, dialects, expectProblem, setup, submit, UNIT, type Fixture } from "./helpers";

jest.setTimeout(60_000);

for (const dialect of dialects()) {
  let f: Fixture;

  /** How many writes the checking thread stored, and how many the rules refused there. */
  const stats = () => {
    const t = f.app.store.writerThread;
    if (t) return { stored: t.stats.stored, verdicts: t.stats.verdicts };
    const c = f.app.store.checkThread;
    if (!c) throw new Error("neither a writer thread nor a check thread");
    return { stored: c.stats.checked - c.stats.verdicts, verdicts: c.stats.verdicts };
  };

  /** What the event loop's own validate() says of a body (a dry run answers from it). */
  async function dryRun(b: ReturnType<typeof body>) {
    const res = await submit(f.app, f.tokens.unit, { ...b, dryRun: true });
    expect(res.statusCode).toBe(200);
    return res.json() as { ok: boolean; issues: unknown[]; counts: { errors: number; unjustifiedWarnings: number } };
  }

  describe(`${dialect}: the rules off the event loop`, () => {
    beforeAll(async () => {
      f = await setup(dialect);
    });
    afterAll(async () => {
      await f?.close();
    });

    it("stores the figures and flows the rules parsed, as validate() gives them", async () => {
      const b = body(f.app, { period: "2026-05" });
      const checksBefore = stats().stored;
      expect((await submit(f.app, f.tokens.unit, b)).statusCode).toBe(201);
      expect(stats().stored).toBe(checksBefore + 1);
      const row = await f.app.store.db
        .selectFrom("submission")
        .selectAll()
        .where("id", "=", b.submissionId)
        .executeTakeFirstOrThrow();
      const here = validate(
        { unitCode: UNIT, period: "2026-05", catalogVersion: b.catalogVersion, locale: "vi", entries: b.entries },
        { catalog: f.app.reference.currentCatalog, units: f.app.reference.registry, ytd: {} },
      );
      expect(unpackContent(row.content).parsed).toEqual(here.entries);
      expect(row.flows).toBe(flowsOf(f.app.reference.currentCatalog, here.entries));
      expect(JSON.parse(row.flows)).not.toEqual({});
      const state = await f.app.store.db
        .selectFrom("report_state")
        .selectAll()
        .where("unit_code", "=", UNIT)
        .where("period", "=", "2026-05")
        .executeTakeFirstOrThrow();
      expect(state.latest_flows).toBe(row.flows);
    });

    it("refuses a report with errors with the issues a dry run gives, and stores nothing", async () => {
      const b = body(f.app, { period: "2026-06" });
      const count0 = b.entries.findIndex((e) => typeof e.value === "number");
      b.entries[count0] = { ...b.entries[count0]!, value: "mười hai" };
      const expected = await dryRun(b);
      expect(expected.counts.errors).toBeGreaterThan(0);
      const rows = await count(f.app, "submission");
      const verdicts = stats().verdicts;
      const j = expectProblem(await submit(f.app, f.tokens.unit, b), 422, "CT_REPORT_INVALID");
      expect(stats().verdicts).toBe(verdicts + 1);
      expect(j.issues).toEqual(expected.issues);
      expect(await count(f.app, "submission")).toBe(rows);
    });

    it("refuses unjustified off-target figures with the warnings a dry run gives", async () => {
      const b = body(f.app, { period: "2026-07" });
      b.entries = b.entries.map((e) => ({
        ...e,
        justification: null,
        ...(e.value !== undefined ? { value: "1" } : {}),
      }));
      const expected = await dryRun(b);
      expect(expected.counts.errors).toBe(0);
      expect(expected.counts.unjustifiedWarnings).toBeGreaterThan(0);
      const j = expectProblem(await submit(f.app, f.tokens.unit, b), 422, "CT_JUSTIFICATION_REQUIRED");
      expect(j.issues).toEqual(expected.issues);
    });

    it("judges with the units as they are now: a target given to the unit is accepted at once", async () => {
      const catalog = f.app.reference.currentCatalog;
      const unit = f.app.reference.registry.byCode(UNIT)!;
      const mine = new Set(f.app.reference.registry.targetsFor(catalog, UNIT).map((t) => t.id));
      const extra = catalog.targets.find((t) => !mine.has(t.id) && t.measure !== "milestone")!;
      // the thread has judged with the units as they were
      const before = body(f.app, { period: "2026-08" });
      expect((await submit(f.app, f.tokens.unit, before)).statusCode).toBe(201);
      const res = await f.app.inject({
        method: "PUT",
        url: `/api/v1/units/${UNIT}`,
        headers: { authorization: `Bearer ${f.tokens.admin}` },
        payload: {
          kind: unit.kind,
          name: unit.name,
          targetIds: [...unit.targetIds, extra.id],
          toConfirm: unit.toConfirm,
          groups: unit.groups,
        },
      });
      expect(res.statusCode).toBe(200);
      const b = body(f.app, { period: "2026-09" });
      expect(b.entries.some((e) => e.targetId === extra.id)).toBe(true);
      expect((await dryRun(b)).ok).toBe(true);
      // with the units as they were, this entry would be refused as target_not_for_unit
      const res2 = await submit(f.app, f.tokens.unit, b);
      expect(res2.statusCode).toBe(201);
    });
  });
}
