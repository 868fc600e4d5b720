export * from "./types";
export {
  ApiError,
  isApiError,
  createHttpClient,
  normalizeEndpoint,
  classifyNetworkFailure,
  API_PREFIX,
} from "./client";
export { describeError } from "./describe";
