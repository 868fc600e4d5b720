/**
 * Key tasks in the panes (issue 19), in Debian's chromium against the real endpoint: the clerk of a unit that leads a
 * key task and has no figure due (BQL-DD, the starter register's KT011) opens the period, reports the task on the
 * Tasks tab — "done" without a product is refused by the rule, then fixed — and submits; the endpoint stored the
 * progress; the planner opens the Tasks view and sees the task's state and product. axe-core on every new screen;
 * screenshots at 350 px.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { parsePeriod } from "../../src/domain";
import { connectPane, issuePlannerToken, issueToken, newPage, run, startSuite, test } from "./harness";

const UNIT = "BQL-DD";
const TASK = "KT011";
const PRODUCT = "Báo cáo nghiệm thu giai đoạn 1 (số 12/BC-BQL)";
let clerkToken = "";
let plannerToken = "";
let periodId = "";
const suite = startSuite("tasks", {
  screens: ["tasks-clerk.png", "tasks-board.png"],
  dbName: "tasks.sqlite",
  title: "starts the endpoint and the browser; issues the unit's and a planner's token",
  ready: (s) => {
    clerkToken = issueToken(s.db, UNIT);
    plannerToken = issuePlannerToken(s.db);
  },
});

const connect = (page: Page, token: string) => connectPane(page, suite.endpoint.url, token);
const field = (page: Page, label: string) => page.getByLabel(`${TASK} · ${label}`, { exact: true });

test("the clerk reports a task, is stopped by the rule, fixes it and submits; the planner sees it", async () => {
  const clerk = await newPage(suite.browser, 350, 900);
  const planner = await newPage(suite.browser, 350, 900);
  try {
    const c = clerk.page;
    await connect(c, clerkToken);
    const options = await c
      .getByLabel("Chọn kỳ báo cáo")
      .locator("option")
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    periodId = options.find((v) => /^2026-Q\d$/.test(v)) ?? options[0];
    const period = parsePeriod(periodId)!;
    await c.getByLabel("Chọn kỳ báo cáo").selectOption(periodId);
    await c.getByRole("button", { name: "Mở mẫu báo cáo trong sổ" }).click();
    const tab = c.locator('[data-tour="tasks"]');
    // one error once the task sheet is read: the task has no state yet
    await c.locator('[data-tour="tasks"]', { hasText: /^Nhiệm vụ \(1\)$/ }).waitFor();
    await tab.click();
    await c.getByTestId(`task-${TASK}`).waitFor();
    await suite.audits.audit(c, "clerk: tasks tab");

    // "done" without a product: the rule says so under the field and the report cannot be sent
    await field(c, "Trạng thái").selectOption("done");
    await field(c, "Tiến độ (%)").fill("100");
    await c.getByText(/ghi "Hoàn thành" nhưng chưa có sản phẩm/).waitFor();
    await c.getByRole("tab", { name: /^Gửi$/ }).click();
    await c.getByText(/tiến độ nhiệm vụ còn \d+ lỗi/).waitFor();
    assert.equal(await c.getByRole("button", { name: "Kiểm tra và gửi" }).isDisabled(), true);

    // fixed: the product, its evidence and the completion date
    await c.getByRole("tab", { name: /^Nhiệm vụ/ }).click();
    await field(c, "Sản phẩm đã có").fill(PRODUCT);
    await field(c, "Đường dẫn / số văn bản").fill("12/BC-BQL");
    const [y, m, d] = period.start.split("-");
    await field(c, "Ngày hoàn thành").fill(`${d}/${m}/${y}`);
    await field(c, "Ngày hoàn thành").blur();
    await c.getByTestId("tasks-summary").getByText("1 nhiệm vụ · không có lỗi").waitFor();
    assert.equal(await c.getByText(/chưa có sản phẩm/).count(), 0);
    await c.getByTestId(`task-${TASK}`).scrollIntoViewIfNeeded();
    await c.screenshot({ path: suite.screens.path("tasks-clerk.png") });
    await suite.audits.audit(c, "clerk: task fixed");

    await c.getByRole("tab", { name: /^Gửi$/ }).click();
    await c.getByRole("button", { name: "Kiểm tra và gửi" }).click();
    await c.getByText("Biên nhận", { exact: true }).waitFor();

    // the endpoint's board holds the task as reported
    const board = await suite.endpoint.json<{
      rows: { task: { id: string }; state: string; progress: { productDelivered: string } | null }[];
    }>(`/api/v1/tasks/board?period=${periodId}`, plannerToken);
    const row = board.rows.find((r) => r.task.id === TASK);
    assert.equal(row?.state, "done");
    assert.equal(row?.progress?.productDelivered, PRODUCT);

    // the planner's Tasks view
    const p = planner.page;
    await connect(p, plannerToken);
    await p.getByRole("tab", { name: "Nhiệm vụ", exact: true }).click();
    const view = p.getByTestId("task-board");
    await view.waitFor();
    await view.getByLabel("Kỳ của bảng nhiệm vụ").selectOption(periodId);
    const taskRow = view.getByTestId(`task-row-${TASK}`).first();
    // the row of the chosen period (the view loaded the first due period before): its product, then its state
    await taskRow.getByText(PRODUCT, { exact: false }).waitFor();
    await taskRow.getByText("Hoàn thành").waitFor();
    const shown = (await taskRow.textContent()) ?? "";
    assert.ok(shown.includes(PRODUCT), `the product delivered is shown: ${shown}`);
    await view.getByLabel("Nhóm theo").selectOption("lead");
    await view.getByTestId(`task-row-${TASK}`).first().waitFor();
    await view.getByTestId("task-list-overdue").waitFor();
    await taskRow.scrollIntoViewIfNeeded();
    await p.screenshot({ path: suite.screens.path("tasks-board.png") });
    await suite.audits.audit(p, "planner: tasks view");
  } finally {
    await clerk.context.close();
    await planner.context.close();
  }
});

suite.audits.test(3, "axe-core finds no serious or critical violation on the new screens");
suite.screens.test();

void run("tasks");
