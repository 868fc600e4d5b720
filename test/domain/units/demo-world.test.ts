import {
  createUnitRegistry,
  defaultUnits,
  expectedIn,
  expectedUnits,
  parsePeriod,
  type Period,
} from "../../../src/domain";
import { catalog } from "../helpers";

const q1 = parsePeriod("2026-Q1") as Period;

describe("the classroom's selection: demo units alone, never summed with real units", () => {
  const registry = createUnitRegistry(defaultUnits());
  it("gives the demo units alone with onlyDemo, whatever includeDemo says", () => {
    for (const includeDemo of [false, true]) {
      const units = expectedUnits(catalog, registry, q1, { onlyDemo: true, includeDemo });
      expect(units.length).toBeGreaterThan(0);
      expect(units.every((u) => u.demo)).toBe(true);
    }
  });
  it("leaves demo units out by default, and mixes them only when includeDemo is asked", () => {
    const real = registry.all().filter(expectedIn(q1));
    expect(real.some((u) => u.demo)).toBe(false);
    expect(
      registry
        .all()
        .filter(expectedIn(q1, { includeDemo: true }))
        .some((u) => u.demo),
    ).toBe(true);
    expect(registry.all().filter(expectedIn(q1, { onlyDemo: true, group: "wards" }))).toEqual([]);
  });
});
