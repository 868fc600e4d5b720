/**
 * One target row as typed → a ParsedEntry (numbers are numbers, blanks are null — never 0), with the type and
 * hard-bound checks of that row. Issues go to a sink so validate() can add where they happened.
 */
import type {
  EntryField,
  EntryInput,
  IssueCode,
  Locale,
  MilestoneState,
  ParsedEntry,
  RawValue,
  Severity,
  Target,
} from "../types";
import type { MessageParams } from "../messages";
import * as textModule from "../text";
import * as numberModule from "./number";
import { MILESTONE_LABELS } from "./labels";

// Local bindings, taken once: cheaper per call than live import bindings in CommonJS output (bench/validate).
const { SCAN_BLANK, SCAN_INVALID, SCAN_NUMBER, scanNumber, scanned } = numberModule;
const { normalizeText, toneKey, forbiddenCharacter, codePointLabel, TEXT_LIMITS } = textModule;

/** Where a row's issues go; validate() adds the unit, period, path and cell. (An object, not a closure: cheap per call.) */
export interface IssueSink {
  issue(code: IssueCode, ruleId: string, field: EntryField | null, severity: Severity, params: MessageParams): void;
}

/**
 * "ok": a figure to assess; "blank": nothing typed; "invalid": something typed that failed a check;
 * "not_applicable": the clerk answered `không áp dụng` / `N/A` (validate() checks the reason).
 */
export type EntryState = "ok" | "blank" | "invalid" | "not_applicable";

/** The words that mean "not applicable", compared after toneKey (any case, any tone placement). */
const NOT_APPLICABLE_KEYS = new Set(["không áp dụng", "khong ap dung", "n/a"].map((w) => toneKey(w)));

/** True for `không áp dụng`, `Không áp dụng`, `N/A`, `n/a` (a cell or a form field); cheap on numbers. */
export function isNotApplicableText(raw: RawValue): boolean {
  if (typeof raw !== "string") return false;
  const c = raw.charCodeAt(0) | 0x20; // lower case for letters; a space stays a space
  if (c !== 0x6b /* k */ && c !== 0x6e /* n */ && c !== 0x20 && c !== 0x29 /* tab */ && c !== 0xa0) return false;
  return NOT_APPLICABLE_KEYS.has(toneKey(raw.trim()));
}

function primaryRaw(target: Target, entry: EntryInput): RawValue {
  if (target.measure === "milestone") return entry.milestone;
  return target.aggregation === "ratio_of_sums" ? entry.numerator : entry.value;
}

/** Besides each state's code and its display labels (labels.ts), other words clerks use for it. */
const MILESTONE_ALIASES: Record<MilestoneState, string[]> = {
  not_started: [],
  in_progress: [],
  done: ["Đã hoàn thành", "Completed"],
};
const MILESTONE_BY_KEY = new Map<string, MilestoneState>();
/** Texts already seen (null = not a state): the labels repeat in every report. */
const MILESTONE_BY_TEXT = new Map<string, MilestoneState | null>();
const milestoneKey = (s: string): string => toneKey(s.replace(/_/g, " "));
for (const { state, vi, en } of MILESTONE_LABELS)
  for (const l of [state, vi, en, ...MILESTONE_ALIASES[state]]) MILESTONE_BY_KEY.set(milestoneKey(l), state);

/** A milestone state from its code or its vi/en label (any case, "Hoà"/"Hòa" spelling); null = blank. */
export function parseMilestone(raw: RawValue): MilestoneState | null | undefined {
  if (raw === null || raw === undefined) return null;
  const text = String(raw);
  if (text.trim() === "") return null;
  const known = MILESTONE_BY_TEXT.get(text);
  if (known !== undefined) return known ?? undefined;
  const state = MILESTONE_BY_KEY.get(milestoneKey(text));
  if (MILESTONE_BY_TEXT.size > 1000) MILESTONE_BY_TEXT.clear();
  MILESTONE_BY_TEXT.set(text, state ?? null);
  return state;
}

function text(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined || raw === "") return null;
  const t = normalizeText(String(raw));
  return t === "" ? null : t;
}

/** undefined = something typed that is not a usable number (an issue was reported). */
function readNumber(
  raw: RawValue,
  locale: Locale,
  field: EntryField,
  allowPercentSign: boolean,
  sink: IssueSink,
): number | null | undefined {
  const kind = scanNumber(raw, locale);
  if (kind === SCAN_BLANK) return null;
  if (kind === SCAN_INVALID || (scanned.percentSign && !allowPercentSign)) {
    sink.issue("not_a_number", "type.number", field, "error", {
      text: String(raw),
      percentSign: kind === SCAN_NUMBER,
    });
    return undefined;
  }
  const value = scanned.value;
  if (scanned.ambiguous) {
    sink.issue("ambiguous_number", "type.ambiguous_number", field, "info", {
      text: String(raw),
      value,
      locale,
    });
  }
  return value;
}

/** Hard bounds of a single figure by measure kind; false when an error was reported. */
function checkBounds(target: Target, v: number, sink: IssueSink): boolean {
  switch (target.measure) {
    case "percent":
      if (v < 0 || v > 100)
        return (sink.issue("percent_out_of_range", "bounds.percent", "value", "error", { value: v }), false);
      return true;
    case "rate":
      if (v < -100 || v > 1000)
        return (sink.issue("rate_out_of_range", "bounds.rate", "value", "error", { value: v }), false);
      return true;
    case "count":
      if (v < 0) return (sink.issue("negative", "bounds.non_negative", "value", "error", { value: v }), false);
      if (!Number.isInteger(v))
        return (sink.issue("not_whole_number", "bounds.whole", "value", "error", { value: v }), false);
      return true;
    default:
      if (v < 0) return (sink.issue("negative", "bounds.non_negative", "value", "error", { value: v }), false);
      return true;
  }
}

function parseRatio(target: Target, entry: EntryInput, locale: Locale, out: ParsedEntry, sink: IssueSink): EntryState {
  const num = readNumber(entry.numerator, locale, "numerator", false, sink);
  const den = readNumber(entry.denominator, locale, "denominator", false, sink);
  out.numerator = num ?? null;
  out.denominator = den ?? null;
  if (num === undefined || den === undefined) return "invalid";
  if (num === null && den === null) return "blank";
  if (num === null || den === null) {
    const missing: EntryField = num === null ? "numerator" : "denominator";
    sink.issue("partial_ratio", "ratio.both_parts", missing, "error", {
      present: missing === "numerator" ? "denominator" : "numerator",
    });
    return "invalid";
  }
  let ok = true;
  if (num < 0) ok = (sink.issue("negative", "bounds.non_negative", "numerator", "error", { value: num }), false);
  if (den <= 0) {
    sink.issue("denominator_not_positive", "ratio.denominator_positive", "denominator", "error", {
      value: den,
      denominatorLabel: target.denominatorLabel,
      denominatorLabelEn: target.denominatorLabelEn ?? null,
    });
    ok = false;
  }
  if (ok && target.measure === "percent" && num > den) {
    sink.issue("numerator_above_denominator", "ratio.numerator_le_denominator", "numerator", "error", {
      numerator: num,
      denominator: den,
    });
    ok = false;
  }
  return ok ? "ok" : "invalid";
}

const TEXT_FIELDS = ["justification", "evidence", "responsible"] as const;

/** Parse one row into `out` (already holding targetId); returns the row's state. */
export function parseEntryInto(
  entry: EntryInput,
  target: Target,
  locale: Locale,
  out: ParsedEntry,
  sink: IssueSink,
): EntryState {
  out.justification = text(entry.justification);
  out.evidence = text(entry.evidence);
  out.responsible = text(entry.responsible);
  // as sent, before trimming: the same string the endpoint's request schema measures
  for (const f of TEXT_FIELDS) {
    const v = entry[f];
    if (typeof v !== "string") continue;
    if (v.length > TEXT_LIMITS[f])
      sink.issue("text_too_long", "text.length", f, "error", { length: v.length, max: TEXT_LIMITS[f] });
    const bad = forbiddenCharacter(v);
    if (bad)
      sink.issue("invalid_text", "text.characters", f, "error", {
        character: codePointLabel(bad.code),
        position: bad.index + 1,
      });
  }
  if (isNotApplicableText(primaryRaw(target, entry))) {
    out.notApplicable = true;
    return "not_applicable";
  }
  if (target.measure === "milestone") {
    const m = parseMilestone(entry.milestone);
    if (m === undefined) {
      sink.issue("unknown_milestone", "type.milestone", "milestone", "error", { text: String(entry.milestone) });
      return "invalid";
    }
    out.milestone = m;
    return m === null ? "blank" : "ok";
  }
  if (target.aggregation === "ratio_of_sums") return parseRatio(target, entry, locale, out, sink);
  const allowPercent = target.measure === "percent" || target.measure === "rate";
  const v = readNumber(entry.value, locale, "value", allowPercent, sink);
  out.value = v ?? null;
  if (v === undefined) return "invalid";
  if (v === null) return "blank";
  return checkBounds(target, v, sink) ? "ok" : "invalid";
}

export function emptyParsedEntry(targetId: string): ParsedEntry {
  return {
    targetId,
    value: null,
    numerator: null,
    denominator: null,
    milestone: null,
    justification: null,
    evidence: null,
    responsible: null,
  };
}

/** The field a blank row is missing, for the `required` issue. */
export function primaryField(target: Target): EntryField {
  if (target.measure === "milestone") return "milestone";
  return target.aggregation === "ratio_of_sums" ? "numerator" : "value";
}
