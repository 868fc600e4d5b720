/** MaTran: the unit × target matrix — figures, then statuses, coloured by rules reading the status block. */
import { MILESTONE_LABELS, PROGRESS_LABELS, periodLabel, unitOfMeasureEnFor, type TargetProgress } from "../../domain";
import type { ConsolidationView } from "../../domain/scorecard";
import { addr, emptySheet, lit, range, titleRows } from "./cells";
import type { CellValue, ConsolidatedSheet, ExpressionRule } from "./spec";
import { PROGRESS_FORMATS, figureFormat } from "./styles";

// ---- MaTran ----

export const MATRIX_LAYOUT = { headerVi: 4, headerEn: 5, firstData: 6, firstTargetColumn: 3 } as const;

/** Matrix columns (figures and statuses) printed per page across: about what stays legible on A4 landscape. */
const MATRIX_COLUMNS_PER_PAGE = 24;

export function matrixSheet(view: ConsolidationView, note: string): ConsolidatedSheet {
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
    headerEn.push(unitOfMeasureEnFor(t, period.year));
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
