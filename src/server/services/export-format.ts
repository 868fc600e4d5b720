/**
 * The consolidation exports' formats, without the database or the HTTP layer: one unit's matrix row unpacked from
 * its stored revision, its CSV lines and DHIS2 values, and the city's CSV lines. The export thread (export-thread.ts)
 * loads this module and content.ts only, not consolidation.ts with its queries and services, so the thread's heap
 * holds a few modules instead of Kysely, pg, better-sqlite3 and the submission service. CSV: UTF-8 with BOM,
 * formula-looking text neutralised; DHIS2 dataValueSets.
 */
import type { Bilingual, Catalog, CityFigure, ParsedEntry, Period } from "../../domain/types";
import type { TaskBoard } from "../../domain/tasks";
import type { listBasisRevisions } from "../db/submissions";
import { canonicalContact, unpackContent, type ReportContact } from "./content";
import { canonicalNarrative, type Narrative } from "../../domain/report/narrative";

type BasisRow = Awaited<ReturnType<typeof listBasisRevisions>>[number];

/** An included unit of a consolidation: its stored (compressed) basis revision, not yet unpacked. */
export interface IncludedUnit {
  unitCode: string;
  unitName: Bilingual;
  row: BasisRow;
}

export interface MatrixRow {
  unitCode: string;
  unitName: Bilingual;
  submissionId: string;
  revision: number;
  status: "submitted" | "returned" | "accepted";
  /** the unit sheet's contact sent with this revision (the basis one: latest or accepted); null when none */
  contact: ReportContact | null;
  /** the narrative sent with this revision; null when none */
  narrative: Narrative | null;
  entries: ParsedEntry[];
}

/** One matrix row, unpacked from its revision's stored content. */
export function matrixRow(unit: IncludedUnit): MatrixRow {
  const stored = unpackContent(unit.row.content);
  return {
    unitCode: unit.unitCode,
    unitName: unit.unitName,
    submissionId: unit.row.id,
    revision: unit.row.revision,
    status: unit.row.status as MatrixRow["status"],
    contact: canonicalContact(stored.report.contact),
    narrative: canonicalNarrative(stored.report.narrative),
    entries: stored.parsed,
  };
}

/**
 * A text cell that a spreadsheet would run as a formula (= + - @, or a leading tab / carriage return) gets a leading
 * apostrophe, so "=HYPERLINK(…)" is shown as text, never executed. Numbers written by us are never touched.
 */
export function neutraliseCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvField(v: string | number | null | undefined, kind: "text" | "number"): string {
  if (v === null || v === undefined) return "";
  const s = kind === "number" ? String(v) : neutraliseCell(String(v));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const CSV_COLUMNS = [
  "row_kind",
  "unit_code",
  "unit_name",
  "target_id",
  "target_name",
  "unit_of_measure",
  "value",
  "numerator",
  "denominator",
  "milestone",
  "progress",
  "justification",
  "evidence",
  "responsible",
  "revision",
  "status",
  "units_included",
  "units_missing",
] as const;

export const CSV_HEADER = `\uFEFF${CSV_COLUMNS.join(",")}\r\n`;

type TargetsById = Map<string, Catalog["targets"][number]>;

export function targetsById(catalog: Catalog): TargetsById {
  return new Map(catalog.targets.map((t) => [t.id, t]));
}

/** A unit's CSV lines, one per target it reported, each ending in CRLF. */
export function csvUnitLines(m: MatrixRow, names: TargetsById): string {
  let out = "";
  for (const e of m.entries) {
    const t = names.get(e.targetId);
    out += `${[
      csvField("unit", "text"),
      csvField(m.unitCode, "text"),
      csvField(m.unitName.vi, "text"),
      csvField(e.targetId, "text"),
      csvField(t?.name.vi, "text"),
      csvField(t?.unitOfMeasure, "text"),
      csvField(e.value, "number"),
      csvField(e.numerator, "number"),
      csvField(e.denominator, "number"),
      csvField(e.milestone, "text"),
      "",
      csvField(e.justification, "text"),
      csvField(e.evidence, "text"),
      csvField(e.responsible, "text"),
      csvField(m.revision, "number"),
      csvField(m.status, "text"),
      "",
      "",
    ].join(",")}\r\n`;
  }
  return out;
}

/** The city's CSV lines, one per target, each ending in CRLF. */
export function csvCityLines(figures: CityFigure[], names: TargetsById): string {
  let out = "";
  for (const f of figures) {
    const t = names.get(f.targetId);
    out += `${[
      csvField("city", "text"),
      csvField("", "text"),
      csvField("Toàn thành phố", "text"),
      csvField(f.targetId, "text"),
      csvField(t?.name.vi, "text"),
      csvField(t?.unitOfMeasure, "text"),
      csvField(f.value, "number"),
      csvField(f.numeratorSum, "number"),
      csvField(f.denominatorSum, "number"),
      csvField(f.milestone, "text"),
      csvField(f.progress, "text"),
      "",
      "",
      "",
      "",
      "",
      csvField(f.unitsIncluded.length, "number"),
      csvField(f.unitsMissing.join(" "), "text"),
    ].join(",")}\r\n`;
  }
  return out;
}

/**
 * The task board's CSV lines (issue #19), one `task` row per task after the city rows, in the same columns:
 * unit_code/unit_name = the lead unit, target_id/target_name = the task's id and name, unit_of_measure "%",
 * value = progress in %, milestone = the milestone reached, progress = the state that counts (after the deadline
 * rule; "no_report" when nobody reported), justification, evidence = product delivered — evidence — reference,
 * responsible = the focal person, status = its flags (overdue, no_update, disagreement; space-separated),
 * units_missing = the owning units that sent no progress on it this period.
 */
export function csvTaskLines(board: TaskBoard | undefined): string {
  let out = "";
  for (const r of board?.rows ?? []) {
    const p = r.progress;
    const flags = [
      r.overdue ? "overdue" : "",
      r.updatedThisPeriod ? "" : "no_update",
      r.disagreement ? "disagreement" : "",
    ];
    const evidence = [p?.productDelivered, p?.evidence, p?.evidenceRef].filter((x): x is string => !!x).join(" — ");
    out += `${[
      csvField("task", "text"),
      csvField(r.task.leadUnitCode, "text"),
      csvField(r.leadUnitName?.vi ?? r.task.leadText, "text"),
      csvField(r.task.id, "text"),
      csvField(r.task.name.vi, "text"),
      csvField("%", "text"),
      csvField(p?.percent, "number"),
      "",
      "",
      csvField(p?.milestone, "text"),
      csvField(r.state ?? "no_report", "text"),
      csvField(p?.justification, "text"),
      csvField(evidence, "text"),
      csvField(r.task.focalPerson, "text"),
      "",
      csvField(flags.filter((f) => f !== "").join(" "), "text"),
      "",
      csvField(
        r.unitStates
          .filter((u) => u.state === null)
          .map((u) => u.unitCode)
          .join(" "),
        "text",
      ),
    ].join(",")}\r\n`;
  }
  return out;
}

/** One period's consolidation, its matrix unpacked (the JSON answer, and what the CSV and DHIS2 exports write). */
export interface Consolidation {
  period: string;
  group: string | null;
  basis: "latest" | "accepted";
  catalogVersion: string;
  unitsExpected: string[];
  unitsIncluded: string[];
  unitsMissing: string[];
  matrix: MatrixRow[];
  figures: CityFigure[];
  /** the period's key-task board on the same basis (the group's tasks when a group is asked) */
  tasks?: TaskBoard;
}

/**
 * One row per unit × target, then one "city" row per target, then one "task" row per key task; UTF-8 with a BOM so Excel shows Vietnamese. The whole
 * text in memory: the endpoint streams the same bytes (consolidation-stream.ts); this is kept as their reference.
 */
export function consolidationToCsv(c: Consolidation, catalog: Catalog): string {
  const names = targetsById(catalog);
  return (
    CSV_HEADER +
    c.matrix.map((m) => csvUnitLines(m, names)).join("") +
    csvCityLines(c.figures, names) +
    csvTaskLines(c.tasks)
  );
}

/** DHIS2 period ids: 202601 (month), 2026Q1 (quarter), 2026S1 (half), 2026 (year). */
export function dhis2Period(period: Period): string {
  switch (period.kind) {
    case "month":
      return `${period.year}${String(period.index).padStart(2, "0")}`;
    case "quarter":
      return `${period.year}Q${period.index}`;
    case "half":
      return `${period.year}S${period.index}`;
    default:
      return String(period.year);
  }
}

export interface Dhis2DataValue {
  dataElement: string;
  period: string;
  orgUnit: string;
  value: string;
  comment?: string;
}

/**
 * DHIS2 dataValueSets: one data value per unit × target (dataElement = target id, orgUnit = unit code); a ratio
 * target gives two, `<id>_NUM` and `<id>_DEN`, so DHIS2 can compute its own ratio of sums; a milestone gives its
 * state. Justifications travel as comments.
 */
export function consolidationToDhis2(c: Consolidation, period: Period): { dataValues: Dhis2DataValue[] } {
  const pe = dhis2Period(period);
  return { dataValues: c.matrix.flatMap((m) => dhis2Values(m, pe)) };
}

/** A unit's DHIS2 data values. */
export function dhis2Values(m: MatrixRow, pe: string): Dhis2DataValue[] {
  const dataValues: Dhis2DataValue[] = [];
  for (const e of m.entries) {
    const comment = e.justification ?? undefined;
    const push = (dataElement: string, value: number | string | null) => {
      if (value === null) return;
      dataValues.push({
        dataElement,
        period: pe,
        orgUnit: m.unitCode,
        value: String(value),
        ...(comment ? { comment } : {}),
      });
    };
    push(e.targetId, e.value);
    push(`${e.targetId}_NUM`, e.numerator);
    push(`${e.targetId}_DEN`, e.denominator);
    push(e.targetId, e.milestone);
  }
  return dataValues;
}
