/**
 * `chitieu consolidate --from --to` (the trend workbook) and `chitieu brief` from real unit workbooks: three wards
 * report the monthly bottleneck targets for January to March (one ward skips February). The workbook's figures are
 * read back with ExcelJS, and both workbooks are rendered by LibreOffice to PDF: the charts are in the file and drawn,
 * the brief is one page.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { run as consolidate } from "../../src/cli/consolidate";
import { run as brief } from "../../src/cli/brief";
import { fullEntries } from "../scorecard/helpers";
import { captureIo, writeUnitWorkbook } from "./consolidate-fixture";

const WARDS = ["00004", "00008", "00025"];
/** U13 congestion points per ward and month: 00004 gets worse, 00008 better, 00025 skips February */
const U13: Record<string, (number | null)[]> = { "00004": [2, 3, 5], "00008": [6, 4, 1], "00025": [3, null, 3] };

let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-trend-"));
  for (const unit of WARDS)
    for (let m = 1; m <= 3; m++) {
      const v = U13[unit]![m - 1];
      if (v === null) continue;
      await writeUnitWorkbook(
        dir,
        `in/${unit}-2026-0${m}.xlsx`,
        unit,
        `2026-0${m}`,
        fullEntries(unit, 10_000, { U13: { value: v }, U14: { value: m }, U15: { value: 1 }, U16: { value: 10 - m } }),
        new Date(`2026-0${m + 1}-03T02:00:00Z`),
      );
    }
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function soffice(args: string[]): void {
  execFileSync(
    "soffice",
    [`-env:UserInstallation=file://${path.join(dir, "lo-profile")}`, "--headless", "--norestore", ...args],
    { cwd: dir, stdio: "ignore", timeout: 240_000 },
  );
}

function pages(pdf: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))?.[1]);
}

/** The brief sheet's rows, each as its cells' texts joined by "|". */
async function briefRows(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, file));
  const rows: string[] = [];
  wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).map(String).join("|")));
  return rows;
}

describe("chitieu consolidate --from --to (files)", () => {
  it("writes the trend workbook with each figure per period, missing never 0, and its line charts", async () => {
    const c = captureIo(dir);
    const code = await consolidate(["in", "--from", "2026-01", "--to", "2026-03", "-o", "trend.xlsx"], c.io);
    expect(c.err()).not.toMatch(/✖/);
    expect(code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "trend.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["XuHuong", "DiemNghen", "DonViXuHuong", "BieuDoXuHuong"]);
    const trend = wb.getWorksheet("XuHuong")!;
    const row = trend.getColumn(1).values.findIndex((v) => v === "U13");
    // U13 is a stock summed over units: 2+6+3, 3+4 (00025 missing), 5+1+3
    expect([5, 6, 7].map((col) => trend.getRow(row).getCell(col).value)).toEqual([11, 7, 9]);
    // unit sheet: 00004 slipped (2 → 5 on a "fewer is better" target); the changes are last − first
    const units = wb.getWorksheet("DonViXuHuong")!;
    const header = units.getRow(6).values as unknown[];
    const u13 = header.indexOf("U13");
    const byUnit = new Map<string, number | null>();
    units.eachRow((r, i) => {
      if (i > 6) byUnit.set(String(r.getCell(1).value), r.getCell(u13).value as number | null);
    });
    expect(byUnit.get("00004")).toBe(3);
    expect(byUnit.get("00008")).toBe(-5);
    expect(byUnit.get("00025")).toBe(0);
    // a ward that never reported has no change, not a 0
    expect(byUnit.get("00070") ?? null).toBeNull();
    expect(String(units.getRow(7).getCell(1).value)).toBe("00004");
    // the bottleneck sheet lists 00004 among the units that slipped on U13, with February missing for 00025 as text
    const bn = wb.getWorksheet("DiemNghen")!;
    const texts: string[] = [];
    bn.eachRow((r) => texts.push((r.values as unknown[]).map(String).join("|")));
    expect(texts.some((t) => t.startsWith("|00004|") || t.includes("|00004|"))).toBe(true);
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, "trend.xlsx")));
    const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    // one line chart per bottleneck with monthly figures (traffic, flooding, food safety, urban order); the group
    // charts have no pace to draw against (these wards report no target with a 2026 value monthly)
    expect(charts).toHaveLength(4);
    const xmls = await Promise.all(charts.map((f) => zip.file(f)!.async("string")));
    for (const xml of xmls) {
      expect(xml).toMatch(/<c:lineChart>/);
      expect(xml).toMatch(/<c:dispBlanksAs val="gap"\/>/);
    }
    const titles = xmls.join("");
    for (const b of ["Ùn tắc giao thông", "Úng ngập", "An toàn thực phẩm", "Trật tự đô thị"])
      expect(titles).toContain(b);
    // U13's line: the city's three months as an index of January (11 = 100)
    expect(titles).toMatch(/<c:v>U13<\/c:v>/);
  }, 120_000);

  it("renders the trend workbook through LibreOffice with its charts drawn", () => {
    soffice(["--convert-to", "pdf", "trend.xlsx"]);
    const pdf = path.join(dir, "trend.pdf");
    const n = pages(pdf);
    expect(n).toBeGreaterThanOrEqual(4);
    const textOf = (p: number): string =>
      execFileSync("pdftotext", ["-f", String(p), "-l", String(p), pdf, "-"], { encoding: "utf8" });
    const all = Array.from({ length: n }, (_, i) => textOf(i + 1));
    expect(all[0]).toMatch(/XU HƯỚNG THEO KỲ/);
    // a chart's title is drawn text in the PDF only when LibreOffice drew the chart (the data tables never hold it)
    const drawn = all.findIndex((t) => /Ùn tắc giao thông \/ Traffic congestion: chỉ số/.test(t));
    expect(drawn).toBeGreaterThan(0);
    for (const title of ["Úng ngập / Flooding", "An toàn thực phẩm / Food safety", "Trật tự đô thị / Urban order"])
      expect(all.join("\n")).toContain(title);
    const chartsPage = drawn + 1;
    // with CHITIEU_WRITE_SCREENS=1 the trend sheet and the charts are saved for the README
    if (process.env.CHITIEU_WRITE_SCREENS === "1") {
      const out = path.join(__dirname, "..", "..", "docs", "screens");
      for (const [page, name] of [
        [1, "trend"],
        [chartsPage, "trend-charts"],
      ] as const)
        execFileSync("pdftoppm", [
          "-f",
          String(page),
          "-l",
          String(page),
          "-r",
          "110",
          "-png",
          "-singlefile",
          pdf,
          path.join(out, name),
        ]);
    }
  }, 300_000);

  it("writes the monthly brief in English as .xlsx and a one-page PDF with its two charts", async () => {
    const c = captureIo(dir);
    const code = await brief(
      ["in", "--period", "2026-03", "--lang", "en", "-o", "brief.xlsx", "--pdf", "brief.pdf"],
      c.io,
    );
    expect(c.err()).not.toMatch(/✖/);
    expect(code).toBe(0);
    const pdf = path.join(dir, "brief.pdf");
    expect(pages(pdf)).toBe(1);
    const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
    expect(text).toMatch(/MONTHLY BRIEF/);
    expect(text).toMatch(/Bottlenecks against the period before/);
    expect(text).toMatch(/Units with figures missing/);
    // the overdue key tasks of the starter register at March's end (no file reports on them), said to be no official
    // list, on the same one page
    expect(text).toMatch(/Overdue key tasks: 4 of \d+/);
    for (const id of ["KT036", "KT037", "KT052", "KT055"]) expect(text).toContain(`${id} —`);
    expect(text).toMatch(/not the city's official list/);
    // both charts drawn: their titles are in the page's text only when LibreOffice drew them
    expect(text).toMatch(/Targets by pace/);
    expect(text).toMatch(/Bottlenecks, first period = 100/);
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, "brief.xlsx")));
    expect(Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))).toHaveLength(2);
    const cells = await briefRows("brief.xlsx");
    // U13 got worse in March for the city (7 → 9: fewer is better)
    expect(cells.find((x) => x.includes("|U13|"))).toMatch(/▼ worse/);
  }, 300_000);

  it("says there is no key-task register instead of an empty list when the list given is empty", async () => {
    fs.writeFileSync(path.join(dir, "no-tasks.csv"), "id,task_group_vi,name_vi,kind\r\n");
    const c = captureIo(dir);
    expect(await brief(["in", "--period", "2026-03", "--tasks", "no-tasks.csv", "-o", "brief-vi.xlsx"], c.io)).toBe(0);
    expect(c.err()).not.toMatch(/✖/);
    const cells = await briefRows("brief-vi.xlsx");
    expect(cells.join("\n")).toContain("Chưa có sổ nhiệm vụ trọng điểm");
    expect(cells.join("\n")).not.toContain("KT036");
  });

  it("refuses a task list with bad rows, listing them, and writes no brief", async () => {
    fs.writeFileSync(
      path.join(dir, "bad-tasks.csv"),
      "id,task_group_vi,name_vi,kind,lead_unit\r\nX1,G,Tên,project,NO-SUCH\r\n",
    );
    const c = captureIo(dir);
    const code = await brief(["in", "--period", "2026-03", "--tasks", "bad-tasks.csv", "-o", "bad.xlsx"], c.io);
    expect(code).toBe(1);
    expect(`${c.out()}${c.err()}`).toMatch(/NO-SUCH/);
    expect(c.err()).toMatch(/task list \(--tasks\) is invalid/);
    expect(fs.existsSync(path.join(dir, "bad.xlsx"))).toBe(false);
  });

  it("refuses a range of two kinds or a bad --lang, in both languages", async () => {
    const c = captureIo(dir);
    expect(await consolidate(["in", "--from", "2026-01", "--to", "2026-Q1", "-o", "x.xlsx"], c.io)).toBe(2);
    expect(c.err()).toMatch(/must be periods of one kind/);
    expect(c.err()).toMatch(/phải cùng loại kỳ/);
    const b = captureIo(dir);
    expect(await brief(["in", "--period", "2026-03", "--lang", "fr", "-o", "x.xlsx"], b.io)).toBe(2);
    expect(b.err()).toMatch(/--lang must be vi or en/);
    expect(fs.existsSync(path.join(dir, "x.xlsx"))).toBe(false);
  });
});
