/**
 * The task board for `chitieu consolidate` and `chitieu brief` (issues #19, #21): from the endpoint, its GET
 * /tasks/board of the period; from files, the register (the starter list, or the planner's list given with --tasks)
 * with the task progress the files carry (each used file's TienDoNV rows, under the same duplicate and conflict rules
 * as its figures). The board becomes the NhiemVu sheet of the consolidated workbook and the brief's overdue tasks.
 */
import path from "node:path";
import {
  buildTaskBoard,
  createUnitRegistry,
  defaultCatalog,
  defaultTaskRegister,
  defaultUnits,
  parseTaskCsv,
  parseTaskRows,
  taskUnits,
  type Bilingual,
  type Period,
  type TaskBoard,
  type TaskRegister,
  type TaskReport,
} from "../domain";
import type { EndpointClient } from "./client";
import { printBilingual, type CliIo } from "./io";

/**
 * The endpoint's board, or null when the endpoint has none (an older server) or refuses: said on stderr, with
 * `without` (what the output lacks then).
 */
export async function boardFromEndpoint(
  client: EndpointClient,
  query: { period: string; basis: string; includeDemo: boolean },
  io: CliIo,
  without: Bilingual,
): Promise<TaskBoard | null> {
  const { answerOf, problemOf } = require("./client") as typeof import("./client");
  const { paths, queryString, TaskBoardResponse } = require("../api") as typeof import("../api");
  const { period, basis, includeDemo } = query;
  const res = await client.request(
    "GET",
    `${paths.taskBoard}${queryString({ period, basis, ...(includeDemo ? { demo: "true" } : {}) })}`,
  );
  if (res.status !== 200) {
    const problem = problemOf(res);
    const why: Bilingual = problem?.message ?? { vi: `HTTP ${res.status}`, en: `HTTP ${res.status}` };
    printBilingual(io.stderr, {
      vi: `Không có bảng nhiệm vụ từ máy chủ (${why.vi}); ${without.vi}`,
      en: `No task board from the endpoint (${why.en}); ${without.en}`,
    });
    return null;
  }
  return answerOf(client, res, TaskBoardResponse) as unknown as TaskBoard;
}

/** The units a register names: the default list and the city units the starter list adds (to be confirmed). */
function taskUnitRegistry() {
  return createUnitRegistry([...defaultUnits(), ...taskUnits()]);
}

/**
 * The register the files' progress is read against: the planner's list given with --tasks (a .csv or .xlsx in the
 * columns `chitieu tasks` reads and exports; refused whole, every bad row listed), else the starter list. Null
 * after printing the list's problems.
 */
export async function registerFromFlag(file: string | undefined, io: CliIo): Promise<TaskRegister | null> {
  if (!file) return defaultTaskRegister();
  // loaded when asked: the table reader (and the database modules beside it) stay out of a plain consolidation
  const { printTableIssues, readTableRows } = require("./table-io") as typeof import("./table-io");
  let read: Awaited<ReturnType<typeof readTableRows>>;
  try {
    read = await readTableRows(path.resolve(io.cwd, file));
  } catch {
    printBilingual(
      io.stderr,
      { vi: `Không đọc được danh mục nhiệm vụ ${file}.`, en: `Cannot read the task list ${file}.` },
      "✖ ",
    );
    return null;
  }
  const catalog = defaultCatalog();
  const units = taskUnitRegistry();
  // a row's own "from" column still holds; the rest of the list holds from the plan's first period
  const options = { from: "2026-01", list: "official" };
  const result =
    "csv" in read ? parseTaskCsv(read.csv, catalog, units, options) : parseTaskRows(read.rows, catalog, units, options);
  if (!result.ok) {
    printTableIssues(result.issues, "vi", { vi: "Danh mục nhiệm vụ (--tasks)", en: "task list (--tasks)" }, io);
    return null;
  }
  return { tasks: result.rows };
}

/** The board of a period from the files' task progress (every period read up to its end counts, as on the endpoint). */
export function boardFromFiles(
  register: TaskRegister,
  reports: readonly TaskReport[],
  period: Period,
  options: { includeDemo: boolean; unitCodes?: readonly string[] },
): TaskBoard {
  return buildTaskBoard({
    register,
    period,
    units: taskUnitRegistry(),
    catalog: defaultCatalog(),
    reports,
    includeDemo: options.includeDemo,
    ...(options.unitCodes ? { unitCodes: new Set(options.unitCodes) } : {}),
  });
}
