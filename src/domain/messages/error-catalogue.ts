/**
 * The one way a catalogue of failures is written (the server's `src/server/errors.ts`, the workbook's
 * `src/workbook/errors.ts`): each error is defined once, as plain data, with a stable `CT_` code, the HTTP status it
 * maps to and its message in Vietnamese and English, built from the arguments it is thrown with. The definition is a
 * factory that makes the `AppError`, and carries its code, status and spec, so a test or a README table can read them.
 * Pure: it imports only the domain's `AppError` and types.
 */
import { AppError } from "../errors";
import type { Bilingual, ValidationIssue } from "../types";

export type ErrorDetails = Record<string, unknown>;

/**
 * One error of a catalogue; `A` is the list of arguments it is thrown with, taken from `message` alone (the other
 * functions receive the same arguments).
 */
export interface ErrorSpec<A extends unknown[]> {
  readonly code: string;
  readonly status: number;
  readonly message: (...args: A) => Bilingual;
  /** The error's `details`; without it, the fields of the first argument when that is an object, else none. */
  readonly details?: NoInfer<(...args: A) => ErrorDetails>;
  /** The user-data problems the error carries, if any. */
  readonly issues?: NoInfer<(...args: A) => ValidationIssue[] | undefined>;
  /** For a README table: why it happens and how to fix it. */
  readonly cause?: string;
  readonly fix?: string;
}

/** Makes the error: `throw CT_REPORT_LOCKED({...})`, `throw workbookErrors.sheetMissing("Nhap")`. */
export interface ErrorFactory<A extends unknown[]> {
  (...args: A): AppError;
  readonly code: string;
  readonly status: number;
  readonly spec: ErrorSpec<A>;
}

/** The fields of a params object, copied; nothing for a missing or non-object argument. */
export function fieldsOf(params: unknown): ErrorDetails {
  return params && typeof params === "object" ? { ...(params as ErrorDetails) } : {};
}

export function defineError<A extends unknown[]>(spec: ErrorSpec<A>): ErrorFactory<A> {
  const factory = (...args: A): AppError =>
    new AppError(
      spec.code,
      spec.status,
      spec.message(...args),
      spec.details ? spec.details(...args) : fieldsOf(args[0]),
      spec.issues?.(...args),
    );
  Object.defineProperties(factory, {
    code: { value: spec.code },
    status: { value: spec.status },
    spec: { value: spec },
  });
  return factory as ErrorFactory<A>;
}

/** A list of errors in the order they were defined; a code is defined once in it. */
export interface ErrorCatalogue {
  readonly specs: readonly ErrorSpec<never>[];
  define<A extends unknown[]>(spec: ErrorSpec<A>): ErrorFactory<A>;
}

export function defineCatalogue(): ErrorCatalogue {
  const specs: ErrorSpec<never>[] = [];
  const codes = new Set<string>();
  return {
    specs,
    define<A extends unknown[]>(spec: ErrorSpec<A>): ErrorFactory<A> {
      if (codes.has(spec.code)) throw new Error(`error code ${spec.code} is defined twice in one catalogue`);
      codes.add(spec.code);
      const factory = defineError(spec);
      specs.push(spec as unknown as ErrorSpec<never>);
      return factory;
    },
  };
}
