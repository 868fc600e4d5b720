/**
 * The classroom's workbooks sent as files: `chitieu consolidate --demo` consolidates the demo units' workbooks (the
 * demo group alone) where a real consolidation skips them, and a real workbook never enters the classroom's figures.
 */
import fs from "node:fs";
import { run } from "../../src/cli/consolidate";
import { fullEntries } from "../scorecard/helpers";
import { P, captureIo, cityFolder, writeUnitWorkbook } from "./consolidate-fixture";

jest.setTimeout(60_000);

interface JsonTarget {
  targetId: string;
  value: number | null;
  unitsExpected: number;
  unitsIncluded: string[];
  unitsMissing: string[];
}

let dir: string;
beforeAll(async () => {
  dir = await cityFolder();
  await writeUnitWorkbook(dir, "in/demo-01.xlsx", "DEMO-01", P, fullEntries("DEMO-01", 200, { S02: { value: 7 } }));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const s = (json: { targets: JsonTarget[] }, id: string) => json.targets.find((t) => t.targetId === id) as JsonTarget;

describe("chitieu consolidate --demo (the classroom's files)", () => {
  it("skips a demo workbook in a real consolidation, saying how to consolidate the classroom", async () => {
    const c = captureIo(dir);
    expect(await run(["in", "--period", P, "--json"], c.io)).toBe(0);
    const json = JSON.parse(c.out());
    expect(s(json, "S02").unitsIncluded).not.toContain("DEMO-01");
    expect(s(json, "S02").value).toBe(12);
    expect(c.err()).toContain("--demo");
  });

  it("consolidates the demo workbook alone with --demo: real workbooks never enter the classroom", async () => {
    const c = captureIo(dir);
    expect(await run(["in", "--period", P, "--json", "--demo"], c.io)).toBe(0);
    const json = JSON.parse(c.out());
    const s02 = s(json, "S02");
    expect(s02.unitsIncluded).toEqual(["DEMO-01"]);
    expect(s02.value).toBe(7);
    expect([...s02.unitsIncluded, ...s02.unitsMissing].every((code) => code.startsWith("DEMO-"))).toBe(true);
  });
});
