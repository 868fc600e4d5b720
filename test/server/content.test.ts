import { defaultCatalog } from "../../src/domain";
import type { EntryInput, ParsedEntry } from "../../src/domain/types";
import {
  addFlows,
  canonicalContent,
  diffEntries,
  flowsOf,
  packContent,
  unpackContent,
  type ReportContent,
} from "../../src/server/services/content";
import { neutraliseCell } from "../../src/server/services/consolidation";

const base: ReportContent = {
  unitCode: "00004",
  period: "2026-Q1",
  catalogVersion: "v1",
  locale: "vi",
  supersedes: null,
  entries: [
    { targetId: "S02", value: 5, justification: "Hòa Bình", evidence: "Sổ" },
    { targetId: "S01", numerator: 90, denominator: 100 },
  ],
};

function parsed(targetId: string, e: Partial<ParsedEntry>): ParsedEntry {
  return {
    targetId,
    value: null,
    numerator: null,
    denominator: null,
    milestone: null,
    justification: null,
    evidence: null,
    responsible: null,
    ...e,
  };
}

describe("canonical content", () => {
  it("gives the same text and hash whatever the key order and Unicode normal form of the request", () => {
    const a = canonicalContent(base);
    const reordered: EntryInput[] = [
      { evidence: "Sổ", justification: "Ho\u0300a Bi\u0300nh".normalize("NFD"), value: 5, targetId: "S02" },
      { denominator: 100, targetId: "S01", numerator: 90 },
    ];
    const b = canonicalContent({ ...base, entries: reordered });
    expect(b.text).toBe(a.text);
    expect(b.hash).toBe(a.hash);
    expect(b.entries[0]!.justification).toBe("Hòa Bình".normalize("NFC"));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ["a figure", { entries: [{ targetId: "S02", value: 6 }, base.entries[1]!] }],
    ["the entry order", { entries: [base.entries[1]!, base.entries[0]!] }],
    ["supersedes", { supersedes: "2c7b2f36-0b52-4a8d-9d3b-0d5b7b3b1f10" }],
    ["the locale", { locale: "en" as const }],
    ["the contact", { contact: { preparer: "Nguyễn Văn An", approver: null, phone: null } }],
  ])("changes the hash when %s changes", (_name, change) => {
    expect(canonicalContent({ ...base, ...change }).hash).not.toBe(canonicalContent(base).hash);
  });

  it("hashes a report without a contact, or with a blank one, exactly as before contacts were sent", () => {
    const before =
      '{"catalogVersion":"v1","entries":[{"targetId":"S02","value":5,"justification":"Hòa Bình","evidence":"Sổ"},' +
      '{"targetId":"S01","numerator":90,"denominator":100}],"locale":"vi","period":"2026-Q1","supersedes":null,' +
      '"unitCode":"00004"}';
    expect(canonicalContent(base).text).toBe(before);
    const blank = canonicalContent({ ...base, contact: { preparer: "  ", approver: null } });
    expect([blank.text, blank.contact]).toEqual([before, null]);
  });

  it("hashes the contact in one key order, trimmed and NFC, with a blank field as null", () => {
    const a = canonicalContent({
      ...base,
      contact: { preparer: "Nguyễn Văn An", approver: "Trần Thị Bình", phone: "0912 345 678" },
    });
    const b = canonicalContent({
      ...base,
      contact: { phone: " 0912 345 678 ", approver: "Trần Thị Bình".normalize("NFD"), preparer: "Nguyễn Văn An" },
    });
    expect(b.hash).toBe(a.hash);
    expect(a.text).toContain(
      '"contact":{"preparer":"Nguyễn Văn An","approver":"Trần Thị Bình","phone":"0912 345 678"},"entries"',
    );
    expect(canonicalContent({ ...base, contact: { preparer: "An", phone: "" } }).contact).toEqual({
      preparer: "An",
      approver: null,
      phone: null,
    });
  });

  it("packs the content and the parsed entries small, and unpacks them unchanged", async () => {
    const c = canonicalContent(base);
    const p = [
      parsed("S02", { value: 5, justification: "Hòa Bình" }),
      parsed("S01", { numerator: 90, denominator: 100 }),
    ];
    const packed = packContent(c.text, p);
    expect(unpackContent(packed)).toEqual({ report: JSON.parse(c.text), parsed: p });
  });
});

describe("flows and diffs", () => {
  it("keeps only the figures of targets aggregated by sum, and adds them up year to date", () => {
    const catalog = defaultCatalog();
    const sum = catalog.targets.find((t) => t.aggregation === "sum")!;
    const ratio = catalog.targets.find((t) => t.aggregation === "ratio_of_sums")!;
    const flows = flowsOf(catalog, [
      parsed(sum.id, { value: 4 }),
      parsed(ratio.id, { numerator: 1, denominator: 2 }),
      parsed("X", { value: 9 }),
    ]);
    expect(JSON.parse(flows)).toEqual({ [sum.id]: 4 });
    const ytd: Record<string, number> = {};
    addFlows(ytd, flows);
    addFlows(ytd, flows);
    expect(ytd).toEqual({ [sum.id]: 8 });
  });

  it("lists changed fields target by target, with removed targets last", () => {
    const from = [parsed("A", { value: 1, justification: "x" }), parsed("B", { value: 2 })];
    const to = [parsed("A", { value: 1.5, justification: "x" }), parsed("C", { milestone: "done" })];
    expect(diffEntries(from, to)).toEqual([
      { targetId: "A", field: "value", from: 1, to: 1.5 },
      { targetId: "C", field: "milestone", from: null, to: "done" },
      { targetId: "B", field: "value", from: 2, to: null },
    ]);
    expect(diffEntries(to, to)).toEqual([]);
  });
});

describe("CSV cells", () => {
  it.each([
    ['=HYPERLINK("x")', `'=HYPERLINK("x")`],
    ["+84 912", "'+84 912"],
    ["-1", "'-1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["Hoà Bình = 1", "Hoà Bình = 1"],
  ])("neutralises %j as %j", (text, expected) => {
    expect(neutraliseCell(text)).toBe(expected);
  });
});
