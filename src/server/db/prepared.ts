/**
 * Queries compiled once, run many times. A query is built with kysely (typed, dialect-correct SQL) using `slot(i)`
 * markers where its parameters go, compiled on first use, and then executed with fresh parameter values — no
 * query building or compiling per request. With SQLite the statement cache in connect.ts then reuses the prepared
 * better-sqlite3 statement, with PostgreSQL the same SQL text each time.
 */
import { CompiledQuery, type Compilable, type Kysely, type QueryResult } from "kysely";
import type { Database } from "./schema";

const SLOT = "__chitieu_slot__";

interface Slot {
  readonly [SLOT]: number;
}

function isSlot(v: unknown): v is Slot {
  return typeof v === "object" && v !== null && SLOT in v;
}

/** A parameter placeholder for argument `i` (typed as whatever the builder expects there). */
export function slot<T = never>(i: number): T {
  return { [SLOT]: i } as unknown as T;
}

export interface Prepared<Args extends readonly unknown[], Row> {
  run(executor: Kysely<Database>, ...args: Args): Promise<QueryResult<Row>>;
  sql(): string;
  /** The SQL and its parameter list for these arguments (to run elsewhere, e.g. on the writer thread). */
  bind(...args: Args): { sql: string; params: unknown[] };
  /** Where argument `i` is in the parameter list (-1 if the query does not use it). */
  position(i: number): number;
}

export function prepared<Args extends readonly unknown[], Row>(
  db: Kysely<Database>,
  build: (db: Kysely<Database>) => Compilable<Row>,
): Prepared<Args, Row> {
  let compiled: { sql: string; params: readonly unknown[]; slots: number[] } | null = null;
  const compile = () => {
    if (!compiled) {
      const c = build(db).compile();
      compiled = {
        sql: c.sql,
        params: c.parameters,
        slots: c.parameters.map((p) => (isSlot(p) ? p[SLOT] : -1)),
      };
    }
    return compiled;
  };
  const bind = (args: readonly unknown[]) => {
    const c = compile();
    const params = c.params.map((p, i) => {
      const s = c.slots[i] as number;
      return s >= 0 ? args[s] : p;
    });
    return { sql: c.sql, params };
  };
  return {
    run(executor, ...args) {
      const { sql, params } = bind(args);
      return executor.executeQuery<Row>(CompiledQuery.raw(sql, params));
    },
    sql: () => compile().sql,
    bind: (...args) => bind(args),
    position: (i) => compile().slots.indexOf(i),
  };
}
