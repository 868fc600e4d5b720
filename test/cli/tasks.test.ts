/** `chitieu tasks check|import|export|edit|assign` against a real SQLite file and .xlsx/CSV files (issue #19). */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/tasks";
import { parseCsv } from "../../src/domain/catalog/csv";
import { capture } from "./cli-fixture";

const HEADER = "id,task_group_vi,name_vi,kind,lead_unit,co_units,deadline,linked_targets";

describe("chitieu tasks", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "ct-tasks-"));
  });

  it("checks a list offline and lists every bad row, in vi or en", async () => {
    writeFileSync(
      path.join(dir, "bad.csv"),
      [
        HEADER,
        "NV1,Giao thông,Cầu A,work,Sở Xây dựng,,2027,U10",
        "NV2,Giao thông,Cầu B,work,Sở Giao thông,,2027,",
        "NV1,Giao thông,Cầu C,work,S-XD,,quý II/2027,Z99",
      ].join("\n"),
    );
    const c = capture(dir);
    expect(await run(["check", "bad.csv", "--lang", "en"], c.io)).toBe(1);
    expect(c.out()).toContain('Row 3, column lead_unit: "Sở Giao thông" is not the code or exact name of a unit');
    expect(c.out()).toContain('Row 4, column id: id "NV1" is already on row 2');
    expect(c.out()).toContain('Row 4, column deadline: "quý II/2027" is not a date');
    expect(c.out()).toContain('Row 4, column linked_targets: target "Z99" is not in the catalog');
    expect(c.err()).toContain("rejected whole");
    expect(c.err()).toContain("không dùng tệp này");
  });

  it("exports the starter list, which checks and imports as it is (.xlsx round trip)", async () => {
    const e = capture(dir);
    expect(await run(["export", "-o", "danh-muc.xlsx", "--period", "2026-Q1"], e.io)).toBe(0);
    expect(e.out()).toContain("60 nhiệm vụ hợp lệ");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "danh-muc.xlsx"));
    expect(wb.worksheets[0]!.getRow(1).getCell(1).value).toBe("id");
    const db = path.join(dir, "ct.sqlite");
    const c = capture(dir);
    expect(await run(["check", "danh-muc.xlsx", "--db", db], c.io)).toBe(0);
    expect(c.out()).toContain("60 nhiệm vụ hợp lệ");
  });

  it("imports a list from a period on, all or nothing, replacing the register; earlier periods keep theirs", async () => {
    const db = path.join(dir, "ct.sqlite");
    writeFileSync(path.join(dir, "bad.csv"), `${HEADER}\nNV1,Giao thông,Cầu A,work,ZZZ,,2027,\n`);
    const bad = capture(dir);
    expect(await run(["import", "bad.csv", "--from", "2026-Q3", "--db", db], bad.io)).toBe(1);
    const q3Before = capture(dir);
    expect(await run(["export", "-o", "q3.csv", "--period", "2026-Q3", "--db", db], q3Before.io)).toBe(0);
    expect(q3Before.out()).toContain("63 "); // nothing half-written: still the starter list and the 3 demo tasks

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("DanhMuc");
    ws.addRow(HEADER.split(","));
    ws.addRow(["NV001", "Giao thông", "Cầu Tứ Liên", "work", "Sở Xây dựng", "00004", new Date("2027-06-30"), "U10"]);
    ws.addRow(["NV002", "Môi trường", "Hồ điều hòa", "work", "S-NNMT", "", 2028, ""]);
    await wb.xlsx.writeFile(path.join(dir, "chinh-thuc.xlsx"));
    const c = capture(dir);
    expect(await run(["import", "chinh-thuc.xlsx", "--from", "2026-Q3", "--replace", "--db", db], c.io)).toBe(0);
    expect(c.out()).toContain("Đã lưu 2 nhiệm vụ từ kỳ 2026-Q3");
    expect(c.out()).toContain("thôi theo dõi 60 nhiệm vụ");

    const q3 = capture(dir);
    expect(await run(["export", "-o", "q3.csv", "--period", "2026-Q3", "--db", db], q3.io)).toBe(0);
    const csv = readFileSync(path.join(dir, "q3.csv"), "utf8");
    expect(csv).toContain(
      "NV001,official,Giao thông,Cầu Tứ Liên,Cầu Tứ Liên,work,S-XD,00004,,,,2027-06-30,,U10,,official,,2026-Q3",
    );
    expect(csv).toContain("Sở Xây dựng,Phường Ba Đình");
    expect(csv.trim().split("\r\n")).toHaveLength(6); // header, the 3 demo tasks (kept for trainers), NV001, NV002
    const q2 = capture(dir);
    expect(await run(["export", "-o", "q2.csv", "--period", "2026-Q2", "--db", db], q2.io)).toBe(0);
    expect(q2.out()).toContain("63 ");
  });

  it("refuses an import without a first period", async () => {
    writeFileSync(path.join(dir, "a.csv"), `${HEADER}\n`);
    const c = capture(dir);
    expect(await run(["import", "a.csv", "--db", path.join(dir, "x.sqlite")], c.io)).toBe(2);
    expect(c.err()).toContain("--from");
  });

  it("edits one task and assigns its units from a period on; earlier periods keep the version before", async () => {
    const db = path.join(dir, "ct.sqlite");
    const edit = capture(dir);
    const editArgs = ["edit", "KT002", "--from", "2026-Q3", "--db", db, "--focal-person", "Ông A, 0912 000 111"];
    expect(await run([...editArgs, "--deadline", "2030-06-30", "--targets", "U10"], edit.io)).toBe(0);
    expect(edit.out()).toContain("Đã lưu nhiệm vụ KT002 từ kỳ 2026-Q3");
    const assign = capture(dir);
    expect(
      await run(
        ["assign", "KT002", "--from", "2026-Q3", "--db", db, "--lead", "Sở Xây dựng", "--co", "00004"],
        assign.io,
      ),
    ).toBe(0);
    expect(assign.out()).toContain("S-XD, 00004");
    const row = async (period: string) => {
      const e = capture(dir);
      expect(await run(["export", "-o", `${period}.csv`, "--period", period, "--db", db], e.io)).toBe(0);
      const { rows } = parseCsv(readFileSync(path.join(dir, `${period}.csv`), "utf8").replace(/^\ufeff/, ""));
      const cells = rows.find((r) => r[0] === "KT002")!;
      return (col: string) => cells[rows[0]!.indexOf(col)];
    };
    const q3 = await row("2026-Q3");
    const cols = ["lead_unit", "co_units", "focal_person", "deadline", "linked_targets"];
    expect(cols.map(q3)).toEqual(["S-XD", "00004", "Ông A, 0912 000 111", "2030-06-30", "U10"]);
    const q2 = await row("2026-Q2");
    expect([q2("lead_unit"), q2("co_units"), q2("deadline")]).toEqual(["", "", "2030-02"]);
  });

  it("refuses a bad edit with the field named, in vi and en, and stores nothing", async () => {
    const db = path.join(dir, "ct.sqlite");
    const bad = capture(dir);
    const args = ["edit", "KT002", "--from", "2026-Q3", "--db", db, "--deadline", "31/02/2027", "--lang", "en"];
    expect(await run([...args, "--targets", "Z99"], bad.io)).toBe(1);
    expect(bad.out()).toContain('✖ deadline: "31/02/2027" is not a date');
    expect(bad.out()).toContain('✖ linked_targets: target "Z99" is not in the catalog');
    expect(bad.err()).toContain("Task KT002 was not changed (2 problems)");
    expect(bad.err()).toContain("Không lưu thay đổi của nhiệm vụ KT002");
    const unit = capture(dir);
    expect(await run(["assign", "KT002", "--from", "2026-Q3", "--db", db, "--lead", "ZZZ"], unit.io)).toBe(1);
    expect(unit.out()).toContain('"ZZZ"');
    const none = capture(dir);
    expect(await run(["assign", "NOPE", "--from", "2026-Q3", "--db", db, "--lead", "S-XD"], none.io)).toBe(1);
    expect(none.err()).toContain("Không có nhiệm vụ mã “NOPE”");
    expect(none.err()).toContain("There is no task “NOPE”");
    const nothing = capture(dir);
    expect(await run(["edit", "KT002", "--from", "2026-Q3", "--db", db], nothing.io)).toBe(2);
    expect(nothing.err()).toContain("Nothing to change");
    const noFrom = capture(dir);
    expect(await run(["assign", "KT002", "--db", db, "--lead", "S-XD"], noFrom.io)).toBe(2);
    expect(noFrom.err()).toContain("--from");
    const q3 = capture(dir);
    expect(await run(["export", "-o", "q3.csv", "--period", "2026-Q3", "--db", db], q3.io)).toBe(0);
    const kt002 = readFileSync(path.join(dir, "q3.csv"), "utf8")
      .split("\r\n")
      .find((l) => l.startsWith("KT002,"))!;
    expect(kt002).toContain("2030-02"); // unchanged: nothing half-written
  });
});
