import { PassThrough } from "node:stream";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { createUnitRegistry, defaultCatalog, defaultUnits, validate } from "../../src/domain";
import { readWorkbookFile } from "../../src/workbook/xlsx/node-inflate";
import { run as demo } from "../../src/cli/demo";
import { run as submit } from "../../src/cli/submit";
import type { CliIo } from "../../src/cli/io";
import { body, count, setup, submit as post, type Fixture } from "../server/helpers";

function io(cwd: string): CliIo & { out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let o = "";
  let e = "";
  stdout.on("data", (c) => (o += String(c)));
  stderr.on("data", (c) => (e += String(c)));
  return { stdout, stderr, env: {}, cwd, out: () => o, err: () => e };
}

jest.setTimeout(60_000);

const catalog = defaultCatalog();
const units = createUnitRegistry(defaultUnits());
const dir = mkdtempSync(path.join(tmpdir(), "chitieu-demo-"));

function readAndValidate(file: string) {
  const read = readWorkbookFile(file, { catalog, units });
  const result = validate(
    { ...read.identity, catalogVersion: read.identity.catalogVersion, locale: read.locale, entries: read.entries },
    { catalog, units, cellOf: read.cellOf },
  );
  return { read, result };
}

describe("chitieu demo workbook", () => {
  it("writes a training workbook for the demo ward whose issues point at their cells", async () => {
    const r = io(dir);
    expect(await demo(["workbook", "-o", "training.xlsx"], r)).toBe(0);
    const { read, result } = readAndValidate(path.join(dir, "training.xlsx"));
    expect(read.identity).toMatchObject({ unitCode: "DEMO-01", period: "2026-Q1", demo: true });
    expect(result.counts.errors).toBeGreaterThan(0);
    const ratioError = result.issues.find((i) => i.code === "numerator_above_denominator");
    expect(ratioError?.cell).toMatch(/^Nhap!\$?[A-Z]+\$?\d+$/);
  });

  it("writes a clean workbook that passes every rule", async () => {
    const r = io(dir);
    expect(await demo(["workbook", "--clean", "-o", "clean.xlsx"], r)).toBe(0);
    expect(readAndValidate(path.join(dir, "clean.xlsx")).result.ok).toBe(true);
  });

  it("refuses a real unit, in both languages", async () => {
    const r = io(dir);
    expect(await demo(["workbook", "--unit", "00004", "-o", "real.xlsx"], r)).toBe(2);
    expect(r.err()).toContain("không phải đơn vị trình diễn");
    expect(r.err()).toContain("is not a demo unit");
  });
});

describe("chitieu demo reset", () => {
  let f: Fixture;
  let endpoint: string;
  beforeAll(async () => {
    f = await setup("sqlite", { now: () => new Date() });
    await f.app.listen({ port: 0, host: "127.0.0.1" });
    endpoint = `http://127.0.0.1:${(f.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => f.close());

  it("deletes the demo unit's submissions and leaves a real unit's report untouched", async () => {
    expect((await post(f.app, f.tokens.unit, body(f.app))).statusCode).toBe(201);
    const s = io(dir);
    const sent = await submit([path.join(dir, "clean.xlsx"), "--endpoint", endpoint, "--token", f.tokens.demo], s);
    expect({ sent, err: s.err() }).toEqual({ sent: 0, err: "" });
    expect(await count(f.app, "submission")).toBe(2);

    const refused = io(dir);
    expect(await demo(["reset", "--endpoint", endpoint, "--token", f.tokens.demo], refused)).toBe(1);
    expect(await count(f.app, "submission")).toBe(2);

    const r = io(dir);
    expect(await demo(["reset", "--endpoint", endpoint, "--token", f.tokens.planner], r)).toBe(0);
    expect(r.out()).toContain("1 submissions deleted");
    expect(await count(f.app, "submission")).toBe(1);
    const left = await f.app.store.db.selectFrom("submission").select("unit_code").execute();
    expect(left.map((x) => x.unit_code)).toEqual(["00004"]);
  });

  it("populates the classroom from the command line, the same seed twice giving the same answer", async () => {
    const a = io(dir);
    expect(
      await demo(
        [
          "populate",
          "--endpoint",
          endpoint,
          "--token",
          f.tokens.planner,
          "--units",
          "6",
          "--seed",
          "3",
          "--period",
          "2026-Q2",
        ],
        a,
      ),
    ).toBe(0);
    expect(a.out()).toContain("6 demo units");
    expect(a.out()).toContain("2026-Q1, 2026-Q2");
    const b = io(dir);
    expect(
      await demo(
        [
          "reset",
          "--populate",
          "--endpoint",
          endpoint,
          "--token",
          f.tokens.planner,
          "--units",
          "6",
          "--seed",
          "3",
          "--period",
          "2026-Q2",
        ],
        b,
      ),
    ).toBe(0);
    expect(
      b
        .out()
        .split("\n")
        .filter((l) => l.includes("classroom is ready")),
    ).toEqual(
      a
        .out()
        .split("\n")
        .filter((l) => l.includes("classroom is ready")),
    );
    const bad = io(dir);
    expect(await demo(["populate", "--endpoint", endpoint, "--token", f.tokens.planner, "--units", "many"], bad)).toBe(
      2,
    );
    expect(bad.err()).toContain("whole numbers");
    const left = await f.app.store.db.selectFrom("submission").select("unit_code").where("demo", "=", 0).execute();
    expect(left.map((x) => x.unit_code)).toEqual(["00004"]);
  });
});
