import type { Bilingual, Locale } from "../../domain/types";
import { MESSAGES, type MessageKey } from "./messages";
import { laterMessage } from "./registry";

export type MessageParams = Record<string, string | number>;

/** Fills `{name}` placeholders; an unknown placeholder is left visible rather than silently dropped. */
export function fill(text: string, params: MessageParams = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const text = (MESSAGES as Partial<Record<MessageKey, Bilingual>>)[key] ?? laterMessage(key);
  if (!text) {
    // a view used a text of a section it does not import: loud everywhere but in production, where the key shows
    if (process.env.NODE_ENV !== "production") throw new Error(`i18n: "${key}" is not loaded; import its section`);
    return key;
  }
  return fill(text[locale], params);
}

/** Picks one language of a bilingual text (rule issues, server problems, catalog names). */
export function pick(text: Bilingual, locale: Locale): string {
  return text[locale] || text.vi;
}

/** The pane's language from Office's display language ("vi-VN", "en-US"): Vietnamese unless it is English. */
export function localeFromDisplayLanguage(displayLanguage: string | null | undefined): Locale {
  return displayLanguage && /^en\b/i.test(displayLanguage) ? "en" : "vi";
}
