import "./matchers";
import { screen, waitFor, within } from "@testing-library/react";
import { defaultCatalog, defaultUnitRegistry } from "../../src/domain";
import { ApiError } from "../../src/taskpane/api/client";
import { SETTINGS } from "../../src/taskpane/util";
import { TOKEN_KEY_PREFIX } from "../../src/taskpane/token-store";
import { CONNECTION, FakeApi, FakeWorkbook } from "./fakes";
import { setup } from "./setup";

async function fillAndConnect(user: ReturnType<typeof setup>["user"], endpoint: string, token: string) {
  const address = await screen.findByLabelText(/Địa chỉ máy chủ/);
  await user.clear(address);
  if (endpoint) await user.type(address, endpoint);
  const tokenInput = screen.getByLabelText(/Mã truy cập của đơn vị/);
  await user.clear(tokenInput);
  if (token) await user.type(tokenInput, token);
  await user.click(screen.getByRole("button", { name: "Kết nối" }));
}

describe("Connect", () => {
  it("connects with the unit's token, shows the unit's name, keeps the address in the workbook and the token only in the user's storage", async () => {
    const { user, workbook, api } = setup({ connected: false });
    await fillAndConnect(user, "https://chitieu.test/", "good-token");
    expect(await screen.findByText(/Đã kết nối: Phường Ba Đình \(00004\)/)).toBeInTheDocument();
    expect(api.me).toHaveBeenCalledWith({ endpoint: "https://chitieu.test", token: "good-token" });
    expect(workbook.settings.get(SETTINGS.connection)).toEqual({ endpoint: "https://chitieu.test", unitCode: "00004" });
    expect(window.localStorage.getItem(`${TOKEN_KEY_PREFIX}https://chitieu.test`)).toBe("good-token");
    // nothing the workbook keeps holds the token
    expect(JSON.stringify([...workbook.settings.values()])).not.toContain("good-token");
    expect(workbook.settings.get(SETTINGS.session)).toEqual(
      expect.objectContaining({
        endpoint: "https://chitieu.test",
        catalog: expect.objectContaining({ version: defaultCatalog().version }),
      }),
    );
  });

  it("asks for the address and the token before calling the endpoint", async () => {
    const { user, api } = setup({ connected: false });
    await fillAndConnect(user, "", "");
    expect(await screen.findByText(/Nhập địa chỉ máy chủ, bắt đầu bằng https:\/\//)).toBeInTheDocument();
    expect(screen.getByText("Nhập mã truy cập của đơn vị.")).toBeInTheDocument();
    expect(api.me).not.toHaveBeenCalled();
  });

  it.each([
    [
      "a wrong token",
      new ApiError("unauthorized", "https://chitieu.test", { status: 401, code: "CT_TOKEN_INVALID" }),
      /Mã truy cập/,
      /Mã truy cập không đúng hoặc đã bị thu hồi/,
    ],
    [
      "an unreachable endpoint",
      new ApiError("unreachable", "https://chitieu.test"),
      /Địa chỉ máy chủ/,
      /Không kết nối được tới https:\/\/chitieu\.test/,
    ],
    [
      "a certificate problem",
      new ApiError("certificate", "https://chitieu.test"),
      /Địa chỉ máy chủ/,
      /chứng chỉ của nó chưa được máy này tin cậy/,
    ],
    [
      "an endpoint that does not answer in time",
      new ApiError("timeout", "https://chitieu.test", { details: { seconds: 15 } }),
      /Địa chỉ máy chủ/,
      /không trả lời trong 15 giây/,
    ],
  ])("explains %s on the field it concerns", async (_what, error, field, message) => {
    const api = new FakeApi();
    api.me.mockRejectedValueOnce(error);
    const { user } = setup({ connected: false, api });
    await fillAndConnect(user, "https://chitieu.test", "some-token");
    const input = await screen.findByLabelText(field);
    await waitFor(() => expect(input).toHaveAttribute("aria-invalid", "true"));
    expect(screen.getByText(message)).toBeInTheDocument();
  });

  it("refuses an address that is not one, without calling the endpoint", async () => {
    const { user, api } = setup({ connected: false });
    await fillAndConnect(user, "chitieu test", "t");
    expect(await screen.findByText(/“chitieu test” không phải địa chỉ hợp lệ/)).toBeInTheDocument();
    expect(api.me).not.toHaveBeenCalled();
  });

  it("reconnects by itself with the connection stored in the workbook", async () => {
    const { api } = setup();
    expect(await screen.findByText(/Đã kết nối: Phường Ba Đình/)).toBeInTheDocument();
    expect(api.me).toHaveBeenCalledWith(CONNECTION);
    expect(screen.queryByRole("button", { name: "Kết nối" })).not.toBeInTheDocument();
  });

  it("keeps working offline with the last session stored in the workbook", async () => {
    const workbook = new FakeWorkbook();
    const online = setup({ workbook });
    await screen.findByText(/Đã kết nối/);
    online.unmount();
    const api = new FakeApi();
    api.offline = true;
    setup({ workbook, api });
    expect(await screen.findByText(/Đang làm việc ngoại tuyến: Phường Ba Đình/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole("button", { name: "Mở mẫu báo cáo trong sổ" })).toBeEnabled());
  });

  it("lets the clerk change the connection, keeping the stored one until the new one works", async () => {
    const { user, workbook } = setup();
    await user.click(await screen.findByRole("button", { name: "Đổi kết nối" }));
    expect(screen.getByLabelText(/Địa chỉ máy chủ/)).toHaveValue("https://chitieu.test");
    expect(workbook.settings.get(SETTINGS.connection)).toEqual({ endpoint: CONNECTION.endpoint, unitCode: "00004" });
  });

  it("removes the token an older version saved in the workbook, says so, and asks for it when this user has none", async () => {
    window.localStorage.clear();
    const workbook = new FakeWorkbook();
    workbook.settings.set(SETTINGS.connection, { endpoint: "https://chitieu.test", token: "someone-elses-token" });
    const { api } = setup({ workbook, connected: false });
    expect(await screen.findByText(/Mã đã được gỡ khỏi sổ/)).toBeInTheDocument();
    expect(workbook.settings.get(SETTINGS.connection)).toEqual({ endpoint: "https://chitieu.test" });
    expect(await screen.findByLabelText(/Địa chỉ máy chủ/)).toHaveValue("https://chitieu.test");
    expect(screen.getByLabelText(/Mã truy cập của đơn vị/)).toHaveValue("");
    expect(api.me).not.toHaveBeenCalled();
  });

  it("removes an old workbook's token and reconnects with this user's own token", async () => {
    window.localStorage.clear();
    window.localStorage.setItem(`${TOKEN_KEY_PREFIX}https://chitieu.test`, "good-token");
    const workbook = new FakeWorkbook();
    workbook.settings.set(SETTINGS.connection, { endpoint: "https://chitieu.test", token: "stale-token" });
    const { api } = setup({ workbook });
    expect(await screen.findByText(/Đã kết nối: Phường Ba Đình/)).toBeInTheDocument();
    expect(api.me).toHaveBeenCalledWith({ endpoint: "https://chitieu.test", token: "good-token" });
    expect(screen.getByText(/Mã đã được gỡ khỏi sổ/)).toBeInTheDocument();
    expect(JSON.stringify([...workbook.settings.values()])).not.toContain("stale-token");
  });

  it("tells a planner's token that the form needs a unit token", async () => {
    const api = new FakeApi();
    api.meValue = { role: "planner", unit: null, demo: false };
    setup({ api });
    expect(await screen.findByText(/Mã này là của cán bộ tổng hợp/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Mở mẫu báo cáo trong sổ" })).not.toBeInTheDocument();
  });

  it("hands a planner's connection to the planner pane when the app has one", async () => {
    const api = new FakeApi();
    api.meValue = { role: "planner", unit: null, demo: false };
    const planner = jest.fn(() => <p>planner pane</p>);
    setup({ api, props: { planner } });
    expect(await screen.findByText("planner pane")).toBeInTheDocument();
    expect(planner).toHaveBeenLastCalledWith(
      expect.objectContaining({ connection: CONNECTION, me: api.meValue, catalog: api.catalogValue, offline: false }),
    );
    expect(screen.queryByText(/Mã này là của cán bộ tổng hợp/)).toBeNull();
  });

  it("shows the demo banner, with the clerk's tour to start, for a demo unit", async () => {
    const api = new FakeApi();
    api.meValue = { role: "unit", unit: defaultUnitRegistry().byCode("DEMO-01")!, demo: true };
    setup({ api });
    const banner = await screen.findByTestId("demo-banner");
    expect(banner).toHaveTextContent("Chế độ trình diễn");
    expect(banner).toHaveTextContent("không được tính vào báo cáo thật");
    expect(within(banner).getByRole("button", { name: "Hướng dẫn cho cán bộ nhập liệu" })).toBeInTheDocument();
  });

  it("shows no demo banner for a real unit", async () => {
    setup();
    await screen.findByText(/Đã kết nối/);
    expect(screen.queryByTestId("demo-banner")).toBeNull();
  });

  it("says plainly, in the chosen language, when Excel is too old for the add-in", async () => {
    setup({
      props: {
        hostProblem: {
          vi: "Excel này quá cũ: cần ExcelApi 1.8.",
          en: "This Excel is too old: ExcelApi 1.8 is needed.",
        },
      },
    });
    expect(await screen.findByText("Excel này quá cũ: cần ExcelApi 1.8.")).toBeInTheDocument();
  });
});
