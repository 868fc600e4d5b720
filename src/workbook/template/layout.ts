/** Where things are in the template: its version, sheet names, entry columns and rows, the unit sheet's fields. */

/** Bumped whenever the layout, names or validations change; readers of an older layout offer `carryOver`. */
export const TEMPLATE_VERSION = "1";

export const SHEET_NAMES = { guide: "HuongDan", unit: "DonVi", entry: "Nhap" } as const;

/** Columns of the entry sheet. Input columns are value … milestone and justification … responsible. */
export const ENTRY_COLUMNS = {
  id: "A",
  name: "B",
  unitOfMeasure: "C",
  target: "D",
  termTarget: "E",
  sourceStatus: "F",
  value: "G",
  numerator: "H",
  denominator: "I",
  milestone: "J",
  status: "K",
  justification: "L",
  evidence: "M",
  responsible: "N",
  check: "O",
} as const;
export type EntryColumn = keyof typeof ENTRY_COLUMNS;

export const ENTRY_ROWS = { title: 1, subtitle: 2, banner: 3, headerVi: 4, headerEn: 5, firstData: 6 } as const;

/** The unit sheet: label (vi) in A, label (en) in B, value in C. */
export const UNIT_FIELDS = [
  "unitCode",
  "unitName",
  "period",
  "templateVersion",
  "catalogVersion",
  "demo",
  "locale",
  "preparer",
  "approver",
  "phone",
] as const;
export type UnitField = (typeof UNIT_FIELDS)[number];
export const UNIT_INPUTS: readonly UnitField[] = ["locale", "preparer", "approver", "phone"];
export const UNIT_FIRST_ROW = 3;
/** Unit-sheet facts only programs need (the identity part holds them too): hidden, never shown to the clerk. */
export const UNIT_HIDDEN: readonly UnitField[] = ["templateVersion", "catalogVersion"];
export const UNIT_VALUE_COLUMN = "C";

export function unitCellAddress(field: UnitField): string {
  return `${UNIT_VALUE_COLUMN}${UNIT_FIRST_ROW + UNIT_FIELDS.indexOf(field)}`;
}
