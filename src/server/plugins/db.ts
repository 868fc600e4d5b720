/**
 * Shares the database handle, the in-memory reference data and the durable writer with every route plugin.
 * Migrations and seeding run here, before any route answers.
 */
import fp from "fastify-plugin";
import type { DbHandle } from "../db/connect";
import { migrateToLatest } from "../db/connect";
import { seedReferenceData } from "../db/seed";
import { ReferenceData } from "../services/reference";
import { Writer } from "../services/writer";
import { SubmissionStatements } from "../db/submissions";
import { CheckThread } from "../services/check-thread";

declare module "fastify" {
  interface FastifyInstance {
    store: DbHandle;
    reference: ReferenceData;
    writer: Writer;
    /** the submission path's statements, compiled once */
    statements: SubmissionStatements;
    /** where no SQLite writer thread runs a submission's rules (PostgreSQL): the thread that does; else null */
    checks: CheckThread | null;
    clock: () => Date;
  }
}

export interface DbPluginOptions {
  handle: DbHandle;
  ownsHandle: boolean;
  clock: () => Date;
  /** re-read units and the current catalog this often (several instances); 0 = never */
  referenceRefreshMs: number;
}

export const dbPlugin = fp(
  async (app, opts: DbPluginOptions) => {
    await migrateToLatest(opts.handle);
    await seedReferenceData(opts.handle.db, opts.clock().toISOString());
    const reference = new ReferenceData(opts.handle.db);
    await reference.reload();
    app.decorate("store", opts.handle);
    app.decorate("reference", reference);
    app.decorate("writer", new Writer(opts.handle));
    app.decorate("statements", new SubmissionStatements(opts.handle.db, opts.handle.reads));
    const checks = opts.handle.writerThread === null && opts.handle.caps.writeCte ? new CheckThread() : null;
    app.decorate("checks", checks);
    app.decorate("clock", opts.clock);
    let timer: NodeJS.Timeout | null = null;
    if (opts.referenceRefreshMs > 0) {
      timer = setInterval(() => {
        reference.reload().catch((err: unknown) => app.log.warn({ err }, "reference data reload failed"));
      }, opts.referenceRefreshMs);
      timer.unref();
    }
    app.addHook("onClose", async () => {
      if (timer) clearInterval(timer);
      await checks?.close();
      if (opts.ownsHandle) await opts.handle.close();
    });
  },
  { name: "chitieu-db", fastify: "5.x" },
);
