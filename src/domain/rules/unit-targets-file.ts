/**
 * Assigned unit targets as a spreadsheet the product writes for planners (`chitieu targets template`) and reads back
 * (`check`, `import`). Columns: unit_code, unit_name, target_id, target_name, unit_of_measure, year, city_target,
 * target, direction, decision. The planner fills `target` (and `decision`, e.g. 5969/QĐ-UBND; `direction` only where
 * it differs from the catalog's); a row left without a target is skipped. unit_name, target_name, unit_of_measure
 * and city_target are for people and ignored. Numbers: "12,5" or "12.5". A file with any bad row is refused whole.
 */
import type { Catalog, Direction, Period, UnitRegistry } from "../types";
import { directionFor, isCatalogYear, targetForYear, unitOfMeasureFor } from "../catalog/catalog";
import { makePeriod } from "../periods/periods";
import { toCsv } from "../catalog/csv";
import { parseNumber } from "./number";
import { reportScope, type ApplicabilityTable } from "./applicability";
import {
  cellMessage,
  parseTable,
  parseTableCsv,
  targetCell,
  unitCodeCell,
  type TableResult,
  type TableSpec,
} from "./table-file";
import type { AssignedTarget, UnitTargetTable } from "./unit-targets";

export const UNIT_TARGET_COLUMNS = [
  "unit_code",
  "unit_name",
  "target_id",
  "target_name",
  "unit_of_measure",
  "year",
  "city_target",
  "target",
  "direction",
  "decision",
];

const DIRECTIONS: Direction[] = [">=", ">", "<=", "<"];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function spec(catalog: Catalog, units: UnitRegistry): TableSpec<AssignedTarget | "skip"> {
  const seen = new Map<string, number>();
  return {
    required: ["unit_code", "target_id", "year", "target", "decision"],
    optional: ["direction"],
    ignored: ["unit_name", "target_name", "unit_of_measure", "city_target"],
    row(cell, row, out) {
      const raw = cell("target");
      if (raw === "") return "skip";
      const before = out.issues.length;
      const unitCode = unitCodeCell(cell, row, units, out);
      const { targetId, target } = targetCell(cell, row, catalog, out);
      const yearText = cell("year");
      const year = Number(yearText);
      if (!isCatalogYear(year))
        out.add(
          row,
          "year",
          "bad_year",
          cellMessage(
            row,
            "year",
            `"${yearText}" không phải năm từ 2026 đến 2030.`,
            `"${yearText}" is not a year from 2026 to 2030.`,
          ),
        );
      let value: number | string | null = null;
      if (target?.measure === "milestone") {
        if (ISO_DATE.test(raw)) value = raw;
        else
          out.add(
            row,
            "target",
            "bad_date",
            cellMessage(
              row,
              "target",
              `"${raw}" không phải ngày. Mốc hoàn thành ghi năm-tháng-ngày, ví dụ 2027-12-31.`,
              `"${raw}" is not a date. Write a milestone as year-month-day, e.g. 2027-12-31.`,
            ),
          );
      } else {
        const n = parseNumber(raw, "vi");
        if (n.kind === "number") value = n.value;
        else
          out.add(
            row,
            "target",
            "not_a_number",
            cellMessage(
              row,
              "target",
              `"${raw}" không phải là số. Hãy ghi một số, ví dụ 12,5 hoặc 1200.`,
              `"${raw}" is not a number. Write a number, e.g. 12.5 or 1200.`,
            ),
          );
      }
      const dirText = cell("direction");
      if (dirText !== "" && !(DIRECTIONS as string[]).includes(dirText))
        out.add(
          row,
          "direction",
          "bad_direction",
          cellMessage(
            row,
            "direction",
            `"${dirText}" không hợp lệ. Hãy dùng >=, >, <=, < hoặc để trống (theo danh mục).`,
            `"${dirText}" is not valid. Use >=, >, <=, < or leave it empty (the catalog's).`,
          ),
        );
      const decision = cell("decision");
      if (decision === "")
        out.add(
          row,
          "decision",
          "missing_decision",
          cellMessage(
            row,
            "decision",
            "chưa ghi văn bản giao chỉ tiêu. Hãy ghi số quyết định, ví dụ 5969/QĐ-UBND.",
            "the decision that assigns the target is missing. Write its number, e.g. 5969/QĐ-UBND.",
          ),
        );
      const k = `${unitCode}|${targetId}|${yearText}`;
      const first = seen.get(k);
      if (first !== undefined)
        out.add(
          row,
          "target_id",
          "duplicate_row",
          cellMessage(
            row,
            "target_id",
            `đơn vị ${unitCode}, chỉ tiêu ${targetId}, năm ${yearText} đã có ở dòng ${first}. Hãy giữ một dòng.`,
            `unit ${unitCode}, target ${targetId}, year ${yearText} is already on row ${first}. Keep one row.`,
          ),
        );
      else seen.set(k, row);
      if (out.issues.length > before || value === null) return null;
      return { unitCode, targetId, year, value, direction: dirText === "" ? null : (dirText as Direction), decision };
    },
  };
}

const kept = (r: TableResult<AssignedTarget | "skip">): TableResult<AssignedTarget> =>
  r.ok ? { ok: true, rows: r.rows.filter((x): x is AssignedTarget => x !== "skip") } : r;

export function parseUnitTargetRows(rows: readonly (readonly unknown[])[], catalog: Catalog, units: UnitRegistry) {
  return kept(parseTable(rows, spec(catalog, units)));
}

export function parseUnitTargetCsv(text: string, catalog: Catalog, units: UnitRegistry) {
  return kept(parseTableCsv(text, spec(catalog, units)));
}

/**
 * The sheet for planners to fill for a year: one row per unit and target that applies to it that year (the
 * catalog's applies_to and the planners' table), with the city's target beside it and what is assigned already.
 */
export function unitTargetTemplateRows(
  catalog: Catalog,
  units: UnitRegistry,
  year: number,
  assigned: UnitTargetTable = { entries: [] },
  applicability?: ApplicabilityTable,
): string[][] {
  const period: Period = makePeriod("year", year, 1);
  const have = new Map(assigned.entries.map((e) => [`${e.unitCode}|${e.targetId}|${e.year}`, e]));
  const rows: string[][] = [UNIT_TARGET_COLUMNS];
  for (const u of units.all()) {
    if (u.demo) continue;
    for (const t of reportScope(catalog, u, period, applicability).applicable) {
      const yt = targetForYear(t, year);
      const city = yt.kind === "value" ? `${directionFor(t, year)} ${yt.value}` : yt.kind === "date" ? yt.date : "";
      const a = have.get(`${u.code}|${t.id}|${year}`);
      rows.push([
        u.code,
        u.name.vi,
        t.id,
        t.name.vi,
        unitOfMeasureFor(t, year),
        String(year),
        city,
        a ? String(a.value) : "",
        a?.direction ?? "",
        a?.decision ?? "",
      ]);
    }
  }
  return rows;
}

export function unitTargetsToCsv(rows: string[][]): string {
  return toCsv(rows);
}
