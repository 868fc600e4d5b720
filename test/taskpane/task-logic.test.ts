/** The Tasks tab's form logic and the planner's task view grouping (pure). */
import { DEMO_TASKS, checkUnitTasks, parsePeriod, tasksForUnit, type Task } from "../../src/domain";
import {
  cellRaw,
  draftOf,
  parseCompletion,
  parsePercent,
  percentProblem,
  progressList,
  progressOf,
  registerOf,
  BLANK_DRAFT,
} from "../../src/taskpane/hooks/task-drafts";
import { groupedRows, watchLists } from "../../src/taskpane/components/task-board";
import { refusedAt } from "../../src/taskpane/components/TaskProgress/useTaskProgressPanel";
import type { TaskBoardResponse } from "../../src/taskpane/api/task-board";
import type { ValidationIssue } from "../../src/domain";

const q1 = parsePeriod("2026-Q1")!;
const demo01 = tasksForUnit({ tasks: DEMO_TASKS }, "DEMO-01", q1);

describe("the Tasks tab's form values", () => {
  it("reads a percent typed with a comma or a dot, with or without %, and names one that is not a number", () => {
    expect([parsePercent("12,5"), parsePercent("12.5"), parsePercent(" 45 % "), parsePercent("")]).toEqual([
      12.5,
      12.5,
      45,
      null,
    ]);
    expect(Number.isNaN(parsePercent("gần xong") as number)).toBe(true);
    expect(percentProblem({ ...BLANK_DRAFT, percent: "gần xong" })).toBe(true);
    expect(percentProblem({ ...BLANK_DRAFT, percent: "12,5" })).toBe(false);
  });

  it("reads a completion date day first and keeps other text for the rules to name", () => {
    expect(parseCompletion("5/3/2026")).toBe("2026-03-05");
    expect(parseCompletion("2026-03-05")).toBe("2026-03-05");
    expect(parseCompletion("quý I")).toBe("quý I");
    const p = progressOf("DEMO-T1", { ...BLANK_DRAFT, state: "done", productDelivered: "x", completedOn: "quý I" });
    const issues = checkUnitTasks({ tasks: DEMO_TASKS }, "DEMO-01", q1, [p]).issues.map((i) => i.code);
    expect(issues).toContain("bad_completion_date");
  });

  it("turns a state label back into its code, and writes a percent as a number, the rest as typed", () => {
    expect(progressOf("X", { ...BLANK_DRAFT, state: "Hoàn thành" }).state).toBe("done");
    expect(progressOf("X", { ...BLANK_DRAFT, state: "at_risk" }).state).toBe("at_risk");
    expect(cellRaw("percent", "12,5")).toBe(12.5);
    expect(cellRaw("percent", "abc")).toBe("abc");
    expect(cellRaw("state", "Đúng tiến độ")).toBe("on_track");
    expect(cellRaw("completedOn", "30/06/2026")).toBe("30/06/2026");
    expect(cellRaw("obstacles", "  ")).toBeNull();
  });

  it("shows stored progress in the locale (a percent with a comma in Vietnamese, a date day first)", () => {
    const p = progressOf("DEMO-T1", { ...BLANK_DRAFT, percent: "12.5", completedOn: "28/02/2026" });
    expect(draftOf(p, "vi")).toMatchObject({ percent: "12,5", completedOn: "28/02/2026" });
    expect(draftOf(p, "en")).toMatchObject({ percent: "12.5" });
  });

  it("sends only the tasks with something typed, and the rules see the rest as missing", () => {
    const drafts = { "DEMO-T2": { ...BLANK_DRAFT, state: "on_track" }, "DEMO-T1": { ...BLANK_DRAFT } };
    const list = progressList(demo01, drafts);
    expect(list.map((p) => p.taskId)).toEqual(["DEMO-T2"]);
    const check = checkUnitTasks(registerOf(demo01, "DEMO-01", q1), "DEMO-01", q1, list);
    expect(check.issues.map((i) => [i.taskId, i.code])).toEqual([
      ["DEMO-T1", "progress_missing"],
      ["DEMO-T3", "progress_missing"],
    ]);
  });

  it("makes a register of the listed tasks in which the unit holds its role, so a co-owned task stays co-owned", () => {
    const sheetLike = demo01.map((ut) => ({ ...ut, task: { ...ut.task, leadUnitCode: null, coUnitCodes: [] } }));
    const reg = registerOf(sheetLike, "DEMO-01", q1);
    expect(tasksForUnit(reg, "DEMO-01", q1).map((ut) => [ut.task.id, ut.role])).toEqual(
      demo01.map((ut) => [ut.task.id, ut.role]),
    );
    // the late rule holds for a task the sheet lists: DEMO-T1 (due 02/2026) in 2026-Q1
    const late = checkUnitTasks(reg, "DEMO-01", q1, [progressOf("DEMO-T1", { ...BLANK_DRAFT, state: "on_track" })]);
    expect(late.issues.find((i) => i.taskId === "DEMO-T1")?.code).toBe("late_without_justification");
  });

  it("reads the task and field an endpoint's refusal names", () => {
    const issue = {
      path: ["body", "tasks", 0, "productDelivered"],
      params: { taskId: "DEMO-T1" },
    } as unknown as ValidationIssue;
    expect(refusedAt(issue)).toEqual({ taskId: "DEMO-T1", field: "productDelivered" });
    expect(refusedAt({ path: ["entries", 0], params: {} } as unknown as ValidationIssue)).toBeNull();
  });
});

describe("the planner's task view", () => {
  const row = (task: Task, state: TaskBoardResponse["rows"][number]["state"]) => ({
    task,
    leadUnitName: null,
    state,
    reportedState: state,
    progress: null,
    lastUpdate: null,
    updatedThisPeriod: false,
    overdue: state === "late",
    unitStates: [],
    disagreement: false,
  });
  const [t1, t2, t3] = DEMO_TASKS as [Task, Task, Task];
  const board = {
    period: "2026-Q1",
    counts: {},
    rows: [row(t1, "late"), row(t2, "on_track"), row(t3, null)],
    byGroup: [{ key: "g", label: { vi: "Trình diễn", en: "Demo" }, counts: {}, taskIds: [t1.id, t2.id, t3.id] }],
    byLeadUnit: [
      { key: "DEMO-01", label: { vi: "Phường", en: "Ward" }, counts: {}, taskIds: [t1.id, t2.id] },
      { key: "DEMO-02", label: { vi: "Sở", en: "Dept" }, counts: {}, taskIds: [t3.id] },
    ],
    byBottleneck: [{ key: "urban_order", label: { vi: "Trật tự", en: "Order" }, counts: {}, taskIds: [t1.id] }],
    overdue: [t1.id],
    noUpdate: [t2.id, t3.id],
    disagreements: [],
    byTarget: [],
  } as unknown as TaskBoardResponse;

  it("groups the rows as the board's groups say, in their order", () => {
    expect(groupedRows(board, "lead").map((g) => [g.key, g.rows.map((r) => r.task.id)])).toEqual([
      ["DEMO-01", ["DEMO-T1", "DEMO-T2"]],
      ["DEMO-02", ["DEMO-T3"]],
    ]);
    expect(groupedRows(board, "bottleneck").map((g) => g.rows.map((r) => r.task.id))).toEqual([["DEMO-T1"]]);
    expect(groupedRows(board, "group")[0]?.rows).toHaveLength(3);
  });

  it("lists the overdue, not updated and disagreeing tasks", () => {
    const lists = watchLists(board);
    expect(lists.overdue.map((r) => r.task.id)).toEqual(["DEMO-T1"]);
    expect(lists.noUpdate.map((r) => r.task.id)).toEqual(["DEMO-T2", "DEMO-T3"]);
    expect(lists.disagreements).toEqual([]);
  });
});
