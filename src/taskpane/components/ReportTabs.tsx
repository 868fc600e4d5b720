import * as React from "react";
import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { ReportTabsProps, TabId } from "./types";

export type { ReportTabsProps, TabId };

const useStyles = makeStyles({
  root: {
    display: "flex",
    gap: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  tab: {
    borderRadius: 0,
    borderBottom: `${tokens.strokeWidthThicker} solid transparent`,
    fontWeight: tokens.fontWeightRegular,
    minWidth: 0,
  },
  selected: {
    borderBottom: `${tokens.strokeWidthThicker} solid ${tokens.colorCompoundBrandStroke}`,
    fontWeight: tokens.fontWeightSemibold,
  },
});

/**
 * The report's three sections as an ARIA tab list: one tab stop, arrow keys (and Home/End) move between tabs, the
 * panel is labelled by its tab. Built on Button rather than Fluent's TabList, whose focus-trap sentinels are
 * aria-hidden yet focusable (axe-core's aria-hidden-focus).
 */
export function ReportTabs(props: ReportTabsProps): React.JSX.Element {
  const styles = useStyles();
  const refs = React.useRef(new Map<TabId, HTMLButtonElement>());
  const ids = props.tabs.map((t) => t.id);
  const { onSelect } = props;
  const handleKeyDown = React.useCallback(
    (ev: React.KeyboardEvent, current: TabId) => {
      const i = ids.indexOf(current);
      const next =
        ev.key === "ArrowRight"
          ? ids[(i + 1) % ids.length]
          : ev.key === "ArrowLeft"
            ? ids[(i - 1 + ids.length) % ids.length]
            : ev.key === "Home"
              ? ids[0]
              : ev.key === "End"
                ? ids[ids.length - 1]
                : null;
      if (!next) return;
      ev.preventDefault();
      refs.current.get(next)?.focus();
      onSelect(ev, { value: next });
    },
    [ids, onSelect],
  );
  return (
    <div role="tablist" aria-label={props.label} className={styles.root}>
      {props.tabs.map((tab) => {
        const selected = tab.id === props.selected;
        return (
          <Button
            key={tab.id}
            ref={(el: HTMLButtonElement | null) => {
              if (el) refs.current.set(tab.id, el);
              else refs.current.delete(tab.id);
            }}
            id={`ct-tab-${tab.id}`}
            data-tour={tab.tour}
            role="tab"
            aria-selected={selected}
            aria-controls={props.panelId}
            tabIndex={selected ? 0 : -1}
            appearance="transparent"
            size="small"
            className={mergeClasses(styles.tab, selected && styles.selected)}
            onClick={(ev) => onSelect(ev, { value: tab.id })}
            onKeyDown={(ev) => handleKeyDown(ev, tab.id)}
          >
            {tab.label}
          </Button>
        );
      })}
    </div>
  );
}
