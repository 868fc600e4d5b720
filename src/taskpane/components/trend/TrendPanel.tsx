/**
 * The planner's trend button: a range of periods (from, to) → GET /consolidation/range → the trend workbook
 * (XuHuong, DiemNghen, DonViXuHuong, BieuDoXuHuong) written into the open workbook through the same
 * `writeConsolidated` the consolidation uses (its sheets replaced on a second click, never duplicated).
 */
import * as React from "react";
import { Button, Field, Input, ProgressBar, Text } from "@fluentui/react-components";
import { periodRange, type Catalog, type TrendData, type UnitRegistry } from "../../../domain";
import { unitGroupName } from "../../../domain/scorecard";
import type { ConsolidatedSpec } from "../../../workbook/consolidated";
import type { WriteConsolidatedResult, WriteProgress } from "../../../workbook/office/write-consolidated";
import { buildTrendSpec } from "../../../workbook/trend";
import { fetchTrend } from "../../api/trends";
import type { Connection } from "../../api/types";
import { describeError } from "../../api";
import { useI18n } from "../../i18n";
import { useTrendPanelStyles } from "./useTrendPanelStyles";
import "../../i18n/sections/trends";

export interface TrendPanelProps {
  connection: Connection;
  catalog: Catalog;
  units: UnitRegistry;
  /** the unit group chosen in the planner pane ("" = every unit) */
  group: string;
  writeConsolidated: (
    spec: ConsolidatedSpec,
    opts: { onProgress: (p: WriteProgress) => void },
  ) => Promise<WriteConsolidatedResult>;
  fetch?: typeof fetch;
  now?: () => Date;
  /** the year proposed (default: the current year in the clock) */
  year?: number;
}

type Phase =
  | { kind: "idle" }
  | { kind: "fetching" }
  | { kind: "writing"; done: number; total: number }
  | { kind: "done"; result: WriteConsolidatedResult }
  | { kind: "error"; message: string };

export function TrendPanel(props: TrendPanelProps): React.JSX.Element {
  const i18n = useI18n();
  const classes = useTrendPanelStyles();
  const now = props.now ?? (() => new Date());
  const year = props.year ?? now().getFullYear();
  const [from, setFrom] = React.useState(`${year}-01`);
  const [to, setTo] = React.useState(`${year}-12`);
  const [invalid, setInvalid] = React.useState(false);
  const [phase, setPhase] = React.useState<Phase>({ kind: "idle" });
  const busy = phase.kind === "fetching" || phase.kind === "writing";

  async function write(): Promise<void> {
    try {
      periodRange(from.trim(), to.trim());
    } catch {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setPhase({ kind: "fetching" });
    try {
      const answer = await fetchTrend(props.fetch ?? ((i, init) => fetch(i, init)), props.connection, {
        from: from.trim(),
        to: to.trim(),
        group: props.group || null,
      });
      const data: TrendData = { ...answer, targets: answer.targets as TrendData["targets"] };
      const spec = buildTrendSpec(data, props.catalog, props.units, {
        source: "endpoint",
        generatedAt: now().toISOString(),
        ...(props.group ? { groupName: unitGroupName(props.group) } : {}),
      });
      setPhase({ kind: "writing", done: 0, total: 1 });
      const result = await props.writeConsolidated(spec, {
        onProgress: (p) => setPhase({ kind: "writing", done: p.done, total: p.total }),
      });
      setPhase({ kind: "done", result });
    } catch (e) {
      setPhase({ kind: "error", message: describeError(e, i18n) });
    }
  }

  return (
    <section aria-label={i18n.t("trend.heading")} className={classes.root}>
      <Text as="h3" weight="semibold" className={classes.heading}>
        {i18n.t("trend.heading")}
      </Text>
      <Text as="p" size={200} className={classes.hint}>
        {i18n.t("trend.hint")}
      </Text>
      <Field
        label={i18n.t("trend.from")}
        validationMessage={invalid ? i18n.t("trend.rangeInvalid") : undefined}
        validationState={invalid ? "error" : "none"}
      >
        <Input value={from} onChange={(_, d) => setFrom(d.value)} disabled={busy} />
      </Field>
      <Field label={i18n.t("trend.to")}>
        <Input value={to} onChange={(_, d) => setTo(d.value)} disabled={busy} />
      </Field>
      <Button appearance="secondary" className={classes.write} disabled={busy} onClick={() => void write()}>
        {i18n.t("trend.write")}
      </Button>
      {phase.kind === "fetching" && <ProgressBar aria-label={i18n.t("trend.fetching")} />}
      {phase.kind === "fetching" && <Text role="status">{i18n.t("trend.fetching")}</Text>}
      {phase.kind === "writing" && (
        <Text role="status">{i18n.t("trend.writing", { done: phase.done, total: phase.total })}</Text>
      )}
      {phase.kind === "done" && (
        <Text role="status">
          {i18n.t("trend.done", {
            sheets: phase.result.sheets.length,
            charts: phase.result.charts,
            from: from.trim(),
            to: to.trim(),
          })}
        </Text>
      )}
      {phase.kind === "error" && <Text role="alert">{i18n.t("trend.failed", { reason: phase.message })}</Text>}
    </section>
  );
}
