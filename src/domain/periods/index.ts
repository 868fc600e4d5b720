export {
  parsePeriod,
  makePeriod,
  periodLabel,
  periodMonths,
  monthsElapsed,
  listPeriods,
  PERIOD_KINDS,
  DEMO_PERIOD_ID,
} from "./periods";
export {
  DEFAULT_SCHEDULE,
  MID_MONTH_SCHEDULE,
  periodWindow,
  periodPhase,
  isOnTime,
  reportablePeriods,
  type ReportablePeriod,
} from "./schedule";
export { hanoiDate, hanoiDateTime, addDays, daysFromIso, isoFromDays } from "./dates";
