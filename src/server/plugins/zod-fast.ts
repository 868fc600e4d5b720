/**
 * A fast path for accepting a request that zod would accept: each schema is compiled once, from its own zod
 * definition, into a plain function that either returns exactly the output zod's `safeParse` would give, or says
 * it cannot (FAIL). FAIL never means "invalid" — it means "ask zod": the validator compiler then runs zod, which
 * gives the verdict and, for a bad request, its bilingual issues with their paths. So the schemas stay the one
 * statement of every request shape (and of the OpenAPI document); this module adds no rule of its own.
 *
 * Why: a report is 43 entries of up to eight fields, and zod's general machinery (a context, an issues array and a
 * result object per value, and for the cell value's union an issue for each option it rejects) cost a sixth of the
 * event loop's time under a deadline burst. The compiled checks do the same tests on the value itself.
 *
 * What compiles: objects (strict or stripping), arrays, strings (with min/max/length, the uuid, guid and regex
 * formats, refinements and overwrites such as trim), finite numbers (with integer and bound checks), booleans,
 * null, enums, literals, optional, nullable and unions of those. Anything else — a transform, a pipe, a default,
 * coercion, an unknown check — is handed to zod itself for that value, so the output is still zod's own. Every
 * compiled test is at least as strict as zod's: where in doubt it FAILs, and zod decides. The equivalence is
 * tested (test/server/zod-fast.test.ts) over valid reports and thousands of mutated ones.
 */
import type { z } from "zod";

export const FAIL: unique symbol = Symbol("ask zod");
export type Fast = (value: unknown) => unknown;

type Def = Record<string, unknown> & { type: string; checks?: Check[] };
type Check = { _zod: { def: Record<string, unknown> & { check: string } } };
type Step = (value: unknown) => unknown;

const PATTERN_FORMATS = new Set(["uuid", "guid", "regex"]);

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** The schema handed to zod itself: its output when it accepts, FAIL when it does not. */
function viaZod(schema: z.ZodType): Fast {
  return (value) => {
    const r = schema.safeParse(value);
    return r.success ? r.data : FAIL;
  };
}

/** A check on a string, array or number, or null when it is not one this module knows (the whole node goes to zod). */
function compileCheck(check: Check): Step | null {
  const d = check._zod.def;
  switch (d.check) {
    case "max_length": {
      const max = d.maximum as number;
      return (v) => ((v as { length: number }).length <= max ? v : FAIL);
    }
    case "min_length": {
      const min = d.minimum as number;
      return (v) => ((v as { length: number }).length >= min ? v : FAIL);
    }
    case "length_equals": {
      const n = d.length as number;
      return (v) => ((v as { length: number }).length === n ? v : FAIL);
    }
    case "string_format":
      return patternStep(d);
    case "custom": {
      // a refinement: zod passes the value when the function returns a truthy value (a Promise cannot be awaited here)
      const fn = d.fn as (v: unknown) => unknown;
      return (v) => {
        const r = fn(v);
        return r && !(r instanceof Promise) ? v : FAIL;
      };
    }
    case "overwrite": {
      const tx = d.tx as (v: unknown) => unknown;
      return (v) => tx(v);
    }
    case "number_format":
      // z.number().int(): a safe integer; other formats (int32, float32, …) have bounds this does not restate
      return d.format === "safeint" ? (v) => (Number.isSafeInteger(v) ? v : FAIL) : null;
    case "greater_than": {
      const min = d.value as number;
      return d.inclusive ? (v) => ((v as number) >= min ? v : FAIL) : (v) => ((v as number) > min ? v : FAIL);
    }
    case "less_than": {
      const max = d.value as number;
      return d.inclusive ? (v) => ((v as number) <= max ? v : FAIL) : (v) => ((v as number) < max ? v : FAIL);
    }
    default:
      return null;
  }
}

function patternStep(d: Record<string, unknown>): Step | null {
  if (!PATTERN_FORMATS.has(d.format as string) || !(d.pattern instanceof RegExp)) return null;
  const pattern = d.pattern;
  return (v) => {
    pattern.lastIndex = 0;
    return pattern.test(v as string) ? v : FAIL;
  };
}

/** The type test, then each check in order (an overwrite changes the value the later checks see). */
function withChecks(typeTest: (v: unknown) => boolean, steps: Step[]): Fast {
  if (steps.length === 0) return (v) => (typeTest(v) ? v : FAIL);
  const [a, b] = steps as [Step, Step];
  if (steps.length === 1) return (v) => (typeTest(v) ? a(v) : FAIL);
  if (steps.length === 2)
    return (v) => {
      if (!typeTest(v)) return FAIL;
      const out = a(v);
      return out === FAIL ? FAIL : b(out);
    };
  return (v) => {
    if (!typeTest(v)) return FAIL;
    let out = v;
    for (const step of steps) {
      out = step(out);
      if (out === FAIL) return FAIL;
    }
    return out;
  };
}

function checksOf(def: Def, own: Step | null = null): Step[] | null {
  const steps: Step[] = own ? [own] : [];
  for (const c of def.checks ?? []) {
    const step = compileCheck(c);
    if (!step) return null;
    steps.push(step);
  }
  return steps;
}

const isString = (v: unknown): boolean => typeof v === "string";
const isNumber = (v: unknown): boolean => typeof v === "number" && Number.isFinite(v);
const isPlainObject = (v: unknown): boolean => typeof v === "object" && v !== null && !Array.isArray(v);

function compileNode(schema: z.ZodType): Fast {
  const def = defOf(schema);
  if (def.coerce) return viaZod(schema);
  switch (def.type) {
    case "string": {
      // a string format schema (z.uuid()) is itself its first check
      const own = def.format !== undefined ? patternStep(def) : null;
      if (def.format !== undefined && !own) return viaZod(schema);
      const steps = checksOf(def, own);
      return steps ? withChecks(isString, steps) : viaZod(schema);
    }
    case "number": {
      const steps = checksOf(def);
      return steps ? withChecks(isNumber, steps) : viaZod(schema);
    }
    case "boolean":
      return def.checks?.length ? viaZod(schema) : (v) => (typeof v === "boolean" ? v : FAIL);
    case "null":
      return (v) => (v === null ? v : FAIL);
    case "enum":
    case "literal": {
      const values = (schema as unknown as { _zod: { values?: Set<unknown> } })._zod.values;
      if (!(values instanceof Set)) return viaZod(schema);
      return (v) => (values.has(v) ? v : FAIL);
    }
    case "optional": {
      const inner = compileNode(def.innerType as z.ZodType);
      return (v) => (v === undefined ? undefined : inner(v));
    }
    case "nullable": {
      const inner = compileNode(def.innerType as z.ZodType);
      return (v) => (v === null ? null : inner(v));
    }
    case "union": {
      if (def.inclusive === false) return viaZod(schema); // z.xor: exactly one option must match
      const options = (def.options as z.ZodType[]).map(compileNode);
      return (v) => {
        for (const option of options) {
          const out = option(v);
          if (out !== FAIL) return out;
        }
        return FAIL;
      };
    }
    case "array":
      return compileArray(schema, def);
    case "object":
      return compileObject(schema, def);
    default:
      return viaZod(schema);
  }
}

function compileArray(schema: z.ZodType, def: Def): Fast {
  const steps = checksOf(def);
  if (!steps) return viaZod(schema);
  const element = compileNode(def.element as z.ZodType);
  return (v) => {
    if (!Array.isArray(v)) return FAIL;
    for (const step of steps) if (step(v) === FAIL) return FAIL;
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) {
      const e = element(v[i]);
      if (e === FAIL) return FAIL;
      out[i] = e;
    }
    return out;
  };
}

function compileObject(schema: z.ZodType, def: Def): Fast {
  if (def.checks?.length) return viaZod(schema);
  const catchall = def.catchall as z.ZodType | undefined;
  // strict (a never catchall) refuses unknown keys; no catchall strips them; any other catchall goes to zod
  const strict = catchall !== undefined && defOf(catchall).type === "never";
  if (catchall !== undefined && !strict) return viaZod(schema);
  const shape = def.shape as Record<string, z.ZodType>;
  const keys = Object.keys(shape);
  const known = new Set(keys);
  const fields = keys.map((k) => compileNode(shape[k] as z.ZodType));
  return (v) => {
    if (!isPlainObject(v)) return FAIL;
    const input = v as Record<string, unknown>;
    if (strict) for (const k in input) if (!known.has(k)) return FAIL;
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as string;
      const r = (fields[i] as Fast)(input[k]);
      if (r === FAIL) return FAIL;
      // as zod: a key whose output is undefined appears only if the input had it
      if (r !== undefined || k in input) out[k] = r;
    }
    return out;
  };
}

const compiled = new WeakMap<z.ZodType, Fast>();

/** The schema's fast path: zod's own output for a value zod accepts, or FAIL (then ask zod). */
export function fastPath(schema: z.ZodType): Fast {
  let f = compiled.get(schema);
  if (!f) {
    f = compileNode(schema);
    compiled.set(schema, f);
  }
  return f;
}
