import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import {
  defaultCatalog,
  defaultUnitRegistry,
  parsePeriod,
  type EntryInput,
  type Period,
  type Unit,
} from "../../src/domain";
import { generateDemoEntries } from "../../src/domain/demo/sample";
import type { CliIo } from "../../src/cli/io";
import { run } from "../../src/cli/validate";
import { buildTemplateSpec } from "../../src/workbook/template";
import { writeTemplateXlsx } from "../../src/workbook/xlsx/write-template";

const catalog = defaultCatalog();
const units = defaultUnitRegistry();
const period = parsePeriod("2026-Q1") as Period;
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

describe("chitieu validate", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "chitieu-validate-"));
  const demo = units.byCode("DEMO-01") as Unit;
  const people = { preparer: "Nguyễn Văn A", approver: "Lê Thị B", phone: "0912 345 678" };
  let rows: Record<string, number> = {};

  async function write(
    name: string,
    unit: Unit,
    values: EntryInput[],
    unitInfo: Partial<typeof people> = people,
  ): Promise<void> {
    const spec = buildTemplateSpec({ catalog, unit, period, values, unitInfo });
    rows = spec.entry.rows;
    writeFileSync(path.join(dir, name), await writeTemplateXlsx(spec));
  }

  it("passes a clean report (its warnings justified) with exit 0 and no error line", async () => {
    await write(
      "clean.xlsx",
      demo,
      generateDemoEntries(catalog, demo, period, units.targetsFor(catalog, demo.code), { variant: "clean" }),
    );
    const c = io(dir);
    expect(await run(["clean.xlsx"], c)).toBe(0);
    const lines = c.out().trim().split("\n");
    expect(lines[0]).toBe("clean.xlsx — đơn vị DEMO-01, kỳ 2026-Q1");
    expect(lines[lines.length - 1]).toMatch(/^0 lỗi, \d+ cảnh báo \(0 chưa có giải trình\), \d+ lưu ý\. Có thể gửi\.$/);
    expect(lines.filter((l) => / — Lỗi: /.test(l))).toEqual([]);
  });

  it("prints every issue as Sheet!Cell — message and exits 1 when an error remains", async () => {
    const entries = generateDemoEntries(catalog, demo, period, units.targetsFor(catalog, demo.code), {
      variant: "training",
    });
    await write("training.xlsx", demo, entries, { preparer: "Nguyễn Văn A" });
    const c = io(dir);
    expect(await run(["training.xlsx"], c)).toBe(1);
    const out = c.out();
    expect(out).toContain(`Nhap!H${rows.U09} — Lỗi: `); // numerator above its denominator
    expect(out).toContain(`Nhap!G${rows.S02} — Lỗi: `); // a count typed as words
    expect(out).toMatch(new RegExp(`Nhap!(H|L)${rows.S01} — Cảnh báo: `)); // off track, no justification yet
    expect(out).toContain("DonVi!C11 — Lưu ý: chưa ghi người phê duyệt (rõ người).");
    expect(out).toMatch(/\n\d+ lỗi, \d+ cảnh báo \(\d+ chưa có giải trình\), \d+ lưu ý\. Còn lỗi: chưa gửi được\.\n$/);
    for (const line of out.trim().split("\n").slice(1, -1))
      expect(line).toMatch(/^(Nhap|DonVi)![A-Z]+\d+ — (Lỗi|Cảnh báo|Lưu ý): \S/);
  });

  it("speaks English with --lang en", async () => {
    const c = io(dir);
    expect(await run(["training.xlsx", "--lang", "en"], c)).toBe(1);
    expect(c.out()).toContain(`Nhap!H${rows.U09} — Error: `);
    expect(c.out()).toMatch(
      /\d+ errors, \d+ warnings \(\d+ without a justification\), \d+ notes\. Errors remain: it cannot be submitted\.\n$/,
    );
  });

  it("exits 0 but says so when warnings lack a justification", async () => {
    const entries = generateDemoEntries(catalog, demo, period, units.targetsFor(catalog, demo.code), {
      variant: "clean",
    }).map((e) => (e.justification ? { ...e, justification: null } : e));
    await write("unjustified.xlsx", demo, entries);
    const c = io(dir);
    expect(await run(["unjustified.xlsx"], c)).toBe(0);
    expect(c.out()).toMatch(
      /0 lỗi, [1-9]\d* cảnh báo \([1-9]\d* chưa có giải trình\), \d+ lưu ý\. Cần ghi giải trình cho các cảnh báo trước khi gửi\.\n$/,
    );
  });

  it("writes the result as JSON with --json", async () => {
    const c = io(dir);
    expect(await run(["training.xlsx", "--json"], c)).toBe(1);
    const j = JSON.parse(c.out());
    expect(j.ok).toBe(false);
    expect(j.identity).toMatchObject({ unitCode: "DEMO-01", period: "2026-Q1", demo: true });
    expect(j.counts.errors).toBeGreaterThan(0);
    expect(j.issues.find((i: { code: string }) => i.code === "numerator_above_denominator").cell).toBe(
      `Nhap!H${rows.U09}`,
    );
    expect(j.missingPeople).toEqual(["approver", "phone"]);
  });

  it("explains a file that is not a template, in the chosen language first", async () => {
    writeFileSync(path.join(dir, "notes.xlsx"), "not really a workbook");
    const c = io(dir);
    expect(await run(["notes.xlsx", "--lang", "en"], c)).toBe(1);
    expect(c.err()).toBe(
      '✖ notes.xlsx: This file is not an Excel .xlsx workbook (its ZIP structure cannot be read). Open it in Excel or LibreOffice and save it as "Excel Workbook (.xlsx)".\n' +
        '  Tệp này không phải là sổ Excel .xlsx (không đọc được cấu trúc ZIP). Hãy mở tệp bằng Excel hoặc LibreOffice và lưu lại với định dạng "Excel Workbook (.xlsx)".\n',
    );
    const missing = io(dir);
    expect(await run(["absent.xlsx"], missing)).toBe(1);
    expect(missing.err()).toContain("Không có tệp absent.xlsx.");
  });

  it("exits 2 on wrong usage", async () => {
    const c = io(dir);
    expect(await run([], c)).toBe(2);
    expect(c.err()).toContain("Cần đúng một tệp .xlsx");
  });

  it("runs as a real command with the exit code the shell sees", () => {
    const r = spawnSync(
      process.execPath,
      [path.join(root, "bin", "chitieu.js"), "validate", path.join(dir, "training.xlsx"), "--lang", "en"],
      {
        encoding: "utf8",
        env: { ...process.env, CHITIEU_FROM_SOURCE: "1" },
      },
    );
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`Nhap!H${rows.U09} — Error: `);
    const ok = spawnSync(
      process.execPath,
      [path.join(root, "bin", "chitieu.js"), "validate", path.join(dir, "clean.xlsx")],
      {
        encoding: "utf8",
        env: { ...process.env, CHITIEU_FROM_SOURCE: "1" },
      },
    );
    expect(ok.status).toBe(0);
  });
});
