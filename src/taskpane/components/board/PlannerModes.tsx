import * as React from "react";
import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useI18n } from "../../i18n";
import { Board } from "./Board";
import type { BoardProps } from "./Board.types";
import "../../i18n/sections/board";
import "../../i18n/sections/tasks";

export interface PlannerModesProps extends BoardProps {
  /** the consolidation pane (components/planner) */
  consolidate: React.ReactNode;
  /** the key-task board (components/task-board, issue 19), a third view when given */
  tasks?: React.ReactNode;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  tabs: {
    display: "flex",
    gap: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  tab: { borderRadius: 0, borderBottom: `${tokens.strokeWidthThicker} solid transparent`, minWidth: 0 },
  selected: {
    borderBottom: `${tokens.strokeWidthThicker} solid ${tokens.colorCompoundBrandStroke}`,
    fontWeight: tokens.fontWeightSemibold,
  },
});

type Mode = "board" | "consolidate" | "tasks";
const LABELS = { board: "board.mode.board", consolidate: "board.mode.consolidate", tasks: "board.mode.tasks" } as const;

/** Planner mode's two views: the review board (first: what a planner does every day) and the consolidation. */
export function PlannerModes(props: PlannerModesProps): React.JSX.Element {
  const { t } = useI18n();
  const styles = useStyles();
  const [mode, setMode] = React.useState<Mode>("board");
  // the consolidation is mounted the first time it is chosen, then kept (its choices survive switching back): its
  // Fluent Dialog makes tabster put focusable aria-hidden sentinels on <body> even while closed (axe-core's
  // aria-hidden-focus), which the board's screens then do not carry
  const [visited, setVisited] = React.useState(false);
  if (mode === "consolidate" && !visited) setVisited(true);
  const [seen, setSeen] = React.useState<ReadonlySet<Mode>>(new Set());
  if (!seen.has(mode)) setSeen(new Set(seen).add(mode));
  const refs = React.useRef(new Map<Mode, HTMLButtonElement>());
  const { consolidate, tasks, ...board } = props;
  const MODES: readonly Mode[] = tasks ? ["board", "consolidate", "tasks"] : ["board", "consolidate"];
  // an ARIA tab list on Button (as ReportTabs): Fluent's TabList adds aria-hidden yet focusable sentinels
  const handleKeyDown = (ev: React.KeyboardEvent) => {
    if (!["ArrowLeft", "ArrowRight", "Home", "End"].includes(ev.key)) return;
    ev.preventDefault();
    const i = MODES.indexOf(mode);
    const step = ev.key === "ArrowRight" ? 1 : ev.key === "ArrowLeft" ? MODES.length - 1 : 0;
    const next = (
      ev.key === "Home" ? MODES[0] : ev.key === "End" ? MODES[MODES.length - 1] : MODES[(i + step) % MODES.length]
    ) as Mode;
    setMode(next);
    refs.current.get(next)?.focus();
  };
  return (
    <div className={styles.root}>
      <div role="tablist" aria-label={t("board.mode.label")} className={styles.tabs}>
        {MODES.map((m) => (
          <Button
            key={m}
            ref={(el: HTMLButtonElement | null) => {
              if (el) refs.current.set(m, el);
            }}
            id={`ct-mode-${m}`}
            role="tab"
            data-tour={m === "consolidate" ? "consolidate" : undefined}
            aria-selected={mode === m}
            aria-controls={`ct-mode-panel-${m}`}
            tabIndex={mode === m ? 0 : -1}
            appearance="transparent"
            size="small"
            className={mergeClasses(styles.tab, mode === m && styles.selected)}
            onClick={() => setMode(m)}
            onKeyDown={handleKeyDown}
          >
            {t(LABELS[m])}
          </Button>
        ))}
      </div>
      {/* both stay mounted, so switching keeps the consolidation's choices and the board's place */}
      <div role="tabpanel" id="ct-mode-panel-board" aria-labelledby="ct-mode-board" hidden={mode !== "board"}>
        <Board {...board} />
      </div>
      <div
        role="tabpanel"
        id="ct-mode-panel-consolidate"
        aria-labelledby="ct-mode-consolidate"
        hidden={mode !== "consolidate"}
      >
        {visited || mode === "consolidate" ? consolidate : null}
      </div>
      {tasks && (
        <div role="tabpanel" id="ct-mode-panel-tasks" aria-labelledby="ct-mode-tasks" hidden={mode !== "tasks"}>
          {seen.has("tasks") || mode === "tasks" ? tasks : null}
        </div>
      )}
    </div>
  );
}
