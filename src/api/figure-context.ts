/**
 * What the rules used beside a report's own figures (issue #14), shown with a dry run and with GET
 * /reports/:unit/:period: per target, the unit's earlier figures (the history checks judge against them) and, for a
 * quarter, half or year, the figure computed from the unit's months beside the typed one.
 */
import { z } from "zod";
import { TIME_AGGREGATIONS } from "../domain/types";

export const HistoryPoint = z.object({ period: z.string(), figure: z.number() });

export const TargetHistory = z.object({
  earlier: z.array(HistoryPoint).describe("the unit's earlier figures of the same period kind, oldest first"),
  yearBefore: HistoryPoint.nullable().describe("the same period a year before, when reported"),
  outlier: z
    .enum(["earlier_periods", "year_before"])
    .nullable()
    .describe("the figure is far from that history (a warning history_outlier): against which"),
});

export const FromMonths = z.object({
  figure: z.number().nullable().describe("the figure typed for the period (null when blank or not applicable)"),
  computed: z.number().describe("the figure computed from the unit's months, by the target's time_aggregation"),
  months: z.number().int().describe("how many months entered it"),
  timeAggregation: z.enum(TIME_AGGREGATIONS),
  disagrees: z.boolean().describe("more than 1 % apart (a warning disagrees_with_months)"),
});

export const ReportFigureContext = z.object({
  history: z.record(z.string(), TargetHistory).describe("per target id, only targets with earlier figures"),
  fromMonths: z
    .record(z.string(), FromMonths)
    .describe("per target id: a quarter's, half's or year's figure beside the one from its months"),
});

export type ReportFigureContext = z.infer<typeof ReportFigureContext>;
