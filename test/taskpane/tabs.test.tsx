import "./matchers";
import { screen } from "@testing-library/react";
import { cleanEntries, setupSeeded } from "./setup";

describe("report tabs", () => {
  it("are one tab stop, moved between with the arrow keys, each labelling the panel it shows", async () => {
    const { user } = await setupSeeded(cleanEntries());
    const tabs = screen.getAllByRole("tab");
    expect(tabs.map((t) => t.getAttribute("tabindex"))).toEqual(["0", "-1", "-1", "-1"]);
    tabs[0].focus();
    await user.keyboard("{ArrowRight}");
    expect(screen.getByRole("tab", { name: /Vấn đề/ })).toHaveFocus();
    expect(screen.getByRole("tab", { name: /Vấn đề/ })).toHaveAttribute("aria-selected", "true");
    expect(screen.getByRole("tabpanel")).toHaveAccessibleName(/Vấn đề/);
    await user.keyboard("{End}");
    expect(screen.getByRole("tab", { name: "Gửi" })).toHaveAttribute("aria-selected", "true");
    await user.keyboard("{ArrowRight}");
    expect(screen.getByRole("tab", { name: "Nhập liệu" })).toHaveFocus();
    expect(screen.getByRole("tabpanel")).toHaveAccessibleName("Nhập liệu");
  });
});
