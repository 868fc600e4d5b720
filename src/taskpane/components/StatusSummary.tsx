import type * as React from "react";
import { Badge, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { ValidationResult } from "../../domain/types";
import { useI18n } from "../i18n";

export interface StatusSummaryProps {
  result: ValidationResult | null;
  /** targets with a figure (or milestone) typed, out of all the unit's targets */
  filled: number;
  total: number;
  /** submissions waiting in the offline queue */
  waiting: number;
  /** accepted and locked: nothing blocks anything, the report is read only */
  locked?: boolean;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottomWidth: tokens.strokeWidthThin,
    borderBottomStyle: "solid",
    borderBottomColor: tokens.colorNeutralStroke2,
  },
});

/** The count of blocking errors, always on screen while a report is open. */
export function StatusSummary(props: StatusSummaryProps): React.JSX.Element {
  const { t } = useI18n();
  const styles = useStyles();
  const errors = props.result?.counts.errors ?? 0;
  const warnings = props.result?.counts.unjustifiedWarnings ?? 0;
  if (props.locked) {
    return (
      <div className={styles.root} data-testid="status-summary">
        <Badge appearance="filled" color="success" aria-hidden>
          ✓
        </Badge>
        <Text weight="semibold" data-testid="error-count">
          {t("summary.locked")}
        </Text>
        <Text size={200}>· {t("summary.filled", { filled: props.filled, total: props.total })}</Text>
      </div>
    );
  }
  return (
    <div className={styles.root} data-testid="status-summary">
      <Badge appearance="filled" color={errors > 0 ? "danger" : "success"} aria-hidden>
        {errors}
      </Badge>
      <Text weight="semibold" data-testid="error-count">
        {errors === 0
          ? t("summary.noErrors")
          : errors === 1
            ? t("summary.errors.one")
            : t("summary.errors", { count: errors })}
      </Text>
      {warnings > 0 && <Text>· {t("summary.warnings", { count: warnings })}</Text>}
      {props.waiting > 0 && <Text weight="semibold">· {t("summary.waiting", { count: props.waiting })}</Text>}
      <Text size={200}>· {t("summary.filled", { filled: props.filled, total: props.total })}</Text>
    </div>
  );
}
