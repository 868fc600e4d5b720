/**
 * `buildApp(opts)` assembles the endpoint and never listens (src/server/main.ts does). Tests call it with an
 * in-memory or per-test database and use `app.inject`.
 */
import fs from "node:fs";
import path from "node:path";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import cors from "@fastify/cors";
import swagger from "@fastify/swagger";
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { connect, type DbConfig, type DbHandle } from "./db/connect";
import { dbPlugin } from "./plugins/db";
import { authPlugin } from "./plugins/auth";
import { problemPlugin } from "./plugins/problem";
import { securityPlugin } from "./plugins/security";
import { bilingualValidatorCompiler } from "./plugins/zod";
import { DEV_PEPPER } from "./tokens";
import { CT_UNSUPPORTED_MEDIA_TYPE } from "./errors";
import { DEFAULT_PLAN_YEARS, type PlanYears } from "./periods";
import { HISTORY_THRESHOLDS, type HistoryThresholds } from "../domain/rules/history";
import { healthRoutes } from "./routes/health";
import { catalogRoutes } from "./routes/catalog";
import { applicabilityRoutes } from "./routes/applicability";
import { unitRoutes } from "./routes/units";
import { periodRoutes } from "./routes/periods";
import { meRoutes } from "./routes/me";
import { meApplicabilityRoutes } from "./routes/me-applicability";
import { submissionRoutes } from "./routes/submissions";
import { reportRoutes } from "./routes/reports";
import { plannerRoutes } from "./routes/planner";
import { tokenRoutes } from "./routes/tokens";
import { demoRoutes } from "./routes/demo";
import { adminRoutes } from "./routes/admin";
import { seriesRoutes } from "./routes/series";
import { boardRoutes } from "./routes/board";
import { taskRoutes } from "./routes/tasks";
import { taskBoardRoutes } from "./routes/task-board";
import { trendRoutes } from "./routes/trends";
import { handoutRoutes } from "./routes/handouts";
import { defaultHandoutSources, type HandoutSources } from "./services/handout";
import { API_PREFIX } from "../api";

export const DEFAULT_ORIGIN = "https://localhost:3000";
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export interface AppOptions {
  /** an open database handle (the caller closes it), or a configuration (the app opens and closes it) */
  db: DbHandle | DbConfig;
  /** token pepper; default the development pepper */
  pepper?: string;
  /** origins allowed by CORS (the add-in's origin); default https://localhost:3000 */
  allowedOrigins?: string[];
  bodyLimit?: number;
  /** folder with the built add-in (dist/web); served at / when it exists */
  staticRoot?: string | null;
  /** HTTPS key and certificate (PEM) */
  tls?: { key: string | Buffer; cert: string | Buffer } | null;
  /**
   * whose X-Forwarded-For to believe: the trusted proxies' addresses/CIDRs or a hop count (main.ts,
   * CHITIEU_TRUSTED_PROXIES); true believes anyone's — never set it so in a deployment
   */
  trustProxy?: boolean | string[] | number;
  logger?: FastifyServerOptions["logger"];
  /** the clock (tests set deadlines' "now") */
  now?: () => Date;
  /** failed authentications allowed per IP address and window before 429 */
  authFailures?: { max: number; windowMs: number };
  /** token look-ups cached this long, ms (default 5000; 0 = no cache) */
  tokenCacheMs?: number;
  /**
   * refuse figures beyond their plausible bound (src/domain/rules/bounds.ts); default true. Tests turn it off to
   * store what a server without the check accepted, and show that reads of such data still answer.
   */
  checkFigureBounds?: boolean;
  /** the history checks' thresholds (CHITIEU_HISTORY_THRESHOLDS); default HISTORY_THRESHOLDS */
  historyThresholds?: HistoryThresholds;
  /** Strict-Transport-Security (default: when `tls` is set; main.ts adds production behind a proxy) */
  hsts?: boolean;
  /** serve the bundles' source maps (*.map); default true — main.ts turns them off in production */
  sourceMaps?: boolean;
  /** the plan's years: periods outside them are refused (default 2026–2030; CHITIEU_PLAN_YEARS) */
  planYears?: PlanYears;
  /** free bytes the database's disk must keep for readiness (default 16 MB; CHITIEU_MIN_FREE_MB) */
  minFreeBytes?: number;
  /** units and current catalog re-read this often, ms (default 10000; 0 = never) */
  referenceRefreshMs?: number;
  /** where the handouts' screenshots, help texts and chromium are (default: the package's, services/handout.ts) */
  handouts?: HandoutSources;
}

/**
 * A hop count means: believe the last N entries of X-Forwarded-For, whoever the peer is (fastify 5 itself fails
 * closed on a number) — only right when the port is reachable through the proxies alone.
 */
function trustProxyOption(tp: AppOptions["trustProxy"]): FastifyServerOptions["trustProxy"] {
  if (typeof tp === "number") return (_address: string, hop: number) => hop < tp;
  return tp ?? false;
}

function isHandle(db: DbHandle | DbConfig): db is DbHandle {
  return typeof (db as DbHandle).close === "function" && "db" in db;
}

/** Fastify's compiler factories, typed for Ajv's; ours ignore the shared schemas and always answer zod's compilers. */
const ZOD_COMPILERS = {
  buildValidator: () => bilingualValidatorCompiler,
  buildSerializer: () => serializerCompiler,
} as unknown as NonNullable<FastifyServerOptions["schemaController"]>["compilersFactory"];

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const bodyLimit = opts.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const pepper = opts.pepper ?? DEV_PEPPER;
  const base: FastifyServerOptions = {
    logger: opts.logger ?? false,
    bodyLimit,
    trustProxy: trustProxyOption(opts.trustProxy),
    // an endpoint answer never takes long; keep slow clients from holding sockets
    requestTimeout: 30_000,
    routerOptions: { ignoreTrailingSlash: true },
    // zod validates and serializes every route: without these factories Fastify would load Ajv and
    // fast-json-stringify for its own defaults (~11 MB resident in each worker, never used)
    schemaController: { compilersFactory: ZOD_COMPILERS },
  };
  const app = (
    opts.tls
      ? Fastify({ ...base, https: { key: opts.tls.key, cert: opts.tls.cert } } as FastifyServerOptions)
      : Fastify(base)
  ) as FastifyInstance;
  // every route, as registered: the access tests walk them all, so no route escapes them (test/server/demo-world)
  const routeTable: { method: string; url: string; access: string }[] = [];
  app.decorate("routeTable", routeTable);
  app.addHook("onRoute", (r) => {
    for (const method of [r.method].flat()) routeTable.push({ method, url: r.url, access: r.config?.access ?? "any" });
  });
  // the API speaks JSON only: a text/plain body is refused with 415 rather than read as a string
  app.removeContentTypeParser("text/plain");
  app.setValidatorCompiler(bilingualValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const owns = !isHandle(opts.db);
  const handle = isHandle(opts.db) ? opts.db : await connect(opts.db);

  await app.register(problemPlugin, { bodyLimit });
  await app.register(securityPlugin, { hsts: opts.hsts ?? Boolean(opts.tls) });
  app.decorate("plan", opts.planYears ?? DEFAULT_PLAN_YEARS);
  app.decorate("historyThresholds", opts.historyThresholds ?? HISTORY_THRESHOLDS);
  // the API reads UTF-8 only: a body declared in another charset is refused, never stored with its bytes altered
  app.addHook("onRequest", async (request) => {
    const type = request.headers["content-type"];
    const charset = type ? /;\s*charset\s*=\s*"?([^";\s]*)"?/i.exec(type)?.[1] : undefined;
    if (charset !== undefined && !/^utf-?8$/i.test(charset)) throw CT_UNSUPPORTED_MEDIA_TYPE({ contentType: type! });
  });
  await app.register(dbPlugin, {
    handle,
    ownsHandle: owns,
    clock: opts.now ?? (() => new Date()),
    referenceRefreshMs: opts.referenceRefreshMs ?? 10_000,
  });
  // CORS before authentication, so a refused cross-origin request still carries the headers the pane needs to read it
  await app.register(cors, {
    origin: opts.allowedOrigins ?? [DEFAULT_ORIGIN],
    methods: ["GET", "POST", "PUT", "DELETE", "OPTIONS"],
    allowedHeaders: ["authorization", "content-type", "x-chitieu-client"],
    exposedHeaders: ["retry-after"],
    maxAge: 600,
  });
  await app.register(authPlugin, {
    pepper,
    tokenCacheMs: opts.tokenCacheMs ?? 5_000,
    failures: opts.authFailures ?? { max: 20, windowMs: 60_000 },
  });
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Chỉ tiêu endpoint",
        description:
          "Reports of Hanoi's units against the city's 43 main targets 2026-2030. Errors are application/problem+json with a stable code (see src/server/README.md).",
        version: "1.0.0",
      },
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });

  await app.register(
    async (api) => {
      const typed = api.withTypeProvider<ZodTypeProvider>();
      await typed.register(healthRoutes, { minFreeBytes: opts.minFreeBytes });
      await typed.register(catalogRoutes);
      await typed.register(unitRoutes);
      await typed.register(periodRoutes);
      await typed.register(meRoutes);
      await typed.register(meApplicabilityRoutes);
      await typed.register(submissionRoutes, { checkBounds: opts.checkFigureBounds });
      await typed.register(reportRoutes);
      await typed.register(plannerRoutes);
      await typed.register(seriesRoutes);
      await typed.register(boardRoutes);
      await typed.register(trendRoutes);
      await typed.register(tokenRoutes, { pepper });
      await typed.register(demoRoutes);
      await typed.register(adminRoutes);
      await typed.register(applicabilityRoutes);
      await typed.register(taskRoutes);
      await typed.register(taskBoardRoutes);
      api.get("/openapi.json", { config: { access: "public" }, schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: API_PREFIX },
  );

  const staticRoot = opts.staticRoot ? path.resolve(opts.staticRoot) : null;
  await app
    .withTypeProvider<ZodTypeProvider>()
    .register(handoutRoutes, { sources: opts.handouts ?? defaultHandoutSources(staticRoot) });
  if (staticRoot && fs.existsSync(staticRoot)) {
    // loaded only when there is something to serve (its content-disposition dependency is ESM-only)
    const { default: fastifyStatic } = await import("@fastify/static");
    const sourceMaps = opts.sourceMaps !== false;
    await app.register(fastifyStatic, {
      root: staticRoot,
      prefix: "/",
      index: false,
      // dotfiles are never served; source maps only outside production (they hold the whole source)
      allowedPath: (pathName) => sourceMaps || !pathName.endsWith(".map"),
    });
    app.get("/", { schema: { hide: true } }, async (_request, reply) => reply.redirect("/taskpane.html"));
  }

  return app;
}
