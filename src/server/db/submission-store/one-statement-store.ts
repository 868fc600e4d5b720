/**
 * Submissions as one atomic statement (capability `writeCte`, PostgreSQL: SubmissionStatements.storeInOneStatement),
 * committed durably before it returns; the rules and the deflate run first on the check thread (check-thread.ts),
 * or on the event loop while that thread is unavailable. The check thread starts with the checker (useChecker),
 * so commands that only read never start it.
 */
import type { Kysely } from "kysely";
import { deflateRawSync } from "node:zlib";
import type { Database } from "../schema";
import type { SubmissionStatements, SubmissionWrite } from "../submissions";
import { CheckThread, CHECK_SLOTS } from "../check-thread";
import { PACK_OPTIONS } from "../writer-thread";
import { InlineChecker } from "./inline-checker";
import {
  checkWithHistory,
  ContextSender,
  isUniqueViolation,
  RACED,
  STORED,
  type StoreArgs,
  type StoreOutcome,
  type SubmissionStore,
} from "./port";

export class OneStatementStore implements SubmissionStore {
  readonly #db: Kysely<Database>;
  readonly #statements: SubmissionStatements;
  readonly #inline = new InlineChecker();
  /** the check thread, once a checker is named */
  checkThread: CheckThread | null = null;
  readonly #contexts = new ContextSender(() => [this.#inline, ...(this.checkThread ? [this.checkThread] : [])]);

  constructor(db: Kysely<Database>, statements: SubmissionStatements) {
    this.#db = db;
    this.#statements = statements;
  }

  useChecker(modulePath: string): void {
    this.checkThread ??= new CheckThread();
    this.#contexts.useChecker(modulePath);
  }

  context(data: unknown): number {
    return this.#contexts.context(data);
  }

  readonly readsHistory = false;

  /** What the check derives (flows, stored content, hash), or the rules' verdict. */
  async #check(
    a: StoreArgs,
  ): Promise<{ verdict: unknown } | Pick<SubmissionWrite, "flows" | "figures" | "content_hash" | "content">> {
    const thread = this.checkThread;
    const check = await checkWithHistory(a);
    if (thread?.available) {
      const answer = await thread.check(a.context, { ...check, ...CHECK_SLOTS });
      if ("verdict" in answer) return answer;
      const content = Buffer.from(answer.content.buffer, answer.content.byteOffset, answer.content.byteLength);
      return { flows: answer.flows, figures: answer.figures, content_hash: answer.hash, content };
    }
    const answer = this.#inline.check(a.context, check);
    if ("verdict" in answer) return answer;
    const content = deflateRawSync(Buffer.from(answer.text, "utf8"), PACK_OPTIONS);
    return { flows: answer.flows, figures: answer.figures, content_hash: answer.hash, content };
  }

  async store(a: StoreArgs): Promise<StoreOutcome> {
    const derived = await this.#check(a);
    if ("verdict" in derived) return { kind: "refused", verdict: derived.verdict };
    try {
      if (!(await this.#statements.storeInOneStatement(this.#db, { ...a.revision, ...derived }))) return RACED;
    } catch (e) {
      if (isUniqueViolation(e)) return RACED;
      throw e;
    }
    return STORED;
  }

  async close(): Promise<void> {
    await this.checkThread?.close();
  }
}
