/**
 * Benchmark (issue 19): the task board for 160 units × 212 tasks. Goal: built in under 1 s. Run:
 *   npx tsx bench/tasks/run.ts
 * 160 units: the 126 wards and communes, the starter departments, the city units added for the task register and
 * synthetic departments up to 160. 212 tasks in 12 groups, each led by one unit. Two registers, each with 12 monthly
 * reports (2026-01 … 2026-12) from every owning unit, the board built for the year 2026 (so every month is read):
 * - `spread`: each task co-owned by 3 other units (4 owners): 848 progress rows a month, 10,176 in all;
 * - `all`: every one of the 160 units owns every task (the widest case): 33,920 rows a month, 407,040 in all.
 * Each figure is the median of 5 passes after 2 warm-up passes, wall and CPU.
 */
import { loadavg } from "node:os";
import {
  blankTaskProgress,
  buildTaskBoard,
  createUnitRegistry,
  defaultCatalog,
  defaultUnits,
  parsePeriod,
  taskUnits,
  TASK_STATES,
  type Task,
  type TaskReport,
  type Unit,
} from "../../src/domain";
import { seededRandom } from "../../src/domain/random";

const rnd = seededRandom(20261203);
const catalog = defaultCatalog();
const base = [...defaultUnits().filter((u) => !u.demo), ...taskUnits()];
const extra: Unit[] = [];
for (let i = base.length; i < 160; i++)
  extra.push({ ...base[base.length - 1]!, code: `S-B${i}`, name: { vi: `Sở thử ${i}`, en: `Bench dept ${i}` } });
const units = [...base, ...extra];
const registry = createUnitRegistry(units);
const codes = units.map((u) => u.code);
const targetIds = catalog.targets.map((t) => t.id);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

function tasks(coUnits: (lead: string) => string[]): Task[] {
  return Array.from({ length: 212 }, (_, i): Task => {
    const lead = codes[i % codes.length]!;
    return {
      id: `NV${String(i + 1).padStart(3, "0")}`,
      list: "bench",
      group: `Nhóm ${(i % 12) + 1}`,
      name: { vi: `Nhiệm vụ ${i + 1}`, en: `Task ${i + 1}` },
      kind: "project",
      leadUnitCode: lead,
      coUnitCodes: coUnits(lead),
      leadText: null,
      focalPerson: "Đầu mối",
      product: "Sản phẩm",
      deadline: rnd() < 0.3 ? "2026-06-30" : "2028",
      milestones: [],
      linkedTargets: rnd() < 0.5 ? [pick(targetIds)] : [],
      bottleneck: rnd() < 0.3 ? "traffic" : null,
      source: "bench",
      status: "official",
      effectiveFrom: "2026-01",
      retiredFrom: null,
    };
  });
}

function reports(list: Task[]): { reports: TaskReport[]; rows: number } {
  const owned = new Map<string, string[]>();
  for (const t of list)
    for (const c of [t.leadUnitCode!, ...t.coUnitCodes]) owned.set(c, [...(owned.get(c) ?? []), t.id]);
  const out: TaskReport[] = [];
  let rows = 0;
  for (let m = 1; m <= 12; m++)
    for (const [unitCode, ids] of owned) {
      out.push({
        unitCode,
        period: `2026-${String(m).padStart(2, "0")}`,
        receivedAt: `2026-${String(m).padStart(2, "0")}-2${m % 9}T03:00:00Z`,
        tasks: ids.map((id) => ({
          ...blankTaskProgress(id),
          state: pick(TASK_STATES),
          percent: Math.round(rnd() * 100),
        })),
      });
      rows += ids.length;
    }
  return { reports: out, rows };
}

const year = parsePeriod("2026")!;
function median(f: () => unknown): { ms: number; cpuMs: number } {
  for (let i = 0; i < 2; i++) f();
  const runs: { ms: number; cpuMs: number }[] = [];
  for (let i = 0; i < 5; i++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    f();
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    runs.push({ ms, cpuMs: (cpu.user + cpu.system) / 1000 });
  }
  const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[2]!;
  return { ms: mid(runs.map((r) => r.ms)), cpuMs: mid(runs.map((r) => r.cpuMs)) };
}

const others = (lead: string): string[] => {
  const set = new Set<string>();
  while (set.size < 3) {
    const c = pick(codes);
    if (c !== lead) set.add(c);
  }
  return [...set];
};
const spreadTasks = tasks(others);
const spread = reports(spreadTasks);
const allTasks = tasks((lead) => codes.filter((c) => c !== lead));
const all = reports(allTasks);
const run = (t: Task[], r: TaskReport[]) => () =>
  // a fresh register object each pass: nothing cached from the pass before
  buildTaskBoard({ register: { tasks: [...t] }, period: year, units: registry, catalog, reports: r });

const board = run(spreadTasks, spread.reports)();
const s = median(run(spreadTasks, spread.reports));
const a = median(run(allTasks, all.reports));
const load = loadavg()
  .map((x) => x.toFixed(2))
  .join(" ");
process.stdout.write(
  `${units.length} units × ${spreadTasks.length} tasks; board for 2026 over 12 months of reports; load average ${load}\n` +
    `spread (4 owners a task, ${spread.rows} progress rows): median ${s.ms.toFixed(0)} ms wall, ${s.cpuMs.toFixed(0)} ms CPU (goal < 1,000 ms); ${board.overdue.length} overdue, ${board.disagreements.length} disagree\n` +
    `all (160 owners a task, ${all.rows} progress rows): median ${a.ms.toFixed(0)} ms wall, ${a.cpuMs.toFixed(0)} ms CPU (goal < 1,000 ms)\n` +
    `tasks.board_spread_ms=${s.ms.toFixed(0)}\n` +
    `tasks.board_all_ms=${a.ms.toFixed(0)}\n` +
    `tasks.board_spread_cpu_ms=${s.cpuMs.toFixed(0)}\n` +
    `tasks.board_all_cpu_ms=${a.cpuMs.toFixed(0)}\n`,
);
