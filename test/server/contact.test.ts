/**
 * The unit sheet's contact (preparer, approver, phone) travels with a submission: stored with the revision, listed per
 * unit by completeness and consolidation (latest revision), refused with a clear error when malformed, and part of
 * the content a retry must repeat. Real SQLite and PostgreSQL, real requests through app.inject.
 */
import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { parsePeriod, type Period } from "../../src/domain";
import { viewFromEndpoint, type EndpointCompleteness, type EndpointConsolidation } from "../../src/domain/scorecard";
import { unpackContent } from "../../src/server/services/content";
import { buildConsolidatedSpec } from "../../src/workbook/consolidated";
import { sheetOf } from "../workbook/consolidated-fixture";
import {
  body,
  count,
  dialects,
  expectProblem,
  get,
  OTHER,
  setup,
  submit,
  UNIT,
  type Fixture,
  type SubmissionBody,
} from "./helpers";

type Body = SubmissionBody & { contact?: unknown };

const CONTACT = { preparer: "Nguyễn Văn An", approver: "Trần Thị Bình", phone: "024 3825 1234 (máy lẻ 12)" };

/** A valid report of `period` for the test unit, with a contact. */
function withContact(app: FastifyInstance, period: string, contact: unknown, over: Partial<SubmissionBody> = {}): Body {
  return { ...body(app, { period, ...over }), contact };
}

/** POST /submissions with a body that may carry any contact (the helpers' type has none). */
async function send(app: FastifyInstance, token: string, b: Body) {
  return submit(app, token, b as SubmissionBody);
}

async function rows(app: FastifyInstance): Promise<[number, number]> {
  return [await count(app, "submission"), await count(app, "report_state")];
}

interface BadCase {
  name: string;
  contact: unknown;
  path: (string | number)[];
  /** words of the message naming the field, [vi, en]; none for a contact that is not an object */
  names?: [string, string];
  issueCode?: string;
}

const BAD: BadCase[] = [
  {
    name: "a phone of 201 characters",
    contact: { ...CONTACT, phone: "0".repeat(201) },
    path: ["body", "contact", "phone"],
    names: [
      "Số điện thoại liên hệ (trang DonVi) dài quá 200 ký tự",
      "The contact phone (sheet DonVi) is longer than 200",
    ],
  },
  {
    name: "a preparer of 201 characters after trimming",
    contact: { preparer: ` ${"Ngô ".repeat(50)}A `, approver: null, phone: null },
    path: ["body", "contact", "preparer"],
    names: ["Người lập biểu (trang DonVi) dài quá 200 ký tự", "The preparer (sheet DonVi) is longer than 200"],
  },
  {
    name: "a phone sent as a number",
    contact: { ...CONTACT, phone: 912345678 },
    path: ["body", "contact", "phone"],
    names: ["Số điện thoại liên hệ (trang DonVi) phải là văn bản", "The contact phone (sheet DonVi) must be text"],
  },
  {
    name: "an approver sent as a list",
    contact: { ...CONTACT, approver: ["Trần Thị Bình"] },
    path: ["body", "contact", "approver"],
    names: ["Người duyệt (trang DonVi) phải là văn bản", "The approver (sheet DonVi) must be text"],
  },
  {
    name: "a NUL character in the preparer",
    contact: { ...CONTACT, preparer: "Nguyễn\u0000Văn An" },
    path: ["body", "contact", "preparer"],
    names: [
      "Người lập biểu (trang DonVi) chứa ký tự không hợp lệ",
      "The preparer (sheet DonVi) holds an invalid character",
    ],
  },
  { name: "a contact that is a text", contact: "Nguyễn Văn An, 0912 345 678", path: ["body", "contact"] },
  {
    name: "an unknown field in the contact",
    contact: { ...CONTACT, email: "an@hanoi.gov.vn" },
    path: ["body", "contact"],
    issueCode: "unrecognized_keys",
  },
];

for (const dialect of dialects()) {
  describe(`${dialect}: the unit sheet's contact sent with a submission`, () => {
    let f: Fixture;
    let q1: Period;
    beforeAll(async () => {
      f = await setup(dialect);
      q1 = parsePeriod("2026-Q1") as Period;
      // 00004 sends its contact (padded and decomposed, as a copy from another program may be); 00008 sends none
      const padded = { ...CONTACT, preparer: `  ${CONTACT.preparer.normalize("NFD")} ` };
      expect((await send(f.app, f.tokens.unit, withContact(f.app, "2026-Q1", padded))).statusCode).toBe(201);
      expect(
        (await submit(f.app, f.tokens.other, body(f.app, { unitCode: OTHER, period: "2026-Q1" }, 3))).statusCode,
      ).toBe(201);
    }, 60_000);
    afterAll(async () => {
      await f?.close();
    });

    it("stores the contact, trimmed and NFC, with the revision and as the report's latest", async () => {
      const state = await f.app.store.db
        .selectFrom("report_state")
        .select(["latest_submission_id", "latest_contact"])
        .where("unit_code", "=", UNIT)
        .where("period", "=", "2026-Q1")
        .executeTakeFirstOrThrow();
      expect(JSON.parse(state.latest_contact ?? "null")).toEqual(CONTACT);
      const row = await f.app.store.db
        .selectFrom("submission")
        .select("content")
        .where("id", "=", state.latest_submission_id)
        .executeTakeFirstOrThrow();
      expect(unpackContent(row.content).report.contact).toEqual(CONTACT);
      const report = (await get(f.app, f.tokens.unit, `/reports/${UNIT}/2026-Q1`)).json();
      expect(report.report.contact).toEqual(CONTACT);
    });

    it("lists each unit's contact in completeness and consolidation; null for a unit that sent none or nothing", async () => {
      const done = (await get(f.app, f.tokens.planner, "/completeness?period=2026-Q1&group=wards")).json();
      const unitOf = (code: string) => done.units.find((u: { unitCode: string }) => u.unitCode === code);
      expect(unitOf(UNIT).contact).toEqual(CONTACT);
      expect(unitOf(OTHER)).toMatchObject({ state: "submitted", contact: null });
      expect(done.units.find((u: { state: string }) => u.state === "missing").contact).toBeNull();
      const cons = (await get(f.app, f.tokens.planner, "/consolidation?period=2026-Q1&group=wards")).json();
      const rowOf = (code: string) => cons.matrix.find((m: { unitCode: string }) => m.unitCode === code);
      expect(rowOf(UNIT).contact).toEqual(CONTACT);
      expect(rowOf(OTHER).contact).toBeNull();
    });

    it("fills the contacts of the completeness sheet (TienDo) of a consolidation built from the endpoint", async () => {
      const cons = (await get(f.app, f.tokens.planner, "/consolidation?period=2026-Q1&group=wards")).json();
      const done = (await get(f.app, f.tokens.planner, "/completeness?period=2026-Q1&group=wards")).json();
      const view = viewFromEndpoint(cons as EndpointConsolidation, done as EndpointCompleteness, {
        catalog: f.app.reference.currentCatalog,
        period: q1,
        units: f.app.reference.registry,
        generatedAt: "2026-04-05T03:00:00.000Z",
      });
      expect(view.completeness.rows.find((r) => r.unitCode === UNIT)?.contact).toEqual(CONTACT);
      const tienDo = sheetOf(buildConsolidatedSpec(view), "TienDo");
      const unitRows = tienDo.blocks.flatMap((b) => b.values).filter((r) => r[0] === UNIT || r[0] === OTHER);
      // columns: code, unit, state, submitted at, source, preparer, approver, phone, note
      expect(unitRows.map((r) => [r[0], r[5], r[6], r[7]])).toEqual([
        [UNIT, CONTACT.preparer, CONTACT.approver, CONTACT.phone],
        [OTHER, null, null, null],
      ]);
    });

    it("lists the contact of the latest revision: a newer one replaces it, one without a contact clears it", async () => {
      const first = withContact(f.app, "2026-Q2", CONTACT);
      expect((await send(f.app, f.tokens.unit, first)).statusCode).toBe(201);
      const moved = { ...CONTACT, phone: "0912 345 678" };
      const second = withContact(f.app, "2026-Q2", moved, { supersedes: first.submissionId });
      expect((await send(f.app, f.tokens.unit, second)).statusCode).toBe(201);
      const contactNow = async () =>
        (await get(f.app, f.tokens.planner, "/completeness?period=2026-Q2&group=wards"))
          .json()
          .units.find((u: { unitCode: string }) => u.unitCode === UNIT).contact;
      expect(await contactNow()).toEqual(moved);
      const cons = (await get(f.app, f.tokens.planner, "/consolidation?period=2026-Q2&group=wards")).json();
      expect(cons.matrix.find((m: { unitCode: string }) => m.unitCode === UNIT).contact).toEqual(moved);
      const third = body(f.app, { period: "2026-Q2", supersedes: second.submissionId });
      expect((await send(f.app, f.tokens.unit, third)).statusCode).toBe(201);
      expect(await contactNow()).toBeNull();
    });

    it("replays a retry that repeats the contact (in any key order, spacing or Unicode form) and stores nothing more", async () => {
      const b = withContact(f.app, "2026-Q3", CONTACT);
      expect((await send(f.app, f.tokens.unit, b)).statusCode).toBe(201);
      const before = await rows(f.app);
      const same = await send(f.app, f.tokens.unit, b);
      expect(same.statusCode).toBe(200);
      expect(same.json()).toMatchObject({ submissionId: b.submissionId, revision: 1, replay: true });
      const reshaped = {
        ...b,
        contact: {
          phone: ` ${CONTACT.phone}`,
          approver: CONTACT.approver.normalize("NFD"),
          preparer: CONTACT.preparer,
        },
      };
      expect((await send(f.app, f.tokens.unit, reshaped)).json()).toMatchObject({ replay: true, revision: 1 });
      expect(await rows(f.app)).toEqual(before);
    });

    it("treats a contact left blank as no contact: the retry of a report sent without one replays", async () => {
      const b = body(f.app, { period: "2026-Q4" });
      expect((await send(f.app, f.tokens.unit, b)).statusCode).toBe(201);
      const blank = { ...b, contact: { preparer: "  ", approver: null } };
      expect((await send(f.app, f.tokens.unit, blank)).json()).toMatchObject({ replay: true, revision: 1 });
    });

    it("answers the same id with another contact with 409 CT_SUBMISSION_CONFLICT and stores nothing", async () => {
      const b = withContact(f.app, "2026-01", CONTACT);
      expect((await send(f.app, f.tokens.unit, b)).statusCode).toBe(201);
      const before = await rows(f.app);
      expectProblem(
        await send(f.app, f.tokens.unit, { ...b, contact: { ...CONTACT, phone: "0912 345 678" } }),
        409,
        "CT_SUBMISSION_CONFLICT",
      );
      expectProblem(await send(f.app, f.tokens.unit, { ...b, contact: undefined }), 409, "CT_SUBMISSION_CONFLICT");
      expect(await rows(f.app)).toEqual(before);
    });

    it("accepts 200 characters in each field (the template's limit), counted after trimming", async () => {
      const long = { preparer: "A".repeat(200), approver: ` ${"B".repeat(200)} `, phone: "0".repeat(200) };
      const b = withContact(f.app, "2026-02", long);
      expect((await send(f.app, f.tokens.unit, b)).statusCode).toBe(201);
      const report = (await get(f.app, f.tokens.unit, `/reports/${UNIT}/2026-02`)).json();
      expect(report.report.contact).toEqual({ ...long, approver: "B".repeat(200) });
    });

    it.each(BAD.map((c) => [c.name, c] as const))(
      "refuses %s with 400 CT_REQUEST_INVALID naming the field, and stores nothing",
      async (_name, c) => {
        const before = await rows(f.app);
        const b = withContact(f.app, "2026-03", c.contact, { submissionId: randomUUID() });
        const j = expectProblem(await send(f.app, f.tokens.unit, b), 400, "CT_REQUEST_INVALID");
        const issue = j.issues.find(
          (i: { path: unknown[]; code: string }) =>
            JSON.stringify(i.path) === JSON.stringify(c.path) && (!c.issueCode || i.code === c.issueCode),
        );
        expect(issue).toBeDefined();
        expect(typeof issue.message.vi).toBe("string");
        expect(typeof issue.message.en).toBe("string");
        if (c.names) {
          expect(issue.message.vi).toContain(c.names[0]);
          expect(issue.message.en).toContain(c.names[1]);
        }
        expect(await rows(f.app)).toEqual(before);
      },
    );
  });
}
