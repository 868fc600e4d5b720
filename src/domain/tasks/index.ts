export * from "./types";
export { parseDeadline, deadlineLastDay, formatDeadline, type Deadline, type DeadlinePrecision } from "./deadline";
export { TASK_STATE_LABELS, TASK_KIND_LABELS, TASK_SOURCE_STATUS_LABELS, parseTaskState } from "./labels";
export { taskVersionAt, tasksAt, tasksForUnit, registerUnitCodes } from "./register";
export {
  TASK_TEXT_LIMIT,
  isPastDeadline,
  effectiveTaskState,
  blankTaskProgress,
  checkTaskProgress,
  checkUnitTasks,
  type UnitTasksCheck,
} from "./progress";
export { defaultTaskRegister } from "./register";
export { TASK_UNIT_ROWS, taskUnits } from "./units";
export { TASK_COLUMNS, parseTaskRows, parseTaskCsv, tasksToRows, tasksToCsv, type TaskFileOptions } from "./file";
export {
  SOURCES_LIST,
  SOURCES_FROM,
  matchLeadText,
  leadPartName,
  registerFromSources,
  describeMatches,
  type LeadMatch,
} from "./sources";
export { buildTaskBoard, emptyBoardCounts, BOARD_STATE_ORDER, type BoardRequest } from "./board";
export type * from "./board-types";
export { BOARD_COLUMNS, boardRowCells, boardStateLabel, boardTable } from "./board-table";
export { DEMO_TASKS } from "./demo";
export { briefTasks, type BriefTasks } from "./brief";
