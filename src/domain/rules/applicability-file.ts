/**
 * The planners' applicability table as a spreadsheet (CSV, or the first sheet of an .xlsx): one row per choice.
 * Columns: unit_code, target_id, state (applies | not_applicable | always_required, or in Vietnamese: áp dụng |
 * không áp dụng | bắt buộc), from (the first period it holds for: 2026-01, 2026-Q1, 2026-H1, 2026), note.
 * unit_name and target_name are written for people and ignored on reading. Units are matched by code, never by name.
 * A file with any bad row is refused whole, every bad row listed (table-file.ts).
 */
import type { Catalog, UnitRegistry } from "../types";
import { catalogIndex } from "../catalog/catalog";
import { parsePeriod } from "../periods/periods";
import { toneKey } from "../text";
import { toCsv } from "../catalog/csv";
import type { ApplicabilityEntry, ApplicabilityState, ApplicabilityTable } from "./applicability";
import {
  cellMessage,
  parseTable,
  parseTableCsv,
  targetCell,
  unitCodeCell,
  type TableResult,
  type TableSpec,
} from "./table-file";

export const APPLICABILITY_COLUMNS = ["unit_code", "unit_name", "target_id", "target_name", "state", "from", "note"];

const STATE_WORDS = new Map<string, ApplicabilityState>([
  ["applies", "applies"],
  ["not_applicable", "not_applicable"],
  ["always_required", "always_required"],
  [toneKey("áp dụng"), "applies"],
  [toneKey("không áp dụng"), "not_applicable"],
  [toneKey("bắt buộc"), "always_required"],
]);

function spec(catalog: Catalog, units: UnitRegistry): TableSpec<ApplicabilityEntry> {
  const seen = new Map<string, number>();
  return {
    required: ["unit_code", "target_id", "state", "from"],
    optional: ["note"],
    ignored: ["unit_name", "target_name"],
    row(cell, row, out) {
      const before = out.issues.length;
      const unitCode = unitCodeCell(cell, row, units, out);
      const { targetId } = targetCell(cell, row, catalog, out);
      const stateText = cell("state");
      const state = STATE_WORDS.get(stateText.includes("_") ? stateText.toLowerCase() : toneKey(stateText));
      if (!state)
        out.add(
          row,
          "state",
          "bad_state",
          cellMessage(
            row,
            "state",
            `"${stateText}" không hợp lệ. Hãy ghi "áp dụng", "không áp dụng" hoặc "bắt buộc" (applies, not_applicable, always_required).`,
            `"${stateText}" is not valid. Write applies, not_applicable or always_required ("áp dụng", "không áp dụng", "bắt buộc").`,
          ),
        );
      const from = cell("from");
      if (!parsePeriod(from))
        out.add(
          row,
          "from",
          "bad_period",
          cellMessage(
            row,
            "from",
            `"${from}" không phải kỳ báo cáo. Hãy ghi kỳ đầu tiên áp dụng: 2026-01, 2026-Q1, 2026-H1 hoặc 2026.`,
            `"${from}" is not a period. Write the first period it holds for: 2026-01, 2026-Q1, 2026-H1 or 2026.`,
          ),
        );
      const key = `${unitCode}|${targetId}|${from}`;
      const first = seen.get(key);
      if (first !== undefined)
        out.add(
          row,
          "from",
          "duplicate_row",
          cellMessage(
            row,
            "from",
            `đơn vị ${unitCode}, chỉ tiêu ${targetId}, từ kỳ ${from} đã có ở dòng ${first}. Hãy giữ một dòng.`,
            `unit ${unitCode}, target ${targetId}, from ${from} is already on row ${first}. Keep one row.`,
          ),
        );
      else seen.set(key, row);
      if (out.issues.length > before || !state) return null;
      const note = cell("note");
      return { unitCode, targetId, state, from, note: note === "" ? null : note };
    },
  };
}

export function parseApplicabilityRows(
  rows: readonly (readonly unknown[])[],
  catalog: Catalog,
  units: UnitRegistry,
): TableResult<ApplicabilityEntry> {
  return parseTable(rows, spec(catalog, units));
}

export function parseApplicabilityCsv(
  text: string,
  catalog: Catalog,
  units: UnitRegistry,
): TableResult<ApplicabilityEntry> {
  return parseTableCsv(text, spec(catalog, units));
}

/** The table as rows with the unit's and target's names beside the codes (for people; ignored on reading). */
export function applicabilityToRows(table: ApplicabilityTable, catalog: Catalog, units: UnitRegistry): string[][] {
  const byId = catalogIndex(catalog).byId;
  return [
    APPLICABILITY_COLUMNS,
    ...table.entries.map((e) => [
      e.unitCode,
      units.byCode(e.unitCode)?.name.vi ?? "",
      e.targetId,
      byId.get(e.targetId)?.name.vi ?? "",
      e.state,
      e.from,
      e.note ?? "",
    ]),
  ];
}

export function applicabilityToCsv(table: ApplicabilityTable, catalog: Catalog, units: UnitRegistry): string {
  return toCsv(applicabilityToRows(table, catalog, units));
}
