import type { Bilingual, Locale } from "../../domain/types";
import type { MessageKey } from "./messages";
import type { MessageParams } from "./translate";

export interface I18n {
  locale: Locale;
  t: (key: MessageKey, params?: MessageParams) => string;
  /** one language of a bilingual text (issue messages, catalog names) */
  b: (text: Bilingual) => string;
  num: (x: number, maxFractionDigits?: number) => string;
  date: (iso: string) => string;
  dateTime: (iso: string) => string;
}
