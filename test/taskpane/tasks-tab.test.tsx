import "./matchers";
import { act, screen, waitFor, within } from "@testing-library/react";
import { DEMO_TASKS, type Task, type ValidationIssue } from "../../src/domain";
import { taskSheetOfSpec } from "../../src/workbook/task-sheet-read";
import type { TemplateSpec } from "../../src/workbook/template";
import { FakeApi, WARD } from "./fakes";
import { cleanEntries, setupSeeded } from "./setup";

// two of the trainers' demo tasks, led by the ward for the test: T1 is due 2026-02 (past by the end of 2026-Q1)
const mine = (t: Task): Task => ({ ...t, status: "official", leadUnitCode: WARD.code, coUnitCodes: [] });
const T1 = mine(DEMO_TASKS[0] as Task);
const T2 = mine(DEMO_TASKS[1] as Task);

async function openTasks(api = new FakeApi()) {
  api.tasksValue = [T1, T2];
  const ctx = await setupSeeded(cleanEntries(), { api });
  await ctx.user.click(await screen.findByRole("tab", { name: /^Nhiệm vụ/ }));
  await screen.findByTestId(`task-${T1.id}`);
  return ctx;
}

const panel = () => screen.getByRole("tabpanel");
const field = (id: string, label: string) => within(panel()).getByLabelText(`${id} · ${label}`);

// a whole pane per test, on a machine shared with other builds: more than the suite's 30 s
jest.setTimeout(150_000);

describe("the Tasks tab", () => {
  it("lists the unit's tasks from the endpoint, checks them live, writes them to the sheet and sends them", async () => {
    const { user, api, workbook } = await openTasks();
    expect(api.tasks).toHaveBeenCalledWith(expect.anything(), WARD.code, "2026-Q1");
    expect(screen.getByRole("tab", { name: /^Nhiệm vụ/ })).toHaveTextContent("Nhiệm vụ (2)");
    expect(screen.getByRole("tab", { name: /^Nhiệm vụ/ })).toHaveAttribute("data-tour", "tasks");
    expect(within(panel()).getByTestId(`task-${T1.id}`)).toHaveTextContent(/quá hạn khi kết thúc kỳ/);

    // "done" without a product or a date: two errors, and the report cannot be sent
    await user.selectOptions(field(T1.id, "Trạng thái"), "done");
    await user.selectOptions(field(T2.id, "Trạng thái"), "on_track");
    expect(await within(panel()).findByText(/ghi "Hoàn thành" nhưng chưa có sản phẩm/)).toBeInTheDocument();
    await user.click(screen.getByRole("tab", { name: /^Gửi$/ }));
    expect(within(panel()).getByText(/tiến độ nhiệm vụ còn 2 lỗi/)).toBeInTheDocument();
    expect(within(panel()).getByRole("button", { name: "Kiểm tra và gửi" })).toBeDisabled();

    // fixed in the tab: a percent typed with a comma, the product, the date
    await user.click(screen.getByRole("tab", { name: /^Nhiệm vụ/ }));
    await user.type(field(T1.id, "Tiến độ (%)"), "99,5");
    await user.type(field(T1.id, "Sản phẩm đã có"), "Vỉa hè 1,2 km đã nghiệm thu");
    await user.type(field(T1.id, "Ngày hoàn thành"), "27/02/2026");
    await user.tab();
    expect(await within(panel()).findByText("2 nhiệm vụ · không có lỗi")).toBeInTheDocument();
    await waitFor(() =>
      expect(taskSheetOfSpec(workbook.spec as TemplateSpec).progress).toEqual([
        expect.objectContaining({ taskId: T1.id, state: "done", percent: 99.5, completedOn: "2026-02-27" }),
        expect.objectContaining({ taskId: T2.id, state: "on_track" }),
      ]),
    );

    // typed in the sheet: the tab follows
    act(() => workbook.typeTask([{ taskId: T2.id, field: "percent", raw: 45 }]));
    await waitFor(() => expect(field(T2.id, "Tiến độ (%)")).toHaveValue("45"));

    await user.click(screen.getByRole("tab", { name: /^Gửi$/ }));
    await user.click(within(panel()).getByRole("button", { name: "Kiểm tra và gửi" }));
    await within(panel()).findByText("Biên nhận");
    expect(api.stored[0]?.body.tasks).toEqual([
      expect.objectContaining({
        taskId: T1.id,
        state: "done",
        percent: 99.5,
        productDelivered: "Vỉa hè 1,2 km đã nghiệm thu",
      }),
      expect.objectContaining({ taskId: T2.id, state: "on_track", percent: 45 }),
    ]);
  });

  it("shows the endpoint's refusal (CT_TASK_PROGRESS_INVALID) on the Tasks tab, by task", async () => {
    const api = new FakeApi();
    const { user } = await openTasks(api);
    await user.selectOptions(field(T2.id, "Trạng thái"), "on_track");
    await user.selectOptions(field(T1.id, "Trạng thái"), "late");
    await user.type(field(T1.id, "Lý do chậm"), "Chờ bàn giao mặt bằng từ đơn vị thi công.");
    await user.tab();
    const refused: ValidationIssue = {
      code: "late_without_justification",
      ruleId: "task.late_without_justification",
      targetId: null,
      unitCode: WARD.code,
      period: "2026-Q1",
      path: ["body", "tasks", 0, "justification"],
      severity: "error",
      params: { taskId: T1.id },
      message: { vi: "Nhiệm vụ DEMO-T1 cần lý do chậm (máy chủ).", en: "Task DEMO-T1 needs a reason (endpoint)." },
    } as unknown as ValidationIssue;
    api.verdictOverride = { ok: false, issues: [refused] };
    await user.click(screen.getByRole("tab", { name: /^Gửi$/ }));
    await user.click(within(panel()).getByRole("button", { name: "Kiểm tra và gửi" }));
    await within(panel()).findByText("Máy chủ chưa nhận báo cáo. Sửa các vấn đề dưới đây rồi gửi lại.");
    await user.click(screen.getByRole("tab", { name: /^Nhiệm vụ/ }));
    const box = await screen.findByTestId("tasks-refused");
    expect(box).toHaveTextContent("Nhiệm vụ DEMO-T1 cần lý do chậm (máy chủ).");
    expect(api.stored).toHaveLength(0);
  });
});
