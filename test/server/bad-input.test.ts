import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { auth, body, count, dialects, expectProblem, setup, UNIT, type Fixture, type SubmissionBody } from "./helpers";

interface BadCase {
  name: string;
  /** the raw request body, or a function of a valid body */
  payload: string | ((b: SubmissionBody, app: FastifyInstance) => unknown);
  contentType?: string;
  token?: "unit" | "planner";
  status: number;
  code: string;
  /** what the answer must point at: an issue path (prefix) or issue code */
  path?: (string | number)[];
  issueCode?: string;
}

const valid = (app: FastifyInstance): SubmissionBody => body(app, { period: "2026-Q2" });
const firstWith = (b: SubmissionBody, key: "value" | "numerator") => b.entries.find((e) => e[key] !== undefined)!;

const CASES: BadCase[] = [
  { name: "malformed JSON", payload: '{"submissionId": "x", ', status: 400, code: "CT_MALFORMED_JSON" },
  { name: "an empty body", payload: "", status: 400, code: "CT_MALFORMED_JSON" },
  {
    name: "a NaN literal",
    payload: '{"entries":[{"targetId":"S02","value":NaN}]}',
    status: 400,
    code: "CT_MALFORMED_JSON",
  },
  {
    name: "an Infinity literal",
    payload: '{"entries":[{"targetId":"S02","value":Infinity}]}',
    status: 400,
    code: "CT_MALFORMED_JSON",
  },
  { name: "a __proto__ key", payload: '{"__proto__":{"admin":true}}', status: 400, code: "CT_MALFORMED_JSON" },
  {
    name: "a text/plain body",
    payload: "hello",
    contentType: "text/plain",
    status: 415,
    code: "CT_UNSUPPORTED_MEDIA_TYPE",
  },
  {
    name: "a body over 1 MB",
    payload: (b) => ({
      ...b,
      entries: b.entries
        .map((e) => ({ ...e, evidence: "x".repeat(3900) }))
        .concat(Array.from({ length: 300 }, () => ({ targetId: "S02", evidence: "y".repeat(3900) }))),
    }),
    status: 413,
    code: "CT_BODY_TOO_LARGE",
  },
  {
    name: "entries that are not a list",
    payload: (b) => ({ ...b, entries: "all of them" }),
    status: 400,
    code: "CT_REQUEST_INVALID",
    path: ["body", "entries"],
  },
  {
    name: "a submission id that is not a UUID",
    payload: (b) => ({ ...b, submissionId: "12345" }),
    status: 400,
    code: "CT_REQUEST_INVALID",
    path: ["body", "submissionId"],
  },
  {
    name: "a missing unit code",
    payload: (b) => ({ ...b, unitCode: undefined }),
    status: 400,
    code: "CT_REQUEST_INVALID",
    path: ["body", "unitCode"],
  },
  {
    name: "a locale other than vi or en",
    payload: (b) => ({ ...b, locale: "fr" }),
    status: 400,
    code: "CT_REQUEST_INVALID",
    path: ["body", "locale"],
  },
  {
    name: "a value that is an object",
    payload: (b) => ({ ...b, entries: [{ targetId: "S02", value: { n: 1 } }] }),
    status: 400,
    code: "CT_REQUEST_INVALID",
    path: ["body", "entries", 0, "value"],
  },
  {
    name: "a number too large for a double (1e999 → Infinity)",
    payload: (b) => JSON.stringify(b).replace('"entries":[', '"entries":[{"targetId":"S02","value":1e999},'),
    status: 400,
    code: "CT_REQUEST_INVALID",
    path: ["body", "entries", 0, "value"],
  },
  {
    name: "an unknown field",
    payload: (b) => ({ ...b, approvedBy: "me" }),
    status: 400,
    code: "CT_REQUEST_INVALID",
    issueCode: "unrecognized_keys",
  },
  {
    name: "an unknown field in an entry",
    payload: (b) => ({ ...b, entries: [{ ...b.entries[0], numerater: 3 }] }),
    status: 400,
    code: "CT_REQUEST_INVALID",
    path: ["body", "entries", 0],
  },
  {
    name: "401 entries",
    payload: (b) => ({ ...b, entries: Array.from({ length: 401 }, () => b.entries[0]) }),
    status: 400,
    code: "CT_REQUEST_INVALID",
    path: ["body", "entries"],
  },
  {
    name: "a 300-character cell",
    payload: (b) => ({ ...b, entries: [{ targetId: "S02", value: "9".repeat(300) }] }),
    status: 400,
    code: "CT_REQUEST_INVALID",
    path: ["body", "entries", 0, "value"],
  },
  {
    name: "a NUL character in a justification",
    payload: (b) => ({
      ...b,
      entries: b.entries.map((e, i) => (i === 0 ? { ...e, justification: "Lý do\u0000 ẩn" } : e)),
    }),
    status: 400,
    code: "CT_REQUEST_INVALID",
    path: ["body", "entries", 0, "justification"],
  },
  {
    name: "an unpaired surrogate in a name",
    payload: (b) => ({ ...b, entries: b.entries.map((e, i) => (i === 0 ? { ...e, responsible: "Nguy\ud800n" } : e)) }),
    status: 400,
    code: "CT_REQUEST_INVALID",
    path: ["body", "entries", 0, "responsible"],
  },
  {
    name: '"NaN" typed as a value',
    payload: (b) => {
      firstWith(b, "value").value = "NaN";
      return b;
    },
    status: 422,
    code: "CT_REPORT_INVALID",
    issueCode: "not_a_number",
  },
  {
    name: '"Infinity" typed as a numerator',
    payload: (b) => {
      firstWith(b, "numerator").numerator = "Infinity";
      return b;
    },
    status: 422,
    code: "CT_REPORT_INVALID",
    issueCode: "not_a_number",
  },
  {
    name: "a negative count",
    payload: (b, app) => {
      const id = app.reference.currentCatalog.targets.find(
        (t) => t.measure === "count" && b.entries.some((e) => e.targetId === t.id),
      )!.id;
      b.entries.find((e) => e.targetId === id)!.value = -3;
      return b;
    },
    status: 422,
    code: "CT_REPORT_INVALID",
    issueCode: "negative",
  },
  {
    name: "an unknown target",
    payload: (b) => ({ ...b, entries: [...b.entries, { targetId: "X99", value: 1 }] }),
    status: 422,
    code: "CT_REPORT_INVALID",
    issueCode: "unknown_target",
  },
  {
    name: "a target another kind of unit reports",
    payload: (b) => ({ ...b, entries: [...b.entries, { targetId: "E01", value: "11" }] }),
    status: 422,
    code: "CT_REPORT_INVALID",
    issueCode: "target_not_for_unit",
  },
  {
    name: "a duplicate target row",
    payload: (b) => ({ ...b, entries: [...b.entries, { ...b.entries[0] }] }),
    status: 422,
    code: "CT_REPORT_INVALID",
    issueCode: "duplicate_target",
  },
  {
    name: "month 13",
    payload: (b) => ({ ...b, period: "2026-13" }),
    status: 422,
    code: "CT_REPORT_INVALID",
    issueCode: "unknown_period",
  },
  {
    name: "quarter 5",
    payload: (b) => ({ ...b, period: "2026-Q5" }),
    status: 422,
    code: "CT_REPORT_INVALID",
    issueCode: "unknown_period",
  },
  {
    name: "a period written backwards",
    payload: (b) => ({ ...b, period: "Q1-2026" }),
    status: 422,
    code: "CT_REPORT_INVALID",
    issueCode: "unknown_period",
  },
  {
    name: "an empty period",
    payload: (b) => ({ ...b, period: "" }),
    status: 400,
    code: "CT_REQUEST_INVALID",
    path: ["body", "period"],
  },
  {
    name: "another unit's code with a unit token",
    payload: (b) => ({ ...b, unitCode: "99999" }),
    status: 403,
    code: "CT_UNIT_FORBIDDEN",
  },
  {
    name: "every required figure left blank",
    payload: (b) => ({ ...b, entries: [] }),
    status: 422,
    code: "CT_REPORT_INVALID",
    issueCode: "required",
  },
];

for (const dialect of dialects()) {
  describe(`${dialect}: bad input is answered with a clear error and nothing is stored`, () => {
    let f: Fixture;
    beforeAll(async () => {
      f = await setup(dialect);
    }, 60_000);
    afterAll(async () => {
      await f?.close();
    });

    async function rows(): Promise<number[]> {
      return Promise.all([count(f.app, "submission"), count(f.app, "report_state"), count(f.app, "audit_event")]);
    }

    it.each(CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
      const before = await rows();
      const b = valid(f.app);
      const raw = typeof c.payload === "string" ? c.payload : c.payload(b, f.app);
      const payload = typeof raw === "string" ? raw : JSON.stringify(raw);
      const res = await f.app.inject({
        method: "POST",
        url: "/api/v1/submissions",
        headers: {
          ...auth(c.token === "planner" ? f.tokens.planner : f.tokens.unit),
          "content-type": c.contentType ?? "application/json",
        },
        payload,
      });
      const j = expectProblem(res, c.status, c.code);
      if (c.path) {
        const paths = (j.issues as { path: (string | number)[] }[]).map((i) => i.path);
        expect(paths.some((p) => c.path!.every((seg, k) => p[k] === seg))).toBe(true);
        for (const issue of j.issues) {
          expect(issue.message.vi.length).toBeGreaterThan(3);
          expect(issue.message.en.length).toBeGreaterThan(3);
        }
      }
      if (c.issueCode) {
        expect((j.issues as { code: string }[]).map((i) => i.code)).toContain(c.issueCode);
      }
      expect(await rows()).toEqual(before);
    });

    it("rejects an unknown unit in a planner's dry run with an unknown_unit error, storing nothing", async () => {
      const before = await rows();
      const res = await f.app.inject({
        method: "POST",
        url: "/api/v1/submissions",
        headers: auth(f.tokens.planner),
        payload: { ...valid(f.app), unitCode: "99999", dryRun: true },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().ok).toBe(false);
      expect(res.json().issues.map((i: { code: string }) => i.code)).toContain("unknown_unit");
      expect(await rows()).toEqual(before);
    });

    it("stores formula text in a justification as text, exactly as typed", async () => {
      const b = valid(f.app);
      const formula = '=HYPERLINK("http://evil.example/x","Bấm vào đây")';
      b.entries[0]!.justification = formula;
      b.entries[1]!.evidence = "+1 (gọi lại)";
      b.entries[2]!.responsible = "@admin";
      const res = await f.app.inject({
        method: "POST",
        url: "/api/v1/submissions",
        headers: auth(f.tokens.unit),
        payload: b,
      });
      expect(res.statusCode).toBe(201);
      const report = await f.app.inject({
        method: "GET",
        url: `/api/v1/reports/${UNIT}/2026-Q2`,
        headers: auth(f.tokens.unit),
      });
      const entries = report.json().report.entries;
      expect(entries[0].justification).toBe(formula);
      expect(entries[1].evidence).toBe("+1 (gọi lại)");
      const csv = await f.app.inject({
        method: "GET",
        url: "/api/v1/consolidation?period=2026-Q2&format=csv",
        headers: auth(f.tokens.planner),
      });
      expect(csv.statusCode).toBe(200);
      expect(csv.body).toContain(`"'=HYPERLINK(""http://evil.example/x"",""Bấm vào đây"")"`);
      expect(csv.body).toContain("'+1 (gọi lại)");
      expect(csv.body).toContain("'@admin");
      expect(csv.body).not.toMatch(/(^|,)=HYPERLINK/m);
    });

    it("accepts a retry of a refused report only once it is fixed, under a new id", async () => {
      const b = { ...valid(f.app), period: "2026-Q3", submissionId: randomUUID() };
      firstWith(b, "value").value = "NaN";
      expectProblem(
        await f.app.inject({ method: "POST", url: "/api/v1/submissions", headers: auth(f.tokens.unit), payload: b }),
        422,
        "CT_REPORT_INVALID",
      );
      // nothing was stored under that id, so the same id may carry the fixed report
      firstWith(b, "value").value = 7;
      const ok = await f.app.inject({
        method: "POST",
        url: "/api/v1/submissions",
        headers: auth(f.tokens.unit),
        payload: b,
      });
      expect(ok.statusCode).toBe(201);
    });
  });
}
