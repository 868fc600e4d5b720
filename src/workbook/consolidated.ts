/**
 * The consolidated workbook as plain data: what a planner gets after consolidating every unit of a period. No Office
 * or ExcelJS type in it — `xlsx/write-consolidated.ts` (ExcelJS + native chart parts) and
 * `office/write-consolidated.ts` (Office.js) both walk this spec.
 *
 * Sheets:
 * - TongHop — the consolidated sheet in the template's own layout (same columns A–K and rows as the entry sheet "Nhap",
 *   taken from `buildTemplateSpec` with every target): the city figure per target, Σ numerator, Σ denominator, its
 *   target and status; columns L–O say how many units reported, how it was aggregated and which units are missing.
 * - MaTran — unit × target matrix: a block of figures and, to its right, a block of statuses; both are coloured by
 *   conditional-formatting rules that read the status block (never per-cell formats).
 * - TienDo — completeness: expected, submitted, on time, late, missing, returned, rejected; one row per unit with its
 *   contact (preparer, approver, phone) from the unit sheet of its workbook or from its submission.
 * - ThePhanLoai — the 43-target scorecard by group and by bottleneck, then every target with its status.
 * - BieuDo — chart data and native charts: city figure against target per group (clustered bar), and the spread of
 *   one chosen target across units (clustered column).
 *
 * Values are written as rectangular blocks (one request per block in Office.js) and styles as ranges.
 */
import { cellProblemsError } from "./cell-problems";
import { heightsFromLines, textLines } from "./row-heights";
import {
  GROUP_IDS,
  GROUP_NAMES,
  BOTTLENECK_NAMES,
  MILESTONE_LABELS,
  PROGRESS_LABELS,
  hanoiDateTime,
  periodLabel,
  targetForPeriod,
  unitOfMeasureFor,
  type Bilingual,
  type CityFigure,
  type Target,
  type TargetProgress,
  type Unit,
} from "../domain";
import { isAppError } from "../domain/errors";
import {
  COMPLETENESS_NAMES,
  type CompletenessState,
  type ConsolidationView,
  type FileRead,
  type FileReadFailed,
} from "../domain/scorecard";
import type { WorkbookRead } from "./xlsx/read-workbook";
import {
  COLORS,
  ENTRY_COLUMNS,
  ENTRY_ROWS,
  STATUS_FORMATS,
  STYLES,
  buildTemplateSpec,
  columnIndex,
  columnLetters,
  describeYearTarget,
  splitAddress,
  statusText,
  type CellStyle,
  type StyleId,
} from "./template";

export const CONSOLIDATED_SHEETS = {
  summary: "TongHop",
  matrix: "MaTran",
  completeness: "TienDo",
  scorecard: "ThePhanLoai",
  charts: "BieuDo",
} as const;
export type ConsolidatedRole = keyof typeof CONSOLIDATED_SHEETS;
export const CONSOLIDATED_SHEET_NAMES: readonly string[] = Object.values(CONSOLIDATED_SHEETS);

// ------------------------------------------------------------------------------------------------------------------
// Spec types
// ------------------------------------------------------------------------------------------------------------------

export type CellValue = string | number | boolean | null;

export type ConsolidatedStyleId =
  StyleId | "figure" | "cell" | "cellCenter" | "total" | "totalLabel" | "legend" | `progress_${TargetProgress}`;

/** A rectangle of values whose top-left cell is `address`; `numFmts` (same shape) when cells need a number format. */
export interface ValueBlock {
  address: string;
  values: CellValue[][];
  numFmts?: (string | null)[][];
}

export interface StyleRange {
  range: string;
  style: ConsolidatedStyleId;
}

/** A rule whose formula (no leading "=") is written for the top-left cell of the range and is relative to it. */
export interface ExpressionRule {
  formula: string;
  fill: string;
  fontColor: string;
  italic?: boolean;
}

export interface ConditionalFormat {
  range: string;
  rules: ExpressionRule[];
}

export type ChartKind = "barClustered" | "columnClustered";

export interface ChartSeries {
  name: string;
  /** one per category; null = no figure */
  values: (number | null)[];
  /** "RRGGBB" */
  color: string;
}

export interface ChartSpec {
  /** unique in the workbook, e.g. "CT_chart_economy" */
  name: string;
  kind: ChartKind;
  title: string;
  /** on this sheet: the header row, the category column, then one column per series — contiguous */
  dataRange: string;
  categories: string[];
  series: ChartSeries[];
  /** the cells the chart covers, e.g. "F4:P22" */
  anchor: string;
  valueAxisTitle?: string;
  /** the value axis starts here (0 when no value is negative, so bar lengths compare honestly) */
  valueAxisMin?: number;
}

export interface ConsolidatedSheet {
  name: string;
  role: ConsolidatedRole;
  tabColor?: string;
  columnWidths: number[];
  blocks: ValueBlock[];
  styles: StyleRange[];
  merges: string[];
  conditionalFormats: ConditionalFormat[];
  charts: ChartSpec[];
  freeze?: { rows: number; columns: number };
  print: {
    orientation: "landscape" | "portrait";
    paper: "A4";
    titleRows?: [number, number];
    /** columns repeated at the left of every printed page, e.g. ["A", "B"] */
    titleColumns?: [string, string];
    fitToWidth: boolean;
    /** pages across when fitted to width (default 1) */
    pagesWide?: number;
  };
  /** rows taller than one line (points), for wrapped two-language texts: not every program fits them on opening */
  rowHeights: Record<number, number>;
}

export interface ConsolidatedSpec {
  period: string;
  generatedAt: string;
  styles: Record<ConsolidatedStyleId, CellStyle>;
  sheets: ConsolidatedSheet[];
}

export interface ConsolidatedOptions {
  /** the target whose spread across units is charted; default: the ratio target most units reported */
  spreadTargetId?: string;
}

// ------------------------------------------------------------------------------------------------------------------
// Styles, formats and texts
// ------------------------------------------------------------------------------------------------------------------

/** Colours of every status, including "no data" (a unit that did not report). */
export const PROGRESS_FORMATS: Record<TargetProgress, { fill: string; fontColor: string; italic?: boolean }> = {
  ...STATUS_FORMATS,
  no_data: { fill: "FFFFFF", fontColor: "808080", italic: true },
};

/** Scorecard column headers take their status colour. */
function progressHeaderStyles(): Record<`progress_${TargetProgress}`, CellStyle> {
  const out = {} as Record<`progress_${TargetProgress}`, CellStyle>;
  for (const p of Object.keys(PROGRESS_FORMATS) as TargetProgress[]) {
    const f = PROGRESS_FORMATS[p];
    out[`progress_${p}`] = {
      bold: true,
      wrap: true,
      hAlign: "center",
      vAlign: "middle",
      border: true,
      fill: f.fill,
      fontColor: f.fontColor,
      locked: true,
    };
  }
  return out;
}

export const CONSOLIDATED_STYLES: Record<ConsolidatedStyleId, CellStyle> = {
  ...STYLES,
  figure: { vAlign: "top", border: true, hAlign: "right", locked: true },
  cell: { vAlign: "top", border: true, wrap: true, locked: true },
  cellCenter: { vAlign: "top", hAlign: "center", border: true, locked: true },
  total: { bold: true, border: true, fill: COLORS.group, hAlign: "right", locked: true },
  totalLabel: { bold: true, border: true, fill: COLORS.group, locked: true },
  legend: { italic: true, fontColor: COLORS.muted, locked: true },
  ...progressHeaderStyles(),
};

export const COMPLETENESS_FORMATS: Record<CompletenessState, { fill: string; fontColor: string }> = {
  on_time: { fill: "C6EFCE", fontColor: "006100" },
  submitted: { fill: "DDEBF7", fontColor: "1F4E78" },
  late: { fill: "FFEB9C", fontColor: "9C5700" },
  returned: { fill: "FCE4D6", fontColor: "833C0B" },
  rejected: { fill: "FFC7CE", fontColor: "9C0006" },
  missing: { fill: "FFC7CE", fontColor: "9C0006" },
};

const CHART_COLORS = { figure: "2F75B5", target: "A5A5A5", spread: "70AD47" } as const;

/** Number format of a target's figure: whole numbers for counts, one or two decimals otherwise. */
export function figureFormat(t: Target): string {
  if (t.measure === "count") return "#,##0";
  if (t.measure === "percent" || t.measure === "rate") return "0.0#";
  return "#,##0.0#";
}

const AGGREGATION_NAMES: Record<Target["aggregation"], Bilingual> = {
  sum: { vi: "Tổng các đơn vị", en: "Sum of units" },
  ratio_of_sums: { vi: "Σ tử số / Σ mẫu số", en: "Σ numerators / Σ denominators" },
  city_only: { vi: "Số liệu cấp thành phố", en: "City-level figure" },
  none: { vi: "Mốc: đơn vị chậm nhất", en: "Milestone: least advanced unit" },
};

const bi = (b: Bilingual): string => `${b.vi}\n${b.en}`;
const slash = (b: Bilingual): string => `${b.vi} / ${b.en}`;

/** A string literal inside a formula. */
function lit(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function addr(col: number, row: number): string {
  return `${columnLetters(col)}${row}`;
}

function range(c1: number, r1: number, c2: number, r2: number): string {
  return `${addr(c1, r1)}:${addr(c2, r2)}`;
}

function shortName(t: Target, max = 48): string {
  const n = t.name.vi;
  return `${t.id} ${n.length > max ? `${n.slice(0, max - 1)}…` : n}`;
}

function milestoneText(m: CityFigure["milestone"]): string | null {
  if (!m) return null;
  const l = MILESTONE_LABELS.find((x) => x.state === m);
  return l ? `${l.vi}\n${l.en}` : m;
}

function emptySheet(role: ConsolidatedRole, columnWidths: number[]): ConsolidatedSheet {
  return {
    name: CONSOLIDATED_SHEETS[role],
    role,
    columnWidths,
    blocks: [],
    styles: [],
    merges: [],
    conditionalFormats: [],
    charts: [],
    print: { orientation: "landscape", paper: "A4", fitToWidth: true },
    rowHeights: {},
  };
}

/**
 * Height of each row whose wrapped cells need more than one line: a text's lines are its "\n" parts, each taking
 * ceil(length / column width) lines (a width in characters is about that many average characters).
 */
export function fitRowHeights(
  sheet: ConsolidatedSheet,
  styles: Record<ConsolidatedStyleId, CellStyle>,
): Record<number, number> {
  const wraps: { c1: number; r1: number; c2: number; r2: number }[] = [];
  for (const st of sheet.styles) {
    if (!styles[st.style].wrap) continue;
    const [a, b = a] = st.range.split(":");
    const p = splitAddress(a);
    const q = splitAddress(b);
    wraps.push({ c1: columnIndex(p.column), r1: p.row, c2: columnIndex(q.column), r2: q.row });
  }
  const merged = new Set<string>();
  for (const m of sheet.merges) merged.add(m.split(":")[0]);
  const lines = new Map<number, number>();
  for (const b of sheet.blocks) {
    const p = splitAddress(b.address);
    const c0 = columnIndex(p.column);
    b.values.forEach((row, i) => {
      const r = p.row + i;
      row.forEach((v, j) => {
        if (typeof v !== "string") return;
        const c = c0 + j;
        if (merged.has(addr(c, r)) || !wraps.some((w) => r >= w.r1 && r <= w.r2 && c >= w.c1 && c <= w.c2)) return;
        const n = textLines(v, sheet.columnWidths[c - 1] ?? 9);
        lines.set(r, Math.max(lines.get(r) ?? 1, n));
      });
    });
  }
  return heightsFromLines(lines);
}

function titleRows(sheet: ConsolidatedSheet, title: Bilingual, note: string, lastCol: number): void {
  sheet.blocks.push({ address: "A1", values: [[title.vi], [title.en], [note]] });
  sheet.styles.push(
    { range: "A1", style: "title" },
    { range: "A2", style: "subtitle" },
    { range: "A3", style: "hint" },
  );
  sheet.merges.push(range(1, 1, lastCol, 1), range(1, 2, lastCol, 2), range(1, 3, lastCol, 3));
}

/** Status columns hold `statusText(progress)` ("Đạt\nMet"): one exact-match rule per status. */
function statusTextRules(topLeft: string): ExpressionRule[] {
  return (Object.keys(PROGRESS_FORMATS) as TargetProgress[]).map((p) => ({
    formula: `${topLeft}=${lit(PROGRESS_LABELS[p].vi)}&CHAR(10)&${lit(PROGRESS_LABELS[p].en)}`,
    ...PROGRESS_FORMATS[p],
  }));
}

// ------------------------------------------------------------------------------------------------------------------
// From the template reader to consolidation input
// ------------------------------------------------------------------------------------------------------------------

/** A workbook the template reader read, as consolidation takes it. */
export function fileReadFrom(source: string, savedAt: string | null, read: WorkbookRead): FileRead {
  // a date, boolean, error value or uncalculated formula in an input cell: the file is refused naming those cells
  if (read.problems.length > 0) return fileReadFailure(source, cellProblemsError(read.problems));
  return {
    ok: true,
    source,
    savedAt,
    identity: read.identity,
    contact: read.unitSheet,
    report: {
      unitCode: read.identity.unitCode,
      period: read.identity.period,
      catalogVersion: read.identity.catalogVersion,
      locale: read.locale,
      entries: read.entries,
    },
    cellOf: read.cellOf,
  };
}

/** Why the reader refused a file (its AppError: code, bilingual message, the cell or sheet it names). */
export function fileReadFailure(source: string, e: unknown): FileReadFailed {
  if (isAppError(e)) {
    const d = e.details as { cell?: unknown; cells?: unknown; sheet?: unknown };
    const cell =
      typeof d.cell === "string"
        ? d.cell
        : Array.isArray(d.cells)
          ? d.cells.join(", ")
          : typeof d.sheet === "string"
            ? d.sheet
            : undefined;
    return { ok: false, source, code: e.code, message: e.messages, ...(cell ? { cell } : {}) };
  }
  const text = e instanceof Error ? e.message : String(e);
  return {
    ok: false,
    source,
    code: "CT_XLSX_UNREADABLE",
    message: {
      vi: `Không đọc được tệp (${text}). Hãy mở tệp bằng Excel, lưu lại dạng .xlsx rồi thử lại.`,
      en: `The file cannot be read (${text}). Open it in Excel, save it as .xlsx and try again.`,
    },
  };
}

// ------------------------------------------------------------------------------------------------------------------
// Builder
// ------------------------------------------------------------------------------------------------------------------

export function buildConsolidatedSpec(view: ConsolidationView, opts: ConsolidatedOptions = {}): ConsolidatedSpec {
  const note =
    `${view.source === "endpoint" ? "Nguồn: máy chủ Chỉ tiêu" : "Nguồn: tệp báo cáo của đơn vị"} · ${view.group.name.vi} · ` +
    `lập lúc ${hanoiDateTime(view.generatedAt)} (giờ Hà Nội) / ` +
    `${view.source === "endpoint" ? "Source: Chỉ tiêu endpoint" : "Source: unit workbooks"} · ${view.group.name.en} · ` +
    `made ${hanoiDateTime(view.generatedAt)} (Hanoi time)`;
  const sheets = [
    summarySheet(view, note),
    matrixSheet(view, note),
    completenessSheet(view, note),
    scorecardSheet(view, note),
    chartsSheet(view, note, opts),
  ];
  for (const s of sheets) s.rowHeights = fitRowHeights(s, CONSOLIDATED_STYLES);
  return { period: view.period.id, generatedAt: view.generatedAt, styles: CONSOLIDATED_STYLES, sheets };
}

// ---- TongHop ----

const SUMMARY_HEADERS: Partial<Record<keyof typeof ENTRY_COLUMNS, Bilingual>> = {
  value: { vi: "Giá trị thành phố", en: "City figure" },
  numerator: { vi: "Tổng tử số", en: "Σ numerator" },
  denominator: { vi: "Tổng mẫu số", en: "Σ denominator" },
  milestone: { vi: "Tiến độ mốc (đơn vị chậm nhất)", en: "Milestone (least advanced)" },
  status: { vi: "Đánh giá", en: "Status" },
  justification: { vi: "Đơn vị đã báo cáo / phải báo cáo", en: "Units reported / expected" },
  evidence: { vi: "Cách tổng hợp", en: "Aggregation" },
  responsible: { vi: "Đơn vị chưa báo cáo", en: "Units missing" },
  check: { vi: "Ghi chú", en: "Note" },
};

function summarySheet(view: ConsolidationView, note: string): ConsolidatedSheet {
  const { catalog, period } = view;
  // The template's own layout: the entry sheet of a template holding every target (the city's view).
  const cityUnit: Unit = {
    code: "HN",
    kind: "city",
    name: { vi: "Thành phố Hà Nội", en: "Ha Noi City" },
    targetIds: [],
    toConfirm: false,
    demo: false,
    groups: [],
  };
  const template = buildTemplateSpec({ catalog, unit: cityUnit, period, targets: catalog.targets });
  const entry = template.sheets.find((s) => s.role === "entry");
  if (!entry) throw new Error("template spec has no entry sheet");
  const C = ENTRY_COLUMNS;
  const lastCol = columnIndex(C.check);
  const sheet = emptySheet(
    "summary",
    // wider than the entry sheet where consolidation writes longer texts: source status, units missing
    entry.columnWidths.map((w, i) =>
      i === columnIndex(C.responsible) - 1 ? 40 : i === columnIndex(C.sourceStatus) - 1 ? Math.max(w, 26) : w,
    ),
  );
  sheet.freeze = entry.freeze;
  sheet.print = { ...entry.print, fitToWidth: true };
  titleRows(
    sheet,
    {
      vi: `TỔNG HỢP KẾT QUẢ THỰC HIỆN ${catalog.targets.length} CHỈ TIÊU — ${periodLabel(period, "vi")}`,
      en: `CONSOLIDATED RESULTS FOR THE ${catalog.targets.length} TARGETS — ${periodLabel(period, "en")}`,
    },
    note,
    lastCol,
  );

  // headers: the template's own (A–F), consolidation's meaning for G–O
  const cols = Object.keys(C) as (keyof typeof C)[];
  const headerVi: CellValue[] = [];
  const headerEn: CellValue[] = [];
  const templateHeader = (row: number, col: string): CellValue =>
    entry.cells.find((c) => c.address === `${col}${row}`)?.value ?? null;
  for (const c of cols) {
    const own = SUMMARY_HEADERS[c];
    headerVi.push(own ? own.vi : templateHeader(ENTRY_ROWS.headerVi, C[c]));
    headerEn.push(own ? own.en : templateHeader(ENTRY_ROWS.headerEn, C[c]));
  }
  sheet.blocks.push({ address: `A${ENTRY_ROWS.headerVi}`, values: [headerVi, headerEn] });
  sheet.styles.push(
    { range: range(1, ENTRY_ROWS.headerVi, lastCol, ENTRY_ROWS.headerVi), style: "headerVi" },
    { range: range(1, ENTRY_ROWS.headerEn, lastCol, ENTRY_ROWS.headerEn), style: "headerEn" },
  );

  const figures = new Map(view.figures.map((f) => [f.targetId, f]));
  const unitName = new Map(view.units.map((u) => [u.code, u.name.vi]));
  const templateCell = (col: string, row: number): CellValue =>
    entry.cells.find((c) => c.address === `${col}${row}`)?.value ?? null;
  // group rows, and runs of target rows between them
  const groupRows = entry.cells.filter((c) => c.style === "group").map((c) => splitAddress(c.address).row);
  for (const gr of groupRows) {
    sheet.blocks.push({ address: `A${gr}`, values: [[templateCell("A", gr)]] });
    sheet.styles.push({ range: range(1, gr, lastCol, gr), style: "group" });
    sheet.merges.push(range(1, gr, lastCol, gr));
  }
  const byRow = new Map<number, Target>();
  for (const t of catalog.targets) {
    const r = template.entry.rows[t.id];
    if (r !== undefined) byRow.set(r, t);
  }
  const rowsSorted = [...byRow.keys()].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const r of rowsSorted) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === r - 1) last.push(r);
    else runs.push([r]);
  }
  for (const run of runs) {
    const values: CellValue[][] = [];
    const numFmts: (string | null)[][] = [];
    for (const r of run) {
      const t = byRow.get(r) as Target;
      const f = figures.get(t.id);
      const fmt = figureFormat(t);
      const expected = f?.unitsExpected.length ?? 0;
      const missingNames = (f?.unitsMissing ?? []).map((code) => `${code} ${unitName.get(code) ?? ""}`.trim());
      values.push([
        templateCell(C.id, r),
        templateCell(C.name, r),
        unitOfMeasureFor(t, period.year),
        describeYearTarget(t, targetForPeriod(t, period), "vi"),
        templateCell(C.termTarget, r),
        templateCell(C.sourceStatus, r),
        f?.value ?? null,
        f?.numeratorSum ?? null,
        f?.denominatorSum ?? null,
        milestoneText(f?.milestone ?? null),
        statusText(f?.progress ?? "no_data"),
        `${f?.unitsIncluded.length ?? 0} / ${expected}`,
        bi(AGGREGATION_NAMES[t.aggregation]),
        missingNames.length === 0 ? (expected > 0 ? "—" : null) : `${missingNames.length}: ${missingNames.join(", ")}`,
        f && f.value === null && f.milestone === null
          ? "Chưa có số liệu — không tính là 0 / No data — not counted as zero"
          : null,
      ]);
      numFmts.push([
        null,
        null,
        null,
        null,
        null,
        null,
        fmt,
        "#,##0.##",
        "#,##0.##",
        null,
        null,
        null,
        null,
        null,
        null,
      ]);
    }
    const top = run[0];
    const bottom = run[run.length - 1];
    sheet.blocks.push({ address: `A${top}`, values, numFmts });
    sheet.styles.push(
      { range: range(1, top, 1, bottom), style: "id" },
      { range: range(2, top, 2, bottom), style: "label" },
      { range: range(3, top, 5, bottom), style: "info" },
      { range: range(6, top, 6, bottom), style: "labelEn" },
      { range: range(7, top, 9, bottom), style: "figure" },
      { range: range(10, top, 11, bottom), style: "status" },
      { range: range(12, top, 12, bottom), style: "cellCenter" },
      { range: range(13, top, lastCol, bottom), style: "cell" },
    );
  }
  if (rowsSorted.length > 0) {
    const first = rowsSorted[0];
    const last = rowsSorted[rowsSorted.length - 1];
    const statusCol = columnIndex(C.status);
    sheet.conditionalFormats.push({
      range: range(statusCol, first, statusCol, last),
      rules: statusTextRules(addr(statusCol, first)),
    });
  }
  return sheet;
}

// ---- MaTran ----

export const MATRIX_LAYOUT = { headerVi: 4, headerEn: 5, firstData: 6, firstTargetColumn: 3 } as const;

/** Matrix columns (figures and statuses) printed per page across: about what stays legible on A4 landscape. */
const MATRIX_COLUMNS_PER_PAGE = 24;

function matrixSheet(view: ConsolidationView, note: string): ConsolidatedSheet {
  const { catalog, period } = view;
  const T = catalog.targets.length;
  const first = MATRIX_LAYOUT.firstTargetColumn;
  const lastValueCol = first + T - 1;
  const statusFirst = lastValueCol + 2; // one spacer column
  const lastCol = statusFirst + T - 1;
  const sheet = emptySheet("matrix", [8, 30, ...Array(T).fill(9), 2, ...Array(T).fill(12)]);
  titleRows(
    sheet,
    {
      vi: `MA TRẬN ĐƠN VỊ × CHỈ TIÊU — ${periodLabel(period, "vi")}`,
      en: `UNIT × TARGET MATRIX — ${periodLabel(period, "en")}`,
    },
    `${note} · Màu theo đánh giá (định dạng có điều kiện) / colours follow the status (conditional formatting). Ô trống = đơn vị không báo cáo chỉ tiêu này / blank = the unit does not report this target.`,
    Math.min(lastCol, 26),
  );
  const hv = MATRIX_LAYOUT.headerVi;
  const he = MATRIX_LAYOUT.headerEn;
  const headerVi: CellValue[] = ["Mã đơn vị", "Đơn vị"];
  const headerEn: CellValue[] = ["Unit code", "Unit"];
  for (const t of catalog.targets) {
    headerVi.push(t.id);
    headerEn.push(unitOfMeasureFor(t, period.year));
  }
  headerVi.push(null);
  headerEn.push(null);
  for (const t of catalog.targets) {
    headerVi.push(`Đánh giá ${t.id}`);
    headerEn.push(`Status ${t.id}`);
  }
  sheet.blocks.push({ address: `A${hv}`, values: [headerVi, headerEn] });
  sheet.styles.push(
    { range: range(1, hv, lastValueCol, hv), style: "headerVi" },
    { range: range(1, he, lastValueCol, he), style: "headerEn" },
    { range: range(statusFirst, hv, lastCol, hv), style: "headerVi" },
    { range: range(statusFirst, he, lastCol, he), style: "headerEn" },
  );
  const cells = new Map<string, (typeof view.matrix)[number]>();
  for (const c of view.matrix) cells.set(`${c.unitCode}\u0000${c.targetId}`, c);
  const expectedFor = new Map<string, Set<string>>();
  for (const f of view.figures) expectedFor.set(f.targetId, new Set(f.unitsExpected));
  const formats = catalog.targets.map(figureFormat);
  const values: CellValue[][] = [];
  const numFmts: (string | null)[][] = [];
  for (const u of view.units) {
    const row: CellValue[] = [u.code, u.name.vi];
    const fmtRow: (string | null)[] = [null, null];
    const statuses: CellValue[] = [];
    catalog.targets.forEach((t, i) => {
      const c = cells.get(`${u.code}\u0000${t.id}`);
      const expected = expectedFor.get(t.id)?.has(u.code) ?? false;
      if (c) {
        row.push(
          t.measure === "milestone"
            ? c.milestone
              ? (MILESTONE_LABELS.find((m) => m.state === c.milestone)?.vi ?? c.milestone)
              : null
            : c.figure,
        );
        statuses.push(PROGRESS_LABELS[c.progress].vi);
      } else {
        row.push(null);
        statuses.push(expected ? PROGRESS_LABELS.no_data.vi : null);
      }
      fmtRow.push(formats[i]);
    });
    row.push(null, ...statuses);
    fmtRow.push(null, ...statuses.map(() => null));
    values.push(row);
    numFmts.push(fmtRow);
  }
  const firstRow = MATRIX_LAYOUT.firstData;
  const lastRow = firstRow + Math.max(view.units.length, 1) - 1;
  if (values.length > 0) {
    sheet.blocks.push({ address: `A${firstRow}`, values, numFmts });
    sheet.styles.push(
      { range: range(1, firstRow, 1, lastRow), style: "id" },
      { range: range(2, firstRow, 2, lastRow), style: "cell" },
      { range: range(first, firstRow, lastValueCol, lastRow), style: "figure" },
      { range: range(statusFirst, firstRow, lastCol, lastRow), style: "cellCenter" },
    );
    // Both blocks read the status block: the figure at column c is coloured by the status at c + T + 1.
    const rules = (topLeftStatus: string): ExpressionRule[] =>
      (Object.keys(PROGRESS_FORMATS) as TargetProgress[]).map((p) => ({
        formula: `${topLeftStatus}=${lit(PROGRESS_LABELS[p].vi)}`,
        ...PROGRESS_FORMATS[p],
      }));
    sheet.conditionalFormats.push(
      { range: range(first, firstRow, lastValueCol, lastRow), rules: rules(addr(statusFirst, firstRow)) },
      { range: range(statusFirst, firstRow, lastCol, lastRow), rules: rules(addr(statusFirst, firstRow)) },
    );
  }
  sheet.freeze = { rows: he, columns: 2 };
  // fitted to a few pages across (one page for 88 columns would be unreadable), the unit columns and the header rows
  // repeated on every page
  sheet.print = {
    orientation: "landscape",
    paper: "A4",
    titleRows: [hv, he],
    titleColumns: ["A", "B"],
    fitToWidth: true,
    pagesWide: Math.max(1, Math.ceil((lastCol - 2) / MATRIX_COLUMNS_PER_PAGE)),
  };
  return sheet;
}

// ---- TienDo ----

export const COMPLETENESS_LAYOUT = {
  totalsHeader: 4,
  totalsValues: 6,
  tableHeaderVi: 8,
  tableHeaderEn: 9,
  firstData: 10,
} as const;

function completenessSheet(view: ConsolidationView, note: string): ConsolidatedSheet {
  const { period } = view;
  const { rows, totals } = view.completeness;
  const sheet = emptySheet("completeness", [10, 30, 22, 20, 30, 22, 22, 16, 50]);
  const lastCol = 9;
  titleRows(
    sheet,
    {
      vi: `TIẾN ĐỘ NỘP BÁO CÁO — ${periodLabel(period, "vi")}`,
      en: `REPORT COMPLETENESS AND TIMELINESS — ${periodLabel(period, "en")}`,
    },
    note,
    lastCol,
  );
  const L = COMPLETENESS_LAYOUT;
  sheet.blocks.push({
    address: `A${L.totalsHeader}`,
    values: [
      ["Phải nộp", "Đã nộp", "Đúng hạn", "Nộp muộn", "Chưa nộp", "Trả lại", "Tệp bị từ chối"],
      ["Expected", "Submitted", "On time", "Late", "Missing", "Returned", "Files rejected"],
      [totals.expected, totals.submitted, totals.onTime, totals.late, totals.missing, totals.returned, totals.rejected],
    ],
  });
  sheet.styles.push(
    { range: range(1, L.totalsHeader, 7, L.totalsHeader), style: "headerVi" },
    { range: range(1, L.totalsHeader + 1, 7, L.totalsHeader + 1), style: "headerEn" },
    { range: range(1, L.totalsValues, 7, L.totalsValues), style: "total" },
  );
  sheet.blocks.push({
    address: `A${L.tableHeaderVi}`,
    values: [
      [
        "Mã đơn vị",
        "Đơn vị",
        "Tình trạng",
        "Thời điểm nộp (giờ Hà Nội)",
        "Nguồn (tệp / mã nộp)",
        "Người lập biểu",
        "Người phê duyệt",
        "Điện thoại",
        "Ghi chú",
      ],
      [
        "Unit code",
        "Unit",
        "State",
        "Submitted at (Hanoi time)",
        "Source (file / submission)",
        "Prepared by",
        "Approved by",
        "Phone",
        "Note",
      ],
    ],
  });
  sheet.styles.push(
    { range: range(1, L.tableHeaderVi, lastCol, L.tableHeaderVi), style: "headerVi" },
    { range: range(1, L.tableHeaderEn, lastCol, L.tableHeaderEn), style: "headerEn" },
  );
  if (rows.length > 0) {
    const values: CellValue[][] = rows.map((r) => [
      r.unitCode,
      r.unitName.vi,
      bi(COMPLETENESS_NAMES[r.state]),
      r.submittedAt ? hanoiDateTime(r.submittedAt) : null,
      r.source,
      r.contact?.preparer ?? null,
      r.contact?.approver ?? null,
      r.contact?.phone ?? null,
      r.note ? bi(r.note) : null,
    ]);
    const first = L.firstData;
    const last = first + rows.length - 1;
    sheet.blocks.push({
      address: `A${first}`,
      values,
      numFmts: values.map((v) => v.map((_, i) => (i === 0 || i === 7 ? "@" : null))),
    });
    sheet.styles.push(
      { range: range(1, first, 1, last), style: "id" },
      { range: range(2, first, lastCol, last), style: "cell" },
      { range: range(3, first, 3, last), style: "status" },
    );
    sheet.conditionalFormats.push({
      range: range(3, first, 3, last),
      rules: (Object.keys(COMPLETENESS_FORMATS) as CompletenessState[]).map((s) => ({
        formula: `C${first}=${lit(COMPLETENESS_NAMES[s].vi)}&CHAR(10)&${lit(COMPLETENESS_NAMES[s].en)}`,
        ...COMPLETENESS_FORMATS[s],
      })),
    });
  }
  sheet.freeze = { rows: L.tableHeaderEn, columns: 2 };
  sheet.print = {
    orientation: "landscape",
    paper: "A4",
    titleRows: [L.tableHeaderVi, L.tableHeaderEn],
    fitToWidth: true,
  };
  return sheet;
}

// ---- ThePhanLoai ----

export const SCORECARD_LAYOUT = {
  groupHeader: 4,
  groupFirst: 6,
  progressOrder: ["met", "on_track", "at_risk", "off_track", "no_target", "no_data"],
} as const;

function scorecardSheet(view: ConsolidationView, note: string): ConsolidatedSheet {
  const { scorecard, period, catalog } = view;
  const order = SCORECARD_LAYOUT.progressOrder;
  const sheet = emptySheet("scorecard", [44, 12, 14, 14, 14, 16, 16, 10]);
  const lastCol = 2 + order.length;
  titleRows(
    sheet,
    {
      vi: `THẺ PHÂN LOẠI ${catalog.targets.length} CHỈ TIÊU — ${periodLabel(period, "vi")}`,
      en: `SCORECARD OF THE ${catalog.targets.length} TARGETS — ${periodLabel(period, "en")}`,
    },
    note,
    lastCol,
  );
  const header = (first: Bilingual): CellValue[][] => [
    [first.vi, ...order.map((p) => PROGRESS_LABELS[p].vi), "Tổng"],
    [first.en, ...order.map((p) => PROGRESS_LABELS[p].en), "Total"],
  ];
  const countsRow = (label: string, c: Record<string, number>): CellValue[] => [
    label,
    ...order.map((p) => c[p]),
    c.total,
  ];
  let r = SCORECARD_LAYOUT.groupHeader;
  const table = (title: Bilingual, rows: CellValue[][], total: CellValue[] | null): void => {
    sheet.blocks.push({ address: `A${r}`, values: [...header(title), ...rows, ...(total ? [total] : [])] });
    sheet.styles.push(
      { range: range(1, r, lastCol, r), style: "headerVi" },
      { range: range(1, r + 1, lastCol, r + 1), style: "headerEn" },
    );
    // the status headers take their status colour
    order.forEach((p, i) => sheet.styles.push({ range: range(2 + i, r, 2 + i, r + 1), style: `progress_${p}` }));
    const first = r + 2;
    const last = first + rows.length - 1;
    if (rows.length > 0) {
      sheet.styles.push(
        { range: range(1, first, 1, last), style: "cell" },
        { range: range(2, first, lastCol, last), style: "cellCenter" },
      );
    }
    if (total)
      sheet.styles.push(
        { range: range(1, last + 1, 1, last + 1), style: "totalLabel" },
        { range: range(2, last + 1, lastCol, last + 1), style: "total" },
      );
    r = last + (total ? 1 : 0) + 3;
  };
  table(
    { vi: "Nhóm chỉ tiêu", en: "Target group" },
    scorecard.byGroup.map((g) => countsRow(slash(g.name), g.counts)),
    countsRow("Tổng cộng / Total", scorecard.total),
  );
  table(
    { vi: "Điểm nghẽn (một chỉ tiêu có thể thuộc hai điểm nghẽn)", en: "Bottleneck (a target may watch two)" },
    scorecard.byBottleneck.map((b) => countsRow(slash(b.name), b.counts)),
    null,
  );
  // every target with its status
  const listHeader: CellValue[][] = [
    ["Chỉ tiêu", "Nhóm", "Điểm nghẽn", "Đánh giá"],
    ["Target", "Group", "Bottleneck", "Status"],
  ];
  const byId = new Map(catalog.targets.map((t) => [t.id, t]));
  const list: CellValue[][] = scorecard.targets.map((s) => [
    shortName(byId.get(s.targetId) as Target, 60),
    GROUP_NAMES[s.group].vi,
    s.bottlenecks.map((b) => BOTTLENECK_NAMES[b].vi).join(", ") || null,
    statusText(s.progress),
  ]);
  sheet.blocks.push({ address: `A${r}`, values: [...listHeader, ...list] });
  sheet.styles.push(
    { range: range(1, r, 4, r), style: "headerVi" },
    { range: range(1, r + 1, 4, r + 1), style: "headerEn" },
  );
  const first = r + 2;
  const last = first + list.length - 1;
  if (list.length > 0) {
    sheet.styles.push(
      { range: range(1, first, 3, last), style: "cell" },
      { range: range(4, first, 4, last), style: "status" },
    );
    sheet.conditionalFormats.push({ range: range(4, first, 4, last), rules: statusTextRules(addr(4, first)) });
  }
  sheet.print = { orientation: "portrait", paper: "A4", fitToWidth: true };
  return sheet;
}

// ---- BieuDo ----

export const CHART_LAYOUT = { firstRow: 4, rowsPerChart: 22, chartFirstColumn: "G", chartLastColumn: "R" } as const;

/** The ratio target most units reported (ties: catalog order), else the first target any unit reported. */
export function defaultSpreadTarget(view: ConsolidationView): string | null {
  const counts = new Map<string, number>();
  for (const c of view.matrix) if (c.figure !== null) counts.set(c.targetId, (counts.get(c.targetId) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const t of view.catalog.targets) {
    const n = counts.get(t.id) ?? 0;
    if (t.aggregation === "ratio_of_sums" && n > bestCount) {
      best = t.id;
      bestCount = n;
    }
  }
  if (best) return best;
  for (const t of view.catalog.targets) if ((counts.get(t.id) ?? 0) > 0) return t.id;
  return null;
}

/**
 * A figure as a share of its year's target (100 = on target), for the group charts: targets of one group have
 * different units (%, billion VND, counts), so each is drawn against its own target. null when either is missing.
 */
export function shareOfTarget(figure: number | null, target: number | null): number | null {
  if (figure === null || target === null || target === 0) return null;
  return (100 * figure) / target;
}

interface ChartRow {
  label: string;
  /** the charted series, in order */
  values: (number | null)[];
  /** shown in the table beside the charted columns, not charted */
  extra?: CellValue[];
}

function chartsSheet(view: ConsolidationView, note: string, opts: ConsolidatedOptions): ConsolidatedSheet {
  const { catalog, period } = view;
  const sheet = emptySheet("charts", [44, 14, 12, 14, 30, 3]);
  titleRows(
    sheet,
    { vi: `BIỂU ĐỒ — ${periodLabel(period, "vi")}`, en: `CHARTS — ${periodLabel(period, "en")}` },
    `${note} · Mỗi nhóm: giá trị thành phố tính theo % chỉ tiêu năm (100 = bằng chỉ tiêu; chỉ tiêu chưa có giá trị thì không vẽ) / ` +
      `per group: the city figure as a % of the year's target (100 = on target; no bar where no target is set).`,
    18,
  );
  const figures = new Map(view.figures.map((f) => [f.targetId, f]));
  let r = CHART_LAYOUT.firstRow;
  const place = (
    name: string,
    kind: ChartKind,
    title: string,
    header: string[],
    charted: number,
    rows: ChartRow[],
    colors: string[],
    height: number,
    formats: (string | null)[],
    axis?: string,
  ): void => {
    const last = r + rows.length;
    sheet.blocks.push({
      address: `A${r}`,
      values: [header, ...rows.map((x) => [x.label, ...x.values, ...(x.extra ?? [])])],
      numFmts: [header.map(() => null), ...rows.map(() => [null, ...formats])],
    });
    sheet.styles.push(
      { range: range(1, r, header.length, r), style: "headerVi" },
      ...(rows.length > 0
        ? [
            { range: range(1, r + 1, 1, last), style: "cell" as const },
            { range: range(2, r + 1, header.length, last), style: "figure" as const },
          ]
        : []),
    );
    if (rows.some((x) => x.values.some((v) => v !== null))) {
      sheet.charts.push({
        name,
        kind,
        title,
        dataRange: range(1, r, 1 + charted, last),
        categories: rows.map((x) => x.label),
        series: header
          .slice(1, 1 + charted)
          .map((h, i) => ({ name: h, values: rows.map((x) => x.values[i]), color: colors[i] })),
        anchor: `${CHART_LAYOUT.chartFirstColumn}${r}:${CHART_LAYOUT.chartLastColumn}${r + height - 2}`,
        ...(axis ? { valueAxisTitle: axis } : {}),
        ...(rows.every((x) => x.values.slice(0, charted).every((v) => v === null || v >= 0))
          ? { valueAxisMin: 0 }
          : {}),
      });
    } else {
      sheet.blocks.push({ address: `A${last + 1}`, values: [["Chưa có số liệu để vẽ / No figures to chart yet"]] });
      sheet.styles.push({ range: `A${last + 1}`, style: "legend" });
    }
    r += Math.max(height, rows.length + 4);
  };
  GROUP_IDS.forEach((g) => {
    const rows: ChartRow[] = catalog.targets
      .filter((t) => t.group === g && t.measure !== "milestone")
      .map((t) => {
        const yt = targetForPeriod(t, period);
        const target = yt.kind === "value" ? yt.value : null;
        const figure = figures.get(t.id)?.value ?? null;
        const share = shareOfTarget(figure, target);
        return {
          label: shortName(t, 40),
          values: [share, share === null ? null : 100],
          extra: [figure, target ?? "Chưa có chỉ tiêu / no target set"],
        };
      });
    place(
      `CT_chart_${g}`,
      "barClustered",
      `${GROUP_NAMES[g].vi}: thành phố so với chỉ tiêu (% chỉ tiêu năm) / ${GROUP_NAMES[g].en}: city against target (% of the year's target)`,
      [
        "Chỉ tiêu / Target",
        "Thành phố, % chỉ tiêu / City, % of target",
        "Chỉ tiêu = 100 / Target = 100",
        "Giá trị thành phố / City figure",
        `Chỉ tiêu ${period.year} / Target`,
      ],
      2,
      rows,
      [CHART_COLORS.figure, CHART_COLORS.target],
      CHART_LAYOUT.rowsPerChart,
      ["0.0", "0", "#,##0.0#", "#,##0.0#"],
      "% chỉ tiêu năm / % of the year's target",
    );
  });
  const spreadId = opts.spreadTargetId ?? defaultSpreadTarget(view);
  const spreadTarget = spreadId ? catalog.targets.find((t) => t.id === spreadId) : undefined;
  if (spreadTarget) {
    const names = new Map(view.units.map((u) => [u.code, u.name.vi]));
    const rows = view.matrix
      .filter((c) => c.targetId === spreadTarget.id && c.figure !== null)
      .map((c) => ({ label: `${c.unitCode} ${names.get(c.unitCode) ?? ""}`.trim(), values: [c.figure] }))
      .sort((a, b) => (b.values[0] as number) - (a.values[0] as number));
    const uom = unitOfMeasureFor(spreadTarget, period.year);
    place(
      `CT_chart_spread_${spreadTarget.id}`,
      "columnClustered",
      `${shortName(spreadTarget, 60)}: phân bố theo đơn vị / spread across units (${uom})`,
      ["Đơn vị / Unit", `${spreadTarget.id} (${uom})`],
      1,
      rows,
      [CHART_COLORS.spread],
      Math.max(CHART_LAYOUT.rowsPerChart, 26),
      [figureFormat(spreadTarget)],
      uom,
    );
  }
  sheet.print = { orientation: "landscape", paper: "A4", fitToWidth: true };
  return sheet;
}
