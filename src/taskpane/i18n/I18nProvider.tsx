import * as React from "react";
import { formatNumber } from "../../domain";
import type { Locale } from "../../domain/types";
import { pick, translate } from "./translate";

import type { I18n } from "./types";

export type { I18n };

/** Intl formatters in Hanoi time, built on first use: creating one loads the time-zone data, which the first screen
 * (the connect form) never needs and which cost tens of milliseconds at start-up. */
function lazily<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

export function makeI18n(locale: Locale): I18n {
  const tag = locale === "vi" ? "vi-VN" : "en-GB";
  const dateFmt = lazily(
    () =>
      new Intl.DateTimeFormat(tag, {
        day: "2-digit",
        month: "2-digit",
        year: "numeric",
        timeZone: "Asia/Ho_Chi_Minh",
      }),
  );
  // day/month/year then the time, in Hanoi time, the same way in both languages (Intl's vi-VN puts the time first)
  const partsFmt = lazily(
    () =>
      new Intl.DateTimeFormat("en-GB", {
        day: "2-digit",
        month: "2-digit",
        year: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
        hourCycle: "h23",
        timeZone: "Asia/Ho_Chi_Minh",
      }),
  );
  const dateTimeFmt = {
    format(d: Date): string {
      const p = Object.fromEntries(
        partsFmt()
          .formatToParts(d)
          .map((x) => [x.type, x.value]),
      );
      return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}:${p.second}`;
    },
  };
  const safe = (fmt: Pick<Intl.DateTimeFormat, "format">, iso: string) => {
    const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00+07:00` : iso);
    return Number.isNaN(d.getTime()) ? iso : fmt.format(d);
  };
  return {
    locale,
    t: (key, params) => translate(locale, key, params),
    b: (text) => pick(text, locale),
    num: (x, maxFractionDigits) => formatNumber(x, locale, maxFractionDigits),
    date: (iso) => safe(dateFmt(), iso),
    dateTime: (iso) => safe(dateTimeFmt, iso),
  };
}

const I18nContext = React.createContext<I18n>(makeI18n("vi"));

export interface I18nProviderProps {
  locale: Locale;
  children?: React.ReactNode;
}

export function I18nProvider(props: I18nProviderProps): React.JSX.Element {
  const value = React.useMemo(() => makeI18n(props.locale), [props.locale]);
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return React.useContext(I18nContext);
}
