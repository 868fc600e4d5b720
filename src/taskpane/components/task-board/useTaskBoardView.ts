import * as React from "react";
import { createTaskBoardClient } from "../../api/task-board";
import { useKeyedFetch } from "../../hooks/useKeyedFetch";
import { useI18n } from "../../i18n";
import type { TaskBoardViewProps, TaskBoardViewState } from "./TaskBoardView.types";
import type { TaskGrouping } from "./task-board-logic";

/** The task board of the chosen period (GET /tasks/board), fetched again when the period changes or on reload. */
export function useTaskBoardView(props: TaskBoardViewProps): TaskBoardViewState {
  const i18n = useI18n();
  const client = React.useMemo(() => props.client ?? createTaskBoardClient(), [props.client]);
  const [period, setPeriod] = React.useState(
    () => props.periods.find((p) => p.phase === "due" || p.phase === "late")?.id ?? props.periods[0]?.id ?? "",
  );
  const [grouping, setGrouping] = React.useState<TaskGrouping>("group");
  const { connection, demo } = props;
  const load = React.useCallback(
    (p: string) => client.taskBoard(connection, { period: p, demo }),
    [client, connection, demo],
  );
  const { data, loading, error, reload } = useKeyedFetch(period, load, { clearOnError: true });
  return { i18n, props, period, grouping, data, loading, error, setPeriod, setGrouping, reload };
}
