import "../matchers";
import { configure, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { buildTrend, defaultCatalog, defaultUnitRegistry, type ParsedEntry } from "../../../src/domain";
import { TrendPanel } from "../../../src/taskpane/components/trend/TrendPanel";
import { I18nProvider } from "../../../src/taskpane/i18n";
import { writeConsolidated } from "../../../src/workbook/office/write-consolidated";
import { chartsOf, installConsolidatedExcel } from "../../workbook/consolidated-fake";

jest.setTimeout(60_000);
configure({ asyncUtilTimeout: 15_000 });

const catalog = defaultCatalog();
const units = defaultUnitRegistry();
const CONN = { endpoint: "https://chitieu.test", token: "planner-token" };

function entry(targetId: string, value: number): ParsedEntry {
  return {
    targetId,
    value,
    numerator: null,
    denominator: null,
    milestone: null,
    justification: null,
    evidence: null,
    responsible: null,
  };
}

/** The endpoint's answer, built by the domain from three months of two wards' U13 figures. */
function answer(): unknown {
  const reports = new Map(
    (
      [
        ["2026-01", 2, 6],
        ["2026-02", 3, 4],
        ["2026-03", 5, 1],
      ] as const
    ).map(([m, a, b]) => [
      m,
      [
        { unitCode: "00004", entries: [entry("U13", a)] },
        { unitCode: "00008", entries: [entry("U13", b)] },
      ],
    ]),
  );
  const data = buildTrend({ catalog, registry: units, reports, from: "2026-01", to: "2026-03" });
  return { ...data, unit: null, basis: "latest", catalogVersion: catalog.version };
}

/** What fetch answers, as the pane's requester reads it (status and text), in jsdom where Response is absent. */
function jsonResponse(status: number, body: unknown): Response {
  return { ok: status >= 200 && status < 300, status, text: async () => JSON.stringify(body) } as unknown as Response;
}

function renderPanel(fetchFn: typeof fetch) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider locale="en">
        <TrendPanel
          connection={CONN}
          catalog={catalog}
          units={units}
          group=""
          writeConsolidated={(spec, opts) => writeConsolidated(spec, opts)}
          fetch={fetchFn}
          year={2026}
        />
      </I18nProvider>
    </FluentProvider>,
  );
}

describe("the planner's trend button", () => {
  it("asks the endpoint for the range and writes the four trend sheets with their line charts", async () => {
    const excel = installConsolidatedExcel(["Sheet1"]);
    const asked: string[] = [];
    const fetchFn = (async (url: string) => {
      asked.push(String(url));
      return jsonResponse(200, answer());
    }) as unknown as typeof fetch;
    renderPanel(fetchFn);
    const user = userEvent.setup();
    const to = screen.getByRole("textbox", { name: "To" });
    await user.clear(to);
    await user.type(to, "2026-03");
    await user.click(screen.getByRole("button", { name: "Write the trend workbook into this workbook" }));
    expect(await screen.findByText(/Wrote 4 sheets and \d+ charts \(2026-01–2026-03\)/)).toBeInTheDocument();
    expect(asked[0]).toBe("https://chitieu.test/api/v1/consolidation/range?from=2026-01&to=2026-03");
    expect(excel.model.sheets.map((s) => s.name)).toEqual([
      "Sheet1",
      "XuHuong",
      "DiemNghen",
      "DonViXuHuong",
      "BieuDoXuHuong",
    ]);
    const charts = chartsOf.get(excel.model.sheet("BieuDoXuHuong") as never) ?? [];
    expect(charts.length).toBeGreaterThan(0);
    expect(charts.every((c) => c.type === "LineMarkers")).toBe(true);
  });

  it("refuses a range of two kinds before asking anything, in the pane's language", async () => {
    const asked: string[] = [];
    const fetchFn = (async (url: string) => {
      asked.push(String(url));
      return jsonResponse(200, {});
    }) as unknown as typeof fetch;
    renderPanel(fetchFn);
    const user = userEvent.setup();
    const to = screen.getByRole("textbox", { name: "To" });
    await user.clear(to);
    await user.type(to, "2026-Q1");
    await user.click(screen.getByRole("button", { name: "Write the trend workbook into this workbook" }));
    expect(await screen.findByText(/give two periods of one kind/)).toBeInTheDocument();
    expect(asked).toEqual([]);
  });
});
