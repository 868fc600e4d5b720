/** The brief's overdue key tasks (issue #21 item 5): one line per overdue task, cut after `max`, the list's status. */
import { createUnitRegistry, defaultCatalog, defaultUnits, parsePeriod, type Period } from "../../../src/domain";
import {
  buildTaskBoard,
  briefTasks,
  defaultTaskRegister,
  taskUnits,
  type TaskRegister,
} from "../../../src/domain/tasks";

const units = createUnitRegistry([...defaultUnits(), ...taskUnits()]);
const boardOf = (register: TaskRegister, period: string) =>
  buildTaskBoard({
    register,
    period: parsePeriod(period) as Period,
    units,
    catalog: defaultCatalog(),
    reports: [],
  });

describe("briefTasks", () => {
  it("lists each overdue task with its id, name, lead, deadline and state, in the language asked", () => {
    const board = boardOf(defaultTaskRegister(), "2026-12");
    const vi = briefTasks(board, "vi");
    expect(vi.overdue).toBe(board.overdue.length);
    expect(vi.overdue).toBeGreaterThan(12);
    expect(vi.followed).toBe(board.rows.length);
    // the first 12, then how many more
    expect(vi.lines).toHaveLength(13);
    expect(vi.lines[12]).toBe(`… và ${vi.overdue - 12} nhiệm vụ khác`);
    const first = board.rows.find((r) => r.overdue)!;
    expect(vi.lines[0]).toMatch(new RegExp(`^${first.task.id} — .+ · .+ · hạn .+ · Chậm tiến độ$`));
    const en = briefTasks(board, "en", 3);
    expect(en.lines).toHaveLength(4);
    expect(en.lines[0]).toMatch(/ · due .+ · Late$/);
    expect(en.lines[3]).toBe(`… and ${en.overdue - 3} more`);
  });

  it("says the starter list is not the official one, and says nothing of an official list", () => {
    const starter = defaultTaskRegister();
    expect(briefTasks(boardOf(starter, "2026-03"), "en").listNote).toMatch(/not the city's official list/);
    const official: TaskRegister = { tasks: starter.tasks.map((t) => ({ ...t, status: "official" as const })) };
    expect(briefTasks(boardOf(official, "2026-03"), "vi").listNote).toBeNull();
  });

  it("gives no line when no task is overdue", () => {
    const none: TaskRegister = { tasks: defaultTaskRegister().tasks.map((t) => ({ ...t, deadline: "2030" })) };
    const b = briefTasks(boardOf(none, "2026-03"), "vi");
    expect(b).toMatchObject({ lines: [], overdue: 0 });
    expect(b.followed).toBeGreaterThan(0);
  });
});
