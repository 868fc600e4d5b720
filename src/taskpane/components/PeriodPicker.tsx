import * as React from "react";
import { Button, Field, makeStyles, Select, Spinner, tokens } from "@fluentui/react-components";
import { parsePeriod, periodLabel, type PeriodPhase } from "../../domain";
import type { PeriodInfo } from "../api";
import { useI18n, type MessageKey } from "../i18n";

import type { PeriodPickerProps } from "./types";

export type { PeriodPickerProps };

const PHASE_ORDER: Record<PeriodPhase, number> = { due: 0, open: 0, late: 1, upcoming: 2 };

/** Periods open for submission first (due or open), then late, then upcoming; the endpoint's order inside each. */
export function sortPeriods(periods: PeriodInfo[]): PeriodInfo[] {
  return periods
    .map((p, i) => ({ p, i }))
    .sort((a, b) => PHASE_ORDER[a.p.phase] - PHASE_ORDER[b.p.phase] || a.i - b.i)
    .map((x) => x.p);
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  field: {
    minWidth: 0,
  },
  select: {
    width: "100%",
    minWidth: 0,
  },
  selectElement: {
    minWidth: 0,
    textOverflow: "ellipsis",
  },
  actions: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
  },
});

export function PeriodPicker(props: PeriodPickerProps): React.JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const sorted = React.useMemo(() => sortPeriods(props.periods), [props.periods]);
  const { onChange, onOpen, value } = props;
  const handleChange = React.useCallback(
    (ev: React.ChangeEvent<HTMLSelectElement>, data: { value: string }) => onChange(ev, { period: data.value }),
    [onChange],
  );
  const handleOpen = React.useCallback((ev: React.MouseEvent) => onOpen(ev, { period: value }), [onOpen, value]);
  if (sorted.length === 0) {
    return (
      <Field label={t("report.period")} validationState="warning" validationMessage={t("report.noPeriods")}>
        {null}
      </Field>
    );
  }
  return (
    <section className={styles.root} aria-label={t("report.heading")}>
      <Field label={t("report.period")} className={styles.field}>
        <Select
          value={value}
          onChange={handleChange}
          className={styles.select}
          select={{ className: styles.selectElement }}
        >
          {sorted.map((p) => {
            const parsed = parsePeriod(p.id);
            const label = p.label ? i18n.b(p.label) : parsed ? periodLabel(parsed, i18n.locale) : p.id;
            const due = p.deadline ? ` — ${t("report.due", { date: i18n.date(p.deadline) })}` : "";
            const mark = props.marks?.[p.id];
            // an accepted (locked) report is no longer "open", whatever its period's phase
            const phase = mark === "accepted" ? t("review.mark.accepted") : t(`report.phase.${p.phase}` as MessageKey);
            const sent = mark && mark !== "accepted" && mark !== "missing" ? `, ${t(`review.mark.${mark}`)}` : "";
            return (
              <option key={p.id} value={p.id}>
                {`${label}${due} (${phase}${sent})`}
              </option>
            );
          })}
        </Select>
      </Field>
      <div className={styles.actions}>
        <Button onClick={handleOpen} disabled={props.busy || !value} data-tour="period">
          {t("report.open")}
        </Button>
        {props.busy && <Spinner size="tiny" label={t("report.opening")} />}
      </div>
    </section>
  );
}
