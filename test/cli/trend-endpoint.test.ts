/**
 * `chitieu consolidate --from --to --from-endpoint` and `chitieu brief --from-endpoint` against the real endpoint
 * (SQLite, real HTTP on a local port): the trend workbook from GET /consolidation/range, and a unit token refused.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { AddressInfo } from "node:net";
import { run as consolidate } from "../../src/cli/consolidate";
import { run as brief } from "../../src/cli/brief";
import { body, setup, submit, type Fixture, OTHER, UNIT } from "../server/helpers";
import { captureIo } from "./consolidate-fixture";

jest.setTimeout(120_000);

let f: Fixture;
let url: string;
let dir: string;

beforeAll(async () => {
  f = await setup("sqlite");
  for (const [token, unitCode, period, seed] of [
    [f.tokens.unit, UNIT, "2026-01", 1],
    [f.tokens.unit, UNIT, "2026-02", 2],
    [f.tokens.other, OTHER, "2026-01", 3],
  ] as const) {
    const res = await submit(f.app, token, body(f.app, { unitCode, period }, seed));
    expect(res.statusCode).toBe(201);
  }
  await f.app.listen({ port: 0, host: "127.0.0.1" });
  url = `http://127.0.0.1:${(f.app.server.address() as AddressInfo).port}`;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-cli-trend-"));
});

afterAll(async () => {
  await f?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("chitieu consolidate --from --to --from-endpoint", () => {
  it("writes the trend workbook from the endpoint's consolidation over the range", async () => {
    const c = captureIo(dir);
    const args = ["--from", "2026-01", "--to", "2026-02", "--from-endpoint", url, "--token", f.tokens.planner];
    const code = await consolidate([...args, "-o", "trend.xlsx"], c.io);
    expect(c.err()).not.toMatch(/✖/);
    expect(code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "trend.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["XuHuong", "DiemNghen", "DonViXuHuong", "BieuDoXuHuong"]);
    expect(String(wb.getWorksheet("XuHuong")!.getCell("A3").value)).toMatch(/Nguồn: máy chủ Chỉ tiêu/);
    const units = wb.getWorksheet("DonViXuHuong")!;
    const codes: string[] = [];
    units.eachRow((r, i) => {
      if (i > 6) codes.push(String(r.getCell(1).value));
    });
    expect(codes).toEqual(expect.arrayContaining([UNIT, OTHER]));
    const b = captureIo(dir);
    expect(
      await brief(["--period", "2026-02", "--from-endpoint", url, "--token", f.tokens.planner, "-o", "b.xlsx"], b.io),
    ).toBe(0);
    expect(b.err()).not.toMatch(/✖|No task board/);
    // the overdue key tasks come from the endpoint's register (GET /tasks/board), not "no register"
    const brief1 = new ExcelJS.Workbook();
    await brief1.xlsx.readFile(path.join(dir, "b.xlsx"));
    const cells: string[] = [];
    brief1.worksheets[0]!.eachRow((r) => cells.push((r.values as unknown[]).map(String).join("|")));
    const text = cells.join("\n");
    expect(text).toMatch(/Nhiệm vụ trọng điểm quá hạn: [1-9]\d*\/\d+ nhiệm vụ/);
    expect(text).toContain("KT036 —");
    expect(text).not.toContain("Chưa có sổ nhiệm vụ");
  });

  it("says in both languages that a unit token cannot read the city's trend, and writes nothing", async () => {
    const c = captureIo(dir);
    const code = await consolidate(
      ["--from", "2026-01", "--to", "2026-02", "--from-endpoint", url, "--token", f.tokens.unit, "-o", "no.xlsx"],
      c.io,
    );
    expect(code).toBe(1);
    expect(c.err()).toMatch(/CT_UNIT_FORBIDDEN/);
    expect(fs.existsSync(path.join(dir, "no.xlsx"))).toBe(false);
  });
});
