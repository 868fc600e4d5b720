/**
 * The checker run on the event loop, for the store that has no thread to run it on (the group-commit writer), and
 * for the threaded stores while their thread is unavailable. The same module and numbered contexts as on the
 * threads, so the answer is the same.
 */
import { CHECK_SLOTS } from "../check-thread";
import type { StepParam, WriteChecker } from "../writer-thread";
import type { CheckHost } from "./port";

export type InlineAnswer = { verdict: unknown } | { flows: string; figures: string; text: string; hash: string };

export class InlineChecker implements CheckHost {
  #checker: WriteChecker | null = null;
  readonly #contexts = new Map<number, unknown>();

  useChecker(modulePath: string): void {
    this.#checker = require(modulePath) as WriteChecker;
  }

  setContext(version: number, data: unknown): void {
    this.#contexts.set(version, data);
    for (const v of this.#contexts.keys()) if (v < version - 3) this.#contexts.delete(v);
  }

  /** The rules' verdict, or the flows, the figures, the text to store and its hash. */
  check(context: number, payload: Record<string, unknown>): InlineAnswer {
    if (!this.#checker) throw new Error("a check before its checker");
    if (!this.#contexts.has(context)) throw new Error(`context ${context} unknown`);
    const params: StepParam[][] = [[null, null, null, null]];
    const verdict = this.#checker.check({ ...payload, ...CHECK_SLOTS }, this.#contexts.get(context), params);
    if (verdict !== undefined) return { verdict };
    const [flows, text, hash, figures] = params[0] as [string, string, string, string];
    return { flows, figures, text, hash };
  }
}
