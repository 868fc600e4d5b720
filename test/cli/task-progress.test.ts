/**
 * The clerk's path without the add-in: the standard template of a department with key tasks (written by the .xlsx
 * writer), filled by openpyxl — task progress (state picked by its label, a percent, a product, a completion date
 * typed as a date, text starting with "- ") and the narrative — then read by the reader, and sent with
 * `chitieu submit` to a real endpoint over HTTP: stored in the submission, on the planner's task board; a task marked
 * done without a product is refused naming it, nothing stored; a report without the task sheet is taken as before.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { parsePeriod, type Period } from "../../src/domain";
import { defaultTaskRegister, tasksForUnit } from "../../src/domain/tasks";
import { run as submit } from "../../src/cli/submit";
import { issueToken } from "../../src/server/services/token-admin";
import { DEV_PEPPER } from "../../src/server/tokens";
import { unpackContent } from "../../src/server/services/content";
import { buildTemplateSpec } from "../../src/workbook/template";
import { readWorkbookFile } from "../../src/workbook/xlsx/node-inflate";
import { writeTemplateXlsx } from "../../src/workbook/xlsx/write-template";
import { setup, validEntries, type Fixture } from "../server/helpers";
import { capture, listen } from "./cli-fixture";

jest.setTimeout(90_000);

const UNIT = "S-XD";
/** Debian's python3-openpyxl (.ci/run installs it), as the other foreign-writer tests use */
const PYTHON = "/usr/bin/python3";
let f: Fixture;
let url: string;
let dir: string;
let token: string;
const q1 = parsePeriod("2026-Q1") as Period;
const tasks = tasksForUnit(defaultTaskRegister(), UNIT, q1);

/** Fill a template with openpyxl (the library LibreOffice-free offices use), as a clerk would by hand. */
function fillWithOpenpyxl(file: string, out: string, done: { product: boolean }): void {
  const script = `
import sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
names = wb.defined_names
def cell(name):
    dn = names[name]
    sheet, ref = list(dn.destinations)[0]
    return wb[sheet][ref.replace("$", "")]
ids = ${JSON.stringify(tasks.map((t) => t.task.id))}
for i, tid in enumerate(ids):
    cell(f"CT_task_{tid}_state").value = "Đúng tiến độ"
    cell(f"CT_task_{tid}_percent").value = 30 + i
    cell(f"CT_task_{tid}_obstacles").value = "- Vướng giải phóng mặt bằng"
    p = cell(f"CT_task_{tid}_proposals")
    p.value = "=Đề nghị thành phố hỗ trợ vốn"
    p.data_type = "s"  # typed as text, as Excel does after an apostrophe
first = ids[0]
cell(f"CT_task_{first}_state").value = "Hoàn thành"
cell(f"CT_task_{first}_percent").value = 100
if ${done.product ? "True" : "False"}:
    cell(f"CT_task_{first}_productDelivered").value = "Quyết định phê duyệt đề án"
cell(f"CT_task_{first}_evidence").value = "Quyết định số 123/QĐ-UBND"
cell(f"CT_task_{first}_evidenceRef").value = "123/QĐ-UBND"
c = cell(f"CT_task_{first}_completedOn")
c.value = datetime.datetime(2026, 3, 15)
c.number_format = "dd/mm/yyyy"
cell("CT_narrative_results").value = "- Hoàn thành 95% kế hoạch quý I"
cell("CT_narrative_proposals").value = "+ Bổ sung kinh phí"
wb.save(sys.argv[2])
`;
  execFileSync(PYTHON, ["-c", script, file, out], { stdio: "pipe" });
}

beforeAll(async () => {
  f = await setup("sqlite");
  url = await listen(f);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-task-progress-"));
  token = (await issueToken(f.app.store.db, DEV_PEPPER, { role: "unit", unitCode: UNIT }, new Date().toISOString()))
    .token;
  const unit = f.app.reference.registry.byCode(UNIT);
  if (!unit) throw new Error("no S-XD");
  const spec = buildTemplateSpec({
    catalog: f.app.reference.currentCatalog,
    unit,
    period: q1,
    values: validEntries(f.app, UNIT),
    tasks,
  });
  fs.writeFileSync(path.join(dir, "blank.xlsx"), await writeTemplateXlsx(spec));
});

afterAll(async () => {
  await f?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("task progress and the narrative, filled by openpyxl and sent with chitieu submit", () => {
  it("has tasks for the department in the starter register", () => {
    expect(tasks.length).toBeGreaterThanOrEqual(5);
  });

  it("reads what openpyxl typed: states by label, percent, a date cell as an ISO date, text kept as text", () => {
    const file = path.join(dir, "filled.xlsx");
    fillWithOpenpyxl(path.join(dir, "blank.xlsx"), file, { product: true });
    const read = readWorkbookFile(file, { catalog: f.app.reference.currentCatalog, units: f.app.reference.registry });
    expect(read.problems).toEqual([]);
    expect(read.taskProgress.map((p) => p.taskId)).toEqual(tasks.map((t) => t.task.id));
    expect(read.taskProgress[0]).toMatchObject({
      state: "done",
      percent: 100,
      productDelivered: "Quyết định phê duyệt đề án",
      evidenceRef: "123/QĐ-UBND",
      completedOn: "2026-03-15",
    });
    expect(read.taskProgress[1]).toMatchObject({
      state: "on_track",
      percent: 31,
      obstacles: "- Vướng giải phóng mặt bằng",
      proposals: "=Đề nghị thành phố hỗ trợ vốn",
    });
    expect(read.taskCellOf(tasks[0]?.task.id ?? "", "state")).toBe("TienDoNV!F6");
    expect(read.narrative).toMatchObject({
      results: "- Hoàn thành 95% kế hoạch quý I",
      proposals: "+ Bổ sung kinh phí",
    });
  });

  it("refuses a task marked done without a product, naming the task, and stores nothing", async () => {
    const file = path.join(dir, "no-product.xlsx");
    fillWithOpenpyxl(path.join(dir, "blank.xlsx"), file, { product: false });
    const c = capture(dir);
    const code = await submit([file, "--endpoint", url, "--token", token, "--submission-id", randomUUID()], c.io);
    expect(code).toBe(1);
    expect(`${c.out()}${c.err()}`).toContain(`Nhiệm vụ ${tasks[0]?.task.id} ghi "Hoàn thành" nhưng chưa có sản phẩm`);
    expect(`${c.out()}${c.err()}`).toContain("CT_TASK_PROGRESS_INVALID");
    const rows = await f.app.store.db.selectFrom("submission").select("id").where("unit_code", "=", UNIT).execute();
    expect(rows).toHaveLength(0);
  });

  it("stores the progress and the narrative with the submission; the planner's board shows it", async () => {
    const id = randomUUID();
    const c = capture(dir);
    const code = await submit(
      [path.join(dir, "filled.xlsx"), "--endpoint", url, "--token", token, "--submission-id", id],
      c.io,
    );
    expect(c.err()).toBe("");
    expect(code).toBe(0);
    const row = await f.app.store.db
      .selectFrom("submission")
      .select("content")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    const report = unpackContent(row.content).report as unknown as {
      tasks: { taskId: string; state: string }[];
      narrative: unknown;
    };
    expect(report.tasks.map((t) => [t.taskId, t.state])).toEqual(
      tasks.map((t, i) => [t.task.id, i === 0 ? "done" : "on_track"]),
    );
    expect(report.narrative).toMatchObject({ results: "- Hoàn thành 95% kế hoạch quý I" });
    const board = await f.app.inject({
      method: "GET",
      url: "/api/v1/tasks/board?period=2026-Q1",
      headers: { authorization: `Bearer ${f.tokens.planner}` },
    });
    expect(board.statusCode).toBe(200);
    expect(JSON.stringify(board.json())).toContain("Quyết định phê duyệt đề án");
  });
});
