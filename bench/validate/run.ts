/**
 * Benchmark: validate 126 units × 43 targets × 12 months of realistic raw entries (strings such as "12,5",
 * "1.234", "45.000", numbers from cells, a few blanks, errors and justifications) and print values checked per second.
 * Goal ≥ 1,000,000/s. Run: npx tsx bench/validate/run.ts
 * A "value" is one raw figure checked: a value, a numerator, a denominator or a milestone state.
 */
import { loadavg } from "node:os";
import {
  createUnitRegistry,
  defaultCatalog,
  defaultUnits,
  entryFigure,
  formatNumber,
  validate,
  type EntryInput,
  type ReportInput,
  type Target,
  type ValidationContext,
} from "../../src/domain";
import { seededRandom } from "../../src/domain/random";
import type { HistoryPoint, UnitHistory } from "../../src/domain/rules/history";

function loadAverage(): string {
  return loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");
}

const rnd = seededRandom(20260101);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
const catalog = defaultCatalog();
const ids = catalog.targets.map((t) => t.id);
// Every one of the 126 wards/communes is given all 43 targets (the widest report a unit could have).
const units = defaultUnits()
  .filter((u) => (u.kind === "ward" || u.kind === "commune") && !u.demo)
  .map((u) => ({ ...u, targetIds: ids }));
const registry = createUnitRegistry(units);

/** The number format the clerk of the current report types in (the report's locale); a few cells differ. */
let typingLocale: "vi" | "en" = "vi";

function typed(x: number, digits: number): string | number {
  const r = rnd();
  if (r < 0.3) return x; // a number straight from a cell
  const locale = r < 0.95 ? typingLocale : r < 0.97 ? "en" : "vi";
  const s = formatNumber(x, locale, digits);
  return r > 0.95 ? ` ${s} ` : s;
}

function rawEntry(t: Target, month: number): { entry: EntryInput; values: number } {
  const r = rnd();
  const justification = r < 0.15 ? "Do ảnh hưởng của mưa bão, sẽ bù trong quý sau" : r < 0.17 ? "ngắn" : null;
  if (t.measure === "milestone")
    return {
      entry: { targetId: t.id, milestone: pick(["Đang thực hiện", "Hoàn thành", "in_progress", "Chưa bắt đầu"]) },
      values: 1,
    };
  if (t.aggregation === "ratio_of_sums") {
    const den = t.denominatorLabel === "Dân số" ? 45_000 + (month % 2) : Math.round(200 + rnd() * 5000);
    const share = t.measure === "percent" ? 0.4 + rnd() * 0.6 : 5 + rnd() * 10;
    let num: string | number = typed(Math.round(den * share), 0);
    if (r > 0.995) num = "abc";
    return { entry: { targetId: t.id, numerator: num, denominator: typed(den, 0), justification }, values: 2 };
  }
  if (r > 0.99) return { entry: { targetId: t.id, value: "" }, values: 1 };
  const x =
    t.measure === "count"
      ? Math.round(rnd() * 40)
      : t.measure === "percent"
        ? rnd() * 100
        : t.measure === "rate"
          ? rnd() * 15
          : rnd() * 1000;
  return { entry: { targetId: t.id, value: typed(x, t.measure === "count" ? 0 : 1), justification }, values: 1 };
}

/** Where each field sits on the entry sheet, as the template layer knows it: one row per target from row 8. */
const FIELD_COLUMNS: Record<string, string> = {
  value: "F",
  numerator: "F",
  denominator: "G",
  milestone: "F",
  justification: "I",
  evidence: "J",
  responsible: "K",
};
const CELLS = new Map<string, Record<string, string>>(
  ids.map((id, i) => [
    id,
    Object.fromEntries(Object.entries(FIELD_COLUMNS).map(([f, col]) => [f, `Nhap!${col}${i + 8}`])),
  ]),
);
const cellOf = (targetId: string, field: string): string | undefined => CELLS.get(targetId)?.[field];

interface Job {
  report: ReportInput;
  ctx: ValidationContext;
}
const jobs: Job[] = [];
let totalValues = 0;
for (const u of units) {
  for (let m = 1; m <= 12; m++) {
    typingLocale = rnd() < 0.8 ? "vi" : "en";
    const entries: EntryInput[] = [];
    for (const t of catalog.targets) {
      const { entry, values } = rawEntry(t, m);
      entries.push(entry);
      totalValues += values;
    }
    const period = `2026-${String(m).padStart(2, "0")}`;
    const ytd: Record<string, number> = { S02: 50 * (m - 1), P03: 60 * (m - 1), E03: 30 * (m - 1) };
    jobs.push({
      report: { unitCode: u.code, period, catalogVersion: catalog.version, locale: typingLocale, entries },
      ctx: {
        catalog,
        units: registry,
        ytd,
        cellOf,
      },
    });
  }
}

/**
 * The same reports as the endpoint judges them since issue #14: each with the unit's earlier months of the year as
 * its history (ctx.history, as the server builds it from report_state.latest_figures), so the history checks run
 * for every figure that has one. (A month report has no months inside it: ctx.monthEntries stays empty.)
 */
function withHistory(list: Job[]): Job[] {
  const byUnit = new Map<string, Map<string, HistoryPoint[]>>();
  return list.map((j) => {
    let past = byUnit.get(j.report.unitCode);
    if (!past) byUnit.set(j.report.unitCode, (past = new Map()));
    const history: Record<string, UnitHistory> = {};
    for (const [id, points] of past) history[id] = { earlier: points.slice(-12) };
    const byId = new Map(catalog.targets.map((t) => [t.id, t]));
    for (const e of validate(j.report, j.ctx).entries) {
      const t = byId.get(e.targetId) as Target;
      const figure = e.notApplicable ? null : entryFigure(t, e);
      if (figure === null) continue;
      const points = past.get(e.targetId) ?? [];
      points.push({ period: String(j.report.period), figure });
      past.set(e.targetId, points);
    }
    return { report: j.report, ctx: { ...j.ctx, history } };
  });
}
const historyJobs = withHistory(jobs);

function runOnce(list: Job[] = jobs): { ms: number; cpuMs: number; issues: number } {
  let issues = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const j of list) issues += validate(j.report, j.ctx).issues.length;
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, issues };
}

for (let i = 0; i < 3; i++) runOnce(); // warm-up (JIT)
const runs: { ms: number; cpuMs: number }[] = [];
let issues = 0;
for (let i = 0; i < 10; i++) {
  const r = runOnce();
  runs.push(r);
  issues = r.issues;
}
const byWall = [...runs].sort((a, b) => a.ms - b.ms);
const median = byWall[Math.floor(runs.length / 2)].ms;
const cpuMedian = [...runs].sort((a, b) => a.cpuMs - b.cpuMs)[Math.floor(runs.length / 2)].cpuMs;
const perSecond = Math.round(totalValues / (median / 1000));
const perCpuSecond = Math.round(totalValues / (cpuMedian / 1000));
// the same passes with the unit's history in each report's context
for (let i = 0; i < 3; i++) runOnce(historyJobs);
const hRuns: { ms: number; cpuMs: number; issues: number }[] = [];
for (let i = 0; i < 10; i++) hRuns.push(runOnce(historyJobs));
const hMedian = [...hRuns].sort((a, b) => a.ms - b.ms)[Math.floor(hRuns.length / 2)].ms;
const hPerSecond = Math.round(totalValues / (hMedian / 1000));
const hIssues = hRuns[0].issues;
const hCpu = [...hRuns].sort((a, b) => a.cpuMs - b.cpuMs)[Math.floor(hRuns.length / 2)].cpuMs;
const hPerCpuSecond = Math.round(totalValues / (hCpu / 1000));
const load = loadAverage();
process.stdout.write(
  `reports=${jobs.length} (126 units × 12 months, 43 targets each) values=${totalValues} issues=${issues}\n` +
    `wall time: median ${median.toFixed(1)} ms per full pass (best ${byWall[0].ms.toFixed(1)}, worst ${byWall[byWall.length - 1].ms.toFixed(1)} over 10 passes); CPU time median ${cpuMedian.toFixed(1)} ms; load average ${load}\n` +
    `${perSecond.toLocaleString("en-US")} values checked per second, wall clock (goal ≥ 1,000,000); ${perCpuSecond.toLocaleString("en-US")} per CPU second\n` +
    `with each unit's earlier months as history (${hIssues - issues} more issues: history outliers): median ${hMedian.toFixed(1)} ms per pass, ${hPerSecond.toLocaleString("en-US")} values checked per second, ${hPerCpuSecond.toLocaleString("en-US")} per CPU second\n` +
    `validate.values_per_second=${perSecond}\n` +
    `validate.values_per_second_with_history=${hPerSecond}\n` +
    `validate.values_per_cpu_second_with_history=${hPerCpuSecond}\n` +
    `validate.values_per_cpu_second=${perCpuSecond}\n`,
);
