import "./matchers";
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { I18nProvider } from "../../src/taskpane/i18n";
import { TokenExpiryBanner, tokenDaysLeft } from "../../src/taskpane/components/TokenExpiryBanner";
import { toMe } from "../../src/taskpane/api/client";

const NOW = new Date("2026-12-03T03:00:00Z");
const inDays = (d: number) => new Date(NOW.getTime() + d * 86_400_000).toISOString();

function show(expiresAt: string | null, locale: "vi" | "en") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider locale={locale}>
        <TokenExpiryBanner expiresAt={expiresAt} now={NOW} />
      </I18nProvider>
    </FluentProvider>,
  );
}

describe("the token expiry warning in the pane", () => {
  it("reads expiresAt from /me, and keeps /me without it as before", () => {
    expect(toMe({ role: "unit", unit: null, demo: false, expiresAt: "2027-01-01T00:00:00.000Z" }).expiresAt).toBe(
      "2027-01-01T00:00:00.000Z",
    );
    expect(toMe({ role: "unit", unit: null, demo: false })).toEqual({ role: "unit", unit: null, demo: false });
  });

  it("warns within 14 days, in Hanoi time, and says nothing earlier or for a token that never expires", () => {
    expect(tokenDaysLeft(inDays(15), NOW)).toBeNull();
    expect(tokenDaysLeft(null, NOW)).toBeNull();
    expect(tokenDaysLeft(inDays(14), NOW)).toBe(14);
    expect(tokenDaysLeft(inDays(-1), NOW)).toBe(0);

    const { unmount } = show(inDays(3), "vi");
    const banner = screen.getByTestId("token-expiry-banner");
    expect(banner).toHaveTextContent("Mã truy cập hết hạn sau 3 ngày");
    expect(banner).toHaveTextContent("giờ Hà Nội");
    expect(banner).toHaveTextContent("10:00"); // 03:00 UTC is 10:00 in Hanoi
    unmount();
    show(inDays(20), "en");
    expect(screen.queryByTestId("token-expiry-banner")).toBeNull();
  });
});
