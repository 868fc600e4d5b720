/**
 * Readers of the endpoint's answers into domain values, field by field and without casts: the pane keeps zod out of
 * its bundle, so it checks the shapes it relies on itself. What is not what the contract says (src/api) is left out
 * (an issue) or read as absent (a unit), never passed on as if it were right.
 */
import type { Bilingual, EntryInput, RawValue, Severity, Unit, UnitKind, ValidationIssue } from "../../domain/types";
import { ENTRY_FIELDS } from "../../domain/entry-fields";

const UNIT_KINDS: readonly UnitKind[] = ["ward", "commune", "department", "city"];
const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function bilingual(v: unknown): Bilingual | null {
  return isObject(v) && typeof v.vi === "string" && typeof v.en === "string" ? { vi: v.vi, en: v.en } : null;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/** A unit as /me and /units give it; null when its code or kind is missing. A missing name reads as the code. */
export function toUnit(v: unknown): Unit | null {
  if (!isObject(v) || typeof v.code !== "string") return null;
  const kind = UNIT_KINDS.find((k) => k === v.kind);
  if (kind === undefined) return null;
  const unit: Unit = {
    code: v.code,
    kind,
    name: bilingual(v.name) ?? { vi: v.code, en: v.code },
    targetIds: strings(v.targetIds),
    toConfirm: v.toConfirm === true,
    demo: v.demo === true,
    groups: strings(v.groups),
  };
  if (typeof v.retiredFrom === "string" || v.retiredFrom === null) unit.retiredFrom = v.retiredFrom;
  return unit;
}

function param(v: unknown): string | number | boolean | null | undefined {
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v === null ? v : undefined;
}

/** One validation issue, or null when a field the pane shows or sorts by is missing or of the wrong type. */
export function toIssue(v: unknown): ValidationIssue | null {
  if (!isObject(v) || typeof v.code !== "string" || typeof v.ruleId !== "string") return null;
  const severity = SEVERITIES.find((s) => s === v.severity);
  const message = bilingual(v.message);
  if (severity === undefined || message === null || !Array.isArray(v.path)) return null;
  const params: ValidationIssue["params"] = {};
  if (isObject(v.params))
    for (const [k, x] of Object.entries(v.params)) {
      const p = param(x);
      if (p !== undefined) params[k] = p;
    }
  const issue: ValidationIssue = {
    code: v.code as ValidationIssue["code"], // an IssueCode the pane does not know still shows its own message
    ruleId: v.ruleId,
    targetId: typeof v.targetId === "string" ? v.targetId : null,
    unitCode: typeof v.unitCode === "string" ? v.unitCode : "",
    period: typeof v.period === "string" ? v.period : "",
    path: v.path.filter((p): p is string | number => typeof p === "string" || typeof p === "number"),
    severity,
    params,
    message,
  };
  if (typeof v.cell === "string") issue.cell = v.cell;
  if (typeof v.justified === "boolean") issue.justified = v.justified;
  return issue;
}

/** The issues of an answer: those that read as issues, in order. */
export function toIssues(v: unknown): ValidationIssue[] {
  return Array.isArray(v) ? v.map(toIssue).filter((i): i is ValidationIssue => i !== null) : [];
}

function rawValue(v: unknown): RawValue | undefined {
  if (v === null || typeof v === "string" || typeof v === "boolean") return v;
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

/** The entries of a stored report as the unit sent them (GET /reports/:unit/:period `report.entries`); null when the
 * answer holds none. An entry without a target id is left out; a field of another type reads as absent. */
export function toEntries(v: unknown): EntryInput[] | null {
  if (!Array.isArray(v)) return null;
  const out: EntryInput[] = [];
  for (const item of v) {
    if (!isObject(item) || typeof item.targetId !== "string") continue;
    const entry: EntryInput = { targetId: item.targetId };
    for (const f of ENTRY_FIELDS) {
      const x = rawValue(item[f]);
      if (x === undefined) continue;
      if (f === "justification" || f === "evidence" || f === "responsible") {
        if (x === null || typeof x === "string") entry[f] = x;
      } else entry[f] = x;
    }
    out.push(entry);
  }
  return out;
}
