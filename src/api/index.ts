/**
 * The wire contract of /api/v1, once: zod schemas for every request and response (the server validates with them and
 * builds its OpenAPI document from them; clients parse answers with them or take their types), the paths, and the
 * reading of an endpoint address. Pure: imports only src/domain and zod.
 */
export * from "./text";
export * from "./problem";
export * from "./client-error";
export * from "./paths";
export * from "./catalog";
export * from "./units";
export * from "./submissions";
export * from "./reports";
export * from "./planner";
export * from "./admin";
export * from "./series";
export * from "./figure-context";
export * from "./applicability";
export * from "./board";
export * from "./narrative";
export * from "./task-progress";
export * from "./tasks";
export * from "./trends";
export * from "./classroom";
export * from "./handout-paths";
export * from "./handouts";
