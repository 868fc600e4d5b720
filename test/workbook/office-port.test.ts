import { OfficeMockObject } from "office-addin-mock";
import { AppError } from "../../src/domain";
import { createOfficeWorkbookPort } from "../../src/workbook/office/port";
import { checkRequirements } from "../../src/workbook/office/requirements";
import { QUEUE_KEY } from "../../src/workbook/office/settings";
import type { QueuedSubmission } from "../../src/workbook/port";
import { unitCellAddress } from "../../src/workbook/template";
import { PROFILE_NAMES, installExcel, parseA1, userTypes, type FakeContext, type ProfileName } from "./excel-double";
import { catalog, specFor, units } from "./xlsx-helpers";

type Store = Record<string, unknown>;

/** Office as office-addin-mock builds it: requirement sets and document settings (saveAsync calls back). */
async function installOffice(
  sets: Record<string, string>,
  opts: { saveFails?: boolean } = {},
): Promise<{ store: Store; saves: jest.Mock }> {
  const store: Store = {};
  const saves = jest.fn();
  const mock = new OfficeMockObject({
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context: {
      requirements: {
        isSetSupported: (name: string, version?: string) =>
          sets[name] !== undefined && Number(sets[name]) >= Number(version ?? "0"),
      },
      document: {
        settings: {
          get: (key: string) => store[key] ?? null,
          set: (key: string, value: unknown) => {
            store[key] = value;
          },
          remove: (key: string) => {
            delete store[key];
          },
          saveAsync: (cb: (r: { status: string; error?: { message: string } }) => void) => {
            saves();
            cb(
              opts.saveFails
                ? { status: "failed", error: { message: "the document is read-only" } }
                : { status: "succeeded" },
            );
          },
        },
      },
    },
  });
  // enum values are mock properties: load and sync them as Office.js code would find them
  mock.load("AsyncResultStatus/Succeeded, AsyncResultStatus/Failed");
  await mock.sync();
  (globalThis as unknown as { Office: unknown }).Office = mock;
  return { store, saves };
}

afterEach(() => {
  delete (globalThis as unknown as { Office?: unknown }).Office;
});

describe("checkRequirements", () => {
  it.each([
    ["Excel with ExcelApi 1.9", { ExcelApi: "1.9" }, true, true],
    ["Excel with ExcelApi 1.8 only", { ExcelApi: "1.8" }, true, false],
  ])("accepts %s", async (_label, sets, ok, printSetup) => {
    await installOffice(sets);
    const r = checkRequirements();
    expect([r.ok, r.features.printSetup]).toEqual([ok, printSetup]);
    if (!printSetup) expect(r.message?.vi).toContain("thiết lập in");
    else expect(r.message).toBeNull();
  });

  it("tells the user plainly, in both languages, when Excel is too old", async () => {
    await installOffice({ ExcelApi: "1.7" });
    const r = checkRequirements();
    expect(r.ok).toBe(false);
    expect(r.missing).toEqual(["ExcelApi 1.8"]);
    expect(r.message?.vi).toContain("Phiên bản Excel này quá cũ cho Chỉ tiêu");
    expect(r.message?.en).toContain("Use Excel for Microsoft 365, Excel 2019 or later, or Excel on the web");
  });

  it("says when there is no Office at all (the browser preview)", () => {
    const r = checkRequirements();
    expect(r.ok).toBe(false);
    expect(r.message?.en).toContain("outside Excel");
  });
});

describe.each(PROFILE_NAMES)("on %s", (p: ProfileName) => {
  describe("createOfficeWorkbookPort", () => {
    const queued: QueuedSubmission = {
      submissionId: "8d0f6f0e-1c55-4c4a-9b8e-7e6c0d6f5a11",
      supersedes: null,
      unitCode: "00004",
      period: "2026-Q1",
      body: { entries: [] },
      queuedAt: "2026-04-03T02:00:00.000Z",
      attempts: 1,
      lastError: "offline",
    };

    it("keeps the offline queue and settings in the workbook's document settings, saved each time", async () => {
      const { store, saves } = await installOffice({ ExcelApi: "1.9" });
      installExcel(undefined, p);
      const port = createOfficeWorkbookPort({ catalog, units });
      expect(await port.loadQueue()).toEqual([]);
      await port.saveQueue([queued]);
      expect(store[QUEUE_KEY]).toEqual([queued]);
      expect(await port.loadQueue()).toEqual([queued]);
      await port.saveSetting("endpoint", "https://chitieu.hanoi.example/api");
      expect(await port.loadSetting<string>("endpoint")).toBe("https://chitieu.hanoi.example/api");
      await port.saveSetting("endpoint", null);
      expect(await port.loadSetting("endpoint")).toBeNull();
      expect(saves).toHaveBeenCalledTimes(3);
    });

    it("reports a failed save as a bilingual AppError, never silently", async () => {
      await installOffice({ ExcelApi: "1.9" }, { saveFails: true });
      installExcel(undefined, p);
      const e = await createOfficeWorkbookPort({ catalog, units })
        .saveQueue([queued])
        .catch((err: unknown) => err);
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).messages.en).toContain("the document is read-only");
    });

    it("refuses to build the template in an Excel that is too old, saying so in both languages", async () => {
      await installOffice({ ExcelApi: "1.7" });
      const x = installExcel(undefined, p);
      const e = await createOfficeWorkbookPort({ catalog, units })
        .ensureTemplate(specFor())
        .catch((err: unknown) => err);
      expect((e as AppError).code).toBe("CT_EXCEL_TOO_OLD");
      expect((e as AppError).messages.vi).toContain("thiếu ExcelApi 1.8");
      expect(x.model.sheets).toEqual([]);
    });

    it("ensures the template, then reads identity and entries through the same workbook", async () => {
      await installOffice({ ExcelApi: "1.8" });
      const x = installExcel(undefined, p);
      const counts: jest.SpyInstance[] = [];
      x.onContext = (ctx: FakeContext) => {
        counts.push(jest.spyOn(ctx, "sync"));
      };
      const port = createOfficeWorkbookPort({ catalog, units });
      const spec = specFor();
      expect(await port.readIdentity()).toBeNull();
      const status = await port.ensureTemplate(spec);
      expect(status).toEqual({ identity: spec.identity, repaired: [], created: true });
      expect(x.model.sheet("Nhap")?.page.orientation).toBeNull(); // 1.8 only: no print setup
      await port.writeEntries([{ targetId: "S02", field: "value", raw: 9 }]);
      const entries = await port.readEntries();
      expect(entries.find((e) => e.targetId === "S02")?.value).toBe(9);
      const fresh = createOfficeWorkbookPort({ catalog, units });
      expect(await fresh.readIdentity()).toEqual(spec.identity);
      expect(counts.map((s) => s.mock.calls.length)).toEqual([1, 2, 1, 1, 1]); // identity (none), create, write, read, identity (from the unit sheet: 1)
    });

    it("keeps the cells holding a date, a boolean or an error value as problems: opened, typed, then fixed from the pane", async () => {
      await installOffice({ ExcelApi: "1.8" });
      const x = installExcel(undefined, p);
      const spec = specFor();
      await createOfficeWorkbookPort({ catalog, units }).ensureTemplate(spec);
      const s01 = spec.entry.rows.S01;
      const s02 = spec.entry.rows.S02;
      await userTypes(x.model, "Nhap", `H${s01}`, "FALSE");
      // a later session recognises the template: the opening read (no extra sync) finds the boolean
      const port = createOfficeWorkbookPort({ catalog, units });
      const syncs: jest.SpyInstance[] = [];
      x.onContext = (ctx: FakeContext) => {
        syncs.push(jest.spyOn(ctx, "sync"));
      };
      await port.ensureTemplate(spec);
      expect(syncs.map((s) => s.mock.calls.length)).toEqual([2]);
      expect((await port.readEntries()).find((e) => e.targetId === "S01")?.numerator).toBeNull();
      expect(port.cellProblems?.()).toEqual([
        { targetId: "S01", field: "numerator", cell: `Nhap!H${s01}`, kind: "boolean", found: "false" },
      ]);
      // typed in the sheet: the change arrives blank, its problem is kept
      const seen: unknown[] = [];
      await port.onEntriesChanged((c) => seen.push(c));
      await userTypes(x.model, "Nhap", `G${s02}`, "#N/A");
      expect(seen).toEqual([[{ targetId: "S02", field: "value", raw: null }]]);
      expect(port.cellProblems?.().map((q) => [q.cell, q.kind])).toEqual([
        [`Nhap!H${s01}`, "boolean"],
        [`Nhap!G${s02}`, "error"],
      ]);
      // retyped in the sheet, or written from the pane: the problem goes
      await userTypes(x.model, "Nhap", `G${s02}`, 12);
      await port.writeEntries([{ targetId: "S01", field: "numerator", raw: 120 }]);
      expect(port.cellProblems?.()).toEqual([]);
    });

    it("reads the unit sheet's preparer, approver and phone as typed there, in one sync", async () => {
      await installOffice({ ExcelApi: "1.8" });
      const x = installExcel(undefined, p);
      const port = createOfficeWorkbookPort({ catalog, units });
      await port.ensureTemplate(specFor());
      const unitSheet = x.model.sheet("DonVi")!;
      const type = (f: "preparer" | "approver" | "phone", v: string | number) => {
        const [row, col] = parseA1(unitCellAddress(f));
        unitSheet.cell(row, col)!.value = v;
      };
      type("preparer", "Nguyễn Văn A");
      type("phone", 912345678);
      const syncs: jest.SpyInstance[] = [];
      x.onContext = (ctx: FakeContext) => {
        syncs.push(jest.spyOn(ctx, "sync"));
      };
      expect(await port.readContact()).toEqual({ preparer: "Nguyễn Văn A", approver: null, phone: "912345678" });
      expect(syncs.map((s) => s.mock.calls.length)).toEqual([1]);
    });
  });
});
