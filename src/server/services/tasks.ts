/**
 * The key-task register and board on the endpoint (issue #19): importing a planner's list (all or nothing, from a
 * period on), editing one task as a new version, and the board of a period from the units' submissions.
 */
import type { Kysely } from "kysely";
import {
  buildTaskBoard,
  listPeriods,
  parseTaskCsv,
  parseTaskRows,
  parseTaskState,
  tasksAt,
  taskVersionAt,
  tasksToRows,
  type Period,
  type Task,
  type TaskBoard,
  type TaskProgress,
  type TaskRegister,
  type TaskReport,
} from "../../domain";
import type { TableResult } from "../../domain/rules/table-file";
import type { Database } from "../db/schema";
import type { ReferenceData } from "./reference";
import { addTaskVersions, loadTaskRegister } from "../db/tasks";
import { auditRow } from "../db/audit";
import { unpackContent } from "./content";

export interface ImportRequest {
  csv?: string;
  rows?: string[][];
  from: string;
  list?: string;
  retireMissing?: boolean;
}

export interface ImportPlan {
  result: TableResult<Task>;
  /** versions to store: the rows, then the retirements */
  versions: Task[];
  retired: string[];
  total: number;
}

/** Check a planner's list against the current catalog and units; with `retireMissing`, retire what it lacks. */
export function planImport(
  req: ImportRequest,
  register: TaskRegister,
  reference: ReferenceData,
  period: Period,
): ImportPlan {
  const options = { from: period.id, list: req.list ?? "official" };
  const catalog = reference.currentCatalog;
  const result =
    req.csv !== undefined
      ? parseTaskCsv(req.csv, catalog, reference.registry, options)
      : parseTaskRows(req.rows ?? [], catalog, reference.registry, options);
  if (!result.ok) return { result, versions: [], retired: [], total: 0 };
  const inFile = new Set(result.rows.map((t) => t.id));
  // the trainers' demo tasks stay: replacing the city's list never takes the classroom's away
  const retiring = req.retireMissing
    ? tasksAt(register, period).filter((t) => !inFile.has(t.id) && t.status !== "demo")
    : [];
  const versions = [
    ...result.rows,
    ...retiring.map((t) => ({ ...t, effectiveFrom: period.id, retiredFrom: period.id })),
  ];
  const after = tasksAt({ tasks: [...register.tasks, ...versions] }, period);
  return { result, versions, retired: retiring.map((t) => t.id), total: after.length };
}

export async function storeVersions(
  db: Kysely<Database>,
  versions: readonly Task[],
  tokenId: string | null,
  now: string,
) {
  await addTaskVersions(db, versions, tokenId, now);
}

/** A task with changes applied, from a period on, checked by the same rules as a file (one row). */
export function editedTask(
  base: Task,
  changes: Partial<Task>,
  from: string,
  reference: ReferenceData,
): TableResult<Task> {
  const next: Task = { ...base, ...changes, effectiveFrom: from };
  const rows = tasksToRows([next], reference.registry);
  return parseTaskRows(rows, reference.currentCatalog, reference.registry, { from, list: base.list });
}

export type EditOutcome =
  | { kind: "stored"; task: Task }
  | { kind: "not_found" }
  | { kind: "invalid"; issues: Extract<TableResult<Task>, { ok: false }>["issues"] };

/**
 * Edit one task (or assign its units) from a period on, as PUT /tasks/:id and `chitieu tasks edit|assign` do: the
 * version in force then with the changes, checked by the file's rules, stored as a new version with its audit event
 * in one write (`write`: the endpoint's writer, or the CLI's transaction). Earlier periods keep the version before.
 */
export async function editTaskFrom(
  db: Kysely<Database>,
  write: (work: (trx: Kysely<Database>) => Promise<void>) => Promise<unknown>,
  reference: ReferenceData,
  edit: { taskId: string; period: Period; changes: Partial<Task>; tokenId: string | null; now: string },
): Promise<EditOutcome> {
  const { taskId, period, changes, tokenId, now } = edit;
  const base = taskVersionAt(await loadTaskRegister(db), taskId, period);
  if (!base) return { kind: "not_found" };
  const result = editedTask(base, changes, period.id, reference);
  if (!result.ok) return { kind: "invalid", issues: result.issues };
  const task = result.rows[0]!;
  await write(async (trx) => {
    await storeVersions(trx, [task], tokenId, now);
    await trx
      .insertInto("audit_event")
      .values(auditRow("task.edited", now, tokenId, { period: period.id }, { taskId, changes: Object.keys(changes) }))
      .execute();
  });
  return { kind: "stored", task };
}

/** A submission's `tasks` as progress rows (states as codes or labels; anything unreadable left blank). */
export function progressOf(raw: unknown): TaskProgress[] {
  if (!Array.isArray(raw)) return [];
  const str = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v : null);
  const out: TaskProgress[] = [];
  for (const r of raw as Record<string, unknown>[]) {
    if (!r || typeof r.taskId !== "string") continue;
    const pct =
      typeof r.percent === "number" ? r.percent : Number.parseFloat(String(r.percent ?? "").replace(",", "."));
    out.push({
      taskId: r.taskId,
      state: typeof r.state === "string" ? parseTaskState(r.state) : null,
      percent: Number.isFinite(pct) ? pct : null,
      milestone: str(r.milestone),
      productDelivered: str(r.productDelivered),
      evidence: str(r.evidence),
      evidenceRef: str(r.evidenceRef),
      obstacles: str(r.obstacles),
      proposals: str(r.proposals),
      completedOn: str(r.completedOn),
      justification: str(r.justification),
    });
  }
  return out;
}

/** Every period id of the years up to the period's, ending by its end (the board reads the last known state). */
function periodsUpTo(period: Period, fromYear: number): string[] {
  const ids: string[] = [];
  for (let y = Math.min(fromYear, period.year); y <= period.year; y++)
    for (const p of listPeriods(y)) if (p.end <= period.end) ids.push(p.id);
  return ids;
}

/**
 * The units' task reports up to the period's end: each unit × period's latest (or accepted) revision. With `units`,
 * only those units' revisions are read and unpacked (the board counts an owning unit's report only), so a
 * consolidation of 126 wards that own no task unpacks nothing for its board.
 */
export async function taskReports(
  db: Kysely<Database>,
  period: Period,
  basis: "latest" | "accepted",
  fromYear: number,
  units?: ReadonlySet<string>,
): Promise<TaskReport[]> {
  if (units && units.size === 0) return [];
  const join = basis === "latest" ? "report_state.latest_submission_id" : "report_state.accepted_submission_id";
  let query = db
    .selectFrom("report_state")
    .innerJoin("submission", "submission.id", join)
    .select(["submission.unit_code", "submission.period", "submission.content", "submission.received_at"])
    .where("report_state.period", "in", periodsUpTo(period, fromYear));
  if (units) query = query.where("report_state.unit_code", "in", [...units]);
  const rows = await query.execute();
  const out: TaskReport[] = [];
  for (const r of rows) {
    const report = unpackContent(r.content).report as unknown as { tasks?: unknown };
    const tasks = progressOf(report.tasks);
    if (tasks.length > 0) out.push({ unitCode: r.unit_code, period: r.period, receivedAt: r.received_at, tasks });
  }
  return out;
}

function ownersOf(register: TaskRegister, period: Period): Set<string> {
  const owners = new Set<string>();
  for (const t of tasksAt(register, period)) {
    if (t.leadUnitCode) owners.add(t.leadUnitCode);
    for (const c of t.coUnitCodes) owners.add(c);
  }
  return owners;
}

/** The units that lead or co-own a task followed in the period (demo tasks included): each has a report to send. */
export async function taskOwnersAt(db: Kysely<Database>, period: Period): Promise<Set<string>> {
  return ownersOf(await loadTaskRegister(db), period);
}

export async function boardFor(
  db: Kysely<Database>,
  reference: ReferenceData,
  period: Period,
  options: {
    basis: "latest" | "accepted";
    includeDemo: boolean;
    onlyDemo?: boolean;
    fromYear: number;
    unitCodes?: ReadonlySet<string>;
  },
): Promise<TaskBoard> {
  const register = await loadTaskRegister(db);
  const reports = await taskReports(db, period, options.basis, options.fromYear, ownersOf(register, period));
  return buildTaskBoard({
    register,
    period,
    units: reference.registry,
    catalog: reference.currentCatalog,
    reports,
    includeDemo: options.includeDemo,
    ...(options.unitCodes ? { unitCodes: options.unitCodes } : {}),
    onlyDemo: options.onlyDemo === true,
  });
}
