/**
 * Retiring a unit (PUT /api/v1/units/:code with retiredFrom): never deleted, its reports kept; completeness and
 * consolidation stop expecting it from its retirement on and still do before; its submissions from then on are
 * refused with CT_UNIT_RETIRED; null brings it back. On SQLite and PostgreSQL.
 */
import type { EntryInput } from "../../src/domain/types";
import {
  body,
  count,
  dialects,
  expectProblem,
  get,
  OTHER,
  setup,
  submit,
  UNIT,
  validEntries,
  type Fixture,
} from "./helpers";

interface ApiUnit {
  code: string;
  kind: string;
  name: { vi: string; en: string };
  targetIds: string[];
  toConfirm: boolean;
  demo: boolean;
  groups: string[];
  retiredFrom: string | null;
}

function put(f: Fixture, token: string, code: string, payload: object) {
  return f.app.inject({
    method: "PUT",
    url: `/api/v1/units/${code}`,
    headers: { authorization: `Bearer ${token}` },
    payload,
  });
}

async function unitOf(f: Fixture, code: string): Promise<ApiUnit> {
  const units = (await get(f.app, null, `/units?q=${encodeURIComponent(code)}`)).json().units as ApiUnit[];
  const u = units.find((x) => x.code === code);
  if (!u) throw new Error(`unit ${code} not listed`);
  return u;
}

/** The unit as PUT takes it (what GET /units gives, without the fields PUT does not take). */
function editable(u: ApiUnit): Record<string, unknown> {
  return { kind: u.kind, name: u.name, targetIds: u.targetIds, toConfirm: u.toConfirm, groups: u.groups };
}

async function events(f: Fixture, code: string): Promise<{ action: string; details: Record<string, unknown> }[]> {
  const rows = await f.app.store.db
    .selectFrom("audit_event")
    .select(["action", "details"])
    .where("unit_code", "=", code)
    .where("action", "like", "unit.%")
    .execute();
  return rows.map((r) => ({ action: r.action, details: JSON.parse(r.details) as Record<string, unknown> }));
}

function codes(list: { unitCode: string }[]): string[] {
  return list.map((u) => u.unitCode);
}

for (const dialect of dialects()) {
  describe(`${dialect}: retiring a unit from a period on`, () => {
    let f: Fixture;
    let s02Year = 0;
    let firstQ1 = "";
    let q1Before: unknown;
    let q2WardsBefore = 0;
    let q2Stored: ReturnType<typeof body> | null = null;

    /** A valid report whose S02 (social housing completed: a flow, summed over units) is `s02`. */
    function withS02(unitCode: string, s02: number): EntryInput[] {
      return validEntries(f.app, unitCode).map((e) => (e.targetId === "S02" ? { ...e, value: s02 } : e));
    }

    beforeAll(async () => {
      f = await setup(dialect);
      const s02 = f.app.reference.currentCatalog.targets.find((t) => t.id === "S02")!;
      s02Year = s02.targetByYear[2026] as number;
      // the ward reports 2026-Q1 before it is retired: half the year's social housing
      const q1 = body(f.app, { period: "2026-Q1", entries: withS02(UNIT, Math.ceil(s02Year / 2)) });
      expect((await submit(f.app, f.tokens.unit, q1)).statusCode).toBe(201);
      firstQ1 = q1.submissionId;
      q1Before = (await get(f.app, f.tokens.planner, "/consolidation?period=2026-Q1&group=wards")).json();
      q2WardsBefore = (await get(f.app, f.tokens.planner, "/completeness?period=2026-Q2&group=wards")).json().counts
        .expected;
    }, 60_000);
    afterAll(async () => {
      await f?.close();
    });

    it.each([["2026-Q5"], ["2026-13"], ["Q2 2026"], ["tháng 4"], [""], [2026], ["2026-Q3-extra-long-text"]])(
      "refuses retiredFrom %j with 400 naming the field in both languages, and changes nothing",
      async (bad) => {
        const before = await unitOf(f, UNIT);
        const audits = await count(f.app, "audit_event");
        const res = await put(f, f.tokens.admin, UNIT, { ...editable(before), retiredFrom: bad });
        const j = expectProblem(res, 400, "CT_REQUEST_INVALID");
        const issue = (j.issues as { path: unknown[]; message: { vi: string; en: string } }[]).find(
          (i) => i.path.join(".") === "body.retiredFrom",
        );
        expect(issue).toBeDefined();
        expect(issue!.message.vi).toContain("retiredFrom");
        expect(issue!.message.vi).toContain("kỳ");
        expect(issue!.message.en).toContain("retiredFrom");
        expect(issue!.message.en).toContain("period");
        expect(await unitOf(f, UNIT)).toEqual(before);
        expect(before.retiredFrom).toBeNull();
        expect(await count(f.app, "audit_event")).toBe(audits);
      },
    );

    it("retires the ward from 2026-Q2 (written in lower case, stored canonical); /units and /me show it; audited", async () => {
      const before = await unitOf(f, UNIT);
      const res = await put(f, f.tokens.admin, UNIT, { ...editable(before), retiredFrom: "2026-q2" });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ code: UNIT, retiredFrom: "2026-Q2", name: before.name, demo: false });
      expect(await unitOf(f, UNIT)).toEqual({ ...before, retiredFrom: "2026-Q2" });
      expect((await get(f.app, f.tokens.unit, "/me")).json().unit).toMatchObject({
        code: UNIT,
        retiredFrom: "2026-Q2",
      });
      const row = await f.app.store.db
        .selectFrom("unit")
        .select("retired_from")
        .where("code", "=", UNIT)
        .executeTakeFirstOrThrow();
      expect(row.retired_from).toBe("2026-Q2");
      expect(await events(f, UNIT)).toEqual([
        {
          action: "unit.retired",
          details: expect.objectContaining({
            previousRetiredFrom: null,
            unit: expect.objectContaining({ retiredFrom: "2026-Q2" }),
          }),
        },
      ]);
    });

    it("no longer expects it for 2026-Q2 (completeness and consolidation), and does not call it missing", async () => {
      const c = (await get(f.app, f.tokens.planner, "/completeness?period=2026-Q2&group=wards")).json();
      expect(c.counts.expected).toBe(q2WardsBefore - 1);
      expect(codes(c.units)).not.toContain(UNIT);
      expect(codes(c.units)).toContain(OTHER);
      const m = (await get(f.app, f.tokens.planner, "/consolidation?period=2026-Q2&group=wards")).json();
      expect(m.unitsExpected).not.toContain(UNIT);
      expect(m.unitsMissing).not.toContain(UNIT);
      expect(m.unitsExpected).toContain(OTHER);
      for (const fig of m.figures as { unitsExpected: string[]; unitsMissing: string[] }[]) {
        expect(fig.unitsExpected).not.toContain(UNIT);
        expect(fig.unitsMissing).not.toContain(UNIT);
      }
      // a month of the quarter and the second half too; the first half began while it reported
      for (const p of ["2026-04", "2026-06", "2026-H2"]) {
        const cp = (await get(f.app, f.tokens.planner, `/completeness?period=${p}&group=wards`)).json();
        expect(codes(cp.units)).not.toContain(UNIT);
      }
      for (const p of ["2026-03", "2026-H1", "2026"]) {
        const cp = (await get(f.app, f.tokens.planner, `/completeness?period=${p}&group=wards`)).json();
        expect(codes(cp.units)).toContain(UNIT);
      }
    });

    it("still expects it for 2026-Q1, with its report: the consolidation of 2026-Q1 is exactly as before", async () => {
      const c = (await get(f.app, f.tokens.planner, "/completeness?period=2026-Q1&group=wards")).json();
      const row = c.units.find((u: { unitCode: string }) => u.unitCode === UNIT);
      expect(row).toMatchObject({ state: "submitted", revision: 1 });
      const m = (await get(f.app, f.tokens.planner, "/consolidation?period=2026-Q1&group=wards")).json();
      expect(m.unitsIncluded).toContain(UNIT);
      expect(codes(m.matrix)).toContain(UNIT);
      expect(m).toEqual(q1Before);
    });

    it("refuses its report for 2026-Q2, a month of it, and a dry run, with CT_UNIT_RETIRED, storing nothing", async () => {
      const stored = [await count(f.app, "submission"), await count(f.app, "report_state")];
      const j = expectProblem(
        await submit(f.app, f.tokens.unit, body(f.app, { period: "2026-Q2" })),
        409,
        "CT_UNIT_RETIRED",
      );
      expect(j.message.vi).toContain(UNIT);
      expect(j.message.vi).toContain("2026-Q2");
      expect(j.message.vi).toContain("thôi báo cáo");
      expect(j.message.en).toContain(UNIT);
      expect(j.message.en).toContain("2026-Q2");
      expect(j.message.en).toContain("no longer reports");
      expect(j.message.vi).toBe(j.message.vi.normalize("NFC"));
      expect(j.details).toMatchObject({ unitCode: UNIT, period: "2026-Q2", retiredFrom: "2026-Q2" });
      const month = expectProblem(
        await submit(f.app, f.tokens.unit, body(f.app, { period: "2026-04" })),
        409,
        "CT_UNIT_RETIRED",
      );
      expect(month.details).toMatchObject({ period: "2026-04", retiredFrom: "2026-Q2" });
      expectProblem(
        await submit(f.app, f.tokens.unit, body(f.app, { period: "2026-Q2", dryRun: true })),
        409,
        "CT_UNIT_RETIRED",
      );
      // a planner checking the unit's workbook is told the same
      expectProblem(
        await submit(f.app, f.tokens.planner, body(f.app, { period: "2026-Q2", dryRun: true })),
        409,
        "CT_UNIT_RETIRED",
      );
      expect([await count(f.app, "submission"), await count(f.app, "report_state")]).toEqual(stored);
    });

    it("accepts its correction of 2026-Q1 and its report for 2026-H1, which began before its retirement", async () => {
      const correction = body(f.app, {
        period: "2026-Q1",
        supersedes: firstQ1,
        entries: withS02(UNIT, Math.ceil(s02Year / 2)),
      });
      const res = await submit(f.app, f.tokens.unit, correction);
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ period: "2026-Q1", revision: 2 });
      expect((await submit(f.app, f.tokens.unit, body(f.app, { period: "2026-H1" }))).statusCode).toBe(201);
    });

    it("still counts its 2026-Q1 flows year to date in the city figure of 2026-Q2", async () => {
      // 2026-Q2: only the other ward reports 1 unit of social housing; with the retired ward's half-year of 2026-Q1
      // the city is on track (≥ 6/12 of the year's target), without it far behind
      expect(
        (
          await submit(
            f.app,
            f.tokens.other,
            body(f.app, { unitCode: OTHER, period: "2026-Q2", entries: withS02(OTHER, 1) }),
          )
        ).statusCode,
      ).toBe(201);
      const m = (await get(f.app, f.tokens.planner, "/consolidation?period=2026-Q2&group=wards")).json();
      const s02 = m.figures.find((x: { targetId: string }) => x.targetId === "S02");
      expect(s02).toMatchObject({ value: 1, unitsIncluded: [OTHER] });
      expect(s02.unitsExpected).not.toContain(UNIT);
      expect(s02.progress).toBe("on_track");
    });

    it("keeps it retired when it is edited without retiredFrom (a rename)", async () => {
      const before = await unitOf(f, UNIT);
      const res = await put(f, f.tokens.planner, UNIT, {
        ...editable(before),
        name: { vi: "Phường Hoàn Kiếm (đã sáp nhập)", en: "Hoan Kiem Ward (merged)" },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().retiredFrom).toBe("2026-Q2");
      expect((await unitOf(f, UNIT)).retiredFrom).toBe("2026-Q2");
      // both events carry the same (frozen) time: compared as a set
      expect((await events(f, UNIT)).map((e) => e.action).sort()).toEqual(["unit.retired", "unit.saved"]);
    });

    it("brings it back with retiredFrom: null — expected for 2026-Q2 again and accepting its report", async () => {
      const before = await unitOf(f, UNIT);
      const res = await put(f, f.tokens.admin, UNIT, { ...editable(before), retiredFrom: null });
      expect(res.statusCode).toBe(200);
      expect(res.json().retiredFrom).toBeNull();
      expect((await unitOf(f, UNIT)).retiredFrom).toBeNull();
      const reinstated = (await events(f, UNIT)).filter((e) => e.action === "unit.reinstated");
      expect(reinstated).toEqual([
        { action: "unit.reinstated", details: expect.objectContaining({ previousRetiredFrom: "2026-Q2" }) },
      ]);
      const c = (await get(f.app, f.tokens.planner, "/completeness?period=2026-Q2&group=wards")).json();
      expect(c.counts.expected).toBe(q2WardsBefore);
      expect(c.units.find((u: { unitCode: string }) => u.unitCode === UNIT)).toMatchObject({ state: "missing" });
      const q2 = body(f.app, { period: "2026-Q2" });
      expect((await submit(f.app, f.tokens.unit, q2)).statusCode).toBe(201);
      q2Stored = q2;
      const after = (await get(f.app, f.tokens.planner, "/completeness?period=2026-Q2&group=wards")).json();
      expect(after.units.find((u: { unitCode: string }) => u.unitCode === UNIT)).toMatchObject({ state: "submitted" });
    });

    it("retired again, it keeps its stored 2026-Q2 report readable and a retry of it gets the stored receipt", async () => {
      const before = await unitOf(f, UNIT);
      expect((await put(f, f.tokens.admin, UNIT, { ...editable(before), retiredFrom: "2026-Q2" })).statusCode).toBe(
        200,
      );
      const stored = await count(f.app, "submission");
      // the same submission sent again (an offline queue's retry): the receipt, never CT_UNIT_RETIRED, no new row
      const retry = await submit(f.app, f.tokens.unit, q2Stored!);
      expect(retry.statusCode).toBe(200);
      expect(retry.json()).toMatchObject({ submissionId: q2Stored!.submissionId, replay: true });
      // a new revision of it is refused
      expectProblem(
        await submit(f.app, f.tokens.unit, body(f.app, { period: "2026-Q2", supersedes: q2Stored!.submissionId })),
        409,
        "CT_UNIT_RETIRED",
      );
      expect(await count(f.app, "submission")).toBe(stored);
      expect((await get(f.app, f.tokens.planner, `/reports/${UNIT}/2026-Q2`)).statusCode).toBe(200);
      const c = (await get(f.app, f.tokens.planner, "/completeness?period=2026-Q2&group=wards")).json();
      expect(codes(c.units)).not.toContain(UNIT);
    });

    it("retires a starter department that does not exist from the year 2026: the departments no longer expect it", async () => {
      const dept = await unitOf(f, "S-XD");
      expect(dept.toConfirm).toBe(true);
      const before = (await get(f.app, f.tokens.planner, "/completeness?period=2026-Q1&group=departments")).json();
      expect(codes(before.units)).toContain("S-XD");
      const res = await put(f, f.tokens.admin, "S-XD", { ...editable(dept), retiredFrom: "2026" });
      expect(res.statusCode).toBe(200);
      expect(await unitOf(f, "S-XD")).toEqual({ ...dept, retiredFrom: "2026" });
      const c = (await get(f.app, f.tokens.planner, "/completeness?period=2026-Q1&group=departments")).json();
      expect(codes(c.units)).not.toContain("S-XD");
      expect(c.counts.expected).toBe(before.counts.expected - 1);
      const m = (await get(f.app, f.tokens.planner, "/consolidation?period=2026-01&group=departments")).json();
      expect(m.unitsExpected).not.toContain("S-XD");
      // 2025 began before its retirement
      const earlier = (await get(f.app, f.tokens.planner, "/completeness?period=2025&group=departments")).json();
      expect(codes(earlier.units)).toContain("S-XD");
    });
  });
}
