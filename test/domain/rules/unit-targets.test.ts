/** Targets assigned to a unit (Decision 5969/QĐ-UBND): the unit is judged against its own (issue #14). */
import { createUnitRegistry, defaultUnits, validate, type UnitTargetTable } from "../../../src/domain";
import { parseUnitTargetCsv, unitTargetTemplateRows } from "../../../src/domain/rules/unit-targets-file";
import { catalog, ctx, wardReport, withEntry } from "../helpers";

const assigned = (value: number, targetId = "S02"): UnitTargetTable => ({
  entries: [{ unitCode: "00004", targetId, year: 2026, value, direction: null, decision: "5969/QĐ-UBND" }],
});
const s02 = (r: ReturnType<typeof validate>) => r.assessments.find((a) => a.targetId === "S02");

describe("an assigned target changes a ward's status", () => {
  it("without one, a count is judged only at city level (no target for the ward)", () => {
    const r = validate(wardReport({}, withEntry("S02", { value: "5" })), ctx);
    expect(s02(r)?.progress).toBe("no_target");
  });

  it("with 30 dwellings assigned for 2026, 5 in Q1 is behind the pace of 7.5 and must be justified", () => {
    const r = validate(wardReport({}, withEntry("S02", { value: "5" })), { ...ctx, unitTargets: assigned(30) });
    expect(s02(r)).toMatchObject({ progress: "off_track", target: { kind: "value", value: 30 } });
    const warning = r.issues.find((i) => i.targetId === "S02" && i.code === "off_track");
    expect(warning?.message.vi).toContain("5969/QĐ-UBND");
    expect(warning?.message.en).toContain("the unit's own target under 5969/QĐ-UBND");
    expect(r.ok).toBe(false);
    const met = validate(wardReport({}, withEntry("S02", { value: "8" })), { ...ctx, unitTargets: assigned(30) });
    expect(s02(met)?.progress).toBe("on_track");
  });

  it("a rate without an assigned target is judged against the city's; with one, against the unit's", () => {
    const entry = { numerator: "90", denominator: "100" }; // S01: 90 %, the city wants 100 %
    expect(
      validate(wardReport({}, withEntry("S01", entry)), ctx).assessments.find((a) => a.targetId === "S01")?.progress,
    ).toBe("off_track");
    const own = validate(wardReport({}, withEntry("S01", entry)), { ...ctx, unitTargets: assigned(85, "S01") });
    expect(own.assessments.find((a) => a.targetId === "S01")?.progress).toBe("on_track");
  });
});

describe("the planners' sheet of assigned targets", () => {
  const units = createUnitRegistry(defaultUnits());

  it("lists every unit × target that applies in the year, with the city's target beside it", () => {
    const rows = unitTargetTemplateRows(catalog, units, 2026);
    expect(rows[0]).toEqual(
      expect.arrayContaining(["unit_code", "target_id", "year", "city_target", "target", "decision"]),
    );
    const s02 = rows.find((r) => r[0] === "00004" && r[2] === "S02") as string[];
    expect(s02[6]).toBe(">= 18000");
    expect(rows.some((r) => r[0] === "00004" && r[2] === "U07")).toBe(false); // communes only
  });

  it("reads back filled rows, skips the empty ones, and refuses a bad file whole with every bad row", () => {
    const head = "unit_code,unit_name,target_id,target_name,unit_of_measure,year,city_target,target,direction,decision";
    const ok = parseUnitTargetCsv(
      `${head}\n00004,,S02,,,2026,,"30",,5969/QĐ-UBND\n00008,,S02,,,2026,,,,\n`,
      catalog,
      units,
    );
    expect(ok).toEqual({
      ok: true,
      rows: [expect.objectContaining({ unitCode: "00004", targetId: "S02", value: 30 })],
    });
    const bad = parseUnitTargetCsv(
      `${head}\n00004,,S02,,,2031,,ba mươi,,\n00004,,S01,,,2026,,"12,5",=>,5969\n`,
      catalog,
      units,
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.issues.map((i) => `${i.row}:${i.column}`)).toEqual([
        "2:year",
        "2:target",
        "2:decision",
        "3:direction",
      ]);
  });
});
