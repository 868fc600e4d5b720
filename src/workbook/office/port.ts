/**
 * The WorkbookPort over live Excel: what the task pane receives as a prop. It remembers the spec of the template it
 * ensured, so marks and reads know the rows, and reads the identity from the custom XML part (falling back to the
 * unit sheet).
 */
import { defaultCatalog, defaultUnitRegistry, type Catalog, type UnitRegistry } from "../../domain";
import { workbookErrors } from "../errors";
import { TEMPLATE_NS, type TemplateIdentity, type WorkbookPort } from "../port";
import { SHEET_NAMES, cellMap, columnIndex, parseTaskName, splitAddress, type TemplateSpec } from "../template";
import type { EntryChange } from "../port";
import type { EntryInput } from "../../domain";
import { locateEntries, type CellProblem, type LocatedEntries } from "../locate";
import { absolute, quoteSheet } from "../sheet-ref";
import { gridSource, namesFrom, type SheetGrid } from "./grid-source";
import { runExcel } from "./run";
import {
  changeHandler,
  changesIn,
  markIssues,
  onEntriesChanged,
  type CellLocator,
  readTemplateIdentity,
  readReport,
  readUnitContact,
  selectCell,
  writeEntries,
} from "./entries";
import { checkRequirements, type OfficeFeatures } from "./requirements";
import { readOfficeNarrative, writeOfficeNarrative } from "./narrative";
import { loadQueue, loadSetting, saveQueue, saveSetting } from "./settings";
import { onOfficeTasksChanged, readOfficeTasks, writeOfficeTasks } from "./tasks";
import type { TaskSheetRead } from "../task-sheet-read";
import { createOrRepairTemplate, sheetExtent } from "./write-template";

export interface OfficePortOptions {
  catalog?: Catalog;
  units?: UnitRegistry;
  features?: OfficeFeatures;
}

/** The entries a freshly created template holds: the spec's own cells, read with the same locating rules. */
function entriesOfSpec(spec: TemplateSpec, catalog: Catalog, units: UnitRegistry): LocatedEntries {
  const grids = new Map<string, SheetGrid>();
  for (const sh of spec.sheets) {
    const { rows, columns: cols } = sheetExtent(sh);
    const values: unknown[][] = Array.from({ length: rows }, () => new Array<unknown>(cols).fill(""));
    const numberFormat: unknown[][] = Array.from({ length: rows }, () => new Array<unknown>(cols).fill("General"));
    for (const c of sh.cells) {
      const { column, row } = splitAddress(c.address);
      values[row - 1][columnIndex(column) - 1] = c.formula ? "" : (c.value ?? "");
      numberFormat[row - 1][columnIndex(column) - 1] = spec.styles[c.style].numFmt ?? "General";
    }
    grids.set(sh.name, { rowIndex: 0, columnIndex: 0, values, numberFormat });
  }
  const names = namesFrom(
    spec.names.map((n) => ({ name: n.name, formula: `=${quoteSheet(n.sheet)}!${absolute(n.address)}` })),
  );
  return locateEntries(gridSource(grids, names), spec.identity, { catalog, units });
}

/**
 * The port keeps what the last read found — where every input cell is, and the entries the opening read — so that
 * opening a report costs at most 3 syncs (look, write or read, mark) and one edit at most 2. One onChanged
 * registration, made in the opening request, serves every subscriber; it filters before any Excel.run.
 */
export function createOfficeWorkbookPort(
  opts: OfficePortOptions = {},
): WorkbookPort & { readonly spec: TemplateSpec | null } {
  const catalog = opts.catalog ?? defaultCatalog();
  const units = opts.units ?? defaultUnitRegistry();
  const requirements = opts.features ? null : checkRequirements();
  const features = opts.features ?? requirements?.features ?? { printSetup: false };
  let spec: TemplateSpec | null = null;
  let identity: TemplateIdentity | null = null;
  let cells: CellLocator | null = null;
  /** the entries the opening action found, handed to the readEntries call that follows it */
  let opened: EntryInput[] | null = null;
  /** the input cells the last read found holding a date, boolean, error value…, kept current by change events */
  let problems: CellProblem[] = [];
  const sameCell = (p: CellProblem, targetId: string, field: string): boolean =>
    p.targetId === targetId && p.field === field;
  let registered = false;
  const listeners = new Set<(changes: EntryChange[]) => void>();
  const watch = changeHandler((read) => {
    cells = read.cells;
    problems = [
      ...problems.filter((p) => !read.changes.some((c) => sameCell(p, c.targetId, c.field))),
      ...read.problems,
    ];
    for (const l of listeners) l(read.changes);
  });

  // where the task sheet's inputs are, from its last read (writes skip tasks the sheet has no cells for)
  let taskCells: TaskSheetRead["cells"] = {};
  const keepTasks = (read: TaskSheetRead): TaskSheetRead => {
    taskCells = read.cells;
    return read;
  };
  const reportPeriod = (): string => spec?.identity.period ?? identity?.period ?? "";

  async function currentIdentity(): Promise<TemplateIdentity | null> {
    if (identity) return identity;
    identity = await readTemplateIdentity(TEMPLATE_NS);
    return identity;
  }

  return {
    get spec() {
      return spec;
    },
    async ensureTemplate(s) {
      if (requirements && !requirements.ok) throw workbookErrors.excelTooOld(requirements.missing);
      const status = await createOrRepairTemplate(s, {
        catalog,
        units,
        features,
        watch: registered ? undefined : watch,
      });
      if (status.registration) registered = true;
      spec = s;
      identity = s.identity;
      if (status.created) {
        const fresh = entriesOfSpec(s, catalog, units);
        opened = fresh.entries;
        cells = fresh.cellOf;
        problems = [];
      } else {
        opened = status.entries ?? null;
        cells = status.cellOf ?? null;
        problems = status.problems ?? [];
      }
      return { identity: status.identity, repaired: status.repaired, created: status.created };
    },
    readIdentity: currentIdentity,
    cellProblems: () => problems,
    async readEntries() {
      if (opened) {
        const entries = opened;
        opened = null;
        return entries;
      }
      const id = (await currentIdentity()) ?? spec?.identity;
      if (!id) return [];
      const report = await readReport({ catalog, units }, id);
      cells = report.cellOf;
      problems = report.problems;
      return report.entries;
    },
    readContact: readUnitContact,
    readNarrative: readOfficeNarrative,
    readTasks: async () => keepTasks(await readOfficeTasks(reportPeriod())),
    writeTasks: (changes) =>
      writeOfficeTasks(changes, (name) => {
        const p = parseTaskName(name);
        return !!p && taskCells[p.taskId]?.[p.field] !== undefined;
      }),
    onTasksChanged: (handler) => onOfficeTasksChanged(reportPeriod, (read) => handler(keepTasks(read))),
    writeNarrative: writeOfficeNarrative,
    async writeEntries(changes) {
      opened = null;
      await writeEntries(changes);
      problems = problems.filter((p) => !changes.some((c) => sameCell(p, c.targetId, c.field)));
    },
    async markIssues(issues, assessments) {
      if (!spec) return;
      await markIssues(spec, issues, assessments, "vi", cells ?? cellMap(spec));
    },
    selectCell,
    async onEntriesChanged(handler) {
      listeners.add(handler);
      if (!registered) {
        registered = true;
        try {
          await runExcel("theo dõi thay đổi / watch changes", async (context) => {
            context.workbook.worksheets.getItem(SHEET_NAMES.entry).onChanged.add(watch);
            await context.sync();
          });
        } catch (e) {
          registered = false;
          listeners.delete(handler);
          throw e;
        }
      }
      return async () => {
        listeners.delete(handler);
      };
    },
    loadQueue,
    saveQueue,
    loadSetting,
    saveSetting,
  };
}

export { changesIn, onEntriesChanged };
