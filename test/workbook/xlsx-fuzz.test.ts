/**
 * Nothing crashes the reader: a filled template mutated at random — its XML parts edited (hostile character
 * references, escapes, cut tags, cell types and styles swapped, rows renumbered) or its bytes flipped and cut — is
 * either read or refused with an AppError; never another exception. Every problem it reports names a cell, and every
 * text it returns passes the one text rule (forbiddenCharacter).
 */
import fc from "fast-check";
import JSZip from "jszip";
import { forbiddenCharacter } from "../../src/domain";
import { isAppError } from "../../src/domain/errors";
import { readWorkbook } from "../../src/workbook/xlsx/node-inflate";
import { catalog, sheetPath, templateBytes, units } from "./xlsx-helpers";

jest.setTimeout(120_000);

const HOSTILE = [
  "&#x110000;",
  "&#0;",
  "&#xD800;",
  "&#xDFFF;",
  "&#x1F600;",
  "&#65535;",
  "_x0000_",
  "_xD800_",
  "&amp;",
  "&bogus;",
  "&#99999999999;",
  "<",
  ">",
  "</c>",
  "<v>",
  '"',
  "\u0000",
  "\uFFFD",
];

/** One edit of a part's text at a position chosen by `at` (0..1). */
const edit = fc.oneof(
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    text: fc.constantFrom(...HOSTILE),
  }),
  fc.record({
    kind: fc.constant("cut" as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.integer({ min: 1, max: 40 }),
  }),
  fc.record({
    kind: fc.constant("retype" as const),
    from: fc.constantFrom(' t="s"', ' t="n"', ' t="inlineStr"', ' s="1"', ""),
    to: fc.constantFrom(' t="b"', ' t="e"', ' t="d"', ' t="str"', ' s="99999"', ' t="s"'),
  }),
  fc.record({ kind: fc.constant("inText" as const), nth: fc.nat(), text: fc.constantFrom(...HOSTILE) }),
  fc.record({
    kind: fc.constant("renumber" as const),
    row: fc.integer({ min: 1, max: 40 }),
    to: fc.integer({ min: 0, max: 2_000_000 }),
  }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function apply(text: string, e: Edit): string {
  switch (e.kind) {
    case "insert": {
      const i = Math.floor(e.at * text.length);
      return text.slice(0, i) + e.text + text.slice(i);
    }
    case "cut": {
      const i = Math.floor(e.at * text.length);
      return text.slice(0, i) + text.slice(i + e.length);
    }
    case "retype":
      return text.replace(e.from, e.to);
    case "inText": {
      // inside the n-th text or value element, where the reader really looks
      const starts: number[] = [];
      for (const m of text.matchAll(/<(?:t|v)(?: [^>]*)?>/g)) starts.push((m.index as number) + m[0].length);
      if (starts.length === 0) return text;
      const i = starts[e.nth % starts.length];
      return text.slice(0, i) + e.text + text.slice(i);
    }
    case "renumber":
      return text.replace(`<row r="${e.row}"`, `<row r="${e.to}"`);
  }
}

function mustNotCrash(bytes: Uint8Array): void {
  let read;
  try {
    read = readWorkbook(bytes, { catalog, units });
  } catch (e) {
    if (isAppError(e)) {
      expect(e.messages.vi.length).toBeGreaterThan(0);
      expect(e.messages.en.length).toBeGreaterThan(0);
      return;
    }
    throw e;
  }
  for (const p of read.problems) expect(p.cell).toMatch(/^(Nhap|DonVi)![A-Z]+\d+$/);
  const problemCells = new Set(read.problems.map((p) => p.cell));
  for (const entry of read.entries) {
    for (const [field, v] of Object.entries(entry)) {
      if (typeof v !== "string" || field === "targetId") continue;
      if (forbiddenCharacter(v))
        expect(problemCells.has(read.cellOf(entry.targetId, field as never) as string)).toBe(true);
    }
  }
}

describe("the reader over mutated workbooks", () => {
  let base: Uint8Array;
  let parts: Record<string, string>;
  let names: string[];

  beforeAll(async () => {
    const { bytes } = await templateBytes({
      values: [
        { targetId: "S02", value: 12, justification: "Số liệu tạm tính", evidence: "Báo cáo phường" },
        { targetId: "S01", numerator: 90, denominator: 100 },
      ],
    });
    base = bytes;
    const zip = await JSZip.loadAsync(bytes);
    parts = {};
    for (const p of [
      await sheetPath(bytes, "Nhap"),
      await sheetPath(bytes, "DonVi"),
      "xl/workbook.xml",
      "xl/styles.xml",
      "customXml/item1.xml",
    ]) {
      const f = zip.file(p);
      if (f) parts[p] = await f.async("string");
    }
    const shared = zip.file("xl/sharedStrings.xml");
    if (shared) parts["xl/sharedStrings.xml"] = await shared.async("string");
    names = Object.keys(parts);
  });

  it("edits of the XML parts are read or refused with a message, never a crash", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), edit), { minLength: 1, maxLength: 6 }), async (edits) => {
        const zip = await JSZip.loadAsync(base);
        const changed: Record<string, string> = {};
        for (const [n, e] of edits) {
          const name = names[n % names.length];
          changed[name] = apply(changed[name] ?? parts[name], e);
        }
        for (const [name, text] of Object.entries(changed)) zip.file(name, text);
        mustNotCrash(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
      }),
      { numRuns: 300, seed: 15 },
    );
  });

  it("flipped and cut bytes are read or refused with a message, never a crash", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), {
          maxLength: 8,
        }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (flips, keep) => {
          const bytes = base.slice(0, Math.max(0, Math.floor(base.length * (keep < 0.2 ? keep * 5 : 1))));
          for (const [at, b] of flips) if (bytes.length > 0) bytes[Math.floor(at * (bytes.length - 1))] = b;
          mustNotCrash(bytes);
        },
      ),
      { numRuns: 500, seed: 15 },
    );
  });
});
