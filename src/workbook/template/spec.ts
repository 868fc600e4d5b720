/** The template as plain data: the types both writers walk (no Office or ExcelJS type). */
import type {
  ApplicabilityTable,
  UnitTargetTable,
  Catalog,
  EntryField,
  EntryInput,
  Locale,
  Narrative,
  TaskProgress,
  UnitTask,
  Period,
  Target,
  Unit,
} from "../../domain";
import type { TemplateIdentity } from "../identity";

// ------------------------------------------------------------------------------------------------------------------
// Spec types
// ------------------------------------------------------------------------------------------------------------------

export type StyleId =
  | "title"
  | "subtitle"
  | "hint"
  | "banner"
  | "headerVi"
  | "headerEn"
  | "group"
  | "id"
  | "label"
  | "labelEn"
  | "info"
  | "inputNumber"
  | "inputText"
  | "computed"
  | "na"
  | "status"
  | "check"
  | "guideTitle"
  | "guideText"
  | "guideTextEn";

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  /** "RRGGBB" */
  fontColor?: string;
  fill?: string;
  wrap?: boolean;
  hAlign?: "left" | "center" | "right";
  vAlign?: "top" | "middle";
  numFmt?: string;
  border?: boolean;
  /** false for input cells: they stay editable on a protected sheet */
  locked: boolean;
}

export interface CellSpec {
  /** "G12" (the sheet is the enclosing SheetSpec) */
  address: string;
  value: string | number | boolean | null;
  /** without the leading "=", in English function names and "," separators (what both writers expect) */
  formula?: string;
  style: StyleId;
}

export type ValidationKind = "decimal" | "whole" | "list" | "textLength" | "custom";

export interface ValidationSpec {
  address: string;
  kind: ValidationKind;
  min?: number;
  max?: number;
  list?: string[];
  /**
   * kind "custom" (a figure that may be answered "not applicable"): a number of this kind within min..max, or
   * `không áp dụng` / `N/A` in any case. The formula for a cell is `customFormula(v, address)` (validation.ts).
   */
  number?: "decimal" | "whole";
  prompt: { title: string; text: string };
  error: { title: string; text: string };
}

export interface ConditionalTextRule {
  /** the cell contains this text (case-insensitive) */
  text: string;
  fill: string;
  fontColor: string;
}

export interface ConditionalFormatSpec {
  range: string;
  rules: ConditionalTextRule[];
}

export interface SheetSpec {
  name: string;
  role: "guide" | "unit" | "entry" | "narrative" | "tasks";
  tabColor?: string;
  /** widths in characters, from column A */
  columnWidths: number[];
  cells: CellSpec[];
  merges: string[];
  validations: ValidationSpec[];
  conditionalFormats: ConditionalFormatSpec[];
  freeze?: { rows: number; columns: number };
  print: { orientation: "landscape" | "portrait"; paper: "A4"; titleRows?: [number, number]; fitToWidth: boolean };
  /** protect without password; locked cells read-only, unlocked cells (inputs) editable */
  protect: boolean;
  /** row → height in points, for rows whose wrapped text needs more than one line (row-heights.ts) */
  rowHeights?: Record<number, number>;
  /** rows kept out of view (still read): internal facts such as the catalog's hash */
  hiddenRows?: number[];
}

export interface NameSpec {
  name: string;
  sheet: string;
  address: string;
}

/** Where each target's row is on the entry sheet, and which of its fields are inputs. */
export interface EntryLayout {
  sheet: string;
  rows: Record<string, number>;
  fields: Record<string, EntryField[]>;
  firstRow: number;
  lastRow: number;
}

export interface TemplateSpec {
  identity: TemplateIdentity;
  /** how ambiguous numbers such as "1.234" are read (stored on the unit sheet, the clerk may change it) */
  locale: Locale;
  styles: Record<StyleId, CellStyle>;
  sheets: SheetSpec[];
  names: NameSpec[];
  entry: EntryLayout;
  /** the identity part, exactly as both writers store it (namespace TEMPLATE_NS) */
  customXml: string;
}

export interface TemplateOptions {
  catalog: Catalog;
  unit: Unit;
  period: Period;
  locale?: Locale;
  /** default: unit.demo */
  demo?: boolean;
  /** figures to put into the input cells (carry-over, demo sample data, tests) */
  values?: EntryInput[];
  unitInfo?: Partial<Record<"preparer" | "approver" | "phone", string>>;
  /** the narrative's four parts, written into ThuyetMinh (demo data, a report loaded from the endpoint, tests) */
  narrative?: Partial<Narrative>;
  /** the key tasks the unit leads or co-owns in the period (domain tasksForUnit); none: the sheet says so */
  tasks?: readonly UnitTask[];
  /** progress to put into the task sheet's inputs (a report loaded from the endpoint, demo data, tests) */
  taskProgress?: readonly TaskProgress[];
  /** default: the targets the unit's report asks for in the period (applicability and cadence, domain reportTargets) */
  targets?: Target[];
  /** the planners' unit × target choices (default: the catalog's applies_to) */
  applicability?: ApplicabilityTable;
  /** targets assigned to units: the unit's own is shown, with the decision that assigns it */
  unitTargets?: UnitTargetTable;
}
