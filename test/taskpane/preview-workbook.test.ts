import { defaultCatalog, defaultUnitRegistry, type EntryInput } from "../../src/domain";
import { createPreviewWorkbook, specWithValues } from "../../src/workbook/preview/preview-workbook";
import { previewXlsxBytes, xlsxFileName } from "../../src/workbook/preview/download";
import { readWorkbook } from "../../src/workbook/xlsx/node-inflate";
import { buildTemplateSpec, cellMap } from "../../src/workbook/template";
import { WARD } from "./fakes";
import { Q1 } from "./setup";

/** A Storage in memory (what localStorage is to the preview). */
class MemoryStorage implements Storage {
  private map = new Map<string, string>();
  get length(): number {
    return this.map.size;
  }
  clear(): void {
    this.map.clear();
  }
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
  setItem(key: string, value: string): void {
    this.map.set(key, String(value));
  }
}

const spec = () => buildTemplateSpec({ catalog: defaultCatalog(), unit: WARD, period: Q1 });

describe("the preview workbook", () => {
  it("keeps the template, values, settings and queue in storage, so a reload finds them again", async () => {
    const storage = new MemoryStorage();
    const wb = createPreviewWorkbook(storage);
    await wb.ensureTemplate(spec());
    await wb.writeEntries([
      { targetId: "S02", field: "value", raw: 1250 },
      { targetId: "S01", field: "numerator", raw: "mười" },
    ]);
    await wb.saveSetting("chitieu.connection", { endpoint: "https://x.test", token: "t" });
    await wb.saveQueue([
      {
        submissionId: "a",
        supersedes: null,
        unitCode: "00004",
        period: "2026-Q1",
        body: {},
        queuedAt: "2026-01-01T00:00:00Z",
        attempts: 1,
        lastError: null,
      },
    ]);

    const reloaded = createPreviewWorkbook(storage);
    expect(await reloaded.readIdentity()).toEqual(expect.objectContaining({ unitCode: "00004", period: "2026-Q1" }));
    const entries = await reloaded.readEntries();
    expect(entries.find((e) => e.targetId === "S02")?.value).toBe(1250);
    expect(entries.find((e) => e.targetId === "S01")?.numerator).toBe("mười");
    expect(entries.find((e) => e.targetId === "S01")?.denominator).toBeNull();
    expect(await reloaded.loadSetting("chitieu.connection")).toEqual({ endpoint: "https://x.test", token: "t" });
    expect(await reloaded.loadQueue()).toHaveLength(1);
  });

  it("gives the unit sheet's people the template was written with, and blanks without them", async () => {
    const wb = createPreviewWorkbook(new MemoryStorage());
    expect(await wb.readContact()).toEqual({ preparer: null, approver: null, phone: null });
    await wb.ensureTemplate(
      buildTemplateSpec({
        catalog: defaultCatalog(),
        unit: WARD,
        period: Q1,
        unitInfo: { preparer: "Nguyễn Văn A", phone: "0243 000 111" },
      }),
    );
    expect(await wb.readContact()).toEqual({ preparer: "Nguyễn Văn A", approver: null, phone: "0243 000 111" });
  });

  it("recognises its own template again and keeps every value typed", async () => {
    const wb = createPreviewWorkbook(new MemoryStorage());
    await wb.ensureTemplate(spec());
    await wb.writeEntries([{ targetId: "S02", field: "value", raw: 7 }]);
    const status = await wb.ensureTemplate(spec());
    expect(status.repaired).toEqual([]);
    expect((await wb.readEntries()).find((e) => e.targetId === "S02")?.value).toBe(7);
  });

  it.each([
    ["12,5", 12.5],
    ["1.234", "1.234"],
    ["12,5%", "12,5%"],
    ["", null],
    ["abc", "abc"],
  ])("turns %j typed into a number cell of the grid into %j, like Excel, and tells the pane", async (typed, stored) => {
    const wb = createPreviewWorkbook(new MemoryStorage());
    const s = spec();
    await wb.ensureTemplate(s);
    await wb.writeEntries([{ targetId: "S09", field: "numerator", raw: 99 }]);
    const handler = jest.fn();
    await wb.onEntriesChanged(handler);
    wb.editCell(cellMap(s)("S09", "numerator") as string, typed);
    expect(wb.valueAt("S09", "numerator")).toBe(stored);
    expect(handler).toHaveBeenCalledWith([{ targetId: "S09", field: "numerator", raw: stored }]);
  });

  it("ignores typing outside the input cells", async () => {
    const wb = createPreviewWorkbook(new MemoryStorage());
    await wb.ensureTemplate(spec());
    const handler = jest.fn();
    await wb.onEntriesChanged(handler);
    wb.editCell("Nhap!B7", "x");
    expect(handler).not.toHaveBeenCalled();
  });

  it("marks issue cells with the worst severity and writes each target's notes and status", async () => {
    const wb = createPreviewWorkbook(new MemoryStorage());
    const s = spec();
    await wb.ensureTemplate(s);
    const cell = cellMap(s)("S01", "numerator") as string;
    const base = {
      ruleId: "r",
      targetId: "S01",
      unitCode: "00004",
      period: "2026-Q1",
      path: ["entries", "S01", "numerator"],
      cell,
      params: {},
    };
    await wb.markIssues(
      [
        { ...base, code: "at_risk", severity: "warning", message: { vi: "Có nguy cơ", en: "At risk" } },
        {
          ...base,
          code: "numerator_above_denominator",
          severity: "error",
          message: { vi: "Tử số lớn hơn mẫu số", en: "Numerator above denominator" },
        },
      ],
      [{ targetId: "S01", progress: "off_track", figure: 150, target: { kind: "none", year: 2026, termTarget: null } }],
    );
    const snap = wb.getSnapshot();
    expect(snap.marks[cell].severity).toBe("error");
    expect(snap.notes.S01).toEqual(["⚠ Có nguy cơ", "✖ Tử số lớn hơn mẫu số"]);
    expect(snap.status.S01).toBe("off_track");
  });

  it("writes a real .xlsx with the typed values that the template's reader reads back", async () => {
    const wb = createPreviewWorkbook(new MemoryStorage());
    const s = spec();
    await wb.ensureTemplate(s);
    await wb.writeEntries([
      { targetId: "S02", field: "value", raw: 1250 },
      { targetId: "S01", field: "numerator", raw: 95 },
      { targetId: "S01", field: "denominator", raw: 100 },
      { targetId: "S01", field: "justification", raw: "Số liệu từ trạm y tế." },
    ]);
    const bytes = await previewXlsxBytes(s, wb.getSnapshot().values);
    expect(Buffer.from(bytes.subarray(0, 2)).toString("latin1")).toBe("PK");
    const read = readWorkbook(bytes, { catalog: defaultCatalog(), units: defaultUnitRegistry() });
    expect(read.identity).toEqual(s.identity);
    const byId = new Map<string, EntryInput>(read.entries.map((e) => [e.targetId, e]));
    expect(byId.get("S02")?.value).toBe(1250);
    expect(byId.get("S01")).toEqual(
      expect.objectContaining({ numerator: 95, denominator: 100, justification: "Số liệu từ trạm y tế." }),
    );
    expect(xlsxFileName(s)).toBe("chitieu-00004-2026-Q1.xlsx");
  });

  it("puts the values into the spec's input cells only", () => {
    const s = spec();
    const withValues = specWithValues(s, { "S02|value": 3 });
    const address = (cellMap(s)("S02", "value") as string).split("!")[1];
    const entry = withValues.sheets.find((x) => x.role === "entry")!;
    expect(entry.cells.find((c) => c.address === address)?.value).toBe(3);
    expect(entry.cells.filter((c, i) => c !== s.sheets.find((x) => x.role === "entry")!.cells[i])).toHaveLength(
      Object.values(s.entry.fields).reduce((n, f) => n + f.length, 0),
    );
  });
});
