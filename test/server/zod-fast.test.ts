/**
 * The request schemas' fast path (src/server/plugins/zod-fast.ts) must be zod, only quicker: for every input, it
 * either gives exactly zod's output or hands over to zod (FAIL). Above all it never accepts what zod refuses.
 * Checked over every schema of the API with simple values, and over thousands of mutated reports.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { createUnitRegistry, defaultCatalog, defaultUnits } from "../../src/domain";
import * as schemas from "../../src/api";
import { FAIL, fastPath } from "../../src/server/plugins/zod-fast";
import { validEntriesFor } from "./report-fixture";
import { seededRandom } from "../../src/domain/random";

/** Same values, same keys in the same order, all the way down (undefined-valued keys included). */
function sameOutput(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
  return ka.every((k) => sameOutput((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

interface Tally {
  accepted: number;
  refused: number;
  handedOver: number;
}

/** The property itself; returns what happened so a test can show it exercised both sides. */
function agree(schema: z.ZodType, input: unknown, tally: Tally): void {
  const fast = fastPath(schema)(input);
  const zod = schema.safeParse(input);
  if (!zod.success) {
    if (fast !== FAIL) throw new Error(`fast path accepted what zod refuses: ${JSON.stringify(input)?.slice(0, 300)}`);
    tally.refused++;
    return;
  }
  if (fast === FAIL) {
    tally.handedOver++;
    return;
  }
  if (!sameOutput(fast, zod.data)) {
    throw new Error(
      `fast path output differs: ${JSON.stringify(fast)?.slice(0, 300)} vs ${JSON.stringify(zod.data)?.slice(0, 300)}`,
    );
  }
  tally.accepted++;
}

const catalog = defaultCatalog();
const allTargets = catalog.targets.map((t) => t.id);
const units = defaultUnits().map((u) => (u.kind === "ward" ? { ...u, targetIds: allTargets } : u));
const registry = createUnitRegistry(units);
const ward = units.find((u) => u.kind === "ward")!.code;

function validReport(): Record<string, unknown> {
  return {
    submissionId: randomUUID(),
    supersedes: null,
    unitCode: ward,
    period: "2026-03",
    catalogVersion: catalog.version,
    locale: "vi",
    entries: validEntriesFor(catalog, registry, ward),
    contact: { preparer: "  Nguyễn Thị B ", approver: null, phone: "0243 825 3536" },
  };
}

const POOL: unknown[] = [
  undefined,
  null,
  true,
  false,
  0,
  -0,
  12.5,
  -3,
  2 ** 53,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  "",
  " ",
  "12,5",
  "=SUM(A1:A9)",
  "x".repeat(16),
  "x".repeat(17),
  "x".repeat(32),
  "x".repeat(33),
  "x".repeat(200),
  "x".repeat(201),
  "x".repeat(4001),
  "a\u0000b",
  "\uD800",
  "a\uDC00b",
  "\uD83D\uDE00",
  "Hoa\u0300n Kie\u0301m",
  "vi",
  "en",
  "fr",
  "done",
  "2026-Q1",
  "00000000-0000-0000-0000-000000000000",
  "6f1c1d9e-0000-4000-8000-00000000000z",
  randomUUID(),
  randomUUID().toUpperCase(),
  {},
  [],
  [1, 2],
  { targetId: "E01" },
  { targetId: "E01", value: 1, extra: 1 },
];

const ENTRY_FIELDS = [...Object.keys(schemas.EntryInput.shape), "extra"];
const TOP_FIELDS = [...Object.keys(validReport()), "dryRun", "extra"];
const CONTACT_FIELDS = [...Object.keys(schemas.ContactInput.shape), "extra"];

function mutate(report: Record<string, unknown>, random: () => number): Record<string, unknown> {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const set = (o: Record<string, unknown>, k: string, v: unknown) => {
    if (v === undefined && random() < 0.7) delete o[k];
    else o[k] = v;
  };
  const times = 1 + Math.floor(random() * 3);
  for (let i = 0; i < times; i++) {
    const where = random();
    const entries = report.entries as Record<string, unknown>[];
    if (where < 0.55 && Array.isArray(entries) && entries.length > 0) {
      const e = pick(entries);
      if (typeof e === "object" && e !== null) set(e, pick(ENTRY_FIELDS), pick(POOL));
    } else if (where < 0.7 && typeof report.contact === "object" && report.contact !== null) {
      set(report.contact as Record<string, unknown>, pick(CONTACT_FIELDS), pick(POOL));
    } else if (where < 0.75 && Array.isArray(entries)) {
      entries.splice(Math.floor(random() * entries.length), 0, pick(POOL) as Record<string, unknown>);
    } else {
      set(report, pick(TOP_FIELDS), pick(POOL));
    }
  }
  return report;
}

describe("the request schemas' fast path", () => {
  const all = Object.entries(schemas).filter(([, v]) => v instanceof z.ZodType) as [string, z.ZodType][];

  test("a valid report takes the fast path and gives zod's output, key order included", () => {
    const tally: Tally = { accepted: 0, refused: 0, handedOver: 0 };
    const report = validReport();
    agree(schemas.SubmissionRequest, report, tally);
    expect(tally).toEqual({ accepted: 1, refused: 0, handedOver: 0 });
    // the contact's trim and the blank-to-null transform are zod's own (handed over for that value only)
    const out = fastPath(schemas.SubmissionRequest)(report) as { contact: unknown };
    expect(out.contact).toEqual({ preparer: "Nguyễn Thị B", approver: null, phone: "0243 825 3536" });
  });

  test("over 6,000 mutated reports it never accepts what zod refuses, and otherwise gives zod's output", () => {
    const random = seededRandom(20261202);
    const tally: Tally = { accepted: 0, refused: 0, handedOver: 0 };
    for (let i = 0; i < 6000; i++) agree(schemas.SubmissionRequest, mutate(validReport(), random), tally);
    // both sides were exercised, and the fast path did the accepting: it is not zod under another name
    expect(tally.refused).toBeGreaterThan(1000);
    expect(tally.accepted).toBeGreaterThan(500);
    expect(tally.handedOver).toBe(0);
  });

  test.each(all)("%s: simple values get zod's verdict", (_name, schema) => {
    const tally: Tally = { accepted: 0, refused: 0, handedOver: 0 };
    for (const v of POOL) agree(schema, v, tally);
    expect(tally.accepted + tally.refused + tally.handedOver).toBe(POOL.length);
  });

  test("what it does not compile (defaults, transforms, coercion, passthrough) is zod's own output", () => {
    const schema = z.object({
      n: z.coerce.number(),
      d: z.string().default("x"),
      t: z.string().transform((s) => s.length),
      p: z.object({ a: z.number() }).passthrough(),
      e: z.enum(["a", "b"]).optional(),
    });
    const input = { n: "12", t: "abc", p: { a: 1, b: 2 }, e: "b" };
    const out = fastPath(schema)(input);
    expect(out).toEqual({ n: 12, d: "x", t: 3, p: { a: 1, b: 2 }, e: "b" });
    expect(sameOutput(out, schema.parse(input))).toBe(true);
    expect(fastPath(schema)({ ...input, n: "twelve" })).toBe(FAIL);
  });

  test("integer and bound checks, unknown keys and arrays' lengths are enforced", () => {
    const schema = z
      .object({ i: z.number().int().min(1).max(10), xs: z.array(z.boolean()).min(1).max(2), s: z.string().length(2) })
      .strict();
    const f = fastPath(schema);
    expect(f({ i: 3, xs: [true], s: "ab" })).toEqual({ i: 3, xs: [true], s: "ab" });
    for (const bad of [
      { i: 3.5, xs: [true], s: "ab" },
      { i: 0, xs: [true], s: "ab" },
      { i: 11, xs: [true], s: "ab" },
      { i: 3, xs: [], s: "ab" },
      { i: 3, xs: [true, false, true], s: "ab" },
      { i: 3, xs: ["true"], s: "ab" },
      { i: 3, xs: [true], s: "abc" },
      { i: 3, xs: [true], s: "ab", more: 1 },
    ]) {
      expect(schema.safeParse(bad).success).toBe(false);
      expect(f(bad)).toBe(FAIL);
    }
  });
});
