import {
  blankTaskProgress,
  checkTaskProgress,
  checkUnitTasks,
  effectiveTaskState,
  parseDeadline,
  parsePeriod,
  parseTaskState,
  tasksForUnit,
  TASK_TEXT_LIMIT,
  type Period,
  type Task,
  type TaskProgress,
  type TaskRegister,
} from "../../../src/domain";

function period(id: string): Period {
  const p = parsePeriod(id);
  if (!p) throw new Error(id);
  return p;
}

function task(over: Partial<Task> = {}): Task {
  return {
    id: "KT900",
    list: "test",
    group: "Hạ tầng",
    name: { vi: "Cầu thử", en: "Test bridge" },
    kind: "work",
    leadUnitCode: "S-XD",
    coUnitCodes: ["00004"],
    leadText: null,
    focalPerson: null,
    product: "Cầu hoàn thành",
    deadline: "2026-06-30",
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

const progress = (over: Partial<TaskProgress>): TaskProgress => ({ ...blankTaskProgress("KT900"), ...over });

describe("task deadlines", () => {
  it("reads a year, a month and a day, and Vietnamese day-first forms, as their last day", () => {
    expect(parseDeadline("2030")?.lastDay).toBe("2030-12-31");
    expect(parseDeadline("2026-02")?.lastDay).toBe("2026-02-28");
    expect(parseDeadline("2028-2")?.lastDay).toBe("2028-02-29");
    expect(parseDeadline("30/6/2026")).toEqual({ text: "2026-06-30", precision: "day", lastDay: "2026-06-30" });
    expect(parseDeadline("6/2026")?.text).toBe("2026-06");
  });
  it("refuses what is not a date", () => {
    for (const bad of ["2026-02-30", "31/04/2026", "13/2026", "quý II", "", "2026-13"])
      expect(parseDeadline(bad)).toBeNull();
  });
});

describe("task states", () => {
  it("reads codes and vi/en labels in any case and tone placement", () => {
    expect(parseTaskState("Hoàn thành")).toBe("done");
    expect(parseTaskState("hoàn thành")).toBe("done");
    expect(parseTaskState("on_track")).toBe("on_track");
    expect(parseTaskState("Late")).toBe("late");
    expect(parseTaskState("Vướng mắc, tạm dừng")).toBe("blocked");
    expect(parseTaskState("maybe")).toBeNull();
  });
});

describe("the progress rules", () => {
  it("refuses done without a product and without a completion date", () => {
    const codes = checkTaskProgress(task(), progress({ state: "done" }), period("2026-Q1")).map((i) => i.code);
    expect(codes).toEqual(["done_without_product", "done_without_date"]);
  });

  it("accepts done with a product and a date within the period", () => {
    const p = progress({ state: "done", productDelivered: "Cầu thông xe", completedOn: "2026-03-20" });
    expect(checkTaskProgress(task(), p, period("2026-Q1"))).toEqual([]);
    const later = checkTaskProgress(task(), { ...p, completedOn: "2026-04-02" }, period("2026-Q1"));
    expect(later.map((i) => i.code)).toEqual(["completion_after_period"]);
  });

  it("counts a task past its deadline and not done as late, whatever was typed, and asks why", () => {
    const t = task({ deadline: "2026-06-30" });
    // Q2 ends on the deadline itself: not past yet.
    expect(effectiveTaskState(t, "on_track", period("2026-Q2"))).toBe("on_track");
    expect(effectiveTaskState(t, "on_track", period("2026-07"))).toBe("late");
    expect(effectiveTaskState(t, "blocked", period("2026-Q3"))).toBe("late");
    expect(effectiveTaskState(t, "done", period("2026-Q3"))).toBe("done");
    const bare = checkTaskProgress(t, progress({ state: "on_track" }), period("2026-07"));
    expect(bare.map((i) => [i.code, i.severity])).toEqual([["late_without_justification", "error"]]);
    expect(bare[0]?.message.en).toContain("30/06/2026");
    const justified = checkTaskProgress(
      t,
      progress({ state: "on_track", justification: "Vướng giải phóng mặt bằng 2 hộ" }),
      period("2026-07"),
    );
    expect(justified.map((i) => [i.code, i.severity])).toEqual([["past_deadline_not_done", "info"]]);
  });

  it("judges a year deadline at the end of that year", () => {
    const t = task({ deadline: "2026" });
    expect(effectiveTaskState(t, "at_risk", period("2026"))).toBe("at_risk");
    expect(effectiveTaskState(t, "at_risk", period("2027-01"))).toBe("late");
  });

  it("refuses a percent outside 0–100", () => {
    const codes = checkTaskProgress(task(), progress({ state: "on_track", percent: 120 }), period("2026-Q1"));
    expect(codes.map((i) => i.code)).toEqual(["percent_out_of_range"]);
  });
});

describe("the text limit of task progress", () => {
  const long = "x".repeat(TASK_TEXT_LIMIT + 1);
  const TEXT = ["milestone", "productDelivered", "evidence", "evidenceRef", "obstacles", "proposals", "justification"];

  it.each(TEXT)("refuses %s over the limit, naming the field", (field) => {
    const issues = checkTaskProgress(task(), progress({ state: "on_track", [field]: long }), period("2026-Q1"));
    expect(issues.filter((i) => i.code === "text_too_long").map((i) => i.field)).toEqual([field]);
  });

  it("takes a text of exactly the limit", () => {
    const p = progress({ state: "on_track", obstacles: "x".repeat(TASK_TEXT_LIMIT) });
    expect(checkTaskProgress(task(), p, period("2026-Q1")).map((i) => i.code)).not.toContain("text_too_long");
  });
});

describe("a unit's tasks", () => {
  const register: TaskRegister = {
    tasks: [
      task(),
      task({ id: "KT901", leadUnitCode: "00004", coUnitCodes: [] }),
      task({ id: "KT900", effectiveFrom: "2026-Q3", leadUnitCode: "S-YT", coUnitCodes: [] }),
    ],
  };

  it("lists what the unit leads then what it co-owns, in the version in force", () => {
    expect(tasksForUnit(register, "00004", "2026-Q1").map((t) => [t.task.id, t.role])).toEqual([
      ["KT901", "lead"],
      ["KT900", "co"],
    ]);
    // From 2026-Q3 KT900 moved to S-YT: the ward keeps only its own, and Q2's list does not change.
    expect(tasksForUnit(register, "00004", "2026-Q3").map((t) => t.task.id)).toEqual(["KT901"]);
    expect(tasksForUnit(register, "00004", "2026-Q2").map((t) => t.task.id)).toEqual(["KT901", "KT900"]);
    expect(tasksForUnit(register, "S-YT", "2026").map((t) => t.task.id)).toEqual([]);
  });

  it("asks for every task of the unit, refuses others and duplicates", () => {
    const result = checkUnitTasks(register, "00004", period("2026-Q1"), [
      { ...blankTaskProgress("KT901"), state: "on_track" },
      { ...blankTaskProgress("KT901"), state: "on_track" },
      { ...blankTaskProgress("KT999"), state: "on_track" },
    ]);
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => [i.code, i.taskId])).toEqual([
      ["duplicate_task", "KT901"],
      ["task_not_for_unit", "KT999"],
      ["progress_missing", "KT900"],
    ]);
    expect(result.states.map((s) => [s.unitTask.task.id, s.state])).toEqual([
      ["KT901", "on_track"],
      ["KT900", null],
    ]);
  });
});
