import * as React from "react";
import type { Severity, ValidationIssue } from "../../../domain/types";
import { useI18n } from "../../i18n";
import type { IssueGroupView, IssuesPanelProps, IssuesPanelState, IssueView } from "./IssuesPanel.types";

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** A group's rank: errors first, then warnings still to justify, then justified warnings, then notes. */
function groupRank(issues: ValidationIssue[]): number {
  if (issues.some((i) => i.severity === "error")) return 0;
  if (issues.some((i) => i.severity === "warning" && !i.justified)) return 1;
  if (issues.some((i) => i.severity === "warning")) return 2;
  return 3;
}

export function useIssuesPanel(props: IssuesPanelProps): IssuesPanelState {
  const i18n = useI18n();
  const { result, targets, entries, readOnly, onSelectCell, onJustify, onJustifyCommit } = props;

  const groups = React.useMemo((): IssueGroupView[] => {
    const order = new Map(targets.map((t, i) => [t.id, i]));
    const byTarget = new Map<string, ValidationIssue[]>();
    for (const issue of result?.issues ?? []) {
      const k = issue.targetId ?? "";
      const list = byTarget.get(k) ?? [];
      list.push(issue);
      byTarget.set(k, list);
    }
    const entryOf = new Map(entries.map((e) => [e.targetId, e]));
    const targetOf = new Map(targets.map((t) => [t.id, t]));
    const views = [...byTarget.entries()].map(([k, issues]): IssueGroupView & { rank: number; pos: number } => {
      const target = k ? targetOf.get(k) : undefined;
      const sorted = [...issues].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
      const warnings = sorted.filter((i) => i.severity === "warning" && i.code !== "justification_too_short");
      const justificationIssue = sorted.find((i) => i.path[2] === "justification");
      const unjustified = warnings.some((i) => !i.justified);
      const views: IssueView[] = sorted.map((issue, n) => ({
        key: `${k}-${n}-${issue.code}`,
        issue,
        severity: issue.severity,
        severityLabel: i18n.t(`issues.severity.${issue.severity}`),
        text: i18n.b(issue.message),
        cell: issue.cell ?? null,
        goToLabel: issue.cell ? i18n.t("issues.goTo", { cell: issue.cell }) : null,
      }));
      return {
        key: k || "report",
        targetId: k || null,
        title: target ? `${target.id} · ${i18n.b(target.name)}` : k ? k : i18n.t("issues.report"),
        headingId: `ct-issues-${k || "report"}`,
        issues: views,
        justification:
          k && (warnings.length > 0 || justificationIssue)
            ? {
                label: i18n.t("issues.justification", { target: k }),
                value: String(entryOf.get(k)?.justification ?? ""),
                state: justificationIssue?.severity === "error" ? "error" : unjustified ? "warning" : "success",
                message:
                  justificationIssue && unjustified
                    ? i18n.b(justificationIssue.message)
                    : unjustified
                      ? i18n.t("issues.needsJustification")
                      : i18n.t("issues.justified"),
              }
            : null,
        rank: groupRank(issues),
        pos: k ? (order.get(k) ?? 9999) : -1,
      };
    });
    return views
      .sort((a, b) => a.rank - b.rank || a.pos - b.pos)
      .map((v): IssueGroupView => ({
        key: v.key,
        targetId: v.targetId,
        title: v.title,
        headingId: v.headingId,
        issues: v.issues,
        justification: v.justification,
      }));
  }, [result, targets, entries, i18n]);

  const handleSelect = React.useCallback(
    (ev: React.MouseEvent, data: { view: IssueView }) => {
      if (data.view.cell) onSelectCell(ev, { cell: data.view.cell, issue: data.view.issue });
    },
    [onSelectCell],
  );
  const handleJustify = React.useCallback(
    (ev: React.ChangeEvent<HTMLTextAreaElement>, data: { targetId: string; value: string }) =>
      onJustify(ev, { targetId: data.targetId, text: data.value }),
    [onJustify],
  );
  const handleJustifyBlur = React.useCallback(
    (ev: React.FocusEvent, data: { targetId: string }) => onJustifyCommit(ev, data),
    [onJustifyCommit],
  );
  return { i18n, groups, clear: Boolean(result?.ok), readOnly, handleSelect, handleJustify, handleJustifyBlur };
}
