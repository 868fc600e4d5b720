import { body, dialects, expectProblem, get, post, setup, submit, UNIT, type Fixture } from "./helpers";

for (const dialect of dialects()) {
  describe(`${dialect}: reports — state, history, diff and the planner's actions`, () => {
    let f: Fixture;
    const r1 = { id: "" };
    const r2 = { id: "" };
    beforeAll(async () => {
      f = await setup(dialect);
      const b1 = body(f.app, { period: "2026-Q1" });
      expect((await submit(f.app, f.tokens.unit, b1)).statusCode).toBe(201);
      r1.id = b1.submissionId;
      f.now.value = new Date(f.now.value.getTime() + 3_600_000);
      const b2 = body(f.app, { period: "2026-Q1", supersedes: b1.submissionId }, 2);
      b2.entries[0]!.justification = "Đã sửa theo số liệu của phòng thống kê.";
      expect((await submit(f.app, f.tokens.unit, b2)).statusCode).toBe(201);
      r2.id = b2.submissionId;
    }, 60_000);
    afterAll(async () => {
      await f?.close();
    });

    it("shows the report's state, latest revision, entries as sent and as parsed", async () => {
      const res = await get(f.app, f.tokens.unit, `/reports/${UNIT}/2026-Q1`);
      expect(res.statusCode).toBe(200);
      const j = res.json();
      expect(j).toMatchObject({
        unitCode: UNIT,
        unitName: { vi: "Phường Ba Đình" },
        period: "2026-Q1",
        status: "submitted",
        locked: false,
        comment: null,
        onTime: true,
        revisions: 2,
        acceptedSubmissionId: null,
        latest: { submissionId: r2.id, revision: 2, supersedes: r1.id, status: "submitted", replay: false },
      });
      expect(j.report.entries[0].justification).toBe("Đã sửa theo số liệu của phòng thống kê.");
      expect(j.report.parsed).toHaveLength(j.report.entries.length);
      const sentRatio = j.report.entries.find((e: { numerator?: unknown }) => e.numerator !== undefined);
      const parsedRatio = j.report.parsed.find((e: { targetId: string }) => e.targetId === sentRatio.targetId);
      expect(parsedRatio.numerator).toBe(Number(sentRatio.numerator));
      expect(j.firstReceivedAt < j.lastReceivedAt).toBe(true);
    });

    it("answers 404 CT_REPORT_NOT_FOUND for a period with no revision, 404 CT_UNIT_UNKNOWN and 400 CT_PERIOD_INVALID", async () => {
      expectProblem(await get(f.app, f.tokens.unit, `/reports/${UNIT}/2026-Q4`), 404, "CT_REPORT_NOT_FOUND");
      expectProblem(await get(f.app, f.tokens.planner, `/reports/99999/2026-Q1`), 404, "CT_UNIT_UNKNOWN");
      expectProblem(await get(f.app, f.tokens.unit, `/reports/${UNIT}/2026-X1`), 400, "CT_PERIOD_INVALID");
    });

    it("lists every revision with who, when and from which client", async () => {
      const res = await get(f.app, f.tokens.unit, `/reports/${UNIT}/2026-Q1/history`);
      const j = res.json();
      expect(j.revisions.map((r: { revision: number; submissionId: string }) => [r.revision, r.submissionId])).toEqual([
        [1, r1.id],
        [2, r2.id],
      ]);
      expect(j.revisions[1]).toMatchObject({ supersedes: r1.id, tokenId: f.tokenIds.unit, onTime: true });
      expect(j.revisions[0].contentHash).toMatch(/^[0-9a-f]{64}$/);
    });

    it("diffs two revisions by number or by id, field by field", async () => {
      const byNumber = (await get(f.app, f.tokens.unit, `/reports/${UNIT}/2026-Q1/diff?from=1&to=2`)).json();
      const byId = (await get(f.app, f.tokens.unit, `/reports/${UNIT}/2026-Q1/diff?from=${r1.id}`)).json();
      expect(byId.changes).toEqual(byNumber.changes);
      expect(byNumber.from).toMatchObject({ submissionId: r1.id, revision: 1 });
      expect(byNumber.to).toMatchObject({ submissionId: r2.id, revision: 2 });
      const justification = byNumber.changes.find((c: { field: string }) => c.field === "justification");
      expect(justification.to).toBe("Đã sửa theo số liệu của phòng thống kê.");
      expect(byNumber.changes.some((c: { field: string }) => c.field === "value" || c.field === "numerator")).toBe(
        true,
      );
      expect((await get(f.app, f.tokens.unit, `/reports/${UNIT}/2026-Q1/diff?from=2&to=2`)).json().changes).toEqual([]);
      const j = expectProblem(
        await get(f.app, f.tokens.unit, `/reports/${UNIT}/2026-Q1/diff?from=7`),
        404,
        "CT_REVISION_NOT_FOUND",
      );
      expect(j.details.latestRevision).toBe(2);
    });

    it("returns a report with a comment the unit sees; a resubmission makes it submitted again", async () => {
      const ret = await post(f.app, f.tokens.planner, `/reports/${UNIT}/2026-Q1/return`, {
        comment: "Chỉ tiêu S02: kiểm tra lại số hộ.",
        submissionId: r2.id,
      });
      expect(ret.statusCode).toBe(200);
      expect(ret.json()).toMatchObject({
        status: "returned",
        locked: false,
        comment: "Chỉ tiêu S02: kiểm tra lại số hộ.",
      });
      const seen = (await get(f.app, f.tokens.unit, `/reports/${UNIT}/2026-Q1`)).json();
      expect(seen).toMatchObject({
        status: "returned",
        comment: "Chỉ tiêu S02: kiểm tra lại số hộ.",
        latest: { status: "returned" },
      });
      const b3 = body(f.app, { period: "2026-Q1", supersedes: r2.id }, 3);
      const res = await submit(f.app, f.tokens.unit, b3);
      expect(res.statusCode).toBe(201);
      expect((await get(f.app, f.tokens.unit, `/reports/${UNIT}/2026-Q1`)).json().status).toBe("submitted");
      // a retry of the first revision still gets its receipt, which now says superseded
      const replay = await submit(f.app, f.tokens.unit, { ...body(f.app, { period: "2026-Q1" }), submissionId: r1.id });
      expect(replay.statusCode).toBe(200);
      expect(replay.json()).toMatchObject({ submissionId: r1.id, revision: 1, status: "superseded", replay: true });
      const history = (await get(f.app, f.tokens.unit, `/reports/${UNIT}/2026-Q1/history`)).json();
      expect(history.events.map((e: { action: string }) => e.action)).toContain("report.returned");
      expect(history.events.find((e: { action: string }) => e.action === "report.returned").details.comment).toBe(
        "Chỉ tiêu S02: kiểm tra lại số hộ.",
      );
    });

    it("refuses to accept a revision the planner has not seen (a newer one arrived) with 409 CT_OUT_OF_DATE", async () => {
      expectProblem(
        await post(f.app, f.tokens.planner, `/reports/${UNIT}/2026-Q1/accept`, { submissionId: r2.id }),
        409,
        "CT_OUT_OF_DATE",
      );
    });

    it("accepts the latest revision, which locks the report; unlocking needs a reason and keeps the accepted revision", async () => {
      const state = (await get(f.app, f.tokens.planner, `/reports/${UNIT}/2026-Q1`)).json();
      const latest = state.latest.submissionId;
      const acc = await post(f.app, f.tokens.planner, `/reports/${UNIT}/2026-Q1/accept`, { submissionId: latest });
      expect(acc.json()).toMatchObject({ status: "accepted", locked: true, acceptedSubmissionId: latest });
      expectProblem(
        await post(f.app, f.tokens.planner, `/reports/${UNIT}/2026-Q1/return`, { comment: "x" }),
        409,
        "CT_REPORT_LOCKED",
      );
      expectProblem(
        await post(f.app, f.tokens.planner, `/reports/${UNIT}/2026-Q1/unlock`, {}),
        400,
        "CT_REQUEST_INVALID",
      );
      expectProblem(
        await post(f.app, f.tokens.planner, `/reports/${UNIT}/2026-Q1/unlock`, { reason: "   " }),
        400,
        "CT_REQUEST_INVALID",
      );
      const un = await post(f.app, f.tokens.planner, `/reports/${UNIT}/2026-Q1/unlock`, {
        reason: "Đơn vị cần sửa dân số.",
      });
      expect(un.json()).toMatchObject({
        status: "accepted",
        locked: false,
        comment: "Đơn vị cần sửa dân số.",
        acceptedSubmissionId: latest,
      });
      expectProblem(
        await post(f.app, f.tokens.planner, `/reports/${UNIT}/2026-Q1/unlock`, { reason: "lần hai" }),
        409,
        "CT_REPORT_NOT_LOCKED",
      );
      // timeliness is untouched by accepting and unlocking
      expect((await get(f.app, f.tokens.unit, `/reports/${UNIT}/2026-Q1`)).json().onTime).toBe(true);
      // after unlocking, the unit can send a new revision; the accepted one stays recorded
      const b = body(f.app, { period: "2026-Q1", supersedes: latest }, 4);
      expect((await submit(f.app, f.tokens.unit, b)).statusCode).toBe(201);
      const after = (await get(f.app, f.tokens.unit, `/reports/${UNIT}/2026-Q1`)).json();
      expect(after).toMatchObject({ status: "submitted", locked: false, acceptedSubmissionId: latest });
      const events = (await get(f.app, f.tokens.unit, `/reports/${UNIT}/2026-Q1/history`))
        .json()
        .events.map((e: { action: string }) => e.action);
      expect(events).toEqual(["report.returned", "report.accepted", "report.unlocked"]);
    });

    it("refuses planner actions on a report that does not exist with 404", async () => {
      expectProblem(
        await post(f.app, f.tokens.planner, `/reports/${UNIT}/2030/accept`, {}),
        404,
        "CT_REPORT_NOT_FOUND",
      );
    });
  });
}
