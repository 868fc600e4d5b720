/**
 * Reading the register at a period: each task's version in force, the tasks a unit leads or co-owns. A version
 * holds from the start of its `effectiveFrom` period; the latest one that starts on or before the period's start
 * wins (the rule of applicability and unit retirement), so a change from 2026-Q3 leaves 2026-Q2 and the year 2026's
 * reports as they were. A task retired from a period is not followed from that period's start on.
 */
import type { Period } from "../types";
import { parsePeriod } from "../periods/periods";
import type { Task, TaskRegister, UnitTask } from "./types";
import { DEFAULT_TASKS } from "./tasks-data";

interface RegisterIndex {
  /** task id → versions, latest start first */
  versions: Map<string, { start: string; task: Task }[]>;
  /** period start → tasks in force then (register order of first appearance) */
  atStart: Map<string, Task[]>;
  /** period start → unit code → its tasks */
  byUnit: Map<string, Map<string, UnitTask[]>>;
}
const INDEX = new WeakMap<TaskRegister, RegisterIndex>();

function index(register: TaskRegister): RegisterIndex {
  let idx = INDEX.get(register);
  if (!idx) {
    const versions = new Map<string, { start: string; task: Task }[]>();
    for (const task of register.tasks) {
      const from = parsePeriod(task.effectiveFrom);
      if (!from) continue;
      const list = versions.get(task.id) ?? [];
      list.push({ start: from.start, task });
      versions.set(task.id, list);
    }
    for (const list of versions.values()) list.sort((a, b) => (a.start < b.start ? 1 : a.start > b.start ? -1 : 0));
    idx = { versions, atStart: new Map(), byUnit: new Map() };
    INDEX.set(register, idx);
  }
  return idx;
}

function inForce(task: Task, period: Period): boolean {
  if (!task.retiredFrom) return true;
  const from = parsePeriod(task.retiredFrom);
  return !from || period.start < from.start;
}

/** The version of a task in force in a period (retired or not), or undefined if none has started by then. */
export function taskVersionAt(register: TaskRegister, taskId: string, period: Period): Task | undefined {
  return index(register)
    .versions.get(taskId)
    ?.find((v) => v.start <= period.start)?.task;
}

/** Every task followed in a period, in its version then; retired ones left out. */
export function tasksAt(register: TaskRegister, period: Period): Task[] {
  const idx = index(register);
  let list = idx.atStart.get(period.start);
  if (!list) {
    list = [];
    for (const versions of idx.versions.values()) {
      const task = versions.find((v) => v.start <= period.start)?.task;
      if (task && inForce(task, period)) list.push(task);
    }
    idx.atStart.set(period.start, list);
  }
  return list;
}

/**
 * The tasks a unit reports on in a period: those it leads, then those it co-owns (register order in each). A
 * period id that is not one gives none.
 */
export function tasksForUnit(register: TaskRegister, unitCode: string, period: Period | string): UnitTask[] {
  const p = typeof period === "string" ? parsePeriod(period) : period;
  if (!p) return [];
  const idx = index(register);
  let byUnit = idx.byUnit.get(p.start);
  if (!byUnit) {
    byUnit = new Map();
    const lead = new Map<string, UnitTask[]>();
    const co = new Map<string, UnitTask[]>();
    const add = (m: Map<string, UnitTask[]>, code: string, t: UnitTask): void => {
      const l = m.get(code);
      if (l) l.push(t);
      else m.set(code, [t]);
    };
    for (const task of tasksAt(register, p)) {
      if (task.leadUnitCode) add(lead, task.leadUnitCode, { task, role: "lead" });
      for (const c of task.coUnitCodes) if (c !== task.leadUnitCode) add(co, c, { task, role: "co" });
    }
    for (const code of new Set([...lead.keys(), ...co.keys()]))
      byUnit.set(code, [...(lead.get(code) ?? []), ...(co.get(code) ?? [])]);
    idx.byUnit.set(p.start, byUnit);
  }
  return byUnit.get(unitCode) ?? [];
}

/** Every unit code the register names (lead or co-unit) in any version. */
export function registerUnitCodes(register: TaskRegister): Set<string> {
  const codes = new Set<string>();
  for (const t of register.tasks) {
    if (t.leadUnitCode) codes.add(t.leadUnitCode);
    for (const c of t.coUnitCodes) codes.add(c);
  }
  return codes;
}

/** The starter register (public sources, not the official list), a fresh object each call. */
export function defaultTaskRegister(): TaskRegister {
  return { tasks: DEFAULT_TASKS };
}
