/** `chitieu tasks check|import|export|edit|assign`: the key-task register as a planner's spreadsheet (issue #19). */
import { promises as fs } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import {
  createUnitRegistry,
  defaultCatalog,
  defaultTaskRegister,
  defaultUnits,
  hanoiDate,
  parsePeriod,
  parseTaskCsv,
  parseTaskRows,
  taskUnits,
  tasksAt,
  tasksToCsv,
  tasksToRows,
  type Period,
  type Task,
} from "../domain";
import type { Locale } from "../domain/types";
import { auditRow } from "../server/db/audit";
import { loadTaskRegister } from "../server/db/tasks";
import { planImport, storeVersions } from "../server/services/tasks";
import { parseCommand } from "./flags";
import { printBilingual, type CliIo } from "./io";
import { needsDatabase, printTableIssues, readTableRows, withReference } from "./table-io";
import { runEdit } from "./tasks-edit";

const HELP = `chitieu tasks check <danh-muc.csv|.xlsx> [--db F] [--from 2026-Q3] [--lang en]   every bad row listed; exit 1 when invalid
chitieu tasks import <danh-muc.csv|.xlsx> --from 2026-Q3 --db F [--list official-212] [--replace]
                                                            store the list from that period on (all or nothing);
                                                            --replace retires every task the file lacks
chitieu tasks export -o danh-muc.csv|.xlsx [--period 2026-Q3] [--db F]   the tasks in force in the period
chitieu tasks edit <id> --from 2026-Q3 --db F [--name T] [--name-en T] [--group T] [--focal-person T] [--product T]
                   [--deadline 2026-12-31] [--targets "U10;S02"] [--bottleneck flooding] [--retire]
                                                            one task changed from that period on ("" clears a field)
chitieu tasks assign <id> --from 2026-Q3 --db F [--lead S-XD] [--co "00004;00008"]
                                                            its lead unit and co-units from that period on

Columns (any order, by name): id, task_group_vi, name_vi, kind (project | work | scheme | task) are required;
name_en, lead_unit, co_units (";"-separated), lead_unit_vi (the source's wording, kept, never matched),
focal_person, product_vi, deadline (2030 | 2026-06 | 2026-06-30 | 30/6/2026), milestones ("Khởi công@2026-06;
Thông xe@2027-12"), linked_targets (U10;S02), bottleneck, status (official | stated | inferred; default official),
source, list, from, retired_from are optional. Units by code or by the exact name of an existing unit.
The database: --db <sqlite file> (or CHITIEU_DB), or DATABASE_URL for PostgreSQL. Without one, check and export use
the built-in catalog, units and the starter list (public sources — not the official list).
`;

const WHAT = { vi: "Danh mục nhiệm vụ", en: "task list" };

async function writeList(file: string, rows: string[][], csv: string): Promise<void> {
  if (path.extname(file).toLowerCase() !== ".xlsx") {
    await fs.writeFile(file, "\ufeff" + csv);
    return;
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("NhiemVu", { views: [{ state: "frozen", ySplit: 1 }] });
  rows.forEach((r) => ws.addRow(r));
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c, i) => (c.width = [8, 14, 28, 48, 36, 9, 12, 16, 36, 20, 40, 12, 24, 14, 12, 10, 36][i] ?? 14));
  await wb.xlsx.writeFile(file);
}

function periodFlag(text: string | undefined, io: CliIo, required: boolean): Period | null | undefined {
  if (text === undefined && !required) return undefined;
  const p = text === undefined ? null : parsePeriod(text);
  if (!p)
    printBilingual(
      io.stderr,
      {
        vi: `Cần kỳ bắt đầu áp dụng hợp lệ (--from 2026-07, 2026-Q3, 2026-H2 hoặc 2027), không phải "${text ?? ""}".`,
        en: `Give a valid first period (--from 2026-07, 2026-Q3, 2026-H2 or 2027), not "${text ?? ""}".`,
      },
      "✖ ",
    );
  return p;
}

const thisMonth = (): Period => parsePeriod(hanoiDate(new Date()).slice(0, 7))!;

export async function run(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(argv, io, HELP, {
    allowPositionals: true,
    options: {
      out: { type: "string", short: "o" },
      db: { type: "string" },
      from: { type: "string" },
      period: { type: "string" },
      list: { type: "string" },
      replace: { type: "boolean" },
      lang: { type: "string" },
      name: { type: "string" },
      "name-en": { type: "string" },
      group: { type: "string" },
      "focal-person": { type: "string" },
      product: { type: "string" },
      deadline: { type: "string" },
      targets: { type: "string" },
      bottleneck: { type: "string" },
      retire: { type: "boolean" },
      lead: { type: "string" },
      co: { type: "string" },
    },
  });
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  const [action, file] = positionals;
  const lang: Locale = values.lang === "en" ? "en" : "vi";
  if (!action || !["check", "import", "export", "edit", "assign"].includes(action)) {
    io.stderr.write(HELP);
    return 2;
  }
  if (action === "edit" || action === "assign") {
    if (!file) {
      printBilingual(io.stderr, { vi: "Thiếu mã nhiệm vụ.", en: "Name the task id." }, "✖ ");
      return 2;
    }
    const at = periodFlag(values.from, io, true);
    if (!at || !needsDatabase(values, io)) return 2;
    return runEdit(action, file, at, values, lang, io);
  }
  if (action !== "export" && !file) {
    printBilingual(io.stderr, { vi: "Thiếu tên tệp danh mục nhiệm vụ.", en: "Name the task list file." }, "✖ ");
    return 2;
  }
  if (action === "export" && !values.out) {
    printBilingual(io.stderr, { vi: "Cần -o <tệp .csv hoặc .xlsx>.", en: "Give -o <.csv or .xlsx file>." }, "✖ ");
    return 2;
  }
  const from = periodFlag(values.from, io, action === "import");
  if (from === null) return 2;
  const period = periodFlag(values.period, io, false);
  if (period === null) return 2;
  const hasDb = Boolean(values.db || io.env.DATABASE_URL || io.env.CHITIEU_DB);
  const ok = (n: number) => io.stdout.write(`✔ ${n} ${lang === "vi" ? "nhiệm vụ hợp lệ" : "valid tasks"}\n`);
  if (!hasDb && action !== "import") {
    const catalog = defaultCatalog();
    const units = createUnitRegistry([...defaultUnits(), ...taskUnits()]);
    if (action === "export") {
      const tasks: Task[] = tasksAt(defaultTaskRegister(), period ?? thisMonth());
      await writeList(path.resolve(io.cwd, values.out!), tasksToRows(tasks, units), tasksToCsv(tasks, units));
      ok(tasks.length);
      return 0;
    }
    const read = await readTableRows(path.resolve(io.cwd, file!));
    const options = { from: (from ?? parsePeriod("2026-01")!).id, list: values.list ?? "official" };
    const result =
      "csv" in read
        ? parseTaskCsv(read.csv, catalog, units, options)
        : parseTaskRows(read.rows, catalog, units, options);
    if (!result.ok) {
      printTableIssues(result.issues, lang, WHAT, io);
      return 1;
    }
    ok(result.rows.length);
    return 0;
  }
  if (!needsDatabase(values, io)) return 2;
  return withReference(values, io, async (handle, reference) => {
    const register = await loadTaskRegister(handle.db);
    if (action === "export") {
      const tasks = tasksAt(register, period ?? thisMonth());
      const units = reference.registry;
      await writeList(path.resolve(io.cwd, values.out!), tasksToRows(tasks, units), tasksToCsv(tasks, units));
      ok(tasks.length);
      return 0;
    }
    const read = await readTableRows(path.resolve(io.cwd, file!));
    const at = from ?? parsePeriod("2026-01")!;
    const plan = planImport(
      { ...read, from: at.id, list: values.list, retireMissing: values.replace },
      register,
      reference,
      at,
    );
    if (!plan.result.ok) {
      printTableIssues(plan.result.issues, lang, WHAT, io);
      return 1;
    }
    if (action === "check") {
      ok(plan.result.rows.length);
      return 0;
    }
    const now = new Date().toISOString();
    await handle.db.transaction().execute(async (trx) => {
      await storeVersions(trx, plan.versions, null, now);
      await trx
        .insertInto("audit_event")
        .values(
          auditRow(
            "tasks.imported",
            now,
            null,
            { period: at.id },
            { added: plan.result.ok ? plan.result.rows.length : 0, retired: plan.retired, file: path.basename(file!) },
          ),
        )
        .execute();
    });
    const added = plan.result.rows.length;
    printBilingual(io.stdout, {
      vi: `Đã lưu ${added} nhiệm vụ từ kỳ ${at.id} (hoặc kỳ sau hơn ghi ở cột from)${plan.retired.length ? `, thôi theo dõi ${plan.retired.length} nhiệm vụ không có trong tệp` : ""}. Từ kỳ này có ${plan.total} nhiệm vụ; các kỳ trước không đổi.`,
      en: `Stored ${added} tasks from ${at.id} (or the later period a row's from column gives)${plan.retired.length ? `, retired ${plan.retired.length} tasks the file lacks` : ""}. ${plan.total} tasks are followed from then on; earlier periods do not change.`,
    });
    return 0;
  });
}
