/**
 * The Office.js writer: walks the same TemplateSpec as the ExcelJS writer and creates the template in the open
 * workbook, or recognises the one already there and repairs what is missing without losing a typed value.
 *
 * The sheet queueing is in queue-template.ts, the repairs in repair-template.ts.
 *
 * Syncs: create = 2 (look, write); repair = 3 (look, read what is there, write). Every write of an action is queued
 * before its one sync; nothing syncs inside a loop.
 */
import type { Catalog, EntryField, EntryInput, UnitRegistry } from "../../domain";
import { isAppError } from "../../domain/errors";
import { workbookErrors } from "../errors";
import { identityFromXml } from "../identity";
import { identityFromUnitSheet, locateEntries, type CellProblem, type LocatedEntries } from "../locate";
import { TEMPLATE_NS, type TemplateIdentity, type TemplateStatus } from "../port";
import { SHEET_NAMES, type TemplateSpec } from "../template";
import { gridSource, namesFrom } from "./grid-source";
import { queueNames, queueSheet } from "./queue-template";
import {
  TemplateRepair,
  gridsFrom,
  queueTemplateRead,
  rebuildEntrySheet,
  repairEntrySheet,
  repairOtherSheets,
  repairUnitSheet,
  type TemplateLook,
} from "./repair-template";
import type { OfficeFeatures } from "./requirements";
import { loadedItems, runExcel, silence, unsilence } from "./run";

// the sheet queueing lives in queue-template.ts; re-exported for the writer's users
export { PROTECTION_OPTIONS, sheetExtent, widthInPoints } from "./queue-template";

export interface EnsureOptions {
  catalog: Catalog;
  units: UnitRegistry;
  features?: OfficeFeatures;
  /** an onChanged handler to register on the entry sheet in the action's last request (saves the pane a sync) */
  watch?: (event: Excel.WorksheetChangedEventArgs) => Promise<void>;
}

export interface EnsureResult extends TemplateStatus {
  created: boolean;
  /** the entries found, when the action read them and kept the sheet (no rebuild): the pane needs no other read */
  entries?: EntryInput[];
  /** input cells holding a date, time, boolean, error value or forbidden character, from the same read */
  problems?: CellProblem[];
  /** where each input cell is, from the same read */
  cellOf?: (targetId: string, field: EntryField) => string | undefined;
  /** the registration of `watch`, when one was asked for */
  registration?: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>;
}

function sameReport(a: TemplateIdentity, b: TemplateIdentity): boolean {
  return a.unitCode === b.unitCode && a.period === b.period;
}

/**
 * Create the template of `spec` in the open workbook, or recognise the one there and repair what is missing:
 * sheets, names, validation, conditional formats, protection, identity. A template of another template or catalog
 * version is rebuilt with every value carried over by target id (the previous entry sheet is kept as Nhap_cu).
 * A workbook holding another unit's or period's report is refused (CT_TEMPLATE_OTHER_REPORT).
 */
export async function createOrRepairTemplate(spec: TemplateSpec, opts: EnsureOptions): Promise<EnsureResult> {
  const features = opts.features ?? { printSetup: true };
  return runExcel("tạo mẫu / create template", async (context): Promise<EnsureResult> => {
    const wb = context.workbook;
    const sheets = wb.worksheets;
    sheets.load("items/name,items/position");
    const names = wb.names;
    names.load("items/name,items/formula");
    const parts = wb.customXmlParts.getByNamespace(TEMPLATE_NS);
    parts.load("items/id");
    await context.sync(); // 1: what is there

    const present = new Map(sheets.items.map((s) => [s.name, s]));
    const look: TemplateLook = { wb, sheets, present, ourNames: namesFrom(names.items) };
    const partList = loadedItems(parts);
    const found = partList.length > 0 || look.ourNames.size > 0 || spec.sheets.some((s) => present.has(s.name));
    if (!found) {
      silence(context);
      for (const s of spec.sheets) queueSheet(sheets.add(s.name), s, spec, features);
      queueNames(wb, spec.names);
      wb.customXmlParts.add(spec.customXml);
      const entry = sheets.getItem(SHEET_NAMES.entry);
      entry.activate();
      const registration = opts.watch ? entry.onChanged.add(opts.watch) : undefined;
      unsilence(context);
      await context.sync(); // 2: everything written
      return { identity: spec.identity, repaired: [], created: true, registration };
    }

    // 2: read what the template holds — identity, values, and the validations and formats to check
    const xmls = partList.map((p) => p.getXml());
    const probes = queueTemplateRead(look, spec);
    const entryWs = present.get(SHEET_NAMES.entry);
    // the pane's watch rides with this read; a rebuilt entry sheet gets its own registration below
    let registration: EnsureResult["registration"] =
      entryWs && opts.watch ? entryWs.onChanged.add(opts.watch) : undefined;
    await context.sync();

    const src = gridSource(gridsFrom(probes.used), look.ourNames);
    let identity: TemplateIdentity | null = null;
    for (const x of xmls) identity = identity ?? identityFromXml(x.value);
    const identityFromSheet = present.has(SHEET_NAMES.unit) ? identityFromUnitSheet(src) : null;
    const known = identity ?? identityFromSheet;
    if (known && !sameReport(known, spec.identity)) throw workbookErrors.otherReport(known, spec.identity);
    const versionChanged =
      !!known &&
      (known.templateVersion !== spec.identity.templateVersion ||
        known.catalogVersion !== spec.identity.catalogVersion);

    // 3: queue every repair, then one sync — only when something is to be repaired
    const rep = new TemplateRepair(context, look, probes, spec, features);
    const locateOpts = { catalog: opts.catalog, units: opts.units };
    let located: LocatedEntries | null = null;
    let rebuild = !entryWs || versionChanged;
    if (entryWs && !rebuild) {
      try {
        located = locateEntries(src, spec.identity, locateOpts);
      } catch (e) {
        if (!isAppError(e)) throw e;
        rebuild = true;
        rep.repaired.push(`${SHEET_NAMES.entry}: ${e.messages.en}`);
      }
    }
    repairOtherSheets(rep);
    repairUnitSheet(rep);
    if (rebuild) {
      const ws = rebuildEntrySheet(rep, src, known, locateOpts);
      if (opts.watch) {
        // the watch made with the read is on the old sheet, now kept as Nhap_cu: move it to the new entry sheet
        registration?.remove();
        registration = ws.onChanged.add(opts.watch);
      }
    } else if (located && entryWs) {
      repairEntrySheet(rep, located);
    }

    if (partList.length === 0) {
      rep.touch();
      wb.customXmlParts.add(spec.customXml);
      rep.repaired.push("identity part");
    } else if (!identity || versionChanged) {
      rep.touch();
      partList[0].setXml(spec.customXml);
      rep.repaired.push("identity part");
    }
    const kept = located && !rebuild ? located : null;
    const result: EnsureResult = {
      identity: spec.identity,
      repaired: rep.repaired,
      created: false,
      registration,
      entries: kept?.entries,
      cellOf: kept?.cellOf,
      problems: kept?.problems,
    };
    if (rep.queued) {
      unsilence(context);
      await context.sync(); // 3: every repair written (with the watch registration)
    }
    return result;
  });
}
