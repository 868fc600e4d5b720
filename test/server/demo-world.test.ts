/**
 * The demo classroom is a world of its own (issue 20, issue 18 item 5), enforced in the endpoint:
 * - every route Fastify knows is called with the classroom's tokens (the demo planner's and a demo unit's), naming a
 *   real unit in every way a request can (path, query, body): each answer is a refusal or holds no real unit, and
 *   afterwards every real row is byte-for-byte what it was — a new route is walked the same way, it cannot escape;
 * - the classroom's planner sees, consolidates and acts on demo units; a real planner's lists never hold a demo unit
 *   unless it asks for the demo group, and then only the demo group.
 */
import type { LightMyRequestResponse } from "fastify";
import { issueToken } from "../../src/server/services/token-admin";
import { DEV_PEPPER } from "../../src/server/tokens";
import {
  auth,
  body,
  DEMO,
  dialects,
  expectProblem,
  get,
  NOW,
  post,
  setup,
  submit,
  UNIT,
  type Fixture,
} from "./helpers";

const PERIOD = "2026-Q1";

/** Every way a request may name a unit: the probes a route is called with (most are refused by its schema). */
function probes(f: Fixture, realUnit: string): { query: string; payload?: unknown }[] {
  const target = f.app.reference.currentCatalog.targets[0]!.id;
  const submission = { ...body(f.app, { unitCode: realUnit, period: PERIOD }), dryRun: true };
  const range = `target=${target}&from=${PERIOD}&to=${PERIOD}`;
  return [
    { query: "" },
    { query: `?period=${PERIOD}` },
    { query: `?period=${PERIOD}&format=csv` },
    { query: `?period=${PERIOD}&format=dhis2` },
    { query: `?period=${PERIOD}&group=wards` },
    { query: `?period=${PERIOD}&basis=accepted` },
    { query: `?format=csv` },
    { query: `?${range}` },
    { query: `?${range}&group=wards` },
    { query: `?${range}&unit=${realUnit}` },
    { query: `?${range}&unit=${realUnit}&format=csv` },
    { query: `?from=1&to=2` },
    { query: "", payload: submission },
    { query: "", payload: {} },
    { query: "", payload: { comment: "Lớp học trả lại báo cáo thật." } },
    { query: "", payload: { reason: "Lớp học mở khoá báo cáo thật." } },
    { query: "", payload: { unitCode: realUnit, period: PERIOD } },
    {
      query: "",
      payload: { entries: [{ unitCode: realUnit, targetId: "E10", state: "not_applicable", from: PERIOD }] },
    },
    {
      query: "",
      payload: { csv: `unit_code,target_id,state,from,note\n${realUnit},E10,not_applicable,${PERIOD},x\n` },
    },
    {
      query: "",
      payload: {
        kind: "ward",
        name: { vi: "Phường Lớp Học", en: "Class Ward" },
        targetIds: [],
        toConfirm: false,
        groups: ["wards"],
      },
    },
    { query: "", payload: { role: "unit", unitCode: realUnit } },
  ];
}

function pathFor(url: string, f: Fixture, realUnit: string): string {
  return url
    .replace(":unit", realUnit)
    .replace(":code", realUnit)
    .replace(":period", PERIOD)
    .replace(":version", f.app.reference.currentCatalog.version)
    .replace(":id", f.tokenIds.unit!)
    .replace(/:[a-zA-Z]+/g, "x");
}

/** Whether an answer names a real unit: its code quoted or as a CSV cell, or its name. */
function leaks(f: Fixture, res: LightMyRequestResponse): string | null {
  const text = res.body.normalize("NFC");
  for (const u of f.app.reference.registry.all()) {
    if (u.demo) continue;
    if (text.includes(`"${u.code}"`) || new RegExp(`(^|[,;\\n])${u.code}([,;\\r\\n]|$)`).test(text)) return u.code;
    if (text.includes(u.name.vi.normalize("NFC"))) return u.name.vi;
  }
  return null;
}

async function realRows(f: Fixture): Promise<unknown[]> {
  const db = f.app.store.db;
  const real = <R extends { unit_code?: string | null; code?: string }>(rows: R[]) =>
    rows.filter((r) => !f.app.reference.registry.byCode(r.unit_code ?? r.code ?? "")?.demo);
  return JSON.parse(
    JSON.stringify([
      real(await db.selectFrom("submission").selectAll().orderBy("id").execute()),
      real(await db.selectFrom("report_state").selectAll().orderBy("unit_code").orderBy("period").execute()),
      // the classroom's own record (who reset or populated it) is the demo world's
      real(
        await db.selectFrom("audit_event").selectAll().where("action", "not like", "demo.%").orderBy("id").execute(),
      ),
      real(await db.selectFrom("unit").selectAll().orderBy("code").execute()),
      real(await db.selectFrom("applicability").selectAll().orderBy("unit_code").execute()),
      // the classroom's epoch is the demo world's
      await db.selectFrom("setting").selectAll().where("key", "not like", "demo_%").orderBy("key").execute(),
      await db.selectFrom("catalog_version").select(["version", "source"]).orderBy("version").execute(),
      await db.selectFrom("token").selectAll().orderBy("id").execute(),
    ]),
  ) as unknown[];
}

for (const dialect of dialects()) {
  describe(`${dialect}: the demo classroom is a world of its own`, () => {
    let f: Fixture;
    let demoPlanner: string;
    beforeAll(async () => {
      f = await setup(dialect);
      demoPlanner = (
        await issueToken(
          f.app.store.db,
          DEV_PEPPER,
          { role: "planner", label: "demo planner", demo: true },
          NOW.toISOString(),
        )
      ).token;
      // a real report, returned by a real planner, and a real applicability choice; a demo report
      expect((await submit(f.app, f.tokens.unit, body(f.app, { period: PERIOD }))).statusCode).toBe(201);
      expect(
        (await post(f.app, f.tokens.planner, `/reports/${UNIT}/${PERIOD}/return`, { comment: "Thật." })).statusCode,
      ).toBe(200);
      const csv = `unit_code,target_id,state,from,note\n${UNIT},E10,not_applicable,2026-Q2,không có đất nông nghiệp\n`;
      expect(
        (
          await f.app.inject({
            method: "PUT",
            url: "/api/v1/applicability",
            headers: auth(f.tokens.planner),
            payload: { csv },
          })
        ).statusCode,
      ).toBe(200);
      expect((await submit(f.app, f.tokens.demo, body(f.app, { unitCode: DEMO, period: PERIOD }))).statusCode).toBe(
        201,
      );
    }, 60_000);
    afterAll(async () => {
      await f?.close();
    });

    it("refuses a demo token on a real unit with 403 CT_DEMO_FORBIDDEN, in Vietnamese and English", async () => {
      for (const token of [demoPlanner, f.tokens.demo]) {
        const p = expectProblem(
          await get(f.app, token, `/reports/${UNIT}/${PERIOD}`),
          403,
          token === demoPlanner ? "CT_DEMO_FORBIDDEN" : "CT_UNIT_FORBIDDEN",
        );
        expect(p.message.en).toContain(UNIT);
      }
      const p = expectProblem(
        await post(f.app, demoPlanner, `/reports/${UNIT}/${PERIOD}/accept`, {}),
        403,
        "CT_DEMO_FORBIDDEN",
      );
      expect(p.message.vi).toContain("trình diễn");
      expect(p.message.en).toContain("demo token");
      expectProblem(
        await get(f.app, demoPlanner, `/series?target=S01&from=${PERIOD}&to=${PERIOD}&unit=${UNIT}`),
        403,
        "CT_DEMO_FORBIDDEN",
      );
      expectProblem(
        await f.app.inject({
          method: "POST",
          url: "/api/v1/catalog",
          headers: auth(demoPlanner),
          payload: { csv: "x" },
        }),
        403,
        "CT_DEMO_ACTION_FORBIDDEN",
      );
      expectProblem(
        await submit(f.app, demoPlanner, { ...body(f.app, { period: PERIOD }), dryRun: true }),
        403,
        "CT_DEMO_FORBIDDEN",
      );
    });

    it("lets the classroom's planner see, consolidate and act on the demo units alone", async () => {
      expect((await get(f.app, demoPlanner, "/me")).json()).toMatchObject({ role: "planner", demo: true });
      expect((await get(f.app, f.tokens.planner, "/me")).json()).toMatchObject({ role: "planner", demo: false });
      const c = (await get(f.app, demoPlanner, `/completeness?period=${PERIOD}`)).json();
      expect(c.units.length).toBeGreaterThan(0);
      expect(c.units.every((u: { demo: boolean }) => u.demo)).toBe(true);
      expect(c.units.find((u: { unitCode: string }) => u.unitCode === DEMO)).toMatchObject({ state: "submitted" });
      const k = (await get(f.app, demoPlanner, `/consolidation?period=${PERIOD}`)).json();
      expect(k.unitsIncluded).toEqual([DEMO]);
      expect(k.unitsExpected.every((code: string) => code.startsWith("DEMO-"))).toBe(true);
      const s = (await get(f.app, demoPlanner, `/series?target=S01&from=${PERIOD}&to=${PERIOD}`)).json();
      expect(s.unitCodes === null || s.unitCodes.every((code: string) => code.startsWith("DEMO-"))).toBe(true);
      expect((await get(f.app, demoPlanner, `/reports/${DEMO}/${PERIOD}`)).statusCode).toBe(200);
      expect(
        (await post(f.app, demoPlanner, `/reports/${DEMO}/${PERIOD}/return`, { comment: "Sửa U09." })).statusCode,
      ).toBe(200);
      expect((await get(f.app, f.tokens.demo, `/reports/${DEMO}/${PERIOD}`)).json()).toMatchObject({
        status: "returned",
      });
      expect((await get(f.app, demoPlanner, "/applicability")).json()).toEqual({ entries: [] });
    });

    it("keeps demo units out of a real planner's lists unless asked, and then gives the demo group alone", async () => {
      const c = (await get(f.app, f.tokens.planner, `/completeness?period=${PERIOD}`)).json();
      expect(c.units.some((u: { demo: boolean }) => u.demo)).toBe(false);
      const k = (await get(f.app, f.tokens.planner, `/consolidation?period=${PERIOD}`)).json();
      expect(k.unitsExpected.some((code: string) => code.startsWith("DEMO-"))).toBe(false);
      expect(k.unitsIncluded).toContain(UNIT);
      const csv = await get(f.app, f.tokens.planner, `/consolidation?period=${PERIOD}&format=csv`);
      expect(csv.body).not.toContain(DEMO);
      const s = (await get(f.app, f.tokens.planner, `/series?target=S01&from=${PERIOD}&to=${PERIOD}`)).json();
      expect(JSON.stringify(s)).not.toContain(DEMO);
      const asked = (await get(f.app, f.tokens.planner, `/completeness?period=${PERIOD}&demo=true`)).json();
      expect(asked.units.length).toBeGreaterThan(0);
      expect(asked.units.every((u: { demo: boolean }) => u.demo)).toBe(true);
      const askedK = (await get(f.app, f.tokens.planner, `/consolidation?period=${PERIOD}&demo=true`)).json();
      expect(askedK.unitsIncluded).toEqual([DEMO]);
      expect((await get(f.app, f.tokens.planner, "/applicability")).json().entries).toHaveLength(1);
    });
    it("walks every route with the classroom's tokens: never a real unit in an answer, never a real row changed", async () => {
      // the API, and the handouts beside the help page (public: they hold no unit's data)
      const routes = f.app.routeTable.filter(
        (r) => (r.url.startsWith("/api/") || r.url.startsWith("/handouts/")) && r.method !== "OPTIONS",
      );
      expect(routes.filter((r) => r.url === "/handouts/:file").map((r) => r.access)).toContain("public");
      expect(routes.length).toBeGreaterThan(20);
      const before = await realRows(f);
      const walked = new Set<string>();
      const failures: string[] = [];
      for (const [who, token] of [
        ["demo planner", demoPlanner],
        ["demo unit", f.tokens.demo],
      ] as const) {
        for (const route of routes) {
          // public routes answer anyone the same, without a token (unit names and the catalog are public)
          if (route.access === "public") {
            walked.add(`${route.method} ${route.url}`);
            continue;
          }
          for (const realUnit of [UNIT, "00008"]) {
            for (const probe of probes(f, realUnit)) {
              if ((route.method === "GET" || route.method === "HEAD") && probe.payload !== undefined) continue;
              const url = pathFor(route.url, f, realUnit) + probe.query;
              const res = await f.app.inject({
                method: route.method as "GET",
                url,
                headers: auth(token),
                ...(probe.payload === undefined ? {} : { payload: probe.payload as object }),
              });
              walked.add(`${route.method} ${route.url}`);
              if (res.statusCode >= 500)
                failures.push(`${who} ${route.method} ${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
              if (res.statusCode < 300) {
                const leak = leaks(f, res);
                if (leak) failures.push(`${who} ${route.method} ${url}: ${res.statusCode} names the real unit ${leak}`);
              }
            }
          }
        }
      }
      expect(failures).toEqual([]);
      expect([...walked].sort()).toEqual(routes.map((r) => `${r.method} ${r.url}`).sort());
      expect(await realRows(f)).toEqual(before);
    }, 240_000);
  });
}
