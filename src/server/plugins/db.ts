/**
 * Shares the database handle, the in-memory reference data and the durable writer with every route plugin.
 * Migrations and seeding run here, before any route answers.
 */
import fp from "fastify-plugin";
import type { DbHandle } from "../db/connect";
import { migrateToLatest } from "../db/connect";
import { seedReferenceData } from "../db/seed";
import { ReferenceData } from "../services/reference";
import type { Writer } from "../db/group-commit";
import type { SubmissionStatements } from "../db/submissions";

declare module "fastify" {
  interface FastifyInstance {
    store: DbHandle;
    reference: ReferenceData;
    writer: Writer;
    /** the submission path's statements, compiled once */
    statements: SubmissionStatements;
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
    app.decorate("writer", opts.handle.writer);
    app.decorate("statements", opts.handle.statements);
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
      if (opts.ownsHandle) await opts.handle.close();
    });
  },
  { name: "chitieu-db", fastify: "5.x" },
);
