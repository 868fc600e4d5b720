/**
 * What the reader found in an input cell instead of a figure or a text — a date, a time, a boolean, an error value, a
 * formula never calculated, a forbidden character — as messages naming the cell and what it holds, and as the one
 * AppError a program refusing the file throws (submit, consolidation of files).
 */
import { NARRATIVE_LABELS, NARRATIVE_MAX, NARRATIVE_PARTS, TEXT_LIMITS } from "../domain";
import { AppError } from "../domain/errors";
import type { Bilingual, ValidationIssue, ValidationResult } from "../domain/types";
import type { CellKind, CellProblem } from "./locate";

const FIELD: Record<CellProblem["field"], Bilingual> = {
  value: { vi: "giá trị", en: "value" },
  numerator: { vi: "tử số", en: "numerator" },
  denominator: { vi: "mẫu số", en: "denominator" },
  milestone: { vi: "tiến độ mốc", en: "milestone" },
  justification: { vi: "giải trình", en: "justification" },
  evidence: { vi: "nguồn số liệu", en: "data source" },
  responsible: { vi: "người chịu trách nhiệm", en: "responsible person" },
  preparer: { vi: "Người lập biểu", en: "Preparer" },
  approver: { vi: "Người phê duyệt", en: "Approver" },
  phone: { vi: "Số điện thoại", en: "Phone" },
  ...NARRATIVE_LABELS,
};

/** The most characters a cell's field may hold: the narrative's parts have their own limit, contacts theirs. */
function limitOf(field: CellProblem["field"]): number {
  return (NARRATIVE_PARTS as readonly string[]).includes(field) ? NARRATIVE_MAX : TEXT_LIMITS.contact;
}

/** A spreadsheet day serial as the date it shows (1900 system: day 0 is 1899-12-30), "15/03/2026". */
function serialDate(found: string): string {
  const n = Number(found);
  if (!Number.isFinite(n)) return found;
  const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(n) * 86_400_000);
  return `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;
}

/** A fraction of a day as the time it shows, "08:30". */
function serialTime(found: string): string {
  const n = Number(found);
  if (!Number.isFinite(n)) return found;
  const minutes = Math.round((n - Math.floor(n)) * 1440) % 1440;
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

function what(kind: CellKind, found: string, limit: number): { found: Bilingual; fix: Bilingual } {
  switch (kind) {
    case "date":
      return {
        found: { vi: `ngày ${serialDate(found)}`, en: `the date ${serialDate(found)}` },
        fix: {
          vi: "Định dạng ô là Số (Number) rồi gõ lại con số.",
          en: "Format the cell as Number and type the figure again.",
        },
      };
    case "time":
      return {
        found: { vi: `giờ ${serialTime(found)}`, en: `the time ${serialTime(found)}` },
        fix: {
          vi: "Định dạng ô là Số (Number) rồi gõ lại con số.",
          en: "Format the cell as Number and type the figure again.",
        },
      };
    case "boolean":
      return {
        found: {
          vi: `giá trị đúng/sai (${found === "true" ? "TRUE" : "FALSE"})`,
          en: `a boolean (${found === "true" ? "TRUE" : "FALSE"})`,
        },
        fix: { vi: "Gõ con số hoặc nội dung thay cho nó.", en: "Type the figure or text instead." },
      };
    case "error":
      return {
        found: { vi: `giá trị lỗi ${found}`, en: `the error value ${found}` },
        fix: {
          vi: "Sửa công thức cho hết lỗi, hoặc gõ con số.",
          en: "Fix the formula so it gives no error, or type the figure.",
        },
      };
    case "uncalculated":
      return {
        found: { vi: "một công thức chưa được tính", en: "a formula that was never calculated" },
        fix: {
          vi: "Mở tệp trong Excel hoặc LibreOffice và lưu lại để công thức được tính, rồi gửi lại.",
          en: "Open and save the file in Excel or LibreOffice so it is calculated, then send it again.",
        },
      };
    case "tooLong":
      return {
        found: {
          vi: `${found} ký tự, quá ${limit} ký tự cho phép`,
          en: `${found} characters, more than the ${limit} allowed`,
        },
        fix: { vi: "Hãy rút gọn.", en: "Shorten it." },
      };
    case "badText":
      return {
        found: {
          vi: "một ký tự không hợp lệ (ký tự điều khiển, ký tự hỏng hoặc nửa ký tự)",
          en: "a character that is not allowed (a control character, a broken character or half of one)",
        },
        fix: { vi: "Gõ lại nội dung của ô.", en: "Type the cell's text again." },
      };
  }
}

/**
 * "S02, giá trị: ô Nhap!G10 chứa ngày 15/03/2026, không phải con số. Định dạng ô là Số…". Without the cell
 * (`withCell: false`) where the line already starts with it, as `chitieu validate` prints.
 */
export function cellProblemMessage(p: CellProblem, withCell = true): Bilingual {
  const w = what(p.kind, p.found, limitOf(p.field));
  const numeric = p.field === "value" || p.field === "numerator" || p.field === "denominator";
  const notFigure = numeric && p.kind !== "uncalculated";
  return {
    vi: `${p.targetId ? `${p.targetId}, ${FIELD[p.field].vi}` : FIELD[p.field].vi}: ${withCell ? `ô ${p.cell} ` : ""}chứa ${w.found.vi}${notFigure ? ", không phải con số" : ""}. ${w.fix.vi}`,
    en: `${p.targetId ? `${p.targetId}, ${FIELD[p.field].en}` : FIELD[p.field].en}: ${withCell ? `cell ${p.cell} ` : ""}holds ${w.found.en}${notFigure ? ", not a figure" : ""}. ${w.fix.en}`,
  };
}

/** The refusal of a file with such cells: every cell named (the first five, then how many more). */
export function cellProblemsError(problems: readonly CellProblem[]): AppError {
  const shown = problems.slice(0, 5).map((p) => cellProblemMessage(p));
  const more = problems.length - shown.length;
  return new AppError(
    "CT_XLSX_CELL_TYPE",
    422,
    {
      vi: shown.map((m) => m.vi).join(" ") + (more > 0 ? ` (và ${more} ô khác)` : ""),
      en: shown.map((m) => m.en).join(" ") + (more > 0 ? ` (and ${more} more cells)` : ""),
    },
    { cell: problems[0]?.cell ?? "", cells: problems.map((p) => p.cell) },
  );
}

/**
 * Each problem as an error issue of the report, path and cell included, so the pane lists and marks it: in a figure's
 * cell "not_a_number", elsewhere "invalid_text"; `ruleId` says what was found (`cell.date`, `cell.boolean`…).
 */
export function cellProblemIssues(
  problems: readonly CellProblem[],
  unitCode: string,
  period: string,
): ValidationIssue[] {
  return problems.map((p) => ({
    code: p.field === "value" || p.field === "numerator" || p.field === "denominator" ? "not_a_number" : "invalid_text",
    ruleId: `cell.${p.kind}`,
    targetId: p.targetId,
    unitCode,
    period,
    path: p.targetId
      ? ["entries", p.targetId, p.field]
      : (NARRATIVE_PARTS as readonly string[]).includes(p.field)
        ? ["narrative", p.field]
        : ["unitSheet", p.field],
    cell: p.cell,
    severity: "error",
    params: { field: p.field, kind: p.kind, found: p.found },
    message: cellProblemMessage(p),
  }));
}

/**
 * The rules' result with the cell problems added as errors (the report cannot be submitted). The rules saw those
 * cells blank, so what they said about them (e.g. "required") is left out rather than said twice.
 */
export function withCellProblems(
  result: ValidationResult,
  problems: readonly CellProblem[],
  report: { unitCode: string; period: string },
): ValidationResult {
  if (problems.length === 0) return result;
  const issues = cellProblemIssues(problems, report.unitCode, report.period);
  const at = new Set(problems.map((p) => `${p.targetId ?? ""}\u0000${p.field}`));
  const rest = result.issues.filter((i) => {
    const field = i.path[2];
    return !(i.targetId && typeof field === "string" && at.has(`${i.targetId}\u0000${field}`));
  });
  const all = [...issues, ...rest];
  const count = (s: ValidationIssue["severity"]): number => all.filter((i) => i.severity === s).length;
  return {
    ...result,
    ok: false,
    issues: all,
    counts: {
      errors: count("error"),
      warnings: count("warning"),
      unjustifiedWarnings: all.filter((i) => i.severity === "warning" && !i.justified).length,
      infos: count("info"),
    },
  };
}
