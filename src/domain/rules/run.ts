/** The working state of one validate() call: its issues and its rows by catalog position. */
import type { Bilingual, EntryField, IssueCode, ParsedEntry, Severity, Target, ValidationIssue } from "../types";
import type { MessageParams } from "../messages";
import type { EntryState, IssueSink } from "./entry";

/** For a unit's target list: 1 at the catalog position of each target it reports (cached per list). */
const MASKS = new WeakMap<readonly Target[], Uint8Array>();
export function expectedMask(targets: readonly Target[], order: Map<string, number>, size: number): Uint8Array {
  let mask = MASKS.get(targets);
  if (!mask) {
    mask = new Uint8Array(size);
    for (const t of targets) {
      const pos = order.get(t.id);
      if (pos !== undefined) mask[pos] = 1;
    }
    MASKS.set(targets, mask);
  }
  return mask;
}

export interface Row {
  entry: ParsedEntry;
  state: EntryState;
  target: Target;
  /** position in report.entries */
  index: number;
}

/** Filled in by finish(), once every check has run. */
const PENDING: Bilingual = { vi: "", en: "" };

export function codePoints(s: string | null): number {
  if (!s) return 0;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++; // count a surrogate pair once
  }
  return n;
}

/** One validation: collects issues (it is the row sink of parseEntryInto); finish() adds cells and messages. */
export class ValidationRun implements IssueSink {
  readonly issues: ValidationIssue[] = [];
  /** the entry field of each issue, for ctx.cellOf */
  readonly fields: (EntryField | null)[] = [];
  /** rows by catalog position (array look-ups, no hashing per value), and in report order */
  readonly byPos: (Row | undefined)[];
  readonly list: Row[] = [];
  currentId = "";

  constructor(
    readonly unitCode: string,
    readonly period: string,
    catalogSize: number,
    readonly order: Map<string, number>,
  ) {
    this.byPos = new Array<Row | undefined>(catalogSize);
  }

  /** The row of a target id, if the report has one. */
  row(targetId: string): Row | undefined {
    const pos = this.order.get(targetId);
    return pos === undefined ? undefined : this.byPos[pos];
  }

  issue(code: IssueCode, ruleId: string, field: EntryField | null, severity: Severity, params: MessageParams): void {
    const id = this.currentId;
    this.add(code, ruleId, id, field, ["entries", id, field ?? "value"], severity, params);
  }

  add(
    code: IssueCode,
    ruleId: string,
    targetId: string | null,
    field: EntryField | null,
    path: (string | number)[],
    severity: Severity,
    params: MessageParams,
  ): void {
    this.issues.push({
      code,
      ruleId,
      targetId,
      unitCode: this.unitCode,
      period: this.period,
      path,
      severity,
      params,
      message: PENDING,
    });
    this.fields.push(field);
  }
}
