/**
 * Queries compiled once, run many times. A query is built with kysely (typed, dialect-correct SQL) using named
 * `param("name")` markers where its parameters go, compiled on first use, and then executed with fresh values taken
 * by name from one arguments object — no query building or compiling per request. With SQLite the statement cache
 * in connect.ts then reuses the prepared better-sqlite3 statement, with PostgreSQL the same SQL text each time.
 *
 * A name may appear several times in one query (each place gets the same value); an argument the query does not
 * name is ignored, so several statements of one write can take the same arguments object.
 */
import { CompiledQuery, type Compilable, type Kysely, type QueryResult } from "kysely";
import type { Database } from "./schema";

const PARAM = "__chitieu_param__";

interface Param {
  readonly [PARAM]: string;
}

function isParam(v: unknown): v is Param {
  return typeof v === "object" && v !== null && PARAM in v;
}

/** A parameter placeholder for the argument called `name` (typed as whatever the builder expects there). */
export function param<T = never>(name: string): T {
  return { [PARAM]: name } as unknown as T;
}

/** The arguments of a prepared query, by name. */
export type Args = Readonly<Record<string, unknown>>;

/** Any object whose properties are the arguments (an interface, or Args). */
type Named = object;

export interface Prepared<A extends Named, Row> {
  run(executor: Kysely<Database>, args: A): Promise<QueryResult<Row>>;
  sql(): string;
  /** The SQL and its parameter list for these arguments (to run elsewhere, e.g. on the writer thread). */
  bind(args: A): { sql: string; params: unknown[] };
  /** Where the argument `name` first is in the parameter list (-1 if the query does not use it). */
  position(name: keyof A & string): number;
}

export function prepared<A extends Named, Row>(
  db: Kysely<Database>,
  build: (db: Kysely<Database>) => Compilable<Row>,
): Prepared<A, Row> {
  let compiled: { sql: string; params: readonly unknown[]; names: (string | null)[] } | null = null;
  const compile = () => {
    if (!compiled) {
      const c = build(db).compile();
      compiled = {
        sql: c.sql,
        params: c.parameters,
        names: c.parameters.map((p) => (isParam(p) ? p[PARAM] : null)),
      };
    }
    return compiled;
  };
  const bind = (args: A) => {
    const c = compile();
    const params = c.params.map((p, i) => {
      const name = c.names[i];
      if (name === null || name === undefined) return p;
      const value = (args as Args)[name];
      if (value === undefined) throw new Error(`prepared query: no value for the parameter "${name}"`);
      return value;
    });
    return { sql: c.sql, params };
  };
  return {
    run(executor, args) {
      const { sql, params } = bind(args);
      return executor.executeQuery<Row>(CompiledQuery.raw(sql, params));
    },
    sql: () => compile().sql,
    bind,
    position: (name) => compile().names.indexOf(name),
  };
}
