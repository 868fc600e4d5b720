/** buildTemplateSpec: catalog + unit + period → the guide, unit and entry sheets, names and identity. */
import { fitTemplateRowHeights } from "../row-heights";
import { periodLabel, reportTargets, type Locale } from "../../domain";
import { identityToXml, type TemplateIdentity } from "../identity";
import { entrySheet } from "./entry-sheet";
import { narrativeSheet } from "./narrative-sheet";
import { taskSheet } from "./task-sheet";
import {
  ENTRY_ROWS,
  SHEET_NAMES,
  TEMPLATE_VERSION,
  UNIT_FIELDS,
  UNIT_FIRST_ROW,
  UNIT_HIDDEN,
  UNIT_INPUTS,
  UNIT_VALUE_COLUMN,
  type UnitField,
} from "./layout";
import { unitName } from "./names";
import type { CellSpec, NameSpec, SheetSpec, TemplateOptions, TemplateSpec, ValidationSpec } from "./spec";
import { COLORS, STYLES } from "./styles";
import { GUIDE, UNIT_LABELS } from "./texts";
import { unitValidation } from "./validation";

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
  const names: NameSpec[] = [];
  const guide = guideSheet(demo);
  const unitSheet = unitInfoSheet(opts, locale, demo, names);
  const entry = entrySheet(opts, targets, locale, demo, names);
  const sheets = [guide, unitSheet, entry.sheet];
  for (const sheet of sheets) sheet.rowHeights = fitTemplateRowHeights(sheet, STYLES);
  // after the entry sheet, so its names keep their order; its own row heights (tall input rows) are set by it
  sheets.push(narrativeSheet(period, demo, opts.narrative, names));
  const tasks = taskSheet(period, demo, opts.tasks ?? [], opts.taskProgress, names);
  tasks.rowHeights = fitTemplateRowHeights(tasks, STYLES);
  sheets.push(tasks);
  return {
    identity,
    locale,
    styles: STYLES,
    sheets,
    names,
    entry: {
      sheet: SHEET_NAMES.entry,
      rows: entry.rows,
      fields: entry.fields,
      firstRow: ENTRY_ROWS.firstData,
      lastRow: entry.lastRow,
    },
    customXml: identityToXml(identity),
  };
}

/** HuongDan: how to fill the report, each paragraph in Vietnamese with English beneath. */
function guideSheet(demo: boolean): SheetSpec {
  const guideCells: CellSpec[] = [];
  let gr = 1;
  GUIDE.forEach((g, i) => {
    guideCells.push({ address: `A${gr++}`, value: g.vi, style: i === 0 ? "guideTitle" : "guideText" });
    guideCells.push({ address: `A${gr++}`, value: g.en, style: i === 0 ? "guideTextEn" : "guideTextEn" });
    gr++;
  });
  return {
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
}

/** DonVi: label vi (A), label en (B), value (C) per unit field; its names are pushed onto `names`. */
function unitInfoSheet(opts: TemplateOptions, locale: Locale, demo: boolean, names: NameSpec[]): SheetSpec {
  const { catalog, unit, period } = opts;
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
    const validation = unitValidation(f, `${UNIT_VALUE_COLUMN}${row}`);
    if (validation) unitValidations.push(validation);
  }
  return {
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
}
