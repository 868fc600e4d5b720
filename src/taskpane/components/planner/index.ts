export { PlannerPane } from "./PlannerPane";
export type { PlannerPaneProps, PlannerPaneState, PlannerPhase } from "./PlannerPane.types";
export { fetchPlannerData, type PlannerData, type PlannerQuery } from "../../api/planner";
