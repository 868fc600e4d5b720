/** Real unit workbooks for the CLI tests: written by the template's ExcelJS writer, filled with known figures. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parsePeriod, type EntryInput } from "../../src/domain";
import { buildTemplateSpec } from "../../src/workbook/template";
import { writeTemplateXlsx } from "../../src/workbook/xlsx/write-template";
import { catalog, fullEntries, units } from "../scorecard/helpers";

export const P = "2026-Q1";

export async function writeUnitWorkbook(
  dir: string,
  name: string,
  unitCode: string,
  period: string,
  entries: EntryInput[],
  savedAt = new Date("2026-04-03T02:00:00Z"),
): Promise<string> {
  const unit = units.byCode(unitCode);
  const p = parsePeriod(period);
  if (!unit || !p) throw new Error(`bad unit/period ${unitCode} ${period}`);
  const spec = buildTemplateSpec({
    catalog,
    unit,
    period: p,
    values: entries,
    unitInfo: { preparer: `Người lập ${unitCode}`, approver: `Thủ trưởng ${unitCode}`, phone: "0243 000 111" },
  });
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, await writeTemplateXlsx(spec));
  fs.utimesSync(file, savedAt, savedAt);
  return file;
}

/**
 * The hand-computed city: three wards report S01 as 50/100, "900"/"1.000" (text, read the Vietnamese way) and
 * 1/10 — a ratio of sums of 951/1110 = 85.68 % where the average of the three rates is 50 % — and S02 as 3, 4, 5;
 * the statistics unit reports E01 "11,5"; the finance department E03 400.5; the construction department the U11
 * milestone "Đang thực hiện"; ward 00070 sends nothing.
 */
export async function cityFolder(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-cli-"));
  await writeUnitWorkbook(
    dir,
    "in/00004.xlsx",
    "00004",
    P,
    fullEntries("00004", 100, { S01: { numerator: 50, denominator: 100 }, S02: { value: 3 } }),
  );
  await writeUnitWorkbook(
    dir,
    "in/00008.xlsx",
    "00008",
    P,
    fullEntries("00008", 1000, { S01: { numerator: "900", denominator: "1.000" }, S02: { value: 4 } }),
  );
  await writeUnitWorkbook(
    dir,
    "in/sub/00025.xlsx",
    "00025",
    P,
    fullEntries("00025", 10, { S01: { numerator: 1, denominator: 10 }, S02: { value: 5 } }),
  );
  await writeUnitWorkbook(dir, "in/HN.xlsx", "HN", P, fullEntries("HN", 0, { E01: { value: "11,5" } }));
  await writeUnitWorkbook(dir, "in/S-TC.xlsx", "S-TC", P, fullEntries("S-TC", 0, { E03: { value: 400.5 } }));
  await writeUnitWorkbook(
    dir,
    "in/S-XD.xlsx",
    "S-XD",
    P,
    fullEntries("S-XD", 0, { U11: { milestone: "Đang thực hiện" } }),
  );
  return dir;
}

export { capture as captureIo, type Captured } from "../helpers";
