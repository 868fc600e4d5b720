import "./matchers";
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { I18nProvider } from "../../src/taskpane/i18n";
import { HelpLinks, type HelpLinksProps } from "../../src/taskpane/components/HelpLinks/HelpLinks";

function show(props: HelpLinksProps, locale: "vi" | "en") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider locale={locale}>
        <HelpLinks {...props} />
      </I18nProvider>
    </FluentProvider>,
  );
}

describe("the pane's help links (issue #20)", () => {
  it("links the help page of the page's own endpoint before connecting, and no handout yet", () => {
    const { unmount } = show({ endpoint: null, role: null }, "vi");
    expect(screen.getByRole("link", { name: "Trang trợ giúp" })).toHaveAttribute("href", "/help.html");
    expect(screen.queryByTestId("handout-link")).toBeNull();
    unmount();
  });

  it("links the connected role's handout in the pane's language, on the connected endpoint", () => {
    const cases = [
      ["unit", "vi", "/handouts/clerk.vi.pdf", "Tờ hướng dẫn nhanh cho cán bộ đơn vị (PDF, in một trang)"],
      ["unit", "en", "/handouts/clerk.en.pdf", "Quick guide for clerks (PDF, one page to print)"],
      ["planner", "vi", "/handouts/planner.vi.pdf", "Tờ hướng dẫn nhanh cho cán bộ tổng hợp (PDF, in một trang)"],
      ["admin", "en", "/handouts/planner.en.pdf", "Quick guide for planners (PDF, one page to print)"],
    ] as const;
    for (const [role, locale, file, label] of cases) {
      const { unmount } = show({ endpoint: "https://chitieu.example:3000", role }, locale);
      const link = screen.getByTestId("handout-link");
      expect(link).toHaveAttribute("href", `https://chitieu.example:3000${file}`);
      expect(link).toHaveAttribute("target", "_blank");
      expect(link).toHaveTextContent(label);
      expect(screen.getByRole("link", { name: locale === "vi" ? "Trang trợ giúp" : "Help page" })).toHaveAttribute(
        "href",
        "https://chitieu.example:3000/help.html",
      );
      unmount();
    }
  });
});
