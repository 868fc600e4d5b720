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

describe("sqlite: failed authentication is rate-limited per IP address", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await setup("sqlite", { authFailures: { max: 5, windowMs: 60_000 } });
  });
  afterAll(async () => {
    await f?.close();
  });

  it("refuses every token check from an address with 429 after 5 failures, and leaves other addresses alone", async () => {
    const bad = { authorization: "Bearer ct_0123456789_" + "B".repeat(43) };
    for (let i = 0; i < 5; i++) {
      expectProblem(
        await f.app.inject({ method: "GET", url: "/api/v1/me", headers: bad, remoteAddress: "10.0.0.9" }),
        401,
        "CT_TOKEN_INVALID",
      );
    }
    const limited = await f.app.inject({ method: "GET", url: "/api/v1/me", headers: bad, remoteAddress: "10.0.0.9" });
    const j = expectProblem(limited, 429, "CT_AUTH_RATE_LIMITED");
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect(j.details.retryAfterSeconds).toBe(Number(limited.headers["retry-after"]));
    // even a valid token is not checked from that address until the window ends
    expectProblem(
      await f.app.inject({ method: "GET", url: "/api/v1/me", headers: auth(f.tokens.unit), remoteAddress: "10.0.0.9" }),
      429,
      "CT_AUTH_RATE_LIMITED",
    );
    // public routes still answer; other addresses are not affected
    expect((await f.app.inject({ method: "GET", url: "/api/v1/catalog", remoteAddress: "10.0.0.9" })).statusCode).toBe(
      200,
    );
    expect(
      (
        await f.app.inject({
          method: "GET",
          url: "/api/v1/me",
          headers: auth(f.tokens.unit),
          remoteAddress: "10.0.0.10",
        })
      ).statusCode,
    ).toBe(200);
  });
});

describe("sqlite: CORS answers only the configured origin", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await setup("sqlite", { allowedOrigins: ["https://addin.example.vn"] });
  });
  afterAll(async () => {
    await f?.close();
  });

  it.each([
    ["https://addin.example.vn", "https://addin.example.vn"],
    ["https://evil.example.com", undefined],
    ["https://localhost:3000", undefined],
  ])("a preflight from %s gets Access-Control-Allow-Origin %s", async (origin, allowed) => {
    const res = await f.app.inject({
      method: "OPTIONS",
      url: "/api/v1/submissions",
      headers: {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization,content-type",
      },
    });
    expect(res.headers["access-control-allow-origin"]).toBe(allowed);
    if (allowed) expect(String(res.headers["access-control-allow-headers"])).toContain("authorization");
  });

  it("puts the CORS headers on a refused request too, so the task pane can read the problem", async () => {
    const res = await f.app.inject({
      method: "GET",
      url: "/api/v1/me",
      headers: { origin: "https://addin.example.vn" },
    });
    expectProblem(res, 401, "CT_UNAUTHENTICATED");
    expect(res.headers["access-control-allow-origin"]).toBe("https://addin.example.vn");
  });
});

describe("sqlite: revoking a token through the API takes effect at once, even with the token cache on", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await setup("sqlite", { tokenCacheMs: 60_000 });
  });
  afterAll(async () => {
    await f?.close();
  });

  it("refuses the revoked token on the next request", async () => {
    expect((await f.app.inject({ method: "GET", url: "/api/v1/me", headers: auth(f.tokens.other) })).statusCode).toBe(
      200,
    );
    const del = await f.app.inject({
      method: "DELETE",
      url: `/api/v1/tokens/${f.tokenIds.other}`,
      headers: auth(f.tokens.admin),
    });
    expect(del.statusCode).toBe(200);
    expect(del.json().revokedAt).toBe(f.now.value.toISOString());
    expectProblem(
      await f.app.inject({ method: "GET", url: "/api/v1/me", headers: auth(f.tokens.other) }),
      401,
      "CT_TOKEN_REVOKED",
    );
  });

  it("issues a token through the API that works at once and lists tokens without their text", async () => {
    const issued = await f.app.inject({
      method: "POST",
      url: "/api/v1/tokens",
      headers: auth(f.tokens.admin),
      payload: { role: "planner", label: "Phòng Tổng hợp" },
    });
    expect(issued.statusCode).toBe(201);
    const { token, id } = issued.json();
    expect(token).toMatch(/^ct_[0-9a-f]{10}_/);
    expect((await f.app.inject({ method: "GET", url: "/api/v1/me", headers: auth(token) })).json()).toMatchObject({
      role: "planner",
      label: "Phòng Tổng hợp",
    });
    const list = await f.app.inject({ method: "GET", url: "/api/v1/tokens", headers: auth(f.tokens.admin) });
    expect(list.body).not.toContain(token);
    expect(list.json().tokens.map((t: { id: string }) => t.id)).toContain(id);
    const row = await f.app.store.db.selectFrom("token").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.hash).not.toContain(token);
  });

  it.each([
    [{ role: "unit" }, "CT_TOKEN_SPEC_INVALID", 400],
    [{ role: "planner", unitCode: UNIT }, "CT_TOKEN_SPEC_INVALID", 400],
    [{ role: "unit", unitCode: "99999" }, "CT_UNIT_UNKNOWN", 404],
  ])("refuses to issue %j (%s)", async (payload, code, status) => {
    expectProblem(
      await f.app.inject({ method: "POST", url: "/api/v1/tokens", headers: auth(f.tokens.admin), payload }),
      status,
      code,
    );
  });
});
