import "./matchers";
import { screen, within } from "@testing-library/react";
import { localeFromDisplayLanguage } from "../../src/taskpane/i18n";
import { initialLocale, LOCALE_STORAGE_KEY } from "../../src/taskpane/locale";
import { setupSeeded } from "./setup";

describe("language", () => {
  it("switches to English without a reload, showing numbers the English way", async () => {
    const onLocaleChange = jest.fn();
    const { user } = await setupSeeded([{ targetId: "S02", value: 12345.5 }], { props: { onLocaleChange } });
    expect(screen.getByRole("heading", { level: 3, name: /^Văn hóa - Xã hội/ })).toBeInTheDocument();
    expect(screen.getByLabelText(/^S02 · Giá trị/)).toHaveValue("12.345,5");
    await user.click(screen.getByRole("button", { name: "English" }));
    expect(screen.getByRole("heading", { level: 3, name: /^Society/ })).toBeInTheDocument();
    expect(screen.getByLabelText(/^S02 · Actual value/)).toHaveValue("12,345.5");
    expect(screen.getByRole("tab", { name: /Entries/ })).toBeInTheDocument();
    expect(onLocaleChange).toHaveBeenCalledWith(expect.anything(), { locale: "en" });
  });

  it("keeps the meaning of a number typed before the switch", async () => {
    const { user, workbook } = await setupSeeded([]);
    await user.type(screen.getByLabelText(/^S02 · Giá trị/), "1.234");
    await user.click(screen.getByRole("button", { name: "English" }));
    expect(screen.getByLabelText(/^S02 · Actual value/)).toHaveValue("1,234");
    expect(workbook.value("S02", "value")).toBe(1234);
  });

  it("shows rule messages in the chosen language", async () => {
    const { user } = await setupSeeded([{ targetId: "S02", value: "mười hai" }]);
    await user.click(screen.getByRole("button", { name: "English" }));
    await user.click(screen.getByRole("tab", { name: /Issues/ }));
    const panel = screen.getByRole("tabpanel");
    expect(within(panel).getByRole("heading", { level: 2, name: "Issues to resolve" })).toBeInTheDocument();
    expect(within(panel).getAllByText("Error").length).toBeGreaterThan(0);
  });

  it.each([
    ["vi-VN", "vi"],
    ["en-US", "en"],
    ["en-GB", "en"],
    ["fr-FR", "vi"],
    [null, "vi"],
  ])("reads Office's display language %s as %s", (display, locale) => {
    expect(localeFromDisplayLanguage(display)).toBe(locale);
  });

  it.each([
    ["?lang=en", "vi", "vi-VN", "en"],
    ["", "en", "vi-VN", "en"],
    ["", null, "en-US", "en"],
    ["?lang=xx", null, null, "vi"],
  ])("with query %j, stored choice %s and Office language %s starts in %s", (search, stored, display, expected) => {
    const storage = window.localStorage;
    storage.clear();
    if (stored) storage.setItem(LOCALE_STORAGE_KEY, stored);
    expect(initialLocale(search, storage, display)).toBe(expected);
  });
});
