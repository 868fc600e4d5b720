/**
 * The task-progress sheet (TienDoNV) through Office.js, for the pane's Tasks tab: read it (names + the sheet's used
 * range, one sync), write task inputs into their named cells (one sync for any number of them, text kept as text,
 * events silenced so the add-in's own writes never come back), and follow what a person types there (the sheet's
 * onChanged: filtered before any Excel.run — the add-in's own writes and changes outside the inputs are dropped —
 * then one read).
 */
import { TASK_FIRST_ROW, TASK_COLUMNS_AT, TASK_INPUTS, TASK_SHEET, columnIndex, taskName } from "../template";
import type { TaskChange } from "../port";
import { taskCellValue, readTaskSheet, type TaskSheetRead } from "../task-sheet-read";
import { gridSource, namesFrom, parseRect, type SheetGrid } from "./grid-source";
import { runExcel } from "./run";
import { queueNamedCells } from "./named-cells";

/** The task sheet as it is now (one sync); `period` is the open report's. */
export async function readOfficeTasks(period: string): Promise<TaskSheetRead> {
  return runExcel("đọc tiến độ nhiệm vụ / read task progress", async (context) => {
    const names = context.workbook.names;
    names.load("items/name,items/formula");
    const used = context.workbook.worksheets.getItemOrNullObject(TASK_SHEET).getUsedRangeOrNullObject(false);
    used.load("values,valueTypes,numberFormat,rowIndex,columnIndex");
    await context.sync();
    const grids = new Map<string, SheetGrid>();
    if (!used.isNullObject)
      grids.set(TASK_SHEET, {
        rowIndex: used.rowIndex,
        columnIndex: used.columnIndex,
        values: used.values,
        numberFormat: used.numberFormat,
        valueTypes: used.valueTypes,
      });
    return readTaskSheet(gridSource(grids, namesFrom(names.items)), period);
  });
}

/** Write task inputs into their named cells: one sync, no echo; `known` says which names exist (others skipped). */
export async function writeOfficeTasks(changes: TaskChange[], known: (name: string) => boolean): Promise<void> {
  const todo = changes.filter((c) => known(taskName(c.taskId, c.field)));
  if (todo.length === 0) return;
  await runExcel(
    "ghi tiến độ nhiệm vụ / write task progress",
    async (context) => {
      queueNamedCells(
        context,
        todo.map((c) => ({ name: taskName(c.taskId, c.field), value: taskCellValue(c) })),
      );
      await context.sync();
    },
    { quiet: true },
  );
}

const INPUT_COLUMNS: number[] = TASK_INPUTS.map((f) => columnIndex(TASK_COLUMNS_AT[f]));

/** Whether a change of the task sheet can concern an input, decided before any Excel.run. */
export function concernsTasks(
  event: Pick<Excel.WorksheetChangedEventArgs, "address"> & { triggerSource?: string },
): boolean {
  if (event.triggerSource === "ThisLocalAddin") return false;
  const rect = parseRect(event.address);
  if (!rect || rect.r2 < TASK_FIRST_ROW) return false;
  return INPUT_COLUMNS.some((c) => c >= rect.c1 && c <= rect.c2);
}

/** Follow the task sheet (one registration, one sync); each change that concerns an input costs one read. */
export async function onOfficeTasksChanged(
  period: () => string,
  handler: (read: TaskSheetRead) => void,
): Promise<() => Promise<void>> {
  const registration = await runExcel("theo dõi tiến độ nhiệm vụ / watch task progress", async (context) => {
    const ws = context.workbook.worksheets.getItem(TASK_SHEET);
    const result = ws.onChanged.add(async (event) => {
      if (!concernsTasks(event)) return;
      handler(await readOfficeTasks(period()));
    });
    await context.sync();
    return result;
  });
  return async () => {
    await Excel.run(registration.context, async (context) => {
      registration.remove();
      await context.sync();
    });
  };
}
