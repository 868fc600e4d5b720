import * as React from "react";
import { createBoardClient, type BoardResponse, type BoardState, type BoardUnit } from "../../api/board";
import { describeError } from "../../api/describe";
import { useI18n, type I18n, type MessageKey } from "../../i18n";
import { acceptable, chaseRows, filterUnits, sortUnits, toChase, toCsv, toTsv } from "./board-logic";
import type { BoardMessage, BoardProps } from "./Board.types";
import { useTourCondition } from "../../tour-signal";
import { useKeyedFetch } from "../../hooks/useKeyedFetch";
import "../../i18n/sections/board";

export interface BoardViewState {
  i18n: I18n;
  props: BoardProps;
  period: string;
  group: string;
  stateFilter: BoardState | "";
  data: BoardResponse | null;
  loading: boolean;
  error: unknown;
  /** the units shown: filtered and in board order */
  units: BoardUnit[];
  groups: string[];
  selected: ReadonlySet<string>;
  /** the unit whose report is open, or null for the list */
  open: BoardUnit | null;
  message: BoardMessage | null;
  confirmMany: boolean;
  busy: boolean;
  unitName: (u: BoardUnit) => string;
  stateLabel: (s: BoardState) => string;
  setPeriod: (v: string) => void;
  setGroup: (v: string) => void;
  setStateFilter: (v: BoardState | "") => void;
  reload: () => void;
  toggle: (unitCode: string) => void;
  setOpen: (u: BoardUnit | null) => void;
  setMessage: (m: BoardMessage | null) => void;
  setConfirmMany: (open: boolean) => void;
  copyChase: () => Promise<void>;
  exportChase: () => void;
  acceptSelected: (comment: string) => Promise<void>;
}

function defaultDownload(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function firstPeriod(props: BoardProps): string {
  return props.periods.find((p) => p.phase === "due" || p.phase === "late")?.id ?? props.periods[0]?.id ?? "";
}

function useBoardData(props: BoardProps, client: ReturnType<typeof createBoardClient>, period: string) {
  const { connection, demo } = props;
  const load = React.useCallback(
    (p: string) => client.board(connection, { period: p, group: null, demo }),
    [client, connection, demo],
  );
  const { data, loading, error, reload } = useKeyedFetch(period, load);
  // another period's board is never shown under this one's name while the new one loads
  return { data: data && data.period === period ? data : null, loading, error, reload };
}

export function useBoard(props: BoardProps): BoardViewState {
  const i18n = useI18n();
  const client = React.useMemo(() => props.client ?? createBoardClient(), [props.client]);
  const [period, setPeriod] = React.useState(() => firstPeriod(props));
  const [group, setGroup] = React.useState("");
  const [stateFilter, setStateFilter] = React.useState<BoardState | "">("");
  const [selected, setSelected] = React.useState<ReadonlySet<string>>(new Set());
  const [open, setOpen] = React.useState<BoardUnit | null>(null);
  const [message, setMessage] = React.useState<BoardMessage | null>(null);
  const [confirmMany, setConfirmMany] = React.useState(false);
  const [busy, setBusy] = React.useState(false);
  const { data, loading, error, reload } = useBoardData(props, client, period);
  useTourCondition("board-shown", data !== null && open === null);

  React.useEffect(() => setSelected(new Set()), [period, data]);
  const all = React.useMemo(() => sortUnits(data?.units ?? []), [data]);
  const units = React.useMemo(() => filterUnits(all, stateFilter, group), [all, stateFilter, group]);
  const groups = React.useMemo(() => [...new Set(all.flatMap((u) => u.groups))], [all]);
  const unitName = React.useCallback((u: BoardUnit) => `${i18n.b(u.unitName)} (${u.unitCode})`, [i18n]);
  const stateLabel = React.useCallback((s: BoardState) => i18n.t(`board.state.${s}` as MessageKey), [i18n]);

  const toggle = React.useCallback((code: string) => {
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });
  }, []);

  const chase = React.useCallback(() => {
    const list = toChase(filterUnits(all, "", group));
    return { list, rows: chaseRows(list, unitName, stateLabel, i18n.date) };
  }, [all, group, unitName, stateLabel, i18n]);

  const copyChase = React.useCallback(async () => {
    const { list, rows } = chase();
    const write = props.copyText ?? ((text: string) => navigator.clipboard.writeText(text));
    try {
      await write(toTsv(i18n.t("board.csv.header"), rows));
      setMessage({ intent: "success", text: i18n.t("board.copied", { count: list.length }) });
    } catch {
      setMessage({ intent: "warning", text: i18n.t("board.copyFailed") });
    }
  }, [chase, props.copyText, i18n]);

  const exportChase = React.useCallback(() => {
    const { rows } = chase();
    (props.download ?? defaultDownload)(`chua-gui-${period}.csv`, toCsv(i18n.t("board.csv.header"), rows));
  }, [chase, props.download, period, i18n]);

  const acceptSelected = React.useCallback(
    async (comment: string) => {
      const items = all
        .filter((u) => selected.has(u.unitCode) && acceptable(u))
        .map((u) => ({ unit: u.unitCode, period, revision: u.revision as number }));
      if (items.length === 0) return;
      setBusy(true);
      try {
        const res = await client.acceptMany(props.connection, items, comment);
        const failed = res.results.filter((r) => r.outcome !== "accepted" && r.outcome !== "already_accepted");
        setMessage({
          intent: failed.length ? "warning" : "success",
          text: i18n.t("board.acceptMany.done", {
            accepted: res.counts.accepted,
            already: res.counts.already_accepted,
            failed: failed.length,
          }),
          lines: failed.map((r) =>
            i18n.t("board.acceptMany.item", { unit: r.unit, reason: r.error ? i18n.b(r.error.message) : r.outcome }),
          ),
        });
        setConfirmMany(false);
        reload();
      } catch (e) {
        setMessage({ intent: "error", text: i18n.t("board.actionFailed", { detail: describeError(e, i18n) }) });
        setConfirmMany(false);
      } finally {
        setBusy(false);
      }
    },
    [all, selected, period, client, props.connection, i18n, reload],
  );

  return {
    i18n,
    props: { ...props, client },
    period,
    group,
    stateFilter,
    data,
    loading,
    error,
    units,
    groups,
    selected,
    open,
    message,
    confirmMany,
    busy,
    unitName,
    stateLabel,
    setPeriod,
    setGroup,
    setStateFilter,
    reload,
    toggle,
    setOpen,
    setMessage,
    setConfirmMany,
    copyChase,
    exportChase,
    acceptSelected,
  };
}
