/** TongHop: the city figure per target in the template's own layout (same columns A–K and rows as "Nhap"). */
import {
  periodLabel,
  targetForPeriod,
  unitOfMeasureFor,
  type Bilingual,
  type CityFigure,
  type Target,
  type Unit,
} from "../../domain";
import type { ConsolidationView } from "../../domain/scorecard";
import {
  ENTRY_COLUMNS,
  ENTRY_ROWS,
  buildTemplateSpec,
  columnIndex,
  describeYearTarget,
  splitAddress,
  statusText,
} from "../template";
import { addr, emptySheet, milestoneText, range, statusTextRules, titleRows } from "./cells";
import type { CellValue, ConsolidatedSheet } from "./spec";
import { AGGREGATION_NAMES, bi, figureFormat } from "./styles";

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

export function summarySheet(view: ConsolidationView, note: string): ConsolidatedSheet {
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
        summaryNote(f, unitName),
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

/**
 * The last column: no data (never 0), and the units that answered "không áp dụng" — counted apart, neither missing
 * nor 0, as in the endpoint's consolidation (issue #14).
 */
function summaryNote(f: CityFigure | undefined, unitName: Map<string, string>): string | null {
  const notes: string[] = [];
  if (f && f.value === null && f.milestone === null)
    notes.push("Chưa có số liệu — không tính là 0 / No data — not counted as zero");
  const na = f?.unitsNotApplicable ?? [];
  if (na.length > 0) {
    const names = na.map((code) => `${code} ${unitName.get(code) ?? ""}`.trim());
    notes.push(`Không áp dụng / Not applicable — ${na.length}: ${names.join(", ")}`);
  }
  return notes.length > 0 ? notes.join("\n") : null;
}
