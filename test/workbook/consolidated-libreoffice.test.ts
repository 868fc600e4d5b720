/**
 * LibreOffice (Debian's libreoffice-calc, headless, a fresh user profile) opens the consolidated workbook: every
 * sheet converts to CSV with the consolidated values, and converting to .ods imports every native chart. The whole
 * city's consolidation is rendered to PNG (PDF, then pdftoppm): with CHITIEU_WRITE_SCREENS=1 the pictures are saved
 * as docs/screens/consolidated.png and consolidated-charts.png for the README.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { buildConsolidatedSpec } from "../../src/workbook/consolidated";
import { writeConsolidatedXlsx } from "../../src/workbook/xlsx/write-consolidated";
import { cityView, sampleView, sheetOf } from "./consolidated-fixture";

jest.setTimeout(180_000);

function soffice(dir: string, args: string[]): void {
  const profile = path.join(dir, "profile");
  execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", ...args], {
    cwd: dir,
    stdio: "pipe",
    timeout: 150_000,
  });
}

/** A minimal CSV parser (quoted fields, doubled quotes, newlines inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

describe("the consolidated workbook in LibreOffice", () => {
  const view = sampleView();
  const spec = buildConsolidatedSpec(view);
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-lo-"));
    fs.writeFileSync(path.join(dir, "consolidated.xlsx"), await writeConsolidatedXlsx(spec));
    // every sheet to its own CSV (sheet index -1), UTF-8, values as shown
    soffice(dir, [
      "--convert-to",
      "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
      "consolidated.xlsx",
    ]);
    soffice(dir, ["--convert-to", "ods", "consolidated.xlsx"]);
  });

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("reads the city figures of TongHop", () => {
    const rows = parseCsv(fs.readFileSync(path.join(dir, "consolidated-TongHop.csv"), "utf8"));
    const s01 = rows.find((r) => r[0] === "S01");
    expect(s01).toBeDefined();
    expect(Number((s01 as string[])[6].replace(",", "."))).toBeCloseTo(85.68, 2);
    expect((s01 as string[])[7]).toBe("951");
    expect((s01 as string[])[8]).toBe("1110");
    expect((s01 as string[])[13]).toContain("00070");
    const s02 = rows.find((r) => r[0] === "S02");
    expect((s02 as string[])[6]).toBe("12");
  });

  it("reads every unit row of the matrix, the completeness table and the scorecard", () => {
    const matrix = parseCsv(fs.readFileSync(path.join(dir, "consolidated-MaTran.csv"), "utf8"));
    for (const u of view.units) expect(matrix.some((r) => r[0] === u.code)).toBe(true);
    const done = parseCsv(fs.readFileSync(path.join(dir, "consolidated-TienDo.csv"), "utf8"));
    expect(done[5].slice(0, 3)).toEqual(["7", "6", String(view.completeness.totals.onTime)]);
    // a formula-looking contact stays text in LibreOffice too
    expect(done.some((r) => r.includes('=HYPERLINK("x")'))).toBe(true);
    const card = parseCsv(fs.readFileSync(path.join(dir, "consolidated-ThePhanLoai.csv"), "utf8"));
    expect(card[9].slice(0, 1)[0]).toMatch(/^Tổng cộng/);
    expect(card[9][7]).toBe(String(view.scorecard.total.total));
  });

  it("imports every native chart", async () => {
    const ods = await JSZip.loadAsync(fs.readFileSync(path.join(dir, "consolidated.ods")));
    const content = await (ods.file("content.xml") as JSZip.JSZipObject).async("string");
    const objects = content.match(/<draw:object [^>]*xlink:href="\.\/Object \d+"/g) ?? [];
    expect(objects).toHaveLength(sheetOf(spec, "BieuDo").charts.length);
    const chart = await (ods.file("Object 1/content.xml") as JSZip.JSZipObject).async("string");
    expect(chart).toMatch(/chart:class="chart:bar"/);
    expect(chart).toMatch(/BieuDo/);
  });
});

describe("the consolidated workbook rendered by LibreOffice", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-lo-png-"));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("renders the consolidated sheet and the charts of the whole city to PNG", async () => {
    const spec = buildConsolidatedSpec(cityView(), { spreadTargetId: "S01" });
    fs.writeFileSync(path.join(dir, "consolidated.xlsx"), await writeConsolidatedXlsx(spec));
    soffice(dir, ["--convert-to", "pdf", "consolidated.xlsx"]);
    const pdf = path.join(dir, "consolidated.pdf");
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))?.[1]);
    const textOf = (page: number) =>
      execFileSync("pdftotext", ["-f", String(page), "-l", String(page), pdf, "-"], { encoding: "utf8" });
    expect(textOf(1)).toMatch(/TỔNG HỢP KẾT QUẢ THỰC HIỆN 43 CHỈ TIÊU/);
    let chartsPage = 0;
    for (let p = pages; p >= 1 && chartsPage === 0; p--) if (/^BIỂU ĐỒ/.test(textOf(p).trim())) chartsPage = p;
    expect(chartsPage).toBeGreaterThan(1);
    const out = process.env.CHITIEU_WRITE_SCREENS === "1" ? path.join(__dirname, "..", "..", "docs", "screens") : dir;
    fs.mkdirSync(out, { recursive: true });
    const render = (page: number, name: string) => {
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
      return fs.statSync(path.join(out, `${name}.png`)).size;
    };
    expect(render(1, "consolidated")).toBeGreaterThan(40_000);
    expect(render(chartsPage, "consolidated-charts")).toBeGreaterThan(40_000);
  });
});
