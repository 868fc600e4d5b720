import { body, DEMO, dialects, expectProblem, get, post, setup, submit, UNIT, type Fixture } from "./helpers";

for (const dialect of dialects()) {
  describe(`${dialect}: POST /api/v1/demo/reset`, () => {
    let f: Fixture;
    beforeAll(async () => {
      f = await setup(dialect);
    }, 60_000);
    afterAll(async () => {
      await f?.close();
    });

    it("deletes only the demo units' reports; every real row is byte-for-byte unchanged", async () => {
      const real = body(f.app, { period: "2026-Q1" });
      expect((await submit(f.app, f.tokens.unit, real)).statusCode).toBe(201);
      expect(
        (await post(f.app, f.tokens.planner, `/reports/${UNIT}/2026-Q1/return`, { comment: "Thật, không phải demo." }))
          .statusCode,
      ).toBe(200);
      const demo1 = body(f.app, { unitCode: DEMO, period: "2026-Q1" });
      expect((await submit(f.app, f.tokens.demo, demo1)).statusCode).toBe(201);
      expect(
        (
          await submit(
            f.app,
            f.tokens.demo,
            body(f.app, { unitCode: DEMO, period: "2026-Q1", supersedes: demo1.submissionId }, 1),
          )
        ).statusCode,
      ).toBe(201);
      expect((await post(f.app, f.tokens.planner, `/reports/${DEMO}/2026-Q1/accept`, {})).statusCode).toBe(200);

      const db = f.app.store.db;
      const realRows = async () =>
        JSON.stringify(
          await Promise.all([
            db.selectFrom("submission").selectAll().where("unit_code", "not like", "DEMO-%").orderBy("id").execute(),
            db
              .selectFrom("report_state")
              .selectAll()
              .where("unit_code", "not like", "DEMO-%")
              .orderBy("unit_code")
              .execute(),
            db
              .selectFrom("audit_event")
              .selectAll()
              .where("action", "!=", "demo.reset")
              .orderBy("id")
              .execute()
              .then((rows) => rows.filter((r) => !r.unit_code?.startsWith("DEMO-"))),
            db.selectFrom("token").selectAll().orderBy("id").execute(),
            db.selectFrom("unit").selectAll().orderBy("code").execute(),
          ]),
        );
      const before = await realRows();

      const res = await post(f.app, f.tokens.planner, "/demo/reset");
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        unitCodes: expect.arrayContaining([DEMO, "DEMO-02"]),
        deleted: { submissions: 2, reports: 1, events: 1 },
        epoch: 1,
      });
      expect(await realRows()).toBe(before);
      expect(await db.selectFrom("submission").select("id").where("unit_code", "like", "DEMO-%").execute()).toEqual([]);
      expectProblem(await get(f.app, f.tokens.demo, `/reports/${DEMO}/2026-Q1`), 404, "CT_REPORT_NOT_FOUND");
      expect((await get(f.app, f.tokens.unit, `/reports/${UNIT}/2026-Q1`)).json()).toMatchObject({
        status: "returned",
        comment: "Thật, không phải demo.",
      });
      // the demo token still works, and the demo unit starts over at revision 1
      const again = await submit(f.app, f.tokens.demo, body(f.app, { unitCode: DEMO, period: "2026-Q1" }, 7));
      expect(again.statusCode).toBe(201);
      expect(again.json().revision).toBe(1);
    });

    it("records who reset the demo data", async () => {
      const events = await f.app.store.db
        .selectFrom("audit_event")
        .selectAll()
        .where("action", "=", "demo.reset")
        .execute();
      expect(events).toHaveLength(1);
      expect(events[0]!.token_id).toBe(f.tokenIds.planner);
    });

    it("refuses a demo reset from a unit token, even a demo unit's", async () => {
      expectProblem(await post(f.app, f.tokens.demo, "/demo/reset"), 403, "CT_ROLE_FORBIDDEN");
    });
  });
}
