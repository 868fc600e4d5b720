import type { Locale } from "../domain/types";
import { localeFromDisplayLanguage } from "./i18n";

export const LOCALE_STORAGE_KEY = "chitieu.locale";

/** The pane's language: ?lang=vi|en, else the person's last choice, else Office's display language, else Vietnamese. */
export function initialLocale(search: string, storage: Storage | null, displayLanguage: string | null): Locale {
  const fromQuery = new URLSearchParams(search).get("lang");
  if (fromQuery === "vi" || fromQuery === "en") return fromQuery;
  try {
    const saved = storage?.getItem(LOCALE_STORAGE_KEY);
    if (saved === "vi" || saved === "en") return saved;
  } catch {
    // storage disabled
  }
  return localeFromDisplayLanguage(displayLanguage);
}

export function rememberLocale(storage: Storage | null, locale: Locale): void {
  try {
    storage?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // storage disabled: the choice lasts for this session
  }
}
