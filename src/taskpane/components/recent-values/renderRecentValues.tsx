import type * as React from "react";
import { mergeClasses } from "@fluentui/react-components";
import type { I18n } from "../../i18n";
import type { RecentValuesState } from "./useRecentValues";
import type { RecentValuesClasses } from "./useRecentValuesStyles";
import "../../i18n/sections/recent-values";

/** One line: "Các kỳ trước  T08 12,5 · T09 N/A · T10 14  ╱ ↑" — one sentence for a screen reader (role img). */
export function renderRecentValues(
  state: RecentValuesState,
  classes: RecentValuesClasses,
  i18n: I18n,
): React.JSX.Element {
  const { view } = state;
  return (
    <div className={classes.root} role="img" aria-label={view.label} data-recent={view.targetId}>
      <span className={classes.heading}>{i18n.t("recent.heading")}</span>
      {view.items.map((item) => (
        <span key={item.periodId} className={classes.item} data-state={item.state}>
          <span className={classes.period}>{item.short}</span>
          <span className={item.state === "value" ? undefined : classes.gap}>{item.text}</span>
        </span>
      ))}
      {state.dots.length > 1 && (
        <svg
          className={classes.spark}
          width={state.width}
          height={state.height}
          viewBox={`0 0 ${state.width} ${state.height}`}
          aria-hidden="true"
          focusable="false"
        >
          {state.segments.map(([a, b]) => (
            <line key={`${a.x}-${b.x}`} x1={a.x} y1={a.y} x2={b.x} y2={b.y} strokeWidth={1.5} />
          ))}
          {state.dots.map((d) => (
            <circle key={d.x} cx={d.x} cy={d.y} r={1.6} />
          ))}
        </svg>
      )}
      {state.arrow && (
        <span
          className={mergeClasses(
            classes.arrow,
            view.better === true && classes.better,
            view.better === false && classes.worse,
          )}
          data-better={view.better === null ? undefined : String(view.better)}
        >
          {state.arrow}
        </span>
      )}
    </div>
  );
}
