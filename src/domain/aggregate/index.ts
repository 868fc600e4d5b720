export { aggregate, expectedReporters, type AggregateOptions } from "./aggregate";
export { combinePeriods, type CombinedFigure } from "./time";
