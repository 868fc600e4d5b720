/**
 * Carrying a report's figures over to the current template (another template or catalog version, or a repaired
 * sheet): values move by target id and field, never by position. What has no place in the new template is listed,
 * not silently lost.
 */
import type { Bilingual, EntryField, EntryInput, RawValue } from "../domain";
import { ENTRY_COLUMNS, SHEET_NAMES, unitCellAddress, type CellSpec, type TemplateSpec } from "./template";
import { ENTRY_FIELDS } from "../domain/entry-fields";

export interface CarrySource {
  entries: EntryInput[];
  unitSheet?: { preparer: string | null; approver: string | null; phone: string | null };
}

export interface DroppedValue {
  targetId: string;
  field: EntryField;
  value: RawValue;
  reason: Bilingual;
}

export interface CarryOverResult {
  spec: TemplateSpec;
  /** "E01.value", "S01.numerator", "DonVi.preparer"… */
  carried: string[];
  dropped: DroppedValue[];
}

const FIELDS: readonly EntryField[] = ENTRY_FIELDS;

function present(v: RawValue): boolean {
  return v !== null && v !== undefined && !(typeof v === "string" && v.trim() === "");
}

/** A copy of `spec` with the old workbook's figures in the input cells of the same targets and fields. */
export function carryOver(old: CarrySource, spec: TemplateSpec): CarryOverResult {
  const carried: string[] = [];
  const dropped: DroppedValue[] = [];
  const updates = new Map<string, CellSpec["value"]>(); // "Nhap!G12" → value
  for (const e of old.entries) {
    const row = spec.entry.rows[e.targetId];
    const fields = spec.entry.fields[e.targetId];
    for (const f of FIELDS) {
      const v = e[f];
      if (!present(v)) continue;
      if (row === undefined || !fields) {
        dropped.push({
          targetId: e.targetId,
          field: f,
          value: v,
          reason: {
            vi: `Chỉ tiêu ${e.targetId} không còn trong mẫu hiện hành của đơn vị.`,
            en: `Target ${e.targetId} is not in the unit's current template.`,
          },
        });
        continue;
      }
      if (!fields.includes(f)) {
        dropped.push({
          targetId: e.targetId,
          field: f,
          value: v,
          reason: {
            vi: `Mẫu hiện hành nhập chỉ tiêu ${e.targetId} theo ${fields.filter((x) => x !== "justification" && x !== "evidence" && x !== "responsible").join(" + ")}, không có ô "${f}".`,
            en: `The current template takes ${e.targetId} as ${fields.filter((x) => x !== "justification" && x !== "evidence" && x !== "responsible").join(" + ")}; it has no "${f}" cell.`,
          },
        });
        continue;
      }
      updates.set(`${SHEET_NAMES.entry}!${ENTRY_COLUMNS[f]}${row}`, v as CellSpec["value"]);
      carried.push(`${e.targetId}.${f}`);
    }
  }
  if (old.unitSheet) {
    for (const f of ["preparer", "approver", "phone"] as const) {
      const v = old.unitSheet[f];
      if (!present(v)) continue;
      updates.set(`${SHEET_NAMES.unit}!${unitCellAddress(f)}`, v);
      carried.push(`${SHEET_NAMES.unit}.${f}`);
    }
  }
  const sheets = spec.sheets.map((s) => ({
    ...s,
    cells: s.cells.map((c) => {
      const key = `${s.name}!${c.address}`;
      return updates.has(key) ? { ...c, value: updates.get(key) ?? null } : c;
    }),
  }));
  return { spec: { ...spec, sheets }, carried, dropped };
}
