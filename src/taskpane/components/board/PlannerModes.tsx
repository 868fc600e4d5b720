import * as React from "react";
import { makeStyles, Tab, TabList, tokens } from "@fluentui/react-components";
import { useI18n } from "../../i18n";
import { Board } from "./Board";
import type { BoardProps } from "./Board.types";

export interface PlannerModesProps extends BoardProps {
  /** the consolidation pane (components/planner) */
  consolidate: React.ReactNode;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
});

/** Planner mode's two views: the review board (first: what a planner does every day) and the consolidation. */
export function PlannerModes(props: PlannerModesProps): React.JSX.Element {
  const { t } = useI18n();
  const styles = useStyles();
  const [mode, setMode] = React.useState<"board" | "consolidate">("board");
  const { consolidate, ...board } = props;
  return (
    <div className={styles.root}>
      <TabList
        selectedValue={mode}
        onTabSelect={(_ev, d) => setMode(d.value === "consolidate" ? "consolidate" : "board")}
        aria-label={t("board.mode.label")}
        size="small"
      >
        <Tab value="board" id="ct-mode-board" aria-controls="ct-mode-panel-board">
          {t("board.mode.board")}
        </Tab>
        <Tab value="consolidate" id="ct-mode-consolidate" aria-controls="ct-mode-panel-consolidate">
          {t("board.mode.consolidate")}
        </Tab>
      </TabList>
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
        {consolidate}
      </div>
    </div>
  );
}
