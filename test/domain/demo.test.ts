import {
  createUnitRegistry,
  defaultCatalog,
  defaultUnits,
  parsePeriod,
  validate,
  type EntryInput,
  type Period,
} from "../../src/domain";
import {
  DEMO_AT_RISK,
  DEMO_OFF_TRACK,
  DEMO_RATIO_ERROR,
  DEMO_TEXT_ERROR,
  generateDemoEntries,
} from "../../src/domain/demo/sample";

const catalog = defaultCatalog();
const registry = createUnitRegistry(defaultUnits());
const period = parsePeriod("2026-Q1") as Period;
const demoWard = registry.byCode("DEMO-01")!;

function check(entries: EntryInput[]) {
  return validate(
    { unitCode: "DEMO-01", period: period.id, catalogVersion: catalog.version, locale: "vi", entries },
    { catalog, units: registry },
  );
}

describe("demo sample data", () => {
  it("fills every target that applies to the demo ward", () => {
    const targets = registry.targetsFor(catalog, "DEMO-01");
    const entries = generateDemoEntries(catalog, demoWard, period, targets);
    expect(entries.map((e) => e.targetId)).toEqual(targets.map((t) => t.id));
  });

  it("gives the training sheet errors, off-target warnings and an at-risk note to show", () => {
    const result = check(generateDemoEntries(catalog, demoWard, period, registry.targetsFor(catalog, "DEMO-01")));
    const codes = (targetId: string) => result.issues.filter((i) => i.targetId === targetId).map((i) => i.code);
    expect(codes(DEMO_RATIO_ERROR)).toContain("numerator_above_denominator");
    expect(codes(DEMO_TEXT_ERROR)).toContain("not_a_number");
    for (const id of DEMO_OFF_TRACK) expect(codes(id)).toContain("off_track");
    expect(codes(DEMO_AT_RISK)).toContain("at_risk");
    expect(result.ok).toBe(false);
    expect(result.counts.errors).toBeGreaterThanOrEqual(2);
    expect(result.counts.unjustifiedWarnings).toBeGreaterThanOrEqual(DEMO_OFF_TRACK.length);
  });

  it("gives a clean report that passes every rule, its off-target figures justified", () => {
    const result = check(
      generateDemoEntries(catalog, demoWard, period, registry.targetsFor(catalog, "DEMO-01"), { variant: "clean" }),
    );
    expect(result.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(result.counts.unjustifiedWarnings).toBe(0);
    expect(result.ok).toBe(true);
  });

  it("is the same for the same seed, so a reset restores exactly the starting sheet", () => {
    const targets = registry.targetsFor(catalog, "DEMO-01");
    expect(generateDemoEntries(catalog, demoWard, period, targets, { seed: 7 })).toEqual(
      generateDemoEntries(catalog, demoWard, period, targets, { seed: 7 }),
    );
  });

  it("refuses to generate sample data for a real unit", () => {
    const real = registry.byCode("00004")!;
    expect(() => generateDemoEntries(catalog, real, period, registry.targetsFor(catalog, "00004"))).toThrow(
      /real unit/,
    );
  });
});
