/**
 * A whole class in Debian's chromium against a real `chitieu serve` (issue 20): the demo planner fills the classroom;
 * a clerk follows the clerk's tour to a submission; the planner follows the planner's tour to a consolidation that
 * holds the clerk's demo report; the planner resets the classroom; the clerk takes the tour again in the same workbook
 * and submits without a 409. Each coach mark is checked to point at its control and to move on by itself; axe-core at
 * 350 px; screenshots of tour steps into docs/screens/tour-<step id>.png (the handouts embed them).
 */
import assert from "node:assert/strict";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import {
  DEMO_OFF_TRACK,
  defaultCatalog,
  defaultUnitRegistry,
  generateDemoEntries,
  parsePeriod,
  reportTargets,
  targetForPeriod,
  type Target,
} from "../../src/domain";
import { issuePlannerToken, issueToken, newPage, run, startSuite, test } from "./harness";
import { cleanFigures, connectPane, fieldLabel } from "./pane";

const UNIT = "DEMO-01";
const catalog = defaultCatalog();
const unit = defaultUnitRegistry().byCode(UNIT)!;
let clerkToken = "";
let plannerToken = "";
let periodId = "";
let clerk: { page: Page; close: () => Promise<void> };
let planner: { page: Page; close: () => Promise<void> };
const suite = startSuite("classroom", {
  screens: [
    "tour-clerk-period.png",
    "tour-clerk-type.png",
    "tour-clerk-fix.png",
    "tour-clerk-justify.png",
    "tour-clerk-task.png",
    "tour-clerk-submit.png",
    "tour-planner-open.png",
    "tour-planner-return.png",
    "tour-planner-consolidate.png",
    "tour-planner-scorecard.png",
  ],
  dbName: "classroom.sqlite",
  title: "starts the endpoint and the browser; issues a demo unit's and the demo planner's token",
  ready: (s) => {
    clerkToken = issueToken(s.db, UNIT);
    plannerToken = issuePlannerToken(s.db, { demo: true });
  },
});
const { dir } = suite;

async function open350(): Promise<{ page: Page; close: () => Promise<void> }> {
  const { context, page } = await newPage(suite.browser, 350, 900);
  return { page, close: () => context.close() };
}

/** The tour shows `step`; with `anchored`, as a coach mark beside its control (not the card for a missing control). */
async function atStep(page: Page, step: string, anchored = true): Promise<void> {
  const mark = page.locator(`[data-testid="tour"][data-step="${step}"]`);
  await mark.waitFor({ timeout: 20_000 });
  if (anchored) {
    const note = await page.getByTestId("tour-note").count();
    if (note > 0) await page.screenshot({ path: path.join(dir, `missing-${step}.png`), fullPage: true });
    assert.equal(note, 0, `${step}: its control is on the pane (see ${dir}/missing-${step}.png)`);
    const box = await mark.boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 350, `${step}: the coach mark fits the 350 px pane`);
  }
}

async function shoot(page: Page, step: string): Promise<void> {
  const mark = page.locator(`[data-testid="tour"][data-step="${step}"]`);
  await mark.scrollIntoViewIfNeeded();
  await page.screenshot({ path: suite.screens.path(`tour-${step}.png`) });
  // on the consolidation tab, its (closed) Fluent Dialog has tabster put aria-hidden focusable sentinels on <body>
  // (known before the tour: components/board/PlannerModes.tsx): there the pane itself is audited
  const pane = step === "planner-consolidate" || step === "planner-scorecard" ? "main" : undefined;
  await suite.audits.audit(page, `tour ${step}`, pane);
}

/** Single-figure targets with a value to reach this period: 0 is off target, one more than the target is not. */
function atLeastTargets(): Target[] {
  return reportTargets(catalog, unit, parsePeriod(periodId)!).filter(
    (t) =>
      t.aggregation !== "ratio_of_sums" &&
      t.measure !== "milestone" &&
      (t.direction === ">=" || t.direction === ">") &&
      targetForPeriod(t, parsePeriod(periodId)!).kind === "value",
  );
}

test("the demo planner fills the classroom from the pane", async () => {
  planner = await open350();
  const p = planner.page;
  await connectPane(p, suite.endpoint.url, plannerToken);
  const banner = p.getByTestId("demo-banner");
  await banner.getByRole("button", { name: "Điền lớp tập huấn" }).click();
  await banner.getByText(/Lớp tập huấn đã sẵn sàng: \d+ đơn vị trình diễn/).waitFor({ timeout: 60_000 });
  // the clerk's quarter: one the classroom left open for DEMO-01 (missing, else not accepted)
  await p.getByTestId("board").waitFor();
  const quarters = await p
    .getByTestId("board")
    .getByLabel("Kỳ báo cáo")
    .locator("option")
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter((v) => /^\d{4}-Q\d$/.test(v)));
  const states = await Promise.all(
    quarters.map(async (q) => ({
      q,
      res: await suite.endpoint.request(`/api/v1/reports/${UNIT}/${q}`, { token: clerkToken }),
    })),
  );
  const missing = states.find((s) => s.res.status === 404);
  const open = states.find((s) => s.res.ok && !(JSON.parse(s.res.text) as { locked: boolean }).locked);
  periodId = (missing ?? open)?.q ?? "";
  assert.ok(periodId, `a quarter DEMO-01 can report (${quarters.join(", ")})`);
});

test("the clerk's tour: each coach mark moves on when the clerk does the step, to a submission", async () => {
  clerk = await open350();
  const c = clerk.page;
  await connectPane(c, suite.endpoint.url, clerkToken);
  await c.getByTestId("demo-banner").getByRole("button", { name: "Hướng dẫn cho cán bộ nhập liệu" }).click();
  // connected already: the tour starts at the period
  await atStep(c, "clerk-period");
  await shoot(c, "clerk-period");
  await c.getByLabel("Chọn kỳ báo cáo").selectOption(periodId);
  await c.getByRole("button", { name: "Mở mẫu báo cáo trong sổ" }).click();
  await atStep(c, "clerk-type");
  await shoot(c, "clerk-type");

  // type: a clean report, target by target
  const targets = reportTargets(catalog, unit, parsePeriod(periodId)!);
  for (const target of targets)
    for (const [field, typed] of Object.entries(cleanFigures(target, periodId)))
      await c.getByLabel(fieldLabel(target.id, field)).fill(typed);
  await atStep(c, "clerk-error");

  // an error: a numerator above its denominator, then the Issues tab
  const ratio = targets.find((t) => t.aggregation === "ratio_of_sums" && t.measure === "percent")!;
  await c.getByLabel(fieldLabel(ratio.id, "numerator")).fill("300");
  await c.getByRole("tab", { name: /^Vấn đề/ }).click();
  await atStep(c, "clerk-fix");
  await shoot(c, "clerk-fix");

  // fix it
  await c.getByRole("tab", { name: /^Nhập liệu$/ }).click();
  await c.getByLabel(fieldLabel(ratio.id, "numerator")).fill("100");
  await atStep(c, "clerk-justify", false);

  // an off-target figure asks for a justification, typed under its warning: the training sample's off-track rates
  const sample = generateDemoEntries(catalog, unit, parsePeriod(periodId)!, targets);
  for (const e of sample.filter((x) => (DEMO_OFF_TRACK as readonly string[]).includes(x.targetId)))
    for (const field of ["numerator", "denominator", "value"] as const)
      if (e[field] !== undefined && e[field] !== null)
        await c.getByLabel(fieldLabel(e.targetId, field)).fill(String(e[field]).replace(".", ","));
  await c.getByRole("tab", { name: /^Vấn đề/ }).click();
  await atStep(c, "clerk-justify");
  await shoot(c, "clerk-justify");
  // every warning justified (the coach mark points at the first box)
  const boxes = c.getByRole("tabpanel").locator("textarea");
  for (let i = 0; i < (await boxes.count()); i++) {
    await boxes.nth(i).fill("Số liệu quý này thấp do thiên tai kéo dài.");
    await boxes.nth(i).blur();
  }
  await atStep(c, "clerk-not-applicable", false);

  // not applicable, with its reason
  await c.getByRole("tab", { name: /^Nhập liệu$/ }).click();
  await atStep(c, "clerk-not-applicable");
  const na = c.locator('[data-tour="not-applicable"]');
  const naTarget = await na.evaluate((el) => el.getAttribute("data-na"));
  await na.check();
  await atStep(c, "clerk-task", false);
  await c.getByLabel(new RegExp(`^${naTarget} · Lý do không áp dụng`)).fill("Đơn vị không có cơ sở thuộc loại này.");

  // a task: DEMO-01 leads or co-owns the register's demo tasks; giving one a state moves the tour on, and each is
  // reported done with its product and completion date (a task with no state, or late without a reason, blocks)
  await c.getByRole("tab", { name: /^Nhiệm vụ/ }).click();
  await atStep(c, "clerk-task");
  await shoot(c, "clerk-task");
  const rows = c.getByRole("tabpanel").locator('[data-testid^="task-"]');
  await rows.first().waitFor();
  const ids = (await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-testid") ?? ""))).map((t) =>
    t.slice("task-".length),
  );
  const count = ids.length;
  assert.ok(count > 0, "DEMO-01 has demo tasks");
  const [y, m, d] = parsePeriod(periodId)!.start.split("-");
  for (let i = 0; i < count; i++) {
    const id = ids[i]!;
    const field = (label: string) => c.getByLabel(`${id} · ${label}`, { exact: true });
    await field("Trạng thái").selectOption("done");
    if (i === 0) await atStep(c, "clerk-submit", false);
    await field("Sản phẩm đã có").fill("Báo cáo kết quả (trình diễn)");
    await field("Ngày hoàn thành").fill(`${d}/${m}/${y}`);
    await field("Ngày hoàn thành").blur();
  }
  await c
    .getByTestId("tasks-summary")
    .getByText(/không có lỗi/)
    .waitFor();
  await atStep(c, "clerk-submit");
  await shoot(c, "clerk-submit");
  await c.getByText("Không có lỗi chặn gửi").waitFor();
  await c.getByRole("tab", { name: /^Gửi$/ }).click();
  await c.getByRole("button", { name: "Kiểm tra và gửi" }).click();
  await c.getByText("Biên nhận", { exact: true }).waitFor();
  await c.getByText("Đã xong hướng dẫn").waitFor();
  const state = await suite.endpoint.json<{ revisions: number }>(`/api/v1/reports/${UNIT}/${periodId}`, clerkToken);
  assert.ok(state.revisions >= 1);
});

test("the planner's tour: open, return, accept, consolidate — the demo submission is in the consolidation", async () => {
  const p = planner.page;
  await p.getByTestId("board").getByLabel("Kỳ báo cáo").selectOption(periodId);
  await p.getByTestId("board").getByRole("button", { name: "Tải lại" }).click();
  await p
    .getByTestId(`board-row-${UNIT}`)
    .getByText(/Gửi (đúng hạn|muộn)/)
    .waitFor();
  await p.getByTestId("demo-banner").getByRole("button", { name: "Hướng dẫn cho cán bộ tổng hợp" }).click();
  // the board is on the pane already: the tour starts at opening a report
  await atStep(p, "planner-open");
  await shoot(p, "planner-open");
  await p.getByTestId(`board-row-${UNIT}`).getByRole("button").click();
  await atStep(p, "planner-return");
  await p.getByTestId("board-history").waitFor();
  await shoot(p, "planner-return");
  const act = async (action: string, text: string) => {
    await p.getByTestId("board-detail").getByRole("button", { name: action, exact: true }).click();
    const dialog = p.getByRole("dialog");
    await dialog.getByRole("textbox").fill(text);
    await dialog.getByRole("button", { name: action, exact: true }).click();
    await dialog.waitFor({ state: "hidden" });
  };
  await act("Trả lại", "Đề nghị kiểm tra lại chỉ tiêu tỷ lệ trước khi gửi lại.");
  await atStep(p, "planner-accept");
  await act("Chấp nhận", "Đạt yêu cầu.");
  await atStep(p, "planner-consolidate");
  await p.getByRole("tab", { name: "Tổng hợp" }).click();
  await atStep(p, "planner-consolidate");
  await shoot(p, "planner-consolidate");
  const download = p.waitForEvent("download", { timeout: 60_000 });
  await p.getByRole("button", { name: "Tổng hợp từ máy chủ và ghi vào sổ" }).click();
  const file = path.join(dir, "tong-hop.xlsx");
  await (await download).saveAs(file);
  await atStep(p, "planner-scorecard");
  await shoot(p, "planner-scorecard");
  await p.locator('[data-tour="scorecard"]').click();
  await p.getByText("Đã xong hướng dẫn").waitFor();

  // the consolidation holds the clerk's demo report (and no real unit: the demo planner sees the classroom only)
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const cells: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text)))));
  assert.ok(
    cells.some((t) => t.includes(UNIT)),
    "DEMO-01 is named in the consolidation",
  );
  assert.ok(!cells.some((t) => /\b0000[0-9]\b/.test(t)), "no real unit code in the demo consolidation");
});

test("the planner resets the classroom; the clerk takes the tour again in the same workbook and submits without a 409", async () => {
  const p = planner.page;
  await p.getByTestId("demo-banner").getByRole("button", { name: "Đặt lại lớp tập huấn" }).click();
  await p
    .getByTestId("demo-banner")
    .getByText(/Đã xoá \d+ lần gửi/)
    .waitFor({ timeout: 60_000 });
  const gone = await suite.endpoint.request(`/api/v1/reports/${UNIT}/${periodId}`, { token: clerkToken });
  assert.equal(gone.status, 404, "the demo report is gone");

  const c = clerk.page;
  await c.reload();
  await c.getByText(/Đã kết nối: /).waitFor();
  await c.getByRole("tablist").first().waitFor();
  await c.getByTestId("demo-banner").getByRole("button", { name: "Hướng dẫn cho cán bộ nhập liệu" }).click();
  await atStep(c, "clerk-type");
  const all = atLeastTargets();
  const target = all[all.length - 1];
  assert.ok(all.length > 1, "a second target to change");
  const input = c.getByLabel(fieldLabel(target.id, "value"));
  const before = await input.inputValue();
  await input.fill(String(Number(before.replace(/\./g, "").replace(",", ".")) + 1));
  await atStep(c, "clerk-error", false);
  // the rest of the report is as sent before the reset: skip to the submission
  while ((await c.locator('[data-testid="tour"][data-step="clerk-submit"]').count()) === 0)
    await c.getByTestId("tour").getByRole("button", { name: "Bỏ qua bước" }).click();
  await c.getByRole("tab", { name: /^Gửi$/ }).click();
  await c
    .getByRole("tabpanel")
    .getByRole("button", { name: /Kiểm tra và gửi|Gửi lại/ })
    .click();
  await c.getByText("Đã xong hướng dẫn").waitFor({ timeout: 30_000 });
  assert.equal(await c.getByText(/bản mới hơn|409/).count(), 0, "no 409 after the reset");
  const state = await suite.endpoint.json<{ revisions: number }>(`/api/v1/reports/${UNIT}/${periodId}`, clerkToken);
  assert.equal(state.revisions, 1, "a fresh revision chain");
});

suite.audits.test(6, "axe-core finds no serious or critical violation on the tour's steps");
suite.screens.test("the tour's screenshots for the handouts were taken");

void run("classroom");
