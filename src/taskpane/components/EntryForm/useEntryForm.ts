import * as React from "react";
import {
  GROUP_IDS,
  GROUP_NAMES,
  primaryField,
  type EntryField,
  type GroupId,
  type ValidationIssue,
} from "../../../domain";
import { useI18n } from "../../i18n";
import type { EntryFormProps, EntryFormState, EntryGroupView, EntryRowView } from "./EntryForm.types";
import { rowView } from "./row-view";
import type { HistoryPoint } from "../../hooks/useUnitHistory";
import "../../i18n/sections/applicability";

export { issueField } from "./row-view";

export function useEntryForm(props: EntryFormProps): EntryFormState {
  const i18n = useI18n();
  const { targets, entries, period, result, readOnly, onEntryChange, onEntryCommit, tables, history } = props;
  const unit = props.unit ?? null;
  const [openDetails, setOpenDetails] = React.useState<ReadonlySet<string>>(new Set());
  const [openGroups, setOpenGroups] = React.useState<GroupId[]>([...GROUP_IDS]);
  // rows whose inputs, issues and status did not change keep their view object, so their memoized render is skipped
  const rowCache = React.useRef(
    new Map<
      string,
      {
        signature: string;
        row: EntryRowView;
        readOnly: boolean;
        tables: typeof tables;
        unit: typeof unit;
        points: readonly HistoryPoint[] | undefined;
      }
    >(),
  );

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
          const points = history?.byTarget.get(target.id);
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
            cached.readOnly === readOnly &&
            cached.tables === tables &&
            cached.unit === unit &&
            cached.points === points
          ) {
            return cached.row;
          }
          const row = rowView({
            target,
            entry,
            issues,
            progress,
            detailsOpen,
            period,
            i18n,
            unit,
            tables,
            history: points,
          });
          rowCache.current.set(target.id, { signature, row, readOnly, tables, unit, points });
          return row;
        }),
    })).filter((g) => g.rows.length > 0);
  }, [targets, entries, period, result, i18n, openDetails, readOnly, tables, unit, history]);

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
  // "not applicable" from the form: the figure's own field takes the word the rules read; unticked, it is blank again
  const word = i18n.t("form.na.word");
  const handleNotApplicable = React.useCallback(
    (ev: React.ChangeEvent<HTMLInputElement>, data: { targetId: string; checked: boolean }) => {
      const target = targets.find((t) => t.id === data.targetId);
      if (!target) return;
      const field: EntryField = primaryField(target);
      onEntryChange(ev, { targetId: target.id, field, raw: data.checked ? word : null });
      // a denominator beside an N/A numerator means nothing: cleared with it
      if (data.checked && field === "numerator")
        onEntryChange(ev, { targetId: target.id, field: "denominator", raw: null });
    },
    [targets, onEntryChange, word],
  );
  const handleToggleGroup = React.useCallback(
    (_ev: React.SyntheticEvent, data: { value: unknown; openItems: unknown[] }) => {
      setOpenGroups(data.openItems as GroupId[]);
    },
    [],
  );

  const tourNotApplicable = React.useMemo(
    () =>
      groups
        .filter((g) => openGroups.includes(g.group))
        .flatMap((g) => g.rows)
        .find((r) => r.notApplicable.allowed)?.target.id ?? null,
    [groups, openGroups],
  );
  const rowContext = React.useMemo(
    () => ({ i18n, readOnly, handleInput, handleBlur, handleToggleDetails, handleNotApplicable, tourNotApplicable }),
    [i18n, readOnly, handleInput, handleBlur, handleToggleDetails, handleNotApplicable, tourNotApplicable],
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
    handleNotApplicable,
  };
}
