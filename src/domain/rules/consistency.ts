/**
 * Consistency across figures of one report. Ratio targets whose denominator is the population ("Dân số": S01, S09,
 * U04, U10 in the default catalog) must carry the same population: a target whose population differs from the one
 * most targets give (ties: the first in catalog order) gets a warning that needs a justification.
 */
import type { Catalog, EntryField, IssueCode, ParsedEntry, Severity, Target } from "../types";
import type { MessageParams } from "../messages";
import { normalizeText } from "../text";
import type { EntryState } from "./entry";

const POPULATION_LABEL = "dân số";

const POPULATION_TARGETS = new WeakMap<Catalog, Target[]>();
/** The ratio targets whose denominator is the population, in catalog order. */
export function populationTargets(catalog: Catalog): Target[] {
  let list = POPULATION_TARGETS.get(catalog);
  if (!list) {
    list = catalog.targets.filter(
      (t) =>
        t.aggregation === "ratio_of_sums" &&
        t.denominatorLabel !== null &&
        normalizeText(t.denominatorLabel).toLowerCase() === POPULATION_LABEL,
    );
    POPULATION_TARGETS.set(catalog, list);
  }
  return list;
}

const POPULATION_POSITIONS = new WeakMap<Catalog, number[]>();
/** Catalog positions of the population targets. */
function populationPositions(catalog: Catalog): number[] {
  let list = POPULATION_POSITIONS.get(catalog);
  if (!list) {
    const ids = new Set(populationTargets(catalog).map((t) => t.id));
    list = catalog.targets.flatMap((t, i) => (ids.has(t.id) ? [i] : []));
    POPULATION_POSITIONS.set(catalog, list);
  }
  return list;
}

export function populationTargetIds(catalog: Catalog): Set<string> {
  return new Set(populationTargets(catalog).map((t) => t.id));
}

interface IssueAdder {
  add(
    code: IssueCode,
    ruleId: string,
    targetId: string | null,
    field: EntryField | null,
    path: (string | number)[],
    severity: Severity,
    params: MessageParams,
  ): void;
}

export function checkPopulation(
  catalog: Catalog,
  rowsByPos: readonly ({ entry: ParsedEntry; state: EntryState } | undefined)[],
  out: IssueAdder,
): void {
  const positions = populationPositions(catalog);
  if (positions.length < 2) return;
  const given: ParsedEntry[] = [];
  for (const pos of positions) {
    const row = rowsByPos[pos];
    if (row && row.state === "ok" && row.entry.denominator !== null) given.push(row.entry);
  }
  if (given.length < 2) return;
  let same = true;
  const first = given[0]?.denominator;
  for (const e of given) if (e.denominator !== first) same = false;
  if (same) return;
  const counts = new Map<number, { n: number; first: string }>();
  for (const e of given) {
    const c = counts.get(e.denominator as number);
    if (c) c.n++;
    else counts.set(e.denominator as number, { n: 1, first: e.targetId });
  }
  let refValue = 0;
  let ref = { n: 0, first: "" };
  for (const [value, c] of counts) {
    if (c.n > ref.n) {
      ref = c;
      refValue = value;
    }
  }
  for (const e of given) {
    if (e.denominator !== refValue) {
      out.add(
        "inconsistent_denominator",
        "consistency.population",
        e.targetId,
        "denominator",
        ["entries", e.targetId, "denominator"],
        "warning",
        { value: e.denominator, expected: refValue, reference: ref.first },
      );
    }
  }
}
