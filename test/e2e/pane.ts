/** What the browser tests do in the pane more than once: connect with a token, name a figure's input, a clean figure. */
import type { Page } from "playwright-core";
import { parsePeriod, targetForPeriod, type Target } from "../../src/domain";

/** Opens the pane of the endpoint at `url` in Vietnamese and connects with `token`. */
export async function connectPane(page: Page, url: string, token: string): Promise<void> {
  await page.goto(`${url}/taskpane.html?lang=vi`);
  await page.getByLabel("Mã truy cập của đơn vị").fill(token);
  await page.getByRole("button", { name: "Kết nối", exact: true }).click();
  await page.getByText(/Đã kết nối: /).waitFor();
}

/** The form's label of a target's field (Vietnamese). */
export function fieldLabel(id: string, field: string): RegExp {
  const word = field === "numerator" ? "Tử số" : field === "denominator" ? "Mẫu số" : "Giá trị thực hiện";
  return new RegExp(`^${id} · ${word}`);
}

/** Figures that meet the target in `periodId`, as typed in the form: nothing off target, nothing to justify. */
export function cleanFigures(t: Target, periodId: string): Record<string, string> {
  const yt = targetForPeriod(t, parsePeriod(periodId)!);
  if (t.aggregation === "ratio_of_sums")
    return t.measure === "percent"
      ? { numerator: "100", denominator: "100" }
      : { numerator: "2000", denominator: "100" };
  if (t.direction === "<=" || t.direction === "<") return { value: "0" };
  return { value: yt.kind === "value" ? String(yt.value) : "10" };
}
