/** The targets' catalog: GET /catalog, GET /catalog/:version, and the admin's CSV import (POST /admin/catalog). */
import { z } from "zod";
import { BOTTLENECK_NAMES } from "../domain";
import { CATALOG_YEARS, type Bottleneck } from "../domain/types";
import { Bilingual, text } from "./text";

const BOTTLENECKS = Object.keys(BOTTLENECK_NAMES) as [Bottleneck, ...Bottleneck[]];

/** What a year's target resolves to (domain YearTarget): a value, a date, or none (never a number). */
export const YearTarget = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("value"),
    year: z.literal(CATALOG_YEARS),
    value: z.number(),
    unitOfMeasure: z.string(),
  }),
  z.object({ kind: z.literal("date"), year: z.literal(CATALOG_YEARS), date: z.string() }),
  z.object({
    kind: z.literal("none"),
    year: z.number().int(),
    termTarget: z.union([z.number(), z.string()]).nullable(),
  }),
]);

export const Target = z.object({
  id: z.string(),
  group: z.enum(["economy", "society", "urban_environment", "party_building"]),
  name: Bilingual,
  unitOfMeasure: z.string(),
  unitOfMeasureByYear: z.record(z.string(), z.string()),
  unitEn: z.string().nullable(),
  unitEnByYear: z.record(z.string(), z.string()),
  measure: z.enum(["rate", "percent", "amount", "count", "index", "milestone"]),
  direction: z.enum([">=", ">", "<=", "<", "done_by"]),
  directionByYear: z.record(z.string(), z.enum([">=", ">", "<=", "<", "done_by"])),
  targetByYear: z.record(z.string(), z.union([z.number(), z.string()])),
  reportedBy: z.enum(["communes", "departments", "city"]),
  aggregation: z.enum(["sum", "ratio_of_sums", "city_only", "none"]),
  numeratorLabel: z.string().nullable(),
  denominatorLabel: z.string().nullable(),
  numeratorLabelEn: z.string().nullable(),
  denominatorLabelEn: z.string().nullable(),
  appliesTo: z.array(
    z.object({ kind: z.enum(["ward", "commune", "department", "city"]), plannerSelects: z.boolean() }),
  ),
  frequency: z.enum(["month", "quarter", "half", "year"]),
  timeAggregation: z.enum(["sum", "last", "mean", "ratio_of_sums"]),
  bottlenecks: z.array(z.enum(BOTTLENECKS)),
  status: z.enum([
    "verified-congress",
    "verified-plan-2026",
    "verified",
    "verified-en",
    "partial",
    "candidate",
    "unknown-value",
  ]),
  source: z.string(),
});

export const Catalog = z.object({ version: z.string(), targets: z.array(Target) });

export const CatalogImportBody = z
  .object({
    csv: text(900_000).min(1).describe("the catalog as CSV, same columns as `chitieu catalog export`"),
    source: text(200).optional().describe("where it comes from, e.g. the appendix's file name"),
    makeCurrent: z.boolean().optional().describe("default true"),
  })
  .strict();

export const CatalogImportResponse = z.object({
  version: z.string(),
  targets: z.number().int(),
  current: z.string(),
  previous: z.string(),
});

export const CatalogVersionParams = z.object({ version: z.string().min(1).max(64) });

export type TargetWire = z.infer<typeof Target>;
export type CatalogWire = z.infer<typeof Catalog>;
export type CatalogImportBody = z.infer<typeof CatalogImportBody>;
export type CatalogImportResponse = z.infer<typeof CatalogImportResponse>;
