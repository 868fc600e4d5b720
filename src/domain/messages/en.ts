/** English messages, built from an issue's code and params; each says what is wrong and how to fix it. */
import type { IssueCode } from "../types";
import * as format from "./format";
import type { MessageParams } from "./format";

// Local bindings, taken once: cheaper per call than live import bindings in CommonJS output (bench/validate).
const { at, direction, fieldName, num, readAs, str, subject, targetOnly, withUnit } = format;

type P = MessageParams;
const L = "en" as const;
const JUSTIFY = "Write a justification (at least 10 characters) giving the cause and the remedy, or check the figure.";

function offOrRisk(p: P, lead: string): string {
  const who = targetOnly(p, L);
  if (p.basis === "milestone") {
    return p.progress === "off_track"
      ? `${who}: the deadline ${str(p.deadline)} has passed and it is not done.`
      : `${who}: not started; due by ${str(p.deadline)}. Update the progress once work starts.`;
  }
  const own = p.decision ? `, the unit's own target under ${str(p.decision)}` : "";
  const goal = `${direction(p.direction, L)} ${withUnit(p.target, p, L)}${own}`;
  if (p.basis === "ytd") {
    return `${who}: the year-to-date total ${withUnit(p.figure, p, L)} ${lead} the pace of ${withUnit(p.prorata, p, L)} (${str(p.months)}/12 of the year's target: ${goal}).`;
  }
  return `${who}: the figure ${withUnit(p.figure, p, L)} ${lead} the ${str(p.year)} target (${goal}).`;
}

export const EN: Record<IssueCode, (p: P) => string> = {
  required: (p) =>
    `${subject(p, L)}: no figure entered. Enter the ${fieldName(p.field, L)} (blank is not zero: type 0 if the result is zero).`,
  not_a_number: (p) =>
    `${subject(p, L)}: "${str(p.text)}" is not a valid number. Type a number such as 12.5 or 1,234.5${p.percentSign ? " (without a % sign in this cell)" : ""}.`,
  ambiguous_number: (p) =>
    `${subject(p, L)}: "${str(p.text)}" can be read two ways; following the report's ${p.locale === "en" ? "English" : "Vietnamese"} number format it was read as ${readAs(p.value, L)}. If that is wrong, write it unambiguously, e.g. 1234 or 1.234.`,
  not_whole_number: (p) =>
    `${subject(p, L)}: ${num(p.value, L)} is not a whole number. A count must be a whole number (0, 1, 2, …).`,
  negative: (p) => `${subject(p, L)}: ${num(p.value, L)} is negative. Enter a number of 0 or more.`,
  percent_out_of_range: (p) =>
    `${subject(p, L)}: the share ${num(p.value, L)}% is outside 0–100. Enter a percentage, e.g. 12.5 for 12.5%.`,
  rate_out_of_range: (p) =>
    `${subject(p, L)}: the growth rate ${num(p.value, L)}% is outside −100 to 1,000. Check the figure (type 12.5 for 12.5%).`,
  numerator_above_denominator: (p) =>
    `${subject(p, L)}: the numerator ${num(p.numerator, L)} is larger than the denominator ${num(p.denominator, L)}, so the share would exceed 100%. Check and correct one of them.`,
  denominator_not_positive: (p) =>
    `${subject(p, L)}: the denominator ${num(p.value, L)} must be greater than 0. Enter the denominator (${str(p.denominatorLabelEn) || str(p.denominatorLabel) || "the total"}).`,
  partial_ratio: (p) =>
    `${subject(p, L)}: the ${fieldName(p.present, L)} is filled but the ${fieldName(p.field, L)} is missing. Enter both the numerator and the denominator, or leave both blank.`,
  unknown_milestone: (p) =>
    `${subject(p, L)}: "${str(p.text)}" is not a valid progress state. Choose "Not started", "In progress" or "Done".`,
  unknown_target: (p) =>
    `Target id "${str(p.targetId)}"${at(p, L)} is not in the catalog (version ${str(p.catalogVersion)}). Use the latest template or delete this row.`,
  duplicate_target: (p) =>
    `Target ${str(p.targetId)} appears more than once (row ${str(p.index)} repeats row ${str(p.firstIndex)}). Keep one row per target.`,
  target_not_for_unit: (p) =>
    `Target ${str(p.targetId)} is not assigned to unit ${str(p.unitCode)}. Delete this row, or ask the planners if your unit does report it.`,
  unknown_unit: (p) =>
    `Unit code "${str(p.unitCode)}" is not in the list of units. Check the unit code (5 digits for wards and communes) on the unit sheet.`,
  unknown_period: (p) =>
    `Report period "${str(p.period)}" is not valid. Write it as 2026-01 (month), 2026-Q1 (quarter), 2026-H1 (half year) or 2026 (year).`,
  catalog_version_mismatch: (p) =>
    `The report uses target catalog version ${str(p.got)}, not the current version ${str(p.expected)}. Download the new template and carry the figures over.`,
  off_track: (p) =>
    `${offOrRisk(p, "does not meet")} ${p.basis === "milestone" ? "Write a justification (at least 10 characters) giving the cause and the remedy." : JUSTIFY}`,
  at_risk: (p) => `${offOrRisk(p, "is close to but does not meet")} Keep an eye on it; no justification needed.`,
  no_target: (p) =>
    p.reason === "city_total"
      ? `Target ${str(p.targetId)}: the target is a city-wide total; the city has not assigned your unit a share of it, so the unit's figure is assessed only in the city total. Nothing to do.`
      : `Target ${str(p.targetId)}: no target set for ${str(p.year)}${p.termTarget !== null && p.termTarget !== undefined ? ` (2030 target: ${withUnit(p.termTarget, p, L, "termUnit")})` : ""}. The figure is still recorded; nothing to do.`,
  inconsistent_denominator: (p) =>
    `${subject(p, L)}: the population ${num(p.value, L)} differs from the population ${num(p.expected, L)} given for target ${str(p.reference)}. One report must use one population: make them the same or write a justification (at least 10 characters).`,
  justification_too_short: (p) =>
    `${subject(p, L)}: the justification is too short (${str(p.length)} characters). Write at least ${str(p.minLength)} characters giving the cause and the remedy.`,
  invalid_text: (p) =>
    `${subject(p, L)}: holds a character that is not allowed, ${str(p.character)}, at position ${str(p.position)} (a control character, a broken character or half of one). Type the cell's text again.`,
  text_too_long: (p) =>
    `${subject(p, L)}: ${str(p.length)} characters, more than the ${str(p.max)} allowed. Shorten it.`,
  not_applicable_without_reason: (p) =>
    `${subject(p, L)}: marked "not applicable" without a reason. Give the reason in the justification column (e.g. "The ward has no farmland"), or enter the figure.`,
  not_applicable_refused: (p) =>
    `${subject(p, L)}: the planners made this target always required for unit ${str(p.unitCode)}, so "not applicable" is not accepted. Enter the figure (type 0 if it is zero).`,
  history_outlier: (p) =>
    `${subject(p, L)}: ${num(p.figure, L)} is far from the unit's earlier figures (${p.basis === "year_before" ? "the same period a year before" : "earlier periods"}: ${str(p.earlier)}). Check it; if it is right, confirm it with a justification (at least 10 characters).`,
  disagrees_with_months: (p) =>
    `${subject(p, L)}: this period's figure ${num(p.figure, L)} differs from the one computed from the ${str(p.months)} months reported (${num(p.computed, L)}, by ${p.timeAggregation === "sum" ? "their sum" : p.timeAggregation === "last" ? "the last month" : p.timeAggregation === "mean" ? "their mean" : "Σ numerators / Σ denominators"}). Check it, or write a justification (at least 10 characters).`,
};
