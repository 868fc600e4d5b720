/**
 * The template and the consolidated workbook as LibreOffice renders them (headless, a fresh profile): printed to PDF,
 * the whole city's consolidation stays within a page count (the matrix a few pages across, its header rows and unit
 * columns repeated), titles
 * keep their diacritics, times are Hanoi time and no internal hash is in view; rows whose wrapped text needs two lines
 * or more are that tall once LibreOffice has laid them out (its own re-save of the file). Fails, never skips, without
 * soffice, pdfinfo and pdftotext.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { buildConsolidatedSpec } from "../../src/workbook/consolidated";
import { LINE_POINTS, textLines } from "../../src/workbook/row-heights";
import { writeConsolidatedXlsx } from "../../src/workbook/xlsx/write-consolidated";
import { writeTemplateXlsx } from "../../src/workbook/xlsx/write-template";
import { cityView } from "./consolidated-fixture";
import { sheetPath, specFor } from "./xlsx-helpers";

jest.setTimeout(240_000);

function soffice(dir: string, args: string[]): void {
  execFileSync(
    "soffice",
    [`-env:UserInstallation=file://${path.join(dir, "profile")}`, "--headless", "--norestore", ...args],
    {
      cwd: dir,
      stdio: "pipe",
      timeout: 200_000,
    },
  );
}

describe("rendering through LibreOffice", () => {
  let dir: string;
  let cityText: string;
  let cityPages: number;
  const view = cityView();

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-render-"));
    fs.writeFileSync(path.join(dir, "city.xlsx"), await writeConsolidatedXlsx(buildConsolidatedSpec(view)));
    fs.writeFileSync(path.join(dir, "template.xlsx"), await writeTemplateXlsx(specFor()));
    soffice(dir, ["--convert-to", "pdf", "city.xlsx", "template.xlsx"]);
    fs.mkdirSync(path.join(dir, "resaved"));
    soffice(dir, ["--convert-to", "xlsx", "--outdir", "resaved", "template.xlsx"]);
    cityPages = Number(
      /Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [path.join(dir, "city.pdf")], { encoding: "utf8" }))?.[1],
    );
    cityText = execFileSync("pdftotext", ["-layout", path.join(dir, "city.pdf"), "-"], { encoding: "utf8" });
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("prints the whole city's consolidation on few pages, the matrix a few pages across with its headers repeated", () => {
    // 132 units × 43 targets: 44 pages (30 of them the matrix) before it was fitted to width; 20 now, the matrix 8
    expect(cityPages).toBeGreaterThan(4);
    expect(cityPages).toBeLessThanOrEqual(22);
    const pages = cityText.split("\f");
    const first = pages.findIndex((p) => p.includes("MA TRẬN ĐƠN VỊ × CHỈ TIÊU"));
    const after = pages.findIndex((p) => p.includes("TIẾN ĐỘ NỘP BÁO CÁO"));
    const matrix = pages.slice(first, after);
    expect(matrix.length).toBeGreaterThan(1);
    expect(matrix.length).toBeLessThanOrEqual(10);
    // the header rows and the unit columns (A:B) on every page of it: "Unit code" is their corner
    for (const p of matrix) expect(p).toContain("Unit code");
  });

  it("keeps every title's diacritics", () => {
    for (const title of ["MA TRẬN ĐƠN VỊ × CHỈ TIÊU", "TIẾN ĐỘ NỘP BÁO CÁO", "Quý I/2026"])
      expect(cityText).toContain(title);
  });

  it("shows times in Hanoi time and keeps the catalog hash out of view", () => {
    expect(cityText).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    expect(cityText).toContain("(giờ Hà Nội)");
    expect(cityText).toContain("(Hanoi time)");
    expect(cityText).not.toContain(view.catalog.version);
  });

  it("keeps the catalog hash and template version out of the template's view, where readers still find them", async () => {
    const text = execFileSync("pdftotext", ["-layout", path.join(dir, "template.pdf"), "-"], { encoding: "utf8" });
    expect(text).toContain("THÔNG TIN ĐƠN VỊ BÁO CÁO");
    expect(text).not.toContain(view.catalog.version);
    expect(text).not.toContain("Phiên bản danh mục");
  });

  it("lays out the template's wrapped rows at the height of their text", async () => {
    const spec = specFor();
    const bytes = new Uint8Array(fs.readFileSync(path.join(dir, "resaved", "template.xlsx")));
    const zip = await JSZip.loadAsync(bytes);
    for (const sheet of spec.sheets) {
      const xml = await (zip.file(await sheetPath(bytes, sheet.name)) as JSZip.JSZipObject).async("string");
      const heights = new Map<number, number>();
      for (const m of xml.matchAll(/<row [^>]*?r="(\d+)"[^>]*?ht="([\d.]+)"/g)) heights.set(Number(m[1]), Number(m[2]));
      const expected = Object.entries(sheet.rowHeights ?? {});
      expect(expected.length).toBeGreaterThan(0);
      for (const [row, points] of expected) {
        expect(points).toBeGreaterThanOrEqual(2 * LINE_POINTS);
        expect(heights.get(Number(row)) ?? 0).toBeGreaterThanOrEqual(points - 1);
      }
    }
    // the guide's first paragraph takes two lines in its 110-character column
    const guide = spec.sheets[0];
    const a4 = guide.cells.find((c) => c.address === "A4");
    expect(textLines(String(a4?.value), guide.columnWidths[0])).toBe(2);
    expect(guide.rowHeights?.[4]).toBe(2 * LINE_POINTS);
  });
});
