import { promises as fs } from "node:fs";
import path from "node:path";
import { createUnitRegistry, defaultCatalog, defaultUnits } from "../domain";
import type { Catalog, Locale, UnitRegistry } from "../domain/types";
import { applicabilityToCsv, parseApplicabilityCsv, parseApplicabilityRows } from "../domain/rules/applicability-file";
import { addApplicability } from "../server/db/applicability";
import { auditRow } from "../server/db/audit";
import { parseCommand } from "./flags";
import { printBilingual, type CliIo } from "./io";
import { needsDatabase, printTableIssues, readTableRows, withReference } from "./table-io";

const HELP = `chitieu applicability check <bang.csv|.xlsx> [--db F] [--lang en]   every bad row listed; exit 1 when invalid
chitieu applicability import <bang.csv|.xlsx> --db F                 add the planners' choices (all or nothing)
chitieu applicability export -o bang.csv --db F                      the choices stored, with unit and target names

Columns: unit_code, target_id, state (áp dụng | không áp dụng | bắt buộc, or applies | not_applicable |
always_required), from (first period: 2026-01, 2026-Q1, 2026-H1, 2026), note. Units by code, never by name.
The database: --db <sqlite file> (or CHITIEU_DB), or DATABASE_URL for PostgreSQL. Without one, check uses the
built-in catalog and units.
`;

const WHAT = { vi: "Bảng áp dụng chỉ tiêu", en: "applicability table" };

async function load(file: string, catalog: Catalog, units: UnitRegistry) {
  const read = await readTableRows(file);
  return "csv" in read
    ? parseApplicabilityCsv(read.csv, catalog, units)
    : parseApplicabilityRows(read.rows, catalog, units);
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(argv, io, HELP, {
    allowPositionals: true,
    options: {
      out: { type: "string", short: "o" },
      db: { type: "string" },
      lang: { type: "string" },
    },
  });
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  const [action, file] = positionals;
  const lang: Locale = values.lang === "en" ? "en" : "vi";
  if (!action || !["check", "import", "export"].includes(action)) {
    io.stderr.write(HELP);
    return 2;
  }
  if (action !== "export" && !file) {
    printBilingual(io.stderr, { vi: "Thiếu tên tệp bảng áp dụng.", en: "Name the applicability file." }, "✖ ");
    return 2;
  }
  const hasDb = Boolean(values.db || io.env.DATABASE_URL || io.env.CHITIEU_DB);
  if (action === "check" && !hasDb) {
    const result = await load(path.resolve(io.cwd, file), defaultCatalog(), createUnitRegistry(defaultUnits()));
    if (result.ok) {
      io.stdout.write(`✔ ${result.rows.length} ${lang === "vi" ? "dòng hợp lệ" : "valid rows"}\n`);
      return 0;
    }
    printTableIssues(result.issues, lang, WHAT, io);
    return 1;
  }
  if (!needsDatabase(values, io)) return 2;
  return withReference(values, io, async (handle, reference) => {
    const catalog = reference.currentCatalog;
    const units = reference.registry;
    if (action === "export") {
      const csv = "\ufeff" + applicabilityToCsv(reference.applicability, catalog, units);
      if (values.out) await fs.writeFile(path.resolve(io.cwd, values.out), csv);
      else io.stdout.write(csv);
      return 0;
    }
    const result = await load(path.resolve(io.cwd, file), catalog, units);
    if (!result.ok) {
      printTableIssues(result.issues, lang, WHAT, io);
      return 1;
    }
    if (action === "check") {
      io.stdout.write(`✔ ${result.rows.length} ${lang === "vi" ? "dòng hợp lệ" : "valid rows"}\n`);
      return 0;
    }
    const now = new Date().toISOString();
    await handle.db.transaction().execute(async (trx) => {
      await addApplicability(trx, result.rows, null, now);
      await trx
        .insertInto("audit_event")
        .values(
          auditRow("applicability.imported", now, null, {}, { rows: result.rows.length, file: path.basename(file) }),
        )
        .execute();
    });
    printBilingual(io.stdout, {
      vi: `Đã thêm ${result.rows.length} lựa chọn áp dụng. Máy chủ dùng chúng trong vòng 10 giây.`,
      en: `Added ${result.rows.length} applicability choices. The endpoint uses them within 10 seconds.`,
    });
    return 0;
  });
}
