/**
 * The task board for `chitieu consolidate` (issue #19): from the endpoint, its GET /tasks/board of the period; from
 * files, the register (the starter list, or the database's with --db) with the task progress the files carry
 * (`taskReports` of the period's consolidation, when the file reader provides it). The board becomes the NhiemVu
 * sheet of the consolidated workbook.
 */
import {
  buildTaskBoard,
  createUnitRegistry,
  defaultCatalog,
  defaultTaskRegister,
  defaultUnits,
  taskUnits,
  type Bilingual,
  type TaskBoard,
  type TaskReport,
} from "../domain";
import type { PeriodConsolidation } from "../domain/scorecard";
import type { EndpointClient } from "./client";
import { printBilingual, type CliIo } from "./io";

/** The endpoint's board, or null (said on stderr) when the endpoint has none (an older server) or refuses. */
export async function boardFromEndpoint(
  client: EndpointClient,
  period: string,
  basis: string,
  includeDemo: boolean,
  io: CliIo,
): Promise<TaskBoard | null> {
  const { answerOf, problemOf } = require("./client") as typeof import("./client");
  const { paths, queryString, TaskBoardResponse } = require("../api") as typeof import("../api");
  const res = await client.request(
    "GET",
    `${paths.taskBoard}${queryString({ period, basis, ...(includeDemo ? { demo: "true" } : {}) })}`,
  );
  if (res.status !== 200) {
    const problem = problemOf(res);
    const why: Bilingual = problem?.message ?? { vi: `HTTP ${res.status}`, en: `HTTP ${res.status}` };
    printBilingual(io.stderr, {
      vi: `Không có bảng nhiệm vụ từ máy chủ (${why.vi}); sổ tổng hợp không có trang NhiemVu.`,
      en: `No task board from the endpoint (${why.en}); the workbook has no NhiemVu sheet.`,
    });
    return null;
  }
  return answerOf(client, res, TaskBoardResponse) as unknown as TaskBoard;
}

/** The board of the files' period: the starter register with the progress the files carry. */
export function boardFromFiles(consolidation: PeriodConsolidation, includeDemo: boolean): TaskBoard {
  const reports = (consolidation as PeriodConsolidation & { taskReports?: TaskReport[] }).taskReports ?? [];
  return buildTaskBoard({
    register: defaultTaskRegister(),
    period: consolidation.period,
    units: createUnitRegistry([...defaultUnits(), ...taskUnits()]),
    catalog: defaultCatalog(),
    reports,
    includeDemo,
  });
}
