/**
 * The clerk's form follows the unit's reporting model (issue #14): the targets a planner set not applicable leave the
 * form and the template alike, each figure says which target applies and where it comes from, and "not applicable"
 * is a control with its reason — refused, with a clear message, where the planners made the target always required.
 * The endpoint's answer is computed by the domain's own unitApplicability over a planner table, as the server does.
 */
import "./matchers";
import { screen, waitFor, within } from "@testing-library/react";
import {
  defaultCatalog,
  parsePeriod,
  unitApplicability,
  type ApplicabilityEntry,
  type AssignedTarget,
} from "../../src/domain";
import type { Connection, UnitModel } from "../../src/taskpane/api/types";
import { FakeApi, FakeWorkbook, WARD } from "./fakes";
import { setupOpenReport } from "./setup";

/** The endpoint's GET /me/applicability over the given planner choices and assigned targets. */
class ModelApi extends FakeApi {
  choices: ApplicabilityEntry[] = [];
  assigned: AssignedTarget[] = [];
  applicability = jest.fn(async (_conn: Connection, period: string): Promise<UnitModel> => {
    const p = parsePeriod(period)!;
    const catalog = defaultCatalog();
    const applicability = { entries: this.choices };
    const unitTargets = { entries: this.assigned };
    return {
      unitCode: WARD.code,
      period: p.id,
      catalogVersion: catalog.version,
      targets: unitApplicability(catalog, WARD, p, applicability, unitTargets),
      choices: this.choices.map((c) => ({ ...c, note: c.note ?? null })),
      assigned: this.assigned.filter((a) => a.year === p.year),
    };
  });
}

function targetSection(id: string): HTMLElement {
  const heading = screen.getByRole("heading", { level: 4, name: new RegExp(`^${id} · `) });
  return heading.closest("section") as HTMLElement;
}

function modelApi(): ModelApi {
  const api = new ModelApi();
  api.choices = [
    { unitCode: WARD.code, targetId: "S09", state: "not_applicable", from: "2026-Q1", note: "không có trạm" },
    { unitCode: WARD.code, targetId: "U14", state: "always_required", from: "2026-01" },
  ];
  api.assigned = [
    { unitCode: WARD.code, targetId: "S02", year: 2026, value: 60, direction: null, decision: "5969/QĐ-UBND" },
  ];
  return api;
}

describe("the clerk's form and the unit's reporting model", () => {
  it("leaves out what a planner set not applicable, in the form and in the template alike", async () => {
    const api = modelApi();
    const workbook = new FakeWorkbook();
    await setupOpenReport({ api, workbook });
    expect(api.applicability).toHaveBeenCalledWith(expect.anything(), "2026-Q1");
    expect(workbook.spec?.entry.rows.S09).toBeUndefined();
    expect(screen.queryByRole("heading", { level: 4, name: /^S09 · / })).not.toBeInTheDocument();
    // the other 8 of the 9 targets a ward's Q1 report asks for
    const formIds = screen.getAllByRole("heading", { level: 4 }).map((h) => h.textContent?.split(" · ")[0]);
    expect(formIds).toEqual(Object.keys(workbook.spec?.entry.rows ?? {}));
    expect(formIds).toHaveLength(8);
  });

  it("shows which target applies to each figure and where it comes from", async () => {
    await setupOpenReport({ api: modelApi() });
    const s02 = targetSection("S02");
    expect(within(s02).getByText(/Chỉ tiêu kỳ này: ≥ 60 căn/)).toBeInTheDocument();
    expect(within(s02).getByText("Chỉ tiêu giao cho đơn vị theo Quyết định 5969/QĐ-UBND")).toBeInTheDocument();
    expect(within(targetSection("S01")).getByText("Áp dụng chỉ tiêu của thành phố")).toBeInTheDocument();
    expect(within(targetSection("U13")).getByText("Chưa có chỉ tiêu cho năm này")).toBeInTheDocument();
  });

  it("marks a figure not applicable with a control, asks for the reason, and writes the answer to its cell", async () => {
    const { user, workbook } = await setupOpenReport({ api: modelApi() });
    const s01 = targetSection("S01");
    await user.type(within(s01).getByLabelText(/^S01 · Mẫu số/), "120");
    await user.click(within(s01).getByRole("checkbox", { name: "S01 · Không áp dụng cho đơn vị" }));
    await waitFor(() => expect(workbook.values.get("S01|numerator")).toBe("không áp dụng"));
    await waitFor(() => expect(workbook.values.get("S01|denominator")).toBeNull());
    const reason = within(s01).getByLabelText("S01 · Lý do không áp dụng");
    await waitFor(() => expect(within(s01).getByText(/chưa nêu lý do/)).toBeInTheDocument());
    await user.type(reason, "Phường không có trạm y tế");
    await waitFor(() => expect(workbook.values.get("S01|justification")).toBe("Phường không có trạm y tế"));
    await waitFor(() => expect(within(s01).queryByText(/chưa nêu lý do/)).not.toBeInTheDocument());
    // unticked: the figure is blank again (never 0)
    await user.click(within(s01).getByRole("checkbox", { name: "S01 · Không áp dụng cho đơn vị" }));
    await waitFor(() => expect(workbook.values.get("S01|numerator")).toBeNull());
    expect(within(s01).queryByLabelText("S01 · Lý do không áp dụng")).not.toBeInTheDocument();
  });

  it("offers no N/A where the planners made the target always required, and refuses it typed, saying why", async () => {
    const { user } = await setupOpenReport({ api: modelApi() });
    const u14 = targetSection("U14");
    expect(within(u14).queryByRole("checkbox")).not.toBeInTheDocument();
    expect(within(u14).getByText(/Bắt buộc báo cáo với đơn vị/)).toBeInTheDocument();
    await user.type(within(u14).getByLabelText(/^U14 · Giá trị thực hiện/), "N/A");
    await waitFor(() => expect(within(u14).getByText(/không được ghi "không áp dụng"/)).toBeInTheDocument());
  });

  it("writes N/A in English, and says when the planners have not chosen yet (planner selects)", async () => {
    const api = modelApi();
    api.choices = [];
    const { user, workbook } = await setupOpenReport({ api, locale: "en" });
    // U13 applies to wards plainly; S02 to wards "(planner selects)"
    expect(within(targetSection("S02")).getByText(/planners have not yet said/)).toBeInTheDocument();
    expect(within(targetSection("U13")).queryByText(/planners have not yet said/)).not.toBeInTheDocument();
    await user.click(within(targetSection("S02")).getByRole("checkbox", { name: "S02 · Not applicable to the unit" }));
    await waitFor(() => expect(workbook.values.get("S02|value")).toBe("N/A"));
  });
});
