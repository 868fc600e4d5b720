import type * as React from "react";
import type { BoardProps } from "./Board.types";
import { renderBoard } from "./renderBoard";
import { useBoard } from "./useBoard";
import { useBoardStyles } from "./useBoardStyles";

/**
 * The planner's board (issue 18): every expected unit of a period with its state, contact and counts, filtered by
 * group and state, in board order; choosing a unit opens its latest report with the review actions.
 */
export function Board(props: BoardProps): React.JSX.Element {
  const state = useBoard(props);
  const classes = useBoardStyles();
  return renderBoard(state, classes);
}
