/** parseEntry(): one row on its own (no unit, no period), for callers that check a row as it is typed. */
import type { EntryField, EntryInput, Locale, ParsedEntry, Target, ValidationIssue } from "../types";
import { messageFor } from "../messages";
import { emptyParsedEntry, parseEntryInto, type EntryState } from "./entry";

export interface RowContext {
  unitCode?: string;
  period?: string;
  cellOf?: (targetId: string, field: EntryField) => string | undefined;
}

export function parseEntry(
  entry: EntryInput,
  target: Target,
  locale: Locale,
  where: RowContext = {},
): { entry: ParsedEntry; issues: ValidationIssue[]; state: EntryState } {
  const issues: ValidationIssue[] = [];
  const out = emptyParsedEntry(target.id);
  const state = parseEntryInto(entry, target, locale, out, {
    issue(code, ruleId, field, severity, params) {
      const cell = field && where.cellOf ? where.cellOf(target.id, field) : undefined;
      params.targetId = target.id;
      params.field = field;
      params.cell = cell ?? null;
      const issue: ValidationIssue = {
        code,
        ruleId,
        targetId: target.id,
        unitCode: where.unitCode ?? "",
        period: where.period ?? "",
        path: ["entries", target.id, field ?? "value"],
        severity,
        params,
        message: messageFor(code, params),
      };
      if (cell !== undefined) issue.cell = cell;
      issues.push(issue);
    },
  });
  return { entry: out, issues, state };
}
