/**
 * "Không áp dụng" / N/A typed in a figure's cell of the .xlsx template (issue #14), by programs we did not write:
 * the file our writer makes is filled by Debian's python3-openpyxl with N/A and a reason and read back; LibreOffice
 * saves it again (.xlsx → .ods → .xlsx) and the custom rule and the answer survive; and LibreOffice computes the
 * rule's formula over typed values, so the rule is known to take a number or N/A and refuse other text.
 * Nothing here is skipped: without soffice or openpyxl the suite fails and says what to install.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { validate } from "../../src/domain";
import { buildTemplateSpec, cellMap, customFormula } from "../../src/workbook/template";
import { writeTemplateXlsx } from "../../src/workbook/xlsx/write-template";
import { readWorkbook } from "../../src/workbook/xlsx/node-inflate";
import { catalog, period, units, ward } from "./xlsx-helpers";

const PYTHON = "/usr/bin/python3";
const work = mkdtempSync(path.join(tmpdir(), "chitieu-na-"));
const profile = `file://${path.join(work, "profile")}`;
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: "utf8", timeout: 120_000 });
  if (r.error || r.status !== 0)
    throw new Error(
      `${cmd} failed (${r.status ?? r.error?.message}): ${r.stderr}. Install libreoffice-calc and python3-openpyxl (.ci/run does).`,
    );
  return r.stdout;
}

function convert(file: string, to: string, outdir: string): void {
  run("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", to, "--outdir", outdir, file]);
}

/** openpyxl: the data validations of Nhap as [type, sqref, formula1], and optionally cells written before saving. */
function openpyxl(file: string, writes: Record<string, string> = {}, out?: string): [string, string, string][] {
  const script = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Nhap"]
for address, value in json.loads(sys.argv[2]).items():
    ws[address] = value
if len(sys.argv) > 3:
    wb.save(sys.argv[3])
print(json.dumps([[d.type, str(d.sqref), d.formula1] for d in ws.data_validations.dataValidation]))
`;
  return JSON.parse(run(PYTHON, ["-c", script, file, JSON.stringify(writes), ...(out ? [out] : [])]));
}

describe("N/A in a figure's cell of the .xlsx template", () => {
  // the ward's 2026-Q1 report as the product makes it (applicability and cadence)
  const spec = buildTemplateSpec({ catalog, unit: ward, period });
  const s01 = spec.entry.rows.S01;
  const u13 = spec.entry.rows.U13;
  const reason = "Phường không có trạm y tế riêng trong quý";
  let filled = "";

  const check = (bytes: Uint8Array) => {
    const read = readWorkbook(bytes, { catalog, units });
    expect(read.problems).toEqual([]);
    const s01Entry = read.entries.find((e) => e.targetId === "S01");
    const u13Entry = read.entries.find((e) => e.targetId === "U13");
    expect([s01Entry?.numerator, s01Entry?.justification]).toEqual(["N/A", reason]);
    expect(u13Entry?.value).toBe("KHÔNG ÁP DỤNG");
    const result = validate(
      { unitCode: ward.code, period: period.id, catalogVersion: catalog.version, locale: "vi", entries: read.entries },
      { catalog, units, cellOf: read.cellOf },
    );
    const byId = new Map(result.entries.map((e) => [e.targetId, e]));
    expect(byId.get("S01")).toMatchObject({ notApplicable: true, numerator: null, justification: reason });
    expect(byId.get("U13")).toMatchObject({ notApplicable: true, value: null });
    // U13 has no reason: an error naming its justification cell; S01 has one: no N/A issue
    expect(result.issues.filter((i) => i.code.startsWith("not_applicable")).map((i) => [i.targetId, i.cell])).toEqual([
      ["U13", `Nhap!L${u13}`],
    ]);
  };

  it("writes the custom rule, is filled by openpyxl with N/A and a reason, and reads them as the N/A answer", async () => {
    const file = path.join(work, "template.xlsx");
    writeFileSync(file, await writeTemplateXlsx(spec));
    filled = path.join(work, "filled.xlsx");
    const dvs = openpyxl(file, { [`H${s01}`]: "N/A", [`L${s01}`]: reason, [`G${u13}`]: "KHÔNG ÁP DỤNG" }, filled);
    const at = (address: string) => dvs.find(([, sqref]) => sqref.split(" ").includes(address));
    expect(at(`H${s01}`)).toEqual(["custom", `H${s01}`, customFormula({ number: "decimal", min: 0 }, `H${s01}`)]);
    expect(at(`I${s01}`)?.[0]).toBe("decimal"); // the denominator takes a number only
    expect(at(`G${u13}`)?.[2]).toContain(`G${u13}=INT(G${u13})`);
    check(readFileSync(filled));
    expect(cellMap(spec)("S01", "numerator")).toBe(`Nhap!H${s01}`);
  });

  it("keeps the rule and the answer through a LibreOffice save (.xlsx → .ods → .xlsx)", () => {
    convert(filled, "ods", path.join(work, "ods"));
    convert(path.join(work, "ods", "filled.ods"), "xlsx:Calc MS Excel 2007 XML", path.join(work, "back"));
    const back = path.join(work, "back", "filled.xlsx");
    const dvs = openpyxl(back);
    const rule = dvs.find(([, sqref]) =>
      sqref.split(" ").some((r) => {
        const [a, b = a] = r.split(":");
        const row = (x: string) => Number(x.replace(/[A-Z]+/, ""));
        return a.startsWith("H") && row(a) <= s01 && s01 <= row(b);
      }),
    );
    expect(rule?.[0]).toBe("custom");
    expect(rule?.[2].toLowerCase()).toContain('"n/a"');
    expect(rule?.[2]).toContain("không áp dụng");
    check(readFileSync(back));
  });

  it("takes a number within the bounds or N/A in any case, and refuses other text (LibreOffice computes the rule)", () => {
    const values: [string | number, boolean][] = [
      [12.5, true],
      [0, true],
      [100, true],
      [100.5, false],
      [-1, false],
      ["N/A", true],
      ["n/a", true],
      [" Không Áp Dụng ", true],
      ["KHONG AP DUNG", true],
      ["không", false],
      ["12,5 triệu", false],
    ];
    const script = `
import json, sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
for i, (v, _) in enumerate(json.loads(sys.argv[1]), start=1):
    ws.cell(row=i, column=1, value=v)
    ws.cell(row=i, column=2, value="=" + sys.argv[2].replace("A1", "A%d" % i))
    ws.cell(row=i, column=3, value="=" + sys.argv[3].replace("A1", "A%d" % i))
wb.save(sys.argv[4])
`;
    const percent = customFormula({ number: "decimal", min: 0, max: 100 }, "A1");
    const count = customFormula({ number: "whole", min: 0 }, "A1");
    const file = path.join(work, "rule.xlsx");
    run(PYTHON, ["-c", script, JSON.stringify(values), percent, count, file]);
    convert(file, "csv:Text - txt - csv (StarCalc):44,34,76,1", path.join(work, "csv"));
    const rows = readFileSync(path.join(work, "csv", "rule.csv"), "utf8")
      .trim()
      .split(/\r?\n/);
    const got = rows.map((r) => r.split(",").slice(-2));
    expect(got.map((g) => g[0])).toEqual(values.map(([, ok]) => (ok ? "TRUE" : "FALSE")));
    // a count takes whole numbers only
    expect(got.map((g) => g[1])).toEqual(
      values.map(([v, ok]) => (ok && (typeof v !== "number" || Number.isInteger(v)) ? "TRUE" : "FALSE")),
    );
  });
});
