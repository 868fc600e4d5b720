import * as React from "react";
import { createTaskBoardClient, type TaskBoardResponse } from "../../api/task-board";
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
  const [data, setData] = React.useState<TaskBoardResponse | null>(null);
  const [loading, setLoading] = React.useState(false);
  const [error, setError] = React.useState<unknown>(null);
  const [nonce, setNonce] = React.useState(0);
  const { connection, demo } = props;
  React.useEffect(() => {
    if (!period) return;
    let live = true;
    setLoading(true);
    setError(null);
    client.taskBoard(connection, { period, demo }).then(
      (b) => {
        if (!live) return;
        setData(b);
        setLoading(false);
      },
      (e: unknown) => {
        if (!live) return;
        setData(null);
        setError(e);
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [client, connection, demo, period, nonce]);
  const reload = React.useCallback(() => setNonce((n) => n + 1), []);
  return { i18n, props, period, grouping, data, loading, error, setPeriod, setGrouping, reload };
}
