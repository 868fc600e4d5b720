/**
 * One target's view in the form: its target (the unit's own when one is assigned), where that target comes from,
 * its inputs with their issues, and the "not applicable" answer (issue #14) — all from the domain's rules, with the
 * planner choices and assigned targets the template was built with, so the form and the sheet agree.
 */
import {
  PROGRESS_LABELS,
  SOURCE_STATUS_NAMES,
  applicabilityOf,
  appliedTarget,
  assignedTarget,
  entryFields,
  isNotApplicableText,
  parseMilestone,
  primaryField,
  targetForPeriod,
  unitOfMeasureEnFor,
  unitOfMeasureFor,
  withAssigned,
  type EntryField,
  type EntryInput,
  type Period,
  type RawValue,
  type Target,
  type TargetProgress,
  type Unit,
  type ValidationIssue,
} from "../../../domain";
import { describeYearTarget } from "../../../workbook/template";
import type { I18n } from "../../i18n";
import type { ReportTables } from "../../hooks/useReport";
import type { EntryFieldView, EntryRowView, FieldValidationState, NotApplicableView } from "./EntryForm.types";
import { recentView } from "../recent-values/recent-view";
import type { HistoryPoint } from "../../hooks/useUnitHistory";
import "../../i18n/sections/applicability";

export const INPUT_FIELDS: readonly EntryField[] = ["value", "numerator", "denominator", "milestone"];

/** The issue's field: the path's third element ("entries", target, field), as validate() writes it. */
export function issueField(issue: ValidationIssue): EntryField | null {
  const f = issue.path[2];
  return typeof f === "string" ? (f as EntryField) : null;
}

function displayRaw(raw: RawValue, i18n: I18n): string {
  if (raw === null || raw === undefined) return "";
  if (typeof raw === "number") return i18n.num(raw);
  return String(raw);
}

function fieldState(
  issues: ValidationIssue[],
  i18n: I18n,
): { state: FieldValidationState; message: string | undefined } {
  const shown = issues.filter((i) => i.severity !== "warning" || !i.justified);
  if (shown.length === 0) return { state: "none", message: undefined };
  const state: FieldValidationState = shown.some((i) => i.severity === "error")
    ? "error"
    : shown.some((i) => i.severity === "warning")
      ? "warning"
      : "none";
  const order = { error: 0, warning: 1, info: 2 } as const;
  const message = [...shown]
    .sort((a, b) => order[a.severity] - order[b.severity])
    .map((i) => i18n.b(i.message))
    .join(" ");
  return { state, message };
}

function labelFor(target: Target, field: EntryField, unit: string, i18n: I18n): string {
  const { t } = i18n;
  const en = i18n.locale === "en";
  const text =
    field === "value"
      ? t("form.value", { unit })
      : field === "numerator"
        ? target.numeratorLabel
          ? t("form.numerator", { label: (en ? target.numeratorLabelEn : null) ?? target.numeratorLabel })
          : t("form.numeratorPlain")
        : field === "denominator"
          ? target.denominatorLabel
            ? t("form.denominator", { label: (en ? target.denominatorLabelEn : null) ?? target.denominatorLabel })
            : t("form.denominatorPlain")
          : field === "milestone"
            ? t("form.milestone")
            : field === "evidence"
              ? t("form.evidence")
              : field === "responsible"
                ? t("form.responsible")
                : field;
  return `${target.id} · ${text}`;
}

export interface RowInput {
  target: Target;
  entry: EntryInput;
  issues: ValidationIssue[];
  progress: TargetProgress;
  detailsOpen: boolean;
  period: Period;
  i18n: I18n;
  unit: Unit | null;
  tables: ReportTables | undefined;
  /** the unit's own points of the earlier periods (oldest first), when they are known */
  history?: readonly HistoryPoint[] | undefined;
}

/** Which target applies and where it comes from, in the pane's language. */
function appliedText(input: RowInput): string {
  const { target, period, unit, tables, i18n } = input;
  if (!unit) return "";
  const applied = appliedTarget(target, unit, period, tables?.unitTargets);
  if (applied.source === "assigned") return i18n.t("form.applied.assigned", { decision: applied.decision ?? "" });
  if (applied.source === "none") return i18n.t("form.applied.none");
  return i18n.t(applied.judged ? "form.applied.city" : "form.applied.cityTotal");
}

function notApplicableView(input: RowInput, view: (f: EntryField) => EntryFieldView): NotApplicableView {
  const { target, entry, period, unit, tables, i18n } = input;
  const a = unit ? applicabilityOf(target, unit, period, tables?.applicability) : null;
  const allowed = !a?.alwaysRequired;
  const checked = isNotApplicableText(entry[primaryField(target) as "value"] ?? null);
  const selects =
    a?.source === "catalog" && target.appliesTo.some((r) => r.kind === unit?.kind && r.plannerSelects === true);
  return {
    allowed,
    checked,
    toggleLabel: i18n.t("form.na.toggle", { target: target.id }),
    reason:
      allowed && checked ? { ...view("justification"), label: i18n.t("form.na.reason", { target: target.id }) } : null,
    note: !allowed ? i18n.t("form.na.required") : selects && !checked ? i18n.t("form.na.plannerSelects") : null,
  };
}

export function rowView(input: RowInput): EntryRowView {
  const { target, entry, issues, progress, period, i18n, unit, tables } = input;
  const fields = entryFields(target);
  // English screens show the catalog's English unit (unit_en) when it has one
  const uom = i18n.locale === "en" ? unitOfMeasureEnFor(target, period.year) : unitOfMeasureFor(target, period.year);
  // the unit's own target (Decision 5969/QĐ-UBND) replaces the city's where one is assigned, as in the template
  const assigned = unit ? assignedTarget(tables?.unitTargets, unit.code, target.id, period.year) : undefined;
  const judged = assigned ? withAssigned(target, assigned) : target;
  const yt = targetForPeriod(judged, period);
  const term = target.targetByYear[2030];
  const hasTarget = yt.kind !== "none";
  const termText =
    term !== undefined
      ? ` ${i18n.t("form.termTarget", { value: typeof term === "number" ? i18n.num(term) : i18n.date(term) })}`
      : "";
  const targetText = hasTarget
    ? i18n.t("form.target", {
        value: `${describeYearTarget(judged, yt, i18n.locale)}${yt.kind === "value" ? ` ${uom}` : ""}`,
      })
    : `${i18n.t("form.noTarget")}${termText}`;
  const primary = fields.find((f) => INPUT_FIELDS.includes(f)) ?? "value";
  const example = i18n.locale === "vi" ? "1.234,5" : "1,234.5";
  const view = (field: EntryField): EntryFieldView => {
    const own = issues.filter((i) => (issueField(i) ?? primary) === field);
    const { state, message } = fieldState(own, i18n);
    const raw = entry[field as keyof typeof entry] as RawValue;
    const kind = field === "milestone" ? "milestone" : INPUT_FIELDS.includes(field) ? "number" : "text";
    return {
      field,
      label: labelFor(target, field, uom, i18n),
      kind,
      value:
        kind === "milestone"
          ? (parseMilestone(raw) ?? (raw === null || raw === undefined ? "" : String(raw)))
          : displayRaw(raw, i18n),
      validationState: state,
      validationMessage: message,
      hint:
        kind === "number" && state === "none" && !message
          ? // the figure's own field also takes "không áp dụng" / "N/A" (rules/entry.ts)
            i18n.t(field === primary ? "form.notApplicableHint" : "form.typedHint", { example })
          : field === "justification" && state === "none"
            ? i18n.t("form.na.reasonHint")
            : undefined,
    };
  };
  return {
    target,
    headingId: `ct-target-${target.id}`,
    title: `${target.id} · ${i18n.b(target.name)}`,
    targetText,
    appliedText: appliedText(input),
    notApplicable: notApplicableView(input, view),
    hasTarget,
    unitOfMeasure: i18n.t("form.unitOfMeasure", { unit: uom }),
    progress,
    progressLabel: i18n.b(PROGRESS_LABELS[progress]),
    sourceStatus: i18n.t("form.source", { source: i18n.b(SOURCE_STATUS_NAMES[target.status]) }),
    provisional: target.status === "candidate",
    fields: fields.filter((f) => INPUT_FIELDS.includes(f)).map(view),
    details: fields.filter((f) => f === "evidence" || f === "responsible").map(view),
    detailsOpen: input.detailsOpen,
    recent: input.history ? recentView(target, input.history, i18n) : null,
  };
}
