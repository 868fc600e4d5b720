/**
 * Submissions on the SQLite writer thread (writer-thread.ts): the rules run there, right before the write they
 * decide, and the write shares a durable group commit with the others of its moment. The three steps of the write
 * come from SubmissionStatements.writeSteps(); the checker fills in the flows, the text (deflated on the thread) and
 * its hash. Once the thread has failed, new writes go through the group-commit store on the event loop.
 */
import type { SubmissionStatements } from "../submissions";
import type { WriterThread } from "../writer-thread";
import type { GroupCommitStore } from "./group-commit-store";
import {
  ContextSender,
  isUniqueViolation,
  RACED,
  STORED,
  type StoreArgs,
  type StoreOutcome,
  type SubmissionStore,
} from "./port";

export class WriterThreadStore implements SubmissionStore {
  readonly #thread: WriterThread;
  readonly #statements: SubmissionStatements;
  readonly #fallback: GroupCommitStore;
  readonly #contexts: ContextSender;

  constructor(thread: WriterThread, statements: SubmissionStatements, fallback: GroupCommitStore) {
    this.#thread = thread;
    this.#statements = statements;
    this.#fallback = fallback;
    this.#contexts = new ContextSender(() => [thread, fallback.checker]);
  }

  useChecker(modulePath: string): void {
    this.#contexts.useChecker(modulePath);
  }

  context(data: unknown): number {
    return this.#contexts.context(data);
  }

  get readsHistory(): boolean {
    return this.#thread.available;
  }

  async store(a: StoreArgs): Promise<StoreOutcome> {
    if (!this.#thread.available) return this.#fallback.store(a);
    const w = { ...a.revision, flows: "", figures: "", content_hash: "", content: "" };
    const steps = this.#statements.writeSteps(w);
    const slots = this.#statements.writeStepSlots(w.supersedes === null);
    const payload = a.history ? { ...a.check, historyQuery: a.history.query, ...slots } : { ...a.check, ...slots };
    try {
      const outcome = await this.#thread.write(steps, { context: a.context, payload });
      if (outcome === "refused") return RACED;
      if (typeof outcome === "object") return { kind: "refused", verdict: outcome.verdict };
      return STORED;
    } catch (e) {
      if (isUniqueViolation(e)) return RACED;
      throw e;
    }
  }

  close(): Promise<void> {
    return this.#thread.close();
  }
}
