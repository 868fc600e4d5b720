/**
 * The catalog version: a stable FNV-1a 64-bit hash over every field of every target, in catalog order. Changing any
 * field of any target (a name, a value, the source…) or the order of targets changes the version.
 */
import { CATALOG_YEARS, type Target } from "../types";
import { formatAppliesTo, hasOnlyDefaults } from "./defaults";

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

/** FNV-1a 64 over the UTF-8 bytes of `text`, as 16 hex digits. */
export function fnv1a64(text: string): string {
  let h = FNV_OFFSET;
  const bytes = new TextEncoder().encode(text);
  for (const byte of bytes) {
    h ^= BigInt(byte);
    h = (h * FNV_PRIME) & MASK;
  }
  return h.toString(16).padStart(16, "0");
}

/**
 * Every field of a target in a fixed order (object key order never matters). The fields of the 2026-12 revision are
 * added only when one differs from its default, so a catalog stored before the revision keeps its version.
 */
export function targetFingerprint(t: Target): unknown[] {
  const base: unknown[] = [
    t.id,
    t.group,
    t.name.vi,
    t.name.en,
    t.unitOfMeasure,
    CATALOG_YEARS.map((y) => t.unitOfMeasureByYear[y] ?? null),
    t.measure,
    t.direction,
    CATALOG_YEARS.map((y) => t.targetByYear[y] ?? null),
    t.reportedBy,
    t.aggregation,
    t.numeratorLabel,
    t.denominatorLabel,
    t.bottlenecks,
    t.status,
    t.source,
  ];
  if (hasOnlyDefaults(t)) return base;
  return [
    ...base,
    t.unitEn,
    CATALOG_YEARS.map((y) => t.unitEnByYear[y] ?? null),
    CATALOG_YEARS.map((y) => t.directionByYear[y] ?? null),
    t.numeratorLabelEn,
    t.denominatorLabelEn,
    formatAppliesTo(t.appliesTo),
    t.frequency,
    t.timeAggregation,
  ];
}

export function computeCatalogVersion(targets: readonly Target[]): string {
  return fnv1a64(JSON.stringify(targets.map(targetFingerprint)));
}
