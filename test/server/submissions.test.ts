import { randomUUID } from "node:crypto";
import {
  body,
  count,
  dialects,
  expectProblem,
  get,
  JUSTIFICATION,
  post,
  setup,
  submit,
  UNIT,
  type Fixture,
} from "./helpers";

for (const dialect of dialects()) {
  describe(`${dialect}: POST /api/v1/submissions`, () => {
    let f: Fixture;
    beforeAll(async () => {
      f = await setup(dialect);
    }, 60_000);
    afterAll(async () => {
      await f?.close();
    });

    it("stores a valid first revision and answers 201 with its receipt", async () => {
      const b = body(f.app, { period: "2026-Q1" });
      const res = await submit(f.app, f.tokens.unit, b);
      expect(res.statusCode).toBe(201);
      const r = res.json();
      expect(r).toEqual({
        submissionId: b.submissionId,
        unitCode: UNIT,
        period: "2026-Q1",
        revision: 1,
        supersedes: null,
        receivedAt: f.now.value.toISOString(),
        onTime: true,
        status: "submitted",
        replay: false,
      });
      const row = await f.app.store.db
        .selectFrom("submission")
        .selectAll()
        .where("id", "=", b.submissionId)
        .executeTakeFirstOrThrow();
      expect(row.token_id).toBe(f.tokenIds.unit);
      expect(row.revision).toBe(1);
      const { unpackContent } = await import("../../src/server/services/content");
      const stored = unpackContent(row.content);
      expect(stored.parsed).toHaveLength(b.entries.length);
      expect(stored.report.entries).toHaveLength(b.entries.length);
      expect(row.content.length).toBeLessThan(JSON.stringify(b).length / 4);
    });

    it("answers a retry of the same id and content with the stored receipt (200, replay) and never a second row", async () => {
      const b = body(f.app, { period: "2026-02" });
      const first = await submit(f.app, f.tokens.unit, b);
      expect(first.statusCode).toBe(201);
      const before = await count(f.app, "submission");
      f.now.value = new Date(f.now.value.getTime() + 60_000);
      const again = await submit(f.app, f.tokens.unit, b);
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual({ ...first.json(), replay: true });
      expect(await count(f.app, "submission")).toBe(before);
    });

    it("treats NFC and NFD spellings of the same justification as the same content", async () => {
      const b = body(f.app, { period: "2026-04" });
      expect((await submit(f.app, f.tokens.unit, b)).statusCode).toBe(201);
      const nfd = {
        ...b,
        entries: b.entries.map((e) => ({ ...e, justification: (e.justification ?? "").normalize("NFD") })),
      };
      const res = await submit(f.app, f.tokens.unit, nfd);
      expect(res.statusCode).toBe(200);
      expect(res.json().replay).toBe(true);
    });

    it("refuses the same id with different content with 409 CT_SUBMISSION_CONFLICT and stores nothing", async () => {
      const b = body(f.app, { period: "2026-05" });
      expect((await submit(f.app, f.tokens.unit, b)).statusCode).toBe(201);
      const before = await count(f.app, "submission");
      const changed = { ...b, entries: body(f.app, {}, 3).entries };
      const j = expectProblem(await submit(f.app, f.tokens.unit, changed), 409, "CT_SUBMISSION_CONFLICT");
      expect(j.details.submissionId).toBe(b.submissionId);
      expect(j.details.revision).toBe(1);
      expect(await count(f.app, "submission")).toBe(before);
    });

    it("stores a revision that supersedes the latest one as revision 2", async () => {
      const first = body(f.app, { period: "2026-06" });
      expect((await submit(f.app, f.tokens.unit, first)).statusCode).toBe(201);
      const second = body(f.app, { period: "2026-06", supersedes: first.submissionId }, 2);
      const res = await submit(f.app, f.tokens.unit, second);
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ revision: 2, supersedes: first.submissionId, status: "submitted" });
      const state = await get(f.app, f.tokens.unit, `/reports/${UNIT}/2026-06`);
      expect(state.json().latest.submissionId).toBe(second.submissionId);
      expect(state.json().revisions).toBe(2);
    });

    it("refuses an edit whose supersedes is not the latest with 409 CT_OUT_OF_DATE naming the latest revision", async () => {
      const r1 = body(f.app, { period: "2026-07" });
      await submit(f.app, f.tokens.unit, r1);
      const r2 = body(f.app, { period: "2026-07", supersedes: r1.submissionId }, 1);
      await submit(f.app, f.tokens.unit, r2);
      const stale = body(f.app, { period: "2026-07", supersedes: r1.submissionId }, 2);
      const before = await count(f.app, "submission");
      const j = expectProblem(await submit(f.app, f.tokens.unit, stale), 409, "CT_OUT_OF_DATE");
      expect(j.details).toMatchObject({
        latestSubmissionId: r2.submissionId,
        latestRevision: 2,
        supersedes: r1.submissionId,
      });
      expect(j.message.en).toContain(r2.submissionId);
      expect(await count(f.app, "submission")).toBe(before);
    });

    it("refuses a first submission (supersedes null) when a revision already exists with 409 CT_OUT_OF_DATE", async () => {
      const r1 = body(f.app, { period: "2026-08" });
      await submit(f.app, f.tokens.unit, r1);
      const j = expectProblem(
        await submit(f.app, f.tokens.unit, body(f.app, { period: "2026-08" }, 1)),
        409,
        "CT_OUT_OF_DATE",
      );
      expect(j.details.latestSubmissionId).toBe(r1.submissionId);
    });

    it("refuses supersedes pointing at a revision when none is stored with 409 CT_OUT_OF_DATE", async () => {
      const j = expectProblem(
        await submit(f.app, f.tokens.unit, body(f.app, { period: "2026-09", supersedes: randomUUID() })),
        409,
        "CT_OUT_OF_DATE",
      );
      expect(j.details.latestRevision).toBe(0);
    });

    it("refuses a report with rule errors with 422 CT_REPORT_INVALID listing every issue, and stores nothing", async () => {
      const b = body(f.app, { period: "2026-10" });
      const ratio = b.entries.find((e) => e.numerator !== undefined)!;
      ratio.numerator = Number(ratio.denominator) + 5; // numerator above denominator
      const count_ = b.entries.find((e) => typeof e.value === "number")!;
      count_.value = "mười hai";
      const before = await count(f.app, "submission");
      const j = expectProblem(await submit(f.app, f.tokens.unit, b), 422, "CT_REPORT_INVALID");
      const codes = j.issues
        .filter((i: { severity: string }) => i.severity === "error")
        .map((i: { code: string }) => i.code);
      expect(codes).toEqual(expect.arrayContaining(["numerator_above_denominator", "not_a_number"]));
      const issue = j.issues.find((i: { code: string }) => i.code === "numerator_above_denominator");
      expect(issue.path).toEqual(["entries", ratio.targetId, "numerator"]);
      expect(issue.message.vi.length).toBeGreaterThan(10);
      expect(j.details.errors).toBe(codes.length);
      expect(await count(f.app, "submission")).toBe(before);
      expect(await count(f.app, "report_state")).toBe(await count(f.app, "report_state"));
    });

    it("refuses an unjustified off-track figure with 422 CT_JUSTIFICATION_REQUIRED and accepts it once justified", async () => {
      const b = body(f.app, { period: "2026-11" });
      const pct = f.app.reference.currentCatalog.targets.find(
        (t) =>
          b.entries.some((e) => e.targetId === t.id) &&
          t.aggregation === "ratio_of_sums" &&
          t.measure === "percent" &&
          typeof t.targetByYear[2026] === "number" &&
          t.direction.startsWith(">"),
      )!;
      const e = b.entries.find((x) => x.targetId === pct.id)!;
      e.numerator = 1; // far below the target
      e.justification = null;
      const j = expectProblem(await submit(f.app, f.tokens.unit, b), 422, "CT_JUSTIFICATION_REQUIRED");
      // the earlier months of this test file make it a history outlier too: the off-track warning is the one here
      const warning = j.issues.find(
        (i: { targetId: string; code: string }) => i.targetId === pct.id && i.code === "off_track",
      );
      expect(warning.severity).toBe("warning");
      expect(warning.justified).toBeFalsy();
      e.justification = JUSTIFICATION;
      const ok = await submit(f.app, f.tokens.unit, { ...b, submissionId: randomUUID() });
      expect(ok.statusCode).toBe(201);
    });

    it("refuses an unknown catalog version with 409 CT_CATALOG_VERSION naming the current one", async () => {
      const j = expectProblem(
        await submit(f.app, f.tokens.unit, body(f.app, { period: "2026-12", catalogVersion: "0000000000000000" })),
        409,
        "CT_CATALOG_VERSION",
      );
      expect(j.details).toEqual({
        sent: "0000000000000000",
        current: f.app.reference.currentCatalog.version,
        known: false,
      });
    });

    it("refuses a known but older catalog version with 409 CT_CATALOG_VERSION (known: true)", async () => {
      const catalog = f.app.reference.currentCatalog;
      const older = { version: "olderolderolder1", targets: catalog.targets };
      await f.app.store.db
        .insertInto("catalog_version")
        .values({
          version: older.version,
          body: JSON.stringify(older),
          source: "test",
          created_at: "2026-01-01T00:00:00.000Z",
        })
        .execute();
      const j = expectProblem(
        await submit(f.app, f.tokens.unit, body(f.app, { period: "2026-12", catalogVersion: older.version })),
        409,
        "CT_CATALOG_VERSION",
      );
      expect(j.details.known).toBe(true);
      expect(j.message.vi).toContain(catalog.version);
    });

    it("refuses a submission to an accepted (locked) report with 409 CT_REPORT_LOCKED", async () => {
      const r1 = body(f.app, { period: "2026-H1" });
      await submit(f.app, f.tokens.unit, r1);
      expect((await post(f.app, f.tokens.planner, `/reports/${UNIT}/2026-H1/accept`, {})).statusCode).toBe(200);
      expectProblem(
        await submit(f.app, f.tokens.unit, body(f.app, { period: "2026-H1", supersedes: r1.submissionId }, 1)),
        409,
        "CT_REPORT_LOCKED",
      );
      // a retry of the accepted revision still gets its receipt
      const replay = await submit(f.app, f.tokens.unit, r1);
      expect(replay.statusCode).toBe(200);
      expect(replay.json().status).toBe("accepted");
    });

    it("marks a submission after the deadline as late (onTime false) without refusing it", async () => {
      // now = 5 April 2026 (Hanoi): March is due on 5 April (last on-time day), January was due on 5 February
      const onTime = await submit(f.app, f.tokens.unit, body(f.app, { period: "2026-03" }));
      expect(onTime.statusCode).toBe(201);
      expect(onTime.json().onTime).toBe(true);
      const late = await submit(f.app, f.tokens.unit, body(f.app, { period: "2026-01" }));
      expect(late.statusCode).toBe(201);
      expect(late.json().onTime).toBe(false);
      const row = await f.app.store.db
        .selectFrom("report_state")
        .selectAll()
        .where("period", "=", "2026-01")
        .executeTakeFirstOrThrow();
      expect(row.first_on_time).toBe(0);
      expect(row.locked).toBe(0);
    });

    it("answers a dry run with the verdict, the revision it would create and the changes, storing nothing", async () => {
      const r1 = body(f.app, { period: "2027-01" });
      await submit(f.app, f.tokens.unit, r1);
      const next = body(f.app, { period: "2027-01", supersedes: r1.submissionId, dryRun: true }, 1);
      const before = await count(f.app, "submission");
      const res = await submit(f.app, f.tokens.unit, next);
      expect(res.statusCode).toBe(200);
      const j = res.json();
      expect(j).toMatchObject({ dryRun: true, ok: true, wouldCreateRevision: 2 });
      expect(j.changes.length).toBeGreaterThan(0);
      expect(j.changes[0]).toEqual(
        expect.objectContaining({ targetId: expect.any(String), field: expect.any(String) }),
      );
      expect(j.assessments.length).toBe(next.entries.length);
      expect(await count(f.app, "submission")).toBe(before);
      // a dry run with errors is a verdict (200, ok false), not a refusal
      const bad = {
        ...next,
        entries: next.entries.map((e) => ({ ...e, value: e.value === undefined ? undefined : "abc" })),
      };
      const v = await submit(f.app, f.tokens.unit, bad);
      expect(v.statusCode).toBe(200);
      expect(v.json().ok).toBe(false);
      expect(v.json().counts.errors).toBeGreaterThan(0);
    });

    it("lets a planner dry-run any unit's report but not store it", async () => {
      const b = body(f.app, { unitCode: "00008", period: "2027-02", dryRun: true });
      const res = await submit(f.app, f.tokens.planner, b);
      expect(res.statusCode).toBe(200);
      expect(res.json().ok).toBe(true);
      expectProblem(await submit(f.app, f.tokens.planner, { ...b, dryRun: false }), 403, "CT_ROLE_FORBIDDEN");
    });

    it("stores exactly one row when the same submission is sent 20 times at once", async () => {
      const b = body(f.app, { period: "2027-03" });
      const before = await count(f.app, "submission");
      const answers = await Promise.all(Array.from({ length: 20 }, () => submit(f.app, f.tokens.unit, b)));
      const codes = answers.map((a) => a.statusCode).sort();
      expect(codes.filter((c) => c === 201)).toHaveLength(1);
      expect(codes.filter((c) => c === 200)).toHaveLength(19);
      expect(new Set(answers.map((a) => a.json().revision))).toEqual(new Set([1]));
      expect(await count(f.app, "submission")).toBe(before + 1);
    });

    it("keeps exactly one of 10 concurrent edits of the same revision; the others are out of date", async () => {
      const r1 = body(f.app, { period: "2027-04" });
      await submit(f.app, f.tokens.unit, r1);
      const edits = Array.from({ length: 10 }, (_, i) =>
        body(f.app, { period: "2027-04", supersedes: r1.submissionId }, i + 1),
      );
      const answers = await Promise.all(edits.map((e) => submit(f.app, f.tokens.unit, e)));
      expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1);
      const refused = answers.filter((a) => a.statusCode !== 201);
      expect(refused).toHaveLength(9);
      for (const r of refused) expectProblem(r, 409, "CT_OUT_OF_DATE");
      const rows = await f.app.store.db
        .selectFrom("submission")
        .select("revision")
        .where("period", "=", "2027-04")
        .execute();
      expect(rows.map((r) => r.revision).sort()).toEqual([1, 2]);
    });

    it("records who sent each revision and from which client", async () => {
      const b = body(f.app, { period: "2027-05" });
      await f.app.inject({
        method: "POST",
        url: "/api/v1/submissions",
        headers: { authorization: `Bearer ${f.tokens.unit}`, "x-chitieu-client": "chitieu-taskpane/1.0 Excel/16" },
        payload: b,
      });
      const row = await f.app.store.db
        .selectFrom("submission")
        .selectAll()
        .where("id", "=", b.submissionId)
        .executeTakeFirstOrThrow();
      expect(row.client).toBe("chitieu-taskpane/1.0 Excel/16");
      expect(row.token_id).toBe(f.tokenIds.unit);
      expect(row.received_at).toBe(f.now.value.toISOString());
    });
  });
}
