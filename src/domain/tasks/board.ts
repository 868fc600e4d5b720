/**
 * The planner's task board for a period (issue #19, item 3): every task followed then, in its version then, with
 * its lead unit, focal person, deadline, the state that counts, product and last update, grouped by task group,
 * lead unit and bottleneck; the overdue tasks, those nobody updated this period, those whose owning units disagree;
 * and per target the tasks that serve it.
 *
 * - The progress shown is the lead unit's latest report on the task up to the period's end (any earlier period
 *   counts: a task keeps its last known state), else a co-unit's latest; ties go to the later receipt.
 * - "Updated this period": a lead or co-unit reported on it in a period within the board's (a month inside the
 *   quarter counts for the quarter).
 * - "Disagree": within the period, two owning units' latest states differ (after the deadline rule).
 * - Overdue: past the deadline at the period's end and not done — reported or not.
 * Units are matched by code; a report on a task the unit does not own in the period is ignored. Demo units' reports
 * and the demo tasks are left out unless `includeDemo`. Linear in the number of progress rows (bench/tasks).
 */
import type { Bilingual, Catalog, Period, UnitRegistry } from "../types";
import { BOTTLENECK_NAMES } from "../catalog/names";
import { parsePeriod } from "../periods/periods";
import { effectiveTaskState, isPastDeadline } from "./progress";
import { tasksAt } from "./register";
import type { BoardCounts, BoardGroup, BoardRow, TaskBoard, TaskReport, TaskUpdate } from "./board-types";
import { TASK_STATES, type Task, type TaskProgress, type TaskRegister, type TaskState } from "./types";

export interface BoardRequest {
  register: TaskRegister;
  period: Period;
  units: UnitRegistry;
  catalog: Catalog;
  reports: readonly TaskReport[];
  includeDemo?: boolean;
  /** only the tasks one of these units leads or co-owns (a unit group's consolidation); all when absent */
  unitCodes?: ReadonlySet<string>;
  /** the classroom's board: demo tasks and demo units alone (a demo token, or a real one asking for the demo group) */
  onlyDemo?: boolean;
}

interface Seen {
  progress: TaskProgress;
  update: TaskUpdate;
  /** period end, then receipt: the later wins */
  rank: string;
  inPeriod: boolean;
}

export function emptyBoardCounts(): BoardCounts {
  return { not_started: 0, on_track: 0, at_risk: 0, late: 0, done: 0, blocked: 0, no_report: 0 };
}

/** task id → unit code → that unit's latest progress on the task (up to the period's end). */
function latestByTaskAndUnit(req: BoardRequest, owners: Map<string, Set<string>>): Map<string, Map<string, Seen>> {
  const out = new Map<string, Map<string, Seen>>();
  const ends = new Map<string, Period | null>();
  for (const r of req.reports) {
    let p = ends.get(r.period);
    if (p === undefined) ends.set(r.period, (p = parsePeriod(r.period)));
    if (!p || p.end > req.period.end) continue;
    const unit = req.units.byCode(r.unitCode);
    if (!unit || (req.onlyDemo ? !unit.demo : unit.demo && !req.includeDemo)) continue;
    const rank = `${p.end}|${r.receivedAt}`;
    const inPeriod = p.start >= req.period.start;
    for (const progress of r.tasks) {
      if (!owners.get(progress.taskId)?.has(r.unitCode)) continue;
      let perUnit = out.get(progress.taskId);
      if (!perUnit) out.set(progress.taskId, (perUnit = new Map()));
      const prev = perUnit.get(r.unitCode);
      if (!prev || prev.rank < rank)
        perUnit.set(r.unitCode, {
          progress,
          rank,
          inPeriod,
          update: { unitCode: r.unitCode, period: r.period, receivedAt: r.receivedAt },
        });
    }
  }
  return out;
}

function row(task: Task, seen: Map<string, Seen> | undefined, req: BoardRequest): BoardRow {
  const lead = task.leadUnitCode ? seen?.get(task.leadUnitCode) : undefined;
  let shown = lead;
  if (!shown && seen)
    for (const code of task.coUnitCodes) {
      const s = seen.get(code);
      if (s && (!shown || shown.rank < s.rank)) shown = s;
    }
  const roles: { unitCode: string; role: "lead" | "co" }[] = [
    ...(task.leadUnitCode ? [{ unitCode: task.leadUnitCode, role: "lead" as const }] : []),
    ...task.coUnitCodes.map((unitCode) => ({ unitCode, role: "co" as const })),
  ];
  const unitStates = roles.map((r) => {
    const s = seen?.get(r.unitCode);
    return { ...r, state: s?.inPeriod ? effectiveTaskState(task, s.progress.state, req.period) : null };
  });
  const reported = new Set(unitStates.filter((u) => u.state !== null).map((u) => u.state));
  const reportedState = shown?.progress.state ?? null;
  const state = effectiveTaskState(task, reportedState, req.period);
  return {
    task,
    leadUnitName: task.leadUnitCode ? (req.units.byCode(task.leadUnitCode)?.name ?? null) : null,
    state,
    reportedState,
    progress: shown?.progress ?? null,
    lastUpdate: shown?.update ?? null,
    updatedThisPeriod: unitStates.some((u) => u.state !== null),
    overdue: state !== "done" && isPastDeadline(task, req.period),
    unitStates,
    disagreement: reported.size > 1,
  };
}

class Groups {
  private readonly map = new Map<string, BoardGroup>();
  add(key: string, label: Bilingual, r: BoardRow): void {
    let g = this.map.get(key);
    if (!g) this.map.set(key, (g = { key, label, counts: emptyBoardCounts(), taskIds: [] }));
    g.counts[r.state ?? "no_report"]++;
    g.taskIds.push(r.task.id);
  }
  list(): BoardGroup[] {
    return [...this.map.values()];
  }
}

const NONE: Bilingual = { vi: "(chưa giao đơn vị)", en: "(no unit assigned)" };
const NO_BOTTLENECK: Bilingual = { vi: "(không gắn điểm nghẽn)", en: "(no bottleneck)" };

export function buildTaskBoard(req: BoardRequest): TaskBoard {
  const all = tasksAt(req.register, req.period);
  const only = req.unitCodes;
  const ownedBySelection = (t: Task): boolean =>
    !only || (t.leadUnitCode !== null && only.has(t.leadUnitCode)) || t.coUnitCodes.some((c) => only.has(c));
  const kept = req.onlyDemo
    ? all.filter((t) => t.status === "demo")
    : req.includeDemo
      ? all
      : all.filter((t) => t.status !== "demo");
  const tasks = only ? kept.filter(ownedBySelection) : kept;
  const owners = new Map<string, Set<string>>();
  for (const t of tasks) owners.set(t.id, new Set([...(t.leadUnitCode ? [t.leadUnitCode] : []), ...t.coUnitCodes]));
  const latest = latestByTaskAndUnit(req, owners);
  const rows = tasks.map((t) => row(t, latest.get(t.id), req));
  const counts = emptyBoardCounts();
  const byGroup = new Groups();
  const byLead = new Groups();
  const byBottleneck = new Groups();
  const byTarget = new Map<string, string[]>();
  for (const r of rows) {
    counts[r.state ?? "no_report"]++;
    byGroup.add(r.task.group, { vi: r.task.group, en: r.task.group }, r);
    byLead.add(r.task.leadUnitCode ?? "", r.leadUnitName ?? NONE, r);
    const b = r.task.bottleneck;
    byBottleneck.add(b ?? "", b ? BOTTLENECK_NAMES[b] : NO_BOTTLENECK, r);
    for (const id of r.task.linkedTargets) byTarget.set(id, [...(byTarget.get(id) ?? []), r.task.id]);
  }
  const ids = (f: (r: BoardRow) => boolean): string[] => rows.filter(f).map((r) => r.task.id);
  return {
    period: req.period.id,
    rows,
    counts,
    byGroup: byGroup.list(),
    byLeadUnit: byLead.list(),
    byBottleneck: byBottleneck.list(),
    overdue: ids((r) => r.overdue),
    noUpdate: ids((r) => !r.updatedThisPeriod),
    disagreements: ids((r) => r.disagreement),
    byTarget: req.catalog.targets
      .filter((t) => byTarget.has(t.id))
      .map((t) => ({ targetId: t.id, name: t.name, taskIds: byTarget.get(t.id)! })),
  };
}

export const BOARD_STATE_ORDER: readonly (TaskState | "no_report")[] = [...TASK_STATES, "no_report"];
