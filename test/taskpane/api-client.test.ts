import {
  ApiError,
  classifyNetworkFailure,
  createHttpClient,
  normalizeEndpoint,
  toPeriods,
  toReceipt,
  toReport,
} from "../../src/taskpane/api/client";
import { describeError } from "../../src/taskpane/api/describe";
import { makeI18n } from "../../src/taskpane/i18n/I18nProvider";
import { AppError, defaultCatalog } from "../../src/domain";
import type { SubmissionBody } from "../../src/taskpane/api/types";

const conn = { endpoint: "https://chitieu.test/", token: " tok-123 " };

function jsonResponse(status: number, body: unknown, type = "application/json"): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": type } });
}

type FetchMock = jest.Mock<Promise<Response>, [string, RequestInit]>;

function fetchMock(impl: (url: string, init: RequestInit) => Promise<Response>): FetchMock {
  return jest.fn(impl);
}

function client(fetchImpl: FetchMock, extra: Partial<Parameters<typeof createHttpClient>[0]> = {}) {
  return createHttpClient({
    fetch: fetchImpl as unknown as typeof fetch,
    pageOrigin: "https://pane.test",
    isOnline: () => true,
    ...extra,
  });
}

const body: SubmissionBody = {
  submissionId: "7d0b4c1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e",
  supersedes: null,
  unitCode: "00004",
  period: "2026-Q1",
  catalogVersion: "v1",
  locale: "vi",
  entries: [{ targetId: "S02", value: 12 }],
  dryRun: false,
};

describe("normalizeEndpoint", () => {
  it.each([
    ["https://chitieu.test/", "https://chitieu.test"],
    ["  https://chitieu.test/api/v1/ ", "https://chitieu.test"],
    ["https://chitieu.test:8443/sub/", "https://chitieu.test:8443/sub"],
    ["http://localhost:3000", "http://localhost:3000"],
  ])("turns %j into %j", (raw, expected) => {
    expect(normalizeEndpoint(raw, "https://pane.test")).toBe(expected);
  });

  it.each([["chitieu.test"], ["ftp://chitieu.test"], [""]])("rejects %j as an invalid address", (raw) => {
    expect(() => normalizeEndpoint(raw)).toThrow(expect.objectContaining({ kind: "invalid_url" }));
  });

  it("refuses a plain-HTTP endpoint from an HTTPS pane, which the browser would block", () => {
    expect(() => normalizeEndpoint("http://chitieu.test", "https://pane.test")).toThrow(
      expect.objectContaining({ kind: "insecure" }),
    );
  });
});

describe("classifyNetworkFailure", () => {
  it.each([
    ["https://chitieu.test", "https://chitieu.test", true, "unreachable"],
    ["https://chitieu.test", "https://pane.test", true, "certificate"],
    ["https://chitieu.test", "https://pane.test", false, "unreachable"],
    ["http://localhost:3000", "https://pane.test", true, "unreachable"],
  ])("a failed fetch of %s from page %s (online %s) is %s", (endpoint, page, online, kind) => {
    expect(classifyNetworkFailure(endpoint, page, online)).toBe(kind);
  });
});

describe("createHttpClient", () => {
  it("sends the token as a bearer header to /api/v1 under the endpoint", async () => {
    const fetchImpl = fetchMock(async () =>
      jsonResponse(200, {
        tokenId: "t1",
        role: "unit",
        label: "x",
        unit: { code: "00004", kind: "ward", name: { vi: "Ba Đình", en: "Ba Dinh" } },
        demo: false,
      }),
    );
    const me = await client(fetchImpl).me(conn);
    expect(fetchImpl).toHaveBeenCalledWith(
      "https://chitieu.test/api/v1/me",
      expect.objectContaining({ method: "GET" }),
    );
    const init = fetchImpl.mock.calls[0][1] as RequestInit;
    expect((init.headers as Record<string, string>).Authorization).toBe("Bearer tok-123");
    expect(me).toEqual(
      expect.objectContaining({ role: "unit", demo: false, unit: expect.objectContaining({ code: "00004" }) }),
    );
  });

  it.each([
    [401, "unauthorized", { code: "CT_TOKEN_INVALID", message: { vi: "sai", en: "wrong" } }],
    [403, "forbidden", { code: "CT_UNIT_FORBIDDEN", message: { vi: "cấm", en: "forbidden" } }],
    [409, "problem", { code: "CT_OUT_OF_DATE", message: { vi: "cũ", en: "old" } }],
    [422, "problem", { code: "CT_REPORT_INVALID", message: { vi: "lỗi", en: "invalid" }, issues: [] }],
    [404, "bad_response", "<html>not found</html>"],
  ])("maps HTTP %i to an error of kind %s", async (status, kind, payload) => {
    const fetchImpl = fetchMock(async () =>
      typeof payload === "string"
        ? new Response(payload, { status, headers: { "content-type": "text/html" } })
        : jsonResponse(status, payload, "application/problem+json"),
    );
    const err = await client(fetchImpl)
      .submit(conn, body)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).kind).toBe(kind);
    expect((err as ApiError).status).toBe(status);
  });

  it("keeps the code, the bilingual message and the issues of a problem answer", async () => {
    const issue = {
      code: "negative",
      ruleId: "bounds",
      targetId: "S02",
      unitCode: "00004",
      period: "2026-Q1",
      path: ["entries", "S02", "value"],
      severity: "error",
      params: {},
      message: { vi: "âm", en: "negative" },
    };
    const fetchImpl = fetchMock(async () =>
      jsonResponse(422, {
        code: "CT_REPORT_INVALID",
        message: { vi: "Báo cáo có lỗi", en: "The report has errors" },
        issues: [issue],
      }),
    );
    const err = (await client(fetchImpl)
      .submit(conn, body)
      .catch((e: unknown) => e)) as ApiError;
    expect(err.code).toBe("CT_REPORT_INVALID");
    expect(err.problem).toEqual({ vi: "Báo cáo có lỗi", en: "The report has errors" });
    expect(err.issues).toHaveLength(1);
    expect(err.retryable).toBe(false);
  });

  it("turns a refused dry run (422 with issues) into a verdict instead of a failure", async () => {
    const issue = {
      code: "negative",
      ruleId: "bounds",
      targetId: "S02",
      unitCode: "00004",
      period: "2026-Q1",
      path: ["entries", "S02", "value"],
      severity: "error",
      params: {},
      message: { vi: "âm", en: "negative" },
    };
    const fetchImpl = fetchMock(async () =>
      jsonResponse(422, { code: "CT_REPORT_INVALID", message: { vi: "x", en: "x" }, issues: [issue] }),
    );
    await expect(client(fetchImpl).dryRun(conn, body)).resolves.toEqual({ ok: false, issues: [issue] });
    const sent = JSON.parse((fetchImpl.mock.calls[0][1] as RequestInit).body as string);
    expect(sent.dryRun).toBe(true);
  });

  it.each([
    ["the pane's own origin", "unreachable", "https://chitieu.test"],
    ["another origin", "certificate", "https://pane.test"],
  ])("reports a network failure of an endpoint on %s as %s, retryable", async (_what, kind, page) => {
    const fetchImpl = fetchMock(async () => {
      throw new TypeError("Failed to fetch");
    });
    const err = (await client(fetchImpl, { pageOrigin: page })
      .periods(conn)
      .catch((e: unknown) => e)) as ApiError;
    expect(err.kind).toBe(kind);
    expect(err.retryable).toBe(true);
  });

  it("gives up after the time limit with a timeout error", async () => {
    const fetchImpl = fetchMock(
      (_url: string, init: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          init.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
        }),
    );
    const err = (await client(fetchImpl, { timeoutMs: 20 })
      .periods(conn)
      .catch((e: unknown) => e)) as ApiError;
    expect(err.kind).toBe("timeout");
    expect(err.retryable).toBe(true);
  });

  it("reads the catalog and refuses an answer that is not one", async () => {
    const catalog = defaultCatalog();
    await expect(client(fetchMock(async () => jsonResponse(200, catalog))).catalog(conn)).resolves.toEqual(catalog);
    await expect(client(fetchMock(async () => jsonResponse(200, { hello: 1 }))).catalog(conn)).rejects.toMatchObject({
      kind: "bad_response",
    });
  });

  it("answers null for a report not submitted yet (404 CT_REPORT_NOT_FOUND)", async () => {
    const fetchImpl = fetchMock(async () =>
      jsonResponse(404, { code: "CT_REPORT_NOT_FOUND", message: { vi: "chưa có", en: "none" } }),
    );
    await expect(client(fetchImpl).report(conn, "00004", "2026-Q1")).resolves.toBeNull();
    expect(fetchImpl.mock.calls[0][0]).toBe("https://chitieu.test/api/v1/reports/00004/2026-Q1");
  });
});

describe("response readers", () => {
  it("reads the endpoint's periods with their phase, deadline and label", () => {
    const periods = toPeriods({
      asOf: "2026-04-01T00:00:00Z",
      periods: [
        {
          id: "2026-Q1",
          kind: "quarter",
          phase: "due",
          label: { vi: "Quý 1/2026", en: "Q1 2026" },
          dataStart: "2026-01-01",
          dataEnd: "2026-03-31",
          deadline: "2026-04-20",
          demo: true,
        },
      ],
    });
    expect(periods).toEqual([
      { id: "2026-Q1", phase: "due", deadline: "2026-04-20", label: { vi: "Quý 1/2026", en: "Q1 2026" }, demo: true },
    ]);
  });

  it("reads a receipt and recognises a replayed one", () => {
    expect(
      toReceipt({
        submissionId: "a",
        revision: 2,
        receivedAt: "2026-04-01T01:02:03Z",
        status: "submitted",
        replay: true,
      }),
    ).toEqual({
      submissionId: "a",
      revision: 2,
      receivedAt: "2026-04-01T01:02:03Z",
      status: "submitted",
      replay: true,
    });
  });

  it("reads a returned report with the planner's comment", () => {
    const state = toReport(
      {
        unitCode: "00004",
        period: "2026-Q1",
        status: "returned",
        locked: false,
        comment: "Thiếu minh chứng",
        latest: { submissionId: "a", revision: 1, receivedAt: "x", status: "returned", replay: false },
      },
      "00004",
      "2026-Q1",
    );
    expect(state).toMatchObject({
      status: "returned",
      comment: "Thiếu minh chứng",
      locked: false,
      latest: { submissionId: "a" },
    });
  });
});

describe("describeError", () => {
  const vi = makeI18n("vi");
  const en = makeI18n("en");
  it.each([
    ["unauthorized", /Mã truy cập không đúng/, /access token is wrong/],
    ["unreachable", /Không kết nối được tới https:\/\/x\.test/, /Cannot reach https:\/\/x\.test/],
    ["certificate", /chứng chỉ/, /certificate/],
    ["insecure", /HTTPS/, /HTTPS/],
    ["invalid_url", /không phải địa chỉ hợp lệ/, /not a valid address/],
  ] as const)("explains a %s failure in Vietnamese and English", (kind, viText, enText) => {
    const e = new ApiError(kind, "https://x.test");
    expect(describeError(e, vi)).toMatch(viText);
    expect(describeError(e, en)).toMatch(enText);
  });

  it("shows a workbook or domain failure's own message in the chosen language", () => {
    const e = new AppError("CT_EXCEL_FAILED", 500, {
      vi: "Không ghi được ô Nhap!G7.",
      en: "Could not write cell Nhap!G7.",
    });
    expect(describeError(e, vi)).toBe("Không ghi được ô Nhap!G7.");
    expect(describeError(e, en)).toBe("Could not write cell Nhap!G7.");
  });

  it("shows the endpoint's own message for a problem answer", () => {
    const e = new ApiError("problem", "https://x.test", {
      status: 409,
      code: "CT_OUT_OF_DATE",
      problem: { vi: "Đã có bản mới hơn", en: "Out of date" },
    });
    expect(describeError(e, vi)).toBe("Đã có bản mới hơn");
    expect(describeError(e, en)).toBe("Out of date");
  });

  it("adds the message of each field a request was refused for, which names it", () => {
    const e = new ApiError("problem", "https://x.test", {
      status: 400,
      code: "CT_REQUEST_INVALID",
      problem: { vi: "Yêu cầu sai định dạng.", en: "Wrong shape." },
      issues: [
        {
          path: ["body", "contact", "phone"],
          code: "too_big",
          message: {
            vi: "Số điện thoại liên hệ (trang DonVi) dài quá",
            en: "The contact phone (sheet DonVi) is longer",
          },
        },
      ] as never,
    });
    expect(describeError(e, vi)).toBe("Yêu cầu sai định dạng. Số điện thoại liên hệ (trang DonVi) dài quá");
    expect(describeError(e, en)).toBe("Wrong shape. The contact phone (sheet DonVi) is longer");
  });
});

describe("unitTrend (issue 21: the unit's last periods beside each figure)", () => {
  const trend = {
    from: "2026-01",
    to: "2026-03",
    periods: ["2026-01", "2026-02", "2026-03"],
    scope: "unit",
    unit: "00004",
    group: null,
    basis: "latest",
    catalogVersion: "v1",
    targets: [],
    units: [],
  };

  it("asks for every target of the unit in one request, without the per-unit tracks", async () => {
    const fetchImpl = fetchMock(async () => jsonResponse(200, trend));
    const answer = await client(fetchImpl).unitTrend!(conn, "00004", "2026-01", "2026-03");
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    expect(fetchImpl.mock.calls[0][0]).toBe(
      "https://chitieu.test/api/v1/consolidation/range?from=2026-01&to=2026-03&unit=00004&units=false",
    );
    expect(answer.periods).toEqual(trend.periods);
  });

  it("calls an answer that is not a trend a bad response", async () => {
    const fetchImpl = fetchMock(async () => jsonResponse(200, { points: [] }));
    await expect(client(fetchImpl).unitTrend!(conn, "00004", "2026-01", "2026-03")).rejects.toMatchObject({
      kind: "bad_response",
    });
  });
});
