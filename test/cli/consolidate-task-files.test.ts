/**
 * Task progress in consolidation from files (issue #19): two departments' standard templates with their key tasks,
 * filled by openpyxl (one re-saved by LibreOffice), consolidated from the files and, once sent with `chitieu submit`,
 * from the real endpoint (SQLite, real HTTP): the same task board both ways. The files' task rows follow the same
 * duplicate rules as their figures (an identical copy, a conflict, the newer file with --prefer-newer) and the clerk's
 * rules (a task "done" without a product is left out naming its cell, or rejects the file with --whole-file).
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { parsePeriod, type Period } from "../../src/domain";
import { defaultTaskRegister, tasksForUnit } from "../../src/domain/tasks";
import { run as consolidate } from "../../src/cli/consolidate";
import { run as submit } from "../../src/cli/submit";
import { issueToken } from "../../src/server/services/token-admin";
import { DEV_PEPPER } from "../../src/server/tokens";
import { buildTemplateSpec } from "../../src/workbook/template";
import { writeTemplateXlsx } from "../../src/workbook/xlsx/write-template";
import { setup, validEntries, type Fixture } from "../server/helpers";
import { capture, listen } from "./cli-fixture";

jest.setTimeout(180_000);

/** Debian's python3-openpyxl and LibreOffice (.ci/run installs both), as the other foreign-writer tests use */
const PYTHON = "/usr/bin/python3";
const UNITS = ["S-XD", "S-YT"] as const;
const q1 = parsePeriod("2026-Q1") as Period;
const register = defaultTaskRegister();
const taskIds = (unit: string): string[] => tasksForUnit(register, unit, q1).map((t) => t.task.id);

let f: Fixture;
let url: string;
let dir: string;

/** A defined name's new value: text, a number, or a date cell. */
type Value = string | number | { date: string };

/** Fill the named cells of a template with openpyxl, as a clerk without the add-in would. */
function fill(src: string, out: string, values: Record<string, Value>): void {
  const script = `
import sys, json, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
for name, v in json.loads(sys.argv[3]).items():
    sheet, ref = list(wb.defined_names[name].destinations)[0]
    c = wb[sheet][ref.replace("$", "")]
    if isinstance(v, dict):
        c.value = datetime.datetime.strptime(v["date"], "%Y-%m-%d")
        c.number_format = "dd/mm/yyyy"
    else:
        c.value = v
wb.save(sys.argv[2])
`;
  execFileSync(PYTHON, ["-c", script, src, out, JSON.stringify(values)], { stdio: "pipe" });
}

/** The progress a unit types: the first task done (with its product, or not), the others on track at 40 + i %. */
function progressOf(unit: string, opts: { product?: boolean; state?: string } = {}): Record<string, Value> {
  const v: Record<string, Value> = {};
  taskIds(unit).forEach((id, i) => {
    const n = (field: string): string => `CT_task_${id}_${field}`;
    v[n("state")] = i === 0 ? "Hoàn thành" : (opts.state ?? "Đúng tiến độ");
    v[n("percent")] = i === 0 ? 100 : 40 + i;
    v[n("justification")] = "Đang chờ phê duyệt chủ trương đầu tư của thành phố";
    if (i === 0) {
      if (opts.product !== false) v[n("productDelivered")] = `Quyết định phê duyệt của ${unit}`;
      v[n("evidenceRef")] = "123/QĐ-UBND";
      v[n("completedOn")] = { date: "2026-03-15" };
    } else v[n("obstacles")] = "- Vướng giải phóng mặt bằng";
  });
  return v;
}

function soffice(args: string[]): void {
  const r = spawnSync(
    "soffice",
    [`-env:UserInstallation=file://${path.join(dir, "lo-profile")}`, "--headless", "--norestore", ...args],
    { encoding: "utf8", timeout: 180_000 },
  );
  if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr}`);
}

/** Run `chitieu consolidate` with --json; its exit code, the JSON and stderr. */
async function consolidated(args: string[]) {
  const c = capture(dir);
  const code = await consolidate([...args, "--period", "2026-Q1", "--json"], c.io);
  const json = JSON.parse(c.out()) as {
    files: { accepted: number; identical: number; conflict: number; superseded: number } | null;
    tasks: {
      overdue: string[];
      rows: { taskId: string; state: string | null; lastUpdate: { unitCode: string; period: string } | null }[];
    } | null;
  };
  return { code, json, err: c.err() };
}

/** The board's rows without the receipt time (the endpoint's receipt, the file's save time). */
function rowsOf(tasks: NonNullable<Awaited<ReturnType<typeof consolidated>>["json"]["tasks"]>) {
  return tasks.rows.map((r) => ({
    ...r,
    lastUpdate: r.lastUpdate ? { unitCode: r.lastUpdate.unitCode, period: r.lastUpdate.period } : null,
  }));
}

const stateOf = (tasks: { rows: { taskId: string; state: string | null }[] } | null, id: string) =>
  tasks?.rows.find((r) => r.taskId === id)?.state;

/** Set a file's save time (the consolidator compares them to find the newer file). */
function savedAt(file: string, iso: string): void {
  const t = new Date(iso);
  fs.utimesSync(file, t, t);
}

beforeAll(async () => {
  f = await setup("sqlite");
  url = await listen(f);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-task-files-"));
  for (const d of ["in", "blank", "lo", "dup"]) fs.mkdirSync(path.join(dir, d));
  for (const code of UNITS) {
    const unit = f.app.reference.registry.byCode(code);
    if (!unit) throw new Error(`no unit ${code}`);
    const spec = buildTemplateSpec({
      catalog: f.app.reference.currentCatalog,
      unit,
      period: q1,
      values: validEntries(f.app, code),
      tasks: tasksForUnit(register, code, q1),
    });
    fs.writeFileSync(path.join(dir, "blank", `${code}.xlsx`), await writeTemplateXlsx(spec));
  }
  fill(path.join(dir, "blank", "S-XD.xlsx"), path.join(dir, "in", "S-XD.xlsx"), progressOf("S-XD"));
  // S-YT's office fills with openpyxl, then opens and saves the file in LibreOffice Calc
  fill(path.join(dir, "blank", "S-YT.xlsx"), path.join(dir, "lo", "S-YT.xlsx"), progressOf("S-YT"));
  soffice(["--convert-to", "xlsx", "--outdir", path.join(dir, "in"), path.join(dir, "lo", "S-YT.xlsx")]);
  savedAt(path.join(dir, "in", "S-XD.xlsx"), "2026-04-02T02:00:00Z");
  savedAt(path.join(dir, "in", "S-YT.xlsx"), "2026-04-02T03:00:00Z");
});

afterAll(async () => {
  await f?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("chitieu consolidate from files carries the task progress", () => {
  it("has tasks for both departments in the starter register", () => {
    expect(taskIds("S-XD").length).toBeGreaterThanOrEqual(5);
    expect(taskIds("S-YT").length).toBeGreaterThanOrEqual(1);
  });

  it("shows the files' task progress on the board and in the NhiemVu sheet", async () => {
    const got = await consolidated(["in", "-o", "tasks.xlsx"]);
    expect(got.err).not.toMatch(/✖/);
    expect(got.code).toBe(0);
    expect(got.json.files?.accepted).toBe(2);
    for (const unit of UNITS) {
      const [first, ...rest] = taskIds(unit);
      expect(stateOf(got.json.tasks, first!)).toBe("done");
      for (const id of rest) expect(stateOf(got.json.tasks, id)).toBe("on_track");
    }
    // read on two threads (the register sent to each): the same board
    const threaded = await consolidated(["in", "--workers", "2"]);
    expect(threaded.json.tasks).toEqual(got.json.tasks);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "tasks.xlsx"));
    const sheet = wb.getWorksheet("NhiemVu");
    expect(sheet).toBeDefined();
    const rows: string[] = [];
    sheet!.eachRow((r) => rows.push((r.values as unknown[]).map((v) => String(v ?? "")).join("|")));
    const first = rows.find((r) => r.includes(`|${taskIds("S-XD")[0]}|`));
    expect(first).toContain("Hoàn thành");
    expect(first).toContain("Quyết định phê duyệt của S-XD");
  });

  it("gives the same task board as the endpoint once the same files are sent with chitieu submit", async () => {
    for (const unit of UNITS) {
      const token = (
        await issueToken(f.app.store.db, DEV_PEPPER, { role: "unit", unitCode: unit }, new Date().toISOString())
      ).token;
      const c = capture(dir);
      const file = path.join(dir, "in", `${unit}.xlsx`);
      const code = await submit([file, "--endpoint", url, "--token", token, "--submission-id", randomUUID()], c.io);
      expect(c.err()).toBe("");
      expect(code).toBe(0);
    }
    const files = await consolidated(["in"]);
    const endpoint = await consolidated(["--from-endpoint", url, "--token", f.tokens.planner]);
    expect(endpoint.code).toBe(0);
    expect(endpoint.json.tasks).not.toBeNull();
    expect(rowsOf(files.json.tasks!)).toEqual(rowsOf(endpoint.json.tasks!));
    expect(files.json.tasks!.overdue).toEqual(endpoint.json.tasks!.overdue);
    // every task of the two departments has its update; the others none (the overdue ones count as late regardless)
    expect(files.json.tasks!.rows.filter((r) => r.lastUpdate !== null).length).toBe(
      taskIds("S-XD").length + taskIds("S-YT").length,
    );
  });

  it("keeps an identical copy once, and takes a unit's tasks only when its conflicting files are resolved", async () => {
    const base = path.join(dir, "in", "S-XD.xlsx");
    fs.copyFileSync(base, path.join(dir, "dup", "S-XD.xlsx"));
    fs.copyFileSync(base, path.join(dir, "dup", "S-XD-copy.xlsx"));
    savedAt(path.join(dir, "dup", "S-XD.xlsx"), "2026-04-02T02:00:00Z");
    const copy = await consolidated(["dup"]);
    expect(copy.json.files).toMatchObject({ accepted: 1, identical: 1, conflict: 0 });
    expect(stateOf(copy.json.tasks, taskIds("S-XD")[1]!)).toBe("on_track");
    // the same figures, another task state, saved later: a conflict, the unit's tasks are not used
    const later = path.join(dir, "dup", "S-XD-copy.xlsx");
    fill(path.join(dir, "blank", "S-XD.xlsx"), later, progressOf("S-XD", { state: "Có nguy cơ chậm" }));
    savedAt(later, "2026-04-05T02:00:00Z");
    const conflict = await consolidated(["dup"]);
    expect(conflict.code).toBe(1);
    expect(conflict.json.files).toMatchObject({ accepted: 0, conflict: 2 });
    for (const id of taskIds("S-XD"))
      expect(conflict.json.tasks!.rows.find((r) => r.taskId === id)?.lastUpdate).toBeNull();
    // the planner confirms the newer file wins: its task states are the ones shown
    const newer = await consolidated(["dup", "--prefer-newer"]);
    expect(newer.code).toBe(0);
    expect(newer.json.files).toMatchObject({ accepted: 1, superseded: 1 });
    expect(stateOf(newer.json.tasks, taskIds("S-XD")[1]!)).toBe("at_risk");
    expect(stateOf(newer.json.tasks, taskIds("S-XD")[0]!)).toBe("done");
  });

  it("leaves out a task marked done without a product, naming its cell; --whole-file rejects the file", async () => {
    const bad = path.join(dir, "bad");
    fs.mkdirSync(bad);
    fill(path.join(dir, "blank", "S-XD.xlsx"), path.join(bad, "S-XD.xlsx"), progressOf("S-XD", { product: false }));
    const [first, second] = taskIds("S-XD");
    const inPart = await consolidated(["bad", "--allow-rejected"]);
    expect(inPart.code).toBe(0);
    expect(inPart.json.files?.accepted).toBe(1);
    expect(inPart.json.tasks!.rows.find((r) => r.taskId === first)?.lastUpdate).toBeNull();
    expect(stateOf(inPart.json.tasks, second!)).toBe("on_track");
    expect(inPart.err).toContain(`Nhiệm vụ ${first} ghi "Hoàn thành" nhưng chưa có sản phẩm`);
    expect(inPart.err).toContain(`Task ${first} is marked "Done" but no product is given`);
    expect(inPart.err).toContain("→ TienDoNV!I6");
    const whole = await consolidated(["bad", "--whole-file"]);
    expect(whole.code).toBe(1);
    expect(whole.err).toMatch(/Files rejected: 1/);
    expect(whole.err).toContain(`Task ${first} is marked "Done" but no product is given`);
    expect(whole.json.files?.accepted).toBe(0);
    expect(whole.json.tasks!.rows.filter((r) => r.lastUpdate !== null)).toEqual([]);
  });

  it("takes the file of a city unit the task register adds (no targets, tasks only), as the endpoint does", async () => {
    const code = "BQL-DD";
    const ids = taskIds(code);
    expect(ids.length).toBeGreaterThanOrEqual(1);
    const unit = f.app.reference.registry.byCode(code);
    if (!unit) throw new Error(`no unit ${code}`);
    const spec = buildTemplateSpec({
      catalog: f.app.reference.currentCatalog,
      unit,
      period: q1,
      values: [],
      tasks: tasksForUnit(register, code, q1),
    });
    const only = path.join(dir, "task-unit");
    fs.mkdirSync(only);
    const blank = path.join(dir, "blank", `${code}.xlsx`);
    fs.writeFileSync(blank, await writeTemplateXlsx(spec));
    fill(blank, path.join(only, `${code}.xlsx`), progressOf(code));
    const got = await consolidated(["task-unit"]);
    expect(got.err).not.toMatch(/✖/);
    expect(got.code).toBe(0);
    expect(got.json.files?.accepted).toBe(1);
    expect(stateOf(got.json.tasks, ids[0]!)).toBe("done");
    expect(got.json.tasks!.rows.find((r) => r.taskId === ids[0])?.lastUpdate?.unitCode).toBe(code);
  });
});
