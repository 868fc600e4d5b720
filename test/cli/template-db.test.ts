/**
 * Issue #14's "Done when", on the planner's side of one real SQLite database: a target a planner set not applicable
 * for Ward 00004 is not in its template at all (and its 2026-Q1 report is valid without it), and a target assigned
 * to the ward (Decision 5969/QĐ-UBND) shows in its template with the decision — `chitieu template --db` reads the
 * same reference data as the endpoint.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { run as template } from "../../src/cli/template";
import { run as applicability } from "../../src/cli/applicability";
import { run as targets } from "../../src/cli/targets";
import { capture } from "./cli-fixture";

async function rowsOf(file: string): Promise<Map<string, ExcelJS.Row>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet("Nhap") as ExcelJS.Worksheet;
  const rows = new Map<string, ExcelJS.Row>();
  ws.eachRow((row) => {
    const id = row.getCell(1).value;
    if (typeof id === "string" && /^[A-Z]\d\d$/.test(id)) rows.set(id, row);
  });
  return rows;
}

describe("chitieu template --db: the ward's template follows the planners' choices", () => {
  let dir: string;
  let db: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "ct-template-db-"));
    db = path.join(dir, "ct.sqlite");
  });

  it("leaves E10 out of Ward 00004's template once a planner set it not applicable, and not before", async () => {
    const before = capture(dir);
    expect(await template(["--unit", "00004", "--period", "2026", "-o", "before.xlsx", "--db", db], before.io)).toBe(0);
    expect((await rowsOf(path.join(dir, "before.xlsx"))).has("E10")).toBe(true);

    writeFileSync(
      path.join(dir, "bang.csv"),
      "unit_code,target_id,state,from,note\n00004,E10,không áp dụng,2026-Q1,Phường không có đất nông nghiệp\n",
    );
    expect(await applicability(["import", "bang.csv", "--db", db], capture(dir).io)).toBe(0);
    for (const period of ["2026-Q1", "2026"]) {
      const c = capture(dir);
      expect(await template(["--unit", "00004", "--period", period, "-o", `${period}.xlsx`, "--db", db], c.io)).toBe(0);
      const rows = await rowsOf(path.join(dir, `${period}.xlsx`));
      expect(rows.has("E10")).toBe(false);
      expect(rows.size).toBeGreaterThan(3);
    }
    // the same workbook without the database (the catalog's default) still asks the ward for E10 in the year
    const offline = capture(dir);
    expect(await template(["--unit", "00004", "--period", "2026", "-o", "offline.xlsx"], offline.io)).toBe(0);
    expect((await rowsOf(path.join(dir, "offline.xlsx"))).has("E10")).toBe(true);
  });

  it("shows a target assigned to the ward, with its decision (the endpoint judges against it: test/server)", async () => {
    writeFileSync(
      path.join(dir, "giao.csv"),
      "unit_code,target_id,year,target,decision\n00004,S02,2026,60,5969/QĐ-UBND\n",
    );
    expect(await targets(["import", "giao.csv", "--db", db], capture(dir).io)).toBe(0);
    const c = capture(dir);
    expect(await template(["--unit", "00004", "--period", "2026-Q1", "-o", "giao.xlsx", "--db", db], c.io)).toBe(0);
    const s02 = (await rowsOf(path.join(dir, "giao.xlsx"))).get("S02") as ExcelJS.Row;
    const shown = String(s02.getCell(4).value);
    expect(shown).toContain("60");
    expect(shown).toContain("5969/QĐ-UBND");
    // without the database the ward's S02 is a city total: no unit target in its row
    const offline = capture(dir);
    expect(await template(["--unit", "00004", "--period", "2026-Q1", "-o", "city.xlsx"], offline.io)).toBe(0);
    const cityRow = (await rowsOf(path.join(dir, "city.xlsx"))).get("S02") as ExcelJS.Row;
    expect(String(cityRow.getCell(4).value)).not.toContain("5969");
  });
});
