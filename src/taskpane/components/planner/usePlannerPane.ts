import * as React from "react";
import { defaultUnitRegistry, parsePeriod, type TaskBoard } from "../../../domain";
import {
  createConsolidator,
  unitGroupName,
  viewFromEndpoint,
  viewFromFiles,
  type ConsolidationResult,
  type ConsolidationView,
} from "../../../domain/scorecard";
import { buildConsolidatedSpec, fileReadFailure, fileReadFrom } from "../../../workbook/consolidated";
import { useI18n, type PlannerTextKey } from "../../i18n";
import { fetchPlannerData } from "../../api/planner";
import { signalTour } from "../../tour-signal";
import type { PlannerPaneProps, PlannerPaneState, PlannerPhase } from "./PlannerPane.types";

/** A chosen file's bytes (Blob.arrayBuffer, or FileReader where it is missing). */
function fileBytes(f: File): Promise<Uint8Array> {
  if (typeof f.arrayBuffer === "function") return f.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(r.error);
    r.readAsArrayBuffer(f);
  });
}

/** Every group a non-demo unit belongs to, in first-seen order. */
function groupsOf(units: ReturnType<typeof defaultUnitRegistry>): string[] {
  const out: string[] = [];
  for (const u of units.all()) if (!u.demo) for (const g of u.groups) if (!out.includes(g)) out.push(g);
  return out;
}

interface ReadFilesOptions {
  catalog: PlannerPaneProps["catalog"];
  units: ReturnType<typeof defaultUnitRegistry>;
  period: string;
  unitCodes?: string[];
  preferNewer: boolean;
  readWorkbook: PlannerPaneProps["readWorkbook"];
  onRead: (done: number) => void;
}

/** Consolidates the chosen files one at a time: each is read, reduced and dropped before the next. */
async function readFilesOneByOne(list: File[], opts: ReadFilesOptions): Promise<ConsolidationResult> {
  const consolidator = createConsolidator({
    catalog: opts.catalog,
    units: opts.units,
    period: opts.period,
    ...(opts.unitCodes ? { unitCodes: opts.unitCodes } : {}),
    preferNewer: opts.preferNewer,
    // the pane keeps the strict rule until its list shows files used in part (the CLI uses files figure by figure)
    wholeFile: true,
  });
  await list.reduce<Promise<void>>(
    (previous, f, i) =>
      previous.then(async () => {
        const savedAt = f.lastModified ? new Date(f.lastModified).toISOString() : null;
        try {
          const bytes = await fileBytes(f);
          consolidator.add(fileReadFrom(f.name, savedAt, await opts.readWorkbook(bytes)));
        } catch (e) {
          consolidator.add(fileReadFailure(f.name, e));
        }
        opts.onRead(i + 1);
      }),
    Promise.resolve(),
  );
  return consolidator.finish();
}

function unitsOfGroup(units: ReturnType<typeof defaultUnitRegistry>, group: string): string[] {
  return units
    .all()
    .filter((u) => u.groups.includes(group))
    .map((u) => u.code);
}

/** The planner's choices: period (checked when used), unit group, revisions used, the charted target. */
function usePlannerForm(props: PlannerPaneProps) {
  const units = React.useMemo(() => props.units ?? defaultUnitRegistry(), [props.units]);
  const groups = React.useMemo(() => groupsOf(units), [units]);
  const [period, setPeriod] = React.useState(props.defaultPeriod ?? "");
  const [periodError, setPeriodError] = React.useState<string | undefined>(undefined);
  const [group, setGroup] = React.useState("");
  const [basis, setBasis] = React.useState<"latest" | "accepted">("latest");
  // the target whose spread across units is charted; "" = the ratio target most units reported
  const [spreadTarget, setSpreadTarget] = React.useState("");
  const spreadTargets = React.useMemo(
    () => props.catalog.targets.filter((t) => t.measure !== "milestone"),
    [props.catalog],
  );
  const checkedPeriod = (message: string): string | null => {
    const p = parsePeriod(period);
    if (!p) {
      setPeriodError(message);
      return null;
    }
    setPeriodError(undefined);
    return p.id;
  };
  return {
    units,
    groups,
    period,
    setPeriod,
    periodError,
    group,
    setGroup,
    basis,
    setBasis,
    spreadTarget,
    setSpreadTarget,
    spreadTargets,
    checkedPeriod,
  };
}

/** The consolidation and completeness of a period from the endpoint, as the view the writers take. */
async function endpointView(
  props: PlannerPaneProps,
  q: {
    period: string;
    group: string;
    basis: "latest" | "accepted";
    units: ReturnType<typeof defaultUnitRegistry>;
    now: Date;
  },
): Promise<{ view: ConsolidationView; taskBoard: TaskBoard | null }> {
  const data = await fetchPlannerData(props.fetch ?? ((i, init) => fetch(i, init)), props.connection, {
    period: q.period,
    group: q.group || null,
    basis: q.basis,
  });
  const view = viewFromEndpoint(data.consolidation, data.completeness, {
    catalog: props.catalog,
    period: parsePeriod(q.period) as NonNullable<ReturnType<typeof parsePeriod>>,
    units: q.units,
    ...(q.group ? { group: { id: q.group, name: unitGroupName(q.group) } } : {}),
    generatedAt: q.now.toISOString(),
  });
  return { view, taskBoard: data.taskBoard };
}

export function usePlannerPane(props: PlannerPaneProps): PlannerPaneState {
  const i18n = useI18n();
  const form = usePlannerForm(props);
  const { units, groups, period, periodError, group, basis, spreadTarget, spreadTargets } = form;
  const [phase, setPhase] = React.useState<PlannerPhase>({ kind: "idle" });
  const [chosen, setChosen] = React.useState<File[]>([]);
  const [files, setFiles] = React.useState<ConsolidationResult | null>(null);
  const [preferNewer, setPreferNewer] = React.useState(false);
  const [confirmOpen, setConfirmOpen] = React.useState(false);
  const busy = phase.kind === "fetching" || phase.kind === "reading" || phase.kind === "writing";
  const now = props.now ?? (() => new Date());

  const text = React.useCallback(
    (key: PlannerTextKey, params?: Record<string, string | number>) => i18n.t(`planner.${key}`, params),
    [i18n],
  );

  const checkedPeriod = (): string | null => form.checkedPeriod(text("periodInvalid"));
  const unitCodes = group ? unitsOfGroup(units, group) : undefined;
  const groupLabel = group ? { id: group, name: unitGroupName(group) } : undefined;

  async function write(view: ConsolidationView, taskBoard: TaskBoard | null = null): Promise<void> {
    const spec = buildConsolidatedSpec(view, {
      ...(spreadTarget ? { spreadTargetId: spreadTarget } : {}),
      ...(taskBoard ? { taskBoard } : {}),
    });
    setPhase({ kind: "writing", done: 0, total: 1 });
    const result = await props.writeConsolidated(spec, {
      onProgress: (p) => setPhase({ kind: "writing", done: p.done, total: p.total }),
    });
    setPhase({ kind: "done", result, totals: view.completeness.totals, scorecard: view.scorecard.total });
    signalTour("consolidated");
    props.onWritten?.(null, { result, totals: view.completeness.totals });
  }

  async function consolidateFromEndpoint(periodId: string): Promise<void> {
    setPhase({ kind: "fetching" });
    try {
      const got = await endpointView(props, { period: periodId, group, basis, units, now: now() });
      await write(got.view, got.taskBoard);
    } catch (e) {
      setPhase({ kind: "error", error: e });
    }
  }

  async function readFiles(list: File[], newer: boolean, periodId: string): Promise<void> {
    setPhase({ kind: "reading", done: 0, total: list.length });
    const result = await readFilesOneByOne(list, {
      catalog: props.catalog,
      units,
      period: periodId,
      ...(unitCodes ? { unitCodes } : {}),
      preferNewer: newer,
      readWorkbook: props.readWorkbook,
      onRead: (done) => setPhase({ kind: "reading", done, total: list.length }),
    });
    setFiles(result);
    setPhase({ kind: "idle" });
  }

  const handleConsolidate = (ev: React.SyntheticEvent): void => {
    ev.preventDefault();
    const p = checkedPeriod();
    if (p) void consolidateFromEndpoint(p);
  };

  const handleFilesChange = (ev: React.ChangeEvent<HTMLInputElement>): void => {
    const list = Array.from(ev.target.files ?? []);
    const p = checkedPeriod();
    if (!p || list.length === 0) return;
    setChosen(list);
    setPreferNewer(false);
    void readFiles(list, false, p);
  };

  const conflicts = (files?.duplicates ?? []).filter((d) => d.resolution === "unresolved");

  const handleConfirm = (ev: React.SyntheticEvent): void => {
    ev.preventDefault();
    setConfirmOpen(false);
    const p = checkedPeriod();
    if (!p) return;
    setPreferNewer(true);
    void readFiles(chosen, true, p);
  };

  const handleWriteFiles = (ev: React.SyntheticEvent): void => {
    ev.preventDefault();
    const pc = files?.periods.find((x) => x.period.id === parsePeriod(period)?.id);
    if (!pc) {
      setPhase({ kind: "error", error: new Error(text("noUsable")) });
      return;
    }
    void (async () => {
      try {
        await write(
          viewFromFiles(pc, {
            catalog: props.catalog,
            units,
            ...(unitCodes ? { unitCodes } : {}),
            ...(groupLabel ? { group: groupLabel } : {}),
            generatedAt: now().toISOString(),
          }),
        );
      } catch (e) {
        setPhase({ kind: "error", error: e });
      }
    })();
  };

  return {
    i18n,
    period,
    periodError,
    group,
    groups: groups.map((id) => ({ id, label: i18n.b(unitGroupName(id)) })),
    basis,
    spreadTarget,
    spreadTargets: spreadTargets.map((t) => ({ id: t.id, label: `${t.id} ${i18n.b(t.name)}` })),
    phase,
    busy,
    files,
    rejected: files?.files.filter((f) => f.status === "rejected") ?? [],
    skipped: files?.files.filter((f) => f.status === "skipped") ?? [],
    conflicts,
    confirmOpen,
    canWriteFiles: Boolean(files && files.periods.some((x) => x.submissions.size > 0)) && !busy,
    text,
    handlePeriodChange: (_ev, data) => form.setPeriod(data.value),
    handleGroupChange: (_ev, data) => form.setGroup(data.value),
    handleBasisChange: (_ev, data) => form.setBasis(data.value === "accepted" ? "accepted" : "latest"),
    handleSpreadTargetChange: (_ev, data) => form.setSpreadTarget(data.value),
    handleConsolidate,
    handleFilesChange,
    handlePreferNewer: (ev) => {
      ev.preventDefault();
      if (!preferNewer) setConfirmOpen(true);
    },
    handleConfirm,
    handleCancel: (ev) => {
      ev.preventDefault();
      setConfirmOpen(false);
    },
    handleWriteFiles,
  };
}
