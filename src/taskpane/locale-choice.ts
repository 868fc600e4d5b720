import type { Locale } from "../domain/types";

/** Kept apart from the text catalogue so the pre-rendered first screen's script (shell/) can use it at no cost. */
export const LOCALE_STORAGE_KEY = "chitieu.locale";

/** The language the person chose: ?lang=vi|en, else their last choice in this browser; null when neither says. */
export function chosenLocale(search: string, storage: Storage | null): Locale | null {
  const fromQuery = new URLSearchParams(search).get("lang");
  if (fromQuery === "vi" || fromQuery === "en") return fromQuery;
  try {
    const saved = storage?.getItem(LOCALE_STORAGE_KEY);
    if (saved === "vi" || saved === "en") return saved;
  } catch {
    // storage disabled
  }
  return null;
}

export function rememberLocale(storage: Storage | null, locale: Locale): void {
  try {
    storage?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // storage disabled: the choice lasts for this session
  }
}

/** This origin's localStorage, or null where the browser refuses it (private modes, some Office webviews). */
export function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
