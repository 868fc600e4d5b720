import "./matchers";
import { screen, waitFor, within } from "@testing-library/react";
import { defaultCatalog } from "../../src/domain";
import { ApiError } from "../../src/taskpane/api/client";
import { SETTINGS } from "../../src/taskpane/util";
import { FakeApi, FakeWorkbook } from "./fakes";
import { cleanEntries, setupSeeded } from "./setup";

async function goSubmit(user: Awaited<ReturnType<typeof setupSeeded>>["user"]) {
  await user.click(screen.getByRole("tab", { name: /^Gửi$/ }));
  return screen.getByRole("tabpanel");
}

function badge(panel: HTMLElement): string {
  return within(panel).getByRole("status").textContent ?? "";
}

describe("SubmitPanel", () => {
  it("checks the report with the endpoint first, then submits it and shows the receipt with its id and time", async () => {
    const { user, api, workbook } = await setupSeeded(cleanEntries());
    const panel = await goSubmit(user);
    expect(badge(panel)).toMatch(/Bản nháp/);
    await user.click(within(panel).getByRole("button", { name: "Kiểm tra và gửi" }));
    await within(panel).findByText("Biên nhận");
    expect(api.dryRun).toHaveBeenCalledTimes(1);
    expect(api.submit).toHaveBeenCalledTimes(1);
    expect(api.dryRun.mock.invocationCallOrder[0]).toBeLessThan(api.submit.mock.invocationCallOrder[0]);
    const sent = api.stored[0];
    expect(sent.body).toMatchObject({
      unitCode: "00004",
      period: "2026-Q1",
      supersedes: null,
      locale: "vi",
      dryRun: false,
    });
    expect(within(panel).getByTestId("receipt-id")).toHaveTextContent(sent.body.submissionId);
    expect(within(panel).getByText("30/03/2026 10:04:05")).toBeInTheDocument();
    expect(badge(panel)).toMatch(/Đã gửi/);
    expect(workbook.settings.get(SETTINGS.receipt("00004", "2026-Q1"))).toEqual(
      expect.objectContaining({ receipt: expect.objectContaining({ submissionId: sent.body.submissionId }) }),
    );
  });

  it("sends the unit sheet's preparer, approver and phone as they are when the clerk submits", async () => {
    const { user, api, workbook } = await setupSeeded(cleanEntries());
    // typed into DonVi after the report was opened: read at the moment of sending
    workbook.contact = { preparer: "  Nguyễn Văn A ", approver: "Trần Thị B", phone: null };
    const panel = await goSubmit(user);
    await user.click(within(panel).getByRole("button", { name: "Kiểm tra và gửi" }));
    await within(panel).findByText("Biên nhận");
    expect(workbook.readContact).toHaveBeenCalled();
    expect(api.dryRun.mock.calls[0][1].contact).toEqual({
      preparer: "Nguyễn Văn A",
      approver: "Trần Thị B",
      phone: null,
    });
    expect(api.stored[0].body.contact).toEqual({ preparer: "Nguyễn Văn A", approver: "Trần Thị B", phone: null });
  });

  it("sends no contact when the unit sheet's people are blank", async () => {
    const { user, api } = await setupSeeded(cleanEntries());
    const panel = await goSubmit(user);
    await user.click(within(panel).getByRole("button", { name: "Kiểm tra và gửi" }));
    await within(panel).findByText("Biên nhận");
    expect(api.stored[0].body).not.toHaveProperty("contact");
  });

  it("cannot submit while blocking errors remain, and says how many", async () => {
    const entries = cleanEntries().map((e) => (e.targetId === "S02" ? { ...e, value: "mười hai" } : e));
    const { user, api } = await setupSeeded(entries);
    const panel = await goSubmit(user);
    expect(within(panel).getByRole("button", { name: "Kiểm tra và gửi" })).toBeDisabled();
    expect(within(panel).getByText(/còn 1 lỗi và 0 cảnh báo chưa giải trình/)).toBeInTheDocument();
    expect(api.dryRun).not.toHaveBeenCalled();
  });

  it("shows the endpoint's verdict when it differs from the pane's and does not submit", async () => {
    const api = new FakeApi();
    api.verdictOverride = {
      ok: false,
      issues: [
        {
          code: "inconsistent_denominator",
          ruleId: "consistency.population",
          targetId: "U04",
          unitCode: "00004",
          period: "2026-Q1",
          path: ["entries", "U04", "denominator"],
          cell: "Nhap!I20",
          severity: "error",
          params: {},
          message: { vi: "Dân số khác với các chỉ tiêu khác.", en: "The population differs from other targets." },
        },
      ],
    };
    const { user } = await setupSeeded(cleanEntries(), { api });
    const panel = await goSubmit(user);
    await user.click(within(panel).getByRole("button", { name: "Kiểm tra và gửi" }));
    expect(await within(panel).findByText("Dân số khác với các chỉ tiêu khác.")).toBeInTheDocument();
    expect(within(panel).getByText(/Máy chủ chưa nhận báo cáo/)).toBeInTheDocument();
    expect(api.submit).not.toHaveBeenCalled();
  });

  it("keeps an unsendable submission in the workbook and sends it, with the same id, when the endpoint answers again", async () => {
    const { user, api, workbook } = await setupSeeded(cleanEntries());
    api.offline = true;
    const panel = await goSubmit(user);
    await user.click(within(panel).getByRole("button", { name: "Kiểm tra và gửi" }));
    expect(await within(panel).findByText(/Báo cáo được giữ trong sổ/)).toBeInTheDocument();
    expect(badge(panel)).toMatch(/Chờ gửi \(ngoại tuyến\)/);
    expect(workbook.queue).toHaveLength(1);
    const queuedId = workbook.queue[0].submissionId;
    expect(within(panel).getByText(new RegExp(`mã ${queuedId.slice(0, 8)}`))).toBeInTheDocument();
    expect(screen.getByTestId("status-summary")).toHaveTextContent("1 chờ gửi");

    api.offline = false;
    await waitFor(() => expect(workbook.queue).toHaveLength(0), { timeout: 3000 });
    expect(api.stored).toHaveLength(1);
    expect(api.stored[0].body.submissionId).toBe(queuedId);
    await waitFor(() => expect(badge(panel)).toMatch(/Đã gửi/));
    expect(within(panel).getByTestId("receipt-id")).toHaveTextContent(queuedId);
  });

  it("stores a submission once when its answer was lost and the retry replays it", async () => {
    const { user, api, workbook } = await setupSeeded(cleanEntries());
    const realSubmit = api.submit.getMockImplementation()!;
    api.submit.mockImplementationOnce(async (conn, body) => {
      await realSubmit(conn, body); // stored by the endpoint…
      throw new ApiError("unreachable", conn.endpoint); // …but the answer never arrived
    });
    const panel = await goSubmit(user);
    await user.click(within(panel).getByRole("button", { name: "Kiểm tra và gửi" }));
    await waitFor(() => expect(api.submit).toHaveBeenCalledTimes(2), { timeout: 3000 });
    await waitFor(() => expect(workbook.queue).toHaveLength(0));
    expect(api.stored).toHaveLength(1);
    expect(api.submit.mock.calls[0][1].submissionId).toBe(api.submit.mock.calls[1][1].submissionId);
  });

  it("resubmitting makes a new revision that supersedes the last one", async () => {
    const { user, api } = await setupSeeded(cleanEntries());
    let panel = await goSubmit(user);
    await user.click(within(panel).getByRole("button", { name: "Kiểm tra và gửi" }));
    await within(panel).findByText("Biên nhận");
    await user.click(screen.getByRole("tab", { name: /Nhập liệu/ }));
    const input = screen.getByLabelText(/^S02 · Giá trị/);
    await user.clear(input);
    await user.type(input, "18500");
    panel = await goSubmit(user);
    expect(within(panel).getByText(/Số liệu đã thay đổi sau lần gửi trước/)).toBeInTheDocument();
    await user.click(within(panel).getByRole("button", { name: "Gửi lại (bản sửa mới)" }));
    await waitFor(() => expect(api.stored).toHaveLength(2));
    expect(api.stored[1].body.supersedes).toBe(api.stored[0].body.submissionId);
    expect(api.stored[1].receipt.revision).toBe(2);
    expect(api.stored[1].body.entries.find((e) => e.targetId === "S02")?.value).toBe("18500");
  });

  it("after an out-of-date answer, loads the latest state and asks to check again", async () => {
    const api = new FakeApi();
    api.stored.push({
      body: {
        submissionId: "11111111-1111-4111-8111-111111111111",
        supersedes: null,
        unitCode: "00004",
        period: "2026-Q1",
        catalogVersion: "x",
        locale: "vi",
        entries: [],
        dryRun: false,
      },
      receipt: {
        submissionId: "11111111-1111-4111-8111-111111111111",
        revision: 1,
        receivedAt: "2026-03-01T00:00:00Z",
        status: "submitted",
        replay: false,
      },
    });
    api.report.mockResolvedValueOnce(null); // the pane opened before the other computer's submission arrived
    const { user } = await setupSeeded(cleanEntries(), { api });
    const panel = await goSubmit(user);
    await user.click(within(panel).getByRole("button", { name: "Kiểm tra và gửi" }));
    expect(await within(panel).findByText(/Đã có bản gửi mới hơn cho kỳ này/)).toBeInTheDocument();
    await waitFor(() => expect(api.report).toHaveBeenCalledTimes(2));
    // the endpoint's latest revision is now known: the next one is offered as a new revision
    await user.click(await within(panel).findByRole("button", { name: /Gửi lại \(bản sửa mới\)/ }));
    await waitFor(() => expect(api.stored).toHaveLength(2));
    expect(api.stored[1].body.supersedes).toBe("11111111-1111-4111-8111-111111111111");
  });

  it.each([
    [
      "returned",
      { status: "returned" as const, comment: "Bổ sung minh chứng cho S02." },
      /Bị trả lại/,
      "Bổ sung minh chứng cho S02.",
    ],
    ["accepted", { status: "accepted" as const, locked: true }, /Đã chấp nhận \(khóa\)/, /đã được chấp nhận và khóa/],
  ])("shows a %s report with its state", async (_name, override, state, text) => {
    const api = new FakeApi();
    api.reportOverride = { latest: null, comment: null, locked: false, ...override };
    const { user } = await setupSeeded(cleanEntries(), { api });
    const panel = await goSubmit(user);
    await waitFor(() => expect(badge(panel)).toMatch(state));
    expect(within(panel).getByText(text)).toBeInTheDocument();
  });

  it("locks the form of an accepted report", async () => {
    const api = new FakeApi();
    api.reportOverride = { status: "accepted", locked: true, latest: null, comment: null };
    const { user } = await setupSeeded(cleanEntries(), { api });
    let panel = await goSubmit(user);
    await waitFor(() => expect(within(panel).getByRole("button", { name: "Kiểm tra và gửi" })).toBeDisabled());
    await user.click(screen.getByRole("tab", { name: /Nhập liệu/ }));
    panel = screen.getByRole("tabpanel");
    expect(within(panel).getByText(/Báo cáo đã được chấp nhận và khóa/)).toBeInTheDocument();
    expect(screen.getByLabelText(/^S02 · Giá trị/)).toHaveAttribute("readonly");
  });

  it("sends what waits in the workbook's queue from an earlier session when the pane opens", async () => {
    const workbook = new FakeWorkbook();
    workbook.queue = [
      {
        submissionId: "22222222-2222-4222-8222-222222222222",
        supersedes: null,
        unitCode: "00004",
        period: "2026-Q1",
        body: {
          submissionId: "22222222-2222-4222-8222-222222222222",
          supersedes: null,
          unitCode: "00004",
          period: "2026-Q1",
          catalogVersion: defaultCatalog().version,
          locale: "vi",
          entries: cleanEntries(),
          dryRun: false,
        },
        queuedAt: "2026-03-30T01:00:00Z",
        attempts: 3,
        lastError: "unreachable",
      },
    ];
    const { api } = await setupSeeded(cleanEntries(), { workbook });
    await waitFor(() => expect(workbook.queue).toHaveLength(0));
    expect(api.stored.map((s) => s.body.submissionId)).toEqual(["22222222-2222-4222-8222-222222222222"]);
  });
});
