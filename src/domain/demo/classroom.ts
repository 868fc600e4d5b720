/**
 * The populated classroom (issue 20): a dozen demo wards, communes and departments with reports for the current and
 * the previous quarter, spread the way a real quarter looks to a planner — on time, late, missing, returned with a
 * comment, accepted, a figure "not applicable" with its reason, an off-target figure with its justification, an
 * outlier — so that the board, the consolidation and the scorecard have something to teach at once.
 *
 * Pure: the same catalog, units, periods and seed give the same classroom (which unit gets which fate, every figure,
 * every time). The endpoint stores it through the ordinary submission rules (services/classroom.ts).
 */
import type { Catalog, EntryInput, Period, Unit, UnitRegistry } from "../types";
import { makePeriod } from "../periods/periods";
import { addDays } from "../periods/dates";
import { periodWindow } from "../periods/schedule";
import { seededRandom } from "../random";
import { isDue } from "../rules/cadence";
import { DEMO_OFF_TRACK, generateDemoEntries } from "./sample";

/** What happens to one demo unit's report for one period. */
export type ClassroomFate = "on_time" | "late" | "missing" | "returned" | "accepted";

export interface ClassroomReport {
  unitCode: string;
  periodId: string;
  fate: ClassroomFate;
  /** what the clerk sends (none when missing) */
  entries: EntryInput[];
  /** when it arrived, ISO (null when missing): before the deadline when on time, after it when late */
  receivedAt: string | null;
  /** the planner's comment (returned, accepted) */
  comment: string | null;
  /** what this report shows a trainee, besides its fate */
  shows: ("not_applicable" | "off_target_justified" | "outlier")[];
}

export const CLASSROOM_DEFAULT_UNITS = 12;
export const CLASSROOM_MAX_UNITS = 30;

// Fictional places (no real ward or commune has these names), each marked (demo).
const WARDS = ["Hoa Sữa", "Bằng Lăng", "Phượng Vĩ", "Hoa Ban", "Sen Trắng", "Cúc Hoạ Mi", "Tường Vi", "Hoa Gạo"];
const WARDS_EN = [
  "Milkwood",
  "Crape Myrtle",
  "Flame Tree",
  "Bauhinia",
  "White Lotus",
  "Daisy",
  "Rambler Rose",
  "Kapok",
];
const COMMUNES = ["Lúa Vàng", "Đồng Xanh", "Bãi Bồi", "Ven Đê", "Cánh Cò", "Rặng Tre", "Giếng Làng", "Bến Đò"];
const COMMUNES_EN = [
  "Golden Rice",
  "Green Field",
  "Riverbank",
  "Dyke Side",
  "Stork Wing",
  "Bamboo Row",
  "Village Well",
  "Ferry",
];
const DEPARTMENTS = ["Sở Thực Hành", "Sở Luyện Tập", "Sở Mô Phỏng", "Sở Tập Sự"];
const DEPARTMENTS_EN = ["Practice Department", "Exercise Department", "Simulation Department", "Trainee Department"];

/** The order of kinds after DEMO-01 (ward) and DEMO-02 (department): wards, communes and departments mixed. */
const KIND_CYCLE = [
  "ward",
  "commune",
  "commune",
  "ward",
  "department",
  "commune",
  "ward",
  "commune",
  "ward",
  "department",
] as const;

/**
 * The classroom's units: DEMO-01 and DEMO-02 as the registry has them, then DEMO-03 … DEMO-<count>. A new
 * department reports what DEMO-02 reports. Every one is demo and in the groups `demo` and its kind's group.
 */
export function classroomUnits(registry: UnitRegistry, count = CLASSROOM_DEFAULT_UNITS): Unit[] {
  const n = Math.max(2, Math.min(CLASSROOM_MAX_UNITS, Math.floor(count)));
  const base = [registry.byCode("DEMO-01"), registry.byCode("DEMO-02")].filter((u): u is Unit => u !== undefined);
  const departmentTargets = registry.byCode("DEMO-02")?.targetIds ?? [];
  const used = { ward: 0, commune: 0, department: 0 };
  const units: Unit[] = [...base];
  for (let i = 3; i <= n; i++) {
    const kind = KIND_CYCLE[(i - 3) % KIND_CYCLE.length] as (typeof KIND_CYCLE)[number];
    const k = used[kind]++;
    const round = k >= 8 ? ` ${Math.floor(k / 8) + 1}` : "";
    const [vi, en] =
      kind === "ward"
        ? [`Phường ${WARDS[k % 8]}${round} (demo)`, `${WARDS_EN[k % 8]}${round} Ward (demo)`]
        : kind === "commune"
          ? [`Xã ${COMMUNES[k % 8]}${round} (demo)`, `${COMMUNES_EN[k % 8]}${round} Commune (demo)`]
          : [`${DEPARTMENTS[k % 4]}${round} (demo)`, `${DEPARTMENTS_EN[k % 4]}${round} (demo)`];
    units.push({
      code: `DEMO-${String(i).padStart(2, "0")}`,
      kind,
      name: { vi: vi.normalize("NFC"), en },
      targetIds: kind === "department" ? [...departmentTargets] : [],
      toConfirm: false,
      demo: true,
      groups: ["demo", kind === "ward" ? "wards" : kind === "commune" ? "communes" : "departments"],
    });
  }
  return units.slice(0, n);
}

/** The quarter before a quarter. */
export function previousQuarter(p: Period): Period {
  return p.index > 1 ? makePeriod("quarter", p.year, p.index - 1) : makePeriod("quarter", p.year - 1, 4);
}

/** The latest quarter that has ended by `now` (the one planners review), never before the plan's first quarter. */
export function currentQuarter(now: Date, firstYear = 2026): Period {
  const y = now.getUTCFullYear();
  const q = Math.floor(now.getUTCMonth() / 3) + 1;
  const current = q > 1 ? makePeriod("quarter", y, q - 1) : makePeriod("quarter", y - 1, 4);
  return current.year < firstYear ? makePeriod("quarter", firstYear, 1) : current;
}

// a quarter under review: most units in, some late, a few missing, one returned, some already accepted
const CURRENT: ClassroomFate[] = [
  "on_time",
  "returned",
  "late",
  "missing",
  "on_time",
  "accepted",
  "on_time",
  "late",
  "missing",
  "accepted",
  "on_time",
  "on_time",
];
// the quarter before: settled, with a straggler and a unit that never sent it
const PREVIOUS: ClassroomFate[] = [
  "accepted",
  "accepted",
  "late",
  "accepted",
  "accepted",
  "missing",
  "accepted",
  "returned",
  "accepted",
  "accepted",
  "late",
  "accepted",
];

const RETURN_COMMENT =
  "Tỷ lệ ở U09 chưa khớp với báo cáo quý trước; đề nghị đơn vị kiểm tra lại tử số và mẫu số rồi gửi lại.";
const ACCEPT_COMMENT = "Số liệu đầy đủ, đã đối chiếu. Tiếp nhận.";
const NA_REASON = "Đơn vị không có diện tích đất nông nghiệp nên chỉ tiêu này không phát sinh.";
const OUTLIER_JUSTIFICATION =
  "Số liệu tăng đột biến do đợt ra quân tổng kiểm tra trong quý; đã đối chiếu với biên bản của tổ công tác.";

/** Fisher–Yates with the classroom's generator: which unit gets which fate. */
function shuffled<T>(items: readonly T[], rnd: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** A working hour (8–16) of a day in Hanoi (UTC+7), as an ISO instant. */
function hanoiHour(isoDate: string, hour: number): string {
  return `${isoDate}T${String(hour - 7).padStart(2, "0")}:00:00.000Z`;
}

/** When a report of this fate arrived: days before the deadline, or after it (never after `now`). */
function receivedAt(period: Period, fate: ClassroomFate, rnd: () => number, now: Date): string | null {
  if (fate === "missing") return null;
  const deadline = periodWindow(period).deadline;
  const days = fate === "late" ? 1 + Math.floor(rnd() * 6) : -(1 + Math.floor(rnd() * 8));
  const at = hanoiHour(addDays(deadline, days), 8 + Math.floor(rnd() * 9));
  return at > now.toISOString() ? now.toISOString() : at;
}

/** A figure far above the others (ten times a count), justified: the outlier a planner should spot. */
function withOutlier(entries: EntryInput[]): EntryInput[] | null {
  const i = entries.findIndex((e) => typeof e.value === "number" && e.numerator === undefined);
  if (i < 0) return null;
  const e = entries[i] as EntryInput;
  const out = [...entries];
  out[i] = { ...e, value: (e.value as number) * 10 + 40, justification: OUTLIER_JUSTIFICATION };
  return out;
}

/** A ratio target due in the period answered "not applicable" with its reason (never one the sample puts off track). */
function withNotApplicable(catalog: Catalog, period: Period, entries: EntryInput[]): EntryInput[] | null {
  const byId = new Map(catalog.targets.map((t) => [t.id, t]));
  const i = entries.findIndex((e) => {
    const t = byId.get(e.targetId);
    return (
      t !== undefined &&
      t.aggregation === "ratio_of_sums" &&
      isDue(t, period) &&
      !(DEMO_OFF_TRACK as readonly string[]).includes(t.id) &&
      e.justification === undefined
    );
  });
  if (i < 0) return null;
  const e = entries[i] as EntryInput;
  const out = [...entries];
  out[i] = { targetId: e.targetId, numerator: "không áp dụng", justification: NA_REASON, responsible: e.responsible };
  return out;
}

export interface ClassroomOptions {
  seed?: number;
  /** the quarter under review (default: the latest ended by `now`) */
  current?: Period;
  /** also the quarter before (default true; false when it lies outside the plan) */
  previous?: boolean;
  now: Date;
}

/** Every report of the classroom, in a stable order (previous quarter first, then units in code order). */
export function planClassroom(
  catalog: Catalog,
  units: readonly Unit[],
  targetsOf: (unit: Unit) => ReturnType<UnitRegistry["targetsFor"]>,
  opts: ClassroomOptions,
): ClassroomReport[] {
  const seed = opts.seed ?? 2026;
  const rnd = seededRandom(seed);
  const current = opts.current ?? currentQuarter(opts.now);
  const periods: [Period, ClassroomFate[]][] = [];
  if (opts.previous !== false) periods.push([previousQuarter(current), PREVIOUS]);
  periods.push([current, CURRENT]);
  const reports: ClassroomReport[] = [];
  for (const [period, pattern] of periods) {
    const fates = shuffled(
      units.map((_, i) => pattern[i % pattern.length] as ClassroomFate),
      rnd,
    );
    let naDone = false;
    let outlierDone = false;
    units.forEach((unit, i) => {
      const fate = fates[i] as ClassroomFate;
      const base = generateDemoEntries(catalog, unit, period, targetsOf(unit), {
        variant: "clean",
        seed: seed + i * 31 + period.index,
      });
      let entries = fate === "missing" ? [] : base;
      const shows: ClassroomReport["shows"] = [];
      if (entries.some((e) => e.justification)) shows.push("off_target_justified");
      if (fate === "on_time" && !naDone) {
        const na = withNotApplicable(catalog, period, entries);
        if (na) [entries, naDone] = [na, true];
        if (na) shows.push("not_applicable");
      } else if ((fate === "on_time" || fate === "accepted") && !outlierDone) {
        const outlier = withOutlier(entries);
        if (outlier) [entries, outlierDone] = [outlier, true];
        if (outlier) shows.push("outlier");
      }
      reports.push({
        unitCode: unit.code,
        periodId: period.id,
        fate,
        entries,
        receivedAt: receivedAt(period, fate, rnd, opts.now),
        comment: fate === "returned" ? RETURN_COMMENT : fate === "accepted" ? ACCEPT_COMMENT : null,
        shows,
      });
    });
  }
  return reports;
}
