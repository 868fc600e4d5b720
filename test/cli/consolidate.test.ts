import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { READER_HEAP_LIMITS, consolidateFiles } from "../../src/cli/consolidate-files";
import { run } from "../../src/cli/consolidate";
import { ENTRY_COLUMNS, buildTemplateSpec } from "../../src/workbook/template";
import { parsePeriod } from "../../src/domain";
import { catalog, fullEntries, units } from "../scorecard/helpers";
import { P, captureIo, cityFolder, writeUnitWorkbook } from "./consolidate-fixture";

jest.setTimeout(60_000);

interface JsonTarget {
  targetId: string;
  value: number | null;
  numeratorSum: number | null;
  denominatorSum: number | null;
  milestone: string | null;
  status: string;
  unitsExpected: number;
  unitsIncluded: string[];
  unitsMissing: string[];
}

let dir: string;
beforeAll(async () => {
  dir = await cityFolder();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function target(json: { targets: JsonTarget[] }, id: string): JsonTarget {
  const t = json.targets.find((x) => x.targetId === id);
  if (!t) throw new Error(`no ${id}`);
  return t;
}

describe("chitieu consolidate <files or folders>", () => {
  it("consolidates real workbooks exactly, for every aggregation kind (files → consolidate → output)", async () => {
    const c = captureIo(dir);
    const code = await run(["in", "-o", "out.xlsx", "--period", P, "--json"], c.io);
    expect(c.err()).not.toMatch(/✖/);
    expect(code).toBe(0);
    const json = JSON.parse(c.out());
    // ratio of sums: 951 / 1110, not the 50 % average of the unit rates
    const s01 = target(json, "S01");
    expect(s01.numeratorSum).toBe(951);
    expect(s01.denominatorSum).toBe(1110);
    expect(s01.value).toBeCloseTo(85.675675675, 8);
    expect(s01.unitsIncluded).toEqual(["00004", "00008", "00025"]);
    // every other ward is named as missing, never counted as zero
    expect(s01.unitsMissing).toHaveLength(s01.unitsExpected - 3);
    expect(s01.unitsMissing).toContain("00070");
    // sum
    expect(target(json, "S02")).toMatchObject({ value: 12, numeratorSum: null, denominatorSum: null });
    // city only
    expect(target(json, "E01")).toMatchObject({ value: 11.5, unitsIncluded: ["HN"], unitsMissing: [] });
    // a department's sum
    expect(target(json, "E03")).toMatchObject({ value: 400.5, unitsIncluded: ["S-TC"] });
    // milestone: the least advanced state, no number
    expect(target(json, "U11")).toMatchObject({ value: null, milestone: "in_progress", unitsIncluded: ["S-XD"] });
    expect(json.files).toMatchObject({ read: 6, accepted: 6, rejected: [] });

    // the workbook holds the same figures on the template's rows
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "out.xlsx"));
    const rows = buildTemplateSpec({
      catalog,
      unit: units.byCode("HN") as never,
      period: parsePeriod(P) as never,
      targets: catalog.targets,
    }).entry.rows;
    const th = wb.getWorksheet("TongHop") as ExcelJS.Worksheet;
    expect(th.getCell(`${ENTRY_COLUMNS.value}${rows.S01}`).value).toBeCloseTo(85.675675675, 8);
    expect(th.getCell(`${ENTRY_COLUMNS.value}${rows.S02}`).value).toBe(12);
    expect(th.getCell(`${ENTRY_COLUMNS.value}${rows.E01}`).value).toBe(11.5);
    expect(String(th.getCell(`${ENTRY_COLUMNS.milestone}${rows.U11}`).value)).toMatch(/^Đang thực hiện/);
    const td = wb.getWorksheet("TienDo") as ExcelJS.Worksheet;
    const contact: unknown[] = [];
    td.eachRow((row) => row.eachCell((cell) => contact.push(cell.value)));
    expect(contact).toContain("Người lập 00004");
    expect(contact).toContain("Thủ trưởng 00004");
    // the task board of the period (issue #19): the register's tasks, each "no report" until files carry progress
    const nv = wb.getWorksheet("NhiemVu") as ExcelJS.Worksheet;
    expect(nv.getCell("A10").value).toBe("KT001");
    expect(nv.getCell("J10").value).toBe("Chưa báo cáo\nNo report");
  });

  it("shows a progress bar and a summary on stderr", async () => {
    const c = captureIo(dir);
    await run(["in", "-o", "out2.xlsx", "--period", P], c.io);
    const err = c.err();
    expect(err).toMatch(/100% 6\/6/);
    expect(err).toMatch(/Đã đọc 6 tệp: dùng 6, từ chối 0/);
    expect(err).toMatch(/Read 6 files: used 6, rejected 0/);
    expect(err).toMatch(/đơn vị chưa có \(không tính là 0\)/);
    expect(err).toMatch(/00070 Phường Hoàn Kiếm/);
    expect(c.out()).toBe("");
  });

  describe("with files that cannot be used", () => {
    let bad: string;
    beforeAll(async () => {
      bad = fs.mkdtempSync(path.join(dir, "bad-"));
      await writeUnitWorkbook(bad, "ok.xlsx", "00004", P, fullEntries("00004", 100));
      await writeUnitWorkbook(
        bad,
        "over.xlsx",
        "00082",
        P,
        fullEntries("00082", 100, { S01: { numerator: 120, denominator: 100 } }),
      );
      fs.writeFileSync(path.join(bad, "notes.xlsx"), "this is not a workbook");
      fs.writeFileSync(path.join(bad, "~$ok.xlsx"), "lock");
      fs.writeFileSync(path.join(bad, "readme.txt"), "hello");
    });

    it("uses a file with one bad figure figure by figure: its other figures count, the bad one is listed", async () => {
      const c = captureIo(bad);
      const out = path.join(dir, "part.xlsx"); // outside the folder read
      expect(await run([".", "--period", P, "--json", "-o", out], c.io)).toBe(1); // notes.xlsx is rejected
      const err = c.err();
      expect(err).toMatch(/Tệp dùng một phần .*: 1/);
      expect(err).toMatch(/✖ over\.xlsx \(00082, 2026-Q1\)/);
      expect(err).toMatch(/Target S01 — numerator \(cell Nhap!H\d+\): /);
      expect(err).toMatch(/Tệp bị từ chối: 1/);
      const json = JSON.parse(c.out());
      expect(json.files.rejected.map((r: { file: string }) => r.file)).toEqual(["notes.xlsx"]);
      const target = (id: string) => json.targets.find((t: { targetId: string }) => t.targetId === id);
      expect(target("S01").unitsMissing).toContain("00082");
      expect(target("S02").unitsIncluded).toContain("00082");
      expect(target("S02").unitsMissing).not.toContain("00082");
    });

    it("lists each rejected file with its reason and cell, and exits 1 (--whole-file: the strict rule)", async () => {
      const c = captureIo(bad);
      const code = await run([".", "-o", "out.xlsx", "--period", P, "--whole-file"], c.io);
      expect(code).toBe(1);
      const err = c.err();
      expect(err).toMatch(/Tệp bị từ chối: 2/);
      expect(err).toMatch(/✖ over\.xlsx \(00082, 2026-Q1\)/);
      // the reason names its target and cell once: the message says both, nothing is prefixed or appended again
      const reason = err.split("\n").find((l) => l.includes("Target S01")) as string;
      expect(reason).toMatch(/^\s+Target S01 — numerator \(cell Nhap!H\d+\): /);
      expect(reason.match(/S01/g)).toHaveLength(1);
      expect(reason.match(/Nhap!H\d+/g)).toHaveLength(1);
      expect(err).toMatch(/✖ notes\.xlsx/);
      expect(err).toMatch(/not an Excel \.xlsx workbook/);
      expect(err).toMatch(/~\$ok\.xlsx: bỏ qua, tệp khoá tạm của Excel \/ skipped, an Excel lock file/);
      expect(err).toMatch(/readme\.txt: bỏ qua/);
      // the summary counts the two files it listed as not read
      expect(err).toMatch(/Read 3 files: .* Not read: 2 files that are not report workbooks \(listed above\)\./);
      expect(fs.existsSync(path.join(bad, "out.xlsx"))).toBe(true);
      // run again: the output written into the folder is not read as a unit's workbook
      const again = captureIo(bad);
      expect(await run([".", "-o", "out.xlsx", "--period", P, "--whole-file"], again.io)).toBe(1);
      expect(again.err()).toMatch(/Đã đọc 3 tệp/);
    });

    it("exits 0 with --allow-rejected, still listing them in the JSON", async () => {
      const c = captureIo(bad);
      expect(
        await run([".", "--period", P, "--json", "--allow-rejected", "--whole-file", "-o", "out.xlsx"], c.io),
      ).toBe(0);
      const json = JSON.parse(c.out());
      expect(json.files.rejected.map((r: { file: string }) => r.file).sort()).toEqual(["notes.xlsx", "over.xlsx"]);
      expect(json.files.rejected.find((r: { file: string }) => r.file === "over.xlsx").reasons[0]).toMatchObject({
        code: "numerator_above_denominator",
        targetId: "S01",
        cell: expect.stringMatching(/^Nhap!H\d+$/),
      });
      const completeness = json.completeness;
      expect(completeness.rejected).toBe(1); // 00082 is expected and has only a rejected file
    });
  });

  describe("with two files for one unit and period", () => {
    let dup: string;
    beforeAll(async () => {
      dup = fs.mkdtempSync(path.join(dir, "dup-"));
      await writeUnitWorkbook(
        dup,
        "a-old.xlsx",
        "00004",
        P,
        fullEntries("00004", 100, { S01: { numerator: 40 } }),
        new Date("2026-04-01T00:00:00Z"),
      );
      await writeUnitWorkbook(
        dup,
        "a-new.xlsx",
        "00004",
        P,
        fullEntries("00004", 100, { S01: { numerator: 60 } }),
        new Date("2026-04-02T00:00:00Z"),
      );
    });

    it("uses neither and exits 1 until told the newer one wins", async () => {
      const c = captureIo(dup);
      expect(await run([".", "--period", P, "--json"], c.io)).toBe(1);
      expect(c.err()).toMatch(/Tệp trùng đơn vị và kỳ \(chưa dùng\): 2/);
      expect(target(JSON.parse(c.out()), "S01").unitsIncluded).toEqual([]);
    });

    it("uses the file saved last with --prefer-newer", async () => {
      const c = captureIo(dup);
      expect(await run([".", "--period", P, "--json", "--prefer-newer"], c.io)).toBe(0);
      const s01 = target(JSON.parse(c.out()), "S01");
      expect(s01).toMatchObject({ numeratorSum: 60, denominatorSum: 100, unitsIncluded: ["00004"] });
      expect(c.err()).toMatch(/Tệp cũ hơn, đã thay: 1/);
    });
  });

  it("asks for --period when the files cover several periods", async () => {
    const mixed = fs.mkdtempSync(path.join(dir, "mixed-"));
    await writeUnitWorkbook(mixed, "q1.xlsx", "00004", "2026-Q1", fullEntries("00004", 100));
    await writeUnitWorkbook(mixed, "q2.xlsx", "00004", "2026-Q2", fullEntries("00004", 100));
    const c = captureIo(mixed);
    expect(await run([".", "--json"], c.io)).toBe(2);
    expect(c.err()).toMatch(/2026-Q1 \(1\), 2026-Q2 \(1\)/);
    const d = captureIo(mixed);
    expect(await run([".", "--json", "--period", "2026-Q2"], d.io)).toBe(0);
    expect(d.err()).toMatch(/Tệp bỏ qua: 1/);
  });

  it.each([
    [["in"], /-o <tệp\.xlsx>/],
    [["in", "-o", "x.xlsx", "--period", "2026-Q5"], /Period "2026-Q5" is not valid/],
    [["missing-folder", "-o", "x.xlsx"], /No such file or folder: missing-folder/],
    [["in", "-o", "x.xlsx", "--group", "nowhere"], /No unit belongs to group "nowhere"/],
    [["in", "-o", "x.xlsx", "--spread-target", "Z99"], /There is no target "Z99"/],
    [["-o", "x.xlsx", "--from-endpoint", "https://x", "--token", "t"], /needs --period/],
  ])("refuses %j with a usage error", async (argv, message) => {
    const c = captureIo(dir);
    expect(await run(argv as string[], c.io)).toBe(2);
    expect(c.err()).toMatch(message);
  });

  it("keeps only the group's units with --group", async () => {
    const c = captureIo(dir);
    expect(await run(["in", "--period", P, "--json", "--group", "wards"], c.io)).toBe(0);
    const json = JSON.parse(c.out());
    const wards = units.all().filter((u) => u.groups.includes("wards")).length;
    expect(target(json, "S01").unitsExpected).toBe(wards);
    expect(json.files.skipped).toBe(3); // HN, S-TC, S-XD are not wards
  });

  it("runs as `chitieu consolidate` from the command line", () => {
    const r = spawnSync(
      process.execPath,
      [path.join(__dirname, "..", "..", "bin", "chitieu.js"), "consolidate", "in", "--period", P, "--json"],
      {
        cwd: dir,
        encoding: "utf8",
        env: { ...process.env, CHITIEU_FROM_SOURCE: "1" },
        timeout: 60_000,
      },
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).targets.find((t: JsonTarget) => t.targetId === "S01").numeratorSum).toBe(951);
    expect(r.stderr).toMatch(/100% 6\/6/);
  });

  it("gives the same result read on worker threads as read one by one", async () => {
    const one = captureIo(dir);
    const two = captureIo(dir);
    expect(await run(["in", "--period", P, "--json", "--workers", "0"], one.io)).toBe(0);
    expect(await run(["in", "--period", P, "--json", "--workers", "2"], two.io)).toBe(0);
    const strip = (text: string) => {
      const j = JSON.parse(text);
      delete j.generatedAt;
      return j;
    };
    expect(strip(two.out())).toEqual(strip(one.out()));
    expect(two.err()).toMatch(/100% 6\/6/);
  });

  it("keeps the order of the files on worker threads, so duplicates resolve as read one by one", async () => {
    const dup = fs.mkdtempSync(path.join(dir, "dup-workers-"));
    await writeUnitWorkbook(
      dup,
      "1.xlsx",
      "00004",
      P,
      fullEntries("00004", 100, { S01: { numerator: 40 } }),
      new Date("2026-04-01T00:00:00Z"),
    );
    await writeUnitWorkbook(
      dup,
      "2.xlsx",
      "00004",
      P,
      fullEntries("00004", 100, { S01: { numerator: 40 } }),
      new Date("2026-04-02T00:00:00Z"),
    );
    await writeUnitWorkbook(dup, "3.xlsx", "00008", P, fullEntries("00008", 100), new Date("2026-04-02T00:00:00Z"));
    const c = captureIo(dup);
    expect(await run([".", "--period", P, "--json", "--workers", "3"], c.io)).toBe(0);
    const json = JSON.parse(c.out());
    expect(json.files.duplicates).toEqual([
      expect.objectContaining({ unitCode: "00004", resolution: "identical", kept: "1.xlsx" }),
    ]);
  });

  it("reads on bounded threads, and reads again on the main thread the files of a thread that ran out of memory", async () => {
    const jobs = fs
      .readdirSync(path.join(dir, "in"))
      .sort()
      .map((f) => ({ path: path.join(dir, "in", f), source: f }));
    expect(READER_HEAP_LIMITS.maxOldGenerationSizeMb).toBeGreaterThan(0);
    const alone = await consolidateFiles(jobs, { period: P, workers: 0 });
    const lost: unknown[] = [];
    // a heap too small for any thread to load the reader: every file ends up read on the main thread
    const starved = await consolidateFiles(jobs, {
      period: P,
      workers: 2,
      workerHeap: { maxOldGenerationSizeMb: 3, maxYoungGenerationSizeMb: 1 },
      onThreadLost: (e) => lost.push((e as { code?: string }).code),
    });
    expect(lost).toEqual(["ERR_WORKER_OUT_OF_MEMORY", "ERR_WORKER_OUT_OF_MEMORY"]);
    expect(starved.counts).toEqual(alone.counts);
    expect(starved.counts.accepted).toBeGreaterThan(0);
    expect(starved.files.map((f) => [f.source, f.status])).toEqual(alone.files.map((f) => [f.source, f.status]));
    const sums = (r: typeof alone) =>
      r.periods.map((pc) => [...pc.submissions.keys()].sort().join(",") + `|${pc.period.id}`);
    expect(sums(starved)).toEqual(sums(alone));
  });

  it("refuses a --workers count it cannot use", async () => {
    const c = captureIo(dir);
    expect(await run(["in", "--json", "--workers", "many"], c.io)).toBe(2);
    expect(c.err()).toMatch(/--workers must be a whole number/);
  });
});
