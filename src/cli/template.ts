/**
 * `chitieu template --unit 00004 --period 2026-Q1 -o file.xlsx [--lang en] [--from old.xlsx] [--catalog file]`:
 * writes the standard template workbook for a unit and period; with --from, carries the figures of an older
 * workbook (another template or catalog version) over to it by target id, listing what has no place any more.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { defaultUnitRegistry, parsePeriod, periodLabel } from "../domain";
import type { Catalog, Locale, UnitRegistry } from "../domain/types";
import { carryOver } from "../workbook/carry-over";
import { workbookErrors } from "../workbook/errors";
import { buildTemplateSpec, type TemplateOptions } from "../workbook/template";
import { defaultTaskRegister, tasksForUnit } from "../domain/tasks";
import { readWorkbookFile } from "../workbook/xlsx/node-inflate";
import { writeTemplateXlsx } from "../workbook/xlsx/write-template";
import { catalogFromFlag, parseCommand, usageError } from "./flags";
import type { CliIo } from "./io";
import { withReference } from "./table-io";

const HELP = `chitieu template --unit <code> --period <id> -o <file.xlsx> [--lang vi|en] [--from <old.xlsx>] [--catalog <file>] [--db <file>]

Writes the standard report template for one unit and period (HuongDan, DonVi, Nhap sheets; one named, validated
input cell per figure; identity in a custom XML part).
  --unit      unit code: 5-digit ward/commune code (00004), department (S-XD), city (HN), demo (DEMO-01)
  --period    2026-01 (month), 2026-Q1 (quarter), 2026-H1 (half year), 2026 (year)
  --lang      language of these messages and the workbook's number style (vi: 1.234,5; en: 1,234.5); default vi
  --from      carry the figures of an older workbook of the same unit and period over to the new template
  --catalog   a replacement target catalog (.csv or .xlsx, the official appendix columns); default: built-in
  --db        the endpoint's database (SQLite file; with DATABASE_URL set, PostgreSQL): its catalog, units, the
              planners' applicability table and the targets assigned to units, as the endpoint's own template
`;

export async function run(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(argv, io, HELP, {
    options: {
      unit: { type: "string" },
      period: { type: "string" },
      output: { type: "string", short: "o" },
      lang: { type: "string" },
      from: { type: "string" },
      catalog: { type: "string" },
      db: { type: "string" },
    },
  });
  if (typeof parsed === "number") return parsed;
  const { values } = parsed;
  const lang: Locale = values.lang === "en" ? "en" : "vi";
  if (values.lang && values.lang !== "vi" && values.lang !== "en")
    return usageError(io, `--lang phải là vi hoặc en.`, `--lang must be vi or en.`, HELP);
  if (!values.unit)
    return usageError(io, "Thiếu mã đơn vị: --unit 00004", "The unit code is missing: --unit 00004", HELP);
  if (!values.period)
    return usageError(io, "Thiếu kỳ báo cáo: --period 2026-Q1", "The report period is missing: --period 2026-Q1", HELP);
  if (!values.output)
    return usageError(io, "Thiếu tệp kết quả: -o mau.xlsx", "The output file is missing: -o template.xlsx", HELP);

  if (values.db) {
    // the endpoint's reference data: what this unit reports in the period, and the targets assigned to it
    return withReference(values, io, async (_handle, reference) =>
      write(values, io, lang, reference.currentCatalog, reference.registry, {
        applicability: reference.applicability,
        unitTargets: reference.unitTargets,
      }),
    );
  }
  const catalog = await catalogFromFlag(values.catalog, io);
  if (!catalog) return 1;
  return write(values, io, lang, catalog, defaultUnitRegistry(), {});
}

type Values = { unit?: string; period?: string; output?: string; from?: string };

async function write(
  values: Values,
  io: CliIo,
  lang: Locale,
  catalog: Catalog,
  units: UnitRegistry,
  reference: Pick<TemplateOptions, "applicability" | "unitTargets">,
): Promise<number> {
  const unit = units.byCode(values.unit as string);
  if (!unit) throw workbookErrors.unknownUnit(values.unit as string);
  const period = parsePeriod(values.period as string);
  if (!period) throw workbookErrors.unknownPeriod(values.period as string);

  // the key tasks the unit leads or co-owns in the period (the starter register; the endpoint's pane uses its own)
  const tasks = tasksForUnit(defaultTaskRegister(), unit.code, period);
  let spec = buildTemplateSpec({ catalog, unit, period, locale: lang, tasks, ...reference });
  const lines: string[] = [];
  if (values.from) {
    const old = readWorkbookFile(path.resolve(io.cwd, values.from), { catalog, units, allowOtherVersion: true });
    if (old.identity.unitCode !== unit.code || old.identity.period !== period.id) {
      throw workbookErrors.otherReport(old.identity, spec.identity);
    }
    const result = carryOver(old, spec);
    spec = result.spec;
    lines.push(
      lang === "vi"
        ? `Đã chuyển ${result.carried.length} giá trị từ ${values.from}.`
        : `Carried ${result.carried.length} values over from ${values.from}.`,
    );
    for (const d of result.dropped) lines.push(`  ⚠ ${d.targetId}.${d.field} = ${String(d.value)} — ${d.reason[lang]}`);
  }
  const bytes = await writeTemplateXlsx(spec);
  const out = path.resolve(io.cwd, values.output as string);
  await fs.writeFile(out, bytes);
  const targets = Object.keys(spec.entry.rows).length;
  io.stdout.write(
    lang === "vi"
      ? `✔ Đã tạo mẫu báo cáo ${unit.name.vi} (${unit.code}), ${periodLabel(period, "vi")}: ${targets} chỉ tiêu → ${values.output}\n`
      : `✔ Wrote the report template for ${unit.name.en} (${unit.code}), ${periodLabel(period, "en")}: ${targets} targets → ${values.output}\n`,
  );
  for (const l of lines) io.stdout.write(`${l}\n`);
  if (spec.identity.demo) io.stdout.write(lang === "vi" ? "  (sổ trình diễn: DEMO)\n" : "  (demo workbook)\n");
  return 0;
}
