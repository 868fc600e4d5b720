/**
 * `chitieu validate file.xlsx [--lang en] [--json] [--catalog file]`: reads a filled template with the workbook
 * reader, checks it with the same domain rules as the task pane and the endpoint, and prints every issue as
 * `Sheet!Cell — message`. Exit 1 when a blocking error remains (warnings without a justification are counted and
 * said, but do not change the exit code: they block submission, not checking).
 */
import path from "node:path";
import { defaultUnitRegistry, validate } from "../domain";
import { isAppError } from "../domain/errors";
import type { EntryField, Locale, ValidationIssue } from "../domain/types";
import { cellProblemMessage } from "../workbook/cell-problems";
import { rowOf } from "../workbook/sheet-ref";
import { SHEET_NAMES, unitCellAddress, type UnitField } from "../workbook/template";
import { readWorkbookFile } from "../workbook/xlsx/node-inflate";
import type { WorkbookRead } from "../workbook/xlsx/read-workbook";
import { catalogFromFlag, parseCommand } from "./flags";
import { printBilingual, type CliIo } from "./io";
import { ENTRY_FIELDS } from "../domain/entry-fields";

const HELP = `chitieu validate <file.xlsx> [--lang vi|en] [--json] [--catalog <file>]

Checks a filled template workbook and prints every issue as "Sheet!Cell — message". Exit 0: no blocking error;
1: an error remains (or the file cannot be read as a template); 2: wrong usage.
`;

const SEVERITY: Record<Locale, Record<ValidationIssue["severity"], string>> = {
  vi: { error: "Lỗi", warning: "Cảnh báo", info: "Lưu ý" },
  en: { error: "Error", warning: "Warning", info: "Note" },
};

const FIELDS: readonly EntryField[] = ENTRY_FIELDS;

/** Unit-level issues point at the unit sheet's cell that holds what they are about. */
const UNIT_CELL: Partial<Record<ValidationIssue["code"], UnitField>> = {
  unknown_unit: "unitCode",
  unknown_period: "period",
  catalog_version_mismatch: "catalogVersion",
};

export function issueCell(issue: ValidationIssue, read: WorkbookRead): string {
  if (issue.cell) return issue.cell;
  const unitField = UNIT_CELL[issue.code];
  if (unitField) return `${SHEET_NAMES.unit}!${unitCellAddress(unitField)}`;
  if (issue.targetId) {
    // a row-level issue without a field: the row's id cell
    const cell = FIELDS.map((f) => read.cellOf(issue.targetId as string, f)).find((c) => c !== undefined);
    if (cell) return `${SHEET_NAMES.entry}!A${rowOf(cell)}`;
  }
  return SHEET_NAMES.entry;
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(argv, io, HELP, {
    allowPositionals: true,
    options: {
      lang: { type: "string" },
      json: { type: "boolean" },
      catalog: { type: "string" },
    },
  });
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 1 || (values.lang && values.lang !== "vi" && values.lang !== "en")) {
    printBilingual(
      io.stderr,
      { vi: "Cần đúng một tệp .xlsx; --lang là vi hoặc en.", en: "Give exactly one .xlsx file; --lang is vi or en." },
      "✖ ",
    );
    io.stderr.write(HELP);
    return 2;
  }
  const lang: Locale = values.lang === "en" ? "en" : "vi";
  const file = positionals[0];
  const catalog = await catalogFromFlag(values.catalog, io);
  if (!catalog) return 1;
  const units = defaultUnitRegistry();

  let read: WorkbookRead;
  try {
    read = readWorkbookFile(path.resolve(io.cwd, file), { catalog, units });
  } catch (e) {
    if (!isAppError(e)) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") {
        printBilingual(io.stderr, { vi: `Không có tệp ${file}.`, en: `No such file: ${file}.` }, "✖ ");
        return 1;
      }
      throw e;
    }
    if (values.json) io.stdout.write(`${JSON.stringify({ file, ok: false, error: e.toJSON() }, null, 2)}\n`);
    else {
      const other: Locale = lang === "vi" ? "en" : "vi";
      io.stderr.write(`✖ ${file}: ${e.messages[lang]}\n  ${e.messages[other]}\n`);
    }
    return 1;
  }

  const result = validate(
    {
      unitCode: read.identity.unitCode,
      period: read.identity.period,
      catalogVersion: read.identity.catalogVersion,
      locale: read.locale,
      entries: read.entries,
    },
    { catalog, units, cellOf: read.cellOf },
  );
  const missingPeople = (["preparer", "approver", "phone"] as const).filter((f) => !read.unitSheet[f]);
  // cells holding a date, boolean, error value or uncalculated formula are errors of their own; the rules saw those
  // cells blank, so what they say about them (e.g. "required") is left out rather than said twice
  const problemCells = new Set(read.problems.map((p) => p.cell));
  const cellErrors = read.problems.map((p) => ({
    code: "cell_type",
    ruleId: `cell.${p.kind}`,
    targetId: p.targetId,
    cell: p.cell,
    severity: "error" as const,
    params: { field: p.field, kind: p.kind, found: p.found },
    message: cellProblemMessage(p, false),
  }));
  const ruleIssues = result.issues.filter((i) => !(i.cell && problemCells.has(i.cell)));
  const counts = {
    errors: cellErrors.length + ruleIssues.filter((i) => i.severity === "error").length,
    warnings: ruleIssues.filter((i) => i.severity === "warning").length,
    unjustifiedWarnings: ruleIssues.filter((i) => i.severity === "warning" && !i.justified).length,
    infos: ruleIssues.filter((i) => i.severity === "info").length + missingPeople.length,
  };
  if (values.json) {
    io.stdout.write(
      `${JSON.stringify(
        {
          file,
          ok: result.ok && cellErrors.length === 0,
          identity: read.identity,
          counts,
          issues: [...cellErrors, ...ruleIssues.map((i) => ({ ...i, cell: issueCell(i, read) }))],
          unitSheet: read.unitSheet,
          missingPeople,
        },
        null,
        2,
      )}\n`,
    );
    return counts.errors > 0 ? 1 : 0;
  }

  const order = { error: 0, warning: 1, info: 2 } as const;
  const issues = [...ruleIssues].sort((a, b) => order[a.severity] - order[b.severity]);
  const label =
    lang === "vi"
      ? `${file} — đơn vị ${read.identity.unitCode}, kỳ ${read.identity.period}`
      : `${file} — unit ${read.identity.unitCode}, period ${read.identity.period}`;
  io.stdout.write(`${label}\n`);
  for (const e of cellErrors) io.stdout.write(`${e.cell} — ${SEVERITY[lang].error}: ${e.message[lang]}\n`);
  for (const i of issues) {
    const justified =
      i.severity === "warning" && i.justified ? (lang === "vi" ? " (đã giải trình)" : " (justified)") : "";
    const cell = issueCell(i, read);
    // the line starts with the cell: the message does not say it a second time
    const message = i.message[lang].replace(lang === "vi" ? ` (ô ${cell})` : ` (cell ${cell})`, "");
    io.stdout.write(`${cell} — ${SEVERITY[lang][i.severity]}: ${message}${justified}\n`);
  }
  const people = {
    preparer: { vi: "người lập biểu", en: "preparer" },
    approver: { vi: "người phê duyệt", en: "approver" },
    phone: { vi: "số điện thoại", en: "phone" },
  };
  for (const f of missingPeople) {
    io.stdout.write(
      `${SHEET_NAMES.unit}!${unitCellAddress(f)} — ${SEVERITY[lang].info}: ${lang === "vi" ? `chưa ghi ${people[f].vi} (rõ người).` : `the ${people[f].en} is not filled in.`}\n`,
    );
  }
  const c = counts;
  io.stdout.write(
    lang === "vi"
      ? `${c.errors} lỗi, ${c.warnings} cảnh báo (${c.unjustifiedWarnings} chưa có giải trình), ${c.infos} lưu ý.${c.errors > 0 ? " Còn lỗi: chưa gửi được." : c.unjustifiedWarnings > 0 ? " Cần ghi giải trình cho các cảnh báo trước khi gửi." : " Có thể gửi."}\n`
      : `${c.errors} errors, ${c.warnings} warnings (${c.unjustifiedWarnings} without a justification), ${c.infos} notes.${c.errors > 0 ? " Errors remain: it cannot be submitted." : c.unjustifiedWarnings > 0 ? " Justify the warnings before submitting." : " Ready to submit."}\n`,
  );
  return c.errors > 0 ? 1 : 0;
}
