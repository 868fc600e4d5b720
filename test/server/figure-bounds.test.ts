/**
 * Absurd figures: a figure beyond its target's plausible bound is a bilingual 422 naming the field, and figures a
 * server without the check once stored (S02 = 1e308 in two months) never make a read, a dry run or an export
 * answer 500, nor a CSV say Infinity or NaN.
 */
import { DEFAULT_UPPER_BOUNDS, RATIO_PART_UPPER_BOUND, upperBound } from "../../src/domain/rules/bounds";
import { defaultCatalog } from "../../src/domain";
import { body, count, DEMO, dialects, expectProblem, get, setup, submit, type Fixture } from "./helpers";

const HUGE = 1e308;

function withFigure(f: Fixture, period: string, targetId: string, part: "value" | "numerator", value: unknown) {
  const b = body(f.app, { period });
  const entry = b.entries.find((e) => e.targetId === targetId)!;
  (entry as unknown as Record<string, unknown>)[part] = value;
  return b;
}

describe("plausible bounds, by measure kind and per target", () => {
  it("keeps every default bound summable over 1,000 units exactly", () => {
    for (const bound of [...Object.values(DEFAULT_UPPER_BOUNDS), RATIO_PART_UPPER_BOUND])
      expect(bound * 1000).toBeLessThan(Number.MAX_SAFE_INTEGER);
    const byId = new Map(defaultCatalog().targets.map((t) => [t.id, t]));
    expect(upperBound(byId.get("S02")!, "value")).toBe(DEFAULT_UPPER_BOUNDS.count);
    expect(upperBound(byId.get("S07")!, "value")).toBe(150); // years of life: the per-target table wins
    expect(upperBound(byId.get("S01")!, "numerator")).toBe(RATIO_PART_UPPER_BOUND);
  });
});

describe.each(dialects())("absurd figures (%s)", (dialect) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await setup(dialect);
  });
  afterAll(async () => f?.close());

  it.each([
    ["S02", "value", HUGE],
    ["S02", "value", "10.000.000.000"],
    ["S01", "numerator", 5e10],
  ] as const)(
    "refuses %s %s = %s with 422 CT_FIGURE_OUT_OF_RANGE naming the field, storing nothing",
    async (t, part, v) => {
      const before = await count(f.app, "submission");
      for (const dryRun of [false, true]) {
        const b = { ...withFigure(f, "2026-Q3", t, part, v), dryRun };
        const res = await submit(f.app, dryRun ? f.tokens.planner : f.tokens.unit, b);
        const problem = expectProblem(res, 422, "CT_FIGURE_OUT_OF_RANGE");
        const index = b.entries.findIndex((e) => e.targetId === t);
        expect(problem.issues).toEqual([
          expect.objectContaining({ targetId: t, path: ["body", "entries", index, part] }),
        ]);
        expect(problem.issues[0].message.vi).toContain(`Chỉ tiêu ${t}`);
        expect(problem.issues[0].message.en).toContain(`Target ${t}`);
        expect(problem.message.vi).toContain("Không có gì được lưu");
      }
      expect(await count(f.app, "submission")).toBe(before);
    },
  );

  it("accepts a figure right at its bound", async () => {
    const res = await submit(
      f.app,
      f.tokens.unit,
      withFigure(f, "2026-Q4", "S02", "value", DEFAULT_UPPER_BOUNDS.count),
    );
    expect(res.statusCode).toBe(201);
  });
});

describe.each(dialects())("figures stored by a server without the bound check (%s)", (dialect) => {
  let f: Fixture;
  const demo = (period: string, value: number) => {
    const b = withFigure(f, period, "S02", "value", value);
    return {
      ...b,
      unitCode: DEMO,
      entries: body(f.app, { unitCode: DEMO }).entries.map((e) => (e.targetId === "S02" ? { ...e, value } : e)),
    };
  };
  beforeAll(async () => {
    f = await setup(dialect, { checkFigureBounds: false });
    for (const period of ["2026-01", "2026-02"]) {
      const res = await submit(f.app, f.tokens.demo, demo(period, HUGE));
      expect(res.statusCode).toBe(201);
    }
    expect((await submit(f.app, f.tokens.demo, demo("2026-03", 5))).statusCode).toBe(201);
  });
  afterAll(async () => f?.close());

  it("still answers the dry run of the next month, the report and its history", async () => {
    const dry = await submit(f.app, f.tokens.demo, { ...demo("2026-04", 5), dryRun: true });
    expect(dry.statusCode).toBe(200);
    expect(JSON.stringify(dry.json())).not.toMatch(/Infinity|NaN/);
    const report = await get(f.app, f.tokens.demo, `/reports/${DEMO}/2026-03`);
    expect(report.statusCode).toBe(200);
    expect((await get(f.app, f.tokens.demo, `/reports/${DEMO}/2026-02/history`)).statusCode).toBe(200);
  });

  it("answers the consolidation in JSON and CSV with no Infinity or NaN, and never calls such a sum met", async () => {
    for (const period of ["2026-02", "2026-03", "2026-Q1", "2026"]) {
      const q = `/consolidation?period=${period}&group=demo&demo=true`;
      const json = await get(f.app, f.tokens.planner, q);
      expect(json.statusCode).toBe(200);
      const csv = await get(f.app, f.tokens.planner, `${q}&format=csv`);
      expect(csv.statusCode).toBe(200);
      expect(csv.body).not.toMatch(/Infinity|NaN/);
      const city = csv.body.split("\n").find((l) => l.startsWith("city,") && l.includes(",S02,"));
      expect(city ?? "").not.toMatch(/1e\+308.*,met,/);
    }
  });
});
