/** Messages are written last, from an issue's code and params: Vietnamese first, then English. */
import type { Bilingual, IssueCode } from "../types";
import * as en from "./en";
import type { MessageParams } from "./format";
import * as vi from "./vi";

export type { MessageParams } from "./format";

// Local bindings, taken once: cheaper per call than live import bindings in CommonJS output.
const EN = en.EN;
const VI = vi.VI;

export function messageFor(code: IssueCode, params: MessageParams): Bilingual {
  return { vi: VI[code](params), en: EN[code](params) };
}
