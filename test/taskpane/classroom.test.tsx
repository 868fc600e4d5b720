/**
 * A pane in the classroom keeps going after a reset (issue 20 item 3): a receipt the endpoint no longer has is
 * forgotten, the next submission starts a fresh revision chain without a 409, and after the tour's reset of the
 * training workbook the form shows what the sheet holds at once.
 */
import "./matchers";
import { act, screen, waitFor, within } from "@testing-library/react";
import { DEMO_RATIO_ERROR } from "../../src/domain";
import { demoResetChanges, resetDemoWorkbook } from "../../src/taskpane/demo-reset";
import { SETTINGS } from "../../src/taskpane/util";
import { FakeApi, FakeWorkbook } from "./fakes";
import { cleanEntries, setupSeeded } from "./setup";

async function submitOnce(user: Awaited<ReturnType<typeof setupSeeded>>["user"]) {
  await user.click(screen.getByRole("tab", { name: /^Gửi$/ }));
  const panel = screen.getByRole("tabpanel");
  await user.click(within(panel).getByRole("button", { name: "Kiểm tra và gửi" }));
  await within(panel).findByText("Biên nhận");
  return panel;
}

describe("the classroom after a reset", () => {
  it("starts a fresh revision chain when the endpoint's demo data was reset, without a 409 for the clerk", async () => {
    const { user, api } = await setupSeeded(cleanEntries());
    await submitOnce(user);
    const first = api.stored[0].body.submissionId;
    api.stored = []; // the trainer resets the classroom
    const panel = screen.getByRole("tabpanel");
    await user.click(within(panel).getByRole("button", { name: "Gửi lại (bản sửa mới)" }));
    await waitFor(() => expect(api.stored).toHaveLength(1));
    expect(api.stored[0].body.supersedes).toBeNull();
    expect(api.stored[0].body.submissionId).not.toBe(first);
    expect(api.stored[0].receipt.revision).toBe(1);
    await waitFor(() =>
      expect(within(panel).getByTestId("receipt-id")).toHaveTextContent(api.stored[0].body.submissionId),
    );
    expect(within(panel).queryByText(/Đã có bản mới hơn|bản mới hơn/)).toBeNull();
  });

  it("forgets, on opening, a receipt the endpoint no longer has: the report is a draft again", async () => {
    const first = await setupSeeded(cleanEntries());
    await submitOnce(first.user);
    const key = SETTINGS.receipt("00004", "2026-Q1");
    expect(first.workbook.settings.get(key)).toBeTruthy();
    first.unmount();
    const api = new FakeApi(); // the same endpoint after a reset: nothing stored
    const again = await setupSeeded(cleanEntries(), { workbook: first.workbook, api });
    await again.user.click(screen.getByRole("tab", { name: /^Gửi$/ }));
    await waitFor(() => expect(within(screen.getByRole("tabpanel")).getByRole("status")).toHaveTextContent(/Bản nháp/));
    await waitFor(() => expect(first.workbook.settings.get(key) ?? null).toBeNull());
  });

  it("shows the training sheet in the form at once after the tour resets the workbook", async () => {
    const workbook = new FakeWorkbook();
    await setupSeeded(cleanEntries(), { workbook });
    const sample = demoResetChanges().find((c) => c.targetId === DEMO_RATIO_ERROR && c.field === "numerator")!;
    const input = screen.getByLabelText(new RegExp(`^${DEMO_RATIO_ERROR} · Tử số`)) as HTMLInputElement;
    expect(input.value).not.toBe(String(sample.raw));
    await act(async () => {
      await resetDemoWorkbook(workbook);
    });
    await waitFor(() => expect(input.value).toBe(String(sample.raw)));
  });
});
