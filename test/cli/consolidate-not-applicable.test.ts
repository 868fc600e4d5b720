/**
 * Issue #14, item "not applicable is an answer" in consolidation from files: a figure typed `không áp dụng` / `N/A`
 * with a reason, in a workbook filled by openpyxl (not by us), is counted apart — never as missing, never as 0 — in
 * the city figure, the JSON summary and the consolidated workbook, as it is from the endpoint. The same answer
 * without a reason is a bad figure: missing for that target only, the file's other figures used. Needs Debian's
 * python3-openpyxl (the suite fails and says so without it).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/consolidate";
import { fullEntries } from "../scorecard/helpers";
import { captureIo, writeUnitWorkbook } from "./consolidate-fixture";
import os from "node:os";

jest.setTimeout(120_000);

const PYTHON = "/usr/bin/python3";
/** E10 is due once a year: the year report asks for it */
const P = "2026";
const REASON = "Phường trung tâm, không có đất sản xuất nông nghiệp";

/** Type `text` into E10's numerator cell (H) and `reason` into its justification (L), with openpyxl. */
function typeWithOpenpyxl(file: string, text: string, reason: string | null): void {
  const script = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Nhap"]
row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "E10")
ws.cell(row, 8).value = sys.argv[2]
ws.cell(row, 9).value = None
ws.cell(row, 12).value = sys.argv[3] if sys.argv[3] else None
wb.save(sys.argv[1])
`;
  const r = spawnSync(PYTHON, ["-c", script, file, text, reason ?? ""], { encoding: "utf8" });
  if (r.status !== 0)
    throw new Error(`openpyxl failed (install python3-openpyxl: apt-get install -y python3-openpyxl): ${r.stderr}`);
}

interface JsonTarget {
  targetId: string;
  value: number | null;
  numeratorSum: number | null;
  denominatorSum: number | null;
  unitsIncluded: string[];
  unitsMissing: string[];
  unitsNotApplicable: string[];
}

let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-na-"));
  // 00004 answers "không áp dụng" with a reason; 00008 "N/A" without one; 00025 reports E10 (30 / 200)
  const f4 = await writeUnitWorkbook(dir, "in/00004.xlsx", "00004", P, fullEntries("00004", 100));
  typeWithOpenpyxl(f4, "Không áp dụng", REASON);
  const f8 = await writeUnitWorkbook(dir, "in/00008.xlsx", "00008", P, fullEntries("00008", 100));
  typeWithOpenpyxl(f8, "N/A", null);
  await writeUnitWorkbook(
    dir,
    "in/00025.xlsx",
    "00025",
    P,
    fullEntries("00025", 100, { E10: { numerator: 30, denominator: 200 } }),
  );
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("chitieu consolidate: a figure answered 'không áp dụng' in a file", () => {
  it("counts it apart — never missing, never 0 — in the JSON, the city figure and the workbook", async () => {
    const c = captureIo(dir);
    await run(["in", "-o", "out.xlsx", "--period", P, "--json"], c.io);
    const json = JSON.parse(c.out()) as { targets: JsonTarget[] };
    const e10 = json.targets.find((t) => t.targetId === "E10") as JsonTarget;
    expect(e10.unitsNotApplicable).toEqual(["00004"]);
    expect(e10.unitsMissing).not.toContain("00004");
    expect(e10.unitsIncluded).toEqual(["00025"]);
    // 30 / 200 of the one unit that reported: 00004's N/A adds neither a 0 nor a denominator
    expect(e10).toMatchObject({ numeratorSum: 30, denominatorSum: 200, value: 15 });
    // without a reason the answer is a bad figure: missing for E10 only, the file's other figures used
    expect(e10.unitsMissing).toContain("00008");
    expect(c.err()).toMatch(/00008/);
    const s02 = json.targets.find((t) => t.targetId === "S02") as JsonTarget;
    expect(s02.unitsIncluded).toEqual(expect.arrayContaining(["00004", "00008", "00025"]));
    expect(s02.unitsNotApplicable).toEqual([]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "out.xlsx"));
    const th = wb.getWorksheet("TongHop") as ExcelJS.Worksheet;
    let note = "";
    th.eachRow((row) => {
      if (row.getCell(1).value === "E10") note = String(row.getCell(15).value ?? "");
    });
    expect(note).toMatch(/^Không áp dụng \/ Not applicable — 1: 00004 /);
    expect(note).not.toMatch(/00008/);
  });

  it("keeps the strict rule with --whole-file: the file without a reason is rejected, the N/A one is used", async () => {
    const c = captureIo(dir);
    await run(["in", "-o", "strict.xlsx", "--period", P, "--json", "--whole-file", "--allow-rejected"], c.io);
    const json = JSON.parse(c.out()) as { targets: JsonTarget[]; files: { rejected: { file: string }[] } };
    expect(json.files.rejected.map((r) => path.basename(r.file))).toEqual(["00008.xlsx"]);
    const e10 = json.targets.find((t) => t.targetId === "E10") as JsonTarget;
    expect(e10.unitsNotApplicable).toEqual(["00004"]);
    const s02 = json.targets.find((t) => t.targetId === "S02") as JsonTarget;
    expect(s02.unitsMissing).toContain("00008");
  });
});
