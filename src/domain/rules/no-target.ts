import type { Bilingual, EntryField, Period, Target, ValidationIssue } from "../types";
import { messageFor, type MessageParams } from "../messages";
import { verdictParams, type Verdict } from "./assess";

/**
 * A no_target issue depends only on the target, the year, the reason and the cell, and repeats in every report of
 * every unit: its params and text are built once per target object (the same id in another catalog is another
 * object) and shared, frozen, by the issues that carry them.
 */
interface SharedNoTarget {
  params: MessageParams;
  byCell: Map<string | null, { params: MessageParams; message: Bilingual }>;
}
/** per target object: per year, [not_set, city_total] */
const NO_TARGET = new WeakMap<Target, Map<number, (SharedNoTarget | undefined)[]>>();
const NO_TARGET_BY_PARAMS = new WeakMap<MessageParams, SharedNoTarget>();

export function sharedNoTarget(target: Target, period: Period, v: Verdict): SharedNoTarget {
  let perYear = NO_TARGET.get(target);
  if (!perYear) NO_TARGET.set(target, (perYear = new Map()));
  let pair = perYear.get(period.year);
  if (!pair) perYear.set(period.year, (pair = [undefined, undefined]));
  const slot = v.reason === "city_total" ? 1 : 0;
  let shared = pair[slot];
  if (!shared) {
    shared = { params: verdictParams(target, period, v), byCell: new Map() };
    NO_TARGET_BY_PARAMS.set(shared.params, shared);
    pair[slot] = shared;
  }
  return shared;
}

export function completeNoTarget(issue: ValidationIssue, field: EntryField | null, cell: string | undefined): void {
  const shared = NO_TARGET_BY_PARAMS.get(issue.params) as SharedNoTarget;
  const cellKey = cell ?? null;
  let done = shared.byCell.get(cellKey);
  if (!done) {
    const params: MessageParams = { ...shared.params, targetId: issue.targetId, field, cell: cellKey };
    done = { params: Object.freeze(params), message: Object.freeze(messageFor("no_target", params)) };
    if (shared.byCell.size > 1000) shared.byCell.clear();
    shared.byCell.set(cellKey, done);
  }
  issue.params = done.params;
  issue.message = done.message;
}
