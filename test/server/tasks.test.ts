/** The key-task register and board through the endpoint (issue #19), on both engines. */
import { packContent } from "../../src/server/services/content";
import { auth, dialects, expectProblem, get, setup, UNIT, type Fixture } from "./helpers";

async function put(f: Fixture, token: string, url: string, payload: object) {
  return f.app.inject({ method: "PUT", url: `/api/v1${url}`, headers: auth(token), payload });
}

/** A stored latest revision carrying task progress (as a submission with `tasks` stores it). */
async function storeProgress(f: Fixture, unitCode: string, period: string, at: string, tasks: object[]) {
  const id = `${unitCode}-${period}-${at}`;
  const report = { unitCode, period, catalogVersion: "x", locale: "vi", supersedes: null, entries: [], tasks };
  const content = packContent(JSON.stringify(report), []);
  await f.app.store.db
    .insertInto("submission")
    .values({
      id,
      unit_code: unitCode,
      period,
      revision: 1,
      supersedes: null,
      content_hash: id,
      content,
      flows: "{}",
      catalog_version: "x",
      received_at: at,
      client: null,
      token_id: f.tokenIds.unit!,
      on_time: 1,
      demo: 0,
    })
    .execute();
  await f.app.store.db
    .insertInto("report_state")
    .values({
      unit_code: unitCode,
      period,
      status: "submitted",
      locked: 0,
      comment: null,
      latest_submission_id: id,
      latest_revision: 1,
      latest_flows: "{}",
      latest_contact: null,
      first_received_at: at,
      first_on_time: 1,
      last_received_at: at,
      accepted_submission_id: null,
      demo: 0,
      updated_at: at,
    })
    .execute();
}

const blank = {
  percent: null,
  milestone: null,
  productDelivered: null,
  evidence: null,
  evidenceRef: null,
  obstacles: null,
  proposals: null,
  completedOn: null,
  justification: null,
};

for (const dialect of dialects()) {
  describe(`${dialect}: key tasks`, () => {
    let f: Fixture;
    beforeAll(async () => {
      f = await setup(dialect);
    }, 60_000);
    afterAll(async () => f?.close());

    it("seeds the starter list, labelled as public sources (not the official list), with its added units", async () => {
      const res = await get(f.app, f.tokens.planner, "/tasks?period=2026-Q1");
      expect(res.statusCode).toBe(200);
      const j = res.json();
      expect(j.tasks).toHaveLength(60); // from public sources; the trainers' 3 demo tasks are the classroom's alone
      expect(j.tasks.filter((t: { status: string }) => t.status === "demo")).toEqual([]);
      const demo = (await get(f.app, f.tokens.planner, "/tasks?period=2026-Q1&demo=true")).json();
      expect(demo.tasks.map((t: { id: string }) => t.id)).toEqual(["DEMO-T1", "DEMO-T2", "DEMO-T3"]);
      const kt023 = j.tasks.find((t: { id: string }) => t.id === "KT023");
      expect(kt023).toMatchObject({ leadUnitCode: "S-XD", status: "stated", list: "sources-2026" });
      expect(kt023.statusLabel.en).toBe("Named by a public source — not the official list");
      const units = (await get(f.app, f.tokens.planner, "/units?q=BQL-DSDT")).json();
      expect(JSON.stringify(units)).toContain("Ban Quản lý đường sắt đô thị Hà Nội");
    });

    it("gives a unit its own tasks only", async () => {
      const mine = await get(f.app, f.tokens.unit, `/tasks?period=2026-Q1&unit=${UNIT}`);
      expect(mine.statusCode).toBe(200);
      expectProblem(await get(f.app, f.tokens.unit, "/tasks?period=2026-Q1&unit=S-XD"), 403, "CT_UNIT_FORBIDDEN");
      expectProblem(await get(f.app, f.tokens.unit, "/tasks/board?period=2026-Q1"), 403, "CT_ROLE_FORBIDDEN");
    });

    it("refuses a bad list whole, every bad row listed, and stores nothing", async () => {
      const csv = [
        "id,task_group_vi,name_vi,kind,lead_unit,deadline,linked_targets",
        "NV1,Giao thông,Cầu A,work,S-XD,2027,U10",
        "NV2,Giao thông,Cầu B,work,Sở Không Có,2027,",
        "NV1,Giao thông,Cầu C,work,S-XD,31/02/2027,Z99",
      ].join("\n");
      const p = expectProblem(
        await put(f, f.tokens.planner, "/tasks", { csv, from: "2026-Q3" }),
        422,
        "CT_TASKS_INVALID",
      );
      expect(p.details.issues.map((i: { row: number; column: string }) => `${i.row}:${i.column}`)).toEqual([
        "3:lead_unit",
        "4:id",
        "4:deadline",
        "4:linked_targets",
      ]);
      expect((await get(f.app, f.tokens.planner, "/tasks?period=2026-Q3")).json().tasks).toHaveLength(60);
    });

    it("replaces the register from a period on, so earlier periods keep theirs", async () => {
      const csv = [
        "id,task_group_vi,name_vi,kind,lead_unit,co_units,deadline,linked_targets",
        `NV1,Giao thông,Cầu A,work,S-XD,${UNIT},2026-06-30,U10`,
        "NV2,Môi trường,Hồ B,work,Sở Y tế,,2027,",
      ].join("\n");
      const res = await put(f, f.tokens.planner, "/tasks", { csv, from: "2026-Q2", retireMissing: true });
      expect(res.statusCode).toBe(200);
      // the 60 starter tasks retire from 2026-Q2; the trainers' demo tasks stay
      expect(res.json()).toMatchObject({ added: 2, total: 5, dryRun: false });
      expect(res.json().retired).toHaveLength(60);
      const q2 = (await get(f.app, f.tokens.planner, "/tasks?period=2026-Q2")).json().tasks;
      expect(q2.map((t: { id: string }) => t.id)).toEqual(["NV1", "NV2"]);
      expect((await get(f.app, f.tokens.planner, "/tasks?period=2026-Q1")).json().tasks).toHaveLength(60);
      const nv2 = q2[1];
      expect(nv2).toMatchObject({ leadUnitCode: "S-YT", status: "official", list: "official" });
    });

    it("edits one task and assigns units from a period on", async () => {
      const edit = await put(f, f.tokens.planner, "/tasks/NV2", { from: "2026-Q3", focalPerson: "Bà B, 0912 345 678" });
      expect(edit.statusCode).toBe(200);
      expect(edit.json()).toMatchObject({ focalPerson: "Bà B, 0912 345 678", effectiveFrom: "2026-Q3" });
      const assign = await put(f, f.tokens.planner, "/tasks/NV2/units", {
        from: "2026-Q3",
        leadUnitCode: "S-NNMT",
        coUnitCodes: [UNIT],
      });
      expect(assign.json()).toMatchObject({
        leadUnitCode: "S-NNMT",
        coUnitCodes: [UNIT],
        focalPerson: "Bà B, 0912 345 678",
      });
      const q2 = (await get(f.app, f.tokens.planner, "/tasks?period=2026-Q2")).json().tasks[1];
      expect(q2).toMatchObject({ id: "NV2", leadUnitCode: "S-YT", focalPerson: null });
      expectProblem(
        await put(f, f.tokens.planner, "/tasks/NV2/units", { from: "2026-Q3", leadUnitCode: "ZZZ", coUnitCodes: [] }),
        422,
        "CT_TASKS_INVALID",
      );
      expectProblem(await put(f, f.tokens.planner, "/tasks/NOPE", { from: "2026-Q3" }), 404, "CT_TASK_NOT_FOUND");
      expectProblem(await put(f, f.tokens.unit, "/tasks/NV2", { from: "2026-Q3" }), 403, "CT_ROLE_FORBIDDEN");
    });

    it("shows the board from the units' reported progress, as JSON and CSV", async () => {
      await storeProgress(f, "S-XD", "2026-07", "2026-08-02T03:00:00.000Z", [
        { taskId: "NV1", state: "on_track", ...blank, percent: 60 },
      ]);
      await storeProgress(f, UNIT, "2026-07", "2026-08-03T03:00:00.000Z", [
        { taskId: "NV1", state: "Vướng mắc, tạm dừng", ...blank, obstacles: "Chưa bàn giao mặt bằng" },
      ]);
      const board = (await get(f.app, f.tokens.planner, "/tasks/board?period=2026-Q3")).json();
      const nv1 = board.rows.find((r: { task: { id: string } }) => r.task.id === "NV1");
      // past its deadline (2026-06-30) and not done: late, whatever was typed
      expect(nv1).toMatchObject({ state: "late", reportedState: "on_track", overdue: true, disagreement: false });
      expect(nv1.unitStates).toEqual([
        { unitCode: "S-XD", role: "lead", state: "late" },
        { unitCode: UNIT, role: "co", state: "late" },
      ]);
      expect(board.overdue).toEqual(["NV1"]);
      expect(board.noUpdate).toEqual(["NV2"]); // demo tasks only with demo=true
      const demo = (await get(f.app, f.tokens.planner, "/tasks/board?period=2026-Q3&demo=true")).json();
      expect(demo.rows.map((r: { task: { id: string } }) => r.task.id)).toContain("DEMO-T1");
      expect(board.byTarget).toEqual([expect.objectContaining({ targetId: "U10", taskIds: ["NV1"] })]);
      const csv = await get(f.app, f.tokens.planner, "/tasks/board?period=2026-Q3&format=csv&lang=en");
      expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
      const lines = csv.body
        .replace(/^\ufeff/, "")
        .trim()
        .split("\r\n");
      expect(lines[0]).toMatch(/^Id,Task group,Task,/);
      expect(lines[1]).toContain("Late");
      expect(lines[1]).toContain("Overdue");
    });

    it("puts the task board in the consolidation's JSON and CSV, limited to a group's tasks when asked", async () => {
      const board = (await get(f.app, f.tokens.planner, "/tasks/board?period=2026-Q3")).json();
      const json = await get(f.app, f.tokens.planner, "/consolidation?period=2026-Q3");
      expect(json.statusCode).toBe(200);
      expect(json.json().tasks).toEqual(board);
      const accepted = (await get(f.app, f.tokens.planner, "/consolidation?period=2026-Q3&basis=accepted")).json();
      expect(accepted.tasks.rows.map((r: { state: string | null }) => r.state)).toEqual(["late", null]); // nothing accepted: no report; NV1 past its deadline
      const own = f.app.reference.registry.byCode(UNIT)!.groups[0];
      const other = own === "wards" ? "communes" : "wards";
      const mine = (await get(f.app, f.tokens.planner, `/consolidation?period=2026-Q3&group=${own}`)).json();
      expect(mine.tasks.rows.map((r: { task: { id: string } }) => r.task.id)).toEqual(["NV1", "NV2"]);
      const none = (await get(f.app, f.tokens.planner, `/consolidation?period=2026-Q3&group=${other}`)).json();
      expect(none.tasks).toMatchObject({ rows: [], overdue: [], noUpdate: [] });
      const csv = (await get(f.app, f.tokens.planner, "/consolidation?period=2026-Q3&format=csv")).body;
      const taskLines = csv.split("\r\n").filter((l) => l.startsWith("task,"));
      expect(taskLines).toHaveLength(2);
      const cols = taskLines[0]!.split(",");
      expect(cols.slice(0, 4)).toEqual(["task", "S-XD", "Sở Xây dựng", "NV1"]);
      expect(cols[10]).toBe("late");
      expect(cols[15]).toBe("overdue");
      expect(taskLines[1]).toMatch(/^task,S-NNMT,.*,NV2,.*,no_report,.*,no_update,,S-NNMT 00004$/);
    });

    it("expects a report from a unit that leads or co-owns tasks with no figure due, missing until it sends one", async () => {
      type Row = { unitCode: string; state: string };
      const completeness = async (period: string) =>
        (await get(f.app, f.tokens.planner, `/completeness?period=${period}`)).json() as {
          counts: { expected: number; missing: number };
          units: Row[];
        };
      const stateIn = (rows: Row[], code: string) => rows.find((u) => u.unitCode === code)?.state;
      // S-YT has no figure due in a quarter of 2026; it leads NV2 in 2026-Q2, not from 2026-Q3 on (NV2 went to S-NNMT)
      const q2 = await completeness("2026-Q2");
      expect(stateIn(q2.units, "S-YT")).toBe("missing");
      expect(stateIn((await completeness("2026-Q3")).units, "S-YT")).toBeUndefined();
      // S-XD has no figure due in 2026-07 but leads NV1: expected, and it sent its progress
      const july = await completeness("2026-07");
      expect(stateIn(july.units, "S-XD")).toBe("submitted");
      const board = async (period: string) =>
        (await get(f.app, f.tokens.planner, `/board?period=${period}&group=departments`)).json() as {
          counts: { expected: number; missing: number; not_applicable: number };
          units: Row[];
        };
      const boardQ2 = await board("2026-Q2");
      expect(stateIn(boardQ2.units, "S-YT")).toBe("missing");
      expect(stateIn((await board("2026-Q3")).units, "S-YT")).toBe("not_applicable");
      expect(stateIn((await board("2026-07")).units, "S-XD")).toBe("submitted_on_time");
      // the board and completeness count the same expected units
      const q2Departments = (
        await get(f.app, f.tokens.planner, "/completeness?period=2026-Q2&group=departments")
      ).json();
      expect(boardQ2.counts.expected).toBe(q2Departments.counts.expected);
      expect(boardQ2.counts.missing).toBe(q2Departments.counts.missing);
    });
  });
}
