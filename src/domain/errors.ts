import type { Bilingual, ValidationIssue } from "./types";

/**
 * A failure (not a problem in user data, which is a ValidationIssue): a stable catalogue code such as
 * `CT_PERIOD_CLOSED`, the HTTP status it maps to, a message in Vietnamese and English, and details.
 */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly messages: Bilingual;
  readonly details: Record<string, unknown>;
  readonly issues: ValidationIssue[] | undefined;

  constructor(
    code: string,
    status: number,
    message: Bilingual,
    details: Record<string, unknown> = {},
    issues?: ValidationIssue[],
  ) {
    super(`${code}: ${message.en}`);
    this.name = "AppError";
    this.code = code;
    this.status = status;
    this.messages = message;
    this.details = details;
    this.issues = issues;
  }

  toJSON(): { code: string; message: Bilingual; details: Record<string, unknown>; issues?: ValidationIssue[] } {
    return {
      code: this.code,
      message: this.messages,
      details: this.details,
      ...(this.issues ? { issues: this.issues } : {}),
    };
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
