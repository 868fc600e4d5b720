/**
 * Inputs at the edges: download filenames built from a query (RFC 6266/5987, no header injection, no 500),
 * periods read once into their canonical form and bounded to the plan's years, and bodies declared in a charset
 * other than UTF-8.
 */
import { auth, body, count, dialects, expectProblem, get, post, setup, submit, UNIT, type Fixture } from "./helpers";

describe.each(dialects())("inputs at the edges (%s)", (dialect) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await setup(dialect);
  });
  afterAll(async () => f?.close());

  describe("export filenames", () => {
    const csv = (group: string) =>
      get(f.app, f.tokens.planner, `/consolidation?period=2026-Q1&format=csv&group=${encodeURIComponent(group)}`);

    it("names a Vietnamese group in UTF-8 (filename*) with an ASCII fallback, never mojibake or 500", async () => {
      for (const [group, encoded, fallback] of [
        ["Phường", "Ph%C6%B0%E1%BB%9Dng", "Phuong"],
        ["Xã", "X%C3%A3", "Xa"],
      ] as const) {
        const res = await csv(group);
        expect(res.statusCode).toBe(200);
        const header = String(res.headers["content-disposition"]);
        expect(header).toContain(`filename*=UTF-8''chitieu-2026-Q1-${encoded}.csv`);
        expect(header).toContain(`filename="chitieu-2026-Q1-${fallback}.csv"`);
      }
    });

    it("keeps CR/LF and quotes out of the header: no injected parameter, no 500", async () => {
      for (const group of ['a";x=1', "a\r\nSet-Cookie: x=1", 'x"; filename="evil.exe']) {
        const res = await csv(group);
        expect(res.statusCode).toBe(200);
        const header = String(res.headers["content-disposition"]);
        expect(header).not.toMatch(/[\r\n]/);
        expect(res.headers["set-cookie"]).toBeUndefined();
        // only the parameters content-disposition writes (filename* when the name is not ASCII), nothing injected
        const params = header.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((p) => p.trim().split("=")[0]);
        expect(params.slice(0, 2)).toEqual(["attachment", "filename"]);
        expect(params.slice(2).every((p) => p === "filename*")).toBe(true);
        expect(params.length).toBeLessThanOrEqual(3);
      }
    });

    it("names the DHIS2 file the same way", async () => {
      const res = await get(
        f.app,
        f.tokens.planner,
        `/consolidation?period=2026-Q1&format=dhis2&group=Ph%C6%B0%E1%BB%9Dng`,
      );
      expect(res.statusCode).toBe(200);
      expect(String(res.headers["content-disposition"])).toContain("-dhis2.json");
    });
  });

  describe("periods", () => {
    it("reads a lower-case period once into its canonical form, for every later revision too", async () => {
      const first = await submit(f.app, f.tokens.unit, body(f.app, { period: "2026-h1" }));
      expect(first.statusCode).toBe(201);
      expect(first.json().period).toBe("2026-H1");
      const second = await submit(
        f.app,
        f.tokens.unit,
        body(f.app, { period: "2026-h1", supersedes: first.json().submissionId }),
      );
      expect(second.statusCode).toBe(201);
      expect(second.json().revision).toBe(2);
      const accept = await post(f.app, f.tokens.planner, `/reports/${UNIT}/2026-h1/accept`, {});
      expect(accept.statusCode).toBe(200);
      const locked = await submit(
        f.app,
        f.tokens.unit,
        body(f.app, { period: " 2026-h1 ", supersedes: second.json().submissionId }),
      );
      expectProblem(locked, 409, "CT_REPORT_LOCKED");
    });

    it.each(["2000-01", "2099-12", "2031", "2025-Q4"])("refuses %s, outside the plan, saying the range", async (p) => {
      const before = await count(f.app, "submission");
      const problem = expectProblem(
        await submit(f.app, f.tokens.unit, body(f.app, { period: p })),
        422,
        "CT_PERIOD_OUT_OF_PLAN",
      );
      expect(problem.details).toMatchObject({ from: 2026, to: 2030 });
      expect(problem.message.vi).toContain("2026–2030");
      expect(problem.message.en).toContain("2026–2030");
      expect(await count(f.app, "submission")).toBe(before);
      // a dry run is refused the same way; reading such a period is harmless and answers as for any other
      expectProblem(
        await submit(f.app, f.tokens.planner, { ...body(f.app, { period: p }), dryRun: true }),
        422,
        "CT_PERIOD_OUT_OF_PLAN",
      );
      expectProblem(await get(f.app, f.tokens.unit, `/reports/${UNIT}/${p}`), 404, "CT_REPORT_NOT_FOUND");
      expect((await get(f.app, f.tokens.planner, `/consolidation?period=${p}`)).statusCode).toBe(200);
    });
  });

  describe("charsets", () => {
    it.each(["iso-8859-1", "windows-1258", "utf-16", '"latin1"'])(
      "refuses a body declared as %s with 415",
      async (cs) => {
        const before = await count(f.app, "submission");
        const res = await f.app.inject({
          method: "POST",
          url: "/api/v1/submissions",
          headers: { ...auth(f.tokens.unit), "content-type": `application/json; charset=${cs}` },
          payload: JSON.stringify(body(f.app, { period: "2026-Q3" })),
        });
        const problem = expectProblem(res, 415, "CT_UNSUPPORTED_MEDIA_TYPE");
        expect(problem.message.en).toContain("UTF-8");
        expect(await count(f.app, "submission")).toBe(before);
      },
    );

    it("accepts UTF-8, however it is written", async () => {
      for (const cs of ["utf-8", "UTF8"]) {
        const res = await f.app.inject({
          method: "POST",
          url: "/api/v1/submissions",
          headers: { ...auth(f.tokens.unit), "content-type": `application/json; charset=${cs}` },
          payload: JSON.stringify(body(f.app, { period: "2026-Q4", dryRun: true } as never)),
        });
        expect(res.statusCode).toBe(200);
      }
    });
  });
});

describe("plan years are configurable", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await setup("sqlite", { planYears: { from: 2026, to: 2026 } });
  });
  afterAll(async () => f?.close());

  it("refuses 2027-Q1 when the plan is 2026 only, naming that range", async () => {
    const problem = expectProblem(
      await submit(f.app, f.tokens.unit, body(f.app, { period: "2027-Q1" })),
      422,
      "CT_PERIOD_OUT_OF_PLAN",
    );
    expect(problem.message.en).toContain("2026–2026");
  });
});
