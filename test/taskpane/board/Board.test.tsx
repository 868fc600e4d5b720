import "../matchers";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { defaultCatalog } from "../../../src/domain";
import { Board } from "../../../src/taskpane/components/board";
import { I18nProvider } from "../../../src/taskpane/i18n";
import { CONNECTION } from "../fakes";
import { fakeClient } from "./board-fixture";

function setup() {
  const client = fakeClient();
  const copyText = jest.fn(async (_text: string) => undefined);
  const download = jest.fn();
  const user = userEvent.setup({ delay: null });
  render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider locale="vi">
        <Board
          connection={CONNECTION}
          catalog={defaultCatalog()}
          periods={[{ id: "2026-Q1", phase: "late", deadline: "2026-04-10", label: null, demo: false }]}
          demo={false}
          client={client}
          copyText={copyText}
          download={download}
        />
      </I18nProvider>
    </FluentProvider>,
  );
  return { client, copyText, download, user };
}

jest.setTimeout(30_000);

const rows = () => screen.getAllByTestId(/^board-row-/).map((r) => r.getAttribute("data-testid")?.slice(10));

describe("the planner's board", () => {
  it("lists every expected unit by state (what needs the planner first) with counts and contacts", async () => {
    const { client } = setup();
    await screen.findByTestId("board-row-00004");
    expect(client.board).toHaveBeenCalledWith(CONNECTION, { period: "2026-Q1", group: null, demo: false });
    expect(rows()).toEqual(["00008", "00100", "00070", "00004", "00025"]);
    expect(screen.getByTestId("board-counts")).toHaveTextContent("Chưa gửi: 1");
    expect(screen.getByTestId("board-row-00008")).toHaveTextContent("Liên hệ: Người 00008 · 090000008");
  });

  it("filters by state from the counts and by unit group", async () => {
    const { user } = setup();
    await screen.findByTestId("board-row-00004");
    await user.click(screen.getByRole("button", { name: "Gửi muộn: 1" }));
    expect(rows()).toEqual(["00070"]);
    await user.click(screen.getByRole("button", { name: "Gửi muộn: 1" }));
    await user.selectOptions(screen.getByLabelText("Nhóm đơn vị"), "ward");
    expect(rows()).toEqual(["00004"]);
  });

  it("copies and exports the missing, returned and late units with their contacts", async () => {
    const { user, copyText, download } = setup();
    await screen.findByTestId("board-row-00004");
    await user.click(screen.getByRole("button", { name: "Sao chép DS chưa gửi, gửi muộn" }));
    const tsv = copyText.mock.calls[0][0] as string;
    const lines = tsv.split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[1].split("\t").slice(0, 3)).toEqual(["00008", "Phường 00008 (00008)", "Chưa gửi"]);
    expect(lines[1]).toContain("090000008");
    expect(await screen.findByTestId("board-message")).toHaveTextContent("Đã sao chép 3 đơn vị");
    await user.click(screen.getByRole("button", { name: "Xuất CSV" }));
    const [name, csv] = download.mock.calls[0] as [string, string];
    expect(name).toBe("chua-gui-2026-Q1.csv");
    expect(csv.startsWith("\uFEFFMã đơn vị,")).toBe(true);
    expect(csv.trim().split("\r\n")).toHaveLength(4);
  });

  it("opens a unit's report: figures, N/A reasons, diff, history; returning needs a comment and is confirmed", async () => {
    const { user, client } = setup();
    await user.click(within(await screen.findByTestId("board-row-00004")).getByRole("button"));
    const detail = await screen.findByTestId("board-detail");
    await within(detail).findByText("Lý do không áp dụng: Phường không có đất nông nghiệp");
    expect(within(detail).getByRole("row", { name: /S02/ })).toHaveTextContent("Đạt");
    expect(await within(detail).findByText("S02: 11 → 12")).toBeInTheDocument();
    expect(within(screen.getByTestId("board-history")).getByText(/trả lại: S02 sai/)).toBeInTheDocument();
    await user.click(within(detail).getByRole("button", { name: "Với kỳ trước" }));
    await within(detail).findByText(/So với 2025-Q4 bản 1/);
    expect(client.diff).toHaveBeenLastCalledWith(CONNECTION, "00004", "2026-Q1", "previous-period");

    await user.click(within(detail).getByRole("button", { name: "Trả lại" }));
    const dialog = screen.getByRole("dialog");
    await user.click(within(dialog).getByRole("button", { name: "Trả lại" }));
    expect(within(dialog).getByText("Hãy nhập nội dung.")).toBeInTheDocument();
    expect(client.returnReport).not.toHaveBeenCalled();
    await user.type(within(dialog).getByRole("textbox"), "S02 thiếu minh chứng");
    await user.click(within(dialog).getByRole("button", { name: "Trả lại" }));
    await waitFor(() =>
      expect(client.returnReport).toHaveBeenCalledWith(
        CONNECTION,
        "00004",
        "2026-Q1",
        "S02 thiếu minh chứng",
        "sub-00004-2",
      ),
    );
    expect(await screen.findByTestId("board-message")).toHaveTextContent(
      "Đã trả lại báo cáo của Phường 00004 (00004).",
    );
  });

  it("accepts several reports at once after one confirmation, and names those it could not accept", async () => {
    const { user, client } = setup();
    await screen.findByTestId("board-row-00004");
    // only reports waiting for review can be selected
    expect(within(screen.getByTestId("board-row-00008")).queryByRole("checkbox")).toBeNull();
    await user.click(screen.getByRole("checkbox", { name: /Chọn Phường 00070/ }));
    await user.click(screen.getByRole("checkbox", { name: /Chọn Phường 00004/ }));
    await user.click(screen.getByRole("button", { name: "Chấp nhận 2 báo cáo đã chọn" }));
    const dialog = screen.getByRole("dialog");
    expect(dialog).toHaveTextContent("00070, 00004");
    await user.click(within(dialog).getByRole("button", { name: "Chấp nhận" }));
    await waitFor(() =>
      expect(client.acceptMany).toHaveBeenCalledWith(
        CONNECTION,
        [
          { unit: "00070", period: "2026-Q1", revision: 1 },
          { unit: "00004", period: "2026-Q1", revision: 1 },
        ],
        "",
      ),
    );
    const message = await screen.findByTestId("board-message");
    expect(message).toHaveTextContent("Đã chấp nhận 1; đã chấp nhận từ trước 0; không chấp nhận được 1.");
    expect(message).toHaveTextContent("00070: Đã có bản mới hơn");
  });
});
