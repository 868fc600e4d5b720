/**
 * The standard workbook template as plain data. `buildTemplateSpec` turns catalog + unit + period into a description
 * of every sheet, cell, style, named range, data validation, conditional format, protection and print setting —
 * no Office or ExcelJS type in it. `office/write-template.ts` and `xlsx/write-template.ts` both walk this spec, and
 * the readers find input cells through the names it defines (`CT_E01_value`), falling back to the target id in
 * column A when a name is gone.
 */
export {
  TEMPLATE_VERSION,
  SHEET_NAMES,
  ENTRY_COLUMNS,
  ENTRY_ROWS,
  UNIT_FIELDS,
  UNIT_INPUTS,
  UNIT_FIRST_ROW,
  UNIT_HIDDEN,
  UNIT_VALUE_COLUMN,
  unitCellAddress,
  type EntryColumn,
  type UnitField,
} from "./layout";
export { cellMap, cellOf, entryName, parseEntryName, unitName } from "./names";
export type {
  CellSpec,
  CellStyle,
  ConditionalFormatSpec,
  ConditionalTextRule,
  EntryLayout,
  NameSpec,
  SheetSpec,
  StyleId,
  TemplateOptions,
  TemplateSpec,
  ValidationKind,
  ValidationSpec,
} from "./spec";
export { COLORS, STATUS_FORMATS, STYLES, statusText } from "./styles";
export { DEMO_BANNER, entryHeader } from "./texts";
export { describeYearTarget } from "./describe";
export { customFormula, NOT_APPLICABLE_LABEL, NOT_APPLICABLE_WORDS } from "./validation";
export { buildTemplateSpec } from "./build";
export { NARRATIVE_SHEET, narrativeAddress, narrativeName } from "./narrative-sheet";
export { TASK_SHEET, TASK_FIRST_ROW, TASK_COLUMNS_AT, TASK_INPUTS, taskName, parseTaskName } from "./task-sheet";
export { columnIndex, columnLetters, splitAddress } from "../a1";
