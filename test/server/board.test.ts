/**
 * The planner's review loop through the endpoint (issue #18), on both engines: the board's states (on time, late,
 * returned, accepted, not applicable, missing), its CSV, the review diff, bulk accept, and the refusals of unit tokens.
 */
import { issueToken } from "../../src/server/services/token-admin";
import { DEV_PEPPER } from "../../src/server/tokens";
import {
  auth,
  body,
  dialects,
  expectProblem,
  get,
  NOW,
  OTHER,
  post,
  setup,
  submit,
  UNIT,
  type Fixture,
} from "./helpers";

const ACCEPTED = "00025";
const LATE = "00070";

for (const dialect of dialects()) {
  describe(`${dialect}: the planner's board, diff and bulk accept`, () => {
    let f: Fixture;
    const tokens: Record<string, string> = {};
    let firstOfUnit = "";
    beforeAll(async () => {
      f = await setup(dialect);
      for (const code of [ACCEPTED, LATE]) {
        tokens[code] = (
          await issueToken(f.app.store.db, DEV_PEPPER, { role: "unit", unitCode: code }, NOW.toISOString())
        ).token;
      }
      // on time (deadline 2026-04-10): UNIT with its contact, ACCEPTED then accepted
      const mine = {
        ...body(f.app, { period: "2026-Q1" }, 0),
        contact: { preparer: "Nguyễn Thị Lan", approver: "Trần Văn Minh", phone: "024 3825 1234" },
      };
      firstOfUnit = mine.submissionId;
      expect((await submit(f.app, f.tokens.unit, mine)).statusCode).toBe(201);
      expect((await submit(f.app, tokens[ACCEPTED]!, body(f.app, { unitCode: ACCEPTED }, 1))).statusCode).toBe(201);
      expect((await post(f.app, f.tokens.planner, `/reports/${ACCEPTED}/2026-Q1/accept`, {})).statusCode).toBe(200);
      // late: OTHER (then returned with a comment) and LATE
      f.now.value = new Date("2026-04-20T03:00:00Z");
      expect((await submit(f.app, f.tokens.other, body(f.app, { unitCode: OTHER }, 3))).statusCode).toBe(201);
      const ret = await post(f.app, f.tokens.planner, `/reports/${OTHER}/2026-Q1/return`, {
        comment: "=Bổ sung minh chứng cho U13.",
      });
      expect(ret.statusCode).toBe(200);
      expect((await submit(f.app, tokens[LATE]!, body(f.app, { unitCode: LATE }, 4))).statusCode).toBe(201);
    }, 90_000);
    afterAll(async () => {
      await f?.close();
    });

    it("lists every ward with its state, sorted by state, with counts over the group", async () => {
      const res = await get(f.app, f.tokens.planner, "/board?period=2026-Q1&group=wards");
      expect(res.statusCode).toBe(200);
      const j = res.json();
      const wards = f.app.reference.registry.all().filter((u) => u.groups.includes("wards") && !u.demo).length;
      expect(j.counts).toEqual({
        total: wards,
        expected: wards,
        missing: wards - 4,
        returned: 1,
        submitted_late: 1,
        submitted_on_time: 1,
        accepted: 1,
        not_applicable: 0,
      });
      expect(j.deadline).toBe("2026-04-10");
      expect(j.phase).toBe("late");
      const order = j.units.map((u: { state: string }) => u.state);
      const firstOf = (s: string) => order.indexOf(s);
      expect(firstOf("missing")).toBe(0);
      expect(firstOf("returned")).toBe(wards - 4);
      expect(order.slice(wards - 4)).toEqual(["returned", "submitted_late", "submitted_on_time", "accepted"]);
      const byCode = new Map(j.units.map((u: { unitCode: string }) => [u.unitCode, u]));
      expect(byCode.get(UNIT)).toMatchObject({
        state: "submitted_on_time",
        onTime: true,
        late: false,
        revision: 1,
        latestSubmissionId: firstOfUnit,
        contact: { preparer: "Nguyễn Thị Lan", approver: "Trần Văn Minh", phone: "024 3825 1234" },
        contactSource: "this_period",
        contactPeriod: "2026-Q1",
        lastAction: null,
      });
      expect(byCode.get(OTHER)).toMatchObject({
        state: "returned",
        onTime: false,
        late: true,
        comment: "=Bổ sung minh chứng cho U13.",
        lastAction: { action: "returned", comment: "=Bổ sung minh chứng cho U13.", tokenId: f.tokenIds.planner },
      });
      expect(byCode.get(ACCEPTED)).toMatchObject({
        state: "accepted",
        locked: true,
        lastAction: { action: "accepted" },
      });
      expect(byCode.get(LATE)).toMatchObject({ state: "submitted_late", onTime: false, late: true });
      const missing = j.units[0];
      expect(missing).toMatchObject({
        state: "missing",
        late: true,
        revision: null,
        contact: null,
        reportStatus: null,
      });
    });

    it("filters by state; a wrong state is refused naming the allowed ones", async () => {
      const j = (
        await get(f.app, f.tokens.planner, "/board?period=2026-Q1&group=wards&state=accepted,returned")
      ).json();
      expect(j.states).toEqual(["returned", "accepted"]);
      expect(j.units.map((u: { unitCode: string }) => u.unitCode)).toEqual([OTHER, ACCEPTED]);
      const bad = expectProblem(
        await get(f.app, f.tokens.planner, "/board?period=2026-Q1&state=late"),
        400,
        "CT_REQUEST_INVALID",
      );
      expect(JSON.stringify(bad)).toContain("submitted_late");
    });

    it("shows departments with no target due as not applicable, never missing", async () => {
      const j = (await get(f.app, f.tokens.planner, "/board?period=2026-Q1&group=departments")).json();
      const na = j.units
        .filter((u: { state: string }) => u.state === "not_applicable")
        .map((u: { unitCode: string }) => u.unitCode);
      // S-YT has no target due either, but it leads a key task of the starter register: it has a report to send
      expect(na.sort()).toEqual(["S-KHCN"]);
      expect(j.units.find((u: { unitCode: string }) => u.unitCode === "S-YT").state).toBe("missing");
      expect(j.counts.not_applicable).toBe(1);
      expect(j.counts.expected).toBe(j.counts.total - 1);
      expect(
        j.units
          .slice(-1)
          .every((u: { state: string; notApplicableReason: string }) => u.notApplicableReason === "no_target_due"),
      ).toBe(true);
      // the completeness count agrees with the board's expected units
      const c = (await get(f.app, f.tokens.planner, "/completeness?period=2026-Q1&group=departments")).json();
      expect(c.counts.expected).toBe(j.counts.expected);
    });

    it("gives a missing unit the contact of its latest earlier report", async () => {
      const j = (await get(f.app, f.tokens.planner, `/board?period=2026-Q2&group=wards&state=missing`)).json();
      const mine = j.units.find((u: { unitCode: string }) => u.unitCode === UNIT);
      expect(mine).toMatchObject({
        state: "missing",
        contact: { preparer: "Nguyễn Thị Lan", phone: "024 3825 1234" },
        contactSource: "earlier_period",
        contactPeriod: "2026-Q1",
      });
    });

    it("exports the missing, returned and late units with their contacts as CSV (BOM, Hanoi time, RFC 6266 name)", async () => {
      await f.app.inject({
        method: "PUT",
        url: `/api/v1/units/${LATE}/reminder-contact`,
        headers: auth(f.tokens.planner),
        payload: { emails: ["VanThu@phuong-hk.hanoi.gov.vn"] },
      });
      const res = await get(f.app, f.tokens.planner, "/board?period=2026-Q1&group=wards&format=csv");
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toMatch(/^text\/csv; charset=utf-8/);
      expect(res.headers["content-disposition"]).toContain('filename="chitieu-board-2026-Q1-wards.csv"');
      const raw = res.rawPayload;
      expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = res.body
        .replace(/^\uFEFF/, "")
        .trimEnd()
        .split("\r\n");
      expect(lines[0]).toBe(
        "unit_code,unit_name,state,deadline,submitted_at_hanoi,revision,preparer,approver,phone,contact_period,emails,comment",
      );
      const codes = lines.slice(1).map((l) => l.split(",")[0]);
      expect(codes).toContain(OTHER);
      expect(codes).toContain(LATE);
      expect(codes).not.toContain(UNIT);
      expect(codes).not.toContain(ACCEPTED);
      const late = lines.find((l) => l.startsWith(`${LATE},`)) as string;
      // received 2026-04-20T03:00Z = 10:00 in Hanoi
      expect(late).toContain("Nộp muộn / submitted late,2026-04-10,20/04/2026 10:00,1,");
      expect(late).toContain("vanthu@phuong-hk.hanoi.gov.vn");
      const returned = lines.find((l) => l.startsWith(`${OTHER},`)) as string;
      expect(returned.endsWith(",'=Bổ sung minh chứng cho U13.")).toBe(true);
    });

    it("refuses every review route to a unit token (403), and to no token (401)", async () => {
      for (const url of [
        "/board?period=2026-Q1",
        "/board?period=2026-Q1&format=csv",
        "/reminders?period=2026-Q1",
        `/units/${UNIT}/reminder-contact`,
      ]) {
        expectProblem(await get(f.app, f.tokens.unit, url), 403, "CT_ROLE_FORBIDDEN");
        expectProblem(await get(f.app, null, url), 401, "CT_UNAUTHENTICATED");
      }
      const items = [{ unit: UNIT, period: "2026-Q1", revision: 1 }];
      expectProblem(await post(f.app, f.tokens.unit, "/reports/accept", { items }), 403, "CT_ROLE_FORBIDDEN");
      const put = await f.app.inject({
        method: "PUT",
        url: `/api/v1/units/${UNIT}/reminder-contact`,
        headers: auth(f.tokens.unit),
        payload: { emails: ["a@b.vn"] },
      });
      expectProblem(put, 403, "CT_ROLE_FORBIDDEN");
      const state = (await get(f.app, f.tokens.planner, `/reports/${UNIT}/2026-Q1`)).json();
      expect(state.status).toBe("submitted");
    });

    it("publishes the review routes in the OpenAPI document", async () => {
      const doc = (await get(f.app, null, "/openapi.json")).json();
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          "/api/v1/board",
          "/api/v1/reports/accept",
          "/api/v1/reminders",
          "/api/v1/units/{code}/reminder-contact",
          "/api/v1/reports/{unit}/{period}/diff",
        ]),
      );
      const states = doc.paths["/api/v1/board"].get.responses["200"].content["application/json"].schema;
      expect(JSON.stringify(states)).toContain("submitted_late");
    });

    it("gives the review detail each target's status and figure", async () => {
      const r = (await get(f.app, f.tokens.planner, `/reports/${UNIT}/2026-Q1`)).json();
      expect(r.assessments.length).toBeGreaterThan(5);
      for (const a of r.assessments) {
        expect(["met", "on_track", "at_risk", "off_track", "no_target", "no_data"]).toContain(a.progress);
      }
      expect(r.assessments.some((a: { figure: number | null }) => typeof a.figure === "number")).toBe(true);
      // one call: the revision history too — who (the token's label), when, from which client
      expect(r.history.revisions).toEqual([
        expect.objectContaining({ revision: 1, submissionId: firstOfUnit, tokenLabel: "test unit", tokenRole: "unit" }),
      ]);
      const returned = (await get(f.app, f.tokens.planner, `/reports/${OTHER}/2026-Q1`)).json();
      expect(returned.history.events.map((e: { action: string }) => e.action)).toContain("report.returned");
    });
  });
}
