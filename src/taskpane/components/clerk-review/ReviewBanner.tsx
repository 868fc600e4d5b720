import type * as React from "react";
import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from "@fluentui/react-components";
import type { EntryField, EntryInput, Target } from "../../../domain/types";
import type { ReportState } from "../../api";
import { useI18n } from "../../i18n";
import { figureText, targetsNamed } from "./concerns";

export interface ReviewBannerProps {
  /** the endpoint's state of the open report */
  server: ReportState | null;
  targets: Target[];
  entries: EntryInput[];
  /** the cell of a target's field in the workbook */
  cellOf: (targetId: string, field: EntryField) => string | undefined;
  onSelectCell: (ev: React.SyntheticEvent, data: { cell: string }) => void;
}

const useStyles = makeStyles({
  comment: { whiteSpace: "pre-wrap", fontStyle: "italic", marginTop: tokens.spacingVerticalXXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  item: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS },
});

function firstField(t: Target): EntryField {
  if (t.measure === "milestone") return "milestone";
  return t.aggregation === "ratio_of_sums" ? "numerator" : "value";
}

/** Shown above the tabs, so on every tab: a returned report with the planner's comment and the figures it names; an
 * accepted one with its comment; an unlocked one with the reason. Nothing for a report nobody acted on. */
export function ReviewBanner(props: ReviewBannerProps): React.JSX.Element | null {
  const { t } = useI18n();
  const styles = useStyles();
  const { server } = props;
  if (!server || !server.status) return null;
  const revision = server.latest?.revision ?? "?";
  if (server.locked || server.status === "accepted") {
    return (
      <MessageBar intent="success" layout="multiline" data-testid="review-banner">
        <MessageBarBody>
          <MessageBarTitle>{t("review.accepted.title")}</MessageBarTitle>
          {t("review.accepted.body", { revision })}
          {server.comment && (
            <div className={styles.comment}>{t("review.accepted.comment", { comment: server.comment })}</div>
          )}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (server.status !== "returned") return null;
  const comment = server.comment ?? "";
  const named = targetsNamed(comment, props.targets);
  const byId = new Map(props.entries.map((e) => [e.targetId, e]));
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="review-banner">
      <MessageBarBody>
        <MessageBarTitle>{t("review.returned.title")}</MessageBarTitle>
        {t("review.returned.body", { revision })}
        <div className={styles.comment}>{comment}</div>
        {named.length > 0 && (
          <>
            <div>{t("review.figures")}:</div>
            <ul className={styles.list}>
              {named.map((target) => {
                const cell = props.cellOf(target.id, firstField(target));
                return (
                  <li key={target.id} className={styles.item}>
                    <span>
                      {t("review.figure", {
                        target: target.id,
                        value: figureText(byId.get(target.id)) ?? t("review.figure.blank"),
                      })}
                    </span>
                    {cell && (
                      <Button size="small" appearance="transparent" onClick={(ev) => props.onSelectCell(ev, { cell })}>
                        {t("review.goToCell", { cell })}
                      </Button>
                    )}
                  </li>
                );
              })}
            </ul>
          </>
        )}
        <div>{t("review.returned.fix")}</div>
      </MessageBarBody>
    </MessageBar>
  );
}
