import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { run as submit } from "../../src/cli/submit";
import { run as history } from "../../src/cli/history";
import { unpackContent } from "../../src/server/services/content";
import { readWorkbookFile } from "../../src/workbook/xlsx/node-inflate";
import { buildSubmission } from "../../src/workbook/submission";
import { count, setup, UNIT, validEntries, type Fixture } from "../server/helpers";
import { capture, listen, writeWorkbook } from "./cli-fixture";

jest.setTimeout(60_000);

let f: Fixture;
let url: string;
let dir: string;
let good: string;

beforeAll(async () => {
  f = await setup("sqlite");
  url = await listen(f);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-cli-submit-"));
  good = await writeWorkbook(f, dir, "00004-2026-Q1.xlsx", UNIT, "2026-Q1", validEntries(f.app, UNIT));
});

afterAll(async () => {
  await f?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("chitieu submit", () => {
  it("sends a filled workbook, prints the receipt and stores exactly the body buildSubmission() makes of it", async () => {
    const id = randomUUID();
    const c = capture(dir);
    const code = await submit(
      [path.basename(good), "--endpoint", url, "--token", f.tokens.unit, "--submission-id", id],
      c.io,
    );
    expect(c.err()).toBe("");
    expect(code).toBe(0);
    expect(c.out()).toContain(`Đã lưu: ${UNIT} kỳ 2026-Q1, lần sửa 1, mã ${id}`);
    expect(c.out()).toContain(`Stored: ${UNIT} for 2026-Q1, revision 1, id ${id}`);
    const row = await f.app.store.db
      .selectFrom("submission")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    const read = readWorkbookFile(good, { catalog: f.app.reference.currentCatalog, units: f.app.reference.registry });
    const expected = buildSubmission({
      identity: read.identity,
      entries: read.entries,
      contact: read.unitSheet,
      submissionId: id,
      locale: read.locale,
    });
    expect(unpackContent(row.content).report.entries).toEqual(expected.entries);
    expect(row.client).toBe("chitieu-cli submit");
  });

  it("sends the unit sheet's preparer, approver and phone, which the planner's completeness then lists", async () => {
    const stored = await f.app.store.db
      .selectFrom("submission")
      .select("content")
      .where("unit_code", "=", UNIT)
      .where("period", "=", "2026-Q1")
      .where("revision", "=", 1)
      .executeTakeFirstOrThrow();
    // the names writeWorkbook() typed into the unit sheet (DonVi)
    const contact = { preparer: "Nguyễn Văn A", approver: "Trần Thị B", phone: "0243 000 111" };
    expect(unpackContent(stored.content).report.contact).toEqual(contact);
    const done = await f.app.inject({
      method: "GET",
      url: "/api/v1/completeness?period=2026-Q1",
      headers: { authorization: `Bearer ${f.tokens.planner}` },
    });
    expect(done.json().units.find((u: { unitCode: string }) => u.unitCode === UNIT).contact).toEqual(contact);
  });

  it("answers a retry with the same --submission-id with the stored receipt and no second row", async () => {
    const id = randomUUID();
    const file = await writeWorkbook(f, dir, "q2.xlsx", UNIT, "2026-Q2", validEntries(f.app, UNIT, 1));
    expect(
      await submit([file, "--endpoint", url, "--token", f.tokens.unit, "--submission-id", id], capture(dir).io),
    ).toBe(0);
    const before = await count(f.app, "submission");
    const c = capture(dir);
    expect(await submit([file, "--endpoint", url, "--token", f.tokens.unit, "--submission-id", id], c.io)).toBe(0);
    expect(c.out()).toContain("Already stored (a retry; nothing new written)");
    expect(await count(f.app, "submission")).toBe(before);
  });

  it("sends a changed workbook as a new revision that supersedes the latest", async () => {
    const file = await writeWorkbook(f, dir, "q1-v2.xlsx", UNIT, "2026-Q1", validEntries(f.app, UNIT, 2));
    const c = capture(dir);
    expect(await submit([file, "--endpoint", `${url}/api/v1/`, "--token", f.tokens.unit], c.io)).toBe(0);
    expect(c.out()).toContain("revision 2");
    const h = capture(dir);
    expect(
      await history(["--unit", UNIT, "--period", "2026-Q1", "--endpoint", url, "--token", f.tokens.unit], h.io),
    ).toBe(0);
    expect(h.out()).toMatch(/Report 00004 for 2026-Q1: 2 revision\(s\)/);
    expect(h.out().match(/^\d +[0-9a-f-]{36}/gm)).toHaveLength(2);
  });

  it("answers a retry of an older revision (a newer one exists) with its stored receipt", async () => {
    const first = await f.app.store.db
      .selectFrom("submission")
      .select("id")
      .where("period", "=", "2026-Q1")
      .where("revision", "=", 1)
      .executeTakeFirstOrThrow();
    const before = await count(f.app, "submission");
    const c = capture(dir);
    expect(await submit([good, "--endpoint", url, "--token", f.tokens.unit, "--submission-id", first.id], c.io)).toBe(
      0,
    );
    expect(c.out()).toContain(`Already stored (a retry; nothing new written): ${UNIT} for 2026-Q1, revision 1`);
    expect(await count(f.app, "submission")).toBe(before);
  });

  it("prints every issue with its cell and exits 1 when the endpoint refuses the report; nothing is stored", async () => {
    const entries = validEntries(f.app, UNIT);
    const ratio = entries.find((e) => e.targetId === "S01")!; // a quarterly ratio: in the Q3 template
    ratio.numerator = Number(ratio.denominator) + 10;
    const file = await writeWorkbook(f, dir, "bad.xlsx", UNIT, "2026-Q3", entries);
    const before = await count(f.app, "submission");
    const c = capture(dir);
    expect(await submit([file, "--endpoint", url, "--token", f.tokens.unit], c.io)).toBe(1);
    expect(c.err()).toContain("✖ CT_REPORT_INVALID:");
    const line = c
      .out()
      .split("\n")
      .find((l) => l.includes(ratio.targetId) && l.startsWith("✖"));
    expect(line).toMatch(/→ Nhap![A-Z]+\d+/);
    expect(c.out()).toMatch(/→ at Nhap![A-Z]+\d+/);
    expect(await count(f.app, "submission")).toBe(before);
  });

  it("checks a workbook with --dry-run: exit 1 with the issues when it could not be sent, 0 when it could, nothing stored", async () => {
    const before = await count(f.app, "submission");
    const bad = capture(dir);
    expect(await submit(["bad.xlsx", "--endpoint", url, "--token", f.tokens.unit, "--dry-run"], bad.io)).toBe(1);
    expect(bad.out()).toContain("cannot be sent yet");
    const ok = capture(dir);
    expect(await submit([good, "--endpoint", url, "--token", f.tokens.planner, "--dry-run"], ok.io)).toBe(0);
    expect(ok.out()).toContain("can be sent (it would be revision 3)");
    expect(await count(f.app, "submission")).toBe(before);
  });

  it.each([
    ["a wrong token", () => "ct_0123456789_" + "Z".repeat(43), "CT_TOKEN_INVALID"],
    ["another unit's token", () => f.tokens.other, "CT_UNIT_FORBIDDEN"],
  ])("exits 1 with the endpoint's message for %s", async (_name, token, code) => {
    const c = capture(dir);
    expect(await submit([good, "--endpoint", url, "--token", token()], c.io)).toBe(1);
    expect(c.err()).toContain(code);
  });

  it("exits 3 and says how to retry safely when the endpoint does not answer", async () => {
    const id = randomUUID();
    const c = capture(dir);
    expect(
      await submit([good, "--endpoint", "http://127.0.0.1:9", "--token", f.tokens.unit, "--submission-id", id], c.io),
    ).toBe(3);
    expect(c.err()).toContain("Cannot reach the endpoint http://127.0.0.1:9");
    expect(c.err()).toContain(`--submission-id ${id}`);
  });

  it("exits 1 with the reader's message for a file that is not a workbook, sending nothing", async () => {
    const file = path.join(dir, "notes.xlsx");
    fs.writeFileSync(file, "this is not a workbook");
    const before = await count(f.app, "submission");
    const c = capture(dir);
    expect(await submit([file, "--endpoint", url, "--token", f.tokens.unit], c.io)).toBe(1);
    expect(c.err()).toMatch(/không phải là sổ Excel/);
    expect(await count(f.app, "submission")).toBe(before);
  });

  it.each([
    [[], "Which .xlsx file?"],
    [["x.xlsx", "--token", "t"], "The endpoint address is missing"],
    [["x.xlsx", "--endpoint", "http://x"], "The access token is missing"],
    [["x.xlsx", "--endpoint", "http://x", "--token", "t", "--submission-id", "42"], "--submission-id must be a UUID"],
    [["x.xlsx", "--frobnicate"], "Invalid option"],
  ])("exits 2 on wrong usage %j", async (argv, message) => {
    const c = capture(dir);
    expect(await submit(argv as string[], c.io)).toBe(2);
    expect(c.err()).toContain(message);
  });
});

describe("chitieu history", () => {
  it("lists revisions and planner actions for a planner, as text or JSON", async () => {
    await f.app.inject({
      method: "POST",
      url: `/api/v1/reports/${UNIT}/2026-Q1/return`,
      headers: { authorization: `Bearer ${f.tokens.planner}` },
      payload: { comment: "Bổ sung nguồn số liệu." },
    });
    const c = capture(dir);
    expect(
      await history(["--unit", UNIT, "--period", "2026-Q1", "--endpoint", url, "--token", f.tokens.planner], c.io),
    ).toBe(0);
    expect(c.out()).toContain("report.returned — Bổ sung nguồn số liệu.");
    const j = capture(dir);
    expect(
      await history(
        ["--unit", UNIT, "--period", "2026-Q1", "--endpoint", url, "--token", f.tokens.planner, "--json"],
        j.io,
      ),
    ).toBe(0);
    expect(JSON.parse(j.out()).revisions.map((r: { revision: number }) => r.revision)).toEqual([1, 2]);
  });

  it.each([
    ["another unit's report", () => f.tokens.other, "2026-Q1", "CT_UNIT_FORBIDDEN"],
    ["a period with no revision", () => f.tokens.unit, "2026-Q4", "CT_REPORT_NOT_FOUND"],
  ])("exits 1 for %s", async (_name, token, period, code) => {
    const c = capture(dir);
    expect(await history(["--unit", UNIT, "--period", period, "--endpoint", url, "--token", token()], c.io)).toBe(1);
    expect(c.err()).toContain(code);
  });

  it("exits 2 without --unit and --period", async () => {
    const c = capture(dir);
    expect(await history(["--endpoint", url, "--token", f.tokens.unit], c.io)).toBe(2);
    expect(c.err()).toContain("Both --unit and --period are needed.");
  });
});
