/**
 * The planners' applicability editor (issue #14), opened from planner mode: find a unit, see its targets, change one
 * from a period on and save; import a table file, every bad row listed. The endpoint is played by the domain's own
 * functions over an in-memory table (GET /me/applicability: unitApplicability; PUT /applicability: the CLI's parser),
 * as src/server/routes does; the routes themselves are tested on both engines in test/server.
 */
import "../matchers";
import { configure, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import {
  defaultCatalog,
  defaultUnitRegistry,
  parsePeriod,
  unitApplicability,
  type ApplicabilityEntry,
} from "../../../src/domain";
import { parseApplicabilityRows } from "../../../src/domain/rules/applicability-file";
import { ApplicabilityLauncher } from "../../../src/taskpane/components/applicability";
import { I18nProvider } from "../../../src/taskpane/i18n";

jest.setTimeout(60_000);
configure({ asyncUtilTimeout: 15_000 });

const catalog = defaultCatalog();
const units = defaultUnitRegistry();
const CONN = { endpoint: "https://chitieu.test", token: "planner-token" };

/** An endpoint in memory: the planners' table, answered and checked with the domain's functions. */
function endpoint() {
  const table: ApplicabilityEntry[] = [];
  const puts: unknown[] = [];
  const fetchMock = jest.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    // what the pane's requester reads of a fetch answer (jsdom has no Response)
    const json = (status: number, body: unknown) =>
      ({ ok: status >= 200 && status < 300, status, text: async () => JSON.stringify(body) }) as unknown as Response;
    if (url.pathname === "/api/v1/me/applicability") {
      const period = parsePeriod(url.searchParams.get("period") ?? "")!;
      const unit = units.byCode(url.searchParams.get("unit") ?? "")!;
      const applicability = { entries: [...table] };
      return json(200, {
        unitCode: unit.code,
        period: period.id,
        catalogVersion: catalog.version,
        targets: unitApplicability(catalog, unit, period, applicability),
        choices: table.filter((e) => e.unitCode === unit.code),
        assigned: [],
      });
    }
    if (url.pathname === "/api/v1/applicability" && init?.method === "PUT") {
      const body = JSON.parse(String(init.body)) as { entries: ApplicabilityEntry[] };
      puts.push(body);
      const header = ["unit_code", "target_id", "state", "from", "note"];
      const rows = body.entries.map((e) => [e.unitCode, e.targetId, e.state, e.from, e.note ?? ""]);
      const result = parseApplicabilityRows([header, ...rows], catalog, units);
      if (!result.ok) return json(422, { code: "CT_APPLICABILITY_INVALID", title: "refused" });
      table.push(...result.rows);
      return json(200, { added: result.rows.length, total: table.length });
    }
    return json(404, { code: "CT_NOT_FOUND" });
  });
  return { table, puts, fetchMock };
}

function renderEditor(readTable?: (file: File) => Promise<{ csv: string }>) {
  const api = endpoint();
  const user = userEvent.setup({ delay: null });
  render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider locale="vi">
        <ApplicabilityLauncher
          connection={CONN}
          catalog={catalog}
          units={units}
          defaultPeriod="2026-Q2"
          fetch={api.fetchMock as unknown as typeof fetch}
          readTable={readTable}
        />
      </I18nProvider>
    </FluentProvider>,
  );
  return { ...api, user };
}

function row(id: string): HTMLElement {
  return document.querySelector(`li[data-target="${id}"]`) as HTMLElement;
}

describe("the planners' applicability editor", () => {
  it("finds a unit by name from the keyboard, shows its targets and saves a change from a period on", async () => {
    const { user, puts, fetchMock } = renderEditor();
    await user.click(screen.getByRole("button", { name: "Đơn vị báo cáo chỉ tiêu nào" }));
    const search = await screen.findByRole("searchbox", { name: /Tìm đơn vị/ });
    await user.click(search);
    await user.keyboard("ba dinh");
    await user.tab();
    expect(screen.getByRole("button", { name: "00004 · Phường Ba Đình" })).toHaveFocus();
    await user.keyboard("{Enter}");
    await screen.findByRole("heading", { name: /00004 · Phường Ba Đình — kỳ 2026-Q2/ });
    expect(fetchMock.mock.calls[0][0]).toBe("https://chitieu.test/api/v1/me/applicability?period=2026-Q2&unit=00004");
    // E10: wards (planner selects) — expected by default; E01: reported by the city only
    expect(within(row("E10")).getByText(/Áp dụng · mặc định theo danh mục/)).toBeInTheDocument();
    expect(within(row("E01")).getByRole("combobox")).toHaveValue("not_applicable");
    await user.selectOptions(within(row("E10")).getByRole("combobox"), "not_applicable");
    await user.selectOptions(within(row("S09")).getByRole("combobox"), "always_required");
    expect(within(row("E10")).getByText(/đã đổi, chưa lưu/)).toBeInTheDocument();
    const from = screen.getByRole("textbox", { name: /Áp dụng thay đổi từ kỳ/ });
    await user.clear(from);
    await user.type(from, "2026-13");
    expect(screen.getByRole("button", { name: "Lưu 2 thay đổi" })).toBeDisabled();
    await user.clear(from);
    await user.type(from, "2026-q2");
    await user.type(screen.getByRole("textbox", { name: "Ghi chú (lý do)" }), "Phường không có đất nông nghiệp");
    await user.click(screen.getByRole("button", { name: "Lưu 2 thay đổi" }));
    await screen.findByText("Đã lưu 2 lựa chọn, áp dụng từ kỳ 2026-Q2.");
    expect(puts).toEqual([
      {
        entries: [
          {
            unitCode: "00004",
            targetId: "E10",
            state: "not_applicable",
            from: "2026-Q2",
            note: "Phường không có đất nông nghiệp",
          },
          {
            unitCode: "00004",
            targetId: "S09",
            state: "always_required",
            from: "2026-Q2",
            note: "Phường không có đất nông nghiệp",
          },
        ],
      },
    ]);
    // read again: the choices are in force from 2026-Q2, set by the planners
    await waitFor(() =>
      expect(within(row("E10")).getByText(/Không áp dụng · do cán bộ tổng hợp chọn từ kỳ 2026-Q2/)).toBeInTheDocument(),
    );
    expect(within(row("S09")).getByRole("combobox")).toHaveValue("always_required");
    expect(screen.getByRole("button", { name: "Lưu 0 thay đổi" })).toBeDisabled();
  });

  it("refuses a bad table file whole, listing every bad row, and imports a good one", async () => {
    const files: Record<string, string> = {
      "bad.csv": [
        "unit_code,target_id,state,from,note",
        "00004,E10,không áp dụng,2026-Q1,",
        "99999,E10,not_applicable,2026-Q1,",
        "00004,Z99,applies,2026-13,",
      ].join("\n"),
      "good.csv":
        "unit_code,target_id,state,from,note\n00004,E10,không áp dụng,2026-Q1,\n00008,S09,bắt buộc,2026-Q1,\n",
    };
    const { user, puts, table } = renderEditor(async (file) => ({ csv: files[file.name] }));
    await user.click(screen.getByRole("button", { name: "Đơn vị báo cáo chỉ tiêu nào" }));
    const input = (await screen.findByLabelText(/Tệp .csv hoặc .xlsx/)) as HTMLInputElement;
    await user.upload(input, new File([files["bad.csv"]], "bad.csv", { type: "text/csv" }));
    await screen.findByText(/Tệp bị từ chối: 2 dòng sai/);
    const listed = screen.getAllByRole("listitem").map((li) => li.textContent ?? "");
    expect(listed.filter((t) => t.startsWith("Dòng 3, cột unit_code"))).toHaveLength(1);
    expect(listed.filter((t) => t.startsWith("Dòng 4, cột target_id"))).toHaveLength(1);
    expect(listed.filter((t) => t.startsWith("Dòng 4, cột from"))).toHaveLength(1);
    expect(puts).toEqual([]);
    await user.upload(input, new File([files["good.csv"]], "good.csv", { type: "text/csv" }));
    await screen.findByText("2 dòng hợp lệ.");
    await user.click(screen.getByRole("button", { name: "Nhập 2 lựa chọn" }));
    await screen.findByText("Đã nhập 2 lựa chọn.");
    expect(table.map((e) => [e.unitCode, e.targetId, e.state])).toEqual([
      ["00004", "E10", "not_applicable"],
      ["00008", "S09", "always_required"],
    ]);
  });
});
