/**
 * Submissions through the group-commit writer (group-commit.ts), the rules run on the event loop: SQLite without a
 * writer thread (":memory:", CHITIEU_SQLITE_WRITER=inline) and the SQLite writer thread's fallback once that thread
 * failed. Jobs that share a commit see each other's rows but not each other's errors, so a job looks for its id
 * before it writes.
 */
import type { Kysely } from "kysely";
import type { Database } from "../schema";
import type { SubmissionStatements } from "../submissions";
import { NothingWritten, type Writer } from "../group-commit";
import { deflateRawSync } from "node:zlib";
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

/** Another request wrote first. */
class RaceLost extends NothingWritten {}

export class GroupCommitStore implements SubmissionStore {
  readonly #writer: Writer;
  readonly #statements: SubmissionStatements;
  readonly #groupCommit: boolean;
  readonly checker = new InlineChecker();
  readonly #contexts = new ContextSender(() => [this.checker]);

  constructor(writer: Writer, statements: SubmissionStatements, groupCommit: boolean) {
    this.#writer = writer;
    this.#statements = statements;
    this.#groupCommit = groupCommit;
  }

  useChecker(modulePath: string): void {
    this.#contexts.useChecker(modulePath);
  }

  context(data: unknown): number {
    return this.#contexts.context(data);
  }

  readonly readsHistory = false;

  async store(a: StoreArgs): Promise<StoreOutcome> {
    const answer = this.checker.check(a.context, await checkWithHistory(a));
    if ("verdict" in answer) return { kind: "refused", verdict: answer.verdict };
    const w = {
      ...a.revision,
      flows: answer.flows,
      figures: answer.figures,
      content_hash: answer.hash,
      content: deflateRawSync(Buffer.from(answer.text, "utf8"), PACK_OPTIONS),
    };
    const statements = this.#statements;
    try {
      await this.#writer.write(async (trx: Kysely<Database>) => {
        if (this.#groupCommit && (await statements.exists(trx, w.id))) throw new RaceLost();
        if (!(await statements.advance(trx, w))) throw new RaceLost();
        await statements.insert(trx, w);
      });
    } catch (e) {
      if (e instanceof RaceLost || isUniqueViolation(e)) return RACED;
      throw e;
    }
    return STORED;
  }

  async close(): Promise<void> {}
}
