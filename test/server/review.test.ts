/**
 * Reviewing reports through the endpoint (issue #18), on both engines: the diff against the previous revision, a
 * named revision and the previous period (per target: old and new figure and status), and bulk accept with each
 * item answered on its own.
 */
import { body, count, dialects, expectProblem, get, OTHER, post, setup, submit, UNIT, type Fixture } from "./helpers";

type TargetDiff = {
  targetId: string;
  changed: boolean;
  from: { figure: number | null; value: number | null; progress: string | null } | null;
  to: { figure: number | null; value: number | null; progress: string | null } | null;
};

for (const dialect of dialects()) {
  describe(`${dialect}: review diff and bulk accept`, () => {
    let f: Fixture;
    const ids: Record<string, string> = {};
    let changedTarget = "";
    beforeAll(async () => {
      f = await setup(dialect);
      // UNIT: 2026-Q1 revision 1, then revision 2 with one figure changed; 2026-Q2 revision 1
      const r1 = body(f.app, { period: "2026-Q1" }, 0);
      expect((await submit(f.app, f.tokens.unit, r1)).statusCode).toBe(201);
      const entries = r1.entries.map((e) => ({ ...e }));
      const numeric = entries.find((e) => typeof e.value === "number") as { targetId: string; value: number };
      changedTarget = numeric.targetId;
      numeric.value = numeric.value + 1;
      const r2 = body(f.app, { period: "2026-Q1", supersedes: r1.submissionId, entries });
      expect((await submit(f.app, f.tokens.unit, r2)).statusCode).toBe(201);
      f.now.value = new Date("2026-07-05T03:00:00Z");
      const q2 = body(f.app, { period: "2026-Q2", entries: r1.entries }, 0);
      expect((await submit(f.app, f.tokens.unit, q2)).statusCode).toBe(201);
      Object.assign(ids, { r1: r1.submissionId, r2: r2.submissionId, q2: q2.submissionId });
      expect((await submit(f.app, f.tokens.other, body(f.app, { unitCode: OTHER }, 3))).statusCode).toBe(201);
    }, 90_000);
    afterAll(async () => {
      await f?.close();
    });

    it("compares the latest revision with the previous one by default: old and new figure per target", async () => {
      const res = await get(f.app, f.tokens.planner, `/reports/${UNIT}/2026-Q1/diff`);
      expect(res.statusCode).toBe(200);
      const j = res.json();
      expect(j.against).toBe("previous-revision");
      expect(j.from).toMatchObject({ submissionId: ids.r1, revision: 1, period: "2026-Q1" });
      expect(j.to).toMatchObject({ submissionId: ids.r2, revision: 2, period: "2026-Q1" });
      const changed = j.targets.filter((t: TargetDiff) => t.changed);
      expect(changed.map((t: TargetDiff) => t.targetId)).toEqual([changedTarget]);
      const t = changed[0] as TargetDiff;
      expect((t.to?.value as number) - (t.from?.value as number)).toBe(1);
      expect(t.to?.progress).toEqual(expect.any(String));
      expect(j.changes).toEqual([{ targetId: changedTarget, field: "value", from: t.from?.value, to: t.to?.value }]);
      // revision=1 names the same older side
      const named = (await get(f.app, f.tokens.planner, `/reports/${UNIT}/2026-Q1/diff?revision=1`)).json();
      expect(named.against).toBe("revision");
      expect(named.targets).toEqual(j.targets);
    });

    it("a first revision has nothing to compare with: from is null, every target is new", async () => {
      const j = (await get(f.app, f.tokens.unit, `/reports/${UNIT}/2026-Q1/diff?to=1`)).json();
      expect(j.from).toBeNull();
      expect(j.changes).toEqual([]);
      expect(j.targets.every((t: TargetDiff) => t.from === null && t.to !== null && t.changed)).toBe(true);
    });

    it("compares with the previous period's report, and says when there is none", async () => {
      const j = (await get(f.app, f.tokens.planner, `/reports/${UNIT}/2026-Q2/diff?against=previous-period`)).json();
      expect(j.against).toBe("previous-period");
      expect(j.from).toMatchObject({ submissionId: ids.r2, period: "2026-Q1", revision: 2 });
      expect(j.to).toMatchObject({ submissionId: ids.q2, period: "2026-Q2", revision: 1 });
      const t = j.targets.find((x: TargetDiff) => x.targetId === changedTarget) as TargetDiff;
      expect(t.changed).toBe(true);
      expect((t.from?.value as number) - (t.to?.value as number)).toBe(1);
      const none = (await get(f.app, f.tokens.planner, `/reports/${UNIT}/2026-Q1/diff?against=previous-period`)).json();
      expect(none.from).toBeNull();
      expectProblem(
        await get(f.app, f.tokens.planner, `/reports/${UNIT}/2026-Q1/diff?revision=9`),
        404,
        "CT_REVISION_NOT_FOUND",
      );
    });

    it("never shows another unit's diff to a unit token", async () => {
      expectProblem(await get(f.app, f.tokens.other, `/reports/${UNIT}/2026-Q1/diff`), 403, "CT_UNIT_FORBIDDEN");
    });

    it("accepts several reports at once, answering each item on its own", async () => {
      const events = await count(f.app, "audit_event");
      const res = await post(f.app, f.tokens.planner, "/reports/accept", {
        comment: "Đã rà soát.",
        items: [
          { unit: UNIT, period: "2026-Q1", revision: 2 },
          { unit: OTHER, period: "2026-Q1", revision: 2 },
          { unit: UNIT, period: "2026-Q2", revision: 1 },
          { unit: "99999", period: "2026-Q1", revision: 1 },
          { unit: "00025", period: "2026-Q1", revision: 1 },
          { unit: UNIT, period: "2026-Q1", revision: 2 },
        ],
      });
      expect(res.statusCode).toBe(200);
      const j = res.json();
      expect(j.results.map((r: { outcome: string }) => r.outcome)).toEqual([
        "accepted",
        "conflict",
        "accepted",
        "not_found",
        "not_found",
        "already_accepted",
      ]);
      expect(j.counts).toEqual({ accepted: 2, already_accepted: 1, conflict: 1, not_found: 2, forbidden: 0 });
      expect(j.results[1]).toMatchObject({ latestRevision: 1, error: { code: "CT_REVIEW_OUT_OF_DATE" } });
      expect(j.results[1].error.message.vi).toContain("lần sửa 2");
      expect(j.results[1].error.message.en).toContain("the latest is revision 1");
      expect(j.results[3].error.code).toBe("CT_UNIT_UNKNOWN");
      expect(j.results[4].error.code).toBe("CT_REPORT_NOT_FOUND");
      // the conflicting item was left exactly as it was; the others are accepted and locked, one audit event each
      const other = (await get(f.app, f.tokens.planner, `/reports/${OTHER}/2026-Q1`)).json();
      expect(other).toMatchObject({ status: "submitted", locked: false });
      const mine = (await get(f.app, f.tokens.unit, `/reports/${UNIT}/2026-Q1`)).json();
      expect(mine).toMatchObject({
        status: "accepted",
        locked: true,
        comment: "Đã rà soát.",
        acceptedSubmissionId: ids.r2,
      });
      expect(await count(f.app, "audit_event")).toBe(events + 2);
      const board = (await get(f.app, f.tokens.planner, "/board?period=2026-Q1&group=wards&state=accepted")).json();
      expect(board.units.map((u: { unitCode: string }) => u.unitCode)).toEqual([UNIT]);
    });

    it("refuses a bulk accept that is empty or not a list, in vi and en", async () => {
      expectProblem(await post(f.app, f.tokens.planner, "/reports/accept", { items: [] }), 400, "CT_REQUEST_INVALID");
      expectProblem(
        await post(f.app, f.tokens.planner, "/reports/accept", { items: [{ unit: UNIT, period: "2026-Q1" }] }),
        400,
        "CT_REQUEST_INVALID",
      );
    });
  });
}
