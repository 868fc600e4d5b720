export { aggregate, expectedReporters, type AggregateOptions } from "./aggregate";
