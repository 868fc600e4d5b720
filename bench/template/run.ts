/**
 * bench/template — the numbers issue 3 claims, measured (a script, never a timed test):
 *   1. context.sync calls per Office.js action (create, repair, read, write, mark, select, change event) against
 *      the Excel double of test/workbook/excel-double.ts (office-addin-mock for Excel.run), printed as a table;
 *   2. time to write one template as .xlsx (ExcelJS + identity part) and its size;
 *   3. time to read one filled workbook, and to read 1,000 distinct filled workbooks from disk.
 * Run: npx tsx bench/template/run.ts   (or npm run bench template). Lines `template.<metric>=<n>` are collected.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import {
  defaultCatalog,
  defaultUnitRegistry,
  parsePeriod,
  type EntryInput,
  type Period,
  type Target,
  type Unit,
} from "../../src/domain";
import { markIssues, onEntriesChanged, readReport, selectCell, writeEntries } from "../../src/workbook/office/entries";
import { createOrRepairTemplate } from "../../src/workbook/office/write-template";
import { buildTemplateSpec } from "../../src/workbook/template";
import { readWorkbook } from "../../src/workbook/xlsx/node-inflate";
import { writeTemplateXlsx } from "../../src/workbook/xlsx/write-template";
import { fireChanged, installExcel, type FakeContext } from "../../test/workbook/excel-double";

const catalog = defaultCatalog();
const units = defaultUnitRegistry();
const period = parsePeriod("2026-Q1") as Period;
const ward = units.byCode("00004") as Unit;
const lines: string[] = [];
const metric = (name: string, value: number) =>
  lines.push(`template.${name}=${Number.isInteger(value) ? value : value.toFixed(3)}`);

function valuesFor(targets: Target[], seed: number): EntryInput[] {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  return targets.map((t) => {
    if (t.measure === "milestone") return { targetId: t.id, milestone: "Đang thực hiện" };
    if (t.aggregation === "ratio_of_sums") {
      const den = 1000 + Math.round(rnd() * 50_000);
      return {
        targetId: t.id,
        numerator: Math.round(den * (0.5 + rnd() * 0.5)),
        denominator: den,
        evidence: "Báo cáo thống kê quý",
      };
    }
    if (t.measure === "count") return { targetId: t.id, value: Math.round(rnd() * 40), responsible: "Nguyễn Văn A" };
    return { targetId: t.id, value: `${(rnd() * 100).toFixed(1).replace(".", ",")}` };
  });
}

async function syncTable(): Promise<void> {
  const x = installExcel();
  const syncs: number[] = [];
  x.onContext = (ctx: FakeContext) => {
    const orig = ctx.sync.bind(ctx);
    let n = 0;
    ctx.sync = async () => {
      n++;
      syncs[syncs.length - 1] = n;
      return orig();
    };
    syncs.push(0);
  };
  const spec = buildTemplateSpec({ catalog, unit: ward, period });
  const rows: [string, number][] = [];
  const measure = async (label: string, key: string, f: () => Promise<unknown>) => {
    const before = syncs.length;
    await f();
    const total = syncs.slice(before).reduce((a, b) => a + b, 0);
    rows.push([label, total]);
    metric(`syncs.${key}`, total);
  };
  await measure("create template (empty workbook)", "create", () => createOrRepairTemplate(spec, { catalog, units }));
  await measure("recognise template (nothing missing)", "recognise", () =>
    createOrRepairTemplate(spec, { catalog, units }),
  );
  x.model.names.delete(`CT_S02_value`);
  x.model.sheets = x.model.sheets.filter((s) => s.name !== "HuongDan");
  const nhap = x.model.sheet("Nhap");
  if (nhap) nhap.conditionalFormats = [];
  await measure("repair (sheet, name, format missing)", "repair", () =>
    createOrRepairTemplate(spec, { catalog, units }),
  );
  await measure("read entries", "read", () => readReport({ catalog, units }, spec.identity));
  await measure("write entries (3 cells)", "write", () =>
    writeEntries([
      { targetId: "S02", field: "value", raw: 3 },
      { targetId: "S01", field: "numerator", raw: 10 },
      { targetId: "S01", field: "denominator", raw: 20 },
    ]),
  );
  await measure("mark issues (all rows)", "mark", () => markIssues(spec, [], []));
  await measure("select cell", "select", () => selectCell("Nhap!G10"));
  await onEntriesChanged(() => undefined);
  await measure("change event (paste of 3 cells)", "change", () => fireChanged(x.model, "Nhap", "G10:I12"));
  console.log("\ncontext.sync per action (the Excel double, test/workbook/excel-double.ts)");
  console.log("| action | syncs |\n|---|---|");
  for (const [label, n] of rows) console.log(`| ${label} | ${n} |`);
}

async function main(): Promise<void> {
  await syncTable();

  // write one template
  const spec = buildTemplateSpec({
    catalog,
    unit: ward,
    period,
    values: valuesFor(units.targetsFor(catalog, ward.code), 1),
  });
  await writeTemplateXlsx(spec); // warm-up
  const writes = 10;
  let t = performance.now();
  let bytes: Uint8Array = new Uint8Array();
  for (let i = 0; i < writes; i++) bytes = await writeTemplateXlsx(spec);
  const writeMs = (performance.now() - t) / writes;
  console.log(
    `\nwrite one template (.xlsx, ${Object.keys(spec.entry.rows).length} targets): ${writeMs.toFixed(1)} ms, ${bytes.length} bytes`,
  );
  metric("write_ms", writeMs);
  metric("size_bytes", bytes.length);

  // read one workbook, warm
  for (let i = 0; i < 300; i++) readWorkbook(bytes, { catalog, units });
  const reads = 2000;
  t = performance.now();
  for (let i = 0; i < reads; i++) readWorkbook(bytes, { catalog, units });
  const readMs = (performance.now() - t) / reads;
  console.log(`read one filled workbook (in memory, warm): ${(readMs * 1000).toFixed(0)} µs`);
  metric("read_ms", readMs);

  // 1,000 distinct filled workbooks on disk: one ExcelJS file per ward/commune, then variants with other figures
  const dir = mkdtempSync(path.join(tmpdir(), "chitieu-bench-template-"));
  try {
    const wards = units.all().filter((u) => (u.kind === "ward" || u.kind === "commune") && !u.demo);
    const bases: { unit: Unit; zip: JSZip; sheet: string }[] = [];
    t = performance.now();
    for (const unit of wards) {
      const s = buildTemplateSpec({
        catalog,
        unit,
        period,
        values: valuesFor(
          units.targetsFor(catalog, unit.code),
          unit.code.length + Number(unit.code.replace(/\D/g, "") || 7),
        ),
        unitInfo: { preparer: "Nguyễn Văn A", approver: "Lê Thị B", phone: "0912345678" },
      });
      const b = await writeTemplateXlsx(s);
      bases.push({ unit, zip: await JSZip.loadAsync(b), sheet: "xl/worksheets/sheet3.xml" });
    }
    const sheetXml = await Promise.all(bases.map((b) => (b.zip.file(b.sheet) as JSZip.JSZipObject).async("string")));
    let n = 0;
    for (let i = 0; n < 1000; i++) {
      const b = bases[i % bases.length];
      // another filled version of the same unit's workbook: every numeric <v> changed
      const xml = sheetXml[i % bases.length].replace(
        /(<c r="[GHI]\d+" s="\d+"><v>)(\d+)(<\/v>)/g,
        (_m, a: string, v: string, z: string) => `${a}${Number(v) + (i % 17)}${z}`,
      );
      b.zip.file(b.sheet, xml);
      writeFileSync(
        path.join(dir, `${String(n).padStart(4, "0")}-${b.unit.code}.xlsx`),
        await b.zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }),
      );
      n++;
    }
    console.log(
      `(generated 1,000 workbooks of ${bases.length} units in ${((performance.now() - t) / 1000).toFixed(1)} s)`,
    );
    const files = readdirSync(dir).map((f) => path.join(dir, f));
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    let entries = 0;
    t = performance.now();
    for (const f of files) {
      const r = readWorkbook(readFileSync(f), { catalog, units });
      entries += r.entries.length;
      if ((entries & 255) === 0) peak = Math.max(peak, process.memoryUsage().rss);
    }
    const totalMs = performance.now() - t;
    peak = Math.max(peak, process.memoryUsage().rss);
    gc?.();
    const retained = (process.memoryUsage().heapUsed - heapBefore) / 1048576;
    console.log(
      `read 1,000 filled workbooks from disk: ${totalMs.toFixed(0)} ms (${(totalMs / files.length).toFixed(2)} ms each, ${entries} entries); ` +
        `RSS grew ${((peak - rssBefore) / 1048576).toFixed(0)} MB at most while reading; heap retained after GC ${retained.toFixed(1)} MB`,
    );
    metric("read1000_ms", totalMs);
    metric("read1000_rss_growth_mb", (peak - rssBefore) / 1048576);
    metric("read1000_heap_retained_mb", retained);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log("");
  for (const l of lines) console.log(l);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
