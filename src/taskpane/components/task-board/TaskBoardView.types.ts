import type { Connection, PeriodInfo } from "../../api/types";
import type { TaskBoardClient, TaskBoardResponse } from "../../api/task-board";
import type { I18n } from "../../i18n/types";
import type { TaskGrouping } from "./task-board-logic";

export interface TaskBoardViewProps {
  connection: Connection;
  /** the endpoint's reportable periods (due first) */
  periods: PeriodInfo[];
  /** a demo planner token: the classroom's tasks */
  demo: boolean;
  /** default: createTaskBoardClient() over window.fetch */
  client?: TaskBoardClient;
}

export interface TaskBoardViewState {
  i18n: I18n;
  props: TaskBoardViewProps;
  period: string;
  grouping: TaskGrouping;
  data: TaskBoardResponse | null;
  loading: boolean;
  error: unknown;
  setPeriod: (v: string) => void;
  setGrouping: (v: TaskGrouping) => void;
  reload: () => void;
}
