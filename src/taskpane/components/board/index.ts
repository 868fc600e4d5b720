export { Board } from "./Board";
export type { BoardProps, BoardMessage } from "./Board.types";
export { PlannerModes, type PlannerModesProps } from "./PlannerModes";
export {
  acceptable,
  chaseRows,
  figureOf,
  filterUnits,
  sortUnits,
  toChase,
  toCsv,
  toTsv,
  STATE_ORDER,
} from "./board-logic";
