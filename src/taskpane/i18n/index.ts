export { MESSAGES, type MessageKey, type PlannerTextKey } from "./messages";
export { fill, translate, pick, localeFromDisplayLanguage, type MessageParams } from "./translate";
export { I18nProvider, useI18n, makeI18n, type I18n, type I18nProviderProps } from "./I18nProvider";
