import { createUnitRegistry, defaultUnits } from "../../src/domain";
import {
  consolidate,
  createConsolidator,
  createPreparer,
  viewFromFiles,
  type FileRead,
} from "../../src/domain/scorecard";
import { catalog, file, fullEntries, units } from "./helpers";

const A = "00004";
const B = "00008";
const C = "00025";
const D = "00070"; // expected, never reports
const GROUP = [A, B, C, D, "S-TC", "S-XD", "HN"];
const P = "2026-Q1";

function cityFiles(): FileRead[] {
  return [
    // S01 (percent, ratio of sums): 50/100 = 50 %, 900/1000 = 90 %, 1/10 = 10 %
    file("a.xlsx", A, P, fullEntries(A, 100, { S01: { numerator: 50, denominator: 100 }, S02: { value: 3 } })),
    file("b.xlsx", B, P, fullEntries(B, 1000, { S01: { numerator: "900", denominator: "1.000" }, S02: { value: 4 } })),
    file("c.xlsx", C, P, fullEntries(C, 10, { S01: { numerator: 1, denominator: 10 }, S02: { value: "5" } })),
    file("tc.xlsx", "S-TC", P, fullEntries("S-TC", 0, { E03: { value: "400,5" } })),
    file("xd.xlsx", "S-XD", P, fullEntries("S-XD", 0, { U03: { value: 20 }, U11: { milestone: "in_progress" } })),
    file("hn.xlsx", "HN", P, fullEntries("HN", 0, { E01: { value: "11,5" } })),
  ];
}

describe("consolidate (from read workbooks)", () => {
  const opts = { catalog, units, period: P, unitCodes: GROUP };

  it("keeps one report per unit and names the expected unit that sent nothing", () => {
    const result = consolidate(cityFiles(), opts);
    expect(result.counts).toMatchObject({ read: 6, accepted: 6, rejected: 0 });
    expect(result.periods).toHaveLength(1);
    const pc = result.periods[0];
    expect(pc.reports.map((r) => r.unitCode).sort()).toEqual([A, B, C, "HN", "S-TC", "S-XD"].sort());
    const view = viewFromFiles(pc, { catalog, units, unitCodes: GROUP, generatedAt: "2026-04-20T00:00:00Z" });
    expect(view.completeness.totals).toMatchObject({ expected: 7, submitted: 6, missing: 1 });
    expect(view.completeness.rows.find((r) => r.unitCode === D)?.state).toBe("missing");
  });

  it("aggregates every kind by hand-computed values: ratio of sums, sum, city only, milestone", () => {
    const pc = consolidate(cityFiles(), opts).periods[0];
    const view = viewFromFiles(pc, { catalog, units, unitCodes: GROUP, generatedAt: "2026-04-20T00:00:00Z" });
    const fig = (id: string) => view.figures.find((f) => f.targetId === id);
    // ratio of sums: (50 + 900 + 1) / (100 + 1000 + 10) = 951 / 1110 = 85.675…%; the average of rates would be 50 %
    const s01 = fig("S01");
    expect(s01?.numeratorSum).toBe(951);
    expect(s01?.denominatorSum).toBe(1110);
    expect(s01?.value).toBeCloseTo(85.67567567567568, 12);
    expect(s01?.value).not.toBeCloseTo((50 + 90 + 10) / 3, 1);
    expect(s01?.unitsIncluded).toEqual([A, B, C]);
    expect(s01?.unitsMissing).toEqual([D]);
    // sum: 3 + 4 + 5; the ward that sent nothing is missing, not a zero
    expect(fig("S02")).toMatchObject({ value: 12, unitsIncluded: [A, B, C], unitsMissing: [D] });
    // city only: the statistics unit's figure, "11,5" read as 11.5
    expect(fig("E01")).toMatchObject({ value: 11.5, unitsIncluded: ["HN"], unitsMissing: [] });
    // a department's sum
    expect(fig("E03")).toMatchObject({ value: 400.5, unitsIncluded: ["S-TC"] });
    // milestone: the least advanced state
    expect(fig("U11")).toMatchObject({ value: null, milestone: "in_progress", unitsIncluded: ["S-XD"] });
  });

  it("gives the matrix each unit's own rate and status", () => {
    const pc = consolidate(cityFiles(), opts).periods[0];
    const cell = (u: string, t: string) => pc.matrix.find((m) => m.unitCode === u && m.targetId === t);
    expect(cell(A, "S01")).toMatchObject({ figure: 50, numerator: 50, denominator: 100 });
    expect(cell(B, "S01")).toMatchObject({ figure: 90, numerator: 900, denominator: 1000 });
    expect(cell(C, "S01")?.figure).toBe(10);
    expect(cell(A, "S02")?.figure).toBe(3);
    expect(cell(A, "E01")).toBeUndefined(); // a ward does not report E01
    expect(cell(D, "S01")).toBeUndefined();
  });

  it("uses a file figure by figure: its other figures count, the bad one is listed with its cell and is missing", () => {
    const bad = file("bad.xlsx", D, P, fullEntries(D, 100, { S01: { numerator: 120, denominator: 100 } }));
    const result = consolidate([...cityFiles(), bad], opts);
    const v = result.files.find((f) => f.source === "bad.xlsx");
    expect(v).toMatchObject({ status: "accepted", unitCode: D });
    expect(v?.reasons).toEqual([
      expect.objectContaining({
        code: "numerator_above_denominator",
        targetId: "S01",
        cell: expect.stringMatching(/^Nhap!H\d+$/),
      }),
    ]);
    expect(result.counts).toMatchObject({ rejected: 0, accepted: result.counts.read });
    const view = viewFromFiles(result.periods[0], { catalog, units, unitCodes: GROUP, generatedAt: "x" });
    expect(view.completeness.rows.find((r) => r.unitCode === D)?.state).not.toBe("rejected");
    // missing for S01 only: the unit's other figures are in the city figures
    expect(view.figures.find((f) => f.targetId === "S01")?.unitsMissing).toEqual([D]);
    expect(view.figures.find((f) => f.targetId === "S02")?.unitsIncluded).toContain(D);
    expect(view.figures.find((f) => f.targetId === "S02")?.unitsMissing).not.toContain(D);
  });

  it("rejects a file with a blocking error with wholeFile (the strict rule), naming the rule, the target and the cell", () => {
    const bad = file("bad.xlsx", D, P, fullEntries(D, 100, { S01: { numerator: 120, denominator: 100 } }));
    const result = consolidate([...cityFiles(), bad], { ...opts, wholeFile: true });
    const v = result.files.find((f) => f.source === "bad.xlsx");
    expect(v?.status).toBe("rejected");
    expect(v?.reasons).toContainEqual(
      expect.objectContaining({
        code: "numerator_above_denominator",
        targetId: "S01",
        cell: expect.stringMatching(/^Nhap!H\d+$/),
      }),
    );
    expect(v?.reasons[0].message.vi.length).toBeGreaterThan(10);
    expect(v?.reasons[0].message.en.length).toBeGreaterThan(10);
    const view = viewFromFiles(result.periods[0], { catalog, units, unitCodes: GROUP, generatedAt: "x" });
    const row = view.completeness.rows.find((r) => r.unitCode === D);
    expect(row?.state).toBe("rejected");
    expect(row?.note?.vi).toMatch(/Nhap!H\d+/);
    // the rejected unit stays out of the figures: still missing, never zero
    expect(view.figures.find((f) => f.targetId === "S01")?.unitsMissing).toEqual([D]);
  });

  it("lists a file the reader refused with its own reason and cell", () => {
    const refused: FileRead = {
      ok: false,
      source: "old.xls",
      code: "CT_XLSX_OLD_FORMAT",
      message: { vi: "Tệp là sổ Excel cũ", en: "The file is an old Excel workbook" },
      cell: "DonVi",
    };
    const result = consolidate([refused], opts);
    expect(result.files).toEqual([
      expect.objectContaining({
        source: "old.xls",
        status: "rejected",
        reasons: [expect.objectContaining({ code: "CT_XLSX_OLD_FORMAT", cell: "DonVi" })],
      }),
    ]);
    expect(result.periods).toEqual([]);
  });

  it.each([
    ["another period", file("q2.xlsx", A, "2026-Q2", fullEntries(A, 100)), "other_period"],
    ["a unit outside the group", file("w.xlsx", "00082", P, fullEntries("00082", 100)), "outside_group"],
    ["a demo unit", file("demo.xlsx", "DEMO-01", P, fullEntries("DEMO-01", 100)), "demo_workbook"],
  ])("skips, and lists, a workbook of %s", (_label, f, code) => {
    const result = consolidate([f], opts);
    expect(result.files[0]).toMatchObject({ status: "skipped", reasons: [expect.objectContaining({ code })] });
    expect(result.counts.skipped).toBe(1);
  });

  it("rejects a workbook of an unknown unit", () => {
    const result = consolidate([file("x.xlsx", "99999", P, fullEntries(A, 100))], { catalog, units, period: P });
    expect(result.files[0].status).toBe("rejected");
    expect(result.files[0].reasons.map((r) => r.code)).toContain("unknown_unit");
  });
});

describe("consolidate: a retired unit (retiredFrom)", () => {
  // ward A merged into another from 2026-Q2 on
  const retiredUnits = createUnitRegistry(
    defaultUnits().map((u) => (u.code === A ? { ...u, retiredFrom: "2026-Q2" } : u)),
  );
  const group = [A, B];

  it("skips, and lists, its workbook for a period from its retirement on; it is neither expected nor missing", () => {
    const q2 = "2026-Q2";
    const files = [file("a.xlsx", A, q2, fullEntries(A, 100)), file("b.xlsx", B, q2, fullEntries(B, 100))];
    const result = consolidate(files, { catalog, units: retiredUnits, period: q2, unitCodes: group });
    expect(result.files.find((f) => f.source === "a.xlsx")).toMatchObject({
      status: "skipped",
      reasons: [expect.objectContaining({ code: "unit_retired" })],
    });
    expect(result.files.find((f) => f.source === "a.xlsx")?.reasons[0]?.message.vi).toContain("2026-Q2");
    const view = viewFromFiles(result.periods[0], { catalog, units: retiredUnits, unitCodes: group, generatedAt: "x" });
    expect(view.completeness.totals).toMatchObject({ expected: 1, submitted: 1, missing: 0 });
    expect(view.completeness.rows.map((r) => r.unitCode)).toEqual([B]);
    expect(view.units.map((u) => u.code)).toEqual([B]);
    expect(view.figures.find((f) => f.targetId === "S02")?.unitsExpected).toEqual([B]);
  });

  it("still consolidates its workbook for a period before its retirement", () => {
    const result = consolidate([file("a.xlsx", A, P, fullEntries(A, 100))], {
      catalog,
      units: retiredUnits,
      period: P,
      unitCodes: group,
    });
    expect(result.counts).toMatchObject({ read: 1, accepted: 1, skipped: 0 });
    expect(result.files).toEqual([]); // a file whose figures are used is counted, not listed
    expect(result.periods[0].submissions.get(A)?.source).toBe("a.xlsx");
    const view = viewFromFiles(result.periods[0], { catalog, units: retiredUnits, unitCodes: group, generatedAt: "x" });
    expect(view.completeness.totals).toMatchObject({ expected: 2, submitted: 1, missing: 1 });
    expect(view.figures.find((f) => f.targetId === "S02")).toMatchObject({ unitsIncluded: [A], unitsMissing: [B] });
  });
});

describe("consolidate: two files for one unit × period", () => {
  const older = (s01: number) =>
    file("a-old.xlsx", A, P, fullEntries(A, 100, { S01: { numerator: s01, denominator: 100 } }), {
      savedAt: "2026-04-01T08:00:00Z",
    });
  const newer = (s01: number) =>
    file("a-new.xlsx", A, P, fullEntries(A, 100, { S01: { numerator: s01, denominator: 100 } }), {
      savedAt: "2026-04-02T08:00:00Z",
    });

  it("counts an identical copy once", () => {
    const result = consolidate([older(40), newer(40)], { catalog, units, period: P });
    expect(result.files.map((f) => [f.index, f.source, f.status])).toEqual([[1, "a-new.xlsx", "identical"]]);
    expect(result.counts).toMatchObject({ read: 2, accepted: 1, identical: 1 });
    expect(result.duplicates).toEqual([
      expect.objectContaining({ unitCode: A, resolution: "identical", kept: "a-old.xlsx" }),
    ]);
    expect(result.periods[0].reports).toHaveLength(1);
  });

  it("uses neither of two different files until the planner confirms", () => {
    const result = consolidate([newer(60), older(40)], { catalog, units, period: P });
    expect(result.files.map((f) => f.status)).toEqual(["conflict", "conflict"]);
    expect(result.files[0].reasons[0].message.en).toMatch(/prefer-newer/);
    expect(result.duplicates[0]).toMatchObject({ resolution: "unresolved", kept: null });
    expect(result.duplicates[0].files.map((f) => f.source)).toEqual(["a-old.xlsx", "a-new.xlsx"]);
    expect(result.periods[0].reports).toHaveLength(0);
    expect(result.periods[0].conflicted.has(A)).toBe(true);
    const view = viewFromFiles(result.periods[0], { catalog, units, unitCodes: [A], generatedAt: "x" });
    expect(view.completeness.rows[0].state).toBe("rejected");
    expect(view.figures.find((f) => f.targetId === "S01")?.unitsMissing).toEqual([A]);
  });

  it("lets the newer file win when the planner confirms, in whatever order the files come", () => {
    for (const files of [
      [older(40), newer(60)],
      [newer(60), older(40)],
    ]) {
      const result = consolidate(files, { catalog, units, period: P, preferNewer: true });
      expect(result.duplicates[0]).toMatchObject({ resolution: "newer_wins", kept: "a-new.xlsx" });
      expect(result.files.map((f) => [f.source, f.status, f.unitCode, f.period])).toEqual([
        ["a-old.xlsx", "superseded", A, P],
      ]);
      expect(result.counts).toMatchObject({ read: 2, accepted: 1, superseded: 1 });
      expect(result.periods[0].submissions.get(A)?.source).toBe("a-new.xlsx");
      expect(result.periods[0].reports[0].entries.find((e) => e.targetId === "S01")?.numerator).toBe(60);
    }
  });

  it("cannot pick the newer file when the save times are equal or unknown", () => {
    const a = file("a1.xlsx", A, P, fullEntries(A, 100, { S01: { numerator: 40 } }), { savedAt: null });
    const b = file("a2.xlsx", A, P, fullEntries(A, 100, { S01: { numerator: 60 } }), { savedAt: null });
    const result = consolidate([a, b], { catalog, units, period: P, preferNewer: true });
    expect(result.duplicates[0].resolution).toBe("unresolved");
    expect(result.files[0].reasons[0].code).toBe("duplicate_unresolvable");
    expect(result.periods[0].reports).toHaveLength(0);
  });
});

describe("consolidate: what is kept per file", () => {
  it("keeps no verdict for a file whose figures are used, and one shared reason for every file skipped alike", () => {
    const reads: FileRead[] = [];
    for (let i = 0; i < 50; i++) reads.push(file(`q2-${i}.xlsx`, A, "2026-Q2", fullEntries(A, 100)));
    reads.push(file("a.xlsx", A, P, fullEntries(A, 100)), file("b.xlsx", B, P, fullEntries(B, 100)));
    const result = consolidate(reads, { catalog, units, period: P });
    expect(result.counts).toMatchObject({ read: 52, accepted: 2, skipped: 50 });
    expect(result.files).toHaveLength(50);
    expect(result.files.map((f) => f.index)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(new Set(result.files.map((f) => f.reasons)).size).toBe(1); // one list, one reason object, for all 50
    expect(result.files[49]).toMatchObject({ source: "q2-49.xlsx", status: "skipped", unitCode: A, period: "2026-Q2" });
    expect(result.files[49].reasons[0].message.vi).toContain("2026-Q2");
    expect([...result.periods[0].submissions.keys()]).toEqual([A, B]);
  });

  it("keeps a verdict that came from a reading thread (structured clone) as its own fixed-shape copy, texts shared", () => {
    const opts = { catalog, units, period: P };
    const prepare = createPreparer(opts);
    const c = createConsolidator(opts);
    const given: ReturnType<typeof prepare>[] = [];
    for (let i = 0; i < 3; i++) {
      const cloned = structuredClone(prepare(file(`q2-${i}.xlsx`, A, "2026-Q2", fullEntries(A, 100))));
      given.push(cloned);
      c.addPrepared(cloned);
    }
    c.addPrepared(structuredClone(prepare(file("a.xlsx", A, P, fullEntries(A, 100)))));
    const result = c.finish();
    expect(result.counts).toMatchObject({ read: 4, accepted: 1, skipped: 3 });
    expect(result.files).toEqual(
      [0, 1, 2].map((i) => ({
        index: i,
        source: `q2-${i}.xlsx`,
        status: "skipped",
        unitCode: A,
        period: "2026-Q2",
        savedAt: "2026-04-03T02:00:00.000Z",
        reasons: [expect.objectContaining({ code: "other_period" })],
        warnings: 0,
      })),
    );
    // not the deserialized objects themselves, and one reason list for the three (each clone brought its own)
    expect(result.files[0]).not.toBe(given[0].verdict);
    expect(new Set(result.files.map((f) => f.reasons)).size).toBe(1);
    expect(Object.keys(result.files[0])).toEqual([
      "index",
      "source",
      "status",
      "unitCode",
      "period",
      "savedAt",
      "reasons",
      "warnings",
    ]);
    // finishing again gives the same verdicts
    expect(c.finish().files).toEqual(result.files);
  });

  it("lists the files of a conflict in the order they were given, between the others", () => {
    const a1 = file("a1.xlsx", A, P, fullEntries(A, 100, { S01: { numerator: 40 } }), { savedAt: null });
    const skip = file("q2.xlsx", A, "2026-Q2", fullEntries(A, 100));
    const a2 = file("a2.xlsx", A, P, fullEntries(A, 100, { S01: { numerator: 60 } }), { savedAt: null });
    const result = consolidate([a1, skip, a2], { catalog, units, period: P });
    expect(result.files.map((f) => [f.index, f.source, f.status])).toEqual([
      [0, "a1.xlsx", "conflict"],
      [1, "q2.xlsx", "skipped"],
      [2, "a2.xlsx", "conflict"],
    ]);
    expect(result.counts).toMatchObject({ read: 3, accepted: 0, skipped: 1, conflict: 2 });
  });
});

describe("createConsolidator", () => {
  it("groups files of several periods when no period is asked", () => {
    const c = createConsolidator({ catalog, units });
    c.add(file("a1.xlsx", A, "2026-01", fullEntries(A, 100)));
    c.add(file("a2.xlsx", A, "2026-02", fullEntries(A, 100)));
    c.add(file("b1.xlsx", B, "2026-01", fullEntries(B, 100)));
    const r = c.finish();
    expect(r.periods.map((p) => [p.period.id, p.reports.length])).toEqual([
      ["2026-01", 2],
      ["2026-02", 1],
    ]);
  });

  it("keeps a compact record whose figures equal the parsed report", () => {
    const c = createConsolidator({ catalog, units, period: P });
    c.add(file("a.xlsx", A, P, fullEntries(A, 100, { S01: { numerator: "12,5", denominator: 100 } })));
    const entry = c.finish().periods[0].reports[0].entries.find((e) => e.targetId === "S01");
    expect(entry).toMatchObject({ numerator: 12.5, denominator: 100, value: null, milestone: null });
  });

  it("judges timeliness on the saved time against the deadline", () => {
    const c = createConsolidator({ catalog, units, period: P });
    c.add(file("a.xlsx", A, P, fullEntries(A, 100), { savedAt: "2026-04-05T03:00:00Z" })); // deadline 10 April
    c.add(file("b.xlsx", B, P, fullEntries(B, 100), { savedAt: "2026-04-20T03:00:00Z" }));
    c.add(file("c.xlsx", C, P, fullEntries(C, 100), { savedAt: null }));
    const view = viewFromFiles(c.finish().periods[0], { catalog, units, unitCodes: [A, B, C], generatedAt: "x" });
    expect(view.completeness.rows.map((r) => r.state)).toEqual(["on_time", "late", "submitted"]);
    expect(view.completeness.totals).toMatchObject({ submitted: 3, onTime: 1, late: 1 });
    expect(view.completeness.rows[0].contact).toEqual({
      preparer: `Người lập ${A}`,
      approver: null,
      phone: "0912 000 000",
    });
  });
});
