/**
 * What a report holds, independent of how it was typed: each field as the sheet keeps it (numbers read in the locale
 * they were typed in, blanks as nothing, milestones as the list label, text NFC). "12,5" typed in the form and 12.5
 * read back from the cell after a reload are the same content; so are an entry left out and an entry of blanks.
 */
import type { EntryInput, Locale } from "../../domain/types";
import { ENTRY_FIELDS } from "../../domain/entry-fields";
import { toCellValue } from "./report-cells";

type CellValue = ReturnType<typeof toCellValue>;

/** The canonical rows of a report: targets in id order, each field as its cell holds it; rows of blanks left out. */
export function canonicalRows(entries: readonly EntryInput[], locale: Locale): [string, ...CellValue[]][] {
  const rows: [string, ...CellValue[]][] = [];
  for (const e of entries) {
    const cells = ENTRY_FIELDS.map((f) => toCellValue(f, e[f] ?? null, locale));
    if (cells.every((c) => c === null)) continue;
    rows.push([e.targetId, ...cells]);
  }
  return rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** A text that is equal for two reports exactly when they hold the same figures, justifications and statuses. */
export function canonicalContent(entries: readonly EntryInput[], locale: Locale): string {
  return JSON.stringify(canonicalRows(entries, locale));
}

/** True when an entry has nothing in any field (a template row never filled). */
export function isBlankEntry(e: EntryInput): boolean {
  return ENTRY_FIELDS.every((f) => {
    const v = e[f];
    return v === undefined || v === null || (typeof v === "string" && v.trim() === "");
  });
}
