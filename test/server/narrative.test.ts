/**
 * The report's narrative travels with a submission: stored with the revision, given back by GET /reports and in the
 * consolidation matrix, part of the content a retry must repeat, refused naming its field and cell when over-long;
 * a report sent without one (as every report before the narrative) hashes and reads as before. Real SQLite and
 * PostgreSQL, real requests through app.inject.
 */
import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { NARRATIVE_MAX } from "../../src/domain";
import { canonicalContent, unpackContent } from "../../src/server/services/content";
import {
  body,
  count,
  dialects,
  expectProblem,
  get,
  setup,
  submit,
  UNIT,
  type Fixture,
  type SubmissionBody,
} from "./helpers";

type Body = SubmissionBody & { narrative?: unknown };

const NARRATIVE = {
  results: "- Hoàn thành 95% kế hoạch thu ngân sách quý I.",
  shortcomings: "=Giải ngân vốn đầu tư công chậm do vướng giải phóng mặt bằng.",
  nextTasks: "+ Đẩy nhanh tiến độ giải phóng mặt bằng dự án Vành đai 4.",
  proposals: "Đề nghị Sở Tài chính bổ sung 2 tỷ đồng kinh phí.",
};

async function send(app: FastifyInstance, token: string, b: Body) {
  return submit(app, token, b as SubmissionBody);
}

async function rows(app: FastifyInstance): Promise<[number, number]> {
  return [await count(app, "submission"), await count(app, "report_state")];
}

for (const dialect of dialects()) {
  describe(`${dialect}: the narrative sent with a submission`, () => {
    let f: Fixture;
    beforeAll(async () => {
      f = await setup(dialect);
    }, 60_000);
    afterAll(async () => {
      await f?.close();
    });

    it("stores it (trimmed, NFC, text starting with - = + kept as text) and gives it back in the report and the consolidation", async () => {
      const padded = {
        ...NARRATIVE,
        proposals: `  ${NARRATIVE.proposals.normalize("NFD")}  `,
        nextTasks: NARRATIVE.nextTasks,
      };
      const b: Body = { ...body(f.app, { period: "2026-Q1" }), narrative: padded };
      expect((await send(f.app, f.tokens.unit, b)).statusCode).toBe(201);
      const report = (await get(f.app, f.tokens.unit, `/reports/${UNIT}/2026-Q1`)).json();
      expect(report.report.narrative).toEqual(NARRATIVE);
      const row = await f.app.store.db
        .selectFrom("submission")
        .select("content")
        .where("id", "=", b.submissionId)
        .executeTakeFirstOrThrow();
      expect(unpackContent(row.content).report.narrative).toEqual(NARRATIVE);
      const cons = (await get(f.app, f.tokens.planner, "/consolidation?period=2026-Q1&group=wards")).json();
      expect(cons.matrix.find((m: { unitCode: string }) => m.unitCode === UNIT).narrative).toEqual(NARRATIVE);
    });

    it("replays a retry with the same narrative; another narrative under the same id is a 409 and stores nothing", async () => {
      const b: Body = { ...body(f.app, { period: "2026-Q2" }), narrative: NARRATIVE };
      expect((await send(f.app, f.tokens.unit, b)).statusCode).toBe(201);
      const before = await rows(f.app);
      expect((await send(f.app, f.tokens.unit, b)).json()).toMatchObject({ replay: true, revision: 1 });
      expectProblem(
        await send(f.app, f.tokens.unit, { ...b, narrative: { ...NARRATIVE, proposals: "Khác" } }),
        409,
        "CT_SUBMISSION_CONFLICT",
      );
      expect(await rows(f.app)).toEqual(before);
    });

    it("a report without a narrative hashes as before narratives existed, and a blank one is none", () => {
      const base = {
        unitCode: UNIT,
        period: "2026-Q1",
        catalogVersion: "v",
        locale: "vi" as const,
        supersedes: null,
        entries: [],
      };
      const without = canonicalContent(base);
      expect(without.text).not.toContain("narrative");
      expect(canonicalContent({ ...base, narrative: { results: "  ", proposals: null } }).hash).toBe(without.hash);
      expect(canonicalContent({ ...base, narrative: { results: "x" } }).hash).not.toBe(without.hash);
    });

    it("reads a stored report without a narrative as null", async () => {
      const b = body(f.app, { period: "2026-Q3" });
      expect((await send(f.app, f.tokens.unit, b)).statusCode).toBe(201);
      const report = (await get(f.app, f.tokens.unit, `/reports/${UNIT}/2026-Q3`)).json();
      expect(report.report.narrative).toBeNull();
    });

    it("accepts exactly 2,000 characters and refuses 2,001 naming the part and its cell, in vi and en", async () => {
      const ok: Body = { ...body(f.app, { period: "2026-Q4" }), narrative: { results: "a".repeat(NARRATIVE_MAX) } };
      expect((await send(f.app, f.tokens.unit, ok)).statusCode).toBe(201);
      const before = await rows(f.app);
      const bad: Body = {
        ...body(f.app, { period: "2026-01", submissionId: randomUUID() }),
        narrative: { shortcomings: "b".repeat(NARRATIVE_MAX + 1) },
      };
      const j = expectProblem(await send(f.app, f.tokens.unit, bad), 400, "CT_REQUEST_INVALID");
      const issue = j.issues.find(
        (i: { path: unknown[] }) => JSON.stringify(i.path) === '["body","narrative","shortcomings"]',
      );
      expect(issue.message.vi).toContain(
        "Tồn tại, hạn chế và nguyên nhân (narrative.shortcomings, ô ThuyetMinh!C5) dài quá 2000 ký tự",
      );
      expect(issue.message.en).toContain(
        "Shortcomings and causes (narrative.shortcomings, cell ThuyetMinh!C5) is longer than 2000",
      );
      expect(await rows(f.app)).toEqual(before);
    });

    it("refuses an unknown part and a part that is not text", async () => {
      for (const narrative of [{ ...NARRATIVE, summary: "x" }, { results: 12 }]) {
        const b: Body = { ...body(f.app, { period: "2026-02", submissionId: randomUUID() }), narrative };
        expectProblem(await send(f.app, f.tokens.unit, b), 400, "CT_REQUEST_INVALID");
      }
    });
  });
}
