/**
 * The unit's own last periods beside each figure (issue #21, item 4). The endpoint's answer is the domain's own
 * buildTrend() over the unit's stored reports, as GET /consolidation/range?unit=…&units=false computes it; the pane
 * asks once per opened period, after the form is on screen, and shows N/A, missing and not due as words, never 0.
 */
import "./matchers";
import { screen, waitFor, within } from "@testing-library/react";
import {
  buildTrend,
  defaultCatalog,
  defaultUnitRegistry,
  emptyParsedEntry,
  type ParsedEntry,
  type UnitReport,
} from "../../src/domain";
import type { Connection, PeriodInfo, UnitTrend } from "../../src/taskpane/api/types";
import { clearUnitHistory } from "../../src/taskpane/hooks/useUnitHistory";
import { FakeApi, WARD } from "./fakes";
import { setupOpenReport } from "./setup";

const APRIL: PeriodInfo[] = [{ id: "2026-04", phase: "open", deadline: "2026-05-10", label: null, demo: false }];

function entry(targetId: string, value: number | null, notApplicable = false): ParsedEntry {
  const e = { ...emptyParsedEntry(targetId), value };
  return notApplicable ? { ...e, notApplicable: true, justification: "không có" } : e;
}

/** The endpoint's unit trend over the ward's stored reports (U15 food poisoning: a flow; U14 flooding points). */
class HistoryApi extends FakeApi {
  reports = new Map<string, UnitReport[]>([
    ["2026-01", [{ unitCode: WARD.code, entries: [entry("U15", 3), entry("U14", 12)] }]],
    ["2026-02", [{ unitCode: WARD.code, entries: [entry("U15", null, true), entry("U14", 9)] }]],
    // March: no report at all
  ]);
  unitTrend = jest.fn(async (conn: Connection, unitCode: string, from: string, to: string): Promise<UnitTrend> => {
    if (this.offline) throw new Error("unreachable");
    expect(conn.token).toBe(this.token);
    const catalog = defaultCatalog();
    const data = buildTrend({
      catalog,
      registry: defaultUnitRegistry(),
      reports: this.reports,
      from,
      to,
      unitCode,
      asOf: new Date("2026-04-15T00:00:00Z"),
      units: false,
    });
    return { ...data, unit: unitCode, basis: "latest", catalogVersion: catalog.version } as UnitTrend;
  });
  constructor() {
    super();
    this.periodsValue = APRIL;
  }
}

function recentOf(id: string): HTMLElement {
  const heading = screen.getByRole("heading", { level: 4, name: new RegExp(`^${id} · `) });
  const section = heading.closest("section") as HTMLElement;
  return within(section).getByRole("img", { name: new RegExp(`^${id}, `) });
}

describe("the unit's last periods beside each figure", () => {
  beforeEach(() => clearUnitHistory());

  it("asks once, after the form shows, for the three months before the open one", async () => {
    const api = new HistoryApi();
    await setupOpenReport({ api });
    await waitFor(() => expect(api.unitTrend).toHaveBeenCalledTimes(1));
    expect(api.unitTrend).toHaveBeenCalledWith(expect.anything(), WARD.code, "2026-01", "2026-03");
    await screen.findAllByRole("img", { name: /3 kỳ trước của đơn vị/ });
    // the form keeps working (typing re-renders rows) without asking again
    expect(api.unitTrend).toHaveBeenCalledTimes(1);
  });

  it("shows the figure, N/A and missing as they are — never a 0 — and says them to a screen reader", async () => {
    const api = new HistoryApi();
    await setupOpenReport({ api });
    const u15 = await waitFor(() => recentOf("U15"));
    const items = [...u15.querySelectorAll("[data-state]")].map((e) => [e.getAttribute("data-state"), e.textContent]);
    expect(items).toEqual([
      ["value", "T013"],
      ["not_applicable", "T02N/A"],
      ["missing", "T03thiếu"],
    ]);
    expect(u15).toHaveAttribute(
      "aria-label",
      "U15, 3 kỳ trước của đơn vị: Tháng 01/2026: 3; Tháng 02/2026: không áp dụng; Tháng 03/2026: chưa báo cáo.",
    );
    expect(u15.textContent).not.toMatch(/\b0\b/);
    // one figure only: no line, no arrow
    expect(u15.querySelector("svg")).toBeNull();
  });

  it("draws the change between two figures with its direction, in English too", async () => {
    const api = new HistoryApi();
    await setupOpenReport({ api, locale: "en" });
    const u14 = await waitFor(() => recentOf("U14"));
    expect(u14.querySelectorAll("svg circle")).toHaveLength(2);
    expect(u14.querySelectorAll("svg line")).toHaveLength(1);
    expect(u14.textContent).toContain("↓");
    expect(u14.getAttribute("aria-label")).toMatch(
      /^U14, the unit's last 3 periods: January 2026: 12; February 2026: 9; March 2026: not reported\. Down on the period before\./,
    );
    expect(within(u14).getByText("Jan")).toBeInTheDocument();
  });

  it("offline, the form shows no history and nothing else changes", async () => {
    const api = new HistoryApi();
    api.unitTrend.mockRejectedValue(new Error("unreachable"));
    await setupOpenReport({ api });
    await waitFor(() => expect(api.unitTrend).toHaveBeenCalledTimes(1));
    expect(screen.getAllByRole("heading", { level: 4 }).length).toBeGreaterThan(0);
    expect(screen.queryAllByRole("img", { name: /kỳ trước của đơn vị/ })).toHaveLength(0);
    expect(document.querySelector("[data-recent]")).toBeNull();
  });

  it("asks nothing for the first period of the term: no unit reported before it", async () => {
    const api = new HistoryApi();
    api.periodsValue = [{ id: "2026-01", phase: "open", deadline: "2026-02-10", label: null, demo: false }];
    await setupOpenReport({ api });
    await screen.findAllByRole("heading", { level: 4 });
    await new Promise((r) => setTimeout(r, 150));
    expect(api.unitTrend).not.toHaveBeenCalled();
    expect(document.querySelector("[data-recent]")).toBeNull();
  });
});
