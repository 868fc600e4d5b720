import "./matchers";
import { act, screen, waitFor, within } from "@testing-library/react";
import { GROUP_NAMES } from "../../src/domain";
import { setupOpenReport, setupSeeded } from "./setup";

function targetSection(id: string): HTMLElement {
  const heading = screen.getByRole("heading", { level: 4, name: new RegExp(`^${id} · `) });
  return heading.closest("section") as HTMLElement;
}

describe("EntryForm", () => {
  it("creates the template in the workbook and groups the unit's targets under the catalog's groups", async () => {
    const { workbook } = await setupOpenReport();
    expect(workbook.ensureTemplate).toHaveBeenCalledWith(
      expect.objectContaining({ identity: expect.objectContaining({ unitCode: "00004", period: "2026-Q1" }) }),
    );
    // no economy target is due from a ward in a quarter (E10 is yearly): that group has no heading
    for (const group of [GROUP_NAMES.society, GROUP_NAMES.urban_environment, GROUP_NAMES.party_building]) {
      expect(
        screen.getByRole("heading", { level: 3, name: new RegExp(`^${group.vi} \\(\\d+\\)`) }),
      ).toBeInTheDocument();
    }
    // Q1 asks a ward for its monthly and quarterly targets (cadence): 9 of the 20 that apply to it
    expect(screen.getAllByRole("heading", { level: 4 })).toHaveLength(9);
    expect(screen.getByText(/Đã tạo mẫu báo cáo 2026-Q1 trong sổ/)).toBeInTheDocument();
  });

  it("shows 'no target set' for a target the catalog gives no value for this year, never a number", async () => {
    await setupOpenReport();
    const s09 = targetSection("S09");
    expect(within(s09).getByText("Chưa có chỉ tiêu (năm 2030: 98)")).toBeInTheDocument();
    expect(within(s09).queryByText(/Chỉ tiêu kỳ này/)).not.toBeInTheDocument();
  });

  it("shows each target's value for the period with its unit of measure", async () => {
    await setupOpenReport();
    const s02 = targetSection("S02");
    expect(within(s02).getByText(/Chỉ tiêu kỳ này: ≥ 18\.000 căn/)).toBeInTheDocument();
    expect(within(s02).getByText("Đơn vị tính: căn")).toBeInTheDocument();
  });

  it.each([
    ["S09", true],
    ["S02", false],
  ])("marks %s as a provisional target: %s", async (id, provisional) => {
    await setupOpenReport();
    const section = targetSection(id);
    expect(within(section).queryByText("chỉ tiêu tạm") !== null).toBe(provisional);
  });

  it("asks for numerator and denominator on a ratio target and one value on a count", async () => {
    await setupOpenReport();
    expect(within(targetSection("S01")).getByLabelText(/^S01 · Tử số/)).toBeInTheDocument();
    expect(within(targetSection("S01")).getByLabelText(/^S01 · Mẫu số/)).toBeInTheDocument();
    expect(within(targetSection("S02")).getByLabelText(/^S02 · Giá trị thực hiện \(căn\)/)).toBeInTheDocument();
    expect(within(targetSection("S02")).queryByLabelText(/Tử số/)).not.toBeInTheDocument();
  });

  it.each([
    ["vi", "12,5", 12.5],
    ["vi", "1.234", 1234],
    ["vi", "1.234,5", 1234.5],
    ["en", "12.5", 12.5],
    ["en", "1,234", 1234],
    ["vi", "", null],
    ["vi", "mười hai", "mười hai"],
  ] as const)("in %s, typing %j writes %j into the cell", async (locale, typed, written) => {
    const { user, workbook } = await setupOpenReport({ locale });
    const label = locale === "vi" ? /^S09 · Tử số/ : /^S09 · Numerator/;
    const input = screen.getByLabelText(label);
    await user.type(input, typed === "" ? "7{Backspace}" : typed);
    await user.tab();
    await waitFor(() => expect(workbook.value("S09", "numerator")).toBe(written));
  });

  it("takes “không áp dụng” in the figure's field as typed (the rules then ask for the reason)", async () => {
    const { user, workbook } = await setupOpenReport();
    await user.type(screen.getByLabelText(/^S09 · Tử số/), "không áp dụng");
    await user.tab();
    await waitFor(() => expect(workbook.value("S09", "numerator")).toBe("không áp dụng"));
  });

  it("shows the English unit of measure and ratio labels on English screens", async () => {
    await setupOpenReport({ locale: "en" });
    expect(within(targetSection("U13")).getByText("Unit of measure: locations")).toBeInTheDocument();
    expect(screen.getByLabelText(/^S09 · Numerator: People holding a health-insurance card/)).toBeInTheDocument();
  });

  it("updates the form when the sheet changes (typing or pasting in Excel)", async () => {
    const { workbook } = await setupOpenReport();
    act(() =>
      workbook.emitChange([
        { targetId: "S02", field: "value", raw: 18250 },
        { targetId: "S01", field: "numerator", raw: "95" },
      ]),
    );
    expect(await screen.findByDisplayValue("18.250")).toHaveAccessibleName(/^S02 · Giá trị/);
    expect(screen.getByLabelText(/^S01 · Tử số/)).toHaveValue("95");
  });

  it("does not let the sheet's echo of the pane's own write overwrite what is being typed", async () => {
    const { user, workbook } = await setupOpenReport();
    const input = screen.getByLabelText(/^S02 · Giá trị/);
    await user.type(input, "12");
    await waitFor(() => expect(workbook.value("S02", "value")).toBe(12));
    act(() => workbook.emitChange([{ targetId: "S02", field: "value", raw: 12 }]));
    expect(input).toHaveValue("12");
  });

  it.each([
    ["100", "100", "Đúng tiến độ"],
    ["40", "100", "Chậm tiến độ"],
  ])("shows the status badge of numerator %s over %s as %s", async (num, den, badge) => {
    const { user } = await setupOpenReport();
    await user.type(screen.getByLabelText(/^S01 · Tử số/), num);
    await user.type(screen.getByLabelText(/^S01 · Mẫu số/), den);
    expect(await within(targetSection("S01")).findByText(badge)).toBeInTheDocument();
  });

  it("marks an input with an error as invalid and gives the rule's message through its field", async () => {
    const { user } = await setupOpenReport();
    const num = screen.getByLabelText(/^S01 · Tử số/);
    await user.type(num, "150");
    await user.type(screen.getByLabelText(/^S01 · Mẫu số/), "100");
    await waitFor(() => expect(num).toHaveAttribute("aria-invalid", "true"));
    expect(num).toHaveAccessibleDescription(/tử số/i);
  });

  it("keeps the source note of every target visible", async () => {
    await setupOpenReport();
    expect(within(targetSection("S02")).getByText(/Nguồn chỉ tiêu: Đã xác minh/)).toBeInTheDocument();
  });

  it("reopens the report the workbook already holds, with the values typed before", async () => {
    await setupSeeded([{ targetId: "S02", value: 12000 }]);
    expect(screen.getByLabelText(/^S02 · Giá trị/)).toHaveValue("12.000");
    expect(screen.getByText(/Đã nhận ra mẫu báo cáo 2026-Q1 trong sổ/)).toBeInTheDocument();
  });

  it("opens the evidence and responsible-person fields on demand, with labels", async () => {
    const { user, workbook } = await setupOpenReport();
    const toggle = screen.getByRole("button", { name: /^S02 · Nguồn số liệu/ });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    await user.click(toggle);
    expect(toggle).toHaveAttribute("aria-expanded", "true");
    await user.type(screen.getByLabelText(/^S02 · Người chịu trách nhiệm/), "Nguyễn Thị Hoà");
    await user.tab();
    await waitFor(() => expect(workbook.value("S02", "responsible")).toBe("Nguyễn Thị Hoà".normalize("NFC")));
  });
});
