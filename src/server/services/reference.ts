/**
 * Reference data held in memory: the current catalog, every catalog version asked for (parsed once — the domain
 * caches its look-ups per catalog object), and the unit registry (rebuilt only when units change). Several
 * instances stay in step through `reload()`, which the app runs on a timer.
 */
import type { Kysely } from "kysely";
import { createUnitRegistry, defaultCatalog } from "../../domain";
import type { Catalog, Unit, UnitRegistry } from "../../domain/types";
import type { Database } from "../db/schema";
import { currentCatalogVersion, getStoredCatalog } from "../db/catalogs";
import { listUnits } from "../db/units";
import { listApplicability } from "../db/applicability";
import type { ApplicabilityTable } from "../../domain/rules/applicability";
import type { UnitTargetTable } from "../../domain/rules/unit-targets";
import { listUnitTargets } from "../db/unit-targets";

export class ReferenceData {
  readonly #db: Kysely<Database>;
  readonly #catalogs = new Map<string, Catalog>();
  #current!: Catalog;
  #units: Unit[] = [];
  #registry!: UnitRegistry;
  #unitsStamp = "";
  #applicability: ApplicabilityTable = { entries: [] };
  #applicabilityStamp = "";
  #unitTargets: UnitTargetTable = { entries: [] };
  #unitTargetsStamp = "";

  constructor(db: Kysely<Database>) {
    this.#db = db;
    const builtIn = defaultCatalog();
    this.#catalogs.set(builtIn.version, builtIn);
  }

  /** Read the current catalog version and the units; rebuild what changed. */
  async reload(): Promise<void> {
    const version = await currentCatalogVersion(this.#db);
    const current = version ? await this.catalog(version) : undefined;
    this.#current = current ?? defaultCatalog();
    const units = await listUnits(this.#db);
    const stamp = JSON.stringify(units);
    if (stamp !== this.#unitsStamp) {
      this.#units = units;
      this.#registry = createUnitRegistry(units);
      this.#unitsStamp = stamp;
    }
    const entries = await listApplicability(this.#db);
    const applicabilityStamp = JSON.stringify(entries);
    if (applicabilityStamp !== this.#applicabilityStamp) {
      this.#applicability = { entries };
      this.#applicabilityStamp = applicabilityStamp;
    }
    const assigned = await listUnitTargets(this.#db);
    const assignedStamp = JSON.stringify(assigned);
    if (assignedStamp !== this.#unitTargetsStamp) {
      this.#unitTargets = { entries: assigned };
      this.#unitTargetsStamp = assignedStamp;
    }
  }

  /** Targets assigned to units (one object until they change). */
  get unitTargets(): UnitTargetTable {
    return this.#unitTargets;
  }

  /** The planners' unit × target choices (one object until they change: the domain caches per table object). */
  get applicability(): ApplicabilityTable {
    return this.#applicability;
  }

  get currentCatalog(): Catalog {
    return this.#current;
  }

  get registry(): UnitRegistry {
    return this.#registry;
  }

  get units(): readonly Unit[] {
    return this.#units;
  }

  /** A stored catalog by version (cached), or undefined. */
  async catalog(version: string): Promise<Catalog | undefined> {
    const cached = this.#catalogs.get(version);
    if (cached) return cached;
    const stored = await getStoredCatalog(this.#db, version);
    if (stored) this.#catalogs.set(version, stored);
    return stored;
  }
}
