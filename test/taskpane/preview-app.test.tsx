import { TOKEN_KEY_PREFIX } from "../../src/taskpane/token-store";
import "./matchers";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { defaultCatalog } from "../../src/domain";
import { App } from "../../src/taskpane/App";
import { SETTINGS } from "../../src/taskpane/util";
import { createPreviewWorkbook } from "../../src/workbook/preview/preview-workbook";
import { PreviewSheet } from "../../src/workbook/preview/PreviewSheet";
import { buildTemplateSpec } from "../../src/workbook/template";
import { CONNECTION, FakeApi, WARD } from "./fakes";
import { FAST_TIMING, Q1, cellOf } from "./setup";

const LABELS = {
  sheet: "Trang nhập liệu (xem trước)",
  download: "Tải về .xlsx",
  downloading: "Đang tạo tệp…",
  downloadFailed: (d: string) => `Không tạo được tệp .xlsx: ${d}`,
  empty: "Sổ chưa có mẫu báo cáo.",
  cell: (c: string) => `Ô ${c}`,
};

async function renderPreviewApp() {
  window.localStorage.clear();
  const preview = createPreviewWorkbook(window.localStorage);
  await preview.saveSetting(SETTINGS.connection, { endpoint: CONNECTION.endpoint });
  window.localStorage.setItem(`${TOKEN_KEY_PREFIX}${CONNECTION.endpoint}`, CONNECTION.token);
  const api = new FakeApi();
  const user = userEvent.setup({ delay: null });
  render(
    <FluentProvider theme={webLightTheme}>
      <App workbook={preview} preview={preview} api={api} initialLocale="vi" timing={FAST_TIMING} />
    </FluentProvider>,
  );
  const open = await screen.findByRole("button", { name: "Mở mẫu báo cáo trong sổ" });
  await waitFor(() => expect((open as HTMLButtonElement).disabled).toBe(false));
  await user.click(open);
  await screen.findByRole("tablist");
  return { preview, api, user };
}

describe("the preview outside Excel", () => {
  it("shows the template's entry sheet beside the pane", async () => {
    await renderPreviewApp();
    const sheet = screen.getByRole("table", { name: /Trang nhập liệu \(xem trước\) — Nhap/ });
    expect(within(sheet).getByText("S02")).toBeInTheDocument();
    expect(within(sheet).getByLabelText(`Ô ${cellOf("S02", "value")} — S02 value`)).toBeInTheDocument();
  });

  it("updates the form when a cell of the sheet is typed into", async () => {
    const { user } = await renderPreviewApp();
    const cell = screen.getByLabelText(`Ô ${cellOf("S02", "value")} — S02 value`);
    await user.type(cell, "1234{Enter}");
    await waitFor(() => expect(screen.getByLabelText(/^S02 · Giá trị/)).toHaveValue("1.234"));
  });

  it("writes the sheet's cell when the form is typed into, and marks the cell of an issue", async () => {
    const { user, preview } = await renderPreviewApp();
    await user.type(screen.getByLabelText(/^S01 · Tử số/), "150");
    await user.type(screen.getByLabelText(/^S01 · Mẫu số/), "100");
    await user.tab();
    const cell = screen.getByLabelText(`Ô ${cellOf("S01", "numerator")} — S01 numerator`);
    await waitFor(() => expect(cell).toHaveValue("150"));
    await waitFor(() => expect(cell).toHaveAttribute("aria-invalid", "true"));
    expect(preview.valueAt("S01", "numerator")).toBe(150);
  });

  it("puts the cursor in the issue's cell when an issue is clicked", async () => {
    const { user } = await renderPreviewApp();
    await user.click(screen.getByRole("tab", { name: /Vấn đề/ }));
    const target = cellOf("S02", "value");
    await user.click(
      within(screen.getByRole("tabpanel")).getByRole("button", { name: new RegExp(`S02.*${target}|${target}`) }),
    );
    expect(screen.getByLabelText(`Ô ${target} — S02 value`)).toHaveFocus();
  });
});

describe("PreviewSheet", () => {
  it("hands the template with the typed values to the .xlsx writer on Download", async () => {
    const preview = createPreviewWorkbook(null);
    const spec = buildTemplateSpec({ catalog: defaultCatalog(), unit: WARD, period: Q1 });
    await preview.ensureTemplate(spec);
    await preview.writeEntries([{ targetId: "S02", field: "value", raw: 42 }]);
    const download = jest.fn(async () => "chitieu-00004-2026-Q1.xlsx");
    const user = userEvent.setup({ delay: null });
    render(
      <FluentProvider theme={webLightTheme}>
        <PreviewSheet workbook={preview} locale="vi" labels={LABELS} download={download} />
      </FluentProvider>,
    );
    await user.click(screen.getByRole("button", { name: "Tải về .xlsx" }));
    expect(download).toHaveBeenCalledWith(spec, expect.objectContaining({ "S02|value": 42 }));
  });

  it("says what failed when the file cannot be written", async () => {
    const preview = createPreviewWorkbook(null);
    await preview.ensureTemplate(buildTemplateSpec({ catalog: defaultCatalog(), unit: WARD, period: Q1 }));
    const user = userEvent.setup({ delay: null });
    render(
      <FluentProvider theme={webLightTheme}>
        <PreviewSheet
          workbook={preview}
          locale="vi"
          labels={LABELS}
          download={async () => Promise.reject(new Error("quota exceeded"))}
        />
      </FluentProvider>,
    );
    await user.click(screen.getByRole("button", { name: "Tải về .xlsx" }));
    expect(await screen.findByText("Không tạo được tệp .xlsx: quota exceeded")).toBeInTheDocument();
  });

  it("tells the reader there is no report yet in an empty workbook", () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <PreviewSheet workbook={createPreviewWorkbook(null)} locale="vi" labels={LABELS} />
      </FluentProvider>,
    );
    expect(screen.getByText("Sổ chưa có mẫu báo cáo.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Tải về .xlsx" })).not.toBeInTheDocument();
  });
});
