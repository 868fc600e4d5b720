import type * as React from "react";
import { MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useI18n } from "../i18n";

export interface DemoBannerProps {
  /** the classroom tour's start button (issue 20: TourStart), on a demo token */
  tour?: React.ReactNode;
  /** the demo planner's classroom controls (fill, reset), issue 20 */
  classroom?: React.ReactNode;
}

/** Shown whenever the unit or the period is a demo one: nothing here counts in real reports. */
export function DemoBanner(props: DemoBannerProps): React.JSX.Element {
  const { t } = useI18n();
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="demo-banner">
      <MessageBarBody>
        <MessageBarTitle>{t("demo.title")}</MessageBarTitle>
        {t("demo.body")}
        {props.classroom}
      </MessageBarBody>
      {props.tour ? <MessageBarActions>{props.tour}</MessageBarActions> : null}
    </MessageBar>
  );
}
