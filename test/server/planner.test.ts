import { defaultTaskRegister, parsePeriod, reportTargets, tasksForUnit } from "../../src/domain";
import type { ParsedEntry, Period } from "../../src/domain/types";
import {
  auth,
  body,
  DEMO,
  dialects,
  expectProblem,
  get,
  OTHER,
  post,
  setup,
  submit,
  UNIT,
  type Fixture,
} from "./helpers";

for (const dialect of dialects()) {
  describe(`${dialect}: completeness and consolidation for planners`, () => {
    let f: Fixture;
    let wards = 0;
    let communes = 0;
    beforeAll(async () => {
      f = await setup(dialect);
      const all = f.app.reference.registry.all();
      wards = all.filter((u) => u.groups.includes("wards")).length;
      communes = all.filter((u) => u.groups.includes("communes")).length;
      // 00004 on time; 00008 late (after the 2026-Q1 deadline, 10 April); DEMO-01 (demo)
      expect((await submit(f.app, f.tokens.unit, body(f.app, { period: "2026-Q1" }, 0))).statusCode).toBe(201);
      expect(
        (await submit(f.app, f.tokens.demo, body(f.app, { unitCode: DEMO, period: "2026-Q1" }, 5))).statusCode,
      ).toBe(201);
      f.now.value = new Date("2026-04-20T03:00:00Z");
      expect(
        (await submit(f.app, f.tokens.other, body(f.app, { unitCode: OTHER, period: "2026-Q1" }, 3))).statusCode,
      ).toBe(201);
      expect(
        (await post(f.app, f.tokens.planner, `/reports/${OTHER}/2026-Q1/return`, { comment: "Bổ sung minh chứng." }))
          .statusCode,
      ).toBe(200);
    }, 60_000);
    afterAll(async () => {
      await f?.close();
    });

    it("counts expected, submitted, on time, late, missing and returned units, without demo units", async () => {
      const res = await get(f.app, f.tokens.planner, "/completeness?period=2026-Q1&group=wards");
      expect(res.statusCode).toBe(200);
      const j = res.json();
      expect(j.counts).toEqual({
        expected: wards,
        submitted: 2,
        onTime: 1,
        late: 1,
        missing: wards - 2,
        returned: 1,
        accepted: 0,
      });
      expect(j.phase).toBe("late");
      expect(j.deadline).toBe("2026-04-10");
      const byCode = new Map(j.units.map((u: { unitCode: string }) => [u.unitCode, u]));
      expect(byCode.get(UNIT)).toMatchObject({
        state: "submitted",
        onTime: true,
        late: false,
        revision: 1,
        unitName: { vi: "Phường Ba Đình" },
      });
      expect(byCode.get(OTHER)).toMatchObject({
        state: "returned",
        onTime: false,
        late: true,
        comment: "Bổ sung minh chứng.",
      });
      const missing = j.units.find((u: { state: string }) => u.state === "missing");
      expect(missing).toMatchObject({ onTime: null, late: true, revision: null });
      expect(byCode.has(DEMO)).toBe(false);
    });

    it("expects every unit that reports at least one target when no group is given, and demo units only with demo=true", async () => {
      const all = (await get(f.app, f.tokens.planner, "/completeness?period=2026-Q1")).json();
      const registry = f.app.reference.registry;
      const catalog = f.app.reference.currentCatalog;
      // expected: a target applies and is due in the quarter (departments with yearly targets only are not), or the
      // unit leads or co-owns a key task of the starter register then (issue #19: it has a report to send)
      const q1 = parsePeriod("2026-Q1") as Period;
      const register = defaultTaskRegister();
      const reporting = registry
        .all()
        .filter(
          (u) => !u.demo && (reportTargets(catalog, u, q1).length > 0 || tasksForUnit(register, u.code, q1).length > 0),
        );
      expect(all.counts.expected).toBe(reporting.length);
      expect(reporting.some((u) => reportTargets(catalog, u, q1).length === 0)).toBe(true);
      expect(all.counts.expected).toBeGreaterThanOrEqual(wards + communes);
      const withDemo = (await get(f.app, f.tokens.planner, "/completeness?period=2026-Q1&demo=true")).json();
      expect(withDemo.units.find((u: { unitCode: string }) => u.unitCode === DEMO)).toMatchObject({
        state: "submitted",
        demo: true,
      });
      const communesOnly = (await get(f.app, f.tokens.planner, "/completeness?period=2026-Q1&group=communes")).json();
      expect(communesOnly.counts).toMatchObject({ expected: communes, submitted: 0 });
    });

    it("refuses a period it cannot read with 400 CT_PERIOD_INVALID", async () => {
      expectProblem(await get(f.app, f.tokens.planner, "/completeness?period=Q1"), 400, "CT_PERIOD_INVALID");
      expectProblem(await get(f.app, f.tokens.planner, "/consolidation?period=2026-13"), 400, "CT_PERIOD_INVALID");
      expectProblem(
        await get(f.app, f.tokens.planner, "/consolidation?period=2026-Q1&basis=best"),
        400,
        "CT_REQUEST_INVALID",
      );
    });

    it("consolidates the latest revisions: the matrix, city figures as ratios of sums, and the units missing", async () => {
      const j = (await get(f.app, f.tokens.planner, "/consolidation?period=2026-Q1&group=wards")).json();
      expect(j.basis).toBe("latest");
      expect(j.unitsIncluded).toEqual(
        [UNIT, OTHER].sort((a, b) => j.unitsExpected.indexOf(a) - j.unitsExpected.indexOf(b)),
      );
      expect(j.unitsMissing).toHaveLength(wards - 2);
      expect(j.matrix.map((m: { unitCode: string }) => m.unitCode)).not.toContain(DEMO);
      const ratio = f.app.reference.currentCatalog.targets.find(
        (t) =>
          t.reportedBy === "communes" &&
          t.aggregation === "ratio_of_sums" &&
          t.measure === "percent" &&
          t.frequency === "quarter",
      )!;
      const entryOf = (code: string): ParsedEntry =>
        j.matrix
          .find((m: { unitCode: string }) => m.unitCode === code)
          .entries.find((e: ParsedEntry) => e.targetId === ratio.id);
      const a = entryOf(UNIT);
      const b = entryOf(OTHER);
      const figure = j.figures.find((x: { targetId: string }) => x.targetId === ratio.id);
      expect(figure.numeratorSum).toBe((a.numerator as number) + (b.numerator as number));
      expect(figure.denominatorSum).toBe((a.denominator as number) + (b.denominator as number));
      expect(figure.value).toBeCloseTo((100 * figure.numeratorSum) / figure.denominatorSum, 9);
      expect(figure.unitsIncluded.sort()).toEqual([UNIT, OTHER].sort());
      expect(figure.unitsMissing).toHaveLength(wards - 2);
      const count = f.app.reference.currentCatalog.targets.find(
        (t) => t.reportedBy === "communes" && t.aggregation === "sum",
      )!;
      const sum = j.figures.find((x: { targetId: string }) => x.targetId === count.id);
      expect(sum.value).toBe(
        (j.matrix as { entries: ParsedEntry[] }[]).reduce(
          (s, m) => s + (m.entries.find((e) => e.targetId === count.id)?.value ?? 0),
          0,
        ),
      );
    });

    it("consolidates only accepted revisions with basis=accepted", async () => {
      expect(
        (await get(f.app, f.tokens.planner, "/consolidation?period=2026-Q1&basis=accepted")).json().matrix,
      ).toEqual([]);
      expect((await post(f.app, f.tokens.planner, `/reports/${UNIT}/2026-Q1/accept`, {})).statusCode).toBe(200);
      const j = (await get(f.app, f.tokens.planner, "/consolidation?period=2026-Q1&basis=accepted")).json();
      expect(j.matrix.map((m: { unitCode: string; status: string }) => [m.unitCode, m.status])).toEqual([
        [UNIT, "accepted"],
      ]);
      expect(j.unitsIncluded).toEqual([UNIT]);
    });

    it("includes demo units in consolidation only with demo=true", async () => {
      const j = (await get(f.app, f.tokens.planner, "/consolidation?period=2026-Q1&group=demo&demo=true")).json();
      expect(j.unitsIncluded).toEqual([DEMO]);
      const real = (await get(f.app, f.tokens.planner, "/consolidation?period=2026-Q1&group=demo")).json();
      expect(real.unitsExpected).toEqual([]);
    });

    it("exports CSV as UTF-8 with a BOM, one row per unit × target, then one city row per target", async () => {
      const res = await f.app.inject({
        method: "GET",
        url: "/api/v1/consolidation?period=2026-Q1&group=wards&format=csv",
        headers: auth(f.tokens.planner),
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toMatch(/^text\/csv; charset=utf-8/);
      expect(res.headers["content-disposition"]).toContain("chitieu-2026-Q1-wards.csv");
      expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      const lines = res.body
        .replace(/^\uFEFF/, "")
        .trimEnd()
        .split("\r\n");
      expect(lines[0]).toBe(
        "row_kind,unit_code,unit_name,target_id,target_name,unit_of_measure,value,numerator,denominator,milestone,progress,justification,evidence,responsible,revision,status,units_included,units_missing",
      );
      const json = (await get(f.app, f.tokens.planner, "/consolidation?period=2026-Q1&group=wards")).json();
      const unitRows = json.matrix.reduce((s: number, m: { entries: unknown[] }) => s + m.entries.length, 0);
      expect(lines.filter((l) => l.startsWith("unit,"))).toHaveLength(unitRows);
      expect(lines.filter((l) => l.startsWith("city,"))).toHaveLength(f.app.reference.currentCatalog.targets.length);
      expect(res.body).toContain("Phường Ba Đình");
    });

    it("exports DHIS2 dataValueSets with targets as data elements, units as org units and DHIS2 period ids", async () => {
      const res = await f.app.inject({
        method: "GET",
        url: "/api/v1/consolidation?period=2026-Q1&group=wards&format=dhis2",
        headers: auth(f.tokens.planner),
      });
      expect(res.statusCode).toBe(200);
      const { dataValues } = res.json();
      expect(dataValues.length).toBeGreaterThan(0);
      expect(new Set(dataValues.map((d: { period: string }) => d.period))).toEqual(new Set(["2026Q1"]));
      expect(new Set(dataValues.map((d: { orgUnit: string }) => d.orgUnit))).toEqual(new Set([UNIT, OTHER]));
      const ratio = f.app.reference.currentCatalog.targets.find(
        (t) => t.reportedBy === "communes" && t.aggregation === "ratio_of_sums",
      )!;
      const num = dataValues.find(
        (d: { dataElement: string; orgUnit: string }) => d.dataElement === `${ratio.id}_NUM` && d.orgUnit === UNIT,
      );
      expect(num.value).toMatch(/^\d+(\.\d+)?$/);
      expect(dataValues.every((d: { value: unknown }) => typeof d.value === "string")).toBe(true);
    });

    it.each([
      ["2026-03", "202603"],
      ["2026-Q4", "2026Q4"],
      ["2026-H2", "2026S2"],
      ["2027", "2027"],
    ])("writes period %s as DHIS2 period %s", async (period, dhis2) => {
      const { dhis2Period } = await import("../../src/server/services/consolidation");
      const { parsePeriod } = await import("../../src/domain");
      expect(dhis2Period(parsePeriod(period)!)).toBe(dhis2);
    });
  });
}
