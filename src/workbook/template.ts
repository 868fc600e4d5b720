/**
 * The standard workbook template as plain data. `buildTemplateSpec` turns catalog + unit + period into a description
 * of every sheet, cell, style, named range, data validation, conditional format, protection and print setting —
 * no Office or ExcelJS type in it. `office/write-template.ts` and `xlsx/write-template.ts` both walk this spec, and
 * the readers find input cells through the names it defines (`CT_E01_value`), falling back to the target id in
 * column A when a name is gone.
 */
import { fitTemplateRowHeights } from "./row-heights";
import {
  GROUP_IDS,
  GROUP_NAMES,
  SOURCE_STATUS_NAMES,
  directionFor,
  entryFields,
  formatNumber,
  isRatioTarget,
  MILESTONE_LABELS,
  PROGRESS_LABELS,
  periodLabel,
  TEXT_LIMITS,
  ratioScale,
  targetForPeriod,
  reportTargets,
  assignedTarget,
  withAssigned,
  targetSourceFor,
  type ApplicabilityTable,
  type UnitTargetTable,
  unitOfMeasureFor,
  type Bilingual,
  type Catalog,
  type EntryField,
  type EntryInput,
  type Locale,
  type Period,
  type RawValue,
  type Target,
  type TargetProgress,
  type TargetValue,
  type Unit,
  type YearTarget,
} from "../domain";
import { identityToXml } from "./identity";
import type { TemplateIdentity } from "./port";

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

export type ValidationKind = "decimal" | "whole" | "list" | "textLength";

export interface ValidationSpec {
  address: string;
  kind: ValidationKind;
  min?: number;
  max?: number;
  list?: string[];
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
  role: "guide" | "unit" | "entry";
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
  /** default: the targets the unit's report asks for in the period (applicability and cadence, domain reportTargets) */
  targets?: Target[];
  /** the planners' unit × target choices (default: the catalog's applies_to) */
  applicability?: ApplicabilityTable;
  /** targets assigned to units: the unit's own is shown, with the decision that assigns it */
  unitTargets?: UnitTargetTable;
}

// ------------------------------------------------------------------------------------------------------------------
// Styles and texts
// ------------------------------------------------------------------------------------------------------------------

export const COLORS = {
  header: "1F4E78",
  headerEn: "DDEBF7",
  group: "D9E1F2",
  input: "FFF2CC",
  na: "EDEDED",
  computed: "E2EFDA",
  demo: "C00000",
  tabDemo: "C00000",
  tabEntry: "2F75B5",
  muted: "595959",
  white: "FFFFFF",
} as const;

export const STYLES: Record<StyleId, CellStyle> = {
  title: { bold: true, size: 14, locked: true },
  subtitle: { italic: true, fontColor: COLORS.muted, locked: true },
  hint: { italic: true, fontColor: COLORS.muted, wrap: false, locked: true },
  banner: { bold: true, size: 12, fontColor: COLORS.white, fill: COLORS.demo, locked: true },
  headerVi: {
    bold: true,
    fontColor: COLORS.white,
    fill: COLORS.header,
    wrap: true,
    hAlign: "center",
    vAlign: "middle",
    border: true,
    locked: true,
  },
  headerEn: {
    italic: true,
    fill: COLORS.headerEn,
    wrap: true,
    hAlign: "center",
    vAlign: "middle",
    border: true,
    locked: true,
  },
  group: { bold: true, fill: COLORS.group, locked: true },
  id: { bold: true, vAlign: "top", border: true, locked: true },
  label: { wrap: true, vAlign: "top", border: true, locked: true },
  labelEn: { italic: true, fontColor: COLORS.muted, wrap: true, vAlign: "top", border: true, locked: true },
  info: { wrap: true, vAlign: "top", hAlign: "center", border: true, locked: true },
  inputNumber: { fill: COLORS.input, vAlign: "top", border: true, numFmt: "General", locked: false },
  inputText: { fill: COLORS.input, wrap: true, vAlign: "top", border: true, locked: false },
  computed: { fill: COLORS.computed, vAlign: "top", border: true, numFmt: "0.0#", locked: true },
  na: { fill: COLORS.na, hAlign: "center", vAlign: "top", fontColor: COLORS.muted, border: true, locked: true },
  status: { hAlign: "center", vAlign: "top", wrap: true, border: true, locked: true },
  check: { wrap: true, vAlign: "top", border: true, fontColor: "9C0006", locked: true },
  guideTitle: { bold: true, size: 14, locked: true },
  guideText: { wrap: true, vAlign: "top", locked: true },
  guideTextEn: { italic: true, wrap: true, vAlign: "top", fontColor: COLORS.muted, locked: true },
};

const NO_TARGET: Bilingual = { vi: "Chưa có chỉ tiêu", en: "no target set" };
const NOT_APPLICABLE = "—";

const HEADERS: Record<EntryColumn, Bilingual> = {
  id: { vi: "Mã", en: "ID" },
  name: { vi: "Chỉ tiêu", en: "Target" },
  unitOfMeasure: { vi: "Đơn vị tính", en: "Unit" },
  target: { vi: "Chỉ tiêu năm", en: "Target for the year" },
  termTarget: { vi: "Mục tiêu 2030", en: "2030 target" },
  sourceStatus: { vi: "Tình trạng nguồn chỉ tiêu", en: "Target source status" },
  value: { vi: "Giá trị thực hiện", en: "Value" },
  numerator: { vi: "Tử số", en: "Numerator" },
  denominator: { vi: "Mẫu số", en: "Denominator" },
  milestone: { vi: "Tiến độ mốc", en: "Milestone" },
  status: { vi: "Đánh giá", en: "Status" },
  justification: { vi: "Giải trình", en: "Justification" },
  evidence: { vi: "Nguồn số liệu, minh chứng", en: "Data source, evidence" },
  responsible: { vi: "Người chịu trách nhiệm", en: "Responsible person" },
  check: { vi: "Kết quả kiểm tra", en: "Check result" },
};

/** The header texts of an entry column (rows 4 and 5), by which a reader finds a column that was moved. */
export function entryHeader(column: EntryColumn): Bilingual {
  return HEADERS[column];
}

const COLUMN_WIDTHS: Record<EntryColumn, number> = {
  id: 6,
  name: 46,
  unitOfMeasure: 12,
  target: 14,
  termTarget: 12,
  sourceStatus: 18,
  value: 13,
  numerator: 13,
  denominator: 13,
  milestone: 16,
  status: 16,
  justification: 32,
  evidence: 24,
  responsible: 18,
  check: 36,
};

const UNIT_LABELS: Record<UnitField, Bilingual> = {
  unitCode: { vi: "Mã đơn vị", en: "Unit code" },
  unitName: { vi: "Tên đơn vị", en: "Unit name" },
  period: { vi: "Kỳ báo cáo", en: "Report period" },
  templateVersion: { vi: "Phiên bản mẫu", en: "Template version" },
  catalogVersion: { vi: "Phiên bản danh mục chỉ tiêu", en: "Target catalog version" },
  demo: { vi: "Dữ liệu trình diễn", en: "Demo data" },
  locale: { vi: "Kiểu ghi số (vi: 1.234,5 — en: 1,234.5)", en: "Number style (vi: 1.234,5 — en: 1,234.5)" },
  preparer: { vi: "Người lập biểu", en: "Prepared by" },
  approver: { vi: "Người phê duyệt (thủ trưởng đơn vị)", en: "Approved by (head of unit)" },
  phone: { vi: "Số điện thoại liên hệ", en: "Contact phone" },
};

export const DEMO_BANNER: Bilingual = {
  vi: "DEMO — dữ liệu trình diễn, không phải báo cáo thật",
  en: "DEMO — demonstration data, not a real report",
};

const GUIDE: Bilingual[] = [
  { vi: "HƯỚNG DẪN ĐIỀN BÁO CÁO CHỈ TIÊU", en: "HOW TO FILL IN THE TARGET REPORT" },
  {
    vi: '1. Trang "DonVi": ghi người lập biểu, người phê duyệt và số điện thoại (rõ người). Mã đơn vị và kỳ báo cáo đã ghi sẵn, không sửa.',
    en: '1. Sheet "DonVi": enter who prepared and who approved the report and a phone number. The unit code and period are preset: do not change them.',
  },
  {
    vi: '2. Trang "Nhap": mỗi dòng là một chỉ tiêu đơn vị phải báo cáo. Chỉ điền vào các ô màu vàng; ô xám "—" không áp dụng cho chỉ tiêu đó.',
    en: '2. Sheet "Nhap": one row per target your unit reports. Fill only the yellow cells; a grey "—" cell does not apply to that target.',
  },
  {
    vi: "3. Chỉ tiêu tỷ lệ (%) tính theo tử số / mẫu số: ghi cả tử số và mẫu số (số liệu gốc), Chỉ tiêu tự tính tỷ lệ. Không ghi tỷ lệ % thay cho tử số.",
    en: "3. Ratio targets (%) are entered as numerator and denominator (the raw counts); the rate is computed. Do not type a percentage instead of the numerator.",
  },
  {
    vi: '4. Số thập phân ghi "12,5" hoặc "12.5" đều được; để trống nghĩa là chưa có số liệu (không phải số 0). Số đếm là số nguyên không âm.',
    en: '4. Decimals may be typed "12,5" or "12.5"; a blank cell means no figure yet (not zero). Counts are whole numbers ≥ 0.',
  },
  {
    vi: "5. Chỉ tiêu dạng mốc: chọn Chưa bắt đầu / Đang thực hiện / Hoàn thành trong danh sách.",
    en: "5. Milestone targets: pick Not started / In progress / Done from the list.",
  },
  {
    vi: '6. Cột "Chỉ tiêu năm" ghi chỉ tiêu của năm theo danh mục; "Chưa có chỉ tiêu" nghĩa là danh mục chưa có giá trị cho năm đó (mục tiêu 2030 chỉ để tham khảo). Cột "Tình trạng nguồn chỉ tiêu" cho biết chỉ tiêu đã xác minh hay còn tạm.',
    en: '6. "Target for the year" is the catalog\'s target for that year; "no target set" means the catalog has no value for the year (the 2030 target is for information). "Target source status" says whether the target is verified or provisional.',
  },
  {
    vi: '7. Khi số liệu không đạt hoặc có nguy cơ không đạt, ghi giải trình (nguyên nhân, giải pháp) ở cột "Giải trình"; ghi nguồn số liệu/minh chứng và người chịu trách nhiệm cho từng chỉ tiêu.',
    en: '7. When a figure is off track or at risk, write a justification (cause and remedy) in "Justification"; give the data source/evidence and the responsible person for every target.',
  },
  {
    vi: '8. Kiểm tra và gửi: trong Excel dùng bảng Chỉ tiêu (cột "Kết quả kiểm tra" ghi các lỗi); hoặc chạy `chitieu validate <tệp>` rồi `chitieu submit <tệp>`.',
    en: '8. Check and submit: in Excel use the Chỉ tiêu pane (the "Check result" column lists problems); or run `chitieu validate <file>` then `chitieu submit <file>`.',
  },
  {
    vi: "9. Không xoá, đổi tên trang tính, không sửa mã ở cột A và không xoá dòng chỉ tiêu. Có thể chèn thêm dòng trống để ghi chú.",
    en: "9. Do not delete or rename sheets, edit the ids in column A or delete target rows. You may insert blank rows for notes.",
  },
];

// ------------------------------------------------------------------------------------------------------------------
// Builder
// ------------------------------------------------------------------------------------------------------------------

function bi(b: Bilingual): string {
  return `${b.vi} / ${b.en}`;
}

function directionSymbol(t: Target, year: number): string {
  return ({ ">=": "≥", ">": ">", "<=": "≤", "<": "<", done_by: "" } as const)[directionFor(t, year)];
}

function dateLabel(iso: string, locale: Locale): string {
  const [y, m, d] = iso.split("-");
  return locale === "vi" ? `${d}/${m}/${y}` : iso;
}

/** "≥ 11", "< 4,5", "trước 31/12/2028", or "Chưa có chỉ tiêu / no target set" — never a number the catalog lacks. */
export function describeYearTarget(t: Target, yt: YearTarget, locale: Locale = "vi"): string {
  if (yt.kind === "value") return `${directionSymbol(t, yt.year)} ${formatNumber(yt.value, locale)}`;
  if (yt.kind === "date") return locale === "vi" ? `trước ${dateLabel(yt.date, "vi")}` : `by ${yt.date}`;
  return bi(NO_TARGET);
}

function describeTerm(t: Target, v: TargetValue | undefined, locale: Locale): string {
  if (v === undefined) return NOT_APPLICABLE;
  if (typeof v === "number") return `${directionSymbol(t, 2030)} ${formatNumber(v, locale)}`;
  return locale === "vi" ? `trước ${dateLabel(v, "vi")}` : `by ${v}`;
}

function validationFor(t: Target, field: EntryField): Omit<ValidationSpec, "address"> {
  const text = (vi: string, en: string, title: Bilingual) => ({ title: title.vi, text: `${vi}\n${en}` });
  const numTitle: Bilingual = { vi: "Số liệu", en: "Figure" };
  const errTitle: Bilingual = { vi: "Giá trị không hợp lệ", en: "Invalid value" };
  if (field === "milestone") {
    const list = MILESTONE_LABELS.map((m) => m.vi);
    return {
      kind: "list",
      list,
      prompt: text(`Chọn: ${list.join(" / ")}.`, `Pick: ${MILESTONE_LABELS.map((m) => m.en).join(" / ")}.`, {
        vi: "Tiến độ mốc",
        en: "Milestone",
      }),
      error: text(`Chỉ chọn một trong: ${list.join(", ")}.`, "Pick one value from the list.", errTitle),
    };
  }
  if (field === "justification" || field === "evidence" || field === "responsible") {
    const label = HEADERS[field];
    // the rules' and the endpoint's own limit for this field (TEXT_LIMITS), so the cell stops what they would refuse
    const max = TEXT_LIMITS[field];
    return {
      kind: "textLength",
      min: 0,
      max,
      prompt: text(`${label.vi}: tối đa ${max} ký tự.`, `${label.en}: at most ${max} characters.`, label),
      error: text(`Nội dung dài quá ${max} ký tự.`, `The text is longer than ${max} characters.`, errTitle),
    };
  }
  if (field === "numerator" || field === "denominator") {
    const label = field === "numerator" ? t.numeratorLabel : t.denominatorLabel;
    const vi = `${field === "numerator" ? "Tử số" : "Mẫu số"}${label ? `: ${label}` : ""}. Số không âm${field === "denominator" ? ", lớn hơn 0" : ""}.`;
    const en = `${field === "numerator" ? "Numerator" : "Denominator"}: a number ≥ 0${field === "denominator" ? ", above 0" : ""}.`;
    return {
      kind: "decimal",
      min: 0,
      prompt: text(vi, en, numTitle),
      error: text("Phải là số không âm (ví dụ 1250 hoặc 12,5).", "Must be a number ≥ 0 (e.g. 1250 or 12.5).", errTitle),
    };
  }
  switch (t.measure) {
    case "percent":
      return {
        kind: "decimal",
        min: 0,
        max: 100,
        prompt: text(
          "Tỷ lệ phần trăm từ 0 đến 100 (ví dụ 12,5 nghĩa là 12,5%).",
          "A percentage from 0 to 100 (12.5 means 12.5%).",
          numTitle,
        ),
        error: text("Tỷ lệ phải từ 0 đến 100.", "The percentage must be between 0 and 100.", errTitle),
      };
    case "rate":
      return {
        kind: "decimal",
        min: -100,
        max: 1000,
        prompt: text(
          "Tốc độ tăng (%), có thể âm, từ -100 đến 1000.",
          "Growth rate (%), may be negative, from -100 to 1000.",
          numTitle,
        ),
        error: text(
          "Tốc độ tăng phải từ -100 đến 1000 (%).",
          "The growth rate must be between -100 and 1000 (%).",
          errTitle,
        ),
      };
    case "count":
      return {
        kind: "whole",
        min: 0,
        prompt: text("Số nguyên không âm (ví dụ 125).", "A whole number ≥ 0 (e.g. 125).", numTitle),
        error: text("Phải là số nguyên không âm.", "Must be a whole number ≥ 0.", errTitle),
      };
    default:
      return {
        kind: "decimal",
        min: 0,
        prompt: text("Số không âm (ví dụ 12,5).", "A number ≥ 0 (e.g. 12.5).", numTitle),
        error: text("Phải là số không âm.", "Must be a number ≥ 0.", errTitle),
      };
  }
}

function rawToCell(v: RawValue | undefined): string | number | boolean | null {
  if (v === undefined || v === null) return null;
  return v;
}

export const STATUS_FORMATS: Record<Exclude<TargetProgress, "no_data">, { fill: string; fontColor: string }> = {
  met: { fill: "C6EFCE", fontColor: "006100" },
  on_track: { fill: "DDEBF7", fontColor: "1F4E78" },
  at_risk: { fill: "FFEB9C", fontColor: "9C5700" },
  off_track: { fill: "FFC7CE", fontColor: "9C0006" },
  no_target: { fill: "EDEDED", fontColor: "595959" },
};

/** The text written into the status column for a progress (its Vietnamese label, English beneath). */
export function statusText(progress: TargetProgress): string {
  const l = PROGRESS_LABELS[progress];
  return `${l.vi}\n${l.en}`;
}

export function buildTemplateSpec(opts: TemplateOptions): TemplateSpec {
  const { catalog, unit, period } = opts;
  const locale = opts.locale ?? "vi";
  const demo = opts.demo ?? unit.demo;
  const targets = opts.targets ?? reportTargets(catalog, unit, period, opts.applicability);
  const identity: TemplateIdentity = {
    templateVersion: TEMPLATE_VERSION,
    catalogVersion: catalog.version,
    unitCode: unit.code,
    period: period.id,
    demo,
  };
  const values = new Map((opts.values ?? []).map((e) => [e.targetId, e]));
  const names: NameSpec[] = [];
  const title: Bilingual = {
    vi: `BÁO CÁO THỰC HIỆN CHỈ TIÊU — ${unit.name.vi} (${unit.code}) — ${periodLabel(period, "vi")}`,
    en: `TARGET REPORT — ${unit.name.en} (${unit.code}) — ${periodLabel(period, "en")}`,
  };

  // ---- guide ----
  const guideCells: CellSpec[] = [];
  let gr = 1;
  GUIDE.forEach((g, i) => {
    guideCells.push({ address: `A${gr++}`, value: g.vi, style: i === 0 ? "guideTitle" : "guideText" });
    guideCells.push({ address: `A${gr++}`, value: g.en, style: i === 0 ? "guideTextEn" : "guideTextEn" });
    gr++;
  });
  const guide: SheetSpec = {
    name: SHEET_NAMES.guide,
    role: "guide",
    ...(demo ? { tabColor: COLORS.tabDemo } : {}),
    columnWidths: [110],
    cells: guideCells,
    merges: [],
    validations: [],
    conditionalFormats: [],
    print: { orientation: "portrait", paper: "A4", fitToWidth: true },
    protect: true,
  };

  // ---- unit sheet ----
  const unitValues: Record<UnitField, string | null> = {
    unitCode: unit.code,
    unitName: unit.name.vi,
    period: period.id,
    templateVersion: TEMPLATE_VERSION,
    catalogVersion: catalog.version,
    demo: demo ? "có / yes" : "không / no",
    locale,
    preparer: opts.unitInfo?.preparer ?? null,
    approver: opts.unitInfo?.approver ?? null,
    phone: opts.unitInfo?.phone ?? null,
  };
  const unitCells: CellSpec[] = [
    { address: "A1", value: `THÔNG TIN ĐƠN VỊ BÁO CÁO — ${periodLabel(period, "vi")}`, style: "title" },
    { address: "A2", value: `Reporting unit — ${periodLabel(period, "en")}`, style: "subtitle" },
  ];
  const unitValidations: ValidationSpec[] = [];
  for (const f of UNIT_FIELDS) {
    const row = UNIT_FIRST_ROW + UNIT_FIELDS.indexOf(f);
    const input = UNIT_INPUTS.includes(f);
    unitCells.push({ address: `A${row}`, value: UNIT_LABELS[f].vi, style: "label" });
    unitCells.push({ address: `B${row}`, value: UNIT_LABELS[f].en, style: "labelEn" });
    unitCells.push({
      address: `${UNIT_VALUE_COLUMN}${row}`,
      value: unitValues[f],
      style: input ? "inputText" : "label",
    });
    names.push({ name: unitName(f), sheet: SHEET_NAMES.unit, address: `${UNIT_VALUE_COLUMN}${row}` });
    if (f === "locale") {
      unitValidations.push({
        address: `${UNIT_VALUE_COLUMN}${row}`,
        kind: "list",
        list: ["vi", "en"],
        prompt: { title: "Kiểu ghi số", text: "vi: 1.234,5 (dấu phẩy thập phân)\nen: 1,234.5 (decimal point)" },
        error: { title: "Giá trị không hợp lệ", text: "Chọn vi hoặc en.\nPick vi or en." },
      });
    } else if (input) {
      unitValidations.push({
        address: `${UNIT_VALUE_COLUMN}${row}`,
        kind: "textLength",
        min: 0,
        max: 200,
        prompt: {
          title: UNIT_LABELS[f].vi.replace(/ \(.*$/, ""),
          text: `${UNIT_LABELS[f].vi} (bắt buộc).\n${UNIT_LABELS[f].en} (required).`,
        },
        error: { title: "Giá trị không hợp lệ", text: "Tối đa 200 ký tự.\nAt most 200 characters." },
      });
    }
  }
  const unitSheet: SheetSpec = {
    name: SHEET_NAMES.unit,
    role: "unit",
    ...(demo ? { tabColor: COLORS.tabDemo } : {}),
    columnWidths: [36, 30, 40, 20],
    cells: unitCells,
    merges: [],
    validations: unitValidations,
    conditionalFormats: [],
    print: { orientation: "portrait", paper: "A4", fitToWidth: true },
    protect: true,
    hiddenRows: UNIT_HIDDEN.map((f) => UNIT_FIRST_ROW + UNIT_FIELDS.indexOf(f)),
  };

  // ---- entry sheet ----
  const C = ENTRY_COLUMNS;
  const cols = Object.keys(C) as EntryColumn[];
  const lastCol = C.check;
  const cells: CellSpec[] = [
    { address: `A${ENTRY_ROWS.title}`, value: title.vi, style: "title" },
    { address: `A${ENTRY_ROWS.subtitle}`, value: title.en, style: "subtitle" },
    demo
      ? { address: `A${ENTRY_ROWS.banner}`, value: bi(DEMO_BANNER), style: "banner" }
      : {
          address: `A${ENTRY_ROWS.banner}`,
          value:
            "Chỉ điền vào ô màu vàng; để trống = chưa có số liệu. / Fill the yellow cells only; blank = no figure yet.",
          style: "hint",
        },
  ];
  for (const c of cols) {
    cells.push({
      address: `${C[c]}${ENTRY_ROWS.headerVi}`,
      value: c === "target" ? `${HEADERS[c].vi} ${period.year}` : HEADERS[c].vi,
      style: "headerVi",
    });
    cells.push({
      address: `${C[c]}${ENTRY_ROWS.headerEn}`,
      value: c === "target" ? `${HEADERS[c].en} ${period.year}` : HEADERS[c].en,
      style: "headerEn",
    });
  }
  const merges = [
    `A${ENTRY_ROWS.title}:${lastCol}${ENTRY_ROWS.title}`,
    `A${ENTRY_ROWS.subtitle}:${lastCol}${ENTRY_ROWS.subtitle}`,
    `A${ENTRY_ROWS.banner}:${lastCol}${ENTRY_ROWS.banner}`,
  ];
  const validations: ValidationSpec[] = [];
  const rows: Record<string, number> = {};
  const fieldsOf: Record<string, EntryField[]> = {};
  let r = ENTRY_ROWS.firstData;
  const byGroup = GROUP_IDS.map((g) => ({ g, list: targets.filter((t) => t.group === g) })).filter(
    (x) => x.list.length > 0,
  );
  byGroup.forEach(({ g, list }, gi) => {
    cells.push({
      address: `A${r}`,
      value: `${String.fromCharCode(65 + gi)}. ${GROUP_NAMES[g].vi} / ${GROUP_NAMES[g].en}`,
      style: "group",
    });
    merges.push(`A${r}:${lastCol}${r}`);
    r++;
    for (const t of list) {
      // a target assigned to the unit (Decision 5969/QĐ-UBND) replaces the city's, and says so
      const assigned = assignedTarget(opts.unitTargets, unit.code, t.id, period.year);
      const yt = targetForPeriod(assigned ? withAssigned(t, assigned) : t, period);
      const fields = entryFields(t);
      const given = values.get(t.id);
      rows[t.id] = r;
      fieldsOf[t.id] = fields;
      cells.push({ address: `${C.id}${r}`, value: t.id, style: "id" });
      cells.push({ address: `${C.name}${r}`, value: `${t.name.vi}\n${t.name.en}`, style: "label" });
      cells.push({ address: `${C.unitOfMeasure}${r}`, value: unitOfMeasureFor(t, period.year), style: "info" });
      const described = describeYearTarget(assigned ? withAssigned(t, assigned) : t, yt, locale);
      cells.push({
        address: `${C.target}${r}`,
        value: assigned ? `${described}\n${bi(targetSourceFor(t, assigned))}` : described,
        style: "info",
      });
      cells.push({
        address: `${C.termTarget}${r}`,
        value: describeTerm(t, t.targetByYear[2030], locale),
        style: "info",
      });
      cells.push({
        address: `${C.sourceStatus}${r}`,
        value: `${SOURCE_STATUS_NAMES[t.status].vi}\n${SOURCE_STATUS_NAMES[t.status].en}`,
        style: "labelEn",
      });
      for (const f of ["value", "numerator", "denominator", "milestone"] as const) {
        const address = `${C[f]}${r}`;
        if (fields.includes(f)) {
          cells.push({ address, value: rawToCell(given?.[f]), style: f === "milestone" ? "inputText" : "inputNumber" });
        } else if (f === "value" && isRatioTarget(t)) {
          const n = `${C.numerator}${r}`;
          const d = `${C.denominator}${r}`;
          const scale = ratioScale(t);
          cells.push({
            address,
            value: null,
            formula: `IF(AND(ISNUMBER(${n}),ISNUMBER(${d}),${d}>0),${n}/${d}${scale === 1 ? "" : `*${scale}`},"")`,
            style: "computed",
          });
        } else {
          cells.push({ address, value: NOT_APPLICABLE, style: "na" });
        }
      }
      cells.push({ address: `${C.status}${r}`, value: null, style: "status" });
      for (const f of ["justification", "evidence", "responsible"] as const) {
        const v = given?.[f];
        cells.push({ address: `${C[f]}${r}`, value: v === undefined || v === null ? null : v, style: "inputText" });
      }
      cells.push({ address: `${C.check}${r}`, value: null, style: "check" });
      for (const f of fields) {
        names.push({ name: entryName(t.id, f), sheet: SHEET_NAMES.entry, address: `${C[f]}${r}` });
        validations.push({ address: `${C[f]}${r}`, ...validationFor(t, f) });
      }
      r++;
    }
  });
  const lastRow = Math.max(r - 1, ENTRY_ROWS.firstData);
  const statusRules: ConditionalTextRule[] = (Object.keys(STATUS_FORMATS) as (keyof typeof STATUS_FORMATS)[]).map(
    (p) => ({
      text: PROGRESS_LABELS[p].vi,
      ...STATUS_FORMATS[p],
    }),
  );
  const entrySheet: SheetSpec = {
    name: SHEET_NAMES.entry,
    role: "entry",
    tabColor: demo ? COLORS.tabDemo : COLORS.tabEntry,
    columnWidths: cols.map((c) => COLUMN_WIDTHS[c]),
    cells,
    merges,
    validations,
    conditionalFormats: [{ range: `${C.status}${ENTRY_ROWS.firstData}:${C.status}${lastRow}`, rules: statusRules }],
    freeze: { rows: ENTRY_ROWS.headerEn, columns: 2 },
    print: {
      orientation: "landscape",
      paper: "A4",
      titleRows: [ENTRY_ROWS.headerVi, ENTRY_ROWS.headerEn],
      fitToWidth: true,
    },
    protect: true,
  };

  for (const sheet of [guide, unitSheet, entrySheet]) sheet.rowHeights = fitTemplateRowHeights(sheet, STYLES);
  return {
    identity,
    locale,
    styles: STYLES,
    sheets: [guide, unitSheet, entrySheet],
    names,
    entry: { sheet: SHEET_NAMES.entry, rows, fields: fieldsOf, firstRow: ENTRY_ROWS.firstData, lastRow },
    customXml: identityToXml(identity),
  };
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

/** Column letter(s) → 1-based index ("A" → 1, "AA" → 27). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

/** 1-based index → column letters. */
export function columnLetters(index: number): string {
  let s = "";
  let n = index;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "G12" → { column: "G", row: 12 } */
export function splitAddress(address: string): { column: string; row: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(address);
  if (!m) throw new Error(`not a cell address: ${address}`);
  return { column: m[1], row: Number(m[2]) };
}
