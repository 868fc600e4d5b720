import type { Locale } from "../domain/types";
import { localeFromDisplayLanguage } from "./i18n";
import { chosenLocale } from "./locale-choice";

export { LOCALE_STORAGE_KEY, browserStorage, chosenLocale, rememberLocale } from "./locale-choice";

/** The pane's language: ?lang=vi|en, else the person's last choice, else Office's display language, else Vietnamese. */
export function initialLocale(search: string, storage: Storage | null, displayLanguage: string | null): Locale {
  return chosenLocale(search, storage) ?? localeFromDisplayLanguage(displayLanguage);
}
