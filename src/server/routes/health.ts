import fs from "node:fs";
import type { FastifyInstance } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { failureReason } from "../db/failures";

/** Below this much free space on the database's disk the instance says it is not ready (CHITIEU_MIN_FREE_MB). */
export const DEFAULT_MIN_FREE_BYTES = 16 * 1024 * 1024;
const PING_TIMEOUT_MS = 2_000;
/** After a write failed on a full disk somewhere we cannot measure (PostgreSQL's server), not ready this long. */
const STORAGE_FULL_HOLD_MS = 10_000;

const Check = z.object({ ok: z.boolean(), reason: z.string().optional() });
const Readiness = z.object({
  ok: z.boolean(),
  live: z.literal(true),
  ready: z.boolean(),
  database: z.string(),
  catalogVersion: z.string(),
  checks: z.object({
    database: Check.extend({ ms: z.number() }),
    disk: Check.extend({ freeBytes: z.number().nullable() }),
  }),
});
type ReadinessBody = z.infer<typeof Readiness>;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

async function databaseCheck(app: FastifyInstance): Promise<ReadinessBody["checks"]["database"]> {
  const started = performance.now();
  try {
    await withTimeout(app.store.db.selectFrom("setting").select("key").limit(1).execute(), PING_TIMEOUT_MS);
    return { ok: true, ms: Math.round(performance.now() - started) };
  } catch (e) {
    return { ok: false, ms: Math.round(performance.now() - started), reason: failureReason(e) };
  }
}

function diskCheck(app: FastifyInstance, minFreeBytes: number): ReadinessBody["checks"]["disk"] {
  if (Date.now() - app.outages.storageFullAt < STORAGE_FULL_HOLD_MS && app.store.dataDir === null) {
    return { ok: false, freeBytes: null, reason: "a write failed on a full disk" };
  }
  if (app.store.dataDir === null) return { ok: true, freeBytes: null };
  try {
    const s = fs.statfsSync(app.store.dataDir);
    const free = s.bavail * s.bsize;
    return free >= minFreeBytes
      ? { ok: true, freeBytes: free }
      : { ok: false, freeBytes: free, reason: `${free} bytes free, fewer than ${minFreeBytes}` };
  } catch (e) {
    return { ok: false, freeBytes: null, reason: failureReason(e) };
  }
}

/**
 * Liveness (`/health/live`: the process answers) and readiness (`/health` and `/health/ready`: the database answers
 * within 2 s and its disk has room). A load balancer sends traffic on readiness; a service manager restarts on
 * liveness only, so a database outage never turns into a restart loop.
 */
export const healthRoutes: FastifyPluginAsyncZod<{ minFreeBytes?: number }> = async (app, opts) => {
  const minFreeBytes = opts.minFreeBytes ?? DEFAULT_MIN_FREE_BYTES;
  app.get(
    "/health/live",
    {
      config: { access: "public" },
      schema: {
        summary: "Liveness: the process answers (never looks at the database)",
        tags: ["ops"],
        response: { 200: z.object({ ok: z.literal(true), live: z.literal(true), uptimeSeconds: z.number() }) },
      },
    },
    async () => ({ ok: true as const, live: true as const, uptimeSeconds: Math.round(process.uptime()) }),
  );
  for (const url of ["/health", "/health/ready"]) {
    app.get(
      url,
      {
        config: { access: "public" },
        schema: {
          summary: "Readiness: the database answers and its disk has room (503 when not)",
          tags: ["ops"],
          response: { 200: Readiness, 503: Readiness },
        },
      },
      async (_request, reply) => {
        const [database, disk] = [await databaseCheck(app), diskCheck(app, minFreeBytes)];
        const ready = database.ok && disk.ok;
        const body: ReadinessBody = {
          ok: ready,
          live: true,
          ready,
          database: app.store.engine,
          catalogVersion: app.reference.currentCatalog.version,
          checks: { database, disk },
        };
        if (!ready) reply.code(503).header("retry-after", "5");
        return body;
      },
    );
  }
};
