/** Shared fixtures for the domain tests: the default catalog and units, and a report that passes every check. */
import {
  defaultCatalog,
  defaultUnitRegistry,
  emptyParsedEntry,
  type EntryInput,
  type ParsedEntry,
  type ReportInput,
  type ValidationContext,
} from "../../src/domain";

export const catalog = defaultCatalog();
export const units = defaultUnitRegistry();
export const ctx: ValidationContext = { catalog, units };

/** A ward's complete Q1 2026 report in which every figure meets its target (or has none to meet). U07 (craft
 * villages) applies to communes only; the yearly targets are not due in Q1 but a ward may report them. */
export function goodWardEntries(): EntryInput[] {
  const pop = "50.000";
  return [
    { targetId: "E10", numerator: "30", denominator: "100" },
    { targetId: "S01", numerator: pop, denominator: pop },
    { targetId: "S02", value: "120" },
    { targetId: "S06", numerator: "700", denominator: "1000" },
    { targetId: "S09", numerator: "47.000", denominator: pop },
    { targetId: "S10", numerator: "60", denominator: "100" },
    { targetId: "S13", numerator: "8", denominator: "10" },
    { targetId: "U04", numerator: pop, denominator: pop },
    { targetId: "U06", numerator: "60", denominator: "100" },
    { targetId: "U08", numerator: "50", denominator: "100" },
    { targetId: "U09", numerator: "100", denominator: "100" },
    { targetId: "U10", numerator: "500.000", denominator: pop },
    { targetId: "U12", numerator: "98", denominator: "100" },
    { targetId: "U13", value: "2" },
    { targetId: "U14", value: "0" },
    { targetId: "U15", value: "0" },
    { targetId: "U16", value: "15" },
    { targetId: "P01", numerator: "6", denominator: "10" },
    { targetId: "P02", numerator: "80", denominator: "100" },
    { targetId: "P03", value: "25" },
  ];
}

export function wardReport(overrides: Partial<ReportInput> = {}, entries = goodWardEntries()): ReportInput {
  return { unitCode: "00004", period: "2026-Q1", catalogVersion: catalog.version, locale: "vi", entries, ...overrides };
}

/** The good ward entries with one row replaced (or removed when `entry` is null). */
export function withEntry(targetId: string, entry: Omit<EntryInput, "targetId"> | null): EntryInput[] {
  const list = goodWardEntries().filter((e) => e.targetId !== targetId);
  return entry === null ? list : [...list, { targetId, ...entry }];
}

export function parsed(targetId: string, fields: Partial<ParsedEntry>): ParsedEntry {
  return { ...emptyParsedEntry(targetId), ...fields };
}
