/**
 * The task register as a planner's spreadsheet (CSV, or the first sheet of an .xlsx): one row per task, columns
 * found by name in any order. The starter list's own columns (key-tasks-from-sources.csv) are all accepted, so it
 * can be checked and imported as it is. A file with any bad row is refused whole, every bad row listed with its row,
 * column and a message in vi and en: an unknown unit, a date that is not a date, a duplicate id, a linked target
 * that does not exist, an unknown kind, bottleneck, status or period.
 *
 * Units are named by code, or by the exact name of an existing unit (case and tone placement aside); a name two
 * units share is refused. `lead_unit_vi` is the source's wording of who leads (an investor, a consortium): kept for
 * people, never matched.
 */
import type { Bottleneck, Catalog, Unit, UnitRegistry } from "../types";
import { catalogIndex } from "../catalog/catalog";
import { toCsv } from "../catalog/csv";
import { parsePeriod } from "../periods/periods";
import { toneKey } from "../text";
import {
  cellMessage,
  parseTable,
  parseTableCsv,
  type TableIssues,
  type TableResult,
  type TableSpec,
} from "../rules/table-file";
import { parseDeadline } from "./deadline";
import { TASK_KINDS, type Task, type TaskKind, type TaskMilestone, type TaskSourceStatus } from "./types";

export const TASK_COLUMNS = [
  "id",
  "list",
  "task_group_vi",
  "name_vi",
  "name_en",
  "kind",
  "lead_unit",
  "co_units",
  "lead_unit_vi",
  "focal_person",
  "product_vi",
  "deadline",
  "milestones",
  "linked_targets",
  "bottleneck",
  "status",
  "source",
  "from",
  "retired_from",
] as const;
const REQUIRED = ["id", "task_group_vi", "name_vi", "kind"] as const;
/** Written for people beside the codes; ignored on reading. */
const IGNORED = ["lead_unit_name", "co_unit_names"] as const;

const BOTTLENECKS: readonly Bottleneck[] = ["traffic", "urban_order", "flooding", "pollution", "food_safety"];
const STATUS_WORDS = new Map<string, TaskSourceStatus>([
  ["official", "official"],
  ["stated", "stated"],
  ["inferred", "inferred"],
  ["demo", "demo"],
  [toneKey("chính thức"), "official"],
  [toneKey("nguồn nêu"), "stated"],
  [toneKey("suy ra"), "inferred"],
]);

export interface TaskFileOptions {
  /** the period the rows take effect from; a row's own `from` counts only when it is later */
  from: string;
  /** the list a row belongs to when it has no `list` */
  list: string;
}

/** Units by the key of their exact name (case and tone placement aside); several units may share one. */
function nameIndex(units: UnitRegistry): Map<string, Unit[]> {
  const m = new Map<string, Unit[]>();
  for (const u of units.all()) {
    const k = toneKey(u.name.vi);
    m.set(k, [...(m.get(k) ?? []), u]);
  }
  return m;
}

const split = (s: string): string[] =>
  s
    .split(";")
    .map((x) => x.trim())
    .filter((x) => x !== "");

function unitRef(
  text: string,
  column: string,
  row: number,
  units: UnitRegistry,
  names: Map<string, Unit[]>,
  out: TableIssues,
): string | null {
  const byCode = units.byCode(text);
  if (byCode) return byCode.code;
  const found = names.get(toneKey(text)) ?? [];
  if (found.length === 1) return found[0]!.code;
  if (found.length > 1)
    out.add(
      row,
      column,
      "ambiguous_unit",
      cellMessage(
        row,
        column,
        `tên "${text}" trùng với nhiều đơn vị (${found.map((u) => u.code).join(", ")}). Hãy ghi mã đơn vị.`,
        `name "${text}" matches several units (${found.map((u) => u.code).join(", ")}). Write the unit's code.`,
      ),
    );
  else
    out.add(
      row,
      column,
      "unknown_unit",
      cellMessage(
        row,
        column,
        `"${text}" không phải mã hay tên đúng của một đơn vị trong danh sách. Hãy ghi mã (ví dụ S-XD, 00004) hoặc tên đúng như trong danh sách đơn vị; đơn vị mới thì thêm vào danh sách trước.`,
        `"${text}" is not the code or exact name of a unit in the list. Write its code (e.g. S-XD, 00004) or its exact name as in the unit list; add a new unit to the list first.`,
      ),
    );
  return null;
}

function deadlineCell(text: string, column: string, row: number, out: TableIssues): string | null {
  if (text === "") return null;
  const d = parseDeadline(text);
  if (d) return d.text;
  out.add(
    row,
    column,
    "bad_date",
    cellMessage(
      row,
      column,
      `"${text}" không phải ngày. Hãy ghi năm (2030), tháng (2026-06 hoặc 6/2026) hoặc ngày (2026-06-30 hoặc 30/6/2026).`,
      `"${text}" is not a date. Write a year (2030), a month (2026-06 or 6/2026) or a day (2026-06-30 or 30/6/2026).`,
    ),
  );
  return null;
}

/** "Khởi công@2026-06; Thông xe@2027-12" → milestones, each due date checked. */
function milestonesCell(text: string, row: number, out: TableIssues): TaskMilestone[] {
  const list: TaskMilestone[] = [];
  for (const part of split(text)) {
    const at = part.lastIndexOf("@");
    const label = at === -1 ? "" : part.slice(0, at).trim();
    const due = at === -1 ? "" : part.slice(at + 1).trim();
    if (label === "" || due === "") {
      out.add(
        row,
        "milestones",
        "bad_milestone",
        cellMessage(
          row,
          "milestones",
          `"${part}" phải có dạng "mốc@hạn", ví dụ "Khởi công@2026-06; Thông xe@2027-12".`,
          `"${part}" must read "milestone@due", e.g. "Groundbreaking@2026-06; Opening@2027-12".`,
        ),
      );
      continue;
    }
    const d = deadlineCell(due, "milestones", row, out);
    if (d) list.push({ label, due: d });
  }
  return list;
}

function periodCell(text: string, column: string, row: number, out: TableIssues): boolean {
  if (parsePeriod(text)) return true;
  out.add(
    row,
    column,
    "bad_period",
    cellMessage(
      row,
      column,
      `"${text}" không phải kỳ báo cáo. Hãy ghi 2026-01, 2026-Q1, 2026-H1 hoặc 2026.`,
      `"${text}" is not a period. Write 2026-01, 2026-Q1, 2026-H1 or 2026.`,
    ),
  );
  return false;
}

function enumCell<T extends string>(
  text: string,
  column: string,
  allowed: readonly T[],
  row: number,
  out: TableIssues,
): T | null {
  if ((allowed as readonly string[]).includes(text.toLowerCase())) return text.toLowerCase() as T;
  out.add(
    row,
    column,
    `bad_${column}`,
    cellMessage(
      row,
      column,
      `"${text}" không hợp lệ. Hãy ghi một trong: ${allowed.join(", ")}.`,
      `"${text}" is not valid. Write one of: ${allowed.join(", ")}.`,
    ),
  );
  return null;
}

function spec(catalog: Catalog, units: UnitRegistry, options: TaskFileOptions): TableSpec<Task> {
  const seen = new Map<string, number>();
  const names = nameIndex(units);
  const targets = catalogIndex(catalog).byId;
  return {
    required: REQUIRED,
    optional: TASK_COLUMNS.filter((c) => !(REQUIRED as readonly string[]).includes(c)),
    ignored: IGNORED,
    row(cell, row, out) {
      const before = out.issues.length;
      const id = cell("id");
      // a row may defer its change to a later period, never backdate it before the import's period
      const rowFrom = parsePeriod(cell("from"));
      const from = rowFrom && rowFrom.start > (parsePeriod(options.from)?.start ?? "") ? rowFrom.id : options.from;
      const list = cell("list") || options.list;
      const key = `${id}\u0000${from}`;
      if (id === "")
        out.add(row, "id", "missing_id", cellMessage(row, "id", "thiếu mã nhiệm vụ.", "the task id is missing."));
      else if (seen.has(key))
        out.add(
          row,
          "id",
          "duplicate_id",
          cellMessage(
            row,
            "id",
            `mã "${id}" đã có ở dòng ${seen.get(key)}. Mỗi nhiệm vụ một dòng, mã không trùng.`,
            `id "${id}" is already on row ${seen.get(key)}. One row per task, each id once.`,
          ),
        );
      else seen.set(key, row);
      for (const c of ["task_group_vi", "name_vi"] as const)
        if (cell(c) === "")
          out.add(
            row,
            c,
            "missing_value",
            cellMessage(row, c, "ô này không được để trống.", "this cell must not be empty."),
          );
      const kind = enumCell<TaskKind>(cell("kind"), "kind", TASK_KINDS, row, out);
      const lead = cell("lead_unit");
      const leadUnitCode = lead === "" ? null : unitRef(lead, "lead_unit", row, units, names, out);
      const coUnitCodes = split(cell("co_units"))
        .map((t) => unitRef(t, "co_units", row, units, names, out))
        .filter((c): c is string => c !== null && c !== leadUnitCode);
      const deadline = deadlineCell(cell("deadline"), "deadline", row, out);
      const milestones = milestonesCell(cell("milestones"), row, out);
      const linkedTargets = cell("linked_targets")
        .split(/[;,]/)
        .map((x) => x.trim().toUpperCase())
        .filter((x) => x !== "");
      for (const t of linkedTargets)
        if (!targets.has(t))
          out.add(
            row,
            "linked_targets",
            "unknown_target",
            cellMessage(
              row,
              "linked_targets",
              `chỉ tiêu "${t}" không có trong danh mục. Hãy dùng mã như U10, S02 (cách nhau bằng dấu ;).`,
              `target "${t}" is not in the catalog. Use ids such as U10 or S02 (separated by ;).`,
            ),
          );
      const bText = cell("bottleneck");
      const bottleneck = bText === "" ? null : enumCell<Bottleneck>(bText, "bottleneck", BOTTLENECKS, row, out);
      const sText = cell("status");
      const status = sText === "" ? "official" : (STATUS_WORDS.get(toneKey(sText)) ?? null);
      if (!status)
        out.add(
          row,
          "status",
          "bad_status",
          cellMessage(
            row,
            "status",
            `"${sText}" không hợp lệ. Hãy ghi official (chính thức), stated (nguồn nêu) hoặc inferred (suy ra).`,
            `"${sText}" is not valid. Write official, stated or inferred.`,
          ),
        );
      if (cell("from") !== "") periodCell(cell("from"), "from", row, out);
      const retired = cell("retired_from");
      if (retired !== "") periodCell(retired, "retired_from", row, out);
      if (out.issues.length > before || !kind || !status) return null;
      const opt = (c: (typeof TASK_COLUMNS)[number]): string | null => (cell(c) === "" ? null : cell(c));
      return {
        id,
        list,
        group: cell("task_group_vi"),
        name: { vi: cell("name_vi"), en: cell("name_en") || cell("name_vi") },
        kind,
        leadUnitCode,
        coUnitCodes: [...new Set(coUnitCodes)],
        leadText: opt("lead_unit_vi"),
        focalPerson: opt("focal_person"),
        product: opt("product_vi"),
        deadline,
        milestones,
        linkedTargets: [...new Set(linkedTargets)],
        bottleneck,
        source: cell("source"),
        status,
        effectiveFrom: from,
        retiredFrom: retired === "" ? null : retired,
      };
    },
  };
}

export function parseTaskRows(
  rows: readonly (readonly unknown[])[],
  catalog: Catalog,
  units: UnitRegistry,
  options: TaskFileOptions,
): TableResult<Task> {
  return parseTable(rows, spec(catalog, units, options));
}

export function parseTaskCsv(
  text: string,
  catalog: Catalog,
  units: UnitRegistry,
  options: TaskFileOptions,
): TableResult<Task> {
  return parseTableCsv(text, spec(catalog, units, options));
}

/** Tasks → rows in the file's columns, with the units' names beside their codes (for people; ignored on reading). */
export function tasksToRows(tasks: readonly Task[], units: UnitRegistry): string[][] {
  const name = (c: string): string => units.byCode(c)?.name.vi ?? "";
  return [
    [...TASK_COLUMNS, ...IGNORED],
    ...tasks.map((t) => [
      t.id,
      t.list,
      t.group,
      t.name.vi,
      t.name.en,
      t.kind,
      t.leadUnitCode ?? "",
      t.coUnitCodes.join("; "),
      t.leadText ?? "",
      t.focalPerson ?? "",
      t.product ?? "",
      t.deadline ?? "",
      t.milestones.map((m) => `${m.label}@${m.due}`).join("; "),
      t.linkedTargets.join(";"),
      t.bottleneck ?? "",
      t.status,
      t.source,
      t.effectiveFrom,
      t.retiredFrom ?? "",
      t.leadUnitCode ? name(t.leadUnitCode) : "",
      t.coUnitCodes.map(name).join("; "),
    ]),
  ];
}

export function tasksToCsv(tasks: readonly Task[], units: UnitRegistry): string {
  return toCsv(tasksToRows(tasks, units));
}
