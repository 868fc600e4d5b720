/** Messages are written last, from an issue's code and params: Vietnamese first, then English. */
import type { Bilingual, IssueCode } from "../types";
import * as en from "./en";
import type { MessageParams } from "./format";
import * as vi from "./vi";

export type { MessageParams } from "./format";

// Local bindings, taken once: cheaper per call than live import bindings in CommonJS output.
const EN = en.EN;
const VI = vi.VI;

const S = "\u0001";
/**
 * The codes whose texts repeat across reports (every ward gets the same "no target set for 2026" for the same
 * targets; the same "45.000" is typed again and again), with a key over every param their messages use. Their texts
 * are memoized (bounded) and shared, hence frozen.
 */
const MEMO_KEYS: Partial<Record<IssueCode, (p: MessageParams) => string>> = {
  no_target: (p) =>
    `${p.targetId}${S}${p.year}${S}${p.reason}${S}${p.termTarget}${S}${p.termUnit}${S}${p.field}${S}${p.cell}`,
  ambiguous_number: (p) => `${p.targetId}${S}${p.field}${S}${p.cell}${S}${p.locale}${S}${p.text}${S}${p.value}`,
  required: (p) => `${p.targetId}${S}${p.field}${S}${p.cell}`,
};
const MEMO = new Map<string, Bilingual>();
const MEMO_LIMIT = 20_000;

function build(code: IssueCode, params: MessageParams): Bilingual {
  return { vi: VI[code](params), en: EN[code](params) };
}

export function messageFor(code: IssueCode, params: MessageParams): Bilingual {
  const keyOf = MEMO_KEYS[code];
  if (keyOf === undefined) return build(code, params);
  const key = code + S + keyOf(params);
  let m = MEMO.get(key);
  if (m === undefined) {
    m = Object.freeze(build(code, params));
    if (MEMO.size >= MEMO_LIMIT) MEMO.clear();
    MEMO.set(key, m);
  }
  return m;
}
