import type * as React from "react";
import type { ReportSectionProps } from "./ReportSection.types";
import { useReportSection } from "./useReportSection";
import { useReportSectionStyles } from "./useReportSectionStyles";
import { renderReportSection } from "./renderReportSection";

export type { ReportSectionProps, MissedQueueEvent } from "./ReportSection.types";

/** The unit's report below the connect panel: the period, the workbook's messages, the summary and the three tabs. */
export function ReportSection(props: ReportSectionProps): React.JSX.Element {
  const state = useReportSection(props);
  const classes = useReportSectionStyles();
  return renderReportSection(state, classes);
}
