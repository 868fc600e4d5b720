/**
 * The foreign-writer corpus: one filled template changed the ways clerks' tools change it — sorted, rows and columns
 * inserted, dates, times, booleans and error values typed in figure cells, formulas with and without a cached value
 * (openpyxl and LibreOffice headless, by foreign-corpus.py), unit code and period retyped, truncated, empty, renamed,
 * password-protected, hostile character references — each with its expected verdict: read exactly as the base, or
 * refused with its own code naming the cell. Needs /usr/bin/python3 with openpyxl and soffice: fails without them.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { EntryInput } from "../../src/domain";
import { isAppError } from "../../src/domain/errors";
import { main } from "../../src/cli/main";
import { unitCellAddress } from "../../src/workbook/template";
import { readWorkbook } from "../../src/workbook/xlsx/node-inflate";
import type { CellKind } from "../../src/workbook/locate";
import { capture } from "../cli/cli-fixture";
import { catalog, replaceCell, specFor, templateBytes, units } from "./xlsx-helpers";

jest.setTimeout(240_000);

const FILLED: EntryInput[] = [
  { targetId: "S01", numerator: 90, denominator: 100 },
  { targetId: "S06", numerator: 50, denominator: 100 },
  { targetId: "S09", numerator: 70, denominator: 100 },
  { targetId: "S13", numerator: 30, denominator: 100 },
  { targetId: "S02", value: 12 },
  { targetId: "U15", value: 4 },
  { targetId: "U16", value: 7 },
];

type Verdict =
  | { read: "exact"; except?: Record<string, Partial<EntryInput>> }
  | { problems: [string, CellKind][] }
  | { refused: string; details?: Record<string, unknown> };

/** The rows of the base template (00004, 2026-Q1): the corpus script and the verdicts take their cells from it. */
const ROWS = specFor({}).entry.rows;
const cell = (column: string, targetId: string) => `Nhap!${column}${ROWS[targetId]}`;
const unitCell = `DonVi!${unitCellAddress("unitCode")}`;
const periodCell = `DonVi!${unitCellAddress("period")}`;

const EXPECTED: Record<string, Verdict> = {
  "sorted-openpyxl.xlsx": { read: "exact" },
  "sorted-libreoffice.xlsx": { read: "exact" },
  "inserted-row-openpyxl.xlsx": { read: "exact" },
  "inserted-column-openpyxl.xlsx": { read: "exact" },
  "formula-cached-libreoffice.xlsx": { read: "exact", except: { U16: { value: 5 } } },
  "date-openpyxl.xlsx": { problems: [[cell("G", "S02"), "date"]] },
  "time-openpyxl.xlsx": { problems: [[cell("G", "U15"), "time"]] },
  "boolean-openpyxl.xlsx": { problems: [[cell("H", "S10"), "boolean"]] },
  "error-openpyxl.xlsx": { problems: [[cell("I", "S13"), "error"]] },
  "formula-uncached-openpyxl.xlsx": { problems: [[cell("G", "U16"), "uncalculated"]] },
  "hostile-references.xlsx": {
    problems: [
      [cell("L", "S02"), "badText"],
      [cell("M", "S02"), "badText"],
      [cell("N", "S02"), "badText"],
      [`DonVi!${unitCellAddress("preparer")}`, "badText"],
      [`DonVi!${unitCellAddress("phone")}`, "tooLong"],
    ],
  },
  "retyped-unit.xlsx": {
    refused: "CT_TEMPLATE_IDENTITY_CONFLICT",
    details: { field: "unitCode", identityPart: "00004", unitSheet: "00008", cell: unitCell },
  },
  "retyped-period.xlsx": {
    refused: "CT_TEMPLATE_IDENTITY_CONFLICT",
    details: { field: "period", identityPart: "2026-Q1", unitSheet: "2026-Q2", cell: periodCell },
  },
  "truncated.xlsx": { refused: "CT_XLSX_TRUNCATED" },
  "empty.xlsx": { refused: "CT_XLSX_EMPTY" },
  "renamed-ods.xlsx": { refused: "CT_XLSX_ODS" },
  "renamed-csv.xlsx": { refused: "CT_XLSX_NOT_XLSX" },
  "encrypted.xlsx": { refused: "CT_XLSX_ENCRYPTED" },
};

const FIELDS = ["value", "numerator", "denominator"] as const;
function figures(entries: EntryInput[]): Record<string, Partial<EntryInput>> {
  const out: Record<string, Partial<EntryInput>> = {};
  for (const e of entries) {
    const f: Partial<EntryInput> = {};
    for (const k of FIELDS) if (e[k] !== undefined) f[k] = e[k];
    out[e.targetId] = f;
  }
  return out;
}

/** An encrypted OOXML package as Excel and LibreOffice write it: an OLE2 compound file holding EncryptionInfo and
 * EncryptedPackage streams. Built here (no encrypting writer is installed): header, FAT, directory, two streams. */
function encryptedPackage(): Uint8Array {
  const sector = 512;
  const out = new Uint8Array(sector * 5);
  const dv = new DataView(out.buffer);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  dv.setUint16(0x18, 0x3e, true);
  dv.setUint16(0x1a, 3, true);
  dv.setUint16(0x1c, 0xfffe, true);
  dv.setUint16(0x1e, 9, true);
  dv.setUint16(0x20, 6, true);
  dv.setUint32(0x2c, 1, true); // one FAT sector
  dv.setUint32(0x30, 1, true); // directory starts at sector 1
  dv.setUint32(0x38, 4096, true);
  dv.setUint32(0x3c, 0xfffffffe, true);
  dv.setUint32(0x44, 0xfffffffe, true);
  dv.setUint32(0x4c, 0, true); // FAT in sector 0
  for (let i = 1; i < 109; i++) dv.setUint32(0x4c + i * 4, 0xffffffff, true);
  const fat = sector; // sector 0
  const chain = [0xfffffffd, 0xfffffffe, 0xfffffffe, 0xfffffffe];
  for (let i = 0; i < 128; i++) dv.setUint32(fat + i * 4, i < chain.length ? chain[i] : 0xffffffff, true);
  const dir = sector * 2; // sector 1
  const entry = (
    i: number,
    name: string,
    type: number,
    start: number,
    size: number,
    child = 0xffffffff,
    right = 0xffffffff,
  ) => {
    const o = dir + i * 128;
    for (let k = 0; k < name.length; k++) dv.setUint16(o + k * 2, name.charCodeAt(k), true);
    dv.setUint16(o + 0x40, (name.length + 1) * 2, true);
    out[o + 0x42] = type;
    out[o + 0x43] = 1;
    dv.setUint32(o + 0x44, 0xffffffff, true);
    dv.setUint32(o + 0x48, right, true);
    dv.setUint32(o + 0x4c, child, true);
    dv.setUint32(o + 0x74, start, true);
    dv.setUint32(o + 0x78, size, true);
  };
  entry(0, "Root Entry", 5, 0xfffffffe, 0, 1);
  entry(1, "EncryptionInfo", 2, 2, sector, 0xffffffff, 2);
  entry(2, "EncryptedPackage", 2, 3, sector);
  return out;
}

describe("the foreign-writer corpus", () => {
  let dir: string;
  let base: Record<string, Partial<EntryInput>>;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-corpus-"));
    const { bytes } = await templateBytes({ values: FILLED });
    fs.writeFileSync(path.join(dir, "base.xlsx"), bytes);
    base = figures(readWorkbook(bytes, { catalog, units }).entries);
    const out = path.join(dir, "corpus");
    const made = spawnSync(
      "/usr/bin/python3",
      [path.join(__dirname, "foreign-corpus.py"), path.join(dir, "base.xlsx"), out, JSON.stringify(ROWS)],
      {
        encoding: "utf8",
        timeout: 200_000,
      },
    );
    if (made.status !== 0) throw new Error(`foreign-corpus.py failed: ${made.stderr}`);
    // the identity part kept (typed in Excel), the unit sheet's code or period retyped
    const inline = (address: string, v: string) => `<c r="${address}" t="inlineStr"><is><t>${v}</t></is></c>`;
    const ua = unitCellAddress("unitCode");
    const pa = unitCellAddress("period");
    fs.writeFileSync(path.join(out, "retyped-unit.xlsx"), await replaceCell(bytes, "DonVi", ua, inline(ua, "00008")));
    fs.writeFileSync(
      path.join(out, "retyped-period.xlsx"),
      await replaceCell(bytes, "DonVi", pa, inline(pa, "2026-Q2")),
    );
    fs.writeFileSync(path.join(out, "encrypted.xlsx"), encryptedPackage());
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("holds every file of the table, and nothing else", () => {
    expect(fs.readdirSync(path.join(dir, "corpus")).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))("%s: its verdict", (name, verdict) => {
    const bytes = fs.readFileSync(path.join(dir, "corpus", name));
    let read;
    try {
      read = readWorkbook(bytes, { catalog, units });
    } catch (e) {
      if (!isAppError(e)) throw e;
      expect("refused" in verdict ? verdict.refused : `read, not ${e.code}`).toBe(e.code);
      if ("refused" in verdict && verdict.details) expect(e.details).toEqual(verdict.details);
      expect(e.messages.vi).not.toBe(e.messages.en);
      return;
    }
    if ("refused" in verdict) throw new Error(`expected ${verdict.refused}, but the file was read`);
    if ("problems" in verdict) {
      expect(read.problems.map((p) => [p.cell, p.kind])).toEqual(verdict.problems);
      // the problem cell is blank to the rules, never its date serial or a boolean
      for (const p of read.problems) {
        if (p.targetId === null) continue; // the unit sheet's people
        const e = read.entries.find((x) => x.targetId === p.targetId) as EntryInput;
        expect(e[p.field as keyof EntryInput]).toBeNull();
      }
      return;
    }
    expect(read.problems).toEqual([]);
    const want = { ...base };
    for (const [id, f] of Object.entries(verdict.except ?? {})) want[id] = { ...want[id], ...f };
    expect(figures(read.entries)).toEqual(want);
  });

  it("validate names the cell and what it holds, and its summary counts what it printed", async () => {
    const c = capture(path.join(dir, "corpus"));
    const code = await main(["validate", "date-openpyxl.xlsx", "--lang", "en"], c.io);
    expect(code).toBe(1);
    const out = c.out();
    expect(out).toContain(`${cell("G", "S02")} — Error: S02, value: holds the date 15/03/2026, not a figure.`);
    const count = (label: string) => out.split("\n").filter((l) => l.includes(` — ${label}: `)).length;
    const summary = /(\d+) errors, (\d+) warnings \(\d+ without a justification\), (\d+) notes/.exec(out);
    expect(summary && summary.slice(1).map(Number)).toEqual([count("Error"), count("Warning"), count("Note")]);
    // no line says its cell twice
    for (const line of out.split("\n")) {
      const cell = /^(\w+![A-Z]+\d+) — /.exec(line)?.[1];
      if (cell) expect(line.split(cell).length - 1).toBe(1);
    }
  });

  it("consolidation lists a retyped unit code as a conflict, never as the other unit's report", async () => {
    const folder = path.join(dir, "mail");
    fs.mkdirSync(folder);
    fs.copyFileSync(path.join(dir, "corpus", "retyped-unit.xlsx"), path.join(folder, "retyped-unit.xlsx"));
    fs.copyFileSync(path.join(dir, "base.xlsx"), path.join(folder, "base.xlsx"));
    const c = capture(dir);
    const code = await main(["consolidate", "mail", "--period", "2026-Q1", "--json"], c.io);
    expect(code).toBe(1);
    const json = JSON.parse(c.out());
    const retyped = json.files.rejected.find((r: { file: string }) => r.file === "mail/retyped-unit.xlsx");
    expect(retyped.reasons.map((r: { code: string }) => r.code)).toEqual(["CT_TEMPLATE_IDENTITY_CONFLICT"]);
    // only base.xlsx (00004, its valid figures used one by one) counts; the retyped copy is no one's report
    expect(json.completeness.submitted).toBe(1);
    expect(json.files.accepted).toBe(1);
  });
});
