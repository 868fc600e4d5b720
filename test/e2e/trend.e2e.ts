/**
 * Trends in the panes (issue 21), in Debian's chromium against the real endpoint: a ward's three months before the
 * open one are stored (a figure, "not applicable", and one month not sent); the clerk sees them beside the figure
 * (values, N/A and missing as words, and one sentence for a screen reader); the planner writes the trend workbook
 * from the pane — in the browser the pane's workbook is an .xlsx download — and the test reads it: XuHuong,
 * DiemNghen, DonViXuHuong, BieuDoXuHuong with its native charts, and the ward's figure in the city's row.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Page } from "playwright-core";
import {
  defaultCatalog,
  defaultUnitRegistry,
  parsePeriod,
  periodsBefore,
  reportTargets,
  type EntryInput,
  type Target,
} from "../../src/domain";
import { buildSubmission } from "../../src/workbook/submission";
import { cleanFigures, connectPane, issuePlannerToken, issueToken, newPage, run, startSuite, test } from "./harness";

const UNIT = "00004";
const FLOW = "U15"; // food-poisoning incidents: monthly, a flow, fewer is better
const catalog = defaultCatalog();
const unit = defaultUnitRegistry().byCode(UNIT)!;
let clerkToken = "";
let plannerToken = "";
let month = "";
let earlier: string[] = [];
const suite = startSuite("trend", {
  screens: ["trend-pane.png", "recent-values.png"],
  dbName: "trend.sqlite",
  title: "starts the endpoint and the browser; issues the ward's and a planner's token",
  ready: (s) => {
    clerkToken = issueToken(s.db, UNIT);
    plannerToken = issuePlannerToken(s.db);
  },
});

/** The figures of cleanFigures (harness) as numbers, for a body built here rather than typed. */
function cleanEntry(t: Target, periodId: string): EntryInput {
  const typed = Object.entries(cleanFigures(t, periodId)).map(([field, v]) => [field, Number(v)]);
  return { targetId: t.id, ...Object.fromEntries(typed) } as EntryInput;
}

/** The ward's report of a month, sent as the pane sends it (the one request builder), with U15 as given. */
async function store(periodId: string, flow: EntryInput): Promise<void> {
  const entries = reportTargets(catalog, unit, parsePeriod(periodId)!).map((t) =>
    t.id === FLOW ? flow : cleanEntry(t, periodId),
  );
  const body = buildSubmission({
    identity: { unitCode: UNIT, period: periodId, catalogVersion: catalog.version },
    entries,
    submissionId: randomUUID(),
    locale: "vi",
  });
  const res = await suite.endpoint.request("/api/v1/submissions", { method: "POST", token: clerkToken, body });
  assert.ok(res.ok, `storing ${periodId}: ${res.status} ${res.text}`);
}

function connect(page: Page, token: string): Promise<void> {
  return connectPane(page, suite.endpoint.url, token);
}

test("stores the ward's three months before an open one", async () => {
  // the month the clerk will open: the first month the endpoint offers today with three months of the term before it
  const offered = await suite.endpoint.json<{ periods: { id: string }[] }>("/api/v1/periods", clerkToken);
  month =
    offered.periods
      .map((p) => p.id)
      .find((id) => /^\d{4}-\d{2}$/.test(id) && periodsBefore(parsePeriod(id)!, 3, 2026).length === 3) ?? "";
  assert.ok(month, `a month with three earlier ones among ${offered.periods.map((p) => p.id).join(", ")}`);
  earlier = periodsBefore(parsePeriod(month)!, 3, 2026).map((p) => p.id);
  await store(earlier[0]!, { targetId: FLOW, value: 3 });
  await store(earlier[1]!, { targetId: FLOW, value: "không áp dụng", justification: "Không có cơ sở ăn uống." });
  // the third month is not sent at all
});

test("the clerk sees the ward's last three months beside the figure: 3, N/A, missing — never 0", async () => {
  const { context, page } = await newPage(suite.browser, 350, 900);
  try {
    await connect(page, clerkToken);
    await page.getByLabel("Chọn kỳ báo cáo").selectOption(month);
    await page.getByRole("button", { name: "Mở mẫu báo cáo trong sổ" }).click();
    await page.getByRole("tablist").first().waitFor();
    const recent = page.locator(`[data-recent="${FLOW}"]`);
    await recent.waitFor({ timeout: 20_000 });
    const label = (await recent.getAttribute("aria-label")) ?? "";
    const [a, b, c] = earlier.map((id) => parsePeriod(id)!);
    const vi = (p: typeof a) => `Tháng ${String(p!.index).padStart(2, "0")}/${p!.year}`;
    assert.equal(
      label,
      `${FLOW}, 3 kỳ trước của đơn vị: ${vi(a)}: 3; ${vi(b)}: không áp dụng; ${vi(c)}: chưa báo cáo.`,
    );
    const states = await recent
      .locator("[data-state]")
      .evaluateAll((els) => els.map((e) => [e.getAttribute("data-state"), e.textContent]));
    assert.deepEqual(
      states.map(([s]) => s),
      ["value", "not_applicable", "missing"],
    );
    assert.match(states[1]![1] ?? "", /N\/A$/);
    assert.match(states[2]![1] ?? "", /thiếu$/);
    // the other figures of the report carry their history too (0 where the ward sent 0, a word where it sent none)
    assert.ok((await page.locator("[data-recent]").count()) > 3, "history beside the other figures");
    await recent.evaluate((el) => el.closest("section")!.scrollIntoView({ block: "center" }));
    await page.screenshot({ path: suite.screens.path("recent-values.png") });
    await suite.audits.audit(page, "clerk: recent values");
  } finally {
    await context.close();
  }
});

test("the planner writes the trend workbook from the pane: four sheets, native charts, the ward's figure", async () => {
  const { context, page } = await newPage(suite.browser, 350, 900);
  try {
    await connect(page, plannerToken);
    await page.getByRole("tab", { name: "Tổng hợp", exact: true }).click();
    const panel = page.getByRole("region", { name: "Xu hướng theo kỳ" });
    await panel.waitFor();
    const year = parsePeriod(month)!.year;
    await panel.getByLabel("Từ kỳ").fill(`${year}-01`);
    await panel.getByLabel("Đến kỳ").fill(month);
    const download = page.waitForEvent("download", { timeout: 60_000 });
    await panel.getByRole("button", { name: "Ghi sổ xu hướng vào sổ này" }).click();
    const file = path.join(suite.dir, "trend.xlsx");
    await (await download).saveAs(file);
    const done = panel.getByText(/^Đã ghi 4 trang/);
    await done.waitFor();
    const doneText = (await done.textContent()) ?? "";
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: suite.screens.path("trend-pane.png") });
    // the trend panel itself (the consolidation tab's dialogs leave tabster's focus sentinels on <body>, which axe
    // reports as aria-hidden-focus whatever this panel does)
    await suite.audits.audit(page, "planner: trend workbook written", 'section[aria-label="Xu hướng theo kỳ"]');

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const names = book.worksheets.map((w) => w.name);
    for (const s of ["XuHuong", "DiemNghen", "DonViXuHuong", "BieuDoXuHuong"]) assert.ok(names.includes(s), s);
    // XuHuong: the period columns of the header row, and U15's first row (the city's figure per month)
    const sheet = book.getWorksheet("XuHuong")!;
    let column = 0;
    let headerRow = 0;
    sheet.eachRow((row, r) => {
      row.eachCell((cell, c) => {
        if (!column && String(cell.value).includes(earlier[0]!)) [column, headerRow] = [c, r];
      });
    });
    assert.ok(column > 0, `XuHuong has a column for ${earlier[0]}`);
    let flowRow = 0;
    sheet.eachRow((row, r) => {
      if (!flowRow && r > headerRow && String(row.getCell(1).value ?? "").startsWith(FLOW)) flowRow = r;
    });
    assert.ok(flowRow > 0, `XuHuong has a row for ${FLOW}`);
    const cells = [0, 1, 2].map((i) => sheet.getRow(flowRow).getCell(column + i).value);
    assert.equal(cells[0], 3, `the city's ${FLOW} in ${earlier[0]} is the ward's 3: ${JSON.stringify(cells)}`);
    assert.notEqual(cells[1], 0, "not applicable is never written as 0");
    assert.notEqual(cells[2], 0, "a month nobody sent is never written as 0");
    // BieuDoXuHuong's native line charts
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    assert.ok(charts.length >= 1, `native charts: ${charts.length}`);
    assert.match(await zip.file(charts[0]!)!.async("string"), /<c:lineChart>/);
    // the pane says what it wrote
    assert.match(doneText, new RegExp(`^Đã ghi 4 trang, ${charts.length} biểu đồ`), doneText);
  } finally {
    await context.close();
  }
});

suite.audits.test(2);
suite.screens.test("the screenshots for the README were taken");

void run("trend");
