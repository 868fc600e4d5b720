import type * as React from "react";
import type { ReportDetailProps } from "./ReportDetail.types";
import { renderReportDetail } from "./renderReportDetail";
import { useBoardStyles } from "./useBoardStyles";
import { useReportDetail } from "./useReportDetail";

/** One unit's latest report on the board: state, actions (each confirmed), diff, figures, task progress, narrative, history. */
export function ReportDetail(props: ReportDetailProps): React.JSX.Element {
  const state = useReportDetail(props);
  const classes = useBoardStyles();
  return renderReportDetail(state, classes);
}
