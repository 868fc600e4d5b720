/**
 * What the planner reads beside the figures (issue 18), on both engines through real requests: the report view gives
 * the unit's key-task progress (the register's tasks of the unit, the state that counts — late past the deadline —,
 * percent, milestone, product, evidence, obstacles, proposals), and the review diff against the previous revision and
 * the previous period lists the narrative parts and the task rows that changed. The demo ward DEMO-01 leads DEMO-T1
 * (due 2026-02: late in 2026-Q1) and DEMO-T2, and co-owns DEMO-T3.
 */
import { randomUUID } from "node:crypto";
import { blankTaskProgress } from "../../src/domain";
import { body, dialects, get, setup, submit, UNIT, DEMO, type Fixture, type SubmissionBody } from "./helpers";

type Body = SubmissionBody & { narrative?: object; tasks?: object[] };

const NARRATIVE = {
  results: "Hoàn thành 95% kế hoạch thu ngân sách quý.",
  shortcomings: "Giải ngân vốn đầu tư công chậm do vướng giải phóng mặt bằng.",
  nextTasks: "Đẩy nhanh giải phóng mặt bằng tuyến phố trình diễn.",
  proposals: null,
};

const TASKS = [
  {
    ...blankTaskProgress("DEMO-T1"),
    state: "on_track",
    percent: 70,
    milestone: "Khởi công",
    evidence: "Biên bản kiểm tra hiện trường",
    evidenceRef: "Số 12/BB-UBND",
    obstacles: "Chưa bàn giao mặt bằng đoạn cuối",
    proposals: "Đề nghị Sở Xây dựng hỗ trợ",
    justification: "Chậm do chưa bàn giao mặt bằng đoạn cuối tuyến.",
  },
  { ...blankTaskProgress("DEMO-T2"), state: "on_track", percent: 40 },
  { ...blankTaskProgress("DEMO-T3"), state: "not_started" },
];

type TaskRow = { taskId: string; [k: string]: unknown };

async function send(f: Fixture, b: Body, token: string = f.tokens.demo) {
  const res = await submit(f.app, token, b as SubmissionBody);
  if (res.statusCode !== 201) throw new Error(`${res.statusCode}: ${res.body.slice(0, 800)}`);
  return b.submissionId;
}

for (const dialect of dialects()) {
  describe(`${dialect}: task progress and narrative in the planner's report view and diff`, () => {
    let f: Fixture;
    beforeAll(async () => {
      f = await setup(dialect);
      // 2026-Q1: revision 1, then revision 2 with one narrative part and one task's percent changed
      const r1: Body = { ...body(f.app, { unitCode: DEMO, period: "2026-Q1" }), narrative: NARRATIVE, tasks: TASKS };
      await send(f, r1);
      const tasks2 = TASKS.map((t) => (t.taskId === "DEMO-T2" ? { ...t, percent: 55, obstacles: "Thiếu thùng" } : t));
      const narrative2 = { ...NARRATIVE, shortcomings: "Thu gom rác còn chậm ở hai tổ dân phố." };
      await send(f, {
        ...body(f.app, { unitCode: DEMO, period: "2026-Q1", supersedes: r1.submissionId, entries: r1.entries }),
        narrative: narrative2,
        tasks: tasks2,
      });
      // 2026-Q2: another narrative (proposals written, results changed), the same tasks but DEMO-T3 started
      f.now.value = new Date("2026-07-05T03:00:00Z");
      await send(f, {
        ...body(f.app, { unitCode: DEMO, period: "2026-Q2", entries: r1.entries }),
        narrative: { ...narrative2, results: "Hoàn thành kế hoạch 6 tháng.", proposals: "Bổ sung kinh phí." },
        tasks: tasks2.map((t) => (t.taskId === "DEMO-T3" ? { ...t, state: "on_track", percent: 10 } : t)),
      });
      // a ward with no key task: its report carries none
      await send(f, { ...body(f.app, { period: "2026-Q1" }), narrative: NARRATIVE }, f.tokens.unit);
    }, 120_000);
    afterAll(async () => {
      await f?.close();
    });

    it("gives the planner the unit's task progress with the state that counts, late past the deadline", async () => {
      const res = await get(f.app, f.tokens.planner, `/reports/${DEMO}/2026-Q1`);
      expect(res.statusCode).toBe(200);
      const tasks = res.json().tasks as TaskRow[];
      expect(tasks.map((t) => [t.taskId, t.role])).toEqual([
        ["DEMO-T1", "lead"],
        ["DEMO-T2", "lead"],
        ["DEMO-T3", "co"],
      ]);
      // DEMO-T1 was due 2026-02 and is not done: late, whatever was typed
      expect(tasks[0]).toMatchObject({
        name: { vi: "Cải tạo vỉa hè tuyến phố trình diễn", en: "Repave the demo street's pavements" },
        deadline: "2026-02",
        product: "Vỉa hè 1,2 km hoàn thành, nghiệm thu",
        reported: true,
        reportedState: "on_track",
        state: "late",
        late: true,
        percent: 70,
        milestone: "Khởi công",
        evidence: "Biên bản kiểm tra hiện trường",
        evidenceRef: "Số 12/BB-UBND",
        obstacles: "Chưa bàn giao mặt bằng đoạn cuối",
        proposals: "Đề nghị Sở Xây dựng hỗ trợ",
        justification: "Chậm do chưa bàn giao mặt bằng đoạn cuối tuyến.",
      });
      // the latest revision's figures: DEMO-T2 at 55 %, on track
      expect(tasks[1]).toMatchObject({ state: "on_track", late: false, percent: 55, obstacles: "Thiếu thùng" });
      expect(tasks[2]).toMatchObject({ state: "not_started", late: false, percent: null });
    });

    it("says a unit with no key task has none (null), and the unit itself reads its own the same way", async () => {
      const ward = (await get(f.app, f.tokens.planner, `/reports/${UNIT}/2026-Q1`)).json();
      expect(ward.tasks).toBeNull();
      const own = (await get(f.app, f.tokens.demo, `/reports/${DEMO}/2026-Q1`)).json();
      expect(own.tasks).toHaveLength(3);
    });

    it("lists the narrative parts and task rows that changed against the previous revision", async () => {
      const j = (await get(f.app, f.tokens.planner, `/reports/${DEMO}/2026-Q1/diff`)).json();
      expect(j.from).toMatchObject({ revision: 1 });
      expect(j.narrative).toEqual([
        {
          part: "shortcomings",
          from: NARRATIVE.shortcomings,
          to: "Thu gom rác còn chậm ở hai tổ dân phố.",
        },
      ]);
      expect(j.tasks).toHaveLength(1);
      expect(j.tasks[0]).toMatchObject({
        taskId: "DEMO-T2",
        fields: ["percent", "obstacles"],
        from: { percent: 40, obstacles: null, state: "on_track" },
        to: { percent: 55, obstacles: "Thiếu thùng", state: "on_track" },
      });
    });

    it("lists them against the previous period's report, and nothing when there is nothing to compare with", async () => {
      const j = (await get(f.app, f.tokens.planner, `/reports/${DEMO}/2026-Q2/diff?against=previous-period`)).json();
      expect(j.from).toMatchObject({ period: "2026-Q1", revision: 2 });
      expect(j.narrative.map((n: { part: string }) => n.part)).toEqual(["results", "proposals"]);
      expect(j.narrative[1]).toEqual({ part: "proposals", from: null, to: "Bổ sung kinh phí." });
      expect(j.tasks.map((t: { taskId: string; fields: string[] }) => [t.taskId, t.fields])).toEqual([
        ["DEMO-T3", ["state", "percent"]],
      ]);
      const first = (await get(f.app, f.tokens.planner, `/reports/${DEMO}/2026-Q1/diff?to=1`)).json();
      expect(first.from).toBeNull();
      expect([first.narrative, first.tasks]).toEqual([[], []]);
    });

    it("sees no narrative change where only figures changed, and a part cleared as a change to null", async () => {
      const r1 = (await get(f.app, f.tokens.unit, `/reports/${UNIT}/2026-Q1`)).json();
      const entries = r1.report.entries;
      const same: Body = {
        ...body(f.app, { period: "2026-Q1", supersedes: r1.latest.submissionId, entries }),
        narrative: { ...NARRATIVE },
      };
      same.submissionId = randomUUID();
      const second = await send(f, same, f.tokens.unit);
      const d2 = (await get(f.app, f.tokens.planner, `/reports/${UNIT}/2026-Q1/diff`)).json();
      expect(d2.narrative).toEqual([]);
      expect(d2.tasks).toEqual([]);
      await send(
        f,
        {
          ...body(f.app, { period: "2026-Q1", supersedes: second, entries }),
          narrative: { ...NARRATIVE, nextTasks: "   " },
        },
        f.tokens.unit,
      );
      const d3 = (await get(f.app, f.tokens.planner, `/reports/${UNIT}/2026-Q1/diff`)).json();
      expect(d3.narrative).toEqual([{ part: "nextTasks", from: NARRATIVE.nextTasks, to: null }]);
    });
  });
}
