/**
 * The shell's page logic (src/taskpane/shell/shell-dom.ts) on the real pre-rendered templates: which screen shows,
 * what it offers, that typing, the language button and "Connect" before the pane runs are kept, and that the pane's
 * form takes them over (index.tsx: readShell → the first draw with `typed` → finishShell).
 */
import "../matchers";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { act, screen, waitFor } from "@testing-library/react";
import type { RenderedShell } from "../../../src/taskpane/shell/render-shell";
import { finishShell, readShell, showShell } from "../../../src/taskpane/shell/shell-dom";
import { LOCALE_STORAGE_KEY } from "../../../src/taskpane/locale";
import { SETTINGS } from "../../../src/taskpane/util";
import { CONNECTION, FakeWorkbook, WARD } from "../fakes";
import { setup } from "../setup";

// rendered in Node, as the build does (in jsdom the FluentProvider would leave its theme style to the browser)
const ROOT = path.resolve(__dirname, "..", "..", "..");
const shell = JSON.parse(
  execFileSync(path.join(ROOT, "node_modules", ".bin", "tsx"), [path.join(__dirname, "print-shell.ts")], {
    encoding: "utf8",
  }),
) as RenderedShell;

function page(search = ""): void {
  document.head.innerHTML = shell.style;
  document.body.innerHTML = `<div id="root"><p id="boot">Loading…</p></div>${shell.templates}`;
  window.history.replaceState(null, "", `/taskpane.html${search}`);
  window.localStorage.clear();
}

function prefersDark(dark: boolean): void {
  window.matchMedia = ((query: string) => ({
    matches: dark && query.includes("dark"),
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  })) as unknown as typeof window.matchMedia;
}

const input = (type: string) => document.querySelector<HTMLInputElement>(`#root input[type=${type}]`)!;

describe("the shell in the page", () => {
  beforeEach(() => prefersDark(false));

  it("shows the Vietnamese preview screen with the page's address, and nothing without templates or in dark mode", () => {
    page();
    expect(showShell(document, window, window.localStorage)).toBe(true);
    expect(document.getElementById("boot")).toBeNull();
    expect(screen.getByLabelText(/Địa chỉ máy chủ/)).toHaveValue("http://localhost");
    expect(screen.getByText(/Bản xem trước ngoài Excel/)).toBeInTheDocument();
    expect(document.documentElement.lang).toBe("vi");

    prefersDark(true);
    page();
    expect(showShell(document, window, window.localStorage)).toBe(false);
    expect(document.getElementById("boot")).not.toBeNull();

    prefersDark(false);
    document.body.innerHTML = `<div id="root"><p id="boot">Loading…</p></div>`;
    expect(showShell(document, window, window.localStorage)).toBe(false);
  });

  it("follows ?lang and the remembered choice, and the Excel layout inside Office", () => {
    page("?lang=en&_host_Info=Excel$Win32$16.01$vi-VN");
    showShell(document, window, window.localStorage);
    expect(screen.getByLabelText(/Endpoint address/)).toBeInTheDocument();
    expect(screen.queryByText(/preview outside Excel/i)).toBeNull();
    page();
    window.localStorage.setItem(LOCALE_STORAGE_KEY, "en");
    showShell(document, window, window.localStorage);
    expect(screen.getByLabelText(/Endpoint address/)).toBeInTheDocument();
  });

  it("keeps what is typed through the language button, remembers the choice, and notes Connect without leaving", () => {
    page();
    showShell(document, window, window.localStorage);
    input("url").value = "https://chitieu.test";
    input("password").value = "t0ken";
    screen.getByRole("button", { name: "English" }).click();
    expect(screen.getByLabelText(/Unit access token/)).toHaveValue("t0ken");
    expect(screen.getByLabelText(/Endpoint address/)).toHaveValue("https://chitieu.test");
    expect(window.localStorage.getItem(LOCALE_STORAGE_KEY)).toBe("en");
    expect(document.documentElement.lang).toBe("en");
    input("password").focus();
    const submit = new Event("submit", { cancelable: true, bubbles: true });
    document.querySelector("#root form")!.dispatchEvent(submit);
    expect(submit.defaultPrevented).toBe(true);
    expect(readShell(document)).toEqual({
      endpoint: "https://chitieu.test",
      token: "t0ken",
      submitted: true,
      focus: "token",
    });
  });

  it("hands typing, focus and a pressed Connect to the pane's own form, and drops the shell's styles", async () => {
    page();
    showShell(document, window, window.localStorage);
    input("password").value = CONNECTION.token;
    input("url").value = CONNECTION.endpoint;
    input("password").focus();
    document.querySelector("#root form")!.dispatchEvent(new Event("submit", { cancelable: true, bubbles: true }));
    const typed = readShell(document)!;
    document.getElementById("root")!.remove(); // the pane draws in its own container in this test
    const { api } = setup({ connected: false, props: { typed: { endpoint: typed.endpoint, token: typed.token } } });
    expect(screen.getByLabelText(/Mã truy cập của đơn vị/)).toHaveValue(CONNECTION.token);
    act(() => finishShell(document, typed));
    expect(document.getElementById("ct-shell-style")).toBeNull();
    expect(document.activeElement).toBe(screen.getByLabelText(/Mã truy cập của đơn vị/));
    expect(await screen.findByText(/Đã kết nối: Phường Ba Đình/)).toBeInTheDocument();
    expect(api.me).toHaveBeenCalledWith(CONNECTION);
  });

  it("does not let a connection stored in the workbook replace what was typed in the shell", async () => {
    const workbook = new FakeWorkbook();
    workbook.settings.set(SETTINGS.connection, { endpoint: "https://stored.test", unitCode: WARD.code });
    const { api } = setup({
      connected: false,
      workbook,
      props: { typed: { endpoint: "https://typed.test", token: "" } },
    });
    await waitFor(() => expect(workbook.loadSettingMock).toHaveBeenCalled());
    expect(screen.getByLabelText(/Địa chỉ máy chủ/)).toHaveValue("https://typed.test");
    expect(api.me).not.toHaveBeenCalled();
  });
});
