import {
  classroomUnits,
  createUnitRegistry,
  currentQuarter,
  defaultCatalog,
  defaultUnits,
  parsePeriod,
  planClassroom,
  previousQuarter,
  type Period,
} from "../../../src/domain";

const catalog = defaultCatalog();
const registry = createUnitRegistry(defaultUnits());
const now = new Date("2026-08-01T03:00:00.000Z");

/** As the endpoint does: the classroom's units join the registry, then their reports are planned. */
function plan(seed: number, count = 12) {
  const units = classroomUnits(registry, count);
  const codes = new Set(units.map((u) => u.code));
  const withClass = createUnitRegistry([...defaultUnits().filter((u) => !codes.has(u.code)), ...units]);
  return planClassroom(catalog, units, (u) => withClass.targetsFor(catalog, u.code), { seed, now });
}

describe("the classroom's plan (pure)", () => {
  it("makes a dozen demo wards, communes and departments, every one demo, with fictional names", () => {
    const units = classroomUnits(registry, 12);
    expect(units.map((u) => u.code)).toEqual(
      Array.from({ length: 12 }, (_, i) => `DEMO-${String(i + 1).padStart(2, "0")}`),
    );
    expect(units.every((u) => u.demo && u.groups.includes("demo"))).toBe(true);
    expect(new Set(units.map((u) => u.kind))).toEqual(new Set(["ward", "commune", "department"]));
    const real = new Set(
      registry
        .all()
        .filter((u) => !u.demo)
        .map((u) => u.name.vi),
    );
    expect(units.some((u) => real.has(u.name.vi))).toBe(false);
    expect(classroomUnits(registry, 99)).toHaveLength(30);
  });

  it("reviews the latest ended quarter and the one before", () => {
    expect(currentQuarter(now).id).toBe("2026-Q2");
    expect(previousQuarter(parsePeriod("2026-Q1") as Period).id).toBe("2025-Q4");
    expect([...new Set(plan(7).map((r) => r.periodId))]).toEqual(["2026-Q1", "2026-Q2"]);
  });

  it("gives the same classroom for the same seed and another for another", () => {
    expect(plan(7)).toEqual(plan(7));
    expect(plan(8)).not.toEqual(plan(7));
  });

  it("spreads the quarter: on time before the deadline, late after it, missing with nothing sent", () => {
    const q2 = plan(7).filter((r) => r.periodId === "2026-Q2");
    const fates = new Set(q2.map((r) => r.fate));
    for (const f of ["on_time", "late", "missing", "returned", "accepted"]) expect(fates).toContain(f);
    for (const r of q2) {
      if (r.fate === "missing") expect([r.entries.length, r.receivedAt]).toEqual([0, null]);
      if (r.fate === "late") expect(r.receivedAt! > "2026-07-10T17:00:00.000Z").toBe(true);
      if (r.fate === "on_time") expect(r.receivedAt! < "2026-07-10T17:00:00.000Z").toBe(true);
    }
    const shows = q2.flatMap((r) => r.shows);
    for (const s of ["not_applicable", "off_target_justified", "outlier"]) expect(shows).toContain(s);
  });
});
