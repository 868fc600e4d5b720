/** The defined names of input cells (CT_E01_value, CT_unitCode…) and the cell a target's field is in. */
import type { EntryField } from "../../domain";
import { ENTRY_COLUMNS, type UnitField } from "./layout";
import type { TemplateSpec } from "./spec";

const ENTRY_NAMES = new Map<string, Map<EntryField, string>>();
/** Defined name of a target's input cell: CT_E01_value, CT_S01_numerator, CT_U11_milestone, CT_E01_justification. */
export function entryName(targetId: string, field: EntryField): string {
  // memoized without building a key: readers look names up hundreds of times per workbook
  let byField = ENTRY_NAMES.get(targetId);
  if (byField === undefined) {
    byField = new Map();
    ENTRY_NAMES.set(targetId, byField);
  }
  let name = byField.get(field);
  if (name === undefined) {
    name = `CT_${targetId}_${field}`;
    byField.set(field, name);
  }
  return name;
}

export function unitName(field: UnitField): string {
  return `CT_${field}`;
}
const ENTRY_NAME_RE = /^CT_([A-Z]\d{2,3})_(value|numerator|denominator|milestone|justification|evidence|responsible)$/;
export function parseEntryName(name: string): { targetId: string; field: EntryField } | null {
  const m = ENTRY_NAME_RE.exec(name);
  return m ? { targetId: m[1], field: m[2] as EntryField } : null;
}

/** "Nhap!G12" for a target's input field in a spec; undefined when the field is not an input of that target. */
export function cellOf(spec: Pick<TemplateSpec, "entry">, targetId: string, field: EntryField): string | undefined {
  const row = spec.entry.rows[targetId];
  if (row === undefined || !spec.entry.fields[targetId]?.includes(field)) return undefined;
  return `${spec.entry.sheet}!${ENTRY_COLUMNS[field]}${row}`;
}

/** `cellOf` bound to a spec, in the shape ValidationContext.cellOf expects. */
export function cellMap(
  spec: Pick<TemplateSpec, "entry">,
): (targetId: string, field: EntryField) => string | undefined {
  return (targetId, field) => cellOf(spec, targetId, field);
}
