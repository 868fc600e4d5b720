/**
 * The JavaScript peers on the same files: our reader (readWorkbook), SheetJS (`xlsx`, XLSX.read limited to the two
 * sheets the report lives on, no styles, formats or HTML) and ExcelJS's reader (workbook.xlsx.load). Each reads every
 * file from memory and takes the same figures (value, numerator, denominator of every target the file reports, at
 * the cells our reader located), so each does the work a consolidation needs; the sums are compared so no reader
 * is timed for skipping work. One thread, in this process, after a warm-up on the first files; the best of three rounds.
 */
import fs from "node:fs";
import ExcelJS from "exceljs";
import * as XLSX from "xlsx";
import type { Catalog, UnitRegistry } from "../../../src/domain";
import { readWorkbook } from "../../../src/workbook/xlsx/node-inflate";

export interface PeerResult {
  files: number;
  /** per reader: ms per workbook */
  perFileMs: { ours: number; sheetjs: number; exceljs: number };
  /** Σ of every figure read, per reader: equal when they read the same numbers */
  sums: { ours: number; sheetjs: number; exceljs: number };
}

const FIELDS = ["value", "numerator", "denominator"] as const;

export async function comparePeers(
  paths: string[],
  catalog: Catalog,
  units: UnitRegistry,
  warmup = 50,
): Promise<PeerResult> {
  const buffers = paths.map((p) => fs.readFileSync(p));
  // where the figures are: from our reader on the first file (every generated file shares the layout)
  const first = readWorkbook(buffers[0], { catalog, units });
  const cells: string[] = [];
  for (const e of first.entries)
    for (const f of FIELDS) {
      const c = first.cellOf(e.targetId, f);
      if (c) cells.push(c.split("!")[1]);
    }

  const ours = (b: Buffer): number => {
    const r = readWorkbook(b, { catalog, units });
    let s = 0;
    for (const e of r.entries) for (const f of FIELDS) if (typeof e[f] === "number") s += e[f] as number;
    return s;
  };
  const sheetjs = (b: Buffer): number => {
    const wb = XLSX.read(b, {
      type: "buffer",
      sheets: ["Nhap", "DonVi"],
      cellStyles: false,
      cellNF: false,
      cellHTML: false,
      cellText: false,
    });
    const ws = wb.Sheets.Nhap;
    let s = 0;
    for (const a of cells) {
      const v = ws[a]?.v;
      if (typeof v === "number") s += v;
    }
    return s;
  };
  const exceljs = async (b: Buffer): Promise<number> => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(b as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Nhap") as ExcelJS.Worksheet;
    let s = 0;
    for (const a of cells) {
      const v = ws.getCell(a).value;
      const n = typeof v === "number" ? v : v && typeof v === "object" && "result" in v ? v.result : null;
      if (typeof n === "number") s += n;
    }
    return s;
  };

  // best of three rounds, the readers taking turns, so a neighbour's load on a shared machine hits each alike
  const time = async (read: (b: Buffer) => number | Promise<number>): Promise<{ ms: number; sum: number }> => {
    let sum = 0;
    const t0 = performance.now();
    for (const b of buffers) sum += await read(b);
    return { ms: (performance.now() - t0) / buffers.length, sum };
  };
  for (const b of buffers.slice(0, warmup)) {
    ours(b);
    sheetjs(b);
    await exceljs(b);
  }
  let o = { ms: Infinity, sum: 0 };
  let s = { ms: Infinity, sum: 0 };
  let e = { ms: Infinity, sum: 0 };
  for (let round = 0; round < 3; round++) {
    const a = await time(ours);
    const b = await time(sheetjs);
    const c = await time(exceljs);
    if (a.ms < o.ms) o = a;
    if (b.ms < s.ms) s = b;
    if (c.ms < e.ms) e = c;
  }
  return {
    files: buffers.length,
    perFileMs: { ours: o.ms, sheetjs: s.ms, exceljs: e.ms },
    sums: { ours: o.sum, sheetjs: s.sum, exceljs: e.sum },
  };
}
