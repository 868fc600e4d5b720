export { ReviewBanner, type ReviewBannerProps } from "./ReviewBanner";
export { DueReminders, periodName, type DueRemindersProps } from "./DueReminders";
export { figureText, remindersOf, targetsNamed, DUE_SOON_DAYS, type Reminder } from "./concerns";
