/** `chitieu targets template|check|import`: the planners' sheet, filled in a spreadsheet, read back, stored. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/targets";
import { connect, resolveDbConfig } from "../../src/server/db/connect";
import { listUnitTargets } from "../../src/server/db/unit-targets";
import { capture } from "./cli-fixture";

describe("chitieu targets", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "ct-targets-"));
  });

  it("writes the sheet, takes it back filled in, refuses a bad one whole, and stores a good one", async () => {
    const t = capture(dir);
    expect(await run(["template", "--year", "2026", "-o", "giao.xlsx"], t.io)).toBe(0);
    expect(t.out()).toMatch(/bảng giao chỉ tiêu năm 2026: \d+ dòng/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "giao.xlsx"));
    const ws = wb.worksheets[0];
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    let s02Row = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(col("unit_code")).value === "00004" && row.getCell(col("target_id")).value === "S02") s02Row = n;
    });
    expect(ws.getRow(s02Row).getCell(col("city_target")).value).toBe(">= 18000");
    ws.getRow(s02Row).getCell(col("target")).value = "30";
    ws.getRow(s02Row).getCell(col("decision")).value = "5969/QĐ-UBND";
    await wb.xlsx.writeFile(path.join(dir, "filled.xlsx"));

    const ok = capture(dir);
    expect(await run(["check", "filled.xlsx"], ok.io)).toBe(0);
    expect(ok.out()).toContain("1 chỉ tiêu giao hợp lệ");

    writeFileSync(
      path.join(dir, "bad.csv"),
      "unit_code,target_id,year,target,decision\n00004,S02,2026,ba mươi,5969\nPhường X,S02,2026,30,5969\n",
    );
    const bad = capture(dir);
    const db = path.join(dir, "ct.sqlite");
    expect(await run(["import", "bad.csv", "--db", db, "--lang", "en"], bad.io)).toBe(1);
    expect(bad.out()).toContain('Row 2, column target: "ba mươi" is not a number');
    expect(bad.out()).toContain('Row 3, column unit_code: unit code "Phường X"');
    expect(bad.err()).toContain("rejected whole");

    const imp = capture(dir);
    expect(await run(["import", "filled.xlsx", "--db", db], imp.io)).toBe(0);
    const handle = await connect(resolveDbConfig({}, { db, cwd: dir }));
    try {
      expect(await listUnitTargets(handle.db)).toEqual([
        { unitCode: "00004", targetId: "S02", year: 2026, value: 30, direction: null, decision: "5969/QĐ-UBND" },
      ]);
    } finally {
      await handle.close();
    }
  });
});
