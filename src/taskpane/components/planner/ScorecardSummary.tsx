import * as React from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { PROGRESS_LABELS } from "../../../domain";
import type { ProgressCounts } from "../../../domain/scorecard";
import { useI18n } from "../../i18n";
import { signalTour } from "../../tour-signal";

const ORDER = ["met", "on_track", "at_risk", "off_track", "no_target", "no_data"] as const;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface ScorecardSummaryProps {
  /** the consolidation's scorecard: how many targets are met, on track, …, without a target or without figures */
  counts: ProgressCounts;
}

/** The written consolidation's scorecard in a line each, shown on request (the planner's last tour step). */
export function ScorecardSummary(props: ScorecardSummaryProps): React.JSX.Element {
  const { t, b } = useI18n();
  const styles = useStyles();
  const [open, setOpen] = React.useState(false);
  const { counts } = props;
  return (
    <section className={styles.root} aria-label={t("planner.scorecardHeading")}>
      <div>
        <Button
          size="small"
          aria-expanded={open}
          aria-controls="ct-scorecard"
          data-tour="scorecard"
          onClick={() => {
            if (!open) signalTour("scorecard-read");
            setOpen(!open);
          }}
        >
          {t(open ? "planner.scorecardHide" : "planner.scorecardShow")}
        </Button>
      </div>
      {open && (
        <div id="ct-scorecard">
          <Text weight="semibold">{t("planner.scorecardHeading")}</Text>
          <ul className={styles.list}>
            {ORDER.map((p) => (
              <li key={p}>
                {b(PROGRESS_LABELS[p])}: {counts[p]} / {counts.total}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
