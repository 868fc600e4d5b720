import {
  blankTaskProgress,
  boardTable,
  DEMO_TASKS,
  tasksForUnit,
  buildTaskBoard,
  createUnitRegistry,
  defaultCatalog,
  defaultUnits,
  parsePeriod,
  taskUnits,
  type Task,
  type TaskProgress,
  type TaskReport,
} from "../../../src/domain";

const units = createUnitRegistry([...defaultUnits(), ...taskUnits()]);
const catalog = defaultCatalog();

function task(id: string, over: Partial<Task> = {}): Task {
  return {
    id,
    list: "test",
    group: "Giao thông",
    name: { vi: `Nhiệm vụ ${id}`, en: `Task ${id}` },
    kind: "task",
    leadUnitCode: "S-XD",
    coUnitCodes: [],
    leadText: null,
    focalPerson: "Ông A",
    product: "Báo cáo",
    deadline: "2026-12-31",
    milestones: [],
    linkedTargets: [],
    bottleneck: null,
    source: "test",
    status: "official",
    effectiveFrom: "2026-01",
    retiredFrom: null,
    ...over,
  };
}
const p = (taskId: string, over: Partial<TaskProgress>): TaskProgress => ({ ...blankTaskProgress(taskId), ...over });
const report = (unitCode: string, period: string, receivedAt: string, tasks: TaskProgress[]): TaskReport => ({
  unitCode,
  period,
  receivedAt,
  tasks,
});

const register = {
  tasks: [
    task("T1", { coUnitCodes: ["00004"], linkedTargets: ["U10"], bottleneck: "traffic" }),
    task("T2", { deadline: "2026-02", group: "Môi trường", bottleneck: "pollution", linkedTargets: ["U10", "U05"] }),
    task("T3", { leadUnitCode: "S-YT", group: "Môi trường" }),
    task("T4", { leadUnitCode: null, leadText: "Tập đoàn X (nhà đầu tư)" }),
    task("T5", { leadUnitCode: "S-YT", retiredFrom: "2026-Q1" }),
  ],
};

describe("the task board", () => {
  const reports = [
    report("S-XD", "2026-01", "2026-02-03T02:00:00Z", [
      p("T1", { state: "not_started" }),
      p("T2", { state: "on_track" }),
    ]),
    report("S-XD", "2026-03", "2026-04-02T02:00:00Z", [p("T1", { state: "on_track", percent: 40 })]),
    report("00004", "2026-03", "2026-04-03T02:00:00Z", [p("T1", { state: "blocked", obstacles: "Chưa có mặt bằng" })]),
    // a unit reporting a task it does not own is ignored; so is a later period
    report("00008", "2026-03", "2026-04-03T02:00:00Z", [p("T3", { state: "done" })]),
    report("S-YT", "2026-04", "2026-05-03T02:00:00Z", [p("T3", { state: "done" })]),
  ];
  const board = buildTaskBoard({ register, period: parsePeriod("2026-Q1")!, units, catalog, reports });
  const row = (id: string) => board.rows.find((r) => r.task.id === id)!;

  it("shows every task in force with the lead unit's latest progress and when it came", () => {
    expect(board.rows.map((r) => r.task.id)).toEqual(["T1", "T2", "T3", "T4"]);
    expect(row("T1")).toMatchObject({ state: "on_track", lastUpdate: { unitCode: "S-XD", period: "2026-03" } });
    expect(row("T1").progress?.percent).toBe(40);
    expect(row("T1").leadUnitName?.vi).toBe("Sở Xây dựng");
    expect(row("T3")).toMatchObject({ state: null, lastUpdate: null, updatedThisPeriod: false });
  });

  it("counts a task past its deadline and not done as late and overdue, whatever was typed", () => {
    expect(row("T2")).toMatchObject({ state: "late", reportedState: "on_track", overdue: true });
    expect(board.overdue).toEqual(["T2"]);
  });

  it("lists the tasks nobody updated this period and those whose units disagree", () => {
    expect(board.noUpdate).toEqual(["T3", "T4"]);
    expect(board.disagreements).toEqual(["T1"]);
    expect(row("T1").unitStates).toEqual([
      { unitCode: "S-XD", role: "lead", state: "on_track" },
      { unitCode: "00004", role: "co", state: "blocked" },
    ]);
  });

  it("groups by task group, lead unit and bottleneck, and lists per target the tasks that serve it", () => {
    expect(board.byGroup.map((g) => [g.key, g.taskIds])).toEqual([
      ["Giao thông", ["T1", "T4"]],
      ["Môi trường", ["T2", "T3"]],
    ]);
    expect(board.byLeadUnit.map((g) => [g.key, g.counts.no_report, g.taskIds])).toEqual([
      ["S-XD", 0, ["T1", "T2"]],
      ["S-YT", 1, ["T3"]],
      ["", 1, ["T4"]],
    ]);
    expect(board.byBottleneck.map((g) => [g.label.en, g.counts.late, g.counts.on_track])).toEqual([
      ["Traffic congestion", 0, 1],
      ["Environmental pollution", 1, 0],
      ["(no bottleneck)", 0, 0],
    ]);
    expect(board.byTarget.map((t) => [t.targetId, t.taskIds])).toEqual([
      ["U05", ["T2"]],
      ["U10", ["T1", "T2"]],
    ]);
    expect(board.counts).toEqual({
      not_started: 0,
      on_track: 1,
      at_risk: 0,
      late: 1,
      done: 0,
      blocked: 0,
      no_report: 2,
    });
  });

  it("keeps a task's last known state from an earlier period, flagged as not updated", () => {
    const q2 = buildTaskBoard({ register, period: parsePeriod("2026-Q2")!, units, catalog, reports });
    const t1 = q2.rows.find((r) => r.task.id === "T1")!;
    expect(t1).toMatchObject({ state: "on_track", updatedThisPeriod: false, lastUpdate: { period: "2026-03" } });
    expect(q2.rows.find((r) => r.task.id === "T3")).toMatchObject({ state: "done", updatedThisPeriod: true });
  });

  it("writes one row per task with words for states and flags", () => {
    const { header, rows } = boardTable(board, "en");
    expect(header[0]).toBe("Id");
    const t2 = rows[1]!;
    expect(t2[header.indexOf("State")]).toBe("Late");
    expect(t2[header.indexOf("Flags")]).toBe("Overdue");
    expect(rows[3]![header.indexOf("Lead unit")]).toBe("Tập đoàn X (nhà đầu tư)");
    expect(rows[3]![header.indexOf("State")]).toBe("No report");
  });
});

describe("the trainers' demo tasks", () => {
  it("are led by the demo units, on the board only with includeDemo, and show the late rule in 2026-Q1", () => {
    const register = { tasks: DEMO_TASKS };
    const period = parsePeriod("2026-Q1")!;
    expect(tasksForUnit(register, "DEMO-01", period).map((t) => [t.task.id, t.role])).toEqual([
      ["DEMO-T1", "lead"],
      ["DEMO-T2", "lead"],
      ["DEMO-T3", "co"],
    ]);
    expect(buildTaskBoard({ register, period, units, catalog, reports: [] }).rows).toEqual([]);
    const demo = buildTaskBoard({ register, period, units, catalog, reports: [], includeDemo: true });
    expect(demo.overdue).toEqual(["DEMO-T1"]);
    expect(demo.rows[0]?.state).toBe("late");
  });
});
