/** Nhap, the entry sheet: title, banner, headers, then one row per target under its group. */
import {
  GROUP_IDS,
  GROUP_NAMES,
  SOURCE_STATUS_NAMES,
  entryFields,
  isRatioTarget,
  PROGRESS_LABELS,
  periodLabel,
  ratioScale,
  targetForPeriod,
  assignedTarget,
  applicabilityOf,
  withAssigned,
  targetSourceFor,
  unitOfMeasureFor,
  unitOfMeasureEnFor,
  type Bilingual,
  type EntryField,
  type EntryInput,
  type Locale,
  type Target,
  type RawValue,
} from "../../domain";
import { bi, describeTerm, describeYearTarget } from "./describe";
import { ENTRY_COLUMNS, ENTRY_ROWS, type EntryColumn, SHEET_NAMES } from "./layout";
import { entryName } from "./names";
import type { CellSpec, ConditionalTextRule, NameSpec, SheetSpec, TemplateOptions, ValidationSpec } from "./spec";
import { COLORS, STATUS_FORMATS } from "./styles";
import { COLUMN_WIDTHS, DEMO_BANNER, HEADERS, NOT_APPLICABLE } from "./texts";
import { validationFor } from "./validation";

/** The title, banner and two header rows of the entry sheet. */
function entryHeadCells(opts: TemplateOptions, demo: boolean): CellSpec[] {
  const { unit, period } = opts;
  const title: Bilingual = {
    vi: `BÁO CÁO THỰC HIỆN CHỈ TIÊU — ${unit.name.vi} (${unit.code}) — ${periodLabel(period, "vi")}`,
    en: `TARGET REPORT — ${unit.name.en} (${unit.code}) — ${periodLabel(period, "en")}`,
  };
  const C = ENTRY_COLUMNS;
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
  for (const c of Object.keys(C) as EntryColumn[]) {
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
  return cells;
}

/** What the entry sheet's target rows add up to: cells, names and validations, and where each target went. */
interface EntryRowsOut {
  cells: CellSpec[];
  names: NameSpec[];
  validations: ValidationSpec[];
  rows: Record<string, number>;
  fields: Record<string, EntryField[]>;
  /** the values to write, by target id (opts.values) */
  given: ReadonlyMap<string, EntryInput>;
}

/** One target's row `r` of the entry sheet: its cells, and a name and a validation per input field. */
function targetRow(opts: TemplateOptions, t: Target, r: number, locale: Locale, out: EntryRowsOut): void {
  const { unit, period } = opts;
  const C = ENTRY_COLUMNS;
  const cells = out.cells;
  // a target assigned to the unit (Decision 5969/QĐ-UBND) replaces the city's, and says so
  const assigned = assignedTarget(opts.unitTargets, unit.code, t.id, period.year);
  const yt = targetForPeriod(assigned ? withAssigned(t, assigned) : t, period);
  const fields = entryFields(t);
  const given = out.given.get(t.id);
  out.rows[t.id] = r;
  out.fields[t.id] = fields;
  cells.push({ address: `${C.id}${r}`, value: t.id, style: "id" });
  cells.push({ address: `${C.name}${r}`, value: `${t.name.vi}\n${t.name.en}`, style: "label" });
  // the unit of measure in the template's language (the catalog's unit_en in English)
  const uom = locale === "en" ? unitOfMeasureEnFor(t, period.year) : unitOfMeasureFor(t, period.year);
  cells.push({ address: `${C.unitOfMeasure}${r}`, value: uom, style: "info" });
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
  // N/A may be typed in the figure's cell unless a planner made the target always required for the unit
  const notApplicable = !applicabilityOf(t, unit, period, opts.applicability).alwaysRequired;
  for (const f of fields) {
    out.names.push({ name: entryName(t.id, f), sheet: SHEET_NAMES.entry, address: `${C[f]}${r}` });
    out.validations.push({ address: `${C[f]}${r}`, ...validationFor(t, f, { notApplicable }) });
  }
}

/** Nhap: the head rows, then one row per target under its group's row; its names are pushed onto `names`. */
export function entrySheet(
  opts: TemplateOptions,
  targets: readonly Target[],
  locale: Locale,
  demo: boolean,
  names: NameSpec[],
): { sheet: SheetSpec; rows: Record<string, number>; fields: Record<string, EntryField[]>; lastRow: number } {
  const C = ENTRY_COLUMNS;
  const lastCol = C.check;
  const out: EntryRowsOut = {
    cells: entryHeadCells(opts, demo),
    names,
    validations: [],
    rows: {},
    fields: {},
    given: new Map((opts.values ?? []).map((e) => [e.targetId, e])),
  };
  const merges = [
    `A${ENTRY_ROWS.title}:${lastCol}${ENTRY_ROWS.title}`,
    `A${ENTRY_ROWS.subtitle}:${lastCol}${ENTRY_ROWS.subtitle}`,
    `A${ENTRY_ROWS.banner}:${lastCol}${ENTRY_ROWS.banner}`,
  ];
  let r = ENTRY_ROWS.firstData;
  const byGroup = GROUP_IDS.map((g) => ({ g, list: targets.filter((t) => t.group === g) })).filter(
    (x) => x.list.length > 0,
  );
  byGroup.forEach(({ g, list }, gi) => {
    out.cells.push({
      address: `A${r}`,
      value: `${String.fromCharCode(65 + gi)}. ${GROUP_NAMES[g].vi} / ${GROUP_NAMES[g].en}`,
      style: "group",
    });
    merges.push(`A${r}:${lastCol}${r}`);
    r++;
    for (const t of list) targetRow(opts, t, r++, locale, out);
  });
  const lastRow = Math.max(r - 1, ENTRY_ROWS.firstData);
  const statusRules: ConditionalTextRule[] = (Object.keys(STATUS_FORMATS) as (keyof typeof STATUS_FORMATS)[]).map(
    (p) => ({
      text: PROGRESS_LABELS[p].vi,
      ...STATUS_FORMATS[p],
    }),
  );
  const sheet: SheetSpec = {
    name: SHEET_NAMES.entry,
    role: "entry",
    tabColor: demo ? COLORS.tabDemo : COLORS.tabEntry,
    columnWidths: (Object.keys(C) as EntryColumn[]).map((c) => COLUMN_WIDTHS[c]),
    cells: out.cells,
    merges,
    validations: out.validations,
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
  return { sheet, rows: out.rows, fields: out.fields, lastRow };
}

function rawToCell(v: RawValue | undefined): string | number | boolean | null {
  if (v === undefined || v === null) return null;
  return v;
}
