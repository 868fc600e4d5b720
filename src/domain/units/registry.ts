/**
 * The unit registry: look-up by code (never by name), search by name (NFC, tone-placement-insensitive), and which
 * targets a unit reports under a catalog by the catalog's `applies_to` (rules/applicability.ts `defaultApplies`):
 * - a kind listed plainly: every unit of that kind;
 * - a kind `(planner selects)`: every unit of that kind, except a department with its own target list, which reports
 *   what it lists;
 * - any target listed in a unit's `targetIds`.
 * Which targets a given period's report asks for (the planners' table, cadence) is `reportScope` in the rules.
 */
import type { Catalog, Target, Unit, UnitRegistry } from "../types";
import { looseKey, toneKey } from "../text";
import { buildDefaultUnits } from "./units-data";
import { defaultApplies } from "../rules/applicability";

export function targetsForUnit(catalog: Catalog, unit: Unit): Target[] {
  return catalog.targets.filter((t) => defaultApplies(t, unit));
}

interface SearchEntry {
  unit: Unit;
  code: string;
  tone: string;
  loose: string;
}

export function createUnitRegistry(units: readonly Unit[]): UnitRegistry {
  const list = units.map((u) => ({ ...u, name: { vi: u.name.vi.normalize("NFC"), en: u.name.en } }));
  const byCode = new Map<string, Unit>();
  for (const u of list) byCode.set(u.code, u);
  const entries: SearchEntry[] = list.map((unit) => ({
    unit,
    code: unit.code.toLowerCase(),
    tone: toneKey(unit.name.vi),
    loose: `${looseKey(unit.name.vi)} | ${looseKey(unit.name.en)}`,
  }));
  const targetsCache = new WeakMap<Catalog, Map<string, Target[]>>();
  const unitsCache = new WeakMap<Catalog, Map<string, Unit[]>>();

  function targetsFor(catalog: Catalog, unitCode: string): Target[] {
    let perUnit = targetsCache.get(catalog);
    if (!perUnit) {
      perUnit = new Map();
      for (const u of list) perUnit.set(u.code, targetsForUnit(catalog, u));
      targetsCache.set(catalog, perUnit);
    }
    return perUnit.get(unitCode) ?? [];
  }

  function unitsFor(catalog: Catalog, targetId: string): Unit[] {
    let perTarget = unitsCache.get(catalog);
    if (!perTarget) {
      perTarget = new Map();
      for (const t of catalog.targets) perTarget.set(t.id, []);
      for (const u of list) for (const t of targetsFor(catalog, u.code)) perTarget.get(t.id)?.push(u);
      unitsCache.set(catalog, perTarget);
    }
    return perTarget.get(targetId) ?? [];
  }

  function search(text: string): Unit[] {
    const q = text.trim();
    if (!q) return [];
    const qCode = q.toLowerCase();
    const qTone = toneKey(q);
    const qLoose = looseKey(q);
    const ranked: { unit: Unit; rank: number }[] = [];
    for (const e of entries) {
      let rank = -1;
      if (e.code === qCode) rank = 0;
      else if (e.tone === qTone) rank = 1;
      else if (e.code.startsWith(qCode)) rank = 2;
      else if (e.tone.includes(qTone)) rank = 3;
      else if (e.loose.includes(qLoose)) rank = 4;
      if (rank >= 0) ranked.push({ unit: e.unit, rank });
    }
    return ranked.sort((a, b) => a.rank - b.rank).map((r) => r.unit);
  }

  return {
    byCode: (code) => byCode.get(code.trim()),
    search,
    all: () => list.slice(),
    targetsFor,
    unitsFor,
  };
}

/** The 126 wards/communes, the starter departments, the city unit and the demo units (a fresh copy each call). */
export function defaultUnits(): Unit[] {
  return buildDefaultUnits();
}

let defaultRegistryMemo: UnitRegistry | null = null;

/** A registry over defaultUnits(), memoized. */
export function defaultUnitRegistry(): UnitRegistry {
  if (!defaultRegistryMemo) defaultRegistryMemo = createUnitRegistry(buildDefaultUnits());
  return defaultRegistryMemo;
}
