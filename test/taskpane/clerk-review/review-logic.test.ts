import { defaultCatalog } from "../../../src/domain";
import { canonicalContent } from "../../../src/taskpane/hooks/report-content";
import { changedSinceLast, type StoredReceipt } from "../../../src/taskpane/hooks/useSubmission";
import { panePageEndpoint } from "../../../src/taskpane/hooks/useConnection";
import { failureDetails } from "../../../src/taskpane/api/http";
import { describeError } from "../../../src/taskpane/api/describe";
import { ApiError } from "../../../src/taskpane/api/client";
import { toReport } from "../../../src/taskpane/api/client";
import { remindersOf, targetsNamed, figureText } from "../../../src/taskpane/components/clerk-review";
import { translate, pick } from "../../../src/taskpane/i18n/translate";
import type { I18n } from "../../../src/taskpane/i18n";
import type { PeriodInfo, ReportState } from "../../../src/taskpane/api";
import type { EntryInput } from "../../../src/domain/types";

function i18n(locale: "vi" | "en"): I18n {
  return {
    locale,
    t: (k, p) => translate(locale, k, p),
    b: (x) => pick(x, locale),
    num: String,
    date: (x) => x,
    dateTime: (x) => x,
  };
}

const RECEIPT = {
  submissionId: "11111111-1111-4111-8111-111111111111",
  revision: 1,
  receivedAt: "2026-04-01T00:00:00Z",
  status: "submitted" as const,
  replay: false,
};

describe("what the workbook holds against what was sent", () => {
  const typed: EntryInput[] = [{ targetId: "S02", value: "12,5", justification: "Lý do" }, { targetId: "S03" }];
  const reloaded: EntryInput[] = [
    { targetId: "S02", value: 12.5, justification: "Lý do" },
    { targetId: "S03", value: null },
  ];

  it("reads '12,5' typed in the form and 12.5 read back from the cell as the same content", () => {
    expect(canonicalContent(typed, "vi")).toBe(canonicalContent(reloaded, "vi"));
    expect(canonicalContent(typed, "vi")).not.toBe(canonicalContent([{ targetId: "S02", value: 12.6 }], "vi"));
  });

  it("says 'changed' after a reload only when a figure really changed", () => {
    const stored: StoredReceipt = { receipt: RECEIPT, fingerprint: "old", content: canonicalContent(typed, "vi") };
    expect(changedSinceLast(stored, null, reloaded, "vi")).toBe(false);
    const edited = [{ targetId: "S02", value: 13 }, { targetId: "S03" }];
    expect(changedSinceLast(stored, null, edited, "vi")).toBe(true);
  });

  it("compares with the endpoint's latest revision when this workbook never sent it (a new workbook)", () => {
    const server: ReportState = {
      unitCode: "00004",
      period: "2026-Q1",
      latest: RECEIPT,
      status: "submitted",
      comment: null,
      locked: false,
      entries: typed,
      entriesLocale: "vi",
    };
    expect(changedSinceLast(null, server, reloaded, "vi")).toBe(false);
    expect(changedSinceLast(null, server, [{ targetId: "S02", value: 1 }], "vi")).toBe(true);
  });

  it("reads the stored entries and their locale from GET /reports/:unit/:period", () => {
    const state = toReport(
      {
        status: "returned",
        locked: false,
        comment: "S02 sai",
        latest: { ...RECEIPT, unitCode: "00004", period: "2026-Q1", supersedes: null, onTime: true },
        report: { locale: "en", entries: [{ targetId: "S02", value: "12.5", justification: 3 }, { value: 1 }] },
      },
      "00004",
      "2026-Q1",
    );
    expect(state.entries).toEqual([{ targetId: "S02", value: "12.5" }]);
    expect(state.entriesLocale).toBe("en");
  });
});

describe("connection failures told apart", () => {
  it("recognises a pasted pane address and offers the endpoint's", () => {
    expect(panePageEndpoint("https://localhost:3000/taskpane.html")).toBe("https://localhost:3000");
    expect(panePageEndpoint(" https://host.vn/chitieu/taskpane.html?x=1 ")).toBe("https://host.vn/chitieu");
    expect(panePageEndpoint("https://localhost:3000/")).toBeNull();
    expect(panePageEndpoint("not an address")).toBeNull();
    const e = new ApiError("invalid_url", "https://localhost:3000/taskpane.html", {
      details: { panePage: "https://localhost:3000" },
    });
    expect(describeError(e, i18n("en"))).toMatch(/address of the pane's page.*https:\/\/localhost:3000 — filled in/);
    expect(describeError(e, i18n("vi"))).toMatch(/địa chỉ trang ngăn nhập liệu/);
  });

  it("never calls a stopped endpoint a certificate problem", () => {
    // the page came from the endpoint, or the endpoint answered this client before: its certificate is trusted
    expect(failureDetails("unreachable", "https://localhost:3000", "https://localhost:3000")).toEqual({
      stopped: true,
    });
    expect(failureDetails("unreachable", "https://a.vn", "https://b.vn", true)).toEqual({ stopped: true });
    const stopped = new ApiError("unreachable", "https://localhost:3000", { details: { stopped: true } });
    const en = describeError(stopped, i18n("en"));
    expect(en).toMatch(/does not answer: it is probably stopped/);
    expect(en).toMatch(/certificate is not the problem/);
    expect(describeError(stopped, i18n("vi"))).toMatch(/có lẽ máy chủ đã dừng/);
  });

  it("tells a wrong host name from an untrusted certificate", () => {
    const wrong = failureDetails("certificate", "https://chitieu.hanoi.gov", "https://chitieu.hanoi.gov.vn");
    expect(wrong).toEqual({ page: "https://chitieu.hanoi.gov.vn" });
    expect(
      describeError(new ApiError("certificate", "https://chitieu.hanoi.gov", { details: wrong }), i18n("en")),
    ).toMatch(
      /No Chỉ tiêu endpoint answers at https:\/\/chitieu.hanoi.gov\. This pane was opened from the endpoint https:\/\/chitieu.hanoi.gov.vn/,
    );
    // a self-signed development endpoint (loopback, a bare IP address) keeps the certificate message
    for (const url of ["https://127.0.0.1:3443", "https://10.0.0.5"]) {
      const d = failureDetails("certificate", url, "https://chitieu.hanoi.gov.vn");
      expect(d).toEqual({});
      expect(describeError(new ApiError("certificate", url, { details: d }), i18n("en"))).toMatch(
        /trust its certificate/,
      );
    }
  });
});

describe("the banner's figures and the reminders", () => {
  const targets = defaultCatalog().targets;

  it("names the targets a comment mentions by id, whatever the case, and not inside other words", () => {
    expect(targetsNamed("Xem lại S02 và s05; S021 không phải", targets).map((t) => t.id)).toEqual(["S02", "S05"]);
    expect(figureText({ targetId: "S02", numerator: 3, denominator: null })).toBe("3 / —");
    expect(figureText({ targetId: "S02", value: "" })).toBeNull();
  });

  it("lists overdue reports first, then those due within a week; never sent or accepted ones", () => {
    const periods: PeriodInfo[] = [
      { id: "2026-01", phase: "late", deadline: "2026-02-05", label: null, demo: false },
      { id: "2026-02", phase: "late", deadline: "2026-03-05", label: null, demo: false },
      { id: "2026-03", phase: "due", deadline: "2026-04-05", label: null, demo: false },
      { id: "2026-Q1", phase: "due", deadline: "2026-04-10", label: null, demo: false },
      { id: "2026-04", phase: "upcoming", deadline: "2026-05-05", label: null, demo: false },
    ];
    const now = new Date("2026-04-04T03:00:00Z"); // 4 April, Hanoi
    const marks = {
      "2026-01": "missing",
      "2026-02": "returned",
      "2026-03": "missing",
      "2026-Q1": "accepted",
      "2026-04": "missing",
    } as const;
    const r = remindersOf(periods, marks, now);
    expect(r.map((x) => [x.period.id, x.kind, x.days])).toEqual([
      ["2026-02", "overdue", -30],
      ["2026-01", "overdue", -58],
      ["2026-03", "dueSoon", 1],
    ]);
  });
});
