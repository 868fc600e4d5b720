/**
 * Bearer tokens. Each route says who may call it in `config.access`: "public", "any" (a valid token of any role —
 * the default), "planner" (planner or admin) or "admin". Unit scope (a unit token reaches only its own unit) is
 * checked by `assertUnitAccess` where a route names a unit.
 *
 * Failed authentications are limited per address *and* credential, so a valid token is never refused because of
 * other tokens' failures from the same address (a ward office behind one NAT): a token id (the `ct_<id>_` part)
 * that fails `max` times from one address is refused there with 429 until the window ends; requests that name no
 * existing token (missing, malformed, made-up ids) count against the address, and past `max × 5` of those the
 * address gets 429 for anything but a real token's id. The address is the socket's peer, or the client named by
 * X-Forwarded-For only through the proxies configured as trusted (CHITIEU_TRUSTED_PROXIES), so a client cannot
 * spread its failures over invented addresses nor charge them to a victim's.
 */
import fp from "fastify-plugin";
import type { FastifyRequest } from "fastify";
import {
  CT_AUTH_RATE_LIMITED,
  CT_DEMO_FORBIDDEN,
  CT_ROLE_FORBIDDEN,
  CT_TOKEN_EXPIRED,
  CT_TOKEN_INVALID,
  CT_TOKEN_REVOKED,
  CT_UNAUTHENTICATED,
  CT_UNIT_FORBIDDEN,
} from "../errors";
import { findTokenByHash, findTokenById } from "../db/tokens";
import type { TokenRow } from "../db/schema";
import { hashToken, tokenId, type Role } from "../tokens";

export type Access = "public" | "any" | "planner" | "admin";

export interface AuthContext {
  tokenId: string;
  role: Role;
  unitCode: string | null;
  label: string;
  /** when the token stops working; null = never */
  expiresAt: string | null;
  /** a demo token (the classroom's planner, or a demo unit's): it reaches demo units only (demo-world.ts) */
  demo: boolean;
}

declare module "fastify" {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyInstance {
    /** forget cached token look-ups (after a revocation through the API) */
    forgetTokens(): void;
    /** every route registered (method, URL, access), in order: what the access tests walk */
    routeTable: readonly { method: string; url: string; access: string }[];
  }
}

export interface AuthPluginOptions {
  pepper: string;
  /** how long a token look-up is cached in memory (revocations elsewhere take effect within this), ms */
  tokenCacheMs: number;
  /** failures per (address, token id) before 429; requests naming no existing token: max × 5 per address */
  failures: { max: number; windowMs: number };
}

const NEEDED: Record<Exclude<Access, "public" | "any">, Role[]> = { planner: ["planner", "admin"], admin: ["admin"] };

class FailureCounter {
  readonly #hits = new Map<string, { count: number; since: number }>();
  constructor(
    readonly max: number,
    readonly windowMs: number,
  ) {}

  /** seconds to wait when the key is over the limit, else 0 */
  blockedFor(key: string, now: number): number {
    const h = this.#hits.get(key);
    if (!h) return 0;
    if (now - h.since >= this.windowMs) {
      this.#hits.delete(key);
      return 0;
    }
    return h.count >= this.max ? Math.ceil((h.since + this.windowMs - now) / 1000) : 0;
  }

  fail(key: string, now: number): void {
    const h = this.#hits.get(key);
    if (!h || now - h.since >= this.windowMs) {
      if (this.#hits.size > 10_000) this.#hits.clear();
      this.#hits.set(key, { count: 1, since: now });
    } else {
      h.count += 1;
    }
  }
}

export function assertUnitAccess(request: FastifyRequest, unitCode: string): void {
  const auth = request.auth;
  if (!auth) throw CT_UNAUTHENTICATED();
  if (auth.role === "unit" && auth.unitCode !== unitCode) {
    throw CT_UNIT_FORBIDDEN({ tokenUnit: auth.unitCode ?? "?", unitCode });
  }
  // the classroom is a world of its own: a demo token never reaches a real unit (nor an unknown code)
  if (auth.demo && request.server.reference.registry.byCode(unitCode)?.demo !== true) {
    throw CT_DEMO_FORBIDDEN({ unitCode });
  }
}

export function requireAuth(request: FastifyRequest): AuthContext {
  if (!request.auth) throw CT_UNAUTHENTICATED();
  return request.auth;
}

export const authPlugin = fp(
  async (app, opts: AuthPluginOptions) => {
    const pairs = new FailureCounter(opts.failures.max, opts.failures.windowMs);
    const addresses = new FailureCounter(opts.failures.max * 5, opts.failures.windowMs);
    const cache = new Map<string, { row: TokenRow; until: number }>();
    app.decorateRequest("auth", null);

    async function lookup(hash: string, now: number): Promise<TokenRow | undefined> {
      if (opts.tokenCacheMs > 0) {
        const hit = cache.get(hash);
        if (hit && hit.until > now) return hit.row;
      }
      const row = await findTokenByHash(app.store.db, hash);
      if (row && opts.tokenCacheMs > 0) {
        if (cache.size > 10_000) cache.clear();
        cache.set(hash, { row, until: now + opts.tokenCacheMs });
      }
      return row;
    }

    // whether a token id names a stored token (revoked or not), cached like the look-ups
    const ids = new Map<string, { exists: boolean; until: number }>();
    async function idExists(id: string, now: number): Promise<boolean> {
      const hit = ids.get(id);
      if (hit && hit.until > now) return hit.exists;
      const exists = (await findTokenById(app.store.db, id)) !== undefined;
      if (ids.size > 10_000) ids.clear();
      ids.set(id, { exists, until: now + Math.max(opts.tokenCacheMs, 1_000) });
      return exists;
    }
    app.decorate("forgetTokens", () => {
      cache.clear();
      ids.clear();
    });

    app.addHook("onRequest", async (request) => {
      const access = request.routeOptions.config?.access ?? "any";
      if (
        access === "public" ||
        request.method === "OPTIONS" ||
        !request.url.startsWith("/api/") ||
        !request.routeOptions.url
      )
        return;
      const now = Date.now();
      const ip = request.ip;
      const header = request.headers.authorization;
      const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
      const text = m?.[1];
      const id = text ? tokenId(text) : null;
      if (!text || !id) {
        const wait = addresses.blockedFor(ip, now);
        if (wait > 0) throw CT_AUTH_RATE_LIMITED({ retryAfterSeconds: wait });
        addresses.fail(ip, now);
        throw CT_UNAUTHENTICATED();
      }
      const pair = `${ip} ${id}`;
      const pairWait = pairs.blockedFor(pair, now);
      if (pairWait > 0) throw CT_AUTH_RATE_LIMITED({ retryAfterSeconds: pairWait });
      // an address spraying made-up ids is stopped; a real token's id still goes through to its own check
      const addressWait = addresses.blockedFor(ip, now);
      if (addressWait > 0 && !(await idExists(id, now))) throw CT_AUTH_RATE_LIMITED({ retryAfterSeconds: addressWait });
      const row = await lookup(hashToken(text, opts.pepper), now);
      if (!row) {
        pairs.fail(pair, now);
        if (!(await idExists(id, now))) addresses.fail(ip, now);
        throw CT_TOKEN_INVALID();
      }
      if (row.revoked_at) {
        pairs.fail(pair, now);
        throw CT_TOKEN_REVOKED({ tokenId: row.id, revokedAt: row.revoked_at });
      }
      // expiry by the service clock (tests set it), like every other time the endpoint judges
      if (row.expires_at && Date.parse(row.expires_at) <= app.clock().getTime()) {
        pairs.fail(pair, now);
        throw CT_TOKEN_EXPIRED({ tokenId: row.id, expiredAt: row.expires_at });
      }
      const role = row.role as Role;
      // a demo unit's token is demo whatever it was issued as; the classroom's planner token carries the flag
      const demo =
        row.demo === 1 || (row.unit_code !== null && app.reference.registry.byCode(row.unit_code)?.demo === true);
      request.auth = {
        tokenId: row.id,
        role,
        unitCode: row.unit_code,
        label: row.label,
        expiresAt: row.expires_at,
        demo,
      };
      if (access !== "any" && !NEEDED[access].includes(role)) {
        throw CT_ROLE_FORBIDDEN({ role, needed: NEEDED[access] });
      }
    });
  },
  { name: "chitieu-auth", fastify: "5.x", dependencies: ["chitieu-db"] },
);
