/**
 * Issue #14 in a real browser (Debian's chromium) against the real endpoint on SQLite: a planner, at 350 px, opens the
 * applicability editor in planner mode, finds ward 00004 and sets S09 not applicable from 2026-01; the ward's clerk
 * then opens a quarter's report and S09 is in neither the form nor the template, while S01 is there with its
 * "not applicable" control. axe-core audits the editor.
 */
import assert from "node:assert/strict";
import path from "node:path";
import { PREVIEW_STORAGE_KEY } from "../../src/workbook/preview/preview-workbook";
import {
  RESULTS,
  chooseQuarter,
  connectPane,
  issuePlannerToken,
  issueToken,
  newPage,
  run,
  seriousViolations,
  formatViolations,
  startSuite,
  test,
} from "./harness";

const suite = startSuite("applic");

test("a planner sets S09 not applicable for ward 00004 from the pane, at 350 px and by keyboard", async () => {
  const { context, page } = await newPage(suite.browser, 350, 900);
  try {
    await connectPane(page, suite.endpoint.url, issuePlannerToken(suite.db));
    // planner mode opens on the review board (issue 18); the editor is on the consolidation tab
    await page.getByRole("tab", { name: "Tổng hợp" }).click();
    await page.getByRole("button", { name: "Đơn vị báo cáo chỉ tiêu nào" }).click();
    const search = page.getByRole("searchbox", { name: /Tìm đơn vị/ });
    await search.fill("ba dinh");
    await search.press("Tab");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: /00004 · Phường Ba Đình — kỳ/ }).waitFor();
    const s09 = page.locator('li[data-target="S09"]').getByRole("combobox");
    assert.equal(await s09.inputValue(), "applies");
    await s09.selectOption("not_applicable");
    await page.getByRole("textbox", { name: /Áp dụng thay đổi từ kỳ/ }).fill("2026-01");
    await page.getByRole("textbox", { name: "Ghi chú (lý do)" }).fill("Phường không có trạm y tế");
    await page.getByRole("button", { name: "Lưu 1 thay đổi" }).click();
    await page.getByText("Đã lưu 1 lựa chọn, áp dụng từ kỳ 2026-01.").waitFor();
    await page
      .locator('li[data-target="S09"]')
      .getByText(/do cán bộ tổng hợp chọn từ kỳ 2026-01/)
      .waitFor();
    // nothing of the editor reaches past the pane's 350 px (no sideways scrolling)
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll(".ct-ApplicabilityEditor *")]
        .filter((e) => e.getBoundingClientRect().right > 351)
        .slice(0, 5)
        .map(
          (e) =>
            `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}: ${e.textContent?.slice(0, 40)}`,
        ),
    );
    assert.deepEqual(wide, [], "the editor fits 350 px");
    await page.screenshot({ path: path.join(RESULTS, "applicability-350.png"), fullPage: false });
    const found = await seriousViolations(page, ".ct-ApplicabilityEditor");
    assert.equal(found.length, 0, formatViolations(found));
  } finally {
    await context.close();
  }
});

test("the ward's clerk no longer sees S09, in the form or in the template", async () => {
  const { context, page } = await newPage(suite.browser, 1280, 900);
  try {
    await connectPane(page, suite.endpoint.url, issueToken(suite.db, "00004"));
    await chooseQuarter(page);
    await page.getByRole("button", { name: "Mở mẫu báo cáo trong sổ" }).click();
    await page.getByRole("tablist").waitFor();
    const ids = (await page.getByRole("heading", { level: 4 }).allTextContents()).map((t) => t.split(" · ")[0]);
    assert.ok(ids.includes("S01"), `S01 is asked (${ids.join(", ")})`);
    assert.ok(!ids.includes("S09"), `S09 is not in the form (${ids.join(", ")})`);
    // the preview workbook's entry sheet, built from the same template, has no S09 row either
    const rows = await page.evaluate((key) => {
      const doc = JSON.parse(localStorage.getItem(key) ?? "{}") as { spec?: { entry: { rows: object } } };
      return Object.keys(doc.spec?.entry.rows ?? {});
    }, PREVIEW_STORAGE_KEY);
    assert.ok(rows.includes("S01") && !rows.includes("S09"), `the template has S01 and no S09 (${rows.join(", ")})`);
    await page.getByRole("checkbox", { name: "S01 · Không áp dụng cho đơn vị" }).waitFor();
  } finally {
    await context.close();
  }
});

void run("applicability");
