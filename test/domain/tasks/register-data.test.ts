import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  createUnitRegistry,
  defaultCatalog,
  defaultTaskRegister,
  defaultUnits,
  expectedUnits,
  parsePeriod,
  registerFromSources,
  taskUnits,
  tasksForUnit,
} from "../../../src/domain";
import { renderTasksData } from "../../../src/domain/tasks/render-data";

const dir = join(__dirname, "..", "..", "..", "src", "domain", "tasks");
const units = createUnitRegistry([...defaultUnits(), ...taskUnits()]);

describe("the starter register", () => {
  const csv = readFileSync(join(dir, "key-tasks-from-sources.csv"), "utf8");

  it("is generated from key-tasks-from-sources.csv (run `npx tsx scripts/task-data.ts` after editing the CSV)", () => {
    const r = registerFromSources(csv, defaultCatalog(), units);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(readFileSync(join(dir, "tasks-data.ts"), "utf8")).toBe(renderTasksData(r.tasks));
  });

  it("is the shared file, byte for byte", () => {
    const shared = join(__dirname, "..", "..", "..", "..", "shared", "domain", "key-tasks-from-sources.csv");
    let text: string | null = null;
    try {
      text = readFileSync(shared, "utf8");
    } catch {
      text = null; // a clone without the shared folder: the copy is the reference
    }
    if (text !== null) expect(csv).toBe(text);
  });

  it("keeps each row's status and source, and never calls itself official", () => {
    const tasks = defaultTaskRegister().tasks;
    expect(tasks).toHaveLength(60);
    expect(tasks.filter((t) => t.status === "inferred")).toHaveLength(2);
    expect(tasks.every((t) => t.status !== "official" && t.source !== "" && t.list === "sources-2026")).toBe(true);
  });

  it("matches lead units by exact normalised name: notes dropped, UBND xã, tone placement", () => {
    const byId = new Map(defaultTaskRegister().tasks.map((t) => [t.id, t]));
    // "Sở Xây dựng (tham mưu)"
    expect(byId.get("KT023")?.leadUnitCode).toBe("S-XD");
    // "UBND xã Hòa Lạc; UBND xã Phú Cát; Ban Quản lý các khu công nghệ cao …" (the list writes "Xã Hoà Lạc")
    expect(byId.get("KT051")).toMatchObject({ leadUnitCode: "09988", coUnitCodes: ["09952", "BQL-KCN"] });
    // an investor is not a unit: kept as the source's wording, no lead unit
    expect(byId.get("KT002")).toMatchObject({ leadUnitCode: null, leadText: "Tập đoàn Vingroup (nhà đầu tư)" });
    // "Tập đoàn FPT; UBND Thành phố": the city unit leads, the investor stays in the wording
    expect(byId.get("KT007")?.leadUnitCode).toBe("UBND-TP");
  });

  it("adds the missing city units to be confirmed, reporting tasks and no target", () => {
    const catalog = defaultCatalog();
    const period = parsePeriod("2026-Q1")!;
    const added = taskUnits();
    expect(added.every((u) => u.toConfirm && u.kind === "department")).toBe(true);
    const expected = new Set(expectedUnits(catalog, units, period).map((u) => u.code));
    for (const u of added) expect(expected.has(u.code)).toBe(false);
    expect(tasksForUnit(defaultTaskRegister(), "BQL-DSDT", period).map((t) => t.task.id)).toEqual(["KT018", "KT019"]);
  });
});
