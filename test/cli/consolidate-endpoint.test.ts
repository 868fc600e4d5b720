/**
 * `chitieu consolidate --from-endpoint` against the real endpoint (SQLite, real HTTP on a local port): the same
 * hand-computed city figures as from files, the completeness of the endpoint, and refusals explained.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import type { AddressInfo } from "node:net";
import { run } from "../../src/cli/consolidate";
import { setup, submit, type Fixture } from "../server/helpers";
import { fullEntries } from "../scorecard/helpers";
import { issueToken } from "../../src/server/services/token-admin";
import { DEV_PEPPER } from "../../src/server/tokens";
import { P, captureIo } from "./consolidate-fixture";

jest.setTimeout(120_000);

let f: Fixture;
let url: string;
let dir: string;

beforeAll(async () => {
  f = await setup("sqlite");
  const catalogVersion = f.app.reference.currentCatalog.version;
  const reports: [string, number, number][] = [
    ["00004", 50, 100],
    ["00008", 900, 1000],
    ["00025", 1, 10],
  ];
  for (const [unitCode, num, den] of reports) {
    const token = (await issueToken(f.app.store.db, DEV_PEPPER, { role: "unit", unitCode }, new Date().toISOString()))
      .token;
    const res = await submit(f.app, token, {
      submissionId: randomUUID(),
      supersedes: null,
      unitCode,
      period: P,
      catalogVersion,
      locale: "vi",
      entries: fullEntries(unitCode, den, { S01: { numerator: num, denominator: den } }),
    });
    expect(res.statusCode).toBe(201);
  }
  await f.app.listen({ port: 0, host: "127.0.0.1" });
  url = `http://127.0.0.1:${(f.app.server.address() as AddressInfo).port}`;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-cli-ep-"));
});

afterAll(async () => {
  await f?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("chitieu consolidate --from-endpoint", () => {
  it("writes the endpoint's consolidation: ratio of sums, missing units named, completeness", async () => {
    const c = captureIo(dir);
    const code = await run(
      [
        "--from-endpoint",
        url,
        "--token",
        f.tokens.planner,
        "--period",
        P,
        "--group",
        "wards",
        "-o",
        "ep.xlsx",
        "--json",
      ],
      c.io,
    );
    expect(c.err()).not.toMatch(/✖/);
    expect(code).toBe(0);
    const json = JSON.parse(c.out());
    expect(json.source).toBe("endpoint");
    const s01 = json.targets.find((t: { targetId: string }) => t.targetId === "S01");
    expect(s01).toMatchObject({ numeratorSum: 951, denominatorSum: 1110 });
    expect(s01.value).toBeCloseTo(85.675675675, 8);
    expect(s01.unitsIncluded).toEqual(["00004", "00008", "00025"]);
    expect(s01.unitsMissing).toHaveLength(s01.unitsExpected - 3);
    expect(json.completeness).toMatchObject({ submitted: 3, missing: s01.unitsExpected - 3 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "ep.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "TongHop",
      "MaTran",
      "TienDo",
      "ThePhanLoai",
      "BieuDo",
      "ThuyetMinh",
      "NhiemVu", // the endpoint's task board (GET /tasks/board), issue #19
    ]);
    expect(wb.getWorksheet("NhiemVu")!.getCell("A10").value).toBe("KT001");
  });

  it("explains a refusal in Vietnamese and English and exits 1 (a unit token is not a planner's)", async () => {
    const c = captureIo(dir);
    const code = await run(["--from-endpoint", url, "--token", f.tokens.unit, "--period", P, "--json"], c.io);
    expect(code).toBe(1);
    expect(c.err()).toMatch(/✖ CT_[A-Z_]+: /);
  });

  it("exits 3 when the endpoint does not answer", async () => {
    const c = captureIo(dir);
    const code = await run(["--from-endpoint", "http://127.0.0.1:9", "--token", "x", "--period", P, "--json"], c.io);
    expect(code).toBe(3);
    expect(c.err()).toMatch(/✖ /);
  });
});
