import { defaultCatalog, defaultUnitRegistry, DEMO_PERIOD_ID, generateDemoEntries, parsePeriod } from "../domain";
import type { EntryField, EntryInput } from "../domain/types";
import type { EntryChange, WorkbookPort } from "../workbook/port";
import { ENTRY_FIELDS } from "../domain/entry-fields";
import { announceEntriesRewritten } from "./hooks/useEntriesRewritten";

const FIELDS: readonly EntryField[] = ENTRY_FIELDS;

/** Every input cell of the demo report as the training sample has it (blank where the sample has nothing). */
export function demoResetChanges(unitCode = "DEMO-01", periodId = DEMO_PERIOD_ID): EntryChange[] {
  const catalog = defaultCatalog();
  const registry = defaultUnitRegistry();
  const unit = registry.byCode(unitCode);
  const period = parsePeriod(periodId);
  if (!unit || !period) return [];
  const entries = generateDemoEntries(catalog, unit, period, registry.targetsFor(catalog, unitCode));
  const changes: EntryChange[] = [];
  for (const e of entries) {
    for (const field of FIELDS) {
      const raw = e[field as keyof EntryInput];
      changes.push({ targetId: e.targetId, field, raw: raw === undefined ? null : (raw as EntryChange["raw"]) });
    }
  }
  return changes;
}

/** Puts the demo workbook back to the tour's starting sheet, in one write. */
export async function resetDemoWorkbook(workbook: WorkbookPort, unitCode?: string, periodId?: string): Promise<void> {
  await workbook.writeEntries(demoResetChanges(unitCode, periodId));
  // the port raises no change for the add-in's own write: the form reads the sheet again at once
  announceEntriesRewritten();
}
