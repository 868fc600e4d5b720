/**
 * The small machinery shared by the planners' spreadsheets (applicability, assigned unit targets): a header row
 * found by column names (any order, extra informative columns ignored), every bad row listed with its row number
 * (1-based, header = the first filled row), column and a message in vi and en; a file with any problem is refused
 * whole.
 */
import type { Bilingual, Catalog, CatalogIssue, Target, UnitRegistry } from "../types";
import { parseCsv } from "../catalog/csv";
import { catalogIndex } from "../catalog/catalog";
import { cleanCell } from "../catalog/load";

export type TableIssue = CatalogIssue;

export type TableResult<T> = { ok: true; rows: T[] } | { ok: false; issues: TableIssue[] };

const clean = cleanCell;

export class TableIssues {
  readonly issues: TableIssue[] = [];
  add(row: number, column: string, code: string, message: Bilingual): void {
    this.issues.push({ row, column, code, message });
  }
}

export interface TableSpec<T> {
  required: readonly string[];
  optional: readonly string[];
  /** informative columns the product writes and ignores on reading (names of units and targets) */
  ignored: readonly string[];
  /** one data row → a value, or null after adding its issues */
  row(cell: (column: string) => string, rowNo: number, out: TableIssues): T | null;
}

/** Rows (header first; blank rows skipped) → every parsed row, or every problem. */
export function parseTable<T>(rows: readonly (readonly unknown[])[], spec: TableSpec<T>): TableResult<T> {
  const out = new TableIssues();
  const headerAt = rows.findIndex((r) => r.some((c) => clean(c) !== ""));
  const expected = spec.required.join(", ");
  if (headerAt === -1) {
    out.add(1, "", "empty_file", {
      vi: `Tệp trống. Hãy dùng tệp có dòng tiêu đề (${expected}) và mỗi dòng một mục.`,
      en: `The file is empty. Use a file with a header row (${expected}) and one row per item.`,
    });
    return { ok: false, issues: out.issues };
  }
  const header = rows[headerAt]!.map((c) => clean(c).toLowerCase());
  const known = new Set([...spec.required, ...spec.optional, ...spec.ignored]);
  const position = new Map<string, number>();
  header.forEach((name, i) => {
    if (name === "" || position.has(name)) return;
    if (!known.has(name))
      out.add(headerAt + 1, name, "unknown_column", {
        vi: `Cột "${name}" không thuộc mẫu. Hãy xóa hoặc đổi tên (các cột: ${[...known].join(", ")}).`,
        en: `Column "${name}" is not one of the template's. Remove or rename it (columns: ${[...known].join(", ")}).`,
      });
    else position.set(name, i);
  });
  for (const c of spec.required)
    if (!position.has(c))
      out.add(headerAt + 1, c, "missing_column", {
        vi: `Thiếu cột "${c}" ở dòng tiêu đề. Hãy thêm cột này (các cột: ${expected}).`,
        en: `Column "${c}" is missing from the header row. Add it (columns: ${expected}).`,
      });
  if (out.issues.length > 0) return { ok: false, issues: out.issues };
  const parsed: T[] = [];
  for (let r = headerAt + 1; r < rows.length; r++) {
    const cells = rows[r]!.map(clean);
    if (cells.every((c) => c === "")) continue;
    const value = spec.row(
      (c) => {
        const i = position.get(c);
        return i === undefined ? "" : (cells[i] ?? "");
      },
      r + 1,
      out,
    );
    if (value !== null) parsed.push(value);
  }
  return out.issues.length > 0 ? { ok: false, issues: out.issues } : { ok: true, rows: parsed };
}

export function parseTableCsv<T>(text: string, spec: TableSpec<T>): TableResult<T> {
  const { rows, unclosedQuoteAt } = parseCsv(text.normalize("NFC"));
  if (unclosedQuoteAt !== null)
    return {
      ok: false,
      issues: [
        {
          row: unclosedQuoteAt,
          column: "",
          code: "unclosed_quote",
          message: {
            vi: `Dòng ${unclosedQuoteAt}: dấu ngoặc kép mở mà không đóng. Hãy lưu lại tệp từ Excel dưới dạng CSV UTF-8.`,
            en: `Row ${unclosedQuoteAt}: a double quote is opened and never closed. Save the file again from Excel as CSV UTF-8.`,
          },
        },
      ],
    };
  return parseTable(rows, spec);
}

/** The usual "row R, column C: value — why. fix" message pair. */
export function cellMessage(row: number, column: string, vi: string, en: string): Bilingual {
  return { vi: `Dòng ${row}, cột ${column}: ${vi}`, en: `Row ${row}, column ${column}: ${en}` };
}

/** The row's unit code, checked against the registry (units are matched by code, never by name). */
export function unitCodeCell(cell: (c: string) => string, row: number, units: UnitRegistry, out: TableIssues): string {
  const unitCode = cell("unit_code");
  if (!units.byCode(unitCode))
    out.add(
      row,
      "unit_code",
      "unknown_unit",
      cellMessage(
        row,
        "unit_code",
        `mã đơn vị "${unitCode}" không có trong danh sách. Hãy ghi đúng mã (5 chữ số với phường, xã; ví dụ 00004).`,
        `unit code "${unitCode}" is not in the list of units. Write the code (5 digits for wards and communes, e.g. 00004).`,
      ),
    );
  return unitCode;
}

/** The row's target id and its target, checked against the catalog. */
export function targetCell(
  cell: (c: string) => string,
  row: number,
  catalog: Catalog,
  out: TableIssues,
): { targetId: string; target: Target | undefined } {
  const targetId = cell("target_id");
  const target = catalogIndex(catalog).byId.get(targetId);
  if (!target)
    out.add(
      row,
      "target_id",
      "unknown_target",
      cellMessage(
        row,
        "target_id",
        `mã chỉ tiêu "${targetId}" không có trong danh mục. Hãy dùng mã như E10, S02, U13.`,
        `target id "${targetId}" is not in the catalog. Use an id such as E10, S02 or U13.`,
      ),
    );
  return { targetId, target };
}
