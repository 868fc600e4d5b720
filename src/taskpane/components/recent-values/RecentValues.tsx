import type * as React from "react";
import { useI18n } from "../../i18n";
import { useRecentValues, type RecentValuesProps } from "./useRecentValues";
import { useRecentValuesStyles } from "./useRecentValuesStyles";
import { renderRecentValues } from "./renderRecentValues";

/** A figure's last periods of the unit, beside it in the form: the values, a small line and an arrow. */
export function RecentValues(props: RecentValuesProps): React.JSX.Element {
  const state = useRecentValues(props);
  const classes = useRecentValuesStyles();
  const i18n = useI18n();
  return renderRecentValues(state, classes, i18n);
}
