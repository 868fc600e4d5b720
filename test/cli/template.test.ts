import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { AppError, defaultCatalog, defaultUnitRegistry, parsePeriod, type Period, type Unit } from "../../src/domain";
import type { CliIo } from "../../src/cli/io";
import { run } from "../../src/cli/template";
import { TEMPLATE_VERSION, buildTemplateSpec } from "../../src/workbook/template";
import { writeTemplateXlsx } from "../../src/workbook/xlsx/write-template";
import { readWorkbook } from "../../src/workbook/xlsx/node-inflate";
import { editZip } from "../workbook/xlsx-helpers";

const catalog = defaultCatalog();
const units = defaultUnitRegistry();
const root = path.join(__dirname, "..", "..");

function io(cwd: string): CliIo & { out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let o = "";
  let e = "";
  stdout.on("data", (c) => (o += String(c)));
  stderr.on("data", (c) => (e += String(c)));
  return { stdout, stderr, env: {}, cwd, out: () => o, err: () => e };
}

describe("chitieu template", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "chitieu-template-"));

  it("writes the template of a ward for a quarter and says so in Vietnamese", async () => {
    const c = io(dir);
    expect(await run(["--unit", "00004", "--period", "2026-Q1", "-o", "mau.xlsx"], c)).toBe(0);
    expect(c.out()).toBe("✔ Đã tạo mẫu báo cáo Phường Ba Đình (00004), Quý I/2026: 9 chỉ tiêu → mau.xlsx\n");
    const read = readWorkbook(readFileSync(path.join(dir, "mau.xlsx")), { catalog, units });
    expect(read.identity).toEqual({
      templateVersion: TEMPLATE_VERSION,
      catalogVersion: catalog.version,
      unitCode: "00004",
      period: "2026-Q1",
      demo: false,
    });
    expect(read.entries).toHaveLength(9); // Q1 asks for the monthly and quarterly targets that apply to a ward
    expect(read.locale).toBe("vi");
  });

  it("speaks English and sets the English number style with --lang en", async () => {
    const c = io(dir);
    expect(await run(["--unit", "S-XD", "--period", "2026", "-o", "dept.xlsx", "--lang", "en"], c)).toBe(0);
    expect(c.out()).toBe(
      "✔ Wrote the report template for Department of Construction (S-XD), Year 2026: 2 targets → dept.xlsx\n",
    );
    expect(readWorkbook(readFileSync(path.join(dir, "dept.xlsx")), { catalog, units }).locale).toBe("en");
  });

  it("marks a demo unit's workbook as a demo", async () => {
    const c = io(dir);
    expect(await run(["--unit", "DEMO-01", "--period", "2026-Q1", "-o", "demo.xlsx"], c)).toBe(0);
    expect(c.out()).toContain("(sổ trình diễn: DEMO)");
    expect(readWorkbook(readFileSync(path.join(dir, "demo.xlsx")), { catalog, units }).identity.demo).toBe(true);
  });

  it.each([
    [["--unit", "99999", "--period", "2026-Q1", "-o", "x.xlsx"], "CT_UNKNOWN_UNIT", 'Không có đơn vị mã "99999"'],
    [
      ["--unit", "00004", "--period", "2026-Q5", "-o", "x.xlsx"],
      "CT_UNKNOWN_PERIOD",
      'Kỳ báo cáo "2026-Q5" không hợp lệ',
    ],
  ])("refuses %j with %s", async (argv, code, vi) => {
    const e = await run(argv, io(dir)).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe(code);
    expect((e as AppError).messages.vi).toContain(vi);
  });

  it.each([
    [["--period", "2026-Q1", "-o", "x.xlsx"], "Thiếu mã đơn vị"],
    [["--unit", "00004", "-o", "x.xlsx"], "Thiếu kỳ báo cáo"],
    [["--unit", "00004", "--period", "2026-Q1"], "Thiếu tệp kết quả"],
    [["--unit", "00004", "--period", "2026-Q1", "-o", "x.xlsx", "--lang", "fr"], "--lang phải là vi hoặc en"],
    [["--bogus"], "Tuỳ chọn không hợp lệ"],
  ])("prints usage and exits 2 for %j", async (argv, vi) => {
    const c = io(dir);
    expect(await run(argv, c)).toBe(2);
    expect(c.err()).toContain(vi);
    expect(c.err()).toContain("chitieu template --unit <code> --period <id> -o <file.xlsx>");
  });

  it("carries the figures of a workbook of an older catalog over to a new template with --from", async () => {
    expect(await run(["--unit", "00004", "--period", "2026-Q1", "-o", "base.xlsx"], io(dir))).toBe(0);
    const filled = await writeTemplateXlsx(
      buildTemplateSpec({
        catalog,
        unit: units.byCode("00004") as Unit,
        period: parsePeriod("2026-Q1") as Period,
        values: [{ targetId: "S02", value: 12 }],
        unitInfo: { preparer: "Trần B" },
      }),
    );
    const old = await editZip(filled, {
      "customXml/item1.xml": (x) => x.replace(/<catalogVersion>[^<]+/, "<catalogVersion>older"),
    });
    writeFileSync(path.join(dir, "old.xlsx"), old);
    const c = io(dir);
    expect(await run(["--unit", "00004", "--period", "2026-Q1", "-o", "new.xlsx", "--from", "old.xlsx"], c)).toBe(0);
    expect(c.out()).toContain("Đã chuyển 2 giá trị từ old.xlsx.");
    const read = readWorkbook(readFileSync(path.join(dir, "new.xlsx")), { catalog, units });
    expect(read.identity.catalogVersion).toBe(catalog.version);
    expect(read.entries.find((e) => e.targetId === "S02")?.value).toBe(12);
    expect(read.unitSheet.preparer).toBe("Trần B");
  });

  it("refuses --from a workbook of another unit or period", async () => {
    const e = await run(
      ["--unit", "00008", "--period", "2026-Q1", "-o", "n.xlsx", "--from", "base.xlsx"],
      io(dir),
    ).catch((err: unknown) => err);
    expect((e as AppError).code).toBe("CT_TEMPLATE_OTHER_REPORT");
  });

  it("runs as a real command: exit 1 and a message in Vietnamese then English for an unknown unit", () => {
    const r = spawnSync(
      process.execPath,
      [
        path.join(root, "bin", "chitieu.js"),
        "template",
        "--unit",
        "12345",
        "--period",
        "2026-Q1",
        "-o",
        path.join(dir, "z.xlsx"),
      ],
      {
        encoding: "utf8",
        env: { ...process.env, CHITIEU_FROM_SOURCE: "1" },
      },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      '✖ Không có đơn vị mã "12345". Hãy dùng mã 5 chữ số của phường/xã (ví dụ 00004) hoặc mã sở ngành trong danh sách đơn vị.\n' +
        '✖ No unit has code "12345". Use the 5-digit ward/commune code (e.g. 00004) or a department code from the unit list.\n',
    );
  });
});
