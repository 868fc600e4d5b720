/** Shared by `chitieu applicability` and `chitieu targets`: read a planner's table (CSV or .xlsx), print its problems. */
import { promises as fs } from "node:fs";
import path from "node:path";
import type { Locale } from "../domain/types";
import type { TableIssue } from "../domain/rules/table-file";
import { connect, migrateToLatest, resolveDbConfig, type DbHandle } from "../server/db/connect";
import { seedReferenceData } from "../server/db/seed";
import { ReferenceData } from "../server/services/reference";
import { printBilingual, type CliIo } from "./io";

/** The rows of a CSV text, or of the first sheet of an .xlsx file. */
export async function readTableRows(file: string): Promise<{ csv: string } | { rows: string[][] }> {
  const data = await fs.readFile(file);
  if (path.extname(file).toLowerCase() === ".xlsx") {
    // require, not import(): bin/chitieu.js runs the TypeScript sources through tsx's require hook, and an import()
    // without an extension goes through Node's ESM resolver and fails (ERR_MODULE_NOT_FOUND)
    const { readSheetRows } = require("../workbook/xlsx/sheet-rows") as typeof import("../workbook/xlsx/sheet-rows");
    return { rows: await readSheetRows(data) };
  }
  return { csv: data.toString("utf8") };
}

/** Every problem, one line each, then the bilingual verdict: the file is refused whole. */
export function printTableIssues(
  issues: readonly TableIssue[],
  lang: Locale,
  what: { vi: string; en: string },
  io: CliIo,
): void {
  for (const issue of issues) io.stdout.write(`✖ ${issue.message[lang]}\n`);
  printBilingual(io.stderr, {
    vi: `${what.vi} không hợp lệ (${issues.length} lỗi): không dùng tệp này. Sửa các dòng trên rồi kiểm tra lại.`,
    en: `The ${what.en} is invalid (${issues.length} problems): it is rejected whole. Fix the rows above and check again.`,
  });
}

export function needsDatabase(values: { db?: string }, io: CliIo): boolean {
  if (values.db || io.env.DATABASE_URL || io.env.CHITIEU_DB) return true;
  printBilingual(
    io.stderr,
    {
      vi: "Cần biết cơ sở dữ liệu: thêm --db <tệp sqlite> hoặc đặt DATABASE_URL (PostgreSQL).",
      en: "Which database? Add --db <sqlite file> or set DATABASE_URL (PostgreSQL).",
    },
    "✖ ",
  );
  return false;
}

/** Open the database (migrated, seeded), run `fn` with its reference data, and close it. */
export async function withReference<T>(
  values: { db?: string },
  io: CliIo,
  fn: (handle: DbHandle, reference: ReferenceData) => Promise<T>,
): Promise<T> {
  const handle = await connect(resolveDbConfig(io.env, { db: values.db, cwd: io.cwd }));
  try {
    await migrateToLatest(handle);
    await seedReferenceData(handle.db, new Date().toISOString());
    const reference = new ReferenceData(handle.db);
    await reference.reload();
    return await fn(handle, reference);
  } finally {
    await handle.close();
  }
}
