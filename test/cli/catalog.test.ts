import { PassThrough } from "node:stream";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/catalog";
import type { CliIo } from "../../src/cli/io";

function io(cwd: string): CliIo & { out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let o = "";
  let e = "";
  stdout.on("data", (c) => (o += String(c)));
  stderr.on("data", (c) => (e += String(c)));
  return { stdout, stderr, env: {}, cwd, out: () => o, err: () => e };
}

describe("chitieu catalog", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "chitieu-catalog-"));

  it("exports the current catalog as CSV that checks as valid with the same version", async () => {
    const a = io(dir);
    expect(await run(["export", "-o", "catalog.csv"], a)).toBe(0);
    const b = io(dir);
    expect(await run(["check", "catalog.csv"], b)).toBe(0);
    const c = io(dir);
    await run(["show", "--json"], c);
    const version = JSON.parse(c.out()).version as string;
    expect(b.out()).toContain(`43 targets, version ${version}`);
  });

  it("lists every bad row with its column in Vietnamese and rejects the catalog whole", async () => {
    const csv = readFileSync(path.join(dir, "catalog.csv"), "utf8").split("\n");
    csv[1] = csv[1].replace(",rate,", ",ratee,");
    csv[3] = csv[3].replace(",>=,", ",=>,");
    writeFileSync(path.join(dir, "bad.csv"), csv.join("\n"));
    const r = io(dir);
    expect(await run(["check", "bad.csv"], r)).toBe(1);
    expect(r.out()).toMatch(/row 2, column measure — .*"ratee"/);
    expect(r.out()).toMatch(/row 4, column direction — .*"=>"/);
    expect(r.err()).toContain("rejected whole");
  });

  it("reads a replacement catalog from the first sheet of an .xlsx file", async () => {
    const rows = readFileSync(path.join(dir, "catalog.csv"), "utf8").replace(/^\ufeff/, "");
    const { parseCsv } = await import("../../src/domain/catalog/csv");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("PhuLuc");
    for (const row of parseCsv(rows).rows) ws.addRow(row);
    ws.getCell("I2").value = "mười một"; // E01 target_2026 typed as words (column I since unit_en came in)
    await wb.xlsx.writeFile(path.join(dir, "catalog.xlsx"));
    const r = io(dir);
    expect(await run(["check", "catalog.xlsx", "--lang", "en"], r)).toBe(1);
    expect(r.out()).toMatch(/row 2, column target_2026 — /);
  });

  it("says in both languages that a file name is needed", async () => {
    const r = io(dir);
    expect(await run(["check"], r)).toBe(2);
    expect(r.err()).toContain("Thiếu tên tệp");
    expect(r.err()).toContain("Name the catalog file");
  });
});
