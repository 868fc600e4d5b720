/**
 * Schema-first routes with zod (fastify-type-provider-zod). Our validator compiler differs from the library's in two
 * ways: every issue gets its message in Vietnamese and English (zod's own vi and en locales), and its path starts
 * with the part of the request it is in ("body", "querystring", "params"); and a request zod would accept is
 * accepted by functions compiled from the same schema (zod-fast.ts), with zod itself deciding everything else.
 */
import type { FastifySchemaCompiler } from "fastify";
import { z } from "zod";
import type { Bilingual } from "../../domain/types";
import { ownBilingualMessage } from "../../api";
import { FAIL, fastPath } from "./zod-fast";

export interface RequestIssue {
  path: (string | number)[];
  code: string;
  message: Bilingual;
}

const vi = z.locales.vi().localeError;
const en = z.locales.en().localeError;

function localise(map: typeof vi, issue: z.core.$ZodIssue): string {
  const r = map(issue as unknown as z.core.$ZodRawIssue);
  if (typeof r === "string") return r;
  if (r && typeof r === "object" && typeof r.message === "string") return r.message;
  return issue.message;
}

export function bilingualIssues(error: z.ZodError, part: string): RequestIssue[] {
  return error.issues.map((issue) => {
    // A message set on the schema itself is bilingual (see `bilingualError` in src/api); zod's own are localised.
    const own = ownBilingualMessage(issue.message);
    return {
      path: [part, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))],
      code: issue.code,
      message: own ?? { vi: localise(vi, issue), en: localise(en, issue) },
    };
  });
}

export class RequestValidationError extends Error {
  readonly part: string;
  readonly issues: RequestIssue[];
  readonly statusCode = 400;
  constructor(part: string, issues: RequestIssue[]) {
    super(`request ${part} is invalid`);
    this.part = part;
    this.issues = issues;
  }
}

export const bilingualValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => {
  const part = httpPart ?? "body";
  const fast = fastPath(schema);
  return (data: unknown) => {
    // zod's own output, computed without zod's machinery, for the requests zod accepts (see zod-fast.ts)
    const value = fast(data);
    if (value !== FAIL) return { value };
    const result = schema.safeParse(data);
    if (result.success) return { value: result.data };
    // again with the input kept in each issue (twice as slow, so only on failure): the messages quote it
    const detailed = schema.safeParse(data, { reportInput: true });
    return { error: new RequestValidationError(part, bilingualIssues(detailed.error ?? result.error, part)) };
  };
};
