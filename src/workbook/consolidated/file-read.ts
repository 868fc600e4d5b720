/** From the template reader to consolidation input: a read workbook, or why it was refused. */
import { cellProblemsError } from "../cell-problems";
import { isAppError } from "../../domain/errors";
import type { FileRead, FileReadFailed } from "../../domain/scorecard";
import type { WorkbookRead } from "../xlsx/read-workbook";

/** A workbook the template reader read, as consolidation takes it. */
export function fileReadFrom(source: string, savedAt: string | null, read: WorkbookRead): FileRead {
  // a date, boolean, error value or uncalculated formula in an input cell: the file is refused naming those cells
  if (read.problems.length > 0) return fileReadFailure(source, cellProblemsError(read.problems));
  return {
    ok: true,
    source,
    savedAt,
    identity: read.identity,
    contact: read.unitSheet,
    narrative: read.narrative,
    report: {
      unitCode: read.identity.unitCode,
      period: read.identity.period,
      catalogVersion: read.identity.catalogVersion,
      locale: read.locale,
      entries: read.entries,
    },
    cellOf: read.cellOf,
    // the TienDoNV sheet's progress: the same file, so the same duplicate and conflict rules as the figures
    tasks: read.taskProgress,
    taskCellOf: read.taskCellOf,
  };
}

/** Why the reader refused a file (its AppError: code, bilingual message, the cell or sheet it names). */
export function fileReadFailure(source: string, e: unknown): FileReadFailed {
  if (isAppError(e)) {
    const d = e.details as { cell?: unknown; cells?: unknown; sheet?: unknown };
    const cell =
      typeof d.cell === "string"
        ? d.cell
        : Array.isArray(d.cells)
          ? d.cells.join(", ")
          : typeof d.sheet === "string"
            ? d.sheet
            : undefined;
    return { ok: false, source, code: e.code, message: e.messages, ...(cell ? { cell } : {}) };
  }
  const text = e instanceof Error ? e.message : String(e);
  return {
    ok: false,
    source,
    code: "CT_XLSX_UNREADABLE",
    message: {
      vi: `Không đọc được tệp (${text}). Hãy mở tệp bằng Excel, lưu lại dạng .xlsx rồi thử lại.`,
      en: `The file cannot be read (${text}). Open it in Excel, save it as .xlsx and try again.`,
    },
  };
}
