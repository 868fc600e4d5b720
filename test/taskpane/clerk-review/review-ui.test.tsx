import "../matchers";
import { screen, waitFor, within } from "@testing-library/react";
import type { ReportState } from "../../../src/taskpane/api";
import { FakeApi, FakeWorkbook } from "../fakes";
import { cleanEntries, setup, setupOpenReport, setupSeeded } from "../setup";

const LATEST = {
  submissionId: "11111111-1111-4111-8111-111111111111",
  revision: 2,
  receivedAt: "2026-04-01T00:00:00Z",
  status: "submitted" as const,
  replay: false,
};

function banner(): HTMLElement {
  return screen.getByTestId("review-banner");
}

describe("the clerk's side of the review loop", () => {
  it("shows a returned report's comment and the figures it names on every tab", async () => {
    const api = new FakeApi();
    api.reportOverride = { status: "returned", latest: LATEST, comment: "S02 thiếu minh chứng, kiểm tra lại." };
    const { user } = await setupSeeded(cleanEntries(), { api });
    await waitFor(() => expect(banner()).toHaveTextContent("Báo cáo bị trả lại"));
    expect(banner()).toHaveTextContent("Cán bộ tổng hợp trả lại bản 2 kèm ý kiến:");
    expect(banner()).toHaveTextContent("S02 thiếu minh chứng, kiểm tra lại.");
    expect(within(banner()).getByText(/^S02: /)).toBeInTheDocument();
    for (const tab of [/^Vấn đề/, /^Gửi$/, /Nhập liệu/]) {
      await user.click(screen.getByRole("tab", { name: tab }));
      expect(banner()).toHaveTextContent("S02 thiếu minh chứng");
    }
  });

  it("goes to the cell of a figure the comment names", async () => {
    const api = new FakeApi();
    api.reportOverride = { status: "returned", latest: LATEST, comment: "Xem lại S02" };
    const { user, workbook } = await setupSeeded(cleanEntries(), { api });
    const go = await within(await screen.findByTestId("review-banner")).findByRole("button", { name: /Đến ô/ });
    await user.click(go);
    await waitFor(() => expect(workbook.selected.length).toBe(1));
    expect(go).toHaveTextContent(workbook.selected[0]);
  });

  it("marks an accepted report everywhere, with the comment on acceptance, and keeps the form read only", async () => {
    const api = new FakeApi();
    api.reportOverride = { status: "accepted", locked: true, latest: LATEST, comment: "Đạt yêu cầu." };
    await setupSeeded(cleanEntries(), { api });
    await waitFor(() => expect(banner()).toHaveTextContent("Đã chấp nhận — báo cáo đã khóa"));
    expect(banner()).toHaveTextContent("Ý kiến khi chấp nhận: Đạt yêu cầu.");
    expect(screen.getByTestId("error-count")).toHaveTextContent("Đã chấp nhận — chỉ xem");
    expect(screen.getByLabelText(/^S02 · Giá trị/)).toHaveAttribute("readonly");
  });

  it("loads the endpoint's figures into a new workbook instead of an empty form with blocking errors", async () => {
    const api = new FakeApi();
    const entries = cleanEntries();
    const s02 = entries.find((e) => e.targetId === "S02");
    api.reportOverride = { status: "submitted", latest: LATEST, entries, entriesLocale: "vi" } as Partial<ReportState>;
    const { workbook, user } = await setupOpenReport({ api });
    await screen.findByText(/Đã nạp số liệu bản 2 từ máy chủ vào sổ này/);
    expect(screen.getByTestId("error-count")).toHaveTextContent("Không có lỗi chặn gửi");
    expect(workbook.values.get("S02|value")).toBe(s02?.value);
    await user.click(screen.getByRole("tab", { name: /^Gửi$/ }));
    const panel = screen.getByRole("tabpanel");
    // revision 2 exists: the state is "sent", not "draft", and nothing "changed since the last submission"
    await waitFor(() => expect(within(panel).getByRole("status")).toHaveTextContent(/Đã gửi/));
    expect(within(panel).queryByText(/Số liệu đã thay đổi/)).toBeNull();
  });

  it("leaves a workbook that already holds figures as it is", async () => {
    const api = new FakeApi();
    api.reportOverride = {
      status: "submitted",
      latest: LATEST,
      entries: [{ targetId: "S02", value: 1 }],
      entriesLocale: "vi",
    } as Partial<ReportState>;
    const workbook = new FakeWorkbook();
    const mine = cleanEntries();
    await setupSeeded(mine, { api, workbook });
    expect(workbook.values.get("S02|value")).toBe(mine.find((e) => e.targetId === "S02")?.value);
    expect(screen.queryByText(/Đã nạp số liệu/)).toBeNull();
  });

  it("counts errors and warnings to justify as issues, never notes", async () => {
    await setupSeeded(cleanEntries());
    expect(screen.getByRole("tab", { name: /^Vấn đề/ })).toHaveTextContent("Vấn đề (0)");
  });

  it("marks each period's report in the picker and lists what is overdue when the clerk connects", async () => {
    const api = new FakeApi();
    const states: Record<string, ReportState | null> = {
      "2026-Q1": {
        unitCode: "00004",
        period: "2026-Q1",
        latest: LATEST,
        status: "accepted",
        comment: null,
        locked: true,
      },
      "2026-01": null,
      "2026-02": null,
    };
    Object.assign(api, { reportStates: jest.fn(async () => states) });
    setup({ api });
    const reminders = await screen.findByTestId("due-reminders");
    expect(reminders).toHaveTextContent(/Quá hạn: .* \(chưa gửi\)/);
    const option = await screen.findByRole("option", { name: /đã chấp nhận, khóa/ });
    expect(option).toHaveValue("2026-Q1");
    expect(option).not.toHaveTextContent(/đang mở/i);
  });
});
