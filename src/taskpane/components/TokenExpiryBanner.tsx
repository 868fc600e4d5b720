import type * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useI18n } from "../i18n";

/** Warn this many days before the token stops working (the administrator rotates it meanwhile). */
export const TOKEN_WARNING_DAYS = 14;
const DAY = 86_400_000;

export interface TokenExpiryBannerProps {
  /** when the token stops working (GET /me `expiresAt`); null or absent = never */
  expiresAt: string | null | undefined;
  /** now, for tests; default the clock */
  now?: Date;
}

/** Days left before `expiresAt`, or null when there is nothing to warn about yet. */
export function tokenDaysLeft(expiresAt: string | null | undefined, now: Date): number | null {
  if (!expiresAt) return null;
  const left = Date.parse(expiresAt) - now.getTime();
  if (!Number.isFinite(left) || left > TOKEN_WARNING_DAYS * DAY) return null;
  return Math.max(0, Math.ceil(left / DAY));
}

/** A warning while the pane's token expires within 14 days, saying when (Hanoi time) and what to do. */
export function TokenExpiryBanner(props: TokenExpiryBannerProps): React.JSX.Element | null {
  const { b, locale } = useI18n();
  const days = tokenDaysLeft(props.expiresAt, props.now ?? new Date());
  if (days === null) return null;
  const when = new Date(props.expiresAt as string).toLocaleString(locale === "vi" ? "vi-VN" : "en-GB", {
    timeZone: "Asia/Ho_Chi_Minh",
    dateStyle: "medium",
    timeStyle: "short",
  });
  return (
    <MessageBar intent={days <= 1 ? "error" : "warning"} layout="multiline" data-testid="token-expiry-banner">
      <MessageBarBody>
        <MessageBarTitle>
          {b({ vi: `Mã truy cập hết hạn sau ${days} ngày`, en: `Your access token expires in ${days} day(s)` })}
        </MessageBarTitle>
        {b({
          vi: `Mã hết hạn lúc ${when} (giờ Hà Nội). Xin quản trị viên cấp mã mới rồi nhập vào ô Mã truy cập trước thời điểm đó.`,
          en: `It stops working at ${when} (Hanoi time). Ask your administrator for a new token and enter it before then.`,
        })}
      </MessageBarBody>
    </MessageBar>
  );
}
