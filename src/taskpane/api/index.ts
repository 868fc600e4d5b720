export * from "./types";
export {
  ApiError,
  isApiError,
  createHttpClient,
  normalizeEndpoint,
  classifyNetworkFailure,
  API_PREFIX,
} from "./client";
export { fetchPlannerData, type PlannerData, type PlannerQuery } from "./planner";
export { describeError } from "./describe";
