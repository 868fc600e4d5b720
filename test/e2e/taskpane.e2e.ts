/**
 * The task pane in a real browser (Debian's chromium) against the real endpoint on SQLite, served by the endpoint
 * itself as in production: connect (a wrong token first), fill, see issues, justify, submit; the endpoint stops,
 * a resubmission waits in the workbook's queue, the endpoint comes back, it is sent — exactly one stored revision;
 * the same flow in English; axe-core; screenshots at 350 px.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import {
  defaultCatalog,
  defaultUnitRegistry,
  parsePeriod,
  reportTargets,
  targetForPeriod,
  type Locale,
  type Target,
} from "../../src/domain";
import { buildTemplateSpec, cellMap } from "../../src/workbook/template";
import {
  Audits,
  RESULTS,
  SCREENS,
  chooseQuarter,
  cleanFigures,
  issueToken,
  newPage,
  run,
  startSuite,
  test,
} from "./harness";

const TEXT = {
  vi: {
    endpoint: "Địa chỉ máy chủ",
    token: "Mã truy cập của đơn vị",
    connect: "Kết nối",
    connected: /Đã kết nối: /,
    wrongToken: /Mã truy cập không đúng hoặc đã bị thu hồi/,
    period: "Chọn kỳ báo cáo",
    open: "Mở mẫu báo cáo trong sổ",
    formTab: /^Nhập liệu$/,
    issuesTab: /^Vấn đề/,
    submitTab: /^Gửi$/,
    value: "Giá trị thực hiện",
    numerator: "Tử số",
    denominator: "Mẫu số",
    justification: (id: string) => `Giải trình cho ${id}`,
    errors: /(\d+) lỗi chặn gửi|Không có lỗi chặn gửi/,
    noErrors: "Không có lỗi chặn gửi",
    submit: "Kiểm tra và gửi",
    resubmit: "Gửi lại (bản sửa mới)",
    receipt: "Biên nhận",
    queued: /Chờ gửi \(ngoại tuyến\)/,
    sent: /Đã gửi/,
    cell: (address: string, id: string, field: string) => `Ô ${address} — ${id} ${field}`,
  },
  en: {
    endpoint: "Endpoint address",
    token: "Unit access token",
    connect: "Connect",
    connected: /Connected: /,
    wrongToken: /access token is wrong or has been revoked/,
    period: "Choose the period",
    open: "Open the report in the workbook",
    formTab: /^Entries$/,
    issuesTab: /^Issues/,
    submitTab: /^Submit$/,
    value: "Actual value",
    numerator: "Numerator",
    denominator: "Denominator",
    justification: (id: string) => `Justification for ${id}`,
    errors: /(\d+) blocking errors?|No blocking errors/,
    noErrors: "No blocking errors",
    submit: "Check and submit",
    resubmit: "Resubmit (new revision)",
    receipt: "Receipt",
    queued: /Queued \(offline\)/,
    sent: /Sent/,
    cell: (address: string, id: string, field: string) => `Cell ${address} — ${id} ${field}`,
  },
} as const;

const catalog = defaultCatalog();
const units = defaultUnitRegistry();
const suite = startSuite("pane");
const audits = new Audits();
fs.mkdirSync(SCREENS, { recursive: true });
for (const f of ["connect.png", "issues.png", "receipt.png", "preview.png"])
  fs.rmSync(path.join(SCREENS, f), { force: true });
fs.rmSync(path.join(RESULTS, "taskpane-350.png"), { force: true });
fs.mkdirSync(RESULTS, { recursive: true });

async function errorCount(page: Page): Promise<number> {
  const text = (await page.getByTestId("error-count").textContent()) ?? "";
  const m = /(\d+) (lỗi chặn gửi|blocking error)/.exec(text);
  return m ? Number(m[1]) : 0;
}

async function statusBadge(page: Page): Promise<string> {
  return (await page.getByRole("tabpanel").getByRole("status").textContent()) ?? "";
}

function fieldLabel(t: typeof TEXT.vi | typeof TEXT.en, id: string, field: string): RegExp {
  const word = field === "numerator" ? t.numerator : field === "denominator" ? t.denominator : t.value;
  return new RegExp(`^${id} · ${word}`);
}

async function waitForText(page: Page, re: RegExp, where: () => Promise<string>, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < deadline) {
    last = await where();
    if (re.test(last)) return last;
    await page.waitForTimeout(250);
  }
  throw new Error(`waited ${timeoutMs} ms for ${re}; last seen: ${last}`);
}

/** The whole clerk flow in one language, for one unit. */
async function clerkFlow(locale: Locale, unitCode: string, shots: boolean): Promise<void> {
  const t = TEXT[locale];
  const token = issueToken(suite.db, unitCode);
  const unit = units.byCode(unitCode)!;
  // the targets the opened period's report asks for (applicability and cadence), known once the period is chosen
  let targets: Target[] = [];
  // the Vietnamese run is the light theme at 350 px; the English one the dark theme, wide, with the sheet beside
  const { context, page } = await newPage(suite.browser, shots ? 350 : 1280, 900, locale === "vi" ? "light" : "dark");
  try {
    // the Vietnamese run also loads the local office.js (?office=load): it must answer "no host" without internet
    const outside: string[] = [];
    page.on("request", (r) => {
      if (!r.url().startsWith(suite.endpoint.url) && !r.url().startsWith("data:") && !r.url().startsWith("blob:"))
        outside.push(r.url());
    });
    await page.goto(`${suite.endpoint.url}/taskpane.html?lang=${locale}${locale === "vi" ? "&office=load" : ""}`);

    // connect: the address is prefilled (the endpoint serves the pane); a wrong token is refused with a clear message
    const address = page.getByLabel(t.endpoint);
    await address.waitFor();
    // the form is drawn before the host is bound (office.js, the preview workbook); then the pane says which it is
    await page.locator("html[data-boot=bound]").waitFor({ state: "attached" });
    assert.equal(await page.evaluate(() => document.documentElement.dataset.host), "preview");
    assert.equal(
      await page.evaluate(() => typeof (window as { Office?: unknown }).Office !== "undefined"),
      locale === "vi",
    );
    assert.deepEqual(outside, [], "the pane asks nothing of the internet outside Office");
    assert.equal(await address.inputValue(), suite.endpoint.url);
    if (shots) await page.screenshot({ path: path.join(SCREENS, "connect.png") });
    await audits.audit(page, `${locale}: connect form`);
    await page.getByLabel(t.token).fill("not-a-real-token");
    await page.getByRole("button", { name: t.connect, exact: true }).click();
    await page.getByText(t.wrongToken).waitFor();
    await page.getByLabel(t.token).fill(token);
    await page.getByRole("button", { name: t.connect, exact: true }).click();
    await page.getByText(t.connected).waitFor();
    assert.ok(
      (await page.getByText(t.connected).textContent())?.includes(unit.name[locale]),
      "the unit's name is shown",
    );

    // report: a quarter open for submission (a month asks a ward only for its monthly counts, no ratio target),
    // created in the preview workbook
    const periodId = await chooseQuarter(page, t.period);
    assert.ok(parsePeriod(periodId), `a period is chosen (${periodId})`);
    targets = reportTargets(catalog, unit, parsePeriod(periodId)!);
    await page.getByRole("button", { name: t.open }).click();
    await page.getByRole("tablist").waitFor();
    const spec = buildTemplateSpec({ catalog, unit, period: parsePeriod(periodId)! });
    const cellOf = cellMap(spec);
    assert.equal(await errorCount(page), targets.length, "every blank target is a blocking error");

    // fill every target in the form; one of them through the sheet beside the pane
    const viaSheet = targets.find((x) => x.aggregation !== "ratio_of_sums" && x.measure !== "milestone")!;
    for (const target of targets) {
      if (target === viaSheet) continue;
      for (const [field, typed] of Object.entries(cleanFigures(target, periodId))) {
        await page.getByLabel(fieldLabel(t, target.id, field)).fill(typed);
      }
    }
    const sheetCell = page.getByLabel(t.cell(cellOf(viaSheet.id, "value")!, viaSheet.id, "value"));
    await sheetCell.fill(cleanFigures(viaSheet, periodId).value);
    await sheetCell.press("Enter");
    await page.waitForFunction(
      ([label]) => {
        const input = [...document.querySelectorAll("input")].find((i) =>
          i.labels?.[0]?.textContent?.startsWith(label),
        );
        return Boolean(input && input.value !== "");
      },
      [`${viaSheet.id} · `],
    );
    await page.waitForFunction(
      () =>
        !/[1-9]\d* (lỗi chặn gửi|blocking error)/.test(
          document.querySelector("[data-testid=error-count]")?.textContent ?? "",
        ),
    );
    await audits.audit(page, `${locale}: filled form`);

    // see issues: an error (numerator above denominator) and a warning (off target) that needs a justification
    const ratio = targets.find(
      (x) =>
        x.aggregation === "ratio_of_sums" &&
        x.measure === "percent" &&
        targetForPeriod(x, parsePeriod(periodId)!).kind === "value",
    )!;
    assert.ok(ratio, "a ratio target with a value this year");
    await page.getByLabel(fieldLabel(t, ratio.id, "numerator")).fill("150");
    await page.waitForFunction(() =>
      /^1 (lỗi chặn gửi|blocking error)/.test(document.querySelector("[data-testid=error-count]")?.textContent ?? ""),
    );
    const numeratorInput = page.getByLabel(fieldLabel(t, ratio.id, "numerator"));
    assert.equal(await numeratorInput.getAttribute("aria-invalid"), "true");
    await page.getByRole("tab", { name: t.issuesTab }).click();
    const panel = page.getByRole("tabpanel");
    const issueCell = cellOf(ratio.id, "numerator")!;
    if (shots) {
      await page
        .getByTestId("status-summary")
        .evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 8));
      await page.screenshot({ path: path.join(SCREENS, "issues.png") });
    }
    await panel
      .getByRole("button", { name: new RegExp(issueCell.replace("!", "!")) })
      .first()
      .click();
    // clicking the issue puts the cursor in its cell of the sheet
    const focused = await page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? "");
    assert.ok(focused.includes(issueCell), `the issue's cell has the focus (got "${focused}")`);
    await audits.audit(page, `${locale}: issues tab`);

    // fix the error with a figure well below the target: now a warning to justify
    await page.getByRole("tab", { name: t.formTab }).click();
    await page.getByLabel(fieldLabel(t, ratio.id, "numerator")).fill("10");
    await page.getByRole("tab", { name: t.issuesTab }).click();
    const justification = page.getByRole("tabpanel").getByLabel(t.justification(ratio.id));
    await justification.waitFor();
    assert.equal(await errorCount(page), 0);
    assert.match(
      (await page.getByTestId("status-summary").textContent()) ?? "",
      /1 (cảnh báo cần giải trình|warnings to justify)/,
    );
    await justification.fill(
      locale === "vi"
        ? "Chưa đạt do công trình chậm tiến độ; đơn vị đã có kế hoạch khắc phục."
        : "Behind schedule because the works were delayed; a recovery plan is in place.",
    );
    await justification.blur();
    await page.getByText(t.noErrors).waitFor();
    await page.waitForFunction(
      () =>
        !/(cảnh báo cần giải trình|warnings to justify)/.test(
          document.querySelector("[data-testid=status-summary]")?.textContent ?? "",
        ),
    );

    // submit: dry run, then the submission; the receipt shows the id
    await page.getByRole("tab", { name: t.submitTab }).click();
    await page.getByRole("button", { name: t.submit }).click();
    await page.getByText(t.receipt, { exact: true }).waitFor();
    const firstId = ((await page.getByTestId("receipt-id").textContent()) ?? "").trim();
    assert.match(firstId, /^[0-9a-f-]{36}$/);
    // the button comes back enabled once the submission is done (its colours fade in over Fluent's 100 ms)
    await page.getByRole("button", { name: t.resubmit }).waitFor();
    await page.waitForFunction(
      (name) => [...document.querySelectorAll("button")].some((b) => b.textContent === name && !b.disabled),
      t.resubmit,
    );
    await page.waitForTimeout(300);
    if (shots) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(SCREENS, "receipt.png") });
    }
    await audits.audit(page, `${locale}: receipt`);
    const stored = await suite.endpoint.json<{ revisions: number; latest: { submissionId: string } }>(
      `/api/v1/reports/${unitCode}/${periodId}`,
      token,
    );
    assert.equal(stored.revisions, 1);
    assert.equal(stored.latest.submissionId, firstId);

    // offline: the endpoint stops; a changed report is resubmitted and waits in the workbook
    await suite.endpoint.stop();
    await page.getByRole("tab", { name: t.formTab }).click();
    await page.getByLabel(fieldLabel(t, ratio.id, "numerator")).fill("12");
    await page.getByRole("tab", { name: t.submitTab }).click();
    await page.getByRole("button", { name: t.resubmit }).click();
    await waitForText(page, t.queued, () => statusBadge(page), 20_000);
    const queue = await page.evaluate(
      () =>
        JSON.parse(localStorage.getItem("chitieu.preview.workbook") ?? "{}").queue as {
          submissionId: string;
          supersedes: string;
          body: unknown;
        }[],
    );
    assert.equal(queue.length, 1, "one submission waits in the workbook");
    assert.equal(queue[0].supersedes, firstId, "it supersedes the first revision");
    const queuedId = queue[0].submissionId;

    // back online: the queue sends it with the same id; exactly one stored revision for it
    await suite.endpoint.start();
    await waitForText(page, t.sent, () => statusBadge(page), 90_000);
    assert.equal(((await page.getByTestId("receipt-id").textContent()) ?? "").trim(), queuedId);
    const history = await suite.endpoint.json<{ revisions: { submissionId: string }[] }>(
      `/api/v1/reports/${unitCode}/${periodId}/history`,
      token,
    );
    assert.equal(
      history.revisions.filter((r) => r.submissionId === queuedId).length,
      1,
      "the queued submission is stored once",
    );
    assert.equal(history.revisions.length, 2);
    // a late duplicate of the same request (a retry whose answer was lost) replays the receipt, stores nothing
    const replay = await suite.endpoint.request("/api/v1/submissions", { method: "POST", token, body: queue[0].body });
    assert.equal(replay.status, 200);
    assert.equal(JSON.parse(replay.text).replay, true);
    const after = await suite.endpoint.json<{ revisions: unknown[] }>(
      `/api/v1/reports/${unitCode}/${periodId}/history`,
      token,
    );
    assert.equal(after.revisions.length, 2);
    assert.equal(
      await page.evaluate(() => JSON.parse(localStorage.getItem("chitieu.preview.workbook") ?? "{}").queue.length),
      0,
    );

    // the preview workbook survives a reload
    await page.reload();
    await page.getByRole("tablist").waitFor();
    assert.equal(await page.getByLabel(fieldLabel(t, ratio.id, "numerator")).inputValue(), "12");
    if (shots) {
      // the pane at 350 px (the artifact), then the whole preview — the sheet beside the pane — for the README
      await page.getByRole("tab", { name: t.formTab }).click();
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(RESULTS, "taskpane-350.png"), animations: "disabled" });
      await page.setViewportSize({ width: 1400, height: 860 });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(SCREENS, "preview.png"), animations: "disabled" });
    }
  } finally {
    await context.close();
  }
}

test("a clerk connects, fills, sees issues, justifies, submits, goes offline and comes back (Vietnamese)", async () => {
  await clerkFlow("vi", "00004", true);
});

test("the same flow in English", async () => {
  await clerkFlow("en", "00008", false);
});

test("the pre-rendered first screen is there before the pane's script, and keeps what is typed in it", async () => {
  const token = issueToken(suite.db, "00025");
  const { context, page } = await newPage(suite.browser, 350, 900, "light");
  try {
    // the pane's bundle is held back until the person has typed, switched language and pressed Connect
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/taskpane\.[0-9a-f]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${suite.endpoint.url}/taskpane.html`, { waitUntil: "commit" });
    const address = page.getByLabel("Địa chỉ máy chủ");
    await address.waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.boot), undefined, "the pane has not run");
    assert.equal(await address.inputValue(), suite.endpoint.url, "the shell offers the page's own address");
    assert.ok(await page.locator("#ct-shell-style").count(), "the shell's styles are in");
    // the language button works before the pane runs, keeps what was typed, and is remembered for the pane
    await page.getByLabel("Mã truy cập của đơn vị").fill(token);
    await page.getByRole("button", { name: "English", exact: true }).click();
    const tokenField = page.getByLabel("Unit access token");
    assert.equal(await tokenField.inputValue(), token);
    assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
    await tokenField.press("Enter");
    assert.equal(await page.evaluate(() => document.documentElement.dataset.boot), undefined, "still the shell");

    release();
    // the pane takes the press over: connected, in English, without another click; the shell's styles are gone
    await page.getByText(/Connected: /).waitFor();
    assert.equal(await page.locator("#ct-shell-style").count(), 0);
    assert.equal(await page.locator("[data-ct-shell]").count(), 0);
    assert.equal(await page.evaluate(() => localStorage.getItem("chitieu.locale")), "en");
  } finally {
    await context.close();
  }
});

audits.test(8);

test("the pane at 350 px was saved as a test artifact", async () => {
  for (const f of [
    path.join(RESULTS, "taskpane-350.png"),
    path.join(SCREENS, "connect.png"),
    path.join(SCREENS, "issues.png"),
    path.join(SCREENS, "receipt.png"),
    path.join(SCREENS, "preview.png"),
  ]) {
    assert.ok(fs.existsSync(f) && fs.statSync(f).size > 1000, `${f} exists`);
  }
});

void run("taskpane");
