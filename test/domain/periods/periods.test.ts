import {
  DEFAULT_SCHEDULE,
  DEMO_PERIOD_ID,
  MID_MONTH_SCHEDULE,
  isOnTime,
  listPeriods,
  parsePeriod,
  periodLabel,
  periodPhase,
  periodWindow,
  reportablePeriods,
  type Period,
  type PeriodPhase,
} from "../../../src/domain";

const p = (id: string): Period => {
  const period = parsePeriod(id);
  if (!period) throw new Error(`not a period: ${id}`);
  return period;
};

describe("parsePeriod", () => {
  it.each<[string, string, string, number, string, string]>([
    ["2026-01", "month", "2026-01", 1, "2026-01-01", "2026-01-31"],
    ["2026-02", "month", "2026-02", 2, "2026-02-01", "2026-02-28"],
    ["2028-02", "month", "2028-02", 2, "2028-02-01", "2028-02-29"],
    ["2026-12", "month", "2026-12", 12, "2026-12-01", "2026-12-31"],
    ["2026-Q1", "quarter", "2026-Q1", 1, "2026-01-01", "2026-03-31"],
    ["2026-q4", "quarter", "2026-Q4", 4, "2026-10-01", "2026-12-31"],
    ["2026-H1", "half", "2026-H1", 1, "2026-01-01", "2026-06-30"],
    ["2026-H2", "half", "2026-H2", 2, "2026-07-01", "2026-12-31"],
    [" 2026 ", "year", "2026", 1, "2026-01-01", "2026-12-31"],
  ])("reads %p as a %s", (id, kind, canonical, index, start, end) => {
    expect(parsePeriod(id)).toEqual({ id: canonical, kind, year: Number(canonical.slice(0, 4)), index, start, end });
  });

  it.each([
    "2026-13",
    "2026-00",
    "2026-Q0",
    "2026-Q5",
    "2026-H3",
    "26-01",
    "2026-1",
    "",
    "abc",
    "1999",
    "2026-01-01",
    "2026/01",
  ])("rejects %p", (id) => {
    expect(parsePeriod(id)).toBeNull();
  });

  it("keeps the demo's default period an ordinary quarter", () => {
    expect(p(DEMO_PERIOD_ID)).toMatchObject({ kind: "quarter", year: 2026, index: 1 });
  });
});

describe("periodLabel", () => {
  it.each<[string, string, string]>([
    ["2026-01", "Tháng 01/2026", "January 2026"],
    ["2026-Q3", "Quý III/2026", "Q3 2026"],
    ["2026-H1", "6 tháng đầu năm 2026", "H1 2026"],
    ["2026-H2", "6 tháng cuối năm 2026", "H2 2026"],
    ["2026", "Năm 2026", "Year 2026"],
  ])("labels %s in Vietnamese and English", (id, vi, en) => {
    expect(periodLabel(p(id), "vi")).toBe(vi);
    expect(periodLabel(p(id), "en")).toBe(en);
  });
});

describe("listPeriods", () => {
  it("lists 12 months, 4 quarters, 2 halves and the year", () => {
    const all = listPeriods(2026);
    expect(all).toHaveLength(19);
    expect(all.map((x) => x.id).slice(10, 19)).toEqual([
      "2026-11",
      "2026-12",
      "2026-Q1",
      "2026-Q2",
      "2026-Q3",
      "2026-Q4",
      "2026-H1",
      "2026-H2",
      "2026",
    ]);
    expect(listPeriods(2026, ["quarter"]).map((x) => x.id)).toEqual(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
  });
});

describe("periodWindow", () => {
  it.each<[string, string, string, string]>([
    ["2026-01", "2026-01-01", "2026-01-31", "2026-02-05"],
    ["2026-02", "2026-02-01", "2026-02-28", "2026-03-05"],
    ["2026-Q1", "2026-01-01", "2026-03-31", "2026-04-10"],
    ["2026-H1", "2026-01-01", "2026-06-30", "2026-07-15"],
    ["2026", "2026-01-01", "2026-12-31", "2027-01-30"],
  ])("gives %s the calendar window and the default deadline", (id, dataStart, dataEnd, deadline) => {
    expect(periodWindow(p(id))).toMatchObject({ dataStart, dataEnd, deadline });
  });

  it.each<[string, string, string, string]>([
    ["2026-01", "2025-12-15", "2026-01-14", "2026-01-19"],
    ["2026-03", "2026-02-15", "2026-03-14", "2026-03-19"],
    ["2026-Q2", "2026-03-15", "2026-06-14", "2026-06-24"],
    ["2026-H2", "2026-06-15", "2026-12-14", "2026-12-29"],
    ["2026", "2025-12-15", "2026-12-14", "2027-01-13"],
  ])("gives %s the mid-month window (15th to 14th)", (id, dataStart, dataEnd, deadline) => {
    expect(periodWindow(p(id), MID_MONTH_SCHEDULE)).toMatchObject({ dataStart, dataEnd, deadline });
  });

  it("takes the deadline days from the schedule", () => {
    const schedule = { ...DEFAULT_SCHEDULE, deadlineDays: { ...DEFAULT_SCHEDULE.deadlineDays, quarter: 20 } };
    expect(periodWindow(p("2026-Q4"), schedule).deadline).toBe("2027-01-20");
  });
});

describe("periodPhase (Hanoi time, UTC+7)", () => {
  it.each<[string, PeriodPhase]>([
    ["2025-12-31T16:59:59Z", "upcoming"],
    ["2025-12-31T17:00:00Z", "open"],
    ["2026-03-31T16:59:59Z", "open"],
    ["2026-03-31T17:00:00Z", "due"],
    ["2026-04-10T16:59:59Z", "due"],
    ["2026-04-10T17:00:00Z", "late"],
  ])("puts 2026-Q1 at %s in phase %s", (at, phase) => {
    expect(periodPhase(p("2026-Q1"), new Date(at))).toBe(phase);
  });

  it("follows the mid-month window", () => {
    expect(periodPhase(p("2026-01"), new Date("2025-12-20T03:00:00Z"), MID_MONTH_SCHEDULE)).toBe("open");
    expect(periodPhase(p("2026-01"), new Date("2026-01-16T03:00:00Z"), MID_MONTH_SCHEDULE)).toBe("due");
  });
});

describe("isOnTime", () => {
  it("counts the whole deadline day, in Hanoi time", () => {
    expect(isOnTime(p("2026-Q1"), new Date("2026-04-10T16:59:59Z"))).toBe(true);
    expect(isOnTime(p("2026-Q1"), new Date("2026-04-10T17:00:00Z"))).toBe(false);
    expect(isOnTime(p("2026-03"), new Date("2026-03-20T00:00:00Z"))).toBe(true);
  });
});

describe("reportablePeriods", () => {
  const list = reportablePeriods(new Date("2026-04-03T03:00:00Z"));
  const ids = (phase: PeriodPhase) => list.filter((x) => x.phase === phase).map((x) => x.period.id);

  it("lists due periods first, nearest deadline first", () => {
    expect(list[0].period.id).toBe("2026-03");
    expect(ids("due")).toEqual(["2026-03", "2026-Q1"]);
  });

  it("orders the phases due, open, late, upcoming", () => {
    const order = ["due", "open", "late", "upcoming"];
    const ranks = list.map((x) => order.indexOf(x.phase));
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    expect(ids("open")).toEqual(expect.arrayContaining(["2026-04", "2026-Q2", "2026-H1", "2026"]));
    expect(ids("late")[0]).toBe("2026-02");
    expect(ids("upcoming")).toEqual(["2026-05"]);
  });

  it("drops periods late for more than a year", () => {
    expect(list.some((x) => x.period.id === "2025-01")).toBe(false);
    expect(list.some((x) => x.period.id === "2025")).toBe(true);
  });
});
