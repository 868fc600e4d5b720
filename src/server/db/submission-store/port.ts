/**
 * The one way a submission is stored: `store(args)` checks the new revision with the rules (the checker module the
 * service names once) and writes it, and answers
 *  - `stored`: committed (durably) before the promise resolves;
 *  - `raced`: another request wrote first (this id is stored already, or the report's head moved or was locked);
 *    nothing of this write is stored;
 *  - `refused`: the rules refused the report (their verdict, with its issues); nothing written.
 * Three implementations, chosen once in connect.ts from the engine's capabilities: the SQLite writer thread
 * (writer-thread-store.ts), one PostgreSQL statement (one-statement-store.ts), the group-commit writer on the event
 * loop (group-commit-store.ts).
 */
import type { HistoryQuery } from "../history-rows";
import type { SubmissionWrite } from "../submissions";

/** A new revision, but what its check derives from the figures: the flows, the figures, the stored content, its hash. */
export type NewRevision = Omit<SubmissionWrite, "flows" | "figures" | "content_hash" | "content">;

export interface StoreArgs {
  revision: NewRevision;
  /** the reference context the rules judge with (a number from `context()`) */
  context: number;
  /**
   * What the checker module takes (services/submission-check.ts `CheckPayload`), but the slots where it puts what
   * it derives: each store adds those for its own parameter lists.
   */
  check: { canonicalText: string } & Record<string, unknown>;
  /**
   * The rules' history when `check` does not carry it (the service left it unread because `readsHistory` was true):
   * the writer thread runs `query` on its connection; a store without that thread (one that failed meanwhile) calls
   * `read` and puts the rows into the check as `history`.
   */
  history?: { query: HistoryQuery; read: () => Promise<unknown> };
}

/** `check` with its history: `a.check` as it is, or with the rows `a.history.read()` gives (event-loop stores). */
export async function checkWithHistory(a: StoreArgs): Promise<StoreArgs["check"]> {
  return a.history ? { ...a.check, history: await a.history.read() } : a.check;
}

export type StoreOutcome = { kind: "stored" } | { kind: "raced" } | { kind: "refused"; verdict: unknown };

export interface SubmissionStore {
  /** True when the store reads the rules' history itself (StoreArgs.history), so the event loop need not. */
  readonly readsHistory: boolean;
  /** The checker module (see writer-thread.ts `WriteChecker`) that every write is checked with. Call once. */
  useChecker(modulePath: string): void;
  /** Send the reference data the rules judge with; the answer is the number writes name it by. */
  context(data: unknown): number;
  store(args: StoreArgs): Promise<StoreOutcome>;
  /** Stop the store's threads (the handle's close() calls it). */
  close(): Promise<void>;
}

export const STORED: StoreOutcome = { kind: "stored" };
export const RACED: StoreOutcome = { kind: "raced" };

/** Something that runs a checker with numbered contexts: the writer thread, the check thread, InlineChecker. */
export interface CheckHost {
  useChecker(modulePath: string): void;
  setContext(version: number, data: unknown): void;
}

/** Numbers the contexts and sends each to every host. */
export class ContextSender {
  #version = 0;
  readonly #hosts: () => CheckHost[];

  constructor(hosts: () => CheckHost[]) {
    this.#hosts = hosts;
  }

  useChecker(modulePath: string): void {
    for (const h of this.#hosts()) h.useChecker(modulePath);
  }

  context(data: unknown): number {
    const version = ++this.#version;
    for (const h of this.#hosts()) h.setContext(version, data);
    return version;
  }
}

/** A unique or primary-key constraint refused the write (both engines report it by code). */
export function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "SQLITE_CONSTRAINT_UNIQUE";
}
