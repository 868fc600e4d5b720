/**
 * LibreOffice (Debian's libreoffice-calc, headless) opens our workbooks: a template and a filled workbook convert to
 * CSV with every value in place, and a workbook LibreOffice itself saved (.xlsx → .ods → .xlsx) is still read right
 * by our reader — names, validations, protection and print titles checked with Debian's python3-openpyxl.
 * Nothing here is skipped: without soffice or openpyxl the suite fails and says what to install (CI installs both).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { EntryInput } from "../../src/domain";
import { readWorkbook } from "../../src/workbook/xlsx/node-inflate";
import { catalog, expectedEntries, templateBytes, units } from "./xlsx-helpers";

const PYTHON = "/usr/bin/python3";
const work = mkdtempSync(path.join(tmpdir(), "chitieu-lo-"));
const profile = `file://${path.join(work, "profile")}`;

function requireTools(): void {
  const soffice = spawnSync("soffice", ["--version"], { encoding: "utf8" });
  if (soffice.error || soffice.status !== 0) {
    throw new Error(
      "LibreOffice is missing: install it with `apt-get install -y libreoffice-calc` (.ci/run does this). The LibreOffice checks are never skipped.",
    );
  }
  const py = spawnSync(PYTHON, ["-c", "import openpyxl"], { encoding: "utf8" });
  if (py.error || py.status !== 0) {
    throw new Error(
      "Debian's python3-openpyxl is missing: install it with `apt-get install -y python3-openpyxl` (.ci/run does this).",
    );
  }
}

/** soffice --headless --convert-to, in a private profile; returns the produced files. */
function convert(file: string, to: string, outdir: string): void {
  const r = spawnSync(
    "soffice",
    [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", to, "--outdir", outdir, file],
    { encoding: "utf8", timeout: 120_000 },
  );
  if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr}`);
}

/** RFC 4180 CSV (quoted fields may hold commas, quotes and newlines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else if (ch !== "\r") field += ch;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Every sheet of a workbook as CSV rows (LibreOffice ≥ 7.2 writes one file per sheet with sheet number -1). */
function sheetsAsCsv(xlsx: string, outdir: string): Record<string, string[][]> {
  convert(xlsx, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", outdir);
  const base = path.basename(xlsx, ".xlsx");
  const out: Record<string, string[][]> = {};
  for (const sheet of ["HuongDan", "DonVi", "Nhap"]) {
    const f = path.join(outdir, `${base}-${sheet}.csv`);
    if (!existsSync(f)) throw new Error(`LibreOffice wrote no ${f}`);
    out[sheet] = parseCsv(readFileSync(f, "utf8"));
  }
  return out;
}

const VALUES: EntryInput[] = [
  {
    targetId: "S01",
    numerator: 120,
    denominator: 200,
    justification: "Đợt khám sàng lọc chậm, sẽ bù trong quý II.",
    responsible: "Trần Thị B",
  },
  { targetId: "S02", value: "12,5" },
  { targetId: "U13", value: 4, evidence: "Biên bản kiểm tra" },
  { targetId: "P03", value: 37 },
];
const PEOPLE = { preparer: "Nguyễn Văn A", approver: "Lê Văn C", phone: "0912345678" };

describe("LibreOffice and our workbooks", () => {
  jest.setTimeout(240_000);

  beforeAll(() => {
    requireTools();
  });
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
  });

  it("converts a fresh template to CSV with every sheet, target and label in place", async () => {
    const { spec, bytes } = await templateBytes();
    const file = path.join(work, "template.xlsx");
    writeFileSync(file, bytes);
    const csv = sheetsAsCsv(file, path.join(work, "template-csv"));
    expect(csv.Nhap[0][0]).toBe(spec.sheets[2].cells[0].value);
    expect(csv.Nhap[3].slice(0, 7)).toEqual([
      "Mã",
      "Chỉ tiêu",
      "Đơn vị tính",
      "Chỉ tiêu năm 2026",
      "Mục tiêu 2030",
      "Tình trạng nguồn chỉ tiêu",
      "Giá trị thực hiện",
    ]);
    for (const [id, row] of Object.entries(spec.entry.rows)) expect(csv.Nhap[row - 1][0]).toBe(id);
    expect(csv.Nhap[spec.entry.rows.S02 - 1][3]).toBe("≥ 18.000");
    expect(csv.DonVi[2]).toEqual(["Mã đơn vị", "Unit code", "00004"]);
    expect(csv.HuongDan[0][0]).toBe("HƯỚNG DẪN ĐIỀN BÁO CÁO CHỈ TIÊU");
  });

  it("converts a filled workbook to CSV with the figures, texts and the computed rate", async () => {
    const { spec, bytes } = await templateBytes({ values: VALUES, unitInfo: PEOPLE });
    const file = path.join(work, "filled.xlsx");
    writeFileSync(file, bytes);
    const csv = sheetsAsCsv(file, path.join(work, "filled-csv"));
    const row = (id: string) => csv.Nhap[spec.entry.rows[id] - 1];
    expect(row("S01").slice(6, 9)).toEqual(["60", "120", "200"]); // G is the formula H/I*100, computed by LibreOffice
    expect(row("S01")[11]).toBe("Đợt khám sàng lọc chậm, sẽ bù trong quý II.");
    expect(row("S01")[13]).toBe("Trần Thị B");
    expect(row("S02")[6]).toBe("12,5");
    expect(row("U13")[6]).toBe("4");
    expect(row("U13")[12]).toBe("Biên bản kiểm tra");
    expect(row("P03")[6]).toBe("37");
    expect(csv.DonVi[9][2]).toBe("Nguyễn Văn A");
    expect(csv.DonVi[11][2]).toBe("0912345678");
  });

  it("reads a workbook LibreOffice saved (.xlsx → .ods → .xlsx) exactly, with names and validations intact", async () => {
    const { spec, bytes } = await templateBytes({ values: VALUES, unitInfo: PEOPLE });
    const file = path.join(work, "roundtrip.xlsx");
    writeFileSync(file, bytes);
    convert(file, "ods", path.join(work, "ods"));
    convert(path.join(work, "ods", "roundtrip.ods"), "xlsx:Calc MS Excel 2007 XML", path.join(work, "back"));
    const back = readFileSync(path.join(work, "back", "roundtrip.xlsx"));

    const read = readWorkbook(back, { catalog, units });
    expect(read.entries).toEqual(expectedEntries(spec, VALUES));
    expect(read.unitSheet).toEqual(PEOPLE);
    expect(read.identity).toEqual(spec.identity);
    expect(read.identitySource).toBe("unitSheet"); // LibreOffice drops custom XML parts; the named unit cells carry it
    expect(Object.values(read.located).every((how) => how === "name")).toBe(true);

    const py = spawnSync(
      PYTHON,
      [
        "-c",
        `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Nhap"]
print(json.dumps({
  "names": {d.name: d.attr_text for d in wb.defined_names.definedName},
  "validations": [[d.type, str(d.sqref), d.formula1, d.formula2, d.showInputMessage, bool(d.prompt), d.showErrorMessage] for d in ws.data_validations.dataValidation],
  "protected": [wb[s].protection.sheet for s in ["HuongDan", "DonVi", "Nhap"]],
  "printTitles": ws.print_title_rows,
  "orientation": ws.page_setup.orientation,
  "conditional": sum(len(r.rules) for r in ws.conditional_formatting),
}))
`,
        path.join(work, "back", "roundtrip.xlsx"),
      ],
      { encoding: "utf8" },
    );
    expect(py.stderr).toBe("");
    const got = JSON.parse(py.stdout) as {
      names: Record<string, string>;
      validations: [string, string, string, string | null, boolean, boolean, boolean][];
      protected: boolean[];
      printTitles: string;
      orientation: string;
      conditional: number;
    };
    for (const n of spec.names)
      expect([n.name, got.names[n.name]]).toEqual([n.name, `${n.sheet}!$${n.address.replace(/(\d+)/, "$$$1")}`]);
    const covered = (address: string) =>
      got.validations.find(([, sqref]) =>
        sqref.split(" ").some((r) => {
          const [a, b = a] = r.split(":");
          const col = address.replace(/\d+/, "");
          const row = Number(address.replace(/[A-Z]+/, ""));
          return (
            a.replace(/\d+/, "") === col &&
            Number(a.replace(/[A-Z]+/, "")) <= row &&
            row <= Number(b.replace(/[A-Z]+/, ""))
          );
        }),
      );
    for (const v of spec.sheets[2].validations) {
      const d = covered(v.address);
      expect([v.address, d?.[0], d?.[4], d?.[5], d?.[6]]).toEqual([v.address, v.kind, true, true, true]);
    }
    expect(got.protected).toEqual([true, true, true]);
    expect(got.printTitles).toBe("$4:$5");
    expect(got.orientation).toBe("landscape");
    expect(got.conditional).toBe(5);
  });
});
