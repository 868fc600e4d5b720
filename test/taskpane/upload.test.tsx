import "./matchers";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { defaultCatalog, defaultUnitRegistry, parsePeriod, type Period } from "../../src/domain";
import { UploadWorkbook } from "../../src/taskpane/components/UploadWorkbook";
import { I18nProvider } from "../../src/taskpane/i18n";
import { createPreviewWorkbook } from "../../src/workbook/preview/preview-workbook";
import { buildTemplateSpec } from "../../src/workbook/template";
import { readWorkbook } from "../../src/workbook/xlsx/node-inflate";
import { writeTemplateXlsx } from "../../src/workbook/xlsx/write-template";
import { WARD } from "./fakes";

const catalog = defaultCatalog();
const units = defaultUnitRegistry();
const Q1 = parsePeriod("2026-Q1") as Period;

function renderUpload(onLoaded = jest.fn()) {
  window.localStorage.clear();
  const preview = createPreviewWorkbook(window.localStorage);
  render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider locale="vi">
        <UploadWorkbook
          preview={preview}
          catalog={catalog}
          unit={WARD}
          units={units}
          onLoaded={onLoaded}
          readWorkbook={async (bytes, opts) => readWorkbook(bytes, opts)}
        />
      </I18nProvider>
    </FluentProvider>,
  );
  return { preview, onLoaded, user: userEvent.setup({ delay: null }) };
}

async function fileOf(
  unitCode: string,
  values: Parameters<typeof buildTemplateSpec>[0]["values"],
  name = "bao-cao.xlsx",
): Promise<File> {
  const unit = units.byCode(unitCode)!;
  const bytes = await writeTemplateXlsx(
    buildTemplateSpec({
      catalog,
      unit,
      period: Q1,
      values,
      unitInfo: { preparer: "Nguyễn Văn A", phone: "+84 912 345 678" },
    }),
  );
  return new File([bytes as BlobPart], name, {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
}

describe("UploadWorkbook", () => {
  it("reads a filled workbook into the pane's report, figures and people included, and opens its period", async () => {
    const { preview, onLoaded, user } = renderUpload();
    await user.upload(
      screen.getByLabelText(/Tải lên sổ đã điền/),
      await fileOf(WARD.code, [{ targetId: "S02", value: 12000, justification: "- Đã hoàn thành" }]),
    );
    await waitFor(() => expect(onLoaded).toHaveBeenCalledWith("2026-Q1"));
    expect(screen.getByText(/Đã đọc bao-cao.xlsx: báo cáo kỳ 2026-Q1/)).toBeInTheDocument();
    const entries = await preview.readEntries();
    expect(entries.find((e) => e.targetId === "S02")).toMatchObject({ value: 12000, justification: "- Đã hoàn thành" });
    expect(await preview.readContact()).toEqual({ preparer: "Nguyễn Văn A", approver: null, phone: "+84 912 345 678" });
  });

  it("refuses another unit's workbook, saying whose it is, and loads nothing", async () => {
    const { preview, onLoaded, user } = renderUpload();
    await user.upload(screen.getByLabelText(/Tải lên sổ đã điền/), await fileOf("00008", []));
    expect(await screen.findByText(/là báo cáo của đơn vị 00008, không phải đơn vị 00004/)).toBeInTheDocument();
    expect(onLoaded).not.toHaveBeenCalled();
    expect(await preview.readIdentity()).toBeNull();
  });

  it("shows the reader's own message, naming what to do, for a file that is not a workbook", async () => {
    const { onLoaded, user } = renderUpload();
    await user.upload(screen.getByLabelText(/Tải lên sổ đã điền/), new File(["not a zip"], "notes.xlsx"));
    expect(await screen.findByText(/Tệp này không phải là sổ Excel .xlsx/)).toBeInTheDocument();
    expect(onLoaded).not.toHaveBeenCalled();
  });
});
