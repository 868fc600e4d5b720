/**
 * Clerks without a supported Excel: a workbook filled outside Excel and saved by LibreOffice (Debian's
 * libreoffice-calc, headless) is uploaded in the browser page (Debian's chromium) served by the real endpoint; every
 * issue shows by cell, a justification is typed in the page, the report is submitted — one stored revision, whose
 * submission id is the receipt shown. Part of `npm run test:e2e` (scripts/e2e.js runs every test/e2e/*.e2e.ts).
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import {
  defaultCatalog,
  defaultUnitRegistry,
  isDue,
  parsePeriod,
  targetForPeriod,
  type EntryInput,
  type Target,
} from "../../src/domain";
import { buildTemplateSpec, cellMap } from "../../src/workbook/template";
import { writeTemplateXlsx } from "../../src/workbook/xlsx/write-template";
import { chooseQuarter, connectPane, issueToken, newPage, run, startSuite, test } from "./harness";

const catalog = defaultCatalog();
const units = defaultUnitRegistry();
const suite = startSuite("upload");
const dir = suite.dir;

/** A figure with no issue for the target, as numbers (the workbook holds numbers). */
function clean(t: Target, periodId: string): Partial<EntryInput> {
  const yt = targetForPeriod(t, parsePeriod(periodId)!);
  if (t.aggregation === "ratio_of_sums")
    return t.measure === "percent" ? { numerator: 100, denominator: 100 } : { numerator: 2000, denominator: 100 };
  if (t.measure === "milestone") return { milestone: "Đang thực hiện" } as Partial<EntryInput>;
  if (t.direction === "<=" || t.direction === "<") return { value: 0 };
  return { value: yt.kind === "value" ? yt.value : 10 };
}

/** LibreOffice opens the workbook and saves it again as .xlsx (its own writer, its own layout of the file). */
function resaveWithLibreOffice(file: string): string {
  const out = path.join(dir, "libreoffice");
  fs.mkdirSync(out, { recursive: true });
  const profile = `file://${path.join(dir, "lo-profile")}`;
  const r = spawnSync(
    "soffice",
    [
      `-env:UserInstallation=${profile}`,
      "--headless",
      "--convert-to",
      "xlsx:Calc MS Excel 2007 XML",
      "--outdir",
      out,
      file,
    ],
    { encoding: "utf8", timeout: 180_000 },
  );
  if (r.error || r.status !== 0)
    throw new Error(
      `LibreOffice could not re-save the workbook (install libreoffice-calc): ${r.error?.message ?? r.stderr}`,
    );
  const saved = path.join(out, path.basename(file));
  assert.ok(fs.existsSync(saved), "LibreOffice wrote the workbook");
  return saved;
}

test("a workbook saved by LibreOffice is uploaded, justified in the page and submitted once", async () => {
  const unitCode = "00004";
  const unit = units.byCode(unitCode)!;
  const token = issueToken(suite.db, unitCode);
  const { context, page } = await newPage(suite.browser, 1280, 900, "light");
  try {
    await connectPane(page, suite.endpoint.url, token);
    // a quarter open for submission: a month asks a ward only for its monthly counts, no ratio target
    const periodId = await chooseQuarter(page);
    const period = parsePeriod(periodId)!;

    // the clerk's workbook: every target clean but one ratio target well below its target, not justified
    // (the targets the period's report asks for: those due in it)
    const targets = units.targetsFor(catalog, unitCode).filter((t) => isDue(t, period));
    const ratio = targets.find(
      (x) =>
        x.aggregation === "ratio_of_sums" && x.measure === "percent" && targetForPeriod(x, period).kind === "value",
    )!;
    const values = targets.map((t) => ({
      targetId: t.id,
      ...clean(t, periodId),
      ...(t === ratio ? { numerator: 10 } : {}),
    }));
    const spec = buildTemplateSpec({
      catalog,
      unit,
      period,
      values,
      unitInfo: { preparer: "Nguyễn Thị Hoà", phone: "+84 912 345 678" },
    });
    const original = path.join(dir, "bao-cao.xlsx");
    fs.writeFileSync(original, await writeTemplateXlsx(spec));
    const saved = resaveWithLibreOffice(original);

    await page.getByLabel("Tải lên sổ đã điền (.xlsx)").setInputFiles(saved);
    await page.getByText(/Đã đọc bao-cao.xlsx: báo cáo kỳ/).waitFor();
    await page.getByRole("tablist").waitFor();

    // every issue by cell: the warning names the ratio target's numerator cell
    await page.getByRole("tab", { name: /^Vấn đề/ }).click();
    const issueCell = cellMap(spec)(ratio.id, "numerator")!;
    await page
      .getByRole("tabpanel")
      .getByRole("button", { name: new RegExp(issueCell) })
      .first()
      .waitFor();
    const justification = page.getByRole("tabpanel").getByLabel(`Giải trình cho ${ratio.id}`);
    await justification.fill("- Chưa đạt do công trình chậm; đã có kế hoạch khắc phục.");
    await justification.blur();
    await page.getByText("Không có lỗi chặn gửi").waitFor();

    await page.getByRole("tab", { name: /^Gửi$/ }).click();
    await page.getByRole("button", { name: "Kiểm tra và gửi" }).click();
    await page.getByText("Biên nhận", { exact: true }).waitFor();
    const receipt = ((await page.getByTestId("receipt-id").textContent()) ?? "").trim();
    assert.match(receipt, /^[0-9a-f-]{36}$/);
    const stored = await suite.endpoint.json<{
      revisions: number;
      latest: { submissionId: string; entries?: EntryInput[] };
    }>(`/api/v1/reports/${unitCode}/${periodId}`, token);
    assert.equal(stored.revisions, 1, "stored once");
    assert.equal(stored.latest.submissionId, receipt);
  } finally {
    await context.close();
  }
});

void run("upload");
