import * as React from "react";
import { defaultUnitRegistry, parsePeriod, type ApplicabilityState } from "../../../domain";
import { parseApplicabilityCsv, parseApplicabilityRows } from "../../../domain/rules/applicability-file";
import type { Unit } from "../../../domain/types";
import { fetchUnitModel, putApplicability } from "../../api/applicability";
import type { UnitModel } from "../../api/types";
import { useI18n, type I18n } from "../../i18n";
import type {
  ApplicabilityEditorProps,
  ApplicabilityEditorState,
  ImportState,
  TargetRowView,
} from "./ApplicabilityEditor.types";
import "../../i18n/sections/applicability";

const MAX_MATCHES = 12;

/** The state in force for the period: always required, applies, or not applicable. */
function stateOf(row: UnitModel["targets"][number]): ApplicabilityState {
  return row.applies ? (row.alwaysRequired ? "always_required" : "applies") : "not_applicable";
}

/** CSV as text, or the first sheet of an .xlsx (ExcelJS, loaded only when a workbook is picked). */
async function readTableFile(file: File): Promise<{ csv: string } | { rows: string[][] }> {
  if (/\.xlsx$/i.test(file.name)) {
    const { readSheetRows } = await import("../../../workbook/xlsx/sheet-rows");
    return { rows: await readSheetRows(await file.arrayBuffer()) };
  }
  return { csv: await file.text() };
}

function rowViews(
  model: UnitModel | null,
  edits: ReadonlyMap<string, ApplicabilityState>,
  props: ApplicabilityEditorProps,
  i18n: I18n,
): TargetRowView[] {
  if (!model) return [];
  const names = new Map(props.catalog.targets.map((t) => [t.id, t.name]));
  return model.targets.map((r) => {
    const current = stateOf(r);
    const value = edits.get(r.targetId) ?? current;
    const source =
      r.source === "planner"
        ? i18n.t("applic.source.planner", { from: r.from ?? "" })
        : i18n.t("applic.source.catalog");
    const due = r.applies ? ` · ${i18n.t(r.due ? "applic.due" : "applic.notDue")}` : "";
    const name = names.get(r.targetId);
    return {
      targetId: r.targetId,
      title: `${r.targetId} · ${name ? i18n.b(name) : ""}`,
      current,
      value,
      changed: value !== current,
      detail: `${i18n.t(`applic.state.${current}`)} · ${source}${due}`,
      note: r.note,
    };
  });
}

/** The unit search, the unit's targets for the period, and the pending changes with their save. */
export function useApplicabilityEditor(props: ApplicabilityEditorProps): ApplicabilityEditorState {
  const i18n = useI18n();
  const doFetch = props.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const fetchRef = React.useRef(doFetch);
  fetchRef.current = doFetch;
  const units = React.useMemo(() => props.units ?? defaultUnitRegistry(), [props.units]);
  const { connection, catalog } = props;
  const [period, setPeriod] = React.useState(props.defaultPeriod ?? "2026-Q1");
  const [query, setQuery] = React.useState("");
  const [unit, setUnit] = React.useState<Unit | null>(null);
  const [model, setModel] = React.useState<UnitModel | null>(null);
  const [loading, setLoading] = React.useState(false);
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<unknown>(null);
  const [message, setMessage] = React.useState<string | null>(null);
  const [edits, setEdits] = React.useState<ReadonlyMap<string, ApplicabilityState>>(new Map());
  const [from, setFrom] = React.useState(props.defaultPeriod ?? "2026-Q1");
  const [note, setNote] = React.useState("");
  const [importState, setImportState] = React.useState<ImportState>({ kind: "none" });
  const [reloads, setReloads] = React.useState(0);

  const parsedPeriod = parsePeriod(period.trim());
  const periodId = parsedPeriod?.id ?? null;
  const matches = React.useMemo(() => units.search(query).slice(0, MAX_MATCHES), [units, query]);

  // the chosen unit's targets for the period, again after each save
  React.useEffect(() => {
    if (!unit || !periodId) return;
    let live = true;
    setLoading(true);
    fetchUnitModel(fetchRef.current, connection, { period: periodId, unit: unit.code })
      .then((m) => live && (setModel(m), setError(null)))
      .catch((e: unknown) => live && setError(e))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [unit, periodId, connection, reloads]);

  const rows = React.useMemo(() => rowViews(model, edits, props, i18n), [model, edits, props, i18n]);
  const changes = rows.filter((r) => r.changed);
  const fromPeriod = parsePeriod(from.trim());

  const send = React.useCallback(
    async (entries: Parameters<typeof putApplicability>[2], done: string) => {
      setBusy(true);
      setMessage(null);
      try {
        await putApplicability(fetchRef.current, connection, entries);
        setError(null);
        setMessage(done);
        setEdits(new Map());
        setReloads((n) => n + 1);
        return true;
      } catch (e) {
        setError(e);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [connection],
  );

  const handleSave = (_ev: React.SyntheticEvent) => {
    if (!unit || !fromPeriod || changes.length === 0) return;
    const entries = changes.map((r) => ({
      unitCode: unit.code,
      targetId: r.targetId,
      state: r.value,
      from: fromPeriod.id,
      note: note.trim() || null,
    }));
    void send(entries, i18n.t("applic.saved", { count: entries.length, from: fromPeriod.id }));
  };

  const handleFile = (ev: React.ChangeEvent<HTMLInputElement>) => {
    const file = ev.target.files?.[0];
    if (!file) return;
    setImportState({ kind: "reading" });
    setMessage(null);
    (props.readTable ?? readTableFile)(file)
      .then((read) => {
        // the same parser as `chitieu applicability check|import`: a bad row refuses the file, every bad row listed
        const result =
          "csv" in read
            ? parseApplicabilityCsv(read.csv, catalog, units)
            : parseApplicabilityRows(read.rows, catalog, units);
        setImportState(
          result.ok ? { kind: "ready", rows: result.rows, file: file.name } : { kind: "bad", issues: result.issues },
        );
      })
      .catch((e: unknown) => {
        setImportState({ kind: "none" });
        setError(e);
      });
  };

  const handleImport = (_ev: React.SyntheticEvent) => {
    if (importState.kind !== "ready") return;
    const count = importState.rows.length;
    void send(importState.rows, i18n.t("applic.imported", { count })).then(
      (ok) => ok && setImportState({ kind: "none" }),
    );
  };

  return {
    i18n,
    period,
    periodError: parsedPeriod ? undefined : i18n.t("applic.periodInvalid"),
    query,
    matches,
    unit,
    model,
    rows,
    loading,
    busy,
    error,
    message,
    from,
    fromError: fromPeriod ? undefined : i18n.t("applic.periodInvalid"),
    note,
    pending: changes.length,
    importState,
    handlePeriod: (_ev, data) => setPeriod(data.value),
    handleQuery: (_ev, data) => setQuery(data.value),
    handlePick: (_ev, data) => {
      const picked = units.byCode(data.unitCode) ?? null;
      setUnit(picked);
      setModel(null);
      setEdits(new Map());
      setMessage(null);
    },
    handleState: (_ev, data) =>
      setEdits((prev) => {
        const next = new Map(prev);
        next.set(data.targetId, data.value as ApplicabilityState);
        return next;
      }),
    handleFrom: (_ev, data) => setFrom(data.value),
    handleNote: (_ev, data) => setNote(data.value),
    handleSave,
    handleFile,
    handleImport,
  };
}
