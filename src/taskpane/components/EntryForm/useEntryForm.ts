import * as React from "react";
import {
  GROUP_IDS,
  GROUP_NAMES,
  PROGRESS_LABELS,
  SOURCE_STATUS_NAMES,
  entryFields,
  parseMilestone,
  targetForPeriod,
  unitOfMeasureFor,
  unitOfMeasureEnFor,
  type EntryField,
  type GroupId,
  type RawValue,
  type Target,
  type ValidationIssue,
} from "../../../domain";
import { describeYearTarget } from "../../../workbook/template";
import { useI18n, type I18n } from "../../i18n";
import type {
  EntryFieldView,
  EntryFormProps,
  EntryFormState,
  EntryGroupView,
  EntryRowView,
  FieldValidationState,
} from "./EntryForm.types";

const INPUT_FIELDS: readonly EntryField[] = ["value", "numerator", "denominator", "milestone"];

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
  const text =
    field === "value"
      ? t("form.value", { unit })
      : field === "numerator"
        ? target.numeratorLabel
          ? t("form.numerator", {
              label: (i18n.locale === "en" ? target.numeratorLabelEn : null) ?? target.numeratorLabel,
            })
          : t("form.numeratorPlain")
        : field === "denominator"
          ? target.denominatorLabel
            ? t("form.denominator", {
                label: (i18n.locale === "en" ? target.denominatorLabelEn : null) ?? target.denominatorLabel,
              })
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

export function useEntryForm(props: EntryFormProps): EntryFormState {
  const i18n = useI18n();
  const { targets, entries, period, result, readOnly, onEntryChange, onEntryCommit } = props;
  const [openDetails, setOpenDetails] = React.useState<ReadonlySet<string>>(new Set());
  const [openGroups, setOpenGroups] = React.useState<GroupId[]>([...GROUP_IDS]);
  // rows whose inputs, issues and status did not change keep their view object, so their memoized render is skipped
  const rowCache = React.useRef(new Map<string, { signature: string; row: EntryRowView; readOnly: boolean }>());

  const groups = React.useMemo((): EntryGroupView[] => {
    const entryOf = new Map(entries.map((e) => [e.targetId, e]));
    const issuesOf = new Map<string, ValidationIssue[]>();
    for (const issue of result?.issues ?? []) {
      if (!issue.targetId) continue;
      const list = issuesOf.get(issue.targetId) ?? [];
      list.push(issue);
      issuesOf.set(issue.targetId, list);
    }
    const progressOf = new Map((result?.assessments ?? []).map((a) => [a.targetId, a.progress]));
    const example = i18n.locale === "vi" ? "1.234,5" : "1,234.5";
    return GROUP_IDS.map((group) => ({
      group,
      title: i18n.b(GROUP_NAMES[group]),
      rows: targets
        .filter((t) => t.group === group)
        .map((target) => {
          const entry = entryOf.get(target.id) ?? { targetId: target.id };
          const issues = issuesOf.get(target.id) ?? [];
          const progress = progressOf.get(target.id) ?? "no_data";
          const detailsOpen = openDetails.has(target.id);
          const signature = JSON.stringify([
            entry,
            issues.map((i) => [i.code, i.severity, i.justified ?? null, i.path[2] ?? null, i.message.vi]),
            progress,
            detailsOpen,
            i18n.locale,
            period.id,
          ]);
          const cached = rowCache.current.get(target.id);
          if (
            cached &&
            cached.signature === signature &&
            cached.row.target === target &&
            cached.readOnly === readOnly
          ) {
            return cached.row;
          }
          const fields = entryFields(target);
          // English screens show the catalog's English unit (unit_en) when it has one
          const unit =
            i18n.locale === "en" ? unitOfMeasureEnFor(target, period.year) : unitOfMeasureFor(target, period.year);
          const yt = targetForPeriod(target, period);
          const term = target.targetByYear[2030];
          const hasTarget = yt.kind !== "none";
          const targetText = hasTarget
            ? i18n.t("form.target", {
                value: `${describeYearTarget(target, yt, i18n.locale)}${yt.kind === "value" ? ` ${unit}` : ""}`,
              })
            : `${i18n.t("form.noTarget")}${term !== undefined ? ` ${i18n.t("form.termTarget", { value: `${typeof term === "number" ? i18n.num(term) : i18n.date(term)}` })}` : ""}`;
          const primary = fields.find((f) => INPUT_FIELDS.includes(f)) ?? "value";
          const view = (field: EntryField): EntryFieldView => {
            const own = issues.filter((i) => (issueField(i) ?? primary) === field);
            const { state, message } = fieldState(own, i18n);
            const raw = entry[field as keyof typeof entry] as RawValue;
            const kind = field === "milestone" ? "milestone" : INPUT_FIELDS.includes(field) ? "number" : "text";
            return {
              field,
              label: labelFor(target, field, unit, i18n),
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
                  : undefined,
            };
          };
          const row: EntryRowView = {
            target,
            headingId: `ct-target-${target.id}`,
            title: `${target.id} · ${i18n.b(target.name)}`,
            targetText,
            hasTarget,
            unitOfMeasure: i18n.t("form.unitOfMeasure", { unit }),
            progress,
            progressLabel: i18n.b(PROGRESS_LABELS[progress]),
            sourceStatus: i18n.t("form.source", { source: i18n.b(SOURCE_STATUS_NAMES[target.status]) }),
            provisional: target.status === "candidate",
            fields: fields.filter((f) => INPUT_FIELDS.includes(f)).map(view),
            details: fields.filter((f) => f === "evidence" || f === "responsible").map(view),
            detailsOpen,
          };
          rowCache.current.set(target.id, { signature, row, readOnly });
          return row;
        }),
    })).filter((g) => g.rows.length > 0);
  }, [targets, entries, period, result, i18n, openDetails, readOnly]);

  const handleInput = React.useCallback(
    (
      ev: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>,
      data: { targetId: string; field: EntryField; value: string },
    ) => {
      onEntryChange(ev, { targetId: data.targetId, field: data.field, raw: data.value === "" ? null : data.value });
    },
    [onEntryChange],
  );
  const handleBlur = React.useCallback(
    (ev: React.FocusEvent, data: { targetId: string; field: EntryField }) => onEntryCommit(ev, data),
    [onEntryCommit],
  );
  const handleToggleDetails = React.useCallback((_ev: React.MouseEvent, data: { targetId: string }) => {
    setOpenDetails((prev) => {
      const next = new Set(prev);
      if (next.has(data.targetId)) next.delete(data.targetId);
      else next.add(data.targetId);
      return next;
    });
  }, []);
  const handleToggleGroup = React.useCallback(
    (_ev: React.SyntheticEvent, data: { value: unknown; openItems: unknown[] }) => {
      setOpenGroups(data.openItems as GroupId[]);
    },
    [],
  );

  const rowContext = React.useMemo(
    () => ({ i18n, readOnly, handleInput, handleBlur, handleToggleDetails }),
    [i18n, readOnly, handleInput, handleBlur, handleToggleDetails],
  );
  return {
    i18n,
    groups,
    openGroups,
    readOnly,
    rowContext,
    handleInput,
    handleBlur,
    handleToggleDetails,
    handleToggleGroup,
  };
}
