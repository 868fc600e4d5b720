/**
 * The Tasks tab's sync with the TienDoNV sheet through the Office port, on the Excel double under both profiles:
 * one read, one batched write for any number of inputs with no echo, and what a person types in the sheet arriving
 * as one read — never the add-in's own writes.
 */
import { DEMO_TASKS, parsePeriod, tasksForUnit } from "../../src/domain";
import { createOfficeWorkbookPort } from "../../src/workbook/office/port";
import { concernsTasks } from "../../src/workbook/office/tasks";
import { TASK_COLUMNS_AT, TASK_FIRST_ROW } from "../../src/workbook/template";
import type { TaskSheetRead } from "../../src/workbook/task-sheet-read";
import { PROFILE_NAMES, installExcel, userTypes, type ProfileName } from "./excel-double";
import { catalog, specFor, units } from "./xlsx-helpers";

const period = parsePeriod("2026-Q1")!;
const tasks = tasksForUnit({ tasks: DEMO_TASKS }, "DEMO-01", period);
const demoUnit = units.byCode("DEMO-01")!;

async function opened(p: ProfileName) {
  const x = installExcel(undefined, p);
  const port = createOfficeWorkbookPort({ catalog, units, features: { printSetup: false } });
  const spec = specFor({ unit: demoUnit, demo: true, tasks, targets: units.targetsFor(catalog, "DEMO-01") });
  await x.action("open", () => port.ensureTemplate(spec));
  return { x, port };
}

describe.each(PROFILE_NAMES)("on %s", (p: ProfileName) => {
  it("reads the task sheet in one sync: its tasks from the rows (deadline, product, role) and where each input is", async () => {
    const { x, port } = await opened(p);
    const { result: read, count } = await x.action("read", () => port.readTasks!());
    expect(count.syncs).toBe(1);
    expect(read.present).toBe(true);
    expect(read.tasks.map((t) => [t.task.id, t.role, t.task.deadline, t.task.product])).toEqual(
      tasks.map((t) => [t.task.id, t.role, t.task.deadline, t.task.product]),
    );
    expect(read.cells["DEMO-T1"]?.state).toBe(`TienDoNV!${TASK_COLUMNS_AT.state}${TASK_FIRST_ROW}`);
    expect(read.progress).toEqual([]);
  });

  it("writes every pending input in one sync, the state as its label, with no echo, and reads it back", async () => {
    const { x, port } = await opened(p);
    await port.readTasks!();
    const seen: TaskSheetRead[] = [];
    await port.onTasksChanged!((r) => seen.push(r));
    const { count } = await x.action("write", () =>
      port.writeTasks!([
        { taskId: "DEMO-T1", field: "state", raw: "done" },
        { taskId: "DEMO-T1", field: "percent", raw: 100 },
        { taskId: "DEMO-T1", field: "productDelivered", raw: "- Vỉa hè 1,2 km" },
        { taskId: "DEMO-T1", field: "completedOn", raw: "28/02/2026" },
        { taskId: "NOT-MINE", field: "state", raw: "late" },
      ]),
    );
    expect([count.syncs, count.echoRuns]).toEqual([1, 0]);
    expect(seen).toEqual([]);
    const row = x.model.sheet("TienDoNV")!;
    expect(row.cell(TASK_FIRST_ROW, 6)?.value).toBe("Hoàn thành");
    const read = await port.readTasks!();
    expect(read.progress).toEqual([
      expect.objectContaining({
        taskId: "DEMO-T1",
        state: "done",
        percent: 100,
        productDelivered: "- Vỉa hè 1,2 km",
        completedOn: "2026-02-28",
      }),
    ]);
  });

  it("delivers what a person types in the sheet's inputs as one read, and ignores the rest of the sheet", async () => {
    const { x, port } = await opened(p);
    await port.readTasks!();
    const seen: TaskSheetRead[] = [];
    await port.onTasksChanged!((r) => seen.push(r));
    const r2 = TASK_FIRST_ROW + 1;
    const { count } = await x.action("type", () =>
      userTypes(x.model, "TienDoNV", `${TASK_COLUMNS_AT.percent}${r2}`, 45),
    );
    expect(count.syncs).toBe(1);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.progress).toEqual([expect.objectContaining({ taskId: "DEMO-T2", percent: 45 })]);
    expect(concernsTasks({ address: "TienDoNV!A1" })).toBe(false);
    expect(concernsTasks({ address: `TienDoNV!B${r2}` })).toBe(false);
    expect(concernsTasks({ address: `TienDoNV!G${r2}`, triggerSource: "ThisLocalAddin" })).toBe(false);
    expect(concernsTasks({ address: `TienDoNV!F${r2}:O${r2}` })).toBe(true);
  });
});
