import {
  createUnitRegistry,
  defaultCatalog,
  defaultTaskRegister,
  defaultUnits,
  parseTaskCsv,
  parseTaskRows,
  taskUnits,
  tasksToCsv,
  type CatalogIssue,
} from "../../../src/domain";

const catalog = defaultCatalog();
const units = createUnitRegistry([...defaultUnits(), ...taskUnits()]);
const options = { from: "2026-Q3", list: "official-212" };
const HEADER = "id,task_group_vi,name_vi,kind,lead_unit,co_units,deadline,linked_targets,milestones";

function issues(csv: string): CatalogIssue[] {
  const r = parseTaskCsv(csv, catalog, units, options);
  if (r.ok) throw new Error("expected the file to be refused");
  return r.issues;
}

describe("a planner's task list", () => {
  it("reads units by code or exact name, deadlines at any precision, milestones and targets", () => {
    const r = parseTaskCsv(
      `${HEADER}\nNV001,Giao thông,Cầu Tứ Liên,work,Sở Xây dựng,00004; xã hoà lạc,30/6/2027,U10;u11,Khởi công@2026-06; Thông xe@2027\n`,
      catalog,
      units,
      options,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.rows[0]).toMatchObject({
      id: "NV001",
      list: "official-212",
      status: "official",
      leadUnitCode: "S-XD",
      coUnitCodes: ["00004", "09988"],
      deadline: "2027-06-30",
      linkedTargets: ["U10", "U11"],
      milestones: [
        { label: "Khởi công", due: "2026-06" },
        { label: "Thông xe", due: "2027" },
      ],
      effectiveFrom: "2026-Q3",
    });
  });

  it("is refused whole, every bad row listed with its row and column", () => {
    const found = issues(
      [
        HEADER,
        "NV001,Giao thông,Cầu A,work,S-XD,,2027,,",
        "NV002,Giao thông,Cầu B,work,Sở Không Có,,2027,,",
        "NV001,Giao thông,Cầu C,work,S-XD,,2027,,",
        "NV003,Giao thông,Cầu D,work,S-XD,00004;99999,31/02/2027,U99,Khởi công@sớm",
        "NV004,Giao thông,Cầu E,bridge,S-XD,,,,",
      ].join("\n"),
    );
    expect(found.map((i) => [i.row, i.column, i.code])).toEqual([
      [3, "lead_unit", "unknown_unit"],
      [4, "id", "duplicate_id"],
      [5, "co_units", "unknown_unit"],
      [5, "deadline", "bad_date"],
      [5, "milestones", "bad_date"],
      [5, "linked_targets", "unknown_target"],
      [6, "kind", "bad_kind"],
    ]);
    expect(found[0]?.message.vi).toContain("Dòng 3, cột lead_unit");
    expect(found[0]?.message.en).toContain("Row 3, column lead_unit");
    expect(found[3]?.message.en).toContain('"31/02/2027" is not a date');
  });

  it("refuses a name two units share, asking for the code", () => {
    const twin = createUnitRegistry([...defaultUnits(), { ...taskUnits()[0]!, code: "S-QHKT2" }, ...taskUnits()]);
    const r = parseTaskRows(
      [
        ["id", "task_group_vi", "name_vi", "kind", "lead_unit"],
        ["NV1", "G", "N", "task", "Sở Quy hoạch - Kiến trúc"],
      ],
      catalog,
      twin,
      options,
    );
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(["ambiguous_unit"]);
  });

  it("exports what it reads: the starter register round-trips", () => {
    const tasks = defaultTaskRegister().tasks;
    const r = parseTaskCsv(tasksToCsv(tasks, units), catalog, units, { ...options, from: "2026-01" });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.rows).toEqual(tasks);
    // imported from 2026-Q3, the same rows never backdate a change: their own "from" (2026-01) is earlier
    const q3 = parseTaskCsv(tasksToCsv(tasks, units), catalog, units, options);
    expect(q3.ok && q3.rows.every((t) => t.effectiveFrom === "2026-Q3")).toBe(true);
  });
});
