export { TaskBoardView } from "./TaskBoardView";
export type { TaskBoardViewProps } from "./TaskBoardView.types";
export { groupedRows, watchLists, TASK_GROUPINGS, type TaskGrouping } from "./task-board-logic";
