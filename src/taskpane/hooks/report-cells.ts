/** Pure helpers of useReport: what goes into a cell, whether the sheet's echo is our own write, the targets' order. */
import {
  MILESTONE_LABELS,
  MILESTONE_STATES,
  parseNumber,
  type Catalog,
  type EntryField,
  type EntryInput,
  type Locale,
  type RawValue,
  type Target,
} from "../../domain";
import type { TemplateSpec } from "../../workbook/template";

export const NUMERIC: ReadonlySet<EntryField> = new Set(["value", "numerator", "denominator"]);
const TEXT: ReadonlySet<EntryField> = new Set(["justification", "evidence", "responsible"]);

export const fieldKey = (targetId: string, field: EntryField): string => `${targetId}\u0000${field}`;

/** What goes into the cell for what the person typed: numbers as numbers (read in the pane's locale), blanks as
 * empty cells (never 0), milestones as the template's list label, anything unreadable as the text itself so the
 * sheet shows what was typed and the rule issue points at it. */
export function toCellValue(field: EntryField, raw: RawValue, locale: Locale): string | number | boolean | null {
  if (raw === undefined || raw === null) return null;
  if (NUMERIC.has(field)) {
    const parsed = parseNumber(raw, locale);
    if (parsed.kind === "blank") return null;
    if (parsed.kind === "number") return parsed.value;
    return typeof raw === "string" ? raw.normalize("NFC") : raw;
  }
  if (field === "milestone") {
    const i = MILESTONE_STATES.indexOf(raw as (typeof MILESTONE_STATES)[number]);
    if (i >= 0) return MILESTONE_LABELS[i].vi;
    return typeof raw === "string" && raw.trim() === "" ? null : (raw as string | number | boolean);
  }
  if (TEXT.has(field)) {
    const text = String(raw).normalize("NFC");
    return text.trim() === "" ? null : text;
  }
  return raw as string | number | boolean;
}

export function sameCell(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((a === null || a === undefined || a === "") && (b === null || b === undefined || b === "")) return true;
  return typeof a === "number" && typeof b === "number" && Math.abs(a - b) < 1e-9;
}

export function orderedTargets(spec: TemplateSpec, catalog: Catalog): Target[] {
  const byId = new Map(catalog.targets.map((t) => [t.id, t]));
  return Object.entries(spec.entry.rows)
    .sort((a, b) => a[1] - b[1])
    .map(([id]) => byId.get(id))
    .filter((t): t is Target => t !== undefined);
}

/** Text typed in the old locale that reads as a number there becomes that number (null when nothing changes). */
export function rereadNumbers(prev: Record<string, EntryInput>, previous: Locale): Record<string, EntryInput> | null {
  let changed = false;
  const next: Record<string, EntryInput> = {};
  for (const [id, e] of Object.entries(prev)) {
    const copy: EntryInput = { ...e };
    for (const f of NUMERIC) {
      const raw = copy[f as "value"];
      if (typeof raw !== "string") continue;
      const parsed = parseNumber(raw, previous);
      if (parsed.kind === "number") {
        copy[f as "value"] = parsed.value;
        changed = true;
      }
    }
    next[id] = copy;
  }
  return changed ? next : null;
}
