/** The domain API of Chỉ tiêu: pure TypeScript, shared by the task pane, the CLI and the server. */
export * from "./types";
export { ENTRY_FIELDS } from "./entry-fields";
export { AppError, isAppError } from "./errors";
export { normalizeText, toneKey, looseKey, forbiddenCharacter, codePointLabel, TEXT_LIMITS } from "./text";
export * from "./catalog";
export * from "./units";
export * from "./periods";
export * from "./rules";
export { messageFor, type MessageParams } from "./messages";
export * from "./messages/error-catalogue";
export * from "./aggregate";
export * from "./demo/sample";
export * from "./demo/classroom";
export { seededRandom } from "./random";
export * from "./series";
export * from "./report/narrative";
export * from "./tasks";
export * from "./tour/steps";
