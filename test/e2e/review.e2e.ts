/**
 * The review loop in the panes (issue 18), in Debian's chromium against the real endpoint: the clerk submits with a
 * narrative; the planner sees the report on the board, its narrative, and returns it with a comment; the clerk sees
 * the banner, fixes the figure and a narrative part and resubmits; the planner sees both in the diff and accepts; the
 * clerk sees it locked — in a new workbook too. axe-core on every new screen; screenshots at 350 px for the README.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { defaultCatalog, defaultUnitRegistry, parsePeriod, reportTargets, type Target } from "../../src/domain";
import {
  chooseQuarter,
  cleanFigures,
  connectPane,
  issuePlannerToken,
  issueToken,
  newPage,
  run,
  startSuite,
  test,
} from "./harness";
import { fieldLabel } from "./pane";

const UNIT = "00004";
const catalog = defaultCatalog();
const unit = defaultUnitRegistry().byCode(UNIT)!;
let clerkToken = "";
let plannerToken = "";
let periodId = "";
let named: Target;
let fixedValue = "";
const RESULTS_TEXT = "Thu ngân sách quý đạt 95% kế hoạch.";
const SHORTCOMINGS = ["Giải ngân vốn đầu tư công chậm.", "Giải ngân chậm do vướng giải phóng mặt bằng ở hai dự án."];
const suite = startSuite("review", {
  screens: ["review-board.png", "review-detail.png", "review-returned.png", "review-accepted.png"],
  dbName: "review.sqlite",
  title: "starts the endpoint and the browser; issues a unit and a planner token",
  ready: (s) => {
    clerkToken = issueToken(s.db, UNIT);
    plannerToken = issuePlannerToken(s.db);
  },
});

async function connect(page: Page, token: string): Promise<void> {
  await connectPane(page, suite.endpoint.url, token);
}

async function openPeriod(page: Page): Promise<void> {
  await page.getByLabel("Chọn kỳ báo cáo").selectOption(periodId);
  await page.getByRole("button", { name: "Mở mẫu báo cáo trong sổ" }).click();
  await page.getByRole("tablist").first().waitFor();
}

/** Types a narrative part on the Thuyết minh tab; it is written into the workbook when the field loses focus. */
async function writeNarrative(page: Page, part: string, text: string): Promise<void> {
  await page.getByRole("tab", { name: /^Thuyết minh$/ }).click();
  const area = page.getByLabel(part, { exact: true });
  await area.fill(text);
  await area.blur();
  await page.getByText(/Đã ghi vào sổ\./).waitFor();
}

async function errorText(page: Page): Promise<string> {
  return (await page.getByTestId("error-count").textContent()) ?? "";
}

async function openOnBoard(page: Page): Promise<void> {
  await page.getByTestId(`board-row-${UNIT}`).getByRole("button").click();
  await page.getByTestId("board-detail").waitFor();
  await page.getByTestId("board-history").waitFor();
}

async function confirm(page: Page, action: string, text: string | null): Promise<void> {
  await page.getByTestId("board-detail").getByRole("button", { name: action, exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.waitFor();
  if (text !== null) await dialog.getByRole("textbox").fill(text);
  await suite.audits.audit(page, `planner: confirm ${action}`);
  await dialog.getByRole("button", { name: action, exact: true }).click();
  await dialog.waitFor({ state: "hidden" });
}

test("the clerk submits, the planner returns it with a comment, the clerk fixes and resubmits, the planner accepts", async () => {
  const clerk = await newPage(suite.browser, 350, 900);
  const planner = await newPage(suite.browser, 350, 900);
  try {
    // 1. the clerk fills a quarter's report and submits it
    const c = clerk.page;
    await connect(c, clerkToken);
    periodId = await chooseQuarter(c);
    await openPeriod(c);
    const targets = reportTargets(catalog, unit, parsePeriod(periodId)!);
    for (const target of targets)
      for (const [field, typed] of Object.entries(cleanFigures(target, periodId)))
        await c.getByLabel(fieldLabel(target.id, field)).fill(typed);
    await c.getByText("Không có lỗi chặn gửi").waitFor();
    named =
      targets.find(
        (t) =>
          t.aggregation !== "ratio_of_sums" && t.measure === "count" && t.direction !== "<=" && t.direction !== "<",
      ) ??
      targets.find(
        (t) =>
          t.aggregation !== "ratio_of_sums" && t.measure !== "milestone" && t.direction !== "<=" && t.direction !== "<",
      )!;
    assert.ok(named, "a single-figure target to discuss");
    await writeNarrative(c, "Kết quả nổi bật", RESULTS_TEXT);
    await writeNarrative(c, "Tồn tại, hạn chế và nguyên nhân", SHORTCOMINGS[0]);
    await c.getByRole("tab", { name: /^Gửi$/ }).click();
    await c.getByRole("button", { name: "Kiểm tra và gửi" }).click();
    await c.getByText("Biên nhận", { exact: true }).waitFor();

    // 2. the planner sees it on the board
    const p = planner.page;
    await connect(p, plannerToken);
    await p.getByRole("tab", { name: "Theo dõi báo cáo" }).waitFor();
    await p.getByTestId("board").getByLabel("Kỳ báo cáo").selectOption(periodId);
    const row = p.getByTestId(`board-row-${UNIT}`);
    await row.waitFor();
    assert.match((await row.textContent()) ?? "", /Gửi (đúng hạn|muộn)/);
    assert.match((await p.getByTestId("board-counts").textContent()) ?? "", /Chưa gửi: \d+/);
    // the picture shows the count filter at work: the units that sent, waiting for review
    const sentCount = p.getByTestId("board-counts").getByRole("button", { name: /^Gửi (đúng hạn|muộn): [1-9]/ });
    await sentCount.first().click();
    await p.screenshot({ path: suite.screens.path("review-board.png") });
    await suite.audits.audit(p, "planner: board filtered");
    await sentCount.first().click();
    await suite.audits.audit(p, "planner: board");

    // 3. the planner opens it (figures, narrative) and returns it with a comment naming the figure
    await openOnBoard(p);
    const narrative = (await p.getByTestId("board-narrative").textContent()) ?? "";
    assert.ok(narrative.includes(`Kết quả nổi bật${RESULTS_TEXT}`), `the narrative is shown: ${narrative}`);
    assert.ok(narrative.includes(`Tồn tại, hạn chế và nguyên nhân${SHORTCOMINGS[0]}`));
    await suite.audits.audit(p, "planner: report");
    const comment = `${named.id}: số liệu chưa khớp với báo cáo tháng, đề nghị kiểm tra lại.`;
    await confirm(p, "Trả lại", comment);
    await p.getByText(/Đã trả lại báo cáo của/).waitFor();

    // 4. the clerk sees the banner (on every tab), fixes the figure and a narrative part, and resubmits
    await c.reload();
    const banner = c.getByTestId("review-banner");
    await banner.waitFor();
    assert.match((await banner.textContent()) ?? "", /Báo cáo bị trả lại/);
    assert.ok(((await banner.textContent()) ?? "").includes(comment));
    assert.ok(((await banner.textContent()) ?? "").includes(`${named.id}: `), "the named figure is listed");
    await c.getByRole("tab", { name: /^Vấn đề/ }).click();
    await banner.waitFor();
    // the banner and the status line in view (the reminders and the period picker are above)
    await c
      .getByTestId("status-summary")
      .evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 8));
    await c.screenshot({ path: suite.screens.path("review-returned.png") });
    await suite.audits.audit(c, "clerk: returned banner");
    await c.getByRole("tab", { name: /^Nhập liệu$/ }).click();
    const input = c.getByLabel(fieldLabel(named.id, "value"));
    fixedValue = String(Number(cleanFigures(named, periodId).value) + 1);
    await input.fill(fixedValue);
    await writeNarrative(c, "Tồn tại, hạn chế và nguyên nhân", SHORTCOMINGS[1]);
    await c.getByRole("tab", { name: /^Gửi$/ }).click();
    await c.getByText(/Số liệu đã thay đổi sau lần gửi trước/).waitFor();
    await c.getByRole("button", { name: "Gửi lại (bản sửa mới)" }).click();
    // the report goes from "returned" to "sent" once revision 2 is stored
    await c.waitForFunction(
      () => /Đã gửi/.test(document.querySelector("[role=tabpanel] [role=status]")?.textContent ?? ""),
      null,
      { timeout: 20_000 },
    );
    const state = await suite.endpoint.json<{ revisions: number }>(`/api/v1/reports/${UNIT}/${periodId}`, clerkToken);
    assert.equal(state.revisions, 2);

    // 5. the planner sees the diff against the previous revision (the figure and the narrative part) and accepts
    await p.getByRole("button", { name: "← Quay lại bảng theo dõi" }).click();
    await p.getByTestId(`board-row-${UNIT}`).waitFor();
    await openOnBoard(p);
    const diff = p.getByTestId("board-diff");
    await diff.getByText(new RegExp(`^${named.id}: .* → `)).waitFor();
    assert.ok(((await diff.textContent()) ?? "").includes("So với"), "the diff names the revision it compares with");
    const changed = diff.getByTestId("board-diff-narrative");
    await changed.getByText(`Trước: ${SHORTCOMINGS[0]}`).waitFor();
    await changed.getByText(`Nay: ${SHORTCOMINGS[1]}`).waitFor();
    assert.ok(((await changed.textContent()) ?? "").includes("Tồn tại, hạn chế và nguyên nhân"));
    assert.ok(!((await changed.textContent()) ?? "").includes("Kết quả nổi bật"), "only the part that changed");
    await diff.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 8));
    await p.screenshot({ path: suite.screens.path("review-detail.png") });
    await suite.audits.audit(p, "planner: diff");
    await confirm(p, "Chấp nhận", "Đạt yêu cầu.");
    await p.getByText(/Đã chấp nhận và khóa báo cáo của/).waitFor();

    // 6. the clerk sees it locked
    await c.reload();
    await c.getByTestId("review-banner").getByText("Đã chấp nhận — báo cáo đã khóa").waitFor();
    assert.match((await c.getByTestId("review-banner").textContent()) ?? "", /Ý kiến khi chấp nhận: Đạt yêu cầu\./);
    assert.equal(await errorText(c), "Đã chấp nhận — chỉ xem");
    assert.equal(await c.getByLabel(fieldLabel(named.id, "value")).getAttribute("readonly"), "");
    const option = c.getByLabel("Chọn kỳ báo cáo").locator(`option[value="${periodId}"]`);
    await c.waitForFunction(
      (id) => /đã chấp nhận, khóa/.test(document.querySelector(`option[value="${id}"]`)?.textContent ?? ""),
      periodId,
    );
    assert.doesNotMatch((await option.textContent()) ?? "", /đang mở/i);
    // the banner and the status line in view (the reminders and the period picker are above)
    await c
      .getByTestId("status-summary")
      .evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 8));
    await c.screenshot({ path: suite.screens.path("review-accepted.png") });
    await suite.audits.audit(c, "clerk: accepted");
  } finally {
    await clerk.context.close();
    await planner.context.close();
  }
});

test("the clerk opens the accepted report in a new workbook: the stored figures, read only, no blocking errors", async () => {
  const { context, page } = await newPage(suite.browser, 350, 900);
  try {
    await connect(page, clerkToken);
    await openPeriod(page);
    await page.getByText(/Đã nạp số liệu bản 2 đã được chấp nhận từ máy chủ/).waitFor();
    assert.equal(await errorText(page), "Đã chấp nhận — chỉ xem");
    const input = page.getByLabel(fieldLabel(named.id, "value"));
    // the form shows Vietnamese digit grouping (18.001)
    assert.equal((await input.inputValue()).replace(/\./g, ""), fixedValue);
    assert.equal(await input.getAttribute("readonly"), "");
    await page.getByRole("tab", { name: /^Gửi$/ }).click();
    assert.match((await page.getByRole("tabpanel").getByRole("status").textContent()) ?? "", /Đã chấp nhận/);
    assert.equal(await page.getByText(/Số liệu đã thay đổi/).count(), 0);
  } finally {
    await context.close();
  }
});

suite.audits.test(6);

suite.screens.test("the screenshots for the README were taken");

void run("review");
