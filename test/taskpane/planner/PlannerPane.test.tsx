import "../matchers";
import { configure, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import {
  aggregate,
  buildTaskBoard,
  defaultCatalog,
  defaultTaskRegister,
  defaultUnitRegistry,
  parsePeriod,
  type ParsedEntry,
} from "../../../src/domain";
import { PlannerPane, type PlannerPaneProps } from "../../../src/taskpane/components/planner";
import { I18nProvider } from "../../../src/taskpane/i18n";
import type { ConsolidatedSpec } from "../../../src/workbook/consolidated";
import type { WriteConsolidatedResult } from "../../../src/workbook/office/write-consolidated";
import { readWorkbook } from "../../../src/workbook/xlsx/node-inflate";
import { buildTemplateSpec } from "../../../src/workbook/template";
import { writeTemplateXlsx } from "../../../src/workbook/xlsx/write-template";
import { fullEntries } from "../../scorecard/helpers";

// reading real workbooks on a shared 2-core machine can take longer than the defaults
jest.setTimeout(60_000);
configure({ asyncUtilTimeout: 15_000 });

const catalog = defaultCatalog();
const units = defaultUnitRegistry();
const period = parsePeriod("2026-Q1") as NonNullable<ReturnType<typeof parsePeriod>>;
const CONN = { endpoint: "https://chitieu.test", token: "planner-token" };

function entry(targetId: string, e: Partial<ParsedEntry>): ParsedEntry {
  return {
    targetId,
    value: null,
    numerator: null,
    denominator: null,
    milestone: null,
    justification: null,
    evidence: null,
    responsible: null,
    ...e,
  };
}

function endpointJson() {
  const wards = units
    .all()
    .filter((u) => u.groups.includes("wards"))
    .map((u) => u.code);
  const reports = [
    { unitCode: "00004", entries: [entry("S01", { numerator: 50, denominator: 100 }), entry("S02", { value: 3 })] },
    { unitCode: "00008", entries: [entry("S01", { numerator: 900, denominator: 1000 }), entry("S02", { value: 4 })] },
  ];
  const figures = aggregate(catalog, period, reports, units, { unitCodes: wards });
  return {
    consolidation: {
      period: "2026-Q1",
      group: "wards",
      basis: "latest",
      catalogVersion: catalog.version,
      unitsExpected: wards,
      unitsIncluded: ["00004", "00008"],
      unitsMissing: wards.slice(2),
      matrix: reports.map((r, i) => ({
        unitCode: r.unitCode,
        unitName: { vi: r.unitCode, en: r.unitCode },
        submissionId: `s${i}`,
        revision: 1,
        status: "submitted",
        entries: r.entries,
      })),
      figures,
    },
    completeness: {
      period: "2026-Q1",
      counts: {
        expected: wards.length,
        submitted: 2,
        onTime: 2,
        late: 0,
        missing: wards.length - 2,
        returned: 0,
        accepted: 0,
      },
      units: wards.map((code) => ({
        unitCode: code,
        unitName: units.byCode(code)?.name,
        kind: "ward",
        state: code === "00004" || code === "00008" ? "submitted" : "missing",
        onTime: code === "00004" || code === "00008" ? true : null,
        firstReceivedAt: null,
        comment: null,
      })),
    },
  };
}

function jsonResponse(status: number, body: unknown): Response {
  return { ok: status >= 200 && status < 300, status, text: async () => JSON.stringify(body) } as unknown as Response;
}

const WRITTEN: WriteConsolidatedResult = {
  syncs: 2,
  chunks: 1,
  chunkBytes: [1000],
  replaced: [],
  sheets: ["TongHop", "MaTran", "TienDo", "ThePhanLoai", "BieuDo", "ThuyetMinh"],
  charts: 5,
};

function renderPane(over: Partial<PlannerPaneProps> = {}) {
  const data = endpointJson();
  const fetchMock = jest.fn(async (url: string, init?: RequestInit) => {
    void init;
    return jsonResponse(200, url.includes("/consolidation") ? data.consolidation : data.completeness);
  });
  const writeConsolidated = jest.fn(
    async (_spec: ConsolidatedSpec, opts: { onProgress: (p: { done: number; total: number }) => void }) => {
      opts.onProgress({ done: 1, total: 1 });
      return WRITTEN;
    },
  );
  const props: PlannerPaneProps = {
    connection: CONN,
    catalog,
    units,
    defaultPeriod: "2026-Q1",
    fetch: fetchMock as unknown as typeof fetch,
    writeConsolidated,
    readWorkbook: async (bytes) => readWorkbook(bytes, { catalog, units }),
    now: () => new Date("2026-04-20T08:00:00Z"),
    ...over,
  };
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider locale="vi">
        <PlannerPane {...props} />
      </I18nProvider>
    </FluentProvider>,
  );
  return { user, fetchMock, writeConsolidated: (over.writeConsolidated ?? writeConsolidated) as jest.Mock, props };
}

async function workbookFile(
  name: string,
  unitCode: string,
  s01: [number, number],
  lastModified: number,
): Promise<File> {
  const spec = buildTemplateSpec({
    catalog,
    unit: units.byCode(unitCode) as never,
    period,
    values: fullEntries(unitCode, s01[1], { S01: { numerator: s01[0], denominator: s01[1] } }),
  });
  const bytes = await writeTemplateXlsx(spec);
  return new File([bytes as BlobPart], name, {
    lastModified,
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
}

describe("PlannerPane", () => {
  it("adds the NhiemVu sheet when the endpoint gives the period's task board (issue #19)", async () => {
    const data = endpointJson();
    const board = buildTaskBoard({ register: defaultTaskRegister(), period, units, catalog, reports: [] });
    const fetchMock = jest.fn(async (url: string) =>
      jsonResponse(
        200,
        url.includes("/tasks/board") ? board : url.includes("/consolidation") ? data.consolidation : data.completeness,
      ),
    );
    const { user, writeConsolidated } = renderPane({ fetch: fetchMock as unknown as typeof fetch });
    await user.click(screen.getByRole("button", { name: "Tổng hợp từ máy chủ và ghi vào sổ" }));
    await waitFor(() => expect(writeConsolidated).toHaveBeenCalledTimes(1));
    const spec = writeConsolidated.mock.calls[0][0] as ConsolidatedSpec;
    expect(spec.sheets.map((s) => s.name)).toContain("NhiemVu");
  });

  it("fetches the consolidation and the completeness in one action and writes them into the workbook", async () => {
    const { user, fetchMock, writeConsolidated } = renderPane();
    await user.selectOptions(screen.getByLabelText("Nhóm đơn vị"), "wards");
    await user.click(screen.getByRole("button", { name: "Tổng hợp từ máy chủ và ghi vào sổ" }));
    expect(
      await screen.findByText(/Đã ghi 6 trang tổng hợp \(2 lần đồng bộ\)\. 2\/\d+ đơn vị đã báo cáo/),
    ).toBeInTheDocument();
    const urls = fetchMock.mock.calls.map((c) => c[0] as string).sort();
    expect(urls).toEqual([
      "https://chitieu.test/api/v1/completeness?period=2026-Q1&group=wards",
      "https://chitieu.test/api/v1/consolidation?period=2026-Q1&group=wards&basis=latest",
      // the task board (issue #19); this double answers it with something else, so the workbook keeps five sheets
      "https://chitieu.test/api/v1/tasks/board?period=2026-Q1&basis=latest",
    ]);
    expect((fetchMock.mock.calls[0][1]?.headers as Record<string, string>).Authorization).toBe("Bearer planner-token");
    expect(writeConsolidated).toHaveBeenCalledTimes(1);
    const spec = writeConsolidated.mock.calls[0][0] as ConsolidatedSpec;
    expect(spec.sheets.map((s) => s.name)).toEqual([
      "TongHop",
      "MaTran",
      "TienDo",
      "ThePhanLoai",
      "BieuDo",
      "ThuyetMinh",
    ]);
    expect(spec.period).toBe("2026-Q1");
  });

  it("charts the spread across units of the target the planner picks", async () => {
    const { user, writeConsolidated } = renderPane();
    const picker = screen.getByLabelText("Chỉ tiêu vẽ phân bố theo đơn vị");
    // the automatic choice: the ratio target most units reported (S01 in the endpoint's matrix)
    await user.click(screen.getByRole("button", { name: "Tổng hợp từ máy chủ và ghi vào sổ" }));
    await waitFor(() => expect(writeConsolidated).toHaveBeenCalledTimes(1));
    const spreadOf = (call: number): string[] =>
      (writeConsolidated.mock.calls[call][0] as ConsolidatedSpec).sheets[4].charts
        .map((c) => c.name)
        .filter((n) => n.startsWith("CT_chart_spread_"));
    expect(spreadOf(0)).toEqual(["CT_chart_spread_S01"]);
    // milestones have no figure to spread: they are not offered
    const offered = within(picker)
      .getAllByRole("option")
      .map((o) => (o as HTMLOptionElement).value);
    expect(offered).toContain("S02");
    expect(offered).not.toContain("U11");
    await user.selectOptions(picker, "S02");
    await user.click(screen.getByRole("button", { name: "Tổng hợp từ máy chủ và ghi vào sổ" }));
    await waitFor(() => expect(writeConsolidated).toHaveBeenCalledTimes(2));
    expect(spreadOf(1)).toEqual(["CT_chart_spread_S02"]);
    const spread = (writeConsolidated.mock.calls[1][0] as ConsolidatedSpec).sheets[4].charts.find(
      (c) => c.name === "CT_chart_spread_S02",
    );
    expect(spread?.series[0].values).toEqual([4, 3]); // each unit's own figure, highest first
  });

  it("names the unit groups, and writes the group's name into the consolidated sheets", async () => {
    const { user, writeConsolidated } = renderPane();
    const groups = within(screen.getByLabelText("Nhóm đơn vị"))
      .getAllByRole("option")
      .map((o) => [(o as HTMLOptionElement).value, o.textContent]);
    expect(groups).toEqual(
      expect.arrayContaining([
        ["wards", "Phường"],
        ["communes", "Xã"],
        ["departments", "Sở, ngành"],
      ]),
    );
    await user.selectOptions(screen.getByLabelText("Nhóm đơn vị"), "wards");
    await user.click(screen.getByRole("button", { name: "Tổng hợp từ máy chủ và ghi vào sổ" }));
    await waitFor(() => expect(writeConsolidated).toHaveBeenCalledTimes(1));
    const note = (writeConsolidated.mock.calls[0][0] as ConsolidatedSpec).sheets[0].blocks[0].values[2][0];
    expect(note).toMatch(/Phường · .* Wards/);
  });

  it("shows a progress bar while the consolidation is written", async () => {
    let finish: (r: WriteConsolidatedResult) => void = () => undefined;
    const writeConsolidated = jest.fn(
      (_spec: ConsolidatedSpec, opts: { onProgress: (p: { done: number; total: number }) => void }) =>
        new Promise<WriteConsolidatedResult>((resolve) => {
          opts.onProgress({ done: 1, total: 3 });
          finish = resolve;
        }),
    );
    const { user } = renderPane({ writeConsolidated });
    await user.click(screen.getByRole("button", { name: "Tổng hợp từ máy chủ và ghi vào sổ" }));
    const bar = await screen.findByRole("progressbar");
    expect(bar).toHaveAttribute("aria-valuenow", String(1 / 3));
    expect(screen.getByText("Đang ghi vào sổ: phần 1/3")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Tổng hợp từ máy chủ và ghi vào sổ" })).toBeDisabled();
    finish(WRITTEN);
    await waitFor(() => expect(screen.queryByRole("progressbar")).not.toBeInTheDocument());
  });

  it("explains a refusal from the endpoint and writes nothing", async () => {
    const fetchMock = jest.fn(async () =>
      jsonResponse(403, {
        code: "CT_FORBIDDEN",
        message: { vi: "Chỉ người tổng hợp được xem.", en: "Planners only." },
      }),
    );
    const { user, writeConsolidated } = renderPane({ fetch: fetchMock as unknown as typeof fetch });
    await user.click(screen.getByRole("button", { name: "Tổng hợp từ máy chủ và ghi vào sổ" }));
    expect(await screen.findByText("Chỉ người tổng hợp được xem.")).toBeInTheDocument();
    expect(writeConsolidated).not.toHaveBeenCalled();
  });

  it("refuses a period it cannot read before calling the endpoint", async () => {
    const { user, fetchMock } = renderPane();
    const input = screen.getByLabelText(/Kỳ báo cáo/);
    await user.clear(input);
    await user.type(input, "2026-Q5");
    await user.click(screen.getByRole("button", { name: "Tổng hợp từ máy chủ và ghi vào sổ" }));
    expect(await screen.findByText(/Kỳ không hợp lệ/)).toBeInTheDocument();
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("reads chosen workbooks in the browser and lists a rejected file with its reason and cell", async () => {
    const { user, writeConsolidated } = renderPane();
    const good = await workbookFile("00004.xlsx", "00004", [50, 100], Date.parse("2026-04-03T00:00:00Z"));
    const over = await workbookFile("00008.xlsx", "00008", [120, 100], Date.parse("2026-04-03T00:00:00Z"));
    const junk = new File(["not a workbook"], "notes.xlsx");
    await user.upload(screen.getByLabelText("Tệp báo cáo của đơn vị (.xlsx)"), [good, over, junk]);
    expect(await screen.findByText("3 tệp: dùng 1, từ chối 2, bỏ qua 0, trùng 0.")).toBeInTheDocument();
    const rejected = screen.getByRole("region", { name: "Tệp bị từ chối" });
    expect(rejected).toHaveTextContent("00008.xlsx");
    expect(rejected).toHaveTextContent(/S01 — .*\(ô Nhap!H\d+\)/);
    expect(rejected).toHaveTextContent("notes.xlsx");
    await user.click(screen.getByRole("button", { name: "Ghi tổng hợp từ tệp vào sổ" }));
    await waitFor(() => expect(writeConsolidated).toHaveBeenCalledTimes(1));
  });

  it("asks before the newer of two different files for one unit is used", async () => {
    const { user, writeConsolidated } = renderPane();
    const older = await workbookFile("a-old.xlsx", "00004", [40, 100], Date.parse("2026-04-01T00:00:00Z"));
    const newer = await workbookFile("a-new.xlsx", "00004", [60, 100], Date.parse("2026-04-02T00:00:00Z"));
    await user.upload(screen.getByLabelText("Tệp báo cáo của đơn vị (.xlsx)"), [older, newer]);
    const dup = await screen.findByRole("region", { name: "Hai tệp cho cùng đơn vị và kỳ" });
    expect(dup).toHaveTextContent("00004 · 2026-Q1");
    expect(screen.getByRole("button", { name: "Ghi tổng hợp từ tệp vào sổ" })).toBeDisabled();
    await user.click(screen.getByRole("button", { name: "Dùng tệp mới hơn" }));
    // Fluent's modal layer (tabster) hides the rest of the page from assistive technology; in jsdom, after earlier
    // tests in this file, it can hide the dialog's own portal too, so the dialog is found by its text
    const question = await screen.findByText("Dùng tệp lưu sau cùng cho 1 đơn vị có hai tệp khác nhau?");
    const dialog = question.closest('[role="alertdialog"]') as HTMLElement;
    expect(dialog).not.toBeNull();
    expect(dialog).toHaveAttribute("aria-modal", "true");
    await user.click(within(dialog).getByText("Xác nhận"));
    await waitFor(() =>
      expect(screen.queryByRole("region", { name: "Hai tệp cho cùng đơn vị và kỳ" })).not.toBeInTheDocument(),
    );
    await user.click(screen.getByRole("button", { name: "Ghi tổng hợp từ tệp vào sổ" }));
    await waitFor(() => expect(writeConsolidated).toHaveBeenCalledTimes(1));
    const spec = writeConsolidated.mock.calls[0][0] as ConsolidatedSpec;
    const matrix = spec.sheets[1];
    const values = matrix.blocks.flatMap((b) => b.values.flat());
    expect(values).toContain(60);
    expect(values).not.toContain(40);
  });
});
