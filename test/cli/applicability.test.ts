/** `chitieu applicability check|import|export` against a real SQLite file and .xlsx/CSV files. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/applicability";
import { capture } from "./cli-fixture";

const GOOD = "unit_code,target_id,state,from,note\n00004,E10,không áp dụng,2026-Q1,Phường không có đất nông nghiệp\n";

describe("chitieu applicability", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "ct-applicability-"));
  });

  it("checks a file offline and lists every bad row, in vi or en", async () => {
    writeFileSync(
      path.join(dir, "bad.csv"),
      GOOD + "Ba Đình,E10,not_applicable,2026-Q1,\n00004,E10,maybe,2026,\n00004,E10,applies,Q1-2026,\n",
    );
    const c = capture(dir);
    expect(await run(["check", "bad.csv", "--lang", "en"], c.io)).toBe(1);
    expect(c.out()).toContain('Row 3, column unit_code: unit code "Ba Đình" is not in the list of units');
    expect(c.out()).toContain('Row 4, column state: "maybe" is not valid');
    expect(c.out()).toContain('Row 5, column from: "Q1-2026" is not a period');
    expect(c.err()).toContain("rejected whole");
    expect(c.err()).toContain("không dùng tệp này");
    writeFileSync(path.join(dir, "good.csv"), GOOD);
    const ok = capture(dir);
    expect(await run(["check", "good.csv"], ok.io)).toBe(0);
    expect(ok.out()).toContain("1 dòng hợp lệ");
  });

  it("imports an .xlsx table into the database, all or nothing, and exports it back with names", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("ApDung");
    ws.addRow(["unit_code", "unit_name", "target_id", "state", "from", "note"]);
    ws.addRow(["00004", "Phường Ba Đình", "E10", "Không áp dụng", "2026-Q1", "không có đất nông nghiệp"]);
    ws.addRow(["00004", "Phường Ba Đình", "U13", "bắt buộc", "2026-01", ""]);
    await wb.xlsx.writeFile(path.join(dir, "bang.xlsx"));
    const db = path.join(dir, "ct.sqlite");
    writeFileSync(path.join(dir, "bad.csv"), GOOD + "00004,Z99,applies,2026,\n");
    const bad = capture(dir);
    expect(await run(["import", "bad.csv", "--db", db], bad.io)).toBe(1);
    const empty = capture(dir);
    expect(await run(["export", "--db", db], empty.io)).toBe(0);
    expect(empty.out().trim().split("\n")).toHaveLength(1); // the header only: nothing half-written

    const c = capture(dir);
    expect(await run(["import", "bang.xlsx", "--db", db], c.io)).toBe(0);
    expect(c.out()).toContain("Đã thêm 2 lựa chọn");
    const e = capture(dir);
    expect(await run(["export", "-o", "out.csv", "--db", db], e.io)).toBe(0);
    const csv = readFileSync(path.join(dir, "out.csv"), "utf8");
    expect(csv).toContain("00004,Phường Ba Đình,E10,Tỷ trọng");
    expect(csv).toContain(",not_applicable,2026-Q1,không có đất nông nghiệp");
    expect(csv).toContain(",always_required,2026-01,");
    const again = capture(dir);
    expect(await run(["check", "out.csv", "--db", db], again.io)).toBe(0);
  });
});
