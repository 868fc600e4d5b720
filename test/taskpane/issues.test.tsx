import "./matchers";
import { screen, waitFor, within } from "@testing-library/react";
import { FakeWorkbook } from "./fakes";
import { cellOf, cleanEntries, setupOpenReport, setupSeeded } from "./setup";

function withChanges(changes: Record<string, Record<string, unknown>>) {
  return cleanEntries().map((e) => ({ ...e, ...(changes[e.targetId] ?? {}) }));
}

async function openIssues(user: Awaited<ReturnType<typeof setupSeeded>>["user"]) {
  await user.click(screen.getByRole("tab", { name: /Vấn đề/ }));
  return screen.getByRole("tabpanel");
}

describe("IssuesPanel", () => {
  it("lists every issue grouped by target, targets with errors first", async () => {
    const { user } = await setupSeeded(
      withChanges({ S01: { numerator: 150 }, S02: { value: "mười hai" }, U09: { numerator: 10 } }),
    );
    const panel = await openIssues(user);
    const headings = within(panel)
      .getAllByRole("heading", { level: 3 })
      .map((h) => h.textContent?.slice(0, 3));
    // S01 and S02 carry errors, U09 only a warning (off track): errors come first, notes (info) last
    expect(headings.slice(0, 3)).toEqual(["S01", "S02", "U09"]);
    for (const h of within(panel).getAllByRole("heading", { level: 3 }).slice(3)) {
      const section = h.closest("section") as HTMLElement;
      expect(within(section).queryByText("Lỗi")).toBeNull();
      expect(within(section).queryByText("Cảnh báo")).toBeNull();
    }
    const s01 = within(panel).getByRole("heading", { name: /^S01/ }).closest("section") as HTMLElement;
    expect(within(s01).getAllByText("Lỗi").length).toBeGreaterThan(0);
  });

  it("keeps the count of blocking errors visible on every tab", async () => {
    const { user } = await setupSeeded(withChanges({ S01: { numerator: 150 }, S02: { value: "mười hai" } }));
    expect(screen.getByTestId("status-summary")).toHaveTextContent("2 lỗi chặn gửi");
    await user.click(screen.getByRole("tab", { name: /Gửi/ }));
    expect(screen.getByTestId("status-summary")).toHaveTextContent("2 lỗi chặn gửi");
  });

  it("selects the issue's cell in the sheet when the issue is clicked", async () => {
    const { user, workbook } = await setupSeeded(withChanges({ S02: { value: "mười hai" } }));
    const panel = await openIssues(user);
    await user.click(within(panel).getByRole("button", { name: new RegExp(cellOf("S02", "value")) }));
    expect(workbook.selectCell).toHaveBeenCalledWith(cellOf("S02", "value"));
  });

  it("takes a justification for a warning in place, writes it to the workbook and stops blocking", async () => {
    const { user, workbook } = await setupSeeded(withChanges({ U09: { numerator: 10 } }));
    expect(screen.getByTestId("status-summary")).toHaveTextContent("1 cảnh báo cần giải trình");
    const panel = await openIssues(user);
    const box = within(panel).getByLabelText("Giải trình cho U09");
    await user.type(box, "Nhà máy xử lý nước thải chậm tiến độ do giải phóng mặt bằng.");
    await user.tab();
    await waitFor(() =>
      expect(workbook.value("U09", "justification")).toBe(
        "Nhà máy xử lý nước thải chậm tiến độ do giải phóng mặt bằng.",
      ),
    );
    await waitFor(() => expect(screen.getByTestId("status-summary")).not.toHaveTextContent("cảnh báo cần giải trình"));
    expect(within(panel).getByText("Đã giải trình")).toBeInTheDocument();
  });

  it("says a too-short justification does not count yet", async () => {
    const { user } = await setupSeeded(withChanges({ U09: { numerator: 10 } }));
    const panel = await openIssues(user);
    const box = within(panel).getByLabelText("Giải trình cho U09");
    await user.type(box, "chậm");
    expect(screen.getByTestId("status-summary")).toHaveTextContent("1 cảnh báo cần giải trình");
    expect(within(panel).queryByText("Đã giải trình")).not.toBeInTheDocument();
    expect(box).toHaveAccessibleDescription(/giải trình/i);
  });

  it("marks the sheet with every issue after each validation, with each target's status", async () => {
    const { workbook, user } = await setupSeeded(cleanEntries());
    workbook.markIssues.mockClear();
    await user.type(screen.getByLabelText(/^S01 · Tử số/), "0");
    await waitFor(() => expect(workbook.markIssues).toHaveBeenCalled());
    const [issues, assessments] = workbook.markIssues.mock.calls[workbook.markIssues.mock.calls.length - 1];
    expect(issues).toContainEqual(
      expect.objectContaining({ targetId: "S01", severity: "error", cell: cellOf("S01", "numerator") }),
    );
    expect(assessments).toEqual(expect.arrayContaining([expect.objectContaining({ targetId: "S02" })]));
  });

  it("lists a date or an error value found in a figure's cell as an error by cell, blocking, until it is retyped", async () => {
    const workbook = new FakeWorkbook();
    workbook.problems = [
      { targetId: "S02", field: "value", cell: cellOf("S02", "value"), kind: "date", found: "46096" },
      { targetId: "S01", field: "numerator", cell: cellOf("S01", "numerator"), kind: "error", found: "#DIV/0!" },
    ];
    const { user } = await setupSeeded(cleanEntries(), { workbook });
    expect(screen.getByTestId("status-summary")).toHaveTextContent("2 lỗi chặn gửi");
    expect(workbook.marks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          targetId: "S02",
          severity: "error",
          cell: cellOf("S02", "value"),
          ruleId: "cell.date",
        }),
        expect.objectContaining({ targetId: "S01", severity: "error", cell: cellOf("S01", "numerator") }),
      ]),
    );
    const panel = await openIssues(user);
    expect(within(panel).getByText(/chứa ngày 15\/03\/2026, không phải con số/)).toBeInTheDocument();
    await user.click(screen.getByRole("tab", { name: /Nhập/ }));
    const input = screen.getByLabelText(/^S02 · Giá trị/);
    await user.clear(input);
    await user.type(input, String(cleanEntries().find((e) => e.targetId === "S02")?.value));
    await waitFor(() => expect(screen.getByTestId("status-summary")).toHaveTextContent("1 lỗi chặn gửi"));
  });

  it("says so when there is nothing to resolve", async () => {
    const { user } = await setupSeeded(cleanEntries());
    const panel = await openIssues(user);
    expect(
      within(panel).getByText("Không còn lỗi hay cảnh báo cần giải trình. Có thể gửi báo cáo."),
    ).toBeInTheDocument();
    expect(screen.getByTestId("status-summary")).toHaveTextContent("Không có lỗi chặn gửi");
  });

  it("lists blank targets as errors when a new report is opened", async () => {
    const { user } = await setupOpenReport();
    const panel = await openIssues(user);
    expect(within(panel).getAllByRole("heading", { level: 3 })).toHaveLength(9); // the 9 targets due in Q1
    expect(screen.getByTestId("status-summary")).toHaveTextContent(/9 lỗi chặn gửi/);
  });
});
