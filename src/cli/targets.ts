import { promises as fs } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { createUnitRegistry, defaultCatalog, defaultUnits } from "../domain";
import type { Catalog, Locale, UnitRegistry } from "../domain/types";
import {
  parseUnitTargetCsv,
  parseUnitTargetRows,
  unitTargetTemplateRows,
  unitTargetsToCsv,
} from "../domain/rules/unit-targets-file";
import { addUnitTargets } from "../server/db/unit-targets";
import { auditRow } from "../server/db/audit";
import type { DbHandle } from "../server/db/connect";
import type { ReferenceData } from "../server/services/reference";
import { parseCommand } from "./flags";
import { printBilingual, type CliIo } from "./io";
import { needsDatabase, printTableIssues, readTableRows, withReference } from "./table-io";

const HELP = `chitieu targets template --year 2026 -o giao-chi-tieu.xlsx [--db F]   the sheet to fill: every unit × target that applies
chitieu targets check <giao-chi-tieu.xlsx|.csv> [--db F] [--lang en]       every bad row listed; exit 1 when invalid
chitieu targets import <giao-chi-tieu.xlsx|.csv> --db F                    store the assigned targets (all or nothing)

Fill the "target" column (e.g. 12,5) and "decision" (e.g. 5969/QĐ-UBND); "direction" only where it differs from the
catalog's. Rows left without a target are skipped. A unit is then judged against its own target; without one, a rate
against the city's target, and a count only at city level.
The database: --db <sqlite file> (or CHITIEU_DB), or DATABASE_URL for PostgreSQL. Without one, template and check use
the built-in catalog and units.
`;

const WHAT = { vi: "Bảng giao chỉ tiêu cho đơn vị", en: "assigned-targets sheet" };

async function load(file: string, catalog: Catalog, units: UnitRegistry) {
  const read = await readTableRows(file);
  return "csv" in read ? parseUnitTargetCsv(read.csv, catalog, units) : parseUnitTargetRows(read.rows, catalog, units);
}

async function writeSheet(file: string, rows: string[][]): Promise<void> {
  if (path.extname(file).toLowerCase() !== ".xlsx") {
    await fs.writeFile(file, "\ufeff" + unitTargetsToCsv(rows));
    return;
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("GiaoChiTieu", { views: [{ state: "frozen", ySplit: 1 }] });
  rows.forEach((r, n) => ws.addRow(r.map((c, i) => (n > 0 && i === 5 && c !== "" ? Number(c) : c)))); // the year as a number
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c, i) => (c.width = [10, 28, 9, 48, 16, 7, 14, 12, 10, 18][i] ?? 12));
  await wb.xlsx.writeFile(file);
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(argv, io, HELP, {
    allowPositionals: true,
    options: {
      out: { type: "string", short: "o" },
      year: { type: "string" },
      db: { type: "string" },
      lang: { type: "string" },
    },
  });
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  const [action, file] = positionals;
  const lang: Locale = values.lang === "en" ? "en" : "vi";
  if (!action || !["template", "check", "import"].includes(action)) {
    io.stderr.write(HELP);
    return 2;
  }
  const year = Number(values.year ?? 2026);
  if (action === "template" && (!values.out || !(year >= 2026 && year <= 2030))) {
    printBilingual(
      io.stderr,
      {
        vi: "Cần --year (2026–2030) và -o <tệp .xlsx hoặc .csv>.",
        en: "Give --year (2026–2030) and -o <.xlsx or .csv file>.",
      },
      "✖ ",
    );
    return 2;
  }
  if (action !== "template" && !file) {
    printBilingual(io.stderr, { vi: "Thiếu tên tệp giao chỉ tiêu.", en: "Name the assigned-targets file." }, "✖ ");
    return 2;
  }
  const hasDb = Boolean(values.db || io.env.DATABASE_URL || io.env.CHITIEU_DB);
  const act = async (
    catalog: Catalog,
    units: UnitRegistry,
    reference: ReferenceData | null,
    handle: DbHandle | null,
  ): Promise<number> => {
    if (action === "template") {
      const rows = unitTargetTemplateRows(catalog, units, year, reference?.unitTargets, reference?.applicability);
      await writeSheet(path.resolve(io.cwd, values.out as string), rows);
      printBilingual(io.stdout, {
        vi: `✔ Đã tạo bảng giao chỉ tiêu năm ${year}: ${rows.length - 1} dòng (đơn vị × chỉ tiêu) → ${values.out}`,
        en: `✔ Wrote the ${year} assigned-targets sheet: ${rows.length - 1} rows (unit × target) → ${values.out}`,
      });
      return 0;
    }
    const result = await load(path.resolve(io.cwd, file), catalog, units);
    if (!result.ok) {
      printTableIssues(result.issues, lang, WHAT, io);
      return 1;
    }
    if (action === "check" || !handle) {
      io.stdout.write(`✔ ${result.rows.length} ${lang === "vi" ? "chỉ tiêu giao hợp lệ" : "valid assigned targets"}\n`);
      return 0;
    }
    const now = new Date().toISOString();
    await handle.db.transaction().execute(async (trx) => {
      await addUnitTargets(trx, result.rows, now);
      await trx
        .insertInto("audit_event")
        .values(
          auditRow("unit_targets.imported", now, null, {}, { rows: result.rows.length, file: path.basename(file) }),
        )
        .execute();
    });
    printBilingual(io.stdout, {
      vi: `Đã lưu ${result.rows.length} chỉ tiêu giao cho đơn vị. Máy chủ dùng chúng trong vòng 10 giây.`,
      en: `Stored ${result.rows.length} assigned targets. The endpoint uses them within 10 seconds.`,
    });
    return 0;
  };
  if (!hasDb && action !== "import") return act(defaultCatalog(), createUnitRegistry(defaultUnits()), null, null);
  if (!needsDatabase(values, io)) return 2;
  return withReference(values, io, (handle, reference) =>
    act(reference.currentCatalog, reference.registry, reference, handle),
  );
}
