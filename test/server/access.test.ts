import { resolveTrustedProxies } from "../../src/server/config";
import { parseServeFlags } from "../../src/cli/serve";
import type { LightMyRequestResponse } from "fastify";
import { catalogToCsv, defaultCatalog } from "../../src/domain";
import { auth, body, dialects, expectProblem, OTHER, setup, submit, UNIT, type Fixture } from "./helpers";

type Role = "anonymous" | "revoked" | "unit" | "planner" | "admin";
type Scope = "own" | "other";

interface RouteCase {
  name: string;
  /** who may call it: public, any token, unit-scoped (unit tokens: own unit only), planner, admin */
  access: "public" | "any" | "unitScoped" | "unitWrite" | "planner" | "admin";
  call: (f: Fixture, token: string | null, unit: string) => Promise<LightMyRequestResponse>;
}

function headers(token: string | null): Record<string, string> {
  return token ? auth(token) : {};
}

const ROUTES: RouteCase[] = [
  {
    name: "GET /health",
    access: "public",
    call: (f, t) => f.app.inject({ method: "GET", url: "/api/v1/health", headers: headers(t) }),
  },
  {
    name: "GET /catalog",
    access: "public",
    call: (f, t) => f.app.inject({ method: "GET", url: "/api/v1/catalog", headers: headers(t) }),
  },
  {
    name: "GET /catalog/:version",
    access: "public",
    call: (f, t) =>
      f.app.inject({
        method: "GET",
        url: `/api/v1/catalog/${f.app.reference.currentCatalog.version}`,
        headers: headers(t),
      }),
  },
  {
    name: "GET /units",
    access: "public",
    call: (f, t) => f.app.inject({ method: "GET", url: "/api/v1/units?group=wards", headers: headers(t) }),
  },
  {
    name: "GET /periods",
    access: "public",
    call: (f, t) => f.app.inject({ method: "GET", url: "/api/v1/periods", headers: headers(t) }),
  },
  {
    name: "GET /openapi.json",
    access: "public",
    call: (f, t) => f.app.inject({ method: "GET", url: "/api/v1/openapi.json", headers: headers(t) }),
  },
  {
    name: "GET /me",
    access: "any",
    call: (f, t) => f.app.inject({ method: "GET", url: "/api/v1/me", headers: headers(t) }),
  },
  {
    name: "GET /reports/:unit/:period",
    access: "unitScoped",
    call: (f, t, u) => f.app.inject({ method: "GET", url: `/api/v1/reports/${u}/2026-Q1`, headers: headers(t) }),
  },
  {
    name: "GET /reports/:unit/:period/history",
    access: "unitScoped",
    call: (f, t, u) =>
      f.app.inject({ method: "GET", url: `/api/v1/reports/${u}/2026-Q1/history`, headers: headers(t) }),
  },
  {
    name: "GET /reports/:unit/:period/diff",
    access: "unitScoped",
    call: (f, t, u) =>
      f.app.inject({ method: "GET", url: `/api/v1/reports/${u}/2026-Q1/diff?from=1`, headers: headers(t) }),
  },
  {
    name: "POST /submissions",
    access: "unitWrite",
    call: (f, t, u) =>
      f.app.inject({
        method: "POST",
        url: "/api/v1/submissions",
        headers: headers(t),
        payload: body(f.app, { unitCode: u, period: "2026-02" }),
      }),
  },
  {
    name: "POST /submissions (dry run)",
    access: "unitScoped",
    call: (f, t, u) =>
      f.app.inject({
        method: "POST",
        url: "/api/v1/submissions",
        headers: headers(t),
        payload: body(f.app, { unitCode: u, period: "2026-03", dryRun: true }),
      }),
  },
  {
    name: "POST /reports/:unit/:period/return",
    access: "planner",
    call: (f, t, u) =>
      f.app.inject({
        method: "POST",
        url: `/api/v1/reports/${u}/2026-Q1/return`,
        headers: headers(t),
        payload: { comment: "Xem lại chỉ tiêu S02." },
      }),
  },
  {
    name: "POST /reports/:unit/:period/accept",
    access: "planner",
    call: (f, t, u) =>
      f.app.inject({ method: "POST", url: `/api/v1/reports/${u}/2026-Q1/accept`, headers: headers(t), payload: {} }),
  },
  {
    name: "POST /reports/:unit/:period/unlock",
    access: "planner",
    call: (f, t, u) =>
      f.app.inject({
        method: "POST",
        url: `/api/v1/reports/${u}/2026-Q1/unlock`,
        headers: headers(t),
        payload: { reason: "Sửa số liệu dân số." },
      }),
  },
  {
    name: "GET /board",
    access: "planner",
    call: (f, t) => f.app.inject({ method: "GET", url: "/api/v1/board?period=2026-Q1", headers: headers(t) }),
  },
  {
    name: "GET /reminders",
    access: "planner",
    call: (f, t) => f.app.inject({ method: "GET", url: "/api/v1/reminders?period=2026-Q1", headers: headers(t) }),
  },
  {
    name: "GET /units/:code/reminder-contact",
    access: "planner",
    call: (f, t, u) => f.app.inject({ method: "GET", url: `/api/v1/units/${u}/reminder-contact`, headers: headers(t) }),
  },
  {
    name: "GET /completeness",
    access: "planner",
    call: (f, t) => f.app.inject({ method: "GET", url: "/api/v1/completeness?period=2026-Q1", headers: headers(t) }),
  },
  {
    name: "GET /consolidation",
    access: "planner",
    call: (f, t) => f.app.inject({ method: "GET", url: "/api/v1/consolidation?period=2026-Q1", headers: headers(t) }),
  },
  {
    name: "GET /consolidation?format=csv",
    access: "planner",
    call: (f, t) =>
      f.app.inject({ method: "GET", url: "/api/v1/consolidation?period=2026-Q1&format=csv", headers: headers(t) }),
  },
  {
    name: "POST /demo/reset",
    access: "planner",
    call: (f, t) => f.app.inject({ method: "POST", url: "/api/v1/demo/reset", headers: headers(t) }),
  },
  {
    name: "POST /catalog",
    access: "planner",
    call: (f, t) =>
      f.app.inject({
        method: "POST",
        url: "/api/v1/catalog",
        headers: headers(t),
        payload: { csv: catalogToCsv(defaultCatalog()) },
      }),
  },
  {
    name: "PUT /units/:code",
    access: "planner",
    call: (f, t, u) =>
      f.app.inject({
        method: "PUT",
        url: `/api/v1/units/${u}`,
        headers: headers(t),
        payload: { kind: "ward", name: f.app.reference.registry.byCode(u)!.name, groups: ["wards"] },
      }),
  },
  {
    name: "GET /tokens",
    access: "admin",
    call: (f, t) => f.app.inject({ method: "GET", url: "/api/v1/tokens", headers: headers(t) }),
  },
  {
    name: "POST /tokens",
    access: "admin",
    call: (f, t, u) =>
      f.app.inject({
        method: "POST",
        url: "/api/v1/tokens",
        headers: headers(t),
        payload: { role: "unit", unitCode: u },
      }),
  },
  {
    name: "DELETE /tokens/:id",
    access: "admin",
    call: async (f, t, u) => {
      // revoke a throw-away token of the unit in scope (issued by the fixture's admin)
      const issued = await f.app.inject({
        method: "POST",
        url: "/api/v1/tokens",
        headers: auth(f.tokens.admin),
        payload: { role: "unit", unitCode: u },
      });
      return f.app.inject({ method: "DELETE", url: `/api/v1/tokens/${issued.json().id}`, headers: headers(t) });
    },
  },
];

const ROLES: Role[] = ["anonymous", "revoked", "unit", "planner", "admin"];
const SCOPES: Scope[] = ["own", "other"];

/** The one expected refusal for a cell, or null when the cell is allowed. */
function refusal(route: RouteCase, role: Role, scope: Scope): { status: number; code: string } | null {
  if (route.access === "public") return null;
  if (role === "anonymous") return { status: 401, code: "CT_UNAUTHENTICATED" };
  if (role === "revoked") return { status: 401, code: "CT_TOKEN_REVOKED" };
  switch (route.access) {
    case "any":
      return null;
    case "unitScoped":
      return role === "unit" && scope === "other" ? { status: 403, code: "CT_UNIT_FORBIDDEN" } : null;
    case "unitWrite":
      if (role !== "unit") return { status: 403, code: "CT_ROLE_FORBIDDEN" };
      return scope === "other" ? { status: 403, code: "CT_UNIT_FORBIDDEN" } : null;
    case "planner":
      return role === "unit" ? { status: 403, code: "CT_ROLE_FORBIDDEN" } : null;
    case "admin":
      return role === "admin" ? null : { status: 403, code: "CT_ROLE_FORBIDDEN" };
  }
}

async function snapshot(f: Fixture): Promise<string> {
  const db = f.app.store.db;
  const [subs, states, events, tokens, units, settings] = await Promise.all([
    db.selectFrom("submission").select(["id", "revision"]).orderBy("id").execute(),
    db.selectFrom("report_state").selectAll().orderBy("unit_code").orderBy("period").execute(),
    db.selectFrom("audit_event").select("id").orderBy("id").execute(),
    db.selectFrom("token").select(["id", "revoked_at"]).orderBy("id").execute(),
    db.selectFrom("unit").selectAll().orderBy("code").execute(),
    db.selectFrom("setting").selectAll().orderBy("key").execute(),
  ]);
  return JSON.stringify({ subs, states, events, tokens, units, settings });
}

for (const dialect of dialects()) {
  describe(`${dialect}: access — every role × every route × own/other unit`, () => {
    let f: Fixture;
    beforeAll(async () => {
      f = await setup(dialect);
      for (const [unit, token] of [
        [UNIT, f.tokens.unit],
        [OTHER, f.tokens.other],
      ] as const) {
        expect((await submit(f.app, token, body(f.app, { unitCode: unit, period: "2026-Q1" }))).statusCode).toBe(201);
      }
    }, 60_000);
    afterAll(async () => {
      await f?.close();
    });

    const cells: [string, Role, Scope][] = [];
    for (const route of ROUTES)
      for (const role of ROLES) for (const scope of SCOPES) cells.push([route.name, role, scope]);

    it.each(cells)("%s as %s on the %s unit", async (routeName, role, scope) => {
      const route = ROUTES.find((r) => r.name === routeName)!;
      const token = role === "anonymous" ? null : role === "unit" ? f.tokens.unit : f.tokens[role];
      const unit = scope === "own" ? UNIT : OTHER;
      const expected = refusal(route, role, scope);
      const before = expected ? await snapshot(f) : "";
      const res = await route.call(f, token, unit);
      if (expected) {
        expectProblem(res, expected.status, expected.code);
        // a refused request changes nothing (the throw-away token of DELETE /tokens was issued before `before`? no:
        // it is issued inside the call, so compare everything but tokens for that route)
        const after = await snapshot(f);
        if (route.name === "DELETE /tokens/:id") {
          expect(JSON.parse(after).subs).toEqual(JSON.parse(before).subs);
          expect(JSON.parse(after).tokens.filter((t: { revoked_at: string | null }) => t.revoked_at).length).toBe(
            JSON.parse(before).tokens.filter((t: { revoked_at: string | null }) => t.revoked_at).length,
          );
        } else {
          expect(after).toBe(before);
        }
      } else {
        expect([401, 403]).not.toContain(res.statusCode);
        expect(res.statusCode).toBeLessThan(500);
        if (route.name.startsWith("GET")) expect(res.statusCode).toBe(200);
      }
    });

    it("never tells a unit token whether another unit's submission id exists beyond a conflict", async () => {
      const theirs = body(f.app, { unitCode: OTHER, period: "2026-04" });
      expect((await submit(f.app, f.tokens.other, theirs)).statusCode).toBe(201);
      const mine = { ...body(f.app, { unitCode: UNIT, period: "2026-04" }), submissionId: theirs.submissionId };
      const j = expectProblem(await submit(f.app, f.tokens.unit, mine), 409, "CT_SUBMISSION_CONFLICT");
      expect(j.details.revision).toBe(0);
    });

    it("answers an unknown token with 401 CT_TOKEN_INVALID and a malformed header with 401 CT_UNAUTHENTICATED", async () => {
      const fake = "ct_0123456789_" + "A".repeat(43);
      expectProblem(
        await f.app.inject({ method: "GET", url: "/api/v1/me", headers: auth(fake) }),
        401,
        "CT_TOKEN_INVALID",
      );
      expectProblem(
        await f.app.inject({ method: "GET", url: "/api/v1/me", headers: { authorization: "Basic abc" } }),
        401,
        "CT_UNAUTHENTICATED",
      );
      expectProblem(
        await f.app.inject({
          method: "GET",
          url: "/api/v1/me",
          headers: { authorization: `Bearer ${f.tokens.unit}x` },
        }),
        401,
        "CT_UNAUTHENTICATED",
      );
    });

    it("tells a unit token who it is: role and unit with its name", async () => {
      const me = await f.app.inject({ method: "GET", url: "/api/v1/me", headers: auth(f.tokens.unit) });
      expect(me.json()).toMatchObject({
        role: "unit",
        unit: { code: UNIT, name: { vi: "Phường Ba Đình" } },
        demo: false,
      });
      const demo = await f.app.inject({ method: "GET", url: "/api/v1/me", headers: auth(f.tokens.demo) });
      expect(demo.json()).toMatchObject({ role: "unit", unit: { code: "DEMO-01" }, demo: true });
      const planner = await f.app.inject({ method: "GET", url: "/api/v1/me", headers: auth(f.tokens.planner) });
      expect(planner.json()).toMatchObject({ role: "planner", unit: null });
    });
  });
}

describe("sqlite: failed authentication is rate-limited per address and credential", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await setup("sqlite", { authFailures: { max: 5, windowMs: 60_000 } });
  });
  afterAll(async () => {
    await f?.close();
  });
  const me = (headers: Record<string, string>, remoteAddress: string) =>
    f.app.inject({ method: "GET", url: "/api/v1/me", headers, remoteAddress });

  it("refuses one token id from one address with 429 after 5 failures, and leaves the others alone", async () => {
    const bad = { authorization: "Bearer ct_0123456789_" + "B".repeat(43) };
    for (let i = 0; i < 5; i++) expectProblem(await me(bad, "10.0.0.9"), 401, "CT_TOKEN_INVALID");
    const limited = await me(bad, "10.0.0.9");
    const j = expectProblem(limited, 429, "CT_AUTH_RATE_LIMITED");
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect(j.details.retryAfterSeconds).toBe(Number(limited.headers["retry-after"]));
    // a valid token from the same address (a ward office behind one NAT) is never refused for others' failures
    expect((await me(auth(f.tokens.unit), "10.0.0.9")).statusCode).toBe(200);
    // public routes still answer; other addresses are not affected
    expect((await f.app.inject({ method: "GET", url: "/api/v1/catalog", remoteAddress: "10.0.0.9" })).statusCode).toBe(
      200,
    );
    expect((await me(bad, "10.0.0.10")).statusCode).toBe(401);
  });

  it("stops an address spraying made-up token ids after 25, still letting real tokens through", async () => {
    const made = (i: number) => ({ authorization: `Bearer ct_${(0xa000000000 + i).toString(16)}_${"C".repeat(43)}` });
    for (let i = 0; i < 25; i++) expectProblem(await me(made(i), "10.0.0.20"), 401, "CT_TOKEN_INVALID");
    expectProblem(await me(made(99), "10.0.0.20"), 429, "CT_AUTH_RATE_LIMITED");
    expectProblem(await me({}, "10.0.0.20"), 429, "CT_AUTH_RATE_LIMITED");
    expect((await me(auth(f.tokens.unit), "10.0.0.20")).statusCode).toBe(200);
    expect((await me(auth(f.tokens.planner), "10.0.0.20")).statusCode).toBe(200);
  });
});

describe("sqlite: X-Forwarded-For is believed only from the configured proxies", () => {
  let f: Fixture;
  const PROXY = "10.1.0.1";
  beforeAll(async () => {
    f = await setup("sqlite", { authFailures: { max: 5, windowMs: 60_000 }, trustProxy: [PROXY] });
  });
  afterAll(async () => {
    await f?.close();
  });
  const me = (headers: Record<string, string>, remoteAddress: string) =>
    f.app.inject({ method: "GET", url: "/api/v1/me", headers, remoteAddress });

  it("counts a direct client's failures on its own address, whatever address it claims", async () => {
    let limited = 0;
    for (let i = 0; i < 200; i++) {
      const res = await me(
        {
          authorization: `Bearer ct_${(0xb000000000 + i).toString(16)}_${"D".repeat(43)}`,
          "x-forwarded-for": `198.51.100.${i % 250}`,
        },
        "203.0.113.66",
      );
      if (res.statusCode === 429) limited++;
    }
    expect(limited).toBeGreaterThanOrEqual(170);
  });

  it("cannot lock a victim out by claiming the victim's address", async () => {
    const victim = "192.0.2.44";
    const bad = { authorization: "Bearer ct_0123456789_" + "E".repeat(43), "x-forwarded-for": victim };
    for (let i = 0; i < 20; i++) await me(bad, "203.0.113.77"); // the attacker connects directly
    // the victim comes through the proxy, which names the victim's address
    expect((await me({ ...auth(f.tokens.unit), "x-forwarded-for": victim }, PROXY)).statusCode).toBe(200);
    expect((await me({ ...bad }, PROXY)).statusCode).toBe(401); // the victim's address has no failures on record
  });

  it("believes the proxy's X-Forwarded-For: failures through it count per real client", async () => {
    const bad = { authorization: "Bearer ct_0123456789_" + "F".repeat(43) };
    for (let i = 0; i < 5; i++) await me({ ...bad, "x-forwarded-for": "192.0.2.50" }, PROXY);
    expectProblem(await me({ ...bad, "x-forwarded-for": "192.0.2.50" }, PROXY), 429, "CT_AUTH_RATE_LIMITED");
    expect((await me({ ...bad, "x-forwarded-for": "192.0.2.51" }, PROXY)).statusCode).toBe(401);
  });
});

describe("which proxies are trusted", () => {
  it("trusts a bare --behind-proxy to this machine only, and otherwise exactly the configured list or hops", () => {
    expect(resolveTrustedProxies(undefined, {})).toBeNull();
    expect(resolveTrustedProxies(true, {})).toEqual(["loopback"]);
    expect(resolveTrustedProxies(undefined, { CHITIEU_BEHIND_PROXY: "1" })).toEqual(["loopback"]);
    expect(resolveTrustedProxies("10.0.0.1, 10.2.0.0/16", {})).toEqual(["10.0.0.1", "10.2.0.0/16"]);
    expect(resolveTrustedProxies(undefined, { CHITIEU_TRUSTED_PROXIES: "2" })).toBe(2);
    expect(parseServeFlags(["--behind-proxy"]).behindProxy).toBe("loopback");
    expect(parseServeFlags(["--behind-proxy", "10.0.0.1", "--port", "1"]).behindProxy).toBe("10.0.0.1");
    for (const bad of ["*", "10.0.0.1/40", "proxy.example", "0", "11"]) {
      expect(() => resolveTrustedProxies(undefined, { CHITIEU_TRUSTED_PROXIES: bad })).toThrow(
        expect.objectContaining({ code: "CT_CONFIG_INVALID" }),
      );
    }
  });
});
