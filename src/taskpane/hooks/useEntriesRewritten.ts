/**
 * When the add-in itself rewrites the whole entry sheet (the demo tour's reset of the training workbook), the port
 * raises no change event for its own writes — so the form is told, and reads the sheet again at once: the form and
 * the sheet agree without a reload.
 */
import * as React from "react";
import type { EntryInput } from "../../domain/types";
import type { WorkbookPort } from "../../workbook/port";
import type { CellProblem } from "../../workbook/locate";

const EVENT = "chitieu:entries-rewritten";

/** Say that the entry sheet was rewritten by the add-in (after the write has finished). */
export function announceEntriesRewritten(): void {
  if (typeof window !== "undefined") window.dispatchEvent(new Event(EVENT));
}

export function useEntriesRewritten(
  ready: boolean,
  workbook: WorkbookPort,
  apply: (entries: EntryInput[], problems: CellProblem[]) => void,
  fail: (e: unknown) => void,
): void {
  React.useEffect(() => {
    if (!ready || typeof window === "undefined") return;
    let live = true;
    const reread = () => {
      void workbook.readEntries().then(
        (entries) => {
          if (live) apply(entries, workbook.cellProblems?.() ?? []);
        },
        (e: unknown) => {
          if (live) fail(e);
        },
      );
    };
    window.addEventListener(EVENT, reread);
    return () => {
      live = false;
      window.removeEventListener(EVENT, reread);
    };
  }, [ready, workbook, apply, fail]);
}
